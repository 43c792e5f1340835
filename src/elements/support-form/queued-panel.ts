import { html, nothing } from 'lit';
import type { OutboxRecord } from '../../core/outbox/db.js';
import { commonStrings } from '../../core/i18n/catalogues/common.js';
import { outboxStrings } from '../../core/i18n/catalogues/outbox.js';
import { dateTimeFormat } from '../../core/i18n/formats.js';

export interface QueuedActions {
  cancel(record: OutboxRecord): void;
  sendNow(record: OutboxRecord): void;
  download(record: OutboxRecord): void;
  remove(record: OutboxRecord): void;
  notify?: () => void;
}

function written(record: OutboxRecord, lang: string): string {
  const time = dateTimeFormat(lang, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(record.createdAt);
  return outboxStrings.t(lang, 'outbox.written', { time });
}

/** Requests stored in this browser and waiting for the connection: each says when it was written. */
export function renderQueued(records: OutboxRecord[], lang: string, retentionDays: number, actions: QueuedActions) {
  const waiting = records.filter((r) => r.state !== 'rejected');
  if (!waiting.length) return nothing;
  return html`<section class="notice queued focus-ring" aria-labelledby="queued-title" part="queued" tabindex="-1">
    <h3 id="queued-title">${outboxStrings.t(lang, 'outbox.title')}</h3>
    <ul>
      ${waiting.map(
        (record) => html`<li>
          <strong>${record.summary}</strong>. ${written(record, lang)}.
          ${record.state === 'expired'
            ? html`<p>${outboxStrings.t(lang, 'outbox.expired', { days: commonStrings.t(lang, 'common.days', { n: retentionDays }) })}</p>
                <div class="actions">
                  <button type="button" class="button secondary" @click=${() => actions.sendNow(record)}>${outboxStrings.t(lang, 'outbox.sendNow')}</button>
                  <button type="button" class="button secondary" @click=${() => actions.download(record)}>${outboxStrings.t(lang, 'outbox.download')}</button>
                  <button type="button" class="link-button" @click=${() => actions.remove(record)}>${outboxStrings.t(lang, 'outbox.delete')}</button>
                </div>`
            : html`<p>${outboxStrings.t(lang, record.lastError && record.lastError.kind !== 'offline' ? 'outbox.retrying' : 'outbox.offline')}</p>
                <div class="actions">
                  <button type="button" class="link-button" @click=${() => actions.cancel(record)}>${outboxStrings.t(lang, 'outbox.cancel')}</button>
                  ${actions.notify ? html`<button type="button" class="link-button" @click=${actions.notify}>${outboxStrings.t(lang, 'outbox.notify')}</button>` : nothing}
                </div>`}
        </li>`,
      )}
    </ul>
  </section>`;
}
