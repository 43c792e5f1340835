// The operator console of the reference server: tickets (status, comments) and live chats (chats.js).
// Everything from the server is put on the page as text (textContent), never as HTML.
// What it draws is capped (a page of the list, clipped texts, runs of combining marks cut short)
// and redrawn only when the data changed, so no stored text can freeze the page on every poll.
import { $, Unauthorized, api, auth, clip, el, time } from './common.js';
import { closeChat, renderChatList, setUpChats } from './chats.js';

const STATUSES = { accepted: 'Принято', 'in-progress': 'В работе', 'awaiting-info': 'Ожидает уточнений', resolved: 'Решено', closed: 'Закрыто' };
const POLL_MS = 3000;
const PAGE = 100;
let selected = null;
let shown = PAGE;
let lastList = '';
let lastDetail = '';

async function showTicket(number, force = true) {
  selected = number;
  const t = await api(`/api/operator/tickets/${encodeURIComponent(number)}`);
  const snapshot = JSON.stringify({ ...t, attachments: t.attachments.map((a) => a.id), comments: t.comments.map((c) => [c.id, c.text]) });
  if (!force && snapshot === lastDetail) return;
  lastDetail = snapshot;
  const statusSelect = el('select', { id: 'new-status' }, ...Object.entries(STATUSES).map(([v, l]) => { const o = el('option', { value: v }, l); o.selected = v === t.status; return o; }));
  const comment = el('textarea', { id: 'status-comment', rows: '2' });
  const reply = el('textarea', { id: 'reply', rows: '3' });
  const contact = Object.entries(t.contact).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join(', ');
  $('detail').replaceChildren(
    el('p', {}, el('strong', {}, `№ ${t.number}`), ' ', t.urgent ? el('span', { class: 'urgent' }, 'срочное') : ''),
    el('p', {}, el('strong', {}, clip(t.title, 200)), ` (${t.topic}) — ${STATUSES[t.status]}`),
    el('pre', {}, clip(t.description, 4000)),
    el('p', { class: 'muted' }, clip(contact, 600)),
    t.previousNumber ? el('p', {}, `Повторное к № ${clip(t.previousNumber, 40)}`) : null,
    t.attachments.length ? el('p', {}, `Вложения: ${t.attachments.slice(0, 20).map((a) => `${clip(a.name, 120)} (${Math.round(a.size / 1024)} КБ)`).join(', ')}`) : null,
    el('h3', {}, 'История'),
    el('ul', {}, ...t.history.slice(-50).map((h) => el('li', {}, `${time(h.at)} — ${STATUSES[h.status]}${h.comment ? `: ${clip(h.comment, 2000)}` : ''}`))),
    el('ul', {}, ...t.comments.slice(-50).map((c) => el('li', {}, `${time(c.at)} ${c.author === 'operator' ? 'Оператор' : 'Заявитель'}: ${clip(c.text, 2000)}`))),
    el('form', { onsubmit: async (e) => { e.preventDefault(); await api(`/api/operator/tickets/${number}/status`, { status: statusSelect.value, comment: comment.value }); await refresh(); } },
      el('label', { for: 'new-status' }, 'Статус'), statusSelect, el('label', { for: 'status-comment' }, 'Комментарий к статусу'), comment, el('button', { type: 'submit' }, 'Изменить статус')),
    el('form', { onsubmit: async (e) => { e.preventDefault(); if (reply.value.trim()) await api(`/api/operator/tickets/${number}/comments`, { text: reply.value }); reply.value = ''; await refresh(); } },
      el('label', { for: 'reply' }, 'Ответ заявителю'), reply, el('button', { type: 'submit' }, 'Ответить')),
  );
}

/** One page of the list (more on request), redrawn only when it changed. */
function renderList(tickets) {
  const snapshot = JSON.stringify([shown, selected, tickets.slice(0, shown)]);
  if (snapshot === lastList) return;
  lastList = snapshot;
  const items = tickets.slice(0, shown).map((t) =>
    el('li', {}, el('button', { type: 'button', 'aria-current': String(t.number === selected), onclick: () => { void showTicket(t.number).then(() => renderList(tickets)); } }, `№ ${t.number} · ${STATUSES[t.status]}${t.urgent ? ' · срочное' : ''}`, el('br'), el('span', { class: 'muted' }, clip(t.title, 160)))),
  );
  if (tickets.length > shown) {
    items.push(el('li', {}, el('button', { type: 'button', class: 'action', onclick: () => { shown += PAGE; renderList(tickets); } }, `Показать ещё (${Math.min(PAGE, tickets.length - shown)} из ${tickets.length - shown})`)));
  }
  $('tickets').replaceChildren(...items);
}

async function refresh() {
  try {
    const [{ tickets }, { chats }] = await Promise.all([api('/api/operator/tickets'), api('/api/operator/chats')]);
    renderList(tickets);
    renderChatList(chats);
    if (selected && !document.activeElement?.closest?.('#detail')) await showTicket(selected, false);
    $('status').textContent = `Обновлено ${new Date().toLocaleTimeString('ru-RU')}`;
  } catch (error) {
    if (error instanceof Unauthorized) return logout('Неверный токен');
    $('status').textContent = `Сервер недоступен: ${error.message}`;
  }
}

function logout(message) {
  sessionStorage.removeItem('gu-operator-token');
  closeChat();
  $('desk').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
}

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  auth.token = $('token').value.trim();
  sessionStorage.setItem('gu-operator-token', auth.token);
  start();
});

function start() {
  $('login').hidden = true;
  $('desk').hidden = false;
  refresh();
}

setUpChats(() => logout('Неверный токен'));
setInterval(() => auth.token && !$('desk').hidden && refresh(), POLL_MS);
if (auth.token) start();
