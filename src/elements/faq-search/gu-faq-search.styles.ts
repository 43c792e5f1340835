import { css } from 'lit';

export const faqStyles = css`
  :host {
    display: block;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: flex-end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    flex: 1 1 18em;
  }
  .field.category {
    flex: 0 1 14em;
  }
  .label,
  .subheading {
    font-weight: 600;
    font-size: 1.125em;
    margin: 0;
  }
  .hint,
  .meta {
    margin: 0;
    color: var(--_text-secondary);
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    min-height: 44px;
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    width: 100%;
  }
  [role='listbox'] {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-height: 28em;
    overflow-y: auto;
  }
  [role='listbox'][hidden] {
    display: none;
  }
  .result {
    display: block;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
  }
  .result:last-child {
    border-bottom: 0;
  }
  .result[aria-selected='true'] {
    background: var(--_surface-alt);
    outline: var(--_focus-width) solid var(--_focus-dark);
    outline-offset: calc(var(--_focus-width) * -1);
  }
  .result-title {
    display: block;
    font-weight: 600;
    color: var(--_primary);
  }
  .snippet {
    display: block;
    color: var(--_text-secondary);
  }
  .chip {
    display: inline-block;
    margin: 2px 0;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: 1em;
    font-size: 0.875em;
  }
  mark {
    background: var(--_warning-bg);
    color: inherit;
    font-weight: 600;
  }
  a {
    color: var(--_primary);
  }
  /*
   * Popular questions: rows at least two lines tall (a longer title is never cut: it grows its
   * row), one column on a phone, more where there is room. The grey lines drawn while the articles
   * load take the same rows, so nothing below moves when they arrive; a row two lines tall is also
   * an easy target for a finger. (\`list-style: none\` loses the list role in Safari: the lists say
   * role="list".)
   */
  .links {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20em), 1fr));
    gap: calc(var(--_space) / 2) calc(var(--_space) * 3);
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }
  .links li {
    min-height: calc(2em * var(--_line-height));
    min-height: 2lh;
  }
  .placeholder span {
    display: inline-block;
    vertical-align: middle;
    width: 75%;
    height: 1em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
  }
  .placeholder li:nth-child(3n + 2) span {
    width: 55%;
  }
  .placeholder li:nth-child(3n) span {
    width: 90%;
  }
  .notice {
    margin: var(--_space) 0;
    padding: var(--_space) calc(var(--_space) * 2);
    border-left: 4px solid var(--_primary);
    background: var(--_surface-alt);
  }
  .notice.error {
    border-left-color: var(--_error);
  }
  .notice.warning {
    border-left-color: var(--_error);
    background: var(--_warning-bg);
  }
  .article h2 {
    margin: var(--_space) 0;
  }
  .article h2:focus {
    outline: none;
  }
  .article h2:focus-visible {
    outline: var(--_focus-width) solid var(--_focus-dark);
  }
  fieldset {
    margin: calc(var(--_space) * 2) 0;
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 2);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 600;
    padding: 0 calc(var(--_space) / 2);
  }
  .choices {
    display: flex;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  textarea {
    min-height: 5em;
    margin: calc(var(--_space) / 2) 0 var(--_space);
  }
`;
