import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { marked } from '../internal/highlight.js';
import type { GuFaqSearch } from './gu-faq-search.js';

/** The combobox keys (ARIA 1.2): arrows move through the results, Enter opens, Esc closes then clears. */
function keydown(el: GuFaqSearch, e: KeyboardEvent): void {
  const n = el.results.length;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (!n) return;
    const down = e.key === 'ArrowDown';
    el.active = el.collapsed || el.active < 0 ? (down ? 0 : n - 1) : (el.active + (down ? 1 : n - 1)) % n;
    el.collapsed = false;
  } else if (e.key === 'Enter' && el.expanded && el.active >= 0) {
    e.preventDefault();
    el.open(el.results[el.active]!.id);
  } else if (e.key === 'Escape') {
    e.preventDefault();
    if (el.expanded) {
      el.collapsed = true;
      el.active = -1;
    } else el.query = '';
  }
}

/**
 * The combobox (ARIA 1.2, list autocomplete): the text box owns the focus, the results are its
 * listbox, the highlighted option is `aria-activedescendant`; the section filter beside it.
 */
export function renderSearchBox(el: GuFaqSearch) {
  const expanded = el.expanded;
  const categories = el.categories;
  // While the articles load, the section filter is there (disabled, «Все разделы»): its place is kept.
  const loading = el.status === 'loading';
  return html`<div class="search" role="search">
    <div class="field">
      <label class="label" for="q">${el.t('faq.label')}</label>
      <p class="hint" id="q-hint">${el.t('faq.hint')}</p>
      <input
        id="q"
        part="input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-controls="results"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${ifDefined(expanded && el.active >= 0 ? `option-${el.active}` : undefined)}
        aria-describedby="q-hint"
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        .value=${el.query}
        @input=${(e: Event) => el.typed((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => keydown(el, e)}
      />
    </div>
    ${categories.length || loading
      ? html`<div class="field category">
          <label class="label" for="category">${el.t('faq.category')}</label>
          <select id="category" part="category" ?disabled=${loading} .value=${el.category} @change=${(e: Event) => (el.category = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!el.category}>${el.t('faq.allCategories')}</option>
            ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === el.category}>${c.title}</option>`)}
          </select>
        </div>`
      : nothing}
  </div>
  <ul id="results" part="results" role="listbox" aria-label=${el.t('faq.results')} ?hidden=${!expanded}>
    ${expanded
      ? el.results.map(
          (r, i) => html`<li
            id="option-${i}"
            role="option"
            aria-selected=${i === el.active ? 'true' : 'false'}
            class="result"
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => el.open(r.id)}
          >
            <span class="result-title">${marked({ text: r.title, highlights: r.titleHighlights })}</span>
            <span class="chip">${el.categoryTitle(r.category)}</span>
            <span class="snippet">${marked(r.snippet)}</span>
          </li>`,
        )
      : nothing}
  </ul>`;
}
