// The console's chats: the queue, one open conversation followed live (Server-Sent Events read
// with fetch, since EventSource cannot send the operator's token), typing both ways, read marks,
// files, take and end. Everything from the server is drawn as text.
import { $, Unauthorized, api, auth, clip, el, time } from './common.js';

const AUTHORS = { citizen: 'Гражданин', bot: 'Бот', operator: 'Оператор', system: '—' };
const ENDED = { citizen: 'гражданин завершил чат', operator: 'оператор завершил чат', callback: 'заказан обратный звонок' };
const TYPING_EVERY_MS = 2000;
const TYPING_SHOWN_MS = 6000;
const RECONNECT_MS = 2000;

let current = null;
let lastList = '';
let onUnauthorized = () => undefined;

const minutes = (seconds) => Math.max(1, Math.round(seconds / 60));

function describe(chat) {
  if (chat.state === 'queued') return `в очереди, №${chat.queue.position} (~${minutes(chat.queue.waitSeconds)} мин)`;
  if (chat.state === 'operator') return `с оператором${chat.operatorName ? ` (${clip(chat.operatorName, 60)})` : ''}`;
  if (chat.state === 'closed') return `завершён: ${ENDED[chat.endedBy] ?? ''}`;
  return 'с ботом';
}

/** The list of chats, redrawn only when it changed; the focused entry keeps focus. */
export function renderChatList(chats) {
  const snapshot = JSON.stringify([current?.id, chats]);
  if (snapshot === lastList) return;
  lastList = snapshot;
  const focused = document.activeElement?.closest?.('#chat-list button')?.dataset.id;
  $('chat-list').replaceChildren(
    ...(chats.length
      ? chats.map((c) =>
          el('li', {}, el('button', { type: 'button', 'data-id': c.id, 'aria-current': String(c.id === current?.id), onclick: () => void openChat(c.id) },
            `${time(c.createdAt)} — ${describe(c)}`,
            c.unread ? el('span', { class: 'badge' }, ` ${c.unread} непрочит.`) : null,
            c.callback ? el('span', { class: 'urgent' }, ` перезвонить: ${clip(c.callback.phone, 20)}`) : null,
            c.rating ? ` · оценка ${c.rating.score}` : null,
            c.last ? el('br') : null,
            c.last ? el('span', { class: 'muted' }, clip(c.last.text || '📎', 120)) : null)))
      : [el('li', { class: 'muted' }, 'Чатов нет.')]),
  );
  if (focused) document.querySelector(`#chat-list button[data-id="${CSS.escape(focused)}"]`)?.focus();
}

function messageNode(m) {
  const mine = m.author === 'operator';
  return el('p', { 'data-seq': String(m.seq), class: `msg ${m.author}` },
    el('strong', {}, `${m.author === 'operator' && m.operatorName ? clip(m.operatorName, 60) : AUTHORS[m.author] ?? '—'}: `),
    clip(m.text, 2000),
    ...(m.articles ?? []).slice(0, 3).map((a) => el('span', { class: 'card-ref' }, ` [статья: ${clip(a.title, 120)}]`)),
    ...(m.attachments ?? []).slice(0, 10).map((a) => (a.url.startsWith('/api/attachments/') ? el('a', { href: a.url, download: a.name, class: 'file' }, ` 📎 ${clip(a.name, 120)}`) : null)),
    el('span', { class: 'muted when' }, ` ${time(m.at)}`),
    mine ? el('span', { class: 'read muted', 'data-read': String(m.seq) }, '') : null,
  );
}

function drawMeta() {
  const c = current;
  $('chat-meta').textContent = describe(c);
  $('chat-take').hidden = c.state === 'operator' || c.state === 'closed';
  $('chat-close').hidden = c.state === 'closed';
  for (const control of $('chat-form').elements) control.disabled = c.state === 'closed';
  for (const mark of document.querySelectorAll('#chat-log [data-read]')) mark.textContent = Number(mark.dataset.read) <= c.citizenReadSeq ? ' ✓ прочитано' : '';
}

/** Adds messages by seq (a resent one is ignored), in order. */
function merge(messages) {
  const log = $('chat-log');
  for (const m of messages) {
    if (current.messages.has(m.seq)) continue;
    current.messages.set(m.seq, m);
    const after = [...log.children].find((node) => Number(node.dataset.seq) > m.seq);
    log.insertBefore(messageNode(m), after ?? null);
    current.lastSeq = Math.max(current.lastSeq, m.seq);
    if (m.author === 'citizen') showTyping(false);
  }
  log.scrollTop = log.scrollHeight;
  drawMeta();
  markRead();
}

