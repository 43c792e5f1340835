import { html, nothing, type TemplateResult } from 'lit';
import type { AttachmentInfo, Ticket, TicketComment } from '../../core/adapter/types.js';
import { commonStrings } from '../../core/i18n/catalogues/common.js';
import { ticketStrings } from '../../core/i18n/catalogues/ticket.js';
import { ticketViewStrings } from '../../core/i18n/catalogues/ticket-view.js';
import type { Params } from '../../core/i18n/translate.js';
import { ANSWER_WORKING_DAYS, deadlinesOf } from '../../core/ticket/deadlines.js';
import { age, fileSize, moscowTime } from '../../core/ticket/format.js';
import type { LastKnown } from '../../core/ticket/last-known.js';

/** How many history entries and messages are drawn at first, and added per «Показать ещё». */
export const PAGE = 50;

export interface TicketViewState {
  lang: string;
  ticket: Ticket;
  now: number;
  historyShown: number;
  commentsShown: number;
  showMore(list: 'history' | 'comments'): void;
  topicName(id: string): string;
  /** Replies queued here and not yet delivered (shown as waiting). */
  pending: readonly string[];
}

type ViewKey = Parameters<typeof ticketViewStrings.t>[1];
const tv = (lang: string, key: ViewKey, params?: Params) => ticketViewStrings.t(lang, key, params);

/** A status in words (colour only repeats them). */
export function badge(lang: string, status: Ticket['status']) {
  return html`<span class="badge ${status}" part="badge">${ticketStrings.t(lang, `ticket.status.${status}`)}</span>`;
}

/** The last status stored on this device, with its age: shown when the server cannot be reached. */
export function staleNotice(lang: string, stale: LastKnown, now: number): TemplateResult {
  const status = ticketStrings.t(lang, `ticket.status.${stale.status}`);
  return html`<div class="notice warning stale">${tv(lang, 'ticket.view.stale', { status, age: age(now - stale.savedAt, lang) })} ${badge(lang, stale.status)}</div>`;
}

/** A time on Moscow time, the zone named for screen readers and in the text. */
function time(lang: string, iso: string, withTime = true) {
  return html`<time datetime=${iso}>${moscowTime(iso, lang, withTime)}${withTime ? ` (${tv(lang, 'ticket.zone')})` : ''}</time>`;
}

function files(lang: string, list: readonly AttachmentInfo[]) {
  if (!list.length) return nothing;
  return html`<ul class="files" aria-label=${tv(lang, 'ticket.comments.files')}>
    ${list.map((a) => html`<li><a href=${a.url} download=${a.name} rel="noopener">${a.name}</a> <span class="meta">(${fileSize(a.size, lang)})</span></li>`)}
  </ul>`;
}

function more(lang: string, left: number, onMore: () => void) {
  return left > 0 ? html`<button type="button" class="button secondary" @click=${onMore}>${tv(lang, 'ticket.history.more', { n: Math.min(left, PAGE) })}</button>` : nothing;
}

/** Deadlines in working days; an extension with its reason; an overdue request said plainly with what to do. */
export function renderDeadlines(lang: string, ticket: Ticket, now: number) {
  const d = deadlinesOf(ticket, now);
  const days = commonStrings.t(lang, 'common.workingDays', { n: ANSWER_WORKING_DAYS });
  return html`<section aria-labelledby="deadlines-title">
    <h3 id="deadlines-title">${tv(lang, 'ticket.deadline.title')}</h3>
    ${d.answered
      ? html`<p>${tv(lang, 'ticket.deadline.met')}</p>`
      : html`<p>${tv(lang, 'ticket.deadline.firstReply', { date: `${moscowTime(d.firstReplyAt, lang)} (${tv(lang, 'ticket.zone')})` })}</p>
          <p>${tv(lang, 'ticket.deadline.answer', { date: moscowTime(ticket.dueAnswerAt, lang, false), days })}</p>
          ${ticket.extension ? html`<p class="notice extended">${tv(lang, 'ticket.deadline.extended', { date: moscowTime(ticket.extension.until, lang, false), reason: ticket.extension.reason })}</p>` : nothing}
          ${d.overdue ? html`<p class="notice warning overdue">${tv(lang, 'ticket.deadline.overdue', { date: moscowTime(d.answerAt, lang, false) })}</p>` : nothing}`}
  </section>`;
}

/** Newest first, `shown` of them; the rest one «Показать ещё» at a time (a long history never freezes the page). */
function newest<T>(list: readonly T[], shown: number): T[] {
  return list.slice(Math.max(0, list.length - shown)).reverse();
}

function comment(lang: string, c: TicketComment) {
  return html`<li>
    <p class="meta"><strong>${tv(lang, c.author === 'citizen' ? 'ticket.comments.citizen' : 'ticket.comments.operator')}</strong>, ${time(lang, c.at)}</p>
    <p class="comment-text">${c.text}</p>
    ${files(lang, c.attachments)}
  </li>`;
}

/** One request: number, title, status in words, deadlines, history and correspondence. `actions` go under the deadlines. */
export function renderTicket(v: TicketViewState, actions: TemplateResult): TemplateResult {
  const { lang, ticket } = v;
  return html`<article class="ticket" part="ticket" aria-labelledby="ticket-title">
    <h2 id="ticket-title" tabindex="-1">${tv(lang, 'ticket.view.title', { number: ticket.number })}</h2>
    <p class="title">${ticket.title}</p>
    <dl>
      <dt>${tv(lang, 'ticket.view.status')}</dt>
      <dd>${badge(lang, ticket.status)}</dd>
      <dt>${tv(lang, 'ticket.view.topic')}</dt>
      <dd>${v.topicName(ticket.topic)}</dd>
      <dt>${tv(lang, 'ticket.view.created')}</dt>
      <dd>${time(lang, ticket.createdAt)}</dd>
    </dl>
    ${ticket.previousNumber ? html`<p>${tv(lang, 'ticket.view.previous', { number: ticket.previousNumber })}</p>` : nothing}
    ${files(lang, ticket.attachments)} ${renderDeadlines(lang, ticket, v.now)} ${actions}
    <section aria-labelledby="comments-title">
      <h3 id="comments-title">${tv(lang, 'ticket.comments.title')}</h3>
      ${v.pending.length ? html`<ul class="pending">${v.pending.map((text) => html`<li><span class="meta">${tv(lang, 'ticket.comments.queued')}:</span> ${text}</li>`)}</ul>` : nothing}
      ${ticket.comments.length ? html`<ol class="comments" reversed>${newest(ticket.comments, v.commentsShown).map((c) => comment(lang, c))}</ol>` : html`<p>${tv(lang, 'ticket.comments.none')}</p>`}
      ${more(lang, ticket.comments.length - v.commentsShown, () => v.showMore('comments'))}
    </section>
    <section aria-labelledby="history-title">
      <h3 id="history-title">${tv(lang, 'ticket.history.title')}</h3>
      <ol class="timeline" reversed>
        ${newest(ticket.history, v.historyShown).map((h) => html`<li>${time(lang, h.at)} — ${badge(lang, h.status)}${h.comment ? html`<p class="comment-text">${h.comment}</p>` : nothing}</li>`)}
      </ol>
      ${more(lang, ticket.history.length - v.historyShown, () => v.showMore('history'))}
    </section>
  </article>`;
}
