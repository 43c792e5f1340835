import { css } from 'lit';

export const chatStyles = css`
  :host {
    --_offset-x: var(--gu-chat-offset-x, 24px);
    --_offset-y: var(--gu-chat-offset-y, 24px);
    --_z: var(--gu-chat-z-index, 1000);
    display: contents;
  }
  :host([mode='inline']) {
    display: block;
  }
  .launcher {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: var(--_offset-y);
    inset-inline-end: var(--_offset-x);
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-height: 48px;
    padding: var(--_space) calc(var(--_space) * 2.5);
    border: 2px solid var(--_primary);
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
  }
  :host([corner$='left']) .launcher,
  :host([corner$='left']) dialog.panel {
    inset-inline: var(--_offset-x) auto;
  }
  :host([corner^='top']) .launcher,
  :host([corner^='top']) dialog.panel {
    inset-block: var(--_offset-y) auto;
  }
  .badge {
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_error);
    color: #fff;
    text-align: center;
  }
  dialog.panel {
    position: fixed;
    z-index: var(--_z);
    inset: auto var(--_offset-x) calc(var(--_offset-y) + 64px) auto;
    margin: 0;
    width: min(var(--gu-chat-width, 24rem), calc(100vw - 2 * var(--_offset-x)));
    height: min(var(--gu-chat-height, 36rem), calc(100dvh - 2 * var(--_offset-y) - 64px));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 4px 24px rgb(0 0 0 / 30%);
  }
  dialog.panel[open],
  .panel.inline {
    display: flex;
    flex-direction: column;
  }
  .panel.inline {
    min-height: 24rem;
    max-height: 40rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* A phone (or 400 % zoom): the whole screen. */
  @media (max-width: 30em) {
    dialog.panel {
      inset: 0;
      width: 100%;
      max-width: 100%;
      height: 100%;
      max-height: 100%;
      border-radius: 0;
    }
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    border-block-end: 1px solid var(--_border);
  }
  .header h2 {
    flex: 1;
    margin: 0;
    font-size: 1.125em;
  }
  .close,
  .link,
  .chip,
  .menu button {
    font: inherit;
    cursor: pointer;
  }
  .close {
    min-width: 44px;
    min-height: 44px;
    border: 0;
    background: none;
    color: inherit;
    font-size: 1.5em;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
  }
  .log {
    flex: 1;
    min-height: 8rem;
    overflow-y: auto;
    padding: var(--_space) calc(var(--_space) * 2);
  }
  .earlier {
    min-height: 44px;
  }
  .log ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .message {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    margin-block: var(--_space);
    content-visibility: auto;
    contain-intrinsic-size: auto 3em;
  }
  .message.citizen {
    align-items: flex-end;
  }
  .bubble {
    max-width: 85%;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .citizen .bubble {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .citizen .bubble a {
    color: inherit;
  }
  .system .bubble {
    background: var(--_warning-bg);
  }
  .failed .bubble {
    outline: 2px solid var(--_error);
  }
  :host([theme='low-vision']) .bubble {
    border: 2px solid #000;
    background: #fff;
    color: #000;
  }
  .meta {
    color: var(--_text-secondary);
    font-size: 0.875em;
  }
  .cards {
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
    max-width: 85%;
  }
  .card {
    margin-block-end: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card p {
    margin: 0;
    color: var(--_text-secondary);
    font-size: 0.875em;
  }
  .quick,
  .actions,
  .composer-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .quick {
    padding: 0 calc(var(--_space) * 2) var(--_space);
  }
  .chip {
    min-height: 44px;
    padding: 0 calc(var(--_space) * 1.5);
    border: 2px solid var(--_primary);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_primary);
  }
  .chip.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .notice,
  .ended,
  .error {
    margin: 0 calc(var(--_space) * 2) var(--_space);
  }
  .error {
    color: var(--_error);
  }
  .status {
    margin: 0 calc(var(--_space) * 2);
    min-height: 1.5em;
    color: var(--_text-secondary);
  }
  .composer {
    display: grid;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 2);
    border-block-start: 1px solid var(--_border);
  }
  textarea,
  input {
    width: 100%;
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
    color: inherit;
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .count.over,
  .field-error {
    color: var(--_error);
  }
  .field-error:empty {
    display: none;
  }
  .warning {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_error);
    background: var(--_warning-bg);
  }
  .warning p {
    margin: 0 0 var(--_space);
  }
  .stars {
    display: flex;
    gap: var(--_space);
  }
  .stars label {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 44px;
  }
  .stars input {
    width: auto;
  }
  fieldset {
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
  }
  .menu {
    display: flex;
    gap: var(--_space);
  }
  .menu button {
    min-height: 44px;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
  }
`;
