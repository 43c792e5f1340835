import type { Ticket, TicketStatus } from '../src/core/adapter/types.js';

/**
 * A long-running request: `events` status changes with comments and `comments` messages, ending
 * «В работе». Used by `npm run bench:ticket` and the element's tests.
 */
export function longTicket(number: string, events = 1000, comments = 300, now = Date.now()): Ticket {
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const statuses: TicketStatus[] = ['awaiting-info', 'in-progress'];
  return {
    number,
    status: 'in-progress',
    createdAt: iso((events + 1) * 60_000),
    dueFirstReplyAt: iso(events * 60_000 - 86_400_000),
    dueAnswerAt: iso(-5 * 86_400_000),
    urgent: false,
    topic: 'technical',
    title: 'Долгое обращение с большой историей',
    description: 'Страница оплаты зависает после ввода данных карты.',
    updatedAt: iso(60_000),
    history: Array.from({ length: events }, (_, i) => ({ status: statuses[i % 2]!, at: iso((events - i) * 60_000), comment: `Шаг ${i + 1}: передано следующему специалисту` })),
    comments: Array.from({ length: comments }, (_, i) => ({
      id: String(i + 1),
      author: i % 2 ? ('operator' as const) : ('citizen' as const),
      text: `Сообщение ${i + 1}: подробности о том, что происходит на странице, и что уже сделано.`,
      at: iso((comments - i) * 60_000),
      attachments: i % 10 ? [] : [{ id: `a${i}`, name: `screen-${i}.png`, type: 'image/png', size: 120_000, url: '#' }],
    })),
    attachments: [],
    revision: events + comments,
  };
}
