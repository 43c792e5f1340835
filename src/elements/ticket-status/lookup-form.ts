import { html, nothing } from 'lit';
import { commonStrings } from '../../core/i18n/catalogues/common.js';
import { ticketStrings } from '../../core/i18n/catalogues/ticket.js';

/** The look-up form's values, its field errors, and the one failure of the last attempt. */
export interface LookupState {
  number: string;
  contact: string;
  errors: { number?: string; contact?: string };
  /** Shown above the form (a neutral «not found», Retry-After, offline). */
  failure: string;
  busy: boolean;
}

export const emptyLookup = (number = ''): LookupState => ({ number, contact: '', errors: {}, failure: '', busy: false });

export interface LookupView {
  lang: string;
  state: LookupState;
  recent: readonly string[];
  input(field: 'number' | 'contact', value: string): void;
  submit(): void;
  useRecent(number: string): void;
}

function field(view: LookupView, name: 'number' | 'contact', label: string, hint: string, autocomplete: string) {
  const error = view.state.errors[name];
  return html`<div class="field">
    <label for=${name}>${label}</label>
    <span class="hint" id="${name}-hint">${hint}</span>
    ${error ? html`<span class="error" id="${name}-error"><span class="visually-hidden">${commonStrings.t(view.lang, 'field.errorPrefix')}</span> ${error}</span>` : nothing}
    <input
      id=${name}
      name=${name}
      autocomplete=${autocomplete}
      inputmode=${name === 'number' ? 'numeric' : 'text'}
      spellcheck="false"
      aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"
      aria-invalid=${error ? 'true' : 'false'}
      .value=${view.state[name]}
      @input=${(e: Event) => view.input(name, (e.target as HTMLInputElement).value)}
    />
  </div>`;
}

/** «Узнать статус обращения»: number and contact, sent by POST only (the behaviour checks them first). */
export function renderLookup(view: LookupView) {
  const t = (key: Parameters<typeof ticketStrings.t>[1], params?: Record<string, string>) => ticketStrings.t(view.lang, key, params);
  const { state } = view;
  return html`<section class="lookup" part="lookup" aria-labelledby="lookup-title">
    <h2 id="lookup-title">${t('ticket.lookup.title')}</h2>
    ${state.failure ? html`<div class="notice warning failure" role="alert">${state.failure}</div>` : nothing}
    <p>${t('ticket.lookup.intro')}</p>
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        view.submit();
      }}
    >
      ${field(view, 'number', t('ticket.lookup.number'), t('ticket.lookup.numberHint'), 'off')}
      ${field(view, 'contact', t('ticket.lookup.contact'), t('ticket.lookup.contactHint'), 'tel')}
      <button class="button" part="submit" type="submit" aria-disabled=${state.busy ? 'true' : 'false'}>${state.busy ? t('ticket.lookup.loading') : t('ticket.lookup.submit')}</button>
    </form>
    ${view.recent.length
      ? html`<h3>${t('ticket.lookup.recent')}</h3>
          <ul class="recent">
            ${view.recent.map(
              (number) => html`<li><button type="button" class="button secondary" aria-label=${t('ticket.lookup.recentUse', { number })} @click=${() => view.useRecent(number)}>${number}</button></li>`,
            )}
          </ul>`
      : nothing}
  </section>`;
}
