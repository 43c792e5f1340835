import { html, nothing } from 'lit';
import type { Ticket } from '../../core/adapter/types.js';
import { ticketViewStrings } from '../../core/i18n/catalogues/ticket-view.js';
import type { Params } from '../../core/i18n/translate.js';
import { moscowClock, moscowTime } from '../../core/ticket/format.js';
import { renderPiiWarning } from '../internal/pii-warning.js';
import '../internal/gu-file-drop.js';
import type { ReplyController } from './reply.js';

export interface RatingState {
  score?: number;
  comment: string;
  error: string;
  busy: boolean;
}

export interface ActionsView {
  lang: string;
  ticket: Ticket;
  now: number;
  /** When a reminder may be sent (undefined: not «В работе»). */
  remindAt?: number;
  remindMessage: string;
  reply?: ReplyController;
  rating: RatingState;
  canRate: boolean;
  canRemind: boolean;
  remind(): void;
  repeat(): void;
  save(): void;
  other(): void;
  /** Opened from «Мои обращения»: «other» goes back to the list. */
  backToList: boolean;
  sendReply(): void;
  replyInput(text: string): void;
  rate(): void;
  ratingInput(change: Partial<RatingState>): void;
}

const tv = (lang: string, key: Parameters<typeof ticketViewStrings.t>[1], params?: Params) => ticketViewStrings.t(lang, key, params);

/** «Ответить поддержке» while support waits for details: text (PII guard), files, through the outbox. */
function replyForm(v: ActionsView, reply: ReplyController) {
  const { lang } = v;
  const secrets = reply.secrets;
  return html`<section class="reply" aria-labelledby="reply-title">
    <h3 id="reply-title">${tv(lang, 'ticket.reply.title')}</h3>
    <p>${tv(lang, 'ticket.reply.intro')}</p>
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        v.sendReply();
      }}
    >
      <div class="field">
        <label for="reply-text">${tv(lang, 'ticket.reply.label')}</label>
        ${reply.error ? html`<span class="error" id="reply-error">${reply.error}</span>` : nothing}
        <textarea
          id="reply-text"
          rows="5"
          aria-invalid=${reply.error ? 'true' : 'false'}
          aria-describedby=${reply.error ? 'reply-error' : nothing}
          .value=${reply.text}
          @input=${(e: Event) => v.replyInput((e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      ${secrets.length ? renderPiiWarning(reply.text, secrets, lang, () => reply.removeSecrets()) : nothing}
      <gu-file-drop lang=${lang} .label=${tv(lang, 'ticket.comments.files')}></gu-file-drop>
      <button class="button" type="submit" aria-disabled=${reply.busy ? 'true' : 'false'}>${tv(lang, 'ticket.reply.send')}</button>
    </form>
  </section>`;
}

/** «Оценить ответ» after «Решено»: 1…5 as radio buttons and an optional comment. */
function ratingForm(v: ActionsView) {
  const { lang, rating } = v;
  if (v.ticket.rating) return html`<p class="notice rated">${tv(lang, 'ticket.rate.thanks', { score: v.ticket.rating.score })}</p>`;
  return html`<section class="rating" aria-labelledby="rate-title">
    <h3 id="rate-title">${tv(lang, 'ticket.rate.title')}</h3>
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        v.rate();
      }}
    >
      <fieldset aria-describedby=${rating.error ? 'rate-error' : nothing}>
        <legend>${tv(lang, 'ticket.rate.score')}</legend>
        ${rating.error ? html`<span class="error" id="rate-error">${rating.error}</span>` : nothing}
        <div class="scores">
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<label><input type="radio" name="score" .value=${String(n)} .checked=${rating.score === n} @change=${() => v.ratingInput({ score: n })} /> ${tv(lang, 'ticket.rate.option', { n })}</label>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label for="rate-comment">${tv(lang, 'ticket.rate.comment')}</label>
        <textarea id="rate-comment" rows="3" .value=${rating.comment} @input=${(e: Event) => v.ratingInput({ comment: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
      <button class="button" type="submit" aria-disabled=${rating.busy ? 'true' : 'false'}>${tv(lang, 'ticket.rate.send')}</button>
    </form>
  </section>`;
}

/** What the citizen can do with the request now. */
export function renderActions(v: ActionsView) {
  const { lang, ticket } = v;
  const remindOpen = v.canRemind && v.remindAt !== undefined && v.now >= v.remindAt;
  return html`${ticket.status === 'awaiting-info' && v.reply ? replyForm(v, v.reply) : nothing}
    ${remindOpen
      ? html`<div class="notice remind">
          <p>${tv(lang, 'ticket.remind.title')}</p>
          <button type="button" class="button" @click=${v.remind}>${tv(lang, 'ticket.remind.button')}</button>
        </div>`
      : nothing}
    ${v.remindMessage ? html`<p class="notice">${v.remindMessage}</p>` : nothing}
    ${v.canRemind && ticket.remindedAt && !remindOpen && v.remindAt !== undefined
      ? html`<p class="meta">${tv(lang, 'ticket.remind.done', { date: moscowTime(ticket.remindedAt, lang) })} ${tv(lang, 'ticket.remind.later', { time: moscowClock(v.remindAt, lang) })}</p>`
      : nothing}
    ${v.canRate && ticket.history.some((h) => h.status === 'resolved') ? ratingForm(v) : nothing}
    <div class="actions">
      <button type="button" class="button secondary" aria-describedby="repeat-hint" @click=${v.repeat}>${tv(lang, 'ticket.repeat')}</button>
      <button type="button" class="button secondary" @click=${v.save}>${tv(lang, 'ticket.save')}</button>
      <button type="button" class="button secondary other" @click=${v.other}>${tv(lang, v.backToList ? 'ticket.list.back' : 'ticket.view.other')}</button>
    </div>
    <p class="hint" id="repeat-hint">${tv(lang, 'ticket.repeatHint')}</p>`;
}