function showTyping(active) {
  clearTimeout(current.typingTimer);
  $('chat-typing').textContent = active ? 'Гражданин печатает…' : '';
  if (active) current.typingTimer = setTimeout(() => showTyping(false), TYPING_SHOWN_MS);
}

/** Tells the citizen what the operator has seen, while the console is in front. */
function markRead() {
  if (!current || document.visibilityState !== 'visible' || current.lastSeq <= current.readSent) return;
  current.readSent = current.lastSeq;
  void api(`/api/operator/chats/${current.id}/read`, { seq: current.lastSeq }).catch(() => (current.readSent = 0));
}

function handle(event) {
  if (event.type === 'message') return merge([event.message]);
  if (event.type === 'state') Object.assign(current, { state: event.state, queue: event.queue, operatorName: event.operatorName, endedBy: event.endedBy });
  else if (event.type === 'queue') current.queue = event.queue;
  else if (event.type === 'typing' && event.author === 'citizen') return showTyping(event.active);
  else if (event.type === 'read' && event.by === 'citizen') current.citizenReadSeq = Math.max(current.citizenReadSeq, event.seq);
  else if (event.type === 'ended') showTyping(false);
  drawMeta();
}

/** Follows the conversation's events; after a drop, resumes from the last message seen (Last-Event-ID). */
async function follow(chat) {
  const { signal } = chat.controller;
  while (!signal.aborted) {
    try {
      const response = await fetch(`/api/operator/chats/${chat.id}/events`, { headers: { Authorization: `Bearer ${auth.token}`, 'Last-Event-ID': String(chat.lastSeq) }, signal });
      if (response.status === 401) return onUnauthorized();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      $('chat-connection').textContent = '';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = /^data: (.+)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (data && current === chat) handle(JSON.parse(data));
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    $('chat-connection').textContent = 'Связь прервалась, переподключаюсь…';
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}

export async function openChat(id) {
  current?.controller.abort();
  const detail = await api(`/api/operator/chats/${id}`);
  current = { ...detail, messages: new Map(), lastSeq: 0, readSent: 0, typingSent: 0, typingTimer: 0, controller: new AbortController() };
  lastList = '';
  $('chat-view').hidden = false;
  $('chat-title').textContent = `Чат от ${time(detail.createdAt)}`;
  $('chat-log').replaceChildren();
  $('chat-typing').textContent = '';
  $('chat-error').textContent = '';
  merge(detail.messages);
  void follow(current);
}

async function act(what) {
  $('chat-error').textContent = '';
  try {
    await what();
  } catch (error) {
    if (error instanceof Unauthorized) return onUnauthorized();
    $('chat-error').textContent = `Не получилось: ${error.message}`;
  }
}

/** The operator is typing: at most one mark per 2 s, and «stopped» when the field is emptied or sent. */
function typing(active) {
  if (!current || current.state === 'closed') return;
  const now = Date.now();
  if (active && now - current.typingSent < TYPING_EVERY_MS) return;
  if (!active && !current.typingSent) return;
  current.typingSent = active ? now : 0;
  void api(`/api/operator/chats/${current.id}/typing`, { active }).catch(() => undefined);
}

/** Wires the conversation's controls once; `unauthorized` is called when the token stops working. */
export function setUpChats(unauthorized) {
  onUnauthorized = unauthorized;
  const text = $('chat-text');
  text.addEventListener('input', () => typing(text.value.trim() !== ''));
  text.addEventListener('blur', () => typing(false));
  $('chat-take').addEventListener('click', () => act(async () => Object.assign(current, await api(`/api/operator/chats/${current.id}/take`, { name: $('operator-name').value.trim() || undefined }))).then(drawMeta));
  $('chat-close').addEventListener('click', () => act(() => api(`/api/operator/chats/${current.id}/close`, {})));
  $('chat-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const files = [...$('chat-files').files];
    if (!text.value.trim() && !files.length) return;
    const form = new FormData();
    form.append('payload', JSON.stringify({ text: text.value }));
    for (const file of files) form.append('files', file, file.name);
    void act(async () => {
      merge([await api(`/api/operator/chats/${current.id}/messages`, files.length ? form : { text: text.value })]);
      text.value = '';
      $('chat-files').value = '';
      current.typingSent = 0;
    });
  });
  document.addEventListener('visibilitychange', markRead);
}

export function closeChat() {
  current?.controller.abort();
  current = null;
  $('chat-view').hidden = true;
}
