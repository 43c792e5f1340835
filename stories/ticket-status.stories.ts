import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { AdapterError } from '../src/core/adapter/errors.js';
import { MemoryAdapter } from '../src/core/adapter/memory.js';
import type { Ticket, TicketStatus, TicketSummary } from '../src/core/adapter/types.js';
import '../src/elements/ticket-status/gu-ticket-status.js';
import type { GuTicketStatus } from '../src/elements/ticket-status/gu-ticket-status.js';
import { PHONE, longTicket, numberFrom, sampleTicket, summaries } from '../test/fixtures/tickets.js';

const DAY = 86_400_000;

/** A memory backend with these requests (opened with PHONE). */
function backend(...tickets: Ticket[]): MemoryAdapter {
  return new MemoryAdapter({ tickets, contacts: Object.fromEntries(tickets.map((t) => [t.number, PHONE])) });
}

function element(canvas: HTMLElement): GuTicketStatus {
  return canvas.querySelector('gu-ticket-status')!;
}

/** A story showing one request, opened as the citizen would. */
function opened(ticket: Ticket, attrs: { lang?: string; theme?: string } = {}): Story {
  return {
    render: () => html`<div lang=${attrs.lang ?? 'ru'}><gu-ticket-status .adapter=${backend(ticket)} theme=${attrs.theme ?? ''}></gu-ticket-status></div>`,
    play: async ({ canvasElement }) => {
      const el = element(canvasElement);
      await el.updateComplete;
      await el.open(ticket.number, PHONE);
    },
  };
}

function listOf(list: TicketSummary[] | (() => Promise<TicketSummary[]>)): MemoryAdapter {
  const adapter = new MemoryAdapter();
  adapter.listMyTickets = typeof list === 'function' ? list : async () => list;
  return adapter;
}

const meta: Meta = {
  title: 'Элементы/gu-ticket-status',
  component: 'gu-ticket-status',
  render: () => html`<gu-ticket-status .adapter=${backend(sampleTicket(1))} number=${numberFrom(1)}></gu-ticket-status>`,
};
export default meta;
type Story = StoryObj;

/** The look-up form with a number filled in (the contact is `+7 912 345-67-89`). */
export const LookUp: Story = {};

const status = (seed: number, value: TicketStatus, change: Partial<Ticket> = {}) => opened(sampleTicket(seed, value, change));

export const Accepted = status(2, 'accepted');
export const InProgress = status(3, 'in-progress', {
  comments: [{ id: '1', author: 'operator', text: 'Здравствуйте! Проверяем, почему при входе появляется ошибка 401.', at: new Date(Date.now() - 3_600_000).toISOString(), attachments: [] }],
});
/** Support asks for details: the reply form, with a text typed in. */
export const AwaitingInfoWithReply: Story = {
  ...status(4, 'awaiting-info'),
  play: async (context) => {
    await status(4, 'awaiting-info').play!(context);
    const el = element(context.canvasElement);
    await el.updateComplete;
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply-text')!;
    area.value = 'Браузер — Firefox 128, Windows 11. Скриншот прикладываю.';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  },
};
export const Resolved = status(5, 'resolved');
export const Closed = status(6, 'closed', { rating: { score: 5, comment: 'Спасибо, всё работает' } });
export const Overdue = status(7, 'in-progress', { dueAnswerAt: new Date(Date.now() - DAY).toISOString() });
export const Extended = status(8, 'in-progress', { extension: { until: new Date(Date.now() + 10 * DAY).toISOString(), reason: 'Нужен ответ ведомства, выдавшего документ' } });
/** «В работе» for more than 48 hours: the reminder is offered. */
export const ReminderOffered = status(9, 'in-progress', { history: [{ status: 'in-progress', at: new Date(Date.now() - 49 * 3_600_000).toISOString() }] });
/** 1,000 status changes and 300 messages: 50 of each drawn, the rest on request. */
export const LongHistory = opened(longTicket(numberFrom(10)));

export const NotFound: Story = {
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.updateComplete;
    await el.open(numberFrom(11), '+7 999 000-00-00');
  },
};

export const RateLimited: Story = {
  render: () => {
    const adapter = backend(sampleTicket(12));
    adapter.failNext('rate-limited');
    return html`<gu-ticket-status .adapter=${adapter}></gu-ticket-status>`;
  },
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.updateComplete;
    await el.open(numberFrom(12), PHONE);
  },
};

/** The server sent something that is not a request. */
export const MalformedData = opened({ ...sampleTicket(13), history: 'нет' } as unknown as Ticket);

export const List: Story = {
  render: () => html`<gu-ticket-status mode="list" page-size="10" .adapter=${listOf(summaries(45))}></gu-ticket-status>`,
};

/** The list filtered to «Решено» and searched by title words. */
export const ListFiltered: Story = {
  ...List,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.updateComplete;
    for (let frame = 0; frame < 120 && !el.shadowRoot!.querySelector('#status'); frame++) await new Promise((r) => requestAnimationFrame(r));
    for (const [id, value, type] of [['status', 'resolved', 'change'], ['q', 'ошибка', 'input']] as const) {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`);
      if (!input) return;
      input.value = value;
      input.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    }
  },
};

/** «Мои обращения»: a request opened from its row by the signed-in owner, no phone or e-mail asked. */
export const ListOpenedRequest: Story = {
  render: () => html`<gu-ticket-status mode="list" .adapter=${new MemoryAdapter({ tickets: [sampleTicket(16, 'in-progress'), sampleTicket(17, 'resolved')] })}></gu-ticket-status>`,
  play: async ({ canvasElement }) => {
    const el = element(canvasElement);
    await el.updateComplete;
    for (let frame = 0; frame < 120 && !el.shadowRoot!.querySelector('tbody button[data-number]'); frame++) await new Promise((r) => requestAnimationFrame(r));
    el.shadowRoot!.querySelector<HTMLButtonElement>('tbody button[data-number]')?.click();
  },
};

export const ListSignedOut: Story = {
  render: () => html`<gu-ticket-status mode="list" .adapter=${listOf(() => Promise.reject(new AdapterError('unauthorized', 'no token', { status: 401 })))}></gu-ticket-status>`,
};

export const ListEmpty: Story = {
  render: () => html`<gu-ticket-status mode="list" .adapter=${listOf([])}></gu-ticket-status>`,
};

export const ListError: Story = {
  render: () => html`<gu-ticket-status mode="list" .adapter=${listOf(() => Promise.reject(new AdapterError('server', 'down', { status: 500 })))}></gu-ticket-status>`,
};

export const English = opened(sampleTicket(14, 'awaiting-info'), { lang: 'en' });
export const LowVision = opened(sampleTicket(15, 'in-progress', { dueAnswerAt: new Date(Date.now() - DAY).toISOString() }), { theme: 'low-vision' });
