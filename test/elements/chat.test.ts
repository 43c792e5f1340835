import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import type { Article } from '../../src/core/adapter/types.js';
import { bubbles, button, clearLocalData, input, mountChat, root, text, type, until } from '../helpers/chat.js';

const articles: Article[] = [
  { id: 'esia-password', title: 'Как восстановить пароль от Госуслуг', category: 'Вход', body: 'Откройте страницу входа и нажмите «Восстановить пароль».\n\nКод придёт по СМС.', errorCodes: [], updatedAt: '2026-01-01' },
  { id: 'payment', title: 'Не проходит оплата пошлины', category: 'Оплата', body: 'Проверьте лимиты карты.', errorCodes: [], updatedAt: '2026-01-01' },
];

describe('<gu-chat> with the in-memory adapter (client-side bot)', () => {
  beforeEach(() => clearLocalData());

  it('greets, answers from the FAQ with cards, offers a person after two unhelpful answers', async () => {
    const adapter = new MemoryAdapter({ articles });
    const el = await mountChat({ adapter });
    await until(() => bubbles(el).includes('Здравствуйте! Чем помочь?'));
    expect(button(el, 'Связаться с живым оператором').isConnected).to.equal(true);
    await type(el, 'забыл пароль от госуслуг');
    await until(() => Boolean(root(el).querySelector('.card')));
    expect(root(el).querySelector('.card a')!.getAttribute('href')).to.equal('#faq/esia-password');
    expect(text(el)).to.contain('Доставлено');
    button(el, 'Не помогло').click();
    await el.updateComplete;
    button(el, 'Не помогло').click();
    await el.updateComplete;
    expect(button(el, 'Связаться с живым оператором').isConnected).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('queues for an operator, shows the position, the operator joins and ends; rating through the outbox', async () => {
    const adapter = new MemoryAdapter({ articles });
    const el = await mountChat({ adapter });
    await until(() => bubbles(el).length === 1);
    button(el, 'Связаться с живым оператором').click();
    await until(() => text(el).includes('Вы в очереди к оператору: 1-й'));
    await expect(el).to.be.accessible();
    const session = el.behaviour!.sessionId!;
    const joined = oneEvent(el, 'gu-operator-joined');
    adapter.operator(session).say('Здравствуйте, я Анна');
    await joined;
    await until(() => bubbles(el).includes('Здравствуйте, я Анна'));
    const ended = oneEvent(el, 'gu-chat-ended');
    adapter.operator(session).end();
    expect((await ended).detail.transcript).to.contain('Оператор: Здравствуйте, я Анна');
    await until(() => text(el).includes('Оцените помощь'));
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLInputElement>('input[name=score][value="5"]')!.click();
    root(el).querySelector<HTMLFormElement>('[part=rating]')!.requestSubmit();
    await until(() => text(el).includes('Спасибо за оценку'));
  });

  it('a message the server refuses is «Не отправлено» with «Повторить», and goes on retry', async () => {
    const adapter = new MemoryAdapter({ articles });
    const el = await mountChat({ adapter });
    await until(() => bubbles(el).length === 1);
    adapter.failNext('rejected');
    await type(el, 'первая попытка');
    await until(() => text(el).includes('Не отправлено'));
    await expect(el).to.be.accessible();
    button(el, 'Повторить').click();
    await until(() => el.view.pending.length === 0 && bubbles(el).includes('первая попытка'));
    expect(bubbles(el).filter((b) => b === 'первая попытка')).to.have.length(1);
  });

  it('typing: the operator\'s is shown until a message, the citizen\'s is sent at most every 2 s', async () => {
    const adapter = new MemoryAdapter({ articles });
    const calls: boolean[] = [];
    const send = adapter.sendChatTyping.bind(adapter);
    adapter.sendChatTyping = (session, active, options) => (calls.push(active), send(session, active, options));
    const el = await mountChat({ adapter });
    await until(() => bubbles(el).length === 1);
    const op = adapter.operator(el.behaviour!.sessionId!);
    op.say('Здравствуйте');
    op.typing();
    await until(() => text(el).includes('Оператор печатает…'));
    op.say('Уже смотрю');
    await until(() => !text(el).includes('Оператор печатает…'));
    for (const chunk of ['п', 'пр', 'при', 'прив']) el.typed(chunk);
    expect(calls).to.deep.equal([true]);
    el.typed('');
    expect(calls).to.deep.equal([true, false]);
  });

  it('warns about a card number before sending and refuses too long a message', async () => {
    const adapter = new MemoryAdapter({ articles });
    const el = await mountChat({ adapter });
    await until(() => bubbles(el).length === 1);
    await type(el, 'моя карта 4111 1111 1111 1111');
    expect(text(el)).to.contain('номер банковской карты');
    expect(bubbles(el)).to.have.length(1);
    button(el, 'Удалить из текста').click();
    await el.updateComplete;
    expect(input(el).value).not.to.contain('4111');
    await type(el, 'я'.repeat(2001));
    expect(text(el)).to.contain('Сообщение длиннее 2000 символов');
    await expect(el).to.be.accessible();
  });
});

describe('<gu-chat> window: keyboard, focus, unread badge', () => {
  beforeEach(() => clearLocalData());

  it('opens from the launcher with the keyboard, sends with Enter, Esc closes and focus returns', async () => {
    const adapter = new MemoryAdapter({ articles });
    const el = await mountChat({ adapter, mode: 'launcher' });
    const launcher = root(el).querySelector<HTMLButtonElement>('.launcher')!;
    launcher.focus();
    const opened = oneEvent(el, 'gu-chat-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    await until(() => root(el).activeElement === input(el));
    await until(() => bubbles(el).length === 1);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'ошибка при оплате' });
    await sendKeys({ press: 'Enter' });
    await until(() => bubbles(el).includes('ошибка при оплате'));
    // Greeting, question, the bot's answer: all while the window is open.
    await until(() => el.view.messages.length === 3 && el.view.messages.at(-1)!.author === 'bot');
    const closed = oneEvent(el, 'gu-chat-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(el.opened).to.equal(false);
    expect(root(el).activeElement).to.equal(launcher);
    // A message while the window is closed: a badge with words for screen readers.
    adapter.operator(el.behaviour!.sessionId!).say('Вы ещё здесь?');
    await until(() => Boolean(root(el).querySelector('[part=badge]')));
    expect(root(el).querySelector('[part=badge] .visually-hidden')!.textContent).to.equal('1 новое сообщение');
    await expect(el).to.be.accessible();
    await el.open();
    expect(root(el).querySelector('[part=badge]')).to.equal(null);
  });

  it('restores the conversation after a reload (IndexedDB history) and forgets it on «Очистить историю»', async () => {
    const adapter = new MemoryAdapter({ articles });
    const key = `reload-${Date.now()}`;
    const first = await mountChat({ adapter, key });
    await until(() => bubbles(first).length === 1);
    await type(first, 'первое сообщение');
    await until(() => bubbles(first).includes('первое сообщение'));
    first.remove();
    const again = await mountChat({ adapter, key });
    await until(() => bubbles(again).includes('первое сообщение'));
    expect(bubbles(again).filter((b) => b === 'первое сообщение')).to.have.length(1);
    button(again, 'Очистить историю').click();
    await until(() => !bubbles(again).includes('первое сообщение'));
  });

  it('a long history shows its newest messages, the earlier ones on request', async () => {
    const el = await mountChat({ adapter: new MemoryAdapter({ articles }) });
    await until(() => bubbles(el).length === 1);
    const at = new Date().toISOString();
    // 400: more than the 300 shown at first, few enough for axe to check quickly in Firefox on a loaded machine.
    el.update$({ messages: Array.from({ length: 400 }, (_, i) => ({ id: `h:${i + 1}`, seq: i + 1, author: 'operator' as const, text: `история ${i + 1}`, at })) });
    await el.updateComplete;
    expect(bubbles(el)).to.include('история 400');
    expect(bubbles(el)).not.to.include('история 1');
    button(el, 'Показать ранние сообщения').click();
    await el.updateComplete;
    expect(bubbles(el)).to.include('история 1');
    await expect(el).to.be.accessible();
  });

  it('speaks English and works in the low-vision theme at phone width', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await mountChat({ adapter: new MemoryAdapter({ articles }), mode: 'launcher', lang: 'en', theme: 'low-vision' });
      await el.open();
      await until(() => text(el).includes('Chat with support') && text(el).includes('Send'));
      const panel = root(el).querySelector('dialog')!;
      expect(panel.getBoundingClientRect().width).to.equal(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
