import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { MemoryAdapter } from '../src/core/adapter/memory.js';
import type { Article } from '../src/core/adapter/types.js';
import '../src/elements/chat/gu-chat.js';
import type { GuChat } from '../src/elements/chat/gu-chat.js';

const articles: Article[] = [
  { id: 'esia-password', title: 'Как восстановить пароль от Госуслуг', category: 'Вход', body: 'Откройте страницу входа и нажмите «Восстановить пароль». Код придёт по СМС.', errorCodes: [], updatedAt: '2026-01-01' },
  { id: 'sms-code', title: 'Не приходит СМС-код', category: 'Вход', body: 'Проверьте, что номер телефона в профиле указан верно, и подождите 5 минут.', errorCodes: [], updatedAt: '2026-01-01' },
  { id: 'payment', title: 'Не проходит оплата пошлины', category: 'Оплата', body: 'Проверьте лимиты карты или оплатите через СБП.', errorCodes: [], updatedAt: '2026-01-01' },
];

/** Every story starts its own conversation: a fresh adapter and history key. */
let counter = 0;
const chat = (attrs: { mode?: string; lang?: string; theme?: string; hours?: string } = {}, adapter = new MemoryAdapter({ articles })) =>
  html`<div lang=${attrs.lang ?? 'ru'}>
    <gu-chat .adapter=${adapter} mode=${attrs.mode ?? 'inline'} theme=${attrs.theme ?? ''} hours=${attrs.hours ?? ''} history-key=${`story-${++counter}`} no-storage></gu-chat>
  </div>`;

const meta: Meta = {
  title: 'Элементы/gu-chat',
  component: 'gu-chat',
  render: () => chat(),
};
export default meta;
type Story = StoryObj;

async function ready(canvas: HTMLElement): Promise<{ el: GuChat; adapter: MemoryAdapter }> {
  const el = canvas.querySelector('gu-chat')!;
  await el.updateComplete;
  while (!el.behaviour?.sessionId) await new Promise((r) => setTimeout(r, 20));
  return { el, adapter: el.adapter as MemoryAdapter };
}

/** The bot greets and offers a person at once. */
export const Bot: Story = {};

/** The bot answered with help articles; «Это помогло» / «Не помогло». */
export const BotAnswered: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await el.send('не приходит смс код');
  },
};

/** In the queue: position and estimated wait, with a call back or a request offered for a long wait. */
export const Queued: Story = {
  play: async ({ canvasElement }) => {
    const { el, adapter } = await ready(canvasElement);
    await el.behaviour!.askOperator();
    adapter.operator(el.behaviour!.sessionId!).queue(3);
  },
};

/** An operator took the chat and is typing. */
export const Operator: Story = {
  play: async ({ canvasElement }) => {
    const { el, adapter } = await ready(canvasElement);
    await el.send('Не могу оплатить пошлину, ошибка 500');
    const op = adapter.operator(el.behaviour!.sessionId!);
    op.say('Здравствуйте! Меня зовут Анна. Посмотрю ваш платёж: https://www.gosuslugi.ru/help');
    op.read();
    op.typing();
  },
};

/** The chat ended: rating and the transcript offer. */
export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const { el, adapter } = await ready(canvasElement);
    adapter.operator(el.behaviour!.sessionId!).say('Всё получилось? Завершаю чат.');
    adapter.operator(el.behaviour!.sessionId!).end();
  },
};

/** Operators do not work now: their hours and the form. */
export const OutsideHours: Story = {
  render: () => chat({ hours: '7 03:00-03:01' }),
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await el.behaviour!.askOperator();
  },
};

/** Messages written without a connection wait in the outbox, «Будет отправлено, когда появится связь». */
export const Offline: Story = {
  play: async ({ canvasElement }) => {
    const { el, adapter } = await ready(canvasElement);
    for (let i = 0; i < 3; i++) adapter.failNext('offline');
    await el.send('Пишу без связи');
  },
};

/** A message the server refused: «Не отправлено» with «Повторить». */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const { el, adapter } = await ready(canvasElement);
    adapter.failNext('rejected');
    await el.send('Сообщение, которое сервер не принял');
  },
};

/** The chat could not start (the server failed): the reason and «Повторить». */
export const StartFailed: Story = {
  render: () => {
    const adapter = new MemoryAdapter({ articles });
    for (let i = 0; i < 2; i++) adapter.failNext('server'); // the FAQ and the session
    return chat({}, adapter);
  },
};

/** A card number in the text: the warning before sending. */
export const SecretData: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    el.typed('Списали дважды с карты 4111 1111 1111 1111');
  },
};

export const English: Story = { render: () => chat({ lang: 'en' }) };

export const LowVision: Story = { render: () => chat({ theme: 'low-vision' }) };

/** The launcher in the corner; at 320 px the window takes the whole screen. */
export const PhoneWidth: Story = {
  render: () => chat({ mode: 'launcher' }),
  parameters: { viewport: { defaultViewport: 'mobile1' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('gu-chat')!;
    await el.updateComplete;
    await el.open();
  },
};
