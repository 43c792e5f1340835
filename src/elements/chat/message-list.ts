import { html, nothing, type TemplateResult } from 'lit';
import { parseInline } from '../../core/article/blocks.js';
import type { ChatArticleCard, ChatMessage } from '../../core/adapter/types.js';
import type { GuChat } from './gu-chat.js';
import type { PendingMessage } from './chat-model.js';

const times = new Map<string, Intl.DateTimeFormat>();
function timeOf(at: string, lang: string): string {
  let format = times.get(lang);
  if (!format) times.set(lang, (format = new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' })));
  return format.format(new Date(at));
}

/** Text with links that pass `safeHref` (`https:` or this site); everything else stays text. */
function richText(text: string): TemplateResult {
  return html`${parseInline(text, location.origin).map((part) => (part.kind === 'link' ? html`<a href=${part.href} target=${part.href.startsWith('https:') && !part.href.startsWith(location.origin) ? '_blank' : nothing} rel="noopener">${part.text}</a>` : part.text))}`;
}

function cards(chat: GuChat, articles: ChatArticleCard[]): TemplateResult | typeof nothing {
  if (!articles.length) return nothing;
  return html`<ul class="cards" part="articles">
    ${articles.map((a) => html`<li class="card" part="article"><a href=${`${chat.articleBase}${encodeURIComponent(a.id)}`}>${a.title}</a><p>${a.snippet}</p></li>`)}
  </ul>`;
}

function message(chat: GuChat, m: ChatMessage): TemplateResult {
  const mine = m.author === 'citizen';
  const status = mine ? chat.t(m.seq <= chat.view.readSeq ? 'chat.state.read' : 'chat.state.sent') : '';
  return html`<li class="message ${m.author}" part="message">
    <span class="visually-hidden">${chat.t(`chat.author.${m.author}`)}:</span>
    <div class="bubble">${richText(m.text)}${m.attachments?.length ? html`<ul class="files">${m.attachments.map((f) => html`<li><a href=${f.url} download=${f.name}>${f.name}</a></li>`)}</ul>` : nothing}</div>
    ${m.articles?.length ? cards(chat, m.articles) : m.articleIds?.length ? cards(chat, chat.articles(m.articleIds)) : nothing}
    <span class="meta">${timeOf(m.at, chat.locale)}${status ? html` · ${status}` : nothing}</span>
  </li>`;
}

function pendingMessage(chat: GuChat, m: PendingMessage): TemplateResult {
  return html`<li class="message citizen ${m.status}" part="message">
    <span class="visually-hidden">${chat.t('chat.author.citizen')}:</span>
    <div class="bubble">${richText(m.text)}${m.files.length ? html`<ul class="files">${m.files.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}</div>
    <span class="meta"
      >${timeOf(m.at, chat.locale)} · ${chat.t(`chat.state.${m.status}`)}${m.status === 'failed'
        ? html` <button type="button" class="link" part="retry" @click=${() => chat.behaviour?.retry(m.id)}>${chat.t('chat.retry')}</button>`
        : nothing}</span
    >
  </li>`;
}

/** The conversation: server messages by `seq`, then the citizen's not yet delivered ones. */
export function renderLog(chat: GuChat): TemplateResult {
  const { messages, pending } = chat.view;
  return html`<div class="log" part="log" role="log" aria-label=${chat.t('chat.log')} tabindex="0">
    <ol>
      ${messages.map((m) => message(chat, m))}${pending.map((m) => pendingMessage(chat, m))}
    </ol>
  </div>`;
}
