import { html, nothing, type TemplateResult } from 'lit';
import { describeHours } from '../../core/chat/hours.js';
import type { ChatQuickReply } from '../../core/adapter/types.js';
import type { GuChat } from './gu-chat.js';

function serverReply(chat: GuChat, reply: ChatQuickReply): TemplateResult {
  const act = { operator: () => chat.behaviour?.askOperator(), form: () => chat.behaviour?.toForm(), callback: () => chat.behaviour?.openCallback(), send: () => chat.send(reply.action === 'send' ? reply.text : '') }[reply.action];
  return html`<button type="button" class="chip ${reply.action === 'operator' ? 'primary' : ''}" part=${reply.action === 'operator' ? 'operator-button' : 'quick-reply'} @click=${act}>${reply.label}</button>`;
}

/**
 * Quick replies under the bot's last answer: the backend's (`quickReplies`), else the client bot's
 * rule: «Связаться с живым оператором» at once and after two answers that did not help.
 */
export function renderQuickReplies(chat: GuChat): TemplateResult | typeof nothing {
  const { chatState, messages, unhelpful, offHours } = chat.view;
  const last = messages[messages.length - 1];
  if ((chatState !== 'bot' && chatState !== 'none') || offHours || chat.view.pending.length) return nothing;
  const answered = last?.author === 'bot' && Boolean(last.articleIds?.length || last.articles?.length);
  if (last?.quickReplies?.length || (answered && chat.chatApi?.chatBot !== 'client')) {
    return html`<div class="quick" part="quick-replies">
      ${answered && unhelpful < 2 ? helpedButtons(chat) : nothing}${(last?.quickReplies ?? []).map((r) => serverReply(chat, r))}
    </div>`;
  }
  const offerPerson = !answered || unhelpful >= 2 || messages.filter((m) => m.author === 'citizen').length === 0;
  return html`<div class="quick" part="quick-replies">
    ${answered && unhelpful < 2 ? helpedButtons(chat) : nothing}
    ${offerPerson ? html`<button type="button" class="chip primary" part="operator-button" @click=${() => chat.behaviour?.askOperator()}>${chat.t('chat.operator')}</button>` : nothing}
  </div>`;
}

const helpedButtons = (chat: GuChat) =>
  html`<button type="button" class="chip" part="quick-reply" @click=${() => chat.behaviour?.helped(true)}>${chat.t('chat.helped')}</button>
    <button type="button" class="chip" part="quick-reply" @click=${() => chat.behaviour?.helped(false)}>${chat.t('chat.notHelped')}</button>`;

const formButton = (chat: GuChat) => html`<button type="button" class="button secondary" part="handoff" @click=${() => void chat.behaviour?.toForm()}>${chat.t('chat.toForm')}</button>`;

/** Queue position and wait; above `long-wait`, a call back or a request instead; outside the hours, the hours. */
export function renderQueue(chat: GuChat): TemplateResult | typeof nothing {
  const { chatState, queuePosition, waitSeconds, offHours, callback } = chat.view;
  if (offHours) {
    return html`<div class="notice" part="notice">
      <p>${chat.t('chat.offHours', { hours: chat.view.hoursText ?? describeHours(chat.workingHours, chat.locale) })}</p>
      <div class="actions">${chat.chatApi?.requestCallback ? callbackButton(chat) : nothing}${formButton(chat)}</div>
      ${chat.view.callback === 'asking' ? renderCallback(chat) : chat.view.callback ? html`<p>${chat.t('chat.callbackDone', { phone: chat.view.callback })}</p>` : nothing}
    </div>`;
  }
  if (chatState !== 'queued') return nothing;
  const minutes = waitSeconds === undefined ? undefined : Math.max(1, Math.round(waitSeconds / 60));
  const long = waitSeconds !== undefined && waitSeconds > chat.longWait;
  return html`<div class="notice" part="queue">
    <p>${queuePosition ? (minutes ? chat.t('chat.queued', { position: queuePosition, wait: chat.t('chat.minutes', { n: minutes }) }) : chat.t('chat.queuedNoWait', { position: queuePosition })) : nothing}</p>
    ${long && !callback ? html`<p>${chat.t('chat.longWait')}</p>
          <div class="actions">${callbackButton(chat)}${formButton(chat)}</div>` : nothing}
    ${callback === 'asking' ? renderCallback(chat) : callback ? html`<p>${chat.t('chat.callbackDone', { phone: callback })}</p>` : nothing}
  </div>`;
}

const callbackButton = (chat: GuChat) =>
  html`<button type="button" class="button secondary" part="callback-button" @click=${() => chat.behaviour?.openCallback()}>${chat.t('chat.callback')}</button>`;

function renderCallback(chat: GuChat): TemplateResult {
  return html`<form class="callback" part="callback" novalidate @submit=${(e: Event) => chat.behaviour?.requestCallback(e)}>
    <label for="phone">${chat.t('chat.phone')}</label>
    <input id="phone" name="phone" type="tel" autocomplete="tel" aria-describedby="phone-error" aria-invalid=${chat.phoneError ? 'true' : 'false'} />
    <label class="check"><input type="checkbox" name="consent" /> ${chat.t('chat.consent')}</label>
    <p id="phone-error" class="field-error" role="alert">${chat.phoneError}</p>
    <button class="button">${chat.t('chat.callbackSend')}</button>
  </form>`;
}

/** After the end: the rating (1–5 and an optional comment) and the transcript offer. */
export function renderEnded(chat: GuChat): TemplateResult | typeof nothing {
  if (chat.view.chatState !== 'closed') return nothing;
  return html`<div class="ended" part="ended">
    <p><strong>${chat.t('chat.ended')}</strong></p>
    ${chat.view.rated
      ? html`<p role="status">${chat.t('chat.rated')}</p>`
      : html`<form part="rating" @submit=${(e: Event) => chat.behaviour?.rate(e)}>
          <fieldset>
            <legend>${chat.t('chat.rate')}</legend>
            <div class="stars">
              ${[1, 2, 3, 4, 5].map((n) => html`<label><input type="radio" name="score" value=${n} required /><span aria-hidden="true">${n}</span><span class="visually-hidden">${chat.t('chat.score', { n })}</span></label>`)}
            </div>
          </fieldset>
          <label for="rating-comment">${chat.t('chat.ratingComment')}</label>
          <textarea id="rating-comment" name="comment" rows="2" maxlength="2000"></textarea>
          <button class="button">${chat.t('chat.rateSend')}</button>
        </form>`}
    <div class="actions">
      <button type="button" class="button secondary" @click=${() => chat.behaviour?.saveTranscript()}>${chat.t('chat.save')}</button>
      <button type="button" class="button secondary" part="new-chat" @click=${() => chat.behaviour?.startOver()}>${chat.t('chat.new')}</button>
    </div>
  </div>`;
}
