import { css } from 'lit';

/** <gu-ticket-status>: the look-up form, the badge, the request and the list. */
export const ticketStatusStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 1.5em;
    margin-block: 0 calc(var(--_space) * 2);
  }
  h3 {
    font-size: 1.2em;
    margin-block: calc(var(--_space) * 3) var(--_space);
  }
  label {
    display: block;
    font-weight: 600;
  }
  .hint {
    display: block;
    color: var(--_text-secondary);
  }
  .error {
    display: block;
    color: var(--_error);
    font-weight: 600;
  }
  .field {
    margin-block-end: calc(var(--_space) * 2);
  }
  input,
  textarea,
  select {
    max-width: 32em;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .notice {
    padding: calc(var(--_space) * 2);
    border-left: 4px solid var(--_primary);
    background: var(--_surface-alt);
    margin-block: calc(var(--_space) * 2);
  }
  .notice.warning {
    border-color: var(--_error);
    background: var(--_warning-bg);
  }
  .recent {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    padding: 0;
    list-style: none;
  }
  .badge {
    display: inline-block;
    padding: 2px calc(var(--_space) * 1.5);
    border: 2px solid currentColor;
    border-radius: 999px;
    font-weight: 700;
  }
  .badge.accepted,
  .badge.in-progress {
    color: var(--_primary);
  }
  .badge.awaiting-info {
    color: var(--_error);
  }
  .badge.resolved,
  .badge.closed {
    color: var(--_success);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2);
  }
  ol.timeline,
  ol.comments {
    padding: 0;
    list-style: none;
  }
  ol.timeline li,
  ol.comments li {
    padding-block: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .comment-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }
  time,
  .meta {
    color: var(--_text-secondary);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: var(--_space);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
  }
  .scores {
    display: flex;
    gap: calc(var(--_space) * 2);
    flex-wrap: wrap;
  }
  .scores label {
    font-weight: 400;
  }
  .scores input {
    display: inline-block;
    width: auto;
    min-height: 0;
  }
  .link-button {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_primary);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
    min-height: 44px;
  }
`;
