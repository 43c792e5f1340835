import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatMessage, ChatSession } from '../../src/core/adapter/types.js';
import type { GuChat } from '../../src/elements/chat/gu-chat.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { bubbles, clearLocalData, mountChat, pickPng, text, type, until } from '../helpers/chat.js';
import { injectFault, referenceServer, resetFaults } from '../helpers/reference-server.js';

describe('<gu-chat>: hand-off with files, offline start, stream again after polling, operator name', function () {
  this.timeout(40_000);
  let url = '';
  let api = '';

  const citizenTexts = async (el: GuChat): Promise<string[]> => {
    const s: ChatSession = el.behaviour!.session!;
    const page = (await (await fetch(`${api}/chat/sessions/${s.id}/messages?after=0`, { headers: { 'X-Chat-Token': s.token } })).json()) as { messages: ChatMessage[] };
    return page.messages.filter((m) => m.author === 'citizen').map((m) => m.text);
  };
  const OPERATOR = { Authorization: 'Bearer operator-test', 'Content-Type': 'application/json' };
  const operator = (path: string, body?: unknown) => fetch(`${api}/operator/chats/${path}`, { method: 'POST', headers: OPERATOR, body: JSON.stringify(body ?? {}) });
  /** Two messages written in a chat opened for the first time with the server unreachable. */
  const writeOffline = async (key: string): Promise<GuChat> => {
    await executeServerCommand('reference-server', { action: 'stop' });
    const el = await mountChat({ endpoint: api, key });
    await type(el, 'первое без связи');
    await type(el, 'второе без связи');
    await until(() => el.view.pending.length === 2 && el.view.pending.every((p) => p.status === 'queued'), 15_000);
    expect(el.behaviour!.session).to.equal(undefined);
    expect(text(el)).to.contain('Будет отправлено, когда появится связь');
    return el;
  };

  before(async () => {
    ({ url, api } = await referenceServer());
  });
  beforeEach(async () => {
    await clearLocalData();
    await fetch(`${url}/__test/chat/hours`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ open: null }) });
  });

  it('«Оставить обращение» brings the transcript and the chat\'s files into the form', async () => {
    const form = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api}></gu-support-form>`);
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session) && bubbles(el).length > 0);
    await pickPng(el, 'ошибка.png');
    await until(() => text(el).includes('ошибка.png'), 10_000);
    await type(el, 'Вот снимок экрана с ошибкой');
    await until(() => el.view.messages.some((m) => m.attachments?.length), 10_000);
    await el.behaviour!.toForm();
    await until(() => (form.state.values.description ?? '').includes('Вот снимок экрана с ошибкой'));
    expect(form.state.values.description).to.contain('Вы: Вот снимок экрана с ошибкой');
    // Through the form's own pipeline: checked, prepared, counted as its attachment.
    await until(() => form.files.length === 1, 10_000);
    expect(form.files[0]!.name).to.equal('ошибка.png');
    expect(form.files[0]!.type).to.equal('image/png');
    expect(form.files[0]!.data.byteLength).to.be.greaterThan(0);
    await expect(form).to.be.accessible();
    form.remove();
  });

  it('a chat first opened offline keeps two messages and delivers them once, in order, when the connection returns', async () => {
    let el: GuChat;
    try {
      el = await writeOffline(`offline-${Date.now()}`);
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('reference-server', { action: 'start' });
    }
    window.dispatchEvent(new Event('online'));
    await until(() => el.view.pending.length === 0 && Boolean(el.behaviour?.session), 20_000);
    expect(await citizenTexts(el)).to.deep.equal(['первое без связи', 'второе без связи']);
    await until(() => bubbles(el).filter((b) => b.includes('без связи')).length === 2);
  });

  it('… and after a reload', async () => {
    const key = `offline-reload-${Date.now()}`;
    try {
      const first = await writeOffline(key);
      first.remove(); // the page is closed
    } finally {
      await executeServerCommand('reference-server', { action: 'start' });
    }
    const el = await mountChat({ endpoint: api, key });
    await until(() => el.view.pending.length === 0 && Boolean(el.behaviour?.session), 20_000);
    expect(await citizenTexts(el)).to.deep.equal(['первое без связи', 'второе без связи']);
  });

  it('after falling back to polling, the stream is tried again and taken back: nothing lost or doubled', async () => {
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session) && bubbles(el).length > 0);
    const { id } = el.behaviour!.session!;
    await injectFault(url, { method: 'GET', path: `/api/chat/sessions/${id}/events`, status: 502, times: 1000 });
    try {
      await fetch(`${url}/__test/chat/drop-streams`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      await operator(`${id}/take`, { name: 'Анна' });
      await operator(`${id}/messages`, { text: 'через опрос' });
      await until(() => bubbles(el).includes('через опрос'), 15_000);
    } finally {
      await resetFaults(url);
    }
    // Typing marks come only on the stream: seeing one means the stream is back.
    let told = 0;
    await until(async () => {
      if (Date.now() - told > 1000) await operator(`${id}/typing`, { active: true }).then(() => (told = Date.now()));
      return el.view.typing === 'operator';
    }, 20_000);
    for (let i = 1; i <= 3; i++) await operator(`${id}/messages`, { text: `снова поток ${i}` });
    await until(() => bubbles(el).includes('снова поток 3'), 10_000);
    const s = el.behaviour!.session!;
    const server = ((await (await fetch(`${api}/chat/sessions/${s.id}/messages?after=0`, { headers: { 'X-Chat-Token': s.token } })).json()) as { messages: ChatMessage[] }).messages;
    expect(el.view.messages.map((m) => m.seq)).to.deep.equal(server.map((m) => m.seq));
  });

  it('names the operator who joins, once, in the polite live region', async () => {
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session) && bubbles(el).length > 0);
    const joined: (string | undefined)[] = [];
    el.addEventListener('gu-operator-joined', (e) => joined.push(e.detail.operatorName));
    await el.behaviour!.askOperator();
    await until(() => el.view.chatState === 'queued');
    await operator(`${el.behaviour!.session!.id}/take`, { name: 'Анна' });
    await until(() => text(el).includes('Оператор Анна подключился к чату'));
    const region = [...el.shadowRoot!.querySelectorAll('[role=status]')].find((p) => p.textContent!.includes('Анна'))!;
    expect(region.textContent!.trim()).to.equal('Оператор Анна подключился к чату');
    // A dropped stream replays the state: not announced again.
    await fetch(`${url}/__test/chat/drop-streams`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    await operator(`${el.behaviour!.session!.id}/messages`, { text: 'Здравствуйте, я Анна' });
    await until(() => bubbles(el).includes('Здравствуйте, я Анна'), 15_000);
    expect(joined).to.deep.equal(['Анна']);
    await expect(el).to.be.accessible();
  });

  it('shows the operators\' hours as the server\'s `hours` event tells them', async () => {
    const hours = (open: boolean | null) => fetch(`${url}/__test/chat/hours`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ open }) });
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session) && bubbles(el).length > 0);
    await el.behaviour!.askOperator();
    await until(() => el.view.chatState === 'queued' && el.view.connection === 'open');
    await hours(false);
    await until(() => text(el).includes('Операторы сейчас не работают'));
    const server = (await (await fetch(`${api}/chat/sessions/${el.behaviour!.session!.id}/messages?after=0`, { headers: { 'X-Chat-Token': el.behaviour!.session!.token } })).json()) as { session: ChatSession };
    expect(server.session.hours!.text.length).to.be.greaterThan(0);
    expect(text(el)).to.contain(server.session.hours!.text);
    await expect(el).to.be.accessible();
    await hours(true);
    await until(() => !text(el).includes('Операторы сейчас не работают'));
  });
});
