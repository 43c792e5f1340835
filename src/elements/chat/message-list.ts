import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { parseInline } from '../../core/article/blocks.js';
import type { ChatArticleCard, ChatAuthor, ChatMessage } from '../../core/adapter/types.js';
import type { GuChat } from './gu-chat.js';
import type { PendingMessage } from './chat-model.js';
import { dateTimeFormat } from '../../core/i18n/formats.js';

/** What every message of one render needs, looked up once (not 2,000 times). */
interface Labels {
  lang: string;
  author: Record<ChatAuthor, string>;
  sent: string;
  read: string;
  time: Intl.DateTimeFormat;
  origin: string;
}

function timeFormat(lang: string): Intl.DateTimeFormat {
  return dateTimeFormat(lang, { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
}

/** Text with links that pass `safeHref` (`https:` or this site); everything else stays text. */
function richText(text: string, origin: string): TemplateResult {
  return html`${parseInline(text, origin).map((part) => (part.kind === 'link' ? html`<a href=${part.href} target=${part.href.startsWith('https:') && !part.href.startsWith(origin) ? '_blank' : nothing} rel="noopener">${part.text}</a>` : part.text))}`;
}

function cards(chat: GuChat, articles: ChatArticleCard[]): TemplateResult | typeof nothing {
  if (!articles.length) return nothing;
  return html`<ul class="cards" part="articles">
    ${articles.map((a) => html`<li class="card" part="article"><a href=${`${chat.articleBase}${encodeURIComponent(a.id)}`}>${a.title}</a><p>${a.snippet}</p></li>`)}
  </ul>`;
}

/**
 * A delivered message never changes (the server's copy is final), so its template is made once
 * and reused: appending the 2,001st message re-renders one message, not 2,001. Only a citizen's
 * message changes, once, when the operator reads it.
 */
const rendered = new WeakMap<ChatMessage, { key: string; result: TemplateResult }>();

function message(chat: GuChat, m: ChatMessage, labels: Labels): TemplateResult {
  const mine = m.author === 'citizen';
  const status = mine ? (m.seq <= chat.view.readSeq ? labels.read : labels.sent) : '';
  // The words change when a language's strings arrive (after `lang` itself): they are the key.
  const key = `${labels.author[m.author]}|${labels.lang}|${status}|${chat.articleBase}`;
  const cached = rendered.get(m);
  if (cached?.key === key) return cached.result;
  const result = html`<li class="message ${m.author}" part="message">
    <span class="visually-hidden">${labels.author[m.author]}:</span>
    <div class="bubble">
      ${richText(m.text, labels.origin)}${m.attachments?.length ? html`<ul class="files">${m.attachments.map((f) => html`<li><a href=${f.url} download=${f.name}>${f.name}</a></li>`)}</ul>` : nothing}
    </div>
    ${m.articles?.length ? cards(chat, m.articles) : m.articleIds?.length ? cards(chat, chat.articles(m.articleIds)) : nothing}
    <span class="meta">${labels.time.format(new Date(m.at))}${status ? html` · ${status}` : nothing}</span>
  </li>`;
  // Cards named only by id appear once the FAQ has loaded: keep those uncached until then.
  if (!m.articleIds?.length || m.articles?.length || chat.articles(m.articleIds).length) rendered.set(m, { key, result });
  return result;
}

function pendingMessage(chat: GuChat, m: PendingMessage, labels: Labels): TemplateResult {
  return html`<li class="message citizen ${m.status}" part="message">
    <span class="visually-hidden">${labels.author.citizen}:</span>
    <div class="bubble">${richText(m.text, labels.origin)}${m.files.length ? html`<ul class="files">${m.files.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}</div>
    <span class="meta"
      >${labels.time.format(new Date(m.at))} · ${chat.t(`chat.state.${m.status}`)}${m.status === 'failed'
        ? html` <button type="button" class="link" part="retry" @click=${() => chat.behaviour?.retry(m.id)}>${chat.t('chat.retry')}</button>`
        : nothing}</span
    >
  </li>`;
}

const BLOCK = 50;

/** The conversation: server messages by `seq`, then the citizen's not yet delivered ones. */
export function renderLog(chat: GuChat): TemplateResult {
  const { messages, pending } = chat.view;
  const lang = chat.locale;
  const labels: Labels = {
    lang,
    author: { citizen: chat.t('chat.author.citizen'), bot: chat.t('chat.author.bot'), operator: chat.t('chat.author.operator'), system: chat.t('chat.author.system') },
    sent: chat.t('chat.state.sent'),
    read: chat.t('chat.state.read'),
    time: timeFormat(lang),
    origin: location.origin,
  };
  // In blocks of BLOCK messages: a block whose messages did not change is skipped without a look
  // inside (`guard`), so a live message costs one block, however long the history.
  // A long history shows its newest messages; the earlier ones come with «Показать ранние сообщения».
  const start = Math.max(0, Math.floor((messages.length - chat.shownMessages) / BLOCK) * BLOCK);
  const blocks: TemplateResult[] = [];
  for (let i = start; i < messages.length; i += BLOCK) {
    const block = messages.slice(i, i + BLOCK);
    blocks.push(html`${guard([block.length, block[0], block[block.length - 1], chat.view.readSeq, lang, labels.author.bot], () => block.map((m) => message(chat, m, labels)))}`);
  }
  return html`<div class="log" part="log" role="log" aria-label=${chat.t('chat.log')} tabindex="0">
    ${start ? html`<button type="button" class="link earlier" @click=${() => chat.showEarlier()}>${chat.t('chat.earlier', { n: start })}</button>` : nothing}
    <ol>
      ${blocks}${pending.map((m) => pendingMessage(chat, m, labels))}
    </ol>
  </div>`;
}
