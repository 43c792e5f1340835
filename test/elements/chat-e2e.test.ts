import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChatMessage, ChatSession } from '../../src/core/adapter/types.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { bubbles, button, clearLocalData, mountChat, pickPng, root, text, type, until } from '../helpers/chat.js';
import { injectFault, referenceServer, resetFaults } from '../helpers/reference-server.js';
import type { GuChat } from '../../src/elements/chat/gu-chat.js';

const OPERATOR = { Authorization: 'Bearer operator-test', 'Content-Type': 'application/json' };

describe('<gu-chat> against the reference server', function () {
  this.timeout(40_000);
  let url = '';
  let api = '';
  const hook = (path: string, body?: unknown) => fetch(`${url}/__test/chat/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  const operator = (path: string, body?: unknown) => fetch(`${api}/operator/chats/${path}`, { method: 'POST', headers: OPERATOR, body: JSON.stringify(body ?? {}) });
  const serverMessages = async (s: ChatSession): Promise<ChatMessage[]> =>
    ((await (await fetch(`${api}/chat/sessions/${s.id}/messages?after=0`, { headers: { 'X-Chat-Token': s.token } })).json()) as { messages: ChatMessage[] }).messages;
  const sessionOf = (el: GuChat) => el.behaviour!.session!;

  before(async () => {
    ({ url, api } = await referenceServer());
  });
  beforeEach(async () => {
    await clearLocalData();
    await hook('hours', { open: null });
  });

  it('the bot answers with article cards', async () => {
    const el = await mountChat({ endpoint: api });
    const heard: string[] = [];
    el.addEventListener('gu-message', (e) => heard.push(`${e.detail.message.author}:${e.detail.message.seq}`));
    await until(() => bubbles(el).some((b) => b.includes('Я Макс')));
    expect(button(el, 'Связаться с живым оператором').isConnected).to.equal(true);
    await type(el, 'Не приходит СМС-код для входа');
    await until(() => Boolean(root(el).querySelector('.card a')), 10_000);
    expect(heard).to.deep.equal(['bot:1', 'citizen:2', 'bot:3']);
    expect(root(el).querySelector('.card a')!.getAttribute('href')).to.match(/^#faq\//);
    await until(() => text(el).includes('Доставлено'));
    await expect(el).to.be.accessible();
  });

  it('queue position counts down, the operator joins, and a dropped stream loses or doubles nothing', async () => {
    // Someone is in the queue before us.
    const ahead = (await (await fetch(`${api}/chat/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as ChatSession;
    await fetch(`${api}/chat/sessions/${ahead.id}/operator`, { method: 'POST', headers: { 'X-Chat-Token': ahead.token, 'Content-Type': 'application/json' }, body: '{}' });
    const el = await mountChat({ endpoint: api });
    await until(() => bubbles(el).length > 0);
    button(el, 'Связаться с живым оператором').click();
    await until(() => text(el).includes('Вы в очереди к оператору: 2-й'));
    await expect(el).to.be.accessible();
    await operator(`${ahead.id}/take`, { name: 'Анна' });
    await until(() => text(el).includes('Вы в очереди к оператору: 1-й'));
    const joined = oneEvent(el, 'gu-operator-joined');
    await operator(`${sessionOf(el).id}/take`, { name: 'Ирина' });
    await joined;
    for (let i = 1; i <= 3; i++) await operator(`${sessionOf(el).id}/messages`, { text: `до обрыва ${i}` });
    await until(() => bubbles(el).includes('до обрыва 3'));
    // The chat is on screen: the console learns what the citizen has read.
    await until(async () => ((await (await fetch(`${api}/operator/chats/${sessionOf(el).id}`, { headers: OPERATOR })).json()) as { citizenReadSeq: number }).citizenReadSeq >= el.view.messages.at(-1)!.seq);
    await hook('drop-streams');
    for (let i = 1; i <= 3; i++) await operator(`${sessionOf(el).id}/messages`, { text: `после обрыва ${i}` });
    await until(() => bubbles(el).includes('после обрыва 3'), 15_000);
    const seqs = el.view.messages.map((m) => m.seq);
    expect(new Set(seqs).size).to.equal(seqs.length);
    expect(seqs).to.deep.equal((await serverMessages(sessionOf(el))).map((m) => m.seq));
    await expect(el).to.be.accessible();
  });

  it('five messages written offline are delivered once and in order', async () => {
    const el = await mountChat({ endpoint: api });
    await until(() => bubbles(el).length > 0 && Boolean(el.behaviour?.session));
    await executeServerCommand('reference-server', { action: 'stop' });
    try {
      for (let i = 1; i <= 5; i++) await type(el, `без связи ${i}`);
      await until(() => el.view.pending.length === 5 && el.view.pending.every((p) => p.status === 'queued'), 15_000);
      expect(text(el)).to.contain('Будет отправлено, когда появится связь');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('reference-server', { action: 'start' });
    }
    window.dispatchEvent(new Event('online'));
    await until(() => el.view.pending.length === 0, 20_000);
    const mine = (await serverMessages(sessionOf(el))).filter((m) => m.author === 'citizen').map((m) => m.text);
    expect(mine).to.deep.equal([1, 2, 3, 4, 5].map((i) => `без связи ${i}`));
    await until(() => bubbles(el).filter((b) => b.startsWith('без связи')).length === 5);
  });

  it('sends an attachment through the pipeline', async () => {
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session));
    await pickPng(el);
    await until(() => text(el).includes('screen.png'), 10_000);
    await type(el, 'Вот снимок экрана');
    await until(() => el.view.messages.some((m) => m.attachments?.length), 10_000);
    await until(() => Boolean(root(el).querySelector('.files a')));
    // The link is on the API's origin (the test page is on another), and it downloads the file.
    const link = root(el).querySelector<HTMLAnchorElement>('.files a')!;
    expect(link.href.startsWith(url)).to.equal(true);
    expect((await fetch(link.href)).status).to.equal(200);
    await expect(el).to.be.accessible();
  });

  it('outside working hours says when operators work and hands the transcript to the form', async () => {
    await hook('hours', { open: false });
    const form = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api}></gu-support-form>`);
    const el = await mountChat({ endpoint: api });
    await until(() => bubbles(el).length > 0);
    await type(el, 'Ошибка при входе');
    await until(() => el.view.messages.length >= 3, 10_000);
    const operatorButton = [...root(el).querySelectorAll('button')].find((b) => /оператор/i.test(b.textContent!));
    if (operatorButton) operatorButton.click();
    else await el.behaviour!.askOperator();
    await until(() => text(el).includes('Операторы сейчас не работают'));
    await expect(el).to.be.accessible();
    button(el, 'Оставить обращение').click();
    await until(() => (form.state.values.description ?? '').includes('Ошибка при входе'));
    expect(form.state.values.description).to.contain('Вы: Ошибка при входе');
    form.remove();
  });

  it('the citizen ends the chat and rates it; the rating reaches the server', async () => {
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session) && bubbles(el).length > 0);
    const ended = oneEvent(el, 'gu-chat-ended');
    button(el, 'Завершить чат').click();
    expect((await ended).detail.by).to.equal('citizen');
    await until(() => text(el).includes('Оцените помощь'));
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLInputElement>('input[name=score][value="4"]')!.click();
    root(el).querySelector<HTMLTextAreaElement>('#rating-comment')!.value = 'Быстро';
    root(el).querySelector<HTMLFormElement>('[part=rating]')!.requestSubmit();
    await until(() => text(el).includes('Спасибо за оценку'));
    const id = sessionOf(el).id;
    await until(async () => {
      const chat = (await (await fetch(`${api}/operator/chats/${id}`, { headers: OPERATOR })).json()) as { rating?: { score: number } };
      return chat.rating?.score === 4;
    }, 10_000);
  });

  it('a stream that cannot be opened falls back to polling', async () => {
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session) && bubbles(el).length > 0);
    const { id } = sessionOf(el);
    // Every attempt to reopen the stream is refused, as by a proxy that does not pass it.
    await injectFault(url, { method: 'GET', path: `/api/chat/sessions/${id}/events`, status: 502, times: 1000 });
    try {
      await hook('drop-streams');
      await operator(`${id}/take`, { name: 'Ирина' });
      await operator(`${id}/messages`, { text: 'через опрос' });
      await until(() => bubbles(el).includes('через опрос'), 15_000);
      expect(el.view.chatState).to.equal('operator');
    } finally {
      await resetFaults(url);
    }
  });

  it('a long wait offers a call back; the phone is checked, then the operator will call', async () => {
    await hook('queue-time', { secondsPerChat: 600 });
    try {
      const el = await mountChat({ endpoint: api });
      await until(() => bubbles(el).length > 0);
      button(el, 'Связаться с живым оператором').click();
      await until(() => text(el).includes('Ждать долго?'));
      await expect(el).to.be.accessible();
      button(el, 'Заказать обратный звонок').click();
      await el.updateComplete;
      const phone = root(el).querySelector<HTMLInputElement>('#phone')!;
      phone.value = '8 912';
      root(el).querySelector<HTMLFormElement>('[part=callback]')!.requestSubmit();
      await until(() => phone.getAttribute('aria-invalid') === 'true');
      expect(root(el).activeElement).to.equal(phone);
      phone.value = '+7 912 345-67-89';
      root(el).querySelector<HTMLInputElement>('input[name=consent]')!.click();
      root(el).querySelector<HTMLFormElement>('[part=callback]')!.requestSubmit();
      await until(() => el.view.chatState === 'closed', 10_000);
      await expect(el).to.be.accessible();
    } finally {
      await hook('queue-time', { secondsPerChat: 180, callbackAfterSeconds: 300 });
    }
  });
});
