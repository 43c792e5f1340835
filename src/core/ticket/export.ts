import type { Ticket, TicketSummary } from '../adapter/types.js';
import { ticketStrings } from '../i18n/catalogues/ticket.js';
import { ticketViewStrings } from '../i18n/catalogues/ticket-view.js';
import { deadlinesOf } from './deadlines.js';
import { moscowTime } from './format.js';

/** A topic's title for its id (the backend's list); an unknown id as it is. */
export type TopicName = (id: string) => string;

/**
 * One CSV cell for Excel: quoted when it holds the separator, a quote or a line break; a cell that
 * starts like a formula (= + - @, tab, carriage return) gets a leading ' so a spreadsheet shows it
 * as text instead of running it (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The list as CSV that Excel opens with Cyrillic intact: UTF-8 with a BOM, `;` between cells, CRLF. */
export function ticketsCsv(tickets: readonly TicketSummary[], lang: string, topicName: TopicName = (id) => id): string {
  const v = (key: Parameters<typeof ticketViewStrings.t>[1]) => ticketViewStrings.t(lang, key);
  const header = [v('ticket.list.date'), v('ticket.list.topic'), v('ticket.list.number'), v('ticket.list.titleColumn'), v('ticket.list.status'), v('ticket.list.deadline')];
  const rows = tickets.map((t) => [
    moscowTime(t.createdAt, lang),
    topicName(t.topic),
    t.number,
    t.title,
    ticketStrings.t(lang, `ticket.status.${t.status}`),
    t.extension?.until ?? t.dueAnswerAt ? moscowTime((t.extension?.until ?? t.dueAnswerAt)!, lang, false) : '',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** One request as readable text: what it is about, its status, deadlines, history and messages. */
export function ticketText(ticket: Ticket, lang: string, topicName: TopicName = (id) => id): string {
  const v = (key: Parameters<typeof ticketViewStrings.t>[1], params?: Record<string, string | number>) => ticketViewStrings.t(lang, key, params);
  const status = (s: Ticket['status']) => ticketStrings.t(lang, `ticket.status.${s}`);
  const deadlines = deadlinesOf(ticket);
  const lines = [
    v('ticket.view.title', { number: ticket.number }),
    ticket.title,
    '',
    `${v('ticket.view.status')}: ${status(ticket.status)}`,
    `${v('ticket.view.topic')}: ${topicName(ticket.topic)}`,
    `${v('ticket.view.created')}: ${moscowTime(ticket.createdAt, lang)} (${v('ticket.zone')})`,
    `${v('ticket.list.deadline')}: ${moscowTime(deadlines.answerAt, lang, false)}`,
    ...(ticket.extension ? [v('ticket.deadline.extended', { date: moscowTime(ticket.extension.until, lang, false), reason: ticket.extension.reason })] : []),
    '',
    `${v('ticket.export.description')}:`,
    ticket.description,
    '',
    `${v('ticket.history.title')}:`,
    ...ticket.history.map((h) => `${moscowTime(h.at, lang)} — ${status(h.status)}${h.comment ? `: ${h.comment}` : ''}`),
    '',
    `${v('ticket.comments.title')}:`,
    ...ticket.comments.flatMap((c) => [
      `${moscowTime(c.at, lang)} — ${v(c.author === 'citizen' ? 'ticket.comments.citizen' : 'ticket.comments.operator')}:`,
      c.text,
      ...c.attachments.map((a) => `  [${a.name}]`),
      '',
    ]),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
