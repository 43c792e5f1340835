import { css } from 'lit';

// gu-faq-deflection (deflection.ts, loaded later): its height is reserved from the first paint, so nothing below moves.
export const formStyles = css`
  :host {
    display: block;
    max-width: 42rem;
    /* Layout follows the element's own width (a narrow column, a 320 px phone, 400 % zoom). */
    container-type: inline-size;
  }
  /* The attachment control arrives with the behaviour: its place is kept (by the form's width), so nothing below it moves. */
  gu-file-drop:not(:defined) {
    display: block;
    min-height: 24rem;
  }
  @container (min-width: 15rem) {
    gu-file-drop:not(:defined) {
      min-height: 19.5rem;
    }
  }
  @container (min-width: 18.75rem) {
    gu-file-drop:not(:defined) {
      min-height: 18rem;
    }
  }
  @container (min-width: 20rem) {
    gu-file-drop:not(:defined) {
      min-height: 16.5rem;
    }
  }
  @container (min-width: 26.25rem) {
    gu-file-drop:not(:defined) {
      min-height: 13.5rem;
    }
  }
  @container (min-width: 37.5rem) {
    gu-file-drop:not(:defined) {
      min-height: 12rem;
    }
  }
  .heading {
    margin: 0 0 var(--_space);
    font-size: 1.5em;
    line-height: 1.25;
  }
  .intro {
    margin: 0 0 calc(var(--_space) * 3);
    color: var(--_text-secondary);
  }
  fieldset {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: calc(var(--_space) * 2);
    font-size: 1.25em;
    font-weight: 700;
  }
  .notice {
    margin-block-end: calc(var(--_space) * 3);
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border-left: 4px solid var(--_primary);
  }
  .notice.warning {
    background: var(--_warning-bg);
    border-left-color: #b35c00;
  }
  .notice.error {
    background: var(--_surface);
    border: 2px solid var(--_error);
    border-left-width: 6px;
  }
  .queued ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .draft {
    color: var(--_text-secondary);
  }
  .notice h3 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  .notice p {
    margin: 0 0 var(--_space);
  }
  mark {
    background: #ffd6d6;
    color: inherit;
    outline: 2px solid var(--_error);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
  }
  details {
    margin-block-end: calc(var(--_space) * 3);
  }
  summary {
    cursor: pointer;
    color: var(--_primary);
    text-decoration: underline;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: var(--_space) 0;
    overflow-wrap: anywhere;
  }
  dt {
    color: var(--_text-secondary);
  }
  dd {
    margin: 0;
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      margin-block-end: var(--_space);
    }
  }
  progress {
    width: 12rem;
    height: 0.75rem;
    accent-color: var(--_primary);
  }
  .success {
    padding: calc(var(--_space) * 3);
    overflow-wrap: anywhere;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border-left: 6px solid var(--_success);
  }
  .success h2 {
    margin: 0 0 calc(var(--_space) * 2);
  }
  .success h2:focus {
    outline: none;
  }
  .number {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
    margin-block-end: calc(var(--_space) * 2);
  }
  .number strong {
    min-width: 0;
    font-size: clamp(1.25em, 9cqi, 2em);
    overflow-wrap: anywhere;
    letter-spacing: 0.05em;
    font-variant-numeric: tabular-nums;
    user-select: all;
  }
  .inline-check {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .inline-check input {
    width: 22px;
    height: 22px;
    accent-color: var(--_primary);
  }
  a {
    color: var(--_primary);
  }
  gu-faq-deflection:not([hidden]) {
    display: block;
    min-height: 7.25em;
    margin-block-end: calc(var(--_space) * 3);
  }
`;
