import { css } from '@lit/reactive-element';

/**
 * Design tokens. Each element reads `--gu-*` custom properties with these Gosuslugi-like defaults;
 * a page themes the kit by setting them on any ancestor (they inherit through shadow roots).
 * Internal `--_*` names keep the fallbacks in one place.
 */
export const tokens = css`
  :host {
    --_primary: var(--gu-color-primary, #0d4cd3);
    --_primary-hover: var(--gu-color-primary-hover, #0a3ba8);
    --_on-primary: var(--gu-color-on-primary, #ffffff);
    --_text: var(--gu-color-text, #0b1f33);
    --_text-secondary: var(--gu-color-text-secondary, #5b6673);
    --_border: var(--gu-color-border, #86909c);
    --_surface: var(--gu-color-surface, #ffffff);
    --_surface-alt: var(--gu-color-surface-alt, #f1f4f8);
    --_error: var(--gu-color-error, #c8001b);
    --_success: var(--gu-color-success, #00723a);
    --_warning-bg: var(--gu-color-warning-bg, #fff4d6);
    --_focus: var(--gu-color-focus, #ffbf1f);
    --_focus-dark: var(--gu-color-focus-dark, #0b0c0c);
    --_font: var(--gu-font-family, system-ui, 'Segoe UI', Roboto, Arial, sans-serif);
    --_font-size: var(--gu-font-size, 1rem);
    --_line-height: var(--gu-line-height, 1.5);
    --_radius: var(--gu-radius, 8px);
    --_space: var(--gu-space, 8px);
    --_focus-width: var(--gu-focus-width, 3px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }

  /* Low-vision version (GOST R 52872-2019): large type, black on white, thick focus. */
  :host([theme='low-vision']) {
    --gu-color-primary: #000000;
    --gu-color-primary-hover: #1a1a1a;
    --gu-color-text: #000000;
    --gu-color-text-secondary: #000000;
    --gu-color-border: #000000;
    --gu-color-surface-alt: #ffffff;
    --gu-color-error: #b00000;
    --gu-color-focus: #0050ff;
    --gu-font-size: 1.375rem;
    --gu-line-height: 1.6;
    --gu-focus-width: 4px;
    letter-spacing: 0.02em;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /*
   * Two-tone focus ring (GOV.UK): a dark ring on the element and a light halo around it, so one
   * of the two reaches 3:1 against any background (WCAG 1.4.11); yellow alone is 1.65:1 on white.
   */
  :focus-visible,
  .focus-ring:focus {
    outline: var(--_focus-width) solid var(--_focus-dark);
    outline-offset: 0;
    box-shadow: 0 0 0 calc(var(--_focus-width) * 2) var(--_focus);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** Text boxes, text areas and selects as every element draws them: 44 px tall, the theme's border, red when invalid. */
export const controls = css`
  input,
  textarea,
  select {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
`;

/** Buttons shared by every element: primary (filled) and secondary (outlined). */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 44px;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 3);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .button.secondary:hover {
    background: var(--_surface-alt);
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
`;
