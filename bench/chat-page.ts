/**
 * Runs in Chromium for `npm run bench:chat`: <gu-chat> rendering a 2,000-message history and
 * taking 100 live messages (an adapter that hands events straight to the element), then a real
 * conversation against the reference server whose event streams are cut mid-way.
 */
import '../src/elements/chat/gu-chat.js';
import type { GuChat } from '../src/elements/chat/gu-chat.js';
import type { ChatApi, ChatListener, ChatMessage, ChatSession } from '../src/core/adapter/types.js';

const at = new Date('2026-12-04T10:00:00Z').getTime();
const message = (seq: number): ChatMessage => ({
  id: `bench:${seq}`,
  seq,
  author: seq % 3 === 0 ? 'citizen' : seq % 3 === 1 ? 'operator' : 'bot',
  text: `Сообщение ${seq}: проверьте раздел https://www.gosuslugi.ru/help и напишите, если не получится войти в личный кабинет.`,
  at: new Date(at + seq * 1000).toISOString(),
});

/** Hands the element whatever the bench pushes, synchronously, like a stream would. */
class PushAdapter implements ChatApi {
  listener?: ChatListener;
  readonly chatBot = 'server' as const;
  session: ChatSession = { id: 'bench', token: 'bench', state: 'operator' };
  createChatSession = async () => this.session;
  sendChatMessage = async (): Promise<ChatMessage> => message(0);
  subscribeChat = (_s: ChatSession, listener: ChatListener) => ((this.listener = listener), () => undefined);
  requestOperator = async () => this.session;
  rateChat = async () => undefined;
}

declare global {
  interface Window {
    renderBench(history: number, live: number): Promise<{ renderMs: number; appendMs: number[] }>;
    reconnectBench(api: string, url: string, total: number): Promise<{ lost: number; duplicated: number; shown: number }>;
  }
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function mount(attrs: Record<string, string>, adapter?: ChatApi): Promise<GuChat> {
  const el = document.createElement('gu-chat');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (adapter) el.adapter = adapter;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

window.renderBench = async (history, live) => {
  const adapter = new PushAdapter();
  const el = await mount({ mode: 'inline', 'no-storage': '', 'history-key': `bench-${Date.now()}` }, adapter);
  while (!adapter.listener) await frame(); // the session is open and subscribed
  const log = el.shadowRoot!.querySelector('.log')!;
  const messages = Array.from({ length: history }, (_, i) => message(i + 1));
  // The history as it comes back from IndexedDB: one update with every message, then layout.
  const start = performance.now();
  el.update$({ messages });
  await el.updateComplete;
  void log.scrollHeight; // layout
  const renderMs = performance.now() - start;
  await frame();
  const appendMs: number[] = [];
  for (let i = 1; i <= live; i++) {
    const t0 = performance.now();
    adapter.listener!.event({ type: 'message', message: message(history + i) });
    await el.updateComplete;
    void log.scrollHeight;
    appendMs.push(performance.now() - t0);
    await frame();
  }
  el.remove();
  return { renderMs, appendMs };
};

window.reconnectBench = async (api, url, total) => {
  const el = await mount({ mode: 'inline', endpoint: api, 'history-key': `bench-sse-${Date.now()}`, hours: '1-7 00:00-24:00' });
  const until = async (test: () => boolean, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!test()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await until(() => Boolean(el.behaviour?.session));
  const { id } = el.behaviour!.session!;
  const operator = (path: string, body: unknown) => fetch(`${api}/operator/chats/${id}/${path}`, { method: 'POST', headers: { Authorization: 'Bearer operator-test', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  await operator('take', { name: 'Бенч' });
  for (let i = 1; i <= total; i++) {
    await operator('messages', { text: `живое ${i}` });
    // Cut every stream a few times mid-conversation: EventSource comes back with Last-Event-ID.
    if (i % Math.ceil(total / 4) === 0) await fetch(`${url}/__test/chat/drop-streams`, { method: 'POST' });
  }
  const texts = () => el.view.messages.filter((m) => m.author === 'operator').map((m) => m.text);
  await until(() => texts().includes(`живое ${total}`)).catch(() => undefined);
  const shown = texts();
  const expected = Array.from({ length: total }, (_, i) => `живое ${i + 1}`);
  const lost = expected.filter((t) => !shown.includes(t)).length;
  const duplicated = shown.length - new Set(shown).size + [...el.shadowRoot!.querySelectorAll('.message.operator .bubble')].length - shown.length;
  el.remove();
  return { lost, duplicated, shown: shown.length };
};
