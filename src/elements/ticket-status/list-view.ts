import { html, nothing } from 'lit';
import { isAdapterError } from '../../core/adapter/errors.js';
import { TICKET_STATUSES, type TicketSummary, type TicketsApi } from '../../core/adapter/types.js';
import { isTicketSummary } from '../../core/ticket/check.js';
import { ticketsCsv } from '../../core/ticket/export.js';
import { moscowTime } from '../../core/ticket/format.js';
import type { TopicName } from '../../core/ticket/export.js';
import { ticketErrorText } from './errors.js';
import type { GuTicketStatus } from './gu-ticket-status.js';
import { NO_FILTER, filterTickets, type ListFilter } from './list-filter.js';
import { saveFile } from './save-file.js';
import { badge } from './ticket-view.js';

type Phase = 'loading' | 'ready' | 'error' | 'signed-out';

/**
 * «Мои обращения» for a signed-in user (the adapter's `getToken`): filters, search, sort, paging
 * and CSV export, all in the browser over the list the backend gives (at most a few hundred).
 */
export class TicketList {
  phase: Phase = 'loading';
  tickets: TicketSummary[] = [];
  error = '';
  filter: ListFilter = NO_FILTER;
  page = 1;

  constructor(
    private readonly host: GuTicketStatus,
    private readonly openNumber: (number: string) => void,
    private readonly topicName: TopicName,
  ) {}

  async load(api: TicketsApi): Promise<void> {
    this.phase = 'loading';
    this.host.requestUpdate();
    try {
      const list: unknown = await api.listMyTickets({ lang: this.host.locale });
      if (!Array.isArray(list) || !list.every(isTicketSummary)) throw new TypeError('malformed');
      this.tickets = list;
      this.phase = 'ready';
    } catch (error) {
      this.phase = isAdapterError(error) && error.kind === 'unauthorized' ? 'signed-out' : 'error';
      this.error = isAdapterError(error) ? ticketErrorText(this.host, error.kind, error) : this.host.t('ticket.error.malformed');
    }
    this.host.requestUpdate();
  }

  private set(change: Partial<ListFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.page = 1;
    this.host.announce(this.host.t('ticket.list.count', { n: filterTickets(this.tickets, this.filter).length }));
  }

  private exportCsv(rows: TicketSummary[]): void {
    saveFile('obrashcheniya.csv', ticketsCsv(rows, this.host.locale, this.topicName), 'text/csv;charset=utf-8');
  }

  render(api: TicketsApi | undefined) {
    const t = this.host.t.bind(this.host);
    const lang = this.host.locale;
    if (this.phase === 'loading') return html`<p>${t('ticket.loading')}</p>`;
    if (this.phase === 'signed-out') return html`<p class="notice signed-out">${t('ticket.list.signedOut')}</p>`;
    if (this.phase === 'error')
      return html`<div class="notice warning" role="alert">${this.error}</div>
        <button type="button" class="button" @click=${() => api && void this.load(api)}>${t('ticket.lookup.submit')}</button>`;
    const size = Math.max(1, this.host.pageSize);
    const rows = filterTickets(this.tickets, this.filter);
    const pages = Math.max(1, Math.ceil(rows.length / size));
    const page = Math.min(this.page, pages);
    const shown = rows.slice((page - 1) * size, page * size);
    const f = this.filter;
    const input = (key: keyof ListFilter) => (e: Event) => this.set({ [key]: (e.target as HTMLInputElement).value });
    return html`<section part="list" aria-labelledby="list-title">
      <h2 id="list-title" tabindex="-1">${t('ticket.list.title')}</h2>
      ${this.tickets.length
        ? html`<div class="filters">
              <div class="field"><label for="q">${t('ticket.list.search')}</label><input id="q" type="search" .value=${f.query} @input=${input('query')} /></div>
              <div class="field">
                <label for="status">${t('ticket.list.status')}</label>
                <select id="status" @change=${input('status')}>
                  <option value="" ?selected=${!f.status}>${t('ticket.list.anyStatus')}</option>
                  ${TICKET_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${t(`ticket.status.${s}`)}</option>`)}
                </select>
              </div>
              <div class="field"><label for="from">${t('ticket.list.from')}</label><input id="from" type="date" .value=${f.from} @change=${input('from')} /></div>
              <div class="field"><label for="to">${t('ticket.list.to')}</label><input id="to" type="date" .value=${f.to} @change=${input('to')} /></div>
              <div class="field">
                <label for="sort">${t('ticket.list.sort')}</label>
                <select id="sort" @change=${input('sort')}>
                  ${(['newest', 'oldest', 'deadline'] as const).map(
                    (s) => html`<option value=${s} ?selected=${f.sort === s}>${t(s === 'newest' ? 'ticket.list.newest' : s === 'oldest' ? 'ticket.list.oldest' : 'ticket.list.deadlineFirst')}</option>`,
                  )}
                </select>
              </div>
            </div>
            <p class="meta">${t('ticket.list.count', { n: rows.length })}</p>
            ${rows.length ? this.table(shown, lang) : html`<p>${t('ticket.list.noMatch')}</p>`}
            <div class="actions">
              ${pages > 1
                ? html`<button type="button" class="button secondary" ?disabled=${page <= 1} @click=${() => this.go(page - 1)}>${t('ticket.list.prev')}</button>
                    <span class="meta">${t('ticket.list.page', { page, pages })}</span>
                    <button type="button" class="button secondary" ?disabled=${page >= pages} @click=${() => this.go(page + 1)}>${t('ticket.list.next')}</button>`
                : nothing}
              <button type="button" class="button secondary export" @click=${() => this.exportCsv(rows)}>${t('ticket.save')}</button>
            </div>`
        : html`<p class="empty">${t('ticket.list.empty')}</p>`}
    </section>`;
  }

  private go(page: number): void {
    this.page = page;
    this.host.announce(this.host.t('ticket.list.page', { page, pages: Math.ceil(filterTickets(this.tickets, this.filter).length / Math.max(1, this.host.pageSize)) }));
  }

  private table(rows: TicketSummary[], lang: string) {
    const t = this.host.t.bind(this.host);
    return html`<table>
      <caption class="visually-hidden">${t('ticket.list.title')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('ticket.list.date')}</th>
          <th scope="col">${t('ticket.list.topic')}</th>
          <th scope="col">${t('ticket.list.number')}</th>
          <th scope="col">${t('ticket.list.status')}</th>
          <th scope="col">${t('ticket.list.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <td>${moscowTime(r.createdAt, lang, false)}</td>
            <td>${this.topicName(r.topic)}<br /><span class="meta">${r.title}</span></td>
            <td><button type="button" class="link-button" data-number=${r.number} aria-label=${t('ticket.list.open', { number: r.number })} @click=${() => this.openNumber(r.number)}>${r.number}</button></td>
            <td>${badge(lang, r.status)}</td>
            <td>${r.extension?.until ?? r.dueAnswerAt ? moscowTime((r.extension?.until ?? r.dueAnswerAt)!, lang, false) : ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
