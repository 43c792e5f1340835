import { html, nothing } from 'lit';
import { formOutcomeStrings } from '../../core/i18n/catalogues/form-outcome.js';
import type { TicketReceipt } from '../../core/adapter/types.js';
import { commonStrings } from '../../core/i18n/catalogues/common.js';
import { copyText } from '../internal/clipboard.js';
import { openTicketStatus } from '../../events/gu-ticket-open.js';
import type { GuSupportForm } from './gu-support-form.js';
import { dateTimeFormat } from '../../core/i18n/formats.js';

function moscowDate(iso: string, lang: string, withTime: boolean): string {
  return dateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: 'Europe/Moscow',
  }).format(new Date(iso));
}

/**
 * «Обращение № … принято»: the number large and copyable, what happens next and when. `summary`
 * (the request's title) says which request it was when it was written earlier.
 */
export function renderSuccess(receipt: TicketReceipt, { email, summary }: { email?: string; summary?: string }, lang: string, onNew: () => void) {
  const number = receipt.duplicateOf ?? receipt.number;
  return html`<section class="success" part="success" aria-labelledby="success-title">
    <h2 id="success-title" tabindex="-1">${formOutcomeStrings.t(lang, 'form.success.title', { number })}</h2>
    ${summary ? html`<p class="summary">«${summary}»</p>` : nothing}
    ${receipt.duplicateOf ? html`<p>${formOutcomeStrings.t(lang, 'form.duplicateServer', { number })}</p>` : nothing}
    <div class="number">
      <span>${formOutcomeStrings.t(lang, 'form.success.number')}:</span>
      <strong>${number}</strong>
      <button
        type="button"
        class="button secondary"
        @click=${async (e: Event) => {
          const button = e.currentTarget as HTMLButtonElement;
          if (await copyText(number)) button.textContent = commonStrings.t(lang, 'common.copied');
        }}
      >
        ${commonStrings.t(lang, 'common.copy')}
      </button>
    </div>
    <p>${formOutcomeStrings.t(lang, 'form.success.firstReply', { date: moscowDate(receipt.dueFirstReplyAt, lang, true) })}</p>
    <p>${formOutcomeStrings.t(lang, 'form.success.deadline', { days: commonStrings.t(lang, 'common.workingDays', { n: 5 }), date: moscowDate(receipt.dueAnswerAt, lang, false) })}</p>
    ${email ? html`<p>${formOutcomeStrings.t(lang, 'form.success.email', { email })}</p>` : nothing}
    <p>${formOutcomeStrings.t(lang, 'form.success.follow')}</p>
    ${document.querySelector('gu-ticket-status')
      ? html`<button
          type="button"
          class="button secondary show-status"
          @click=${(e: Event) => {
            // The form's own values: the contact goes to <gu-ticket-status> in memory, never in a URL.
            const { values } = (((e.currentTarget as Element).getRootNode() as ShadowRoot).host as GuSupportForm).state;
            openTicketStatus({ number, contact: values['contact.phone'] || email || '' });
          }}
        >
          ${formOutcomeStrings.t(lang, 'form.success.status')}
        </button>`
      : nothing}
    <button type="button" class="button secondary new-request" @click=${onNew}>${formOutcomeStrings.t(lang, 'form.success.new')}</button>
  </section>`;
}
