import { expect, oneEvent } from '@open-wc/testing';
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
