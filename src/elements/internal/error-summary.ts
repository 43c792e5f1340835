import { html, nothing } from 'lit';

export interface SummaryItem {
  /** Field key the link leads to. */
  field: string;
  /** Exactly the inline message of that field. */
  message: string;
}

/**
 * GOV.UK-style error summary: a heading and one link per error, with the same words as the
 * inline messages. The container takes focus on submit; a link moves focus to its field.
 */
export function renderErrorSummary(title: string, items: readonly SummaryItem[], onSelect: (field: string) => void) {
  if (!items.length) return nothing;
  return html`<div class="error-summary focus-ring" tabindex="-1" aria-labelledby="error-summary-title" role="alert">
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${items.map(
        (item) =>
          html`<li>
            <a
              href="#${item.field}"
              @click=${(e: Event) => {
                e.preventDefault();
                onSelect(item.field);
              }}
              >${item.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
