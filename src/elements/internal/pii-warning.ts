import { html } from 'lit';
import { formOutcomeStrings } from '../../core/i18n/catalogues/form-outcome.js';
import { foundLabels, type SensitiveFragment } from '../../core/validate/text.js';

const CONTEXT_CHARS = 30;

/** The text around one fragment with the fragment itself marked (rendered as text, never HTML). */
function excerpt(text: string, fragment: SensitiveFragment) {
  const before = text.slice(Math.max(0, fragment.start - CONTEXT_CHARS), fragment.start);
  const after = text.slice(fragment.end, fragment.end + CONTEXT_CHARS);
  return html`…${before}<mark>${fragment.text}</mark>${after}…`;
}

/**
 * Warns about passwords, card numbers and codes in the text, with one-click removal. Not a live
 * region: it changes with every key, so the guard announces changes of kind instead (politely,
 * without the secret).
 */
export function renderPiiWarning(text: string, found: SensitiveFragment[], lang: string, onRemove: () => void) {
  const labels = foundLabels(found);
  return html`<div class="notice warning pii-warning">
    <h3>${formOutcomeStrings.t(lang, 'form.pii.title')}</h3>
    <p>${formOutcomeStrings.t(lang, 'form.pii.text', { found: labels })}</p>
    <ul>
      ${found.map((f) => html`<li>${f.label}: ${excerpt(text, f)}</li>`)}
    </ul>
    <div class="actions">
      <button type="button" class="button secondary" @click=${onRemove}>${formOutcomeStrings.t(lang, 'form.pii.remove')}</button>
    </div>
  </div>`;
}
