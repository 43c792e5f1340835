import type { Ticket } from '../adapter/types.js';

/** Working days to an answer by default, and at most for complex cases (DOMAIN.md). */
export const ANSWER_WORKING_DAYS = 5;
export const MAX_ANSWER_WORKING_DAYS = 15;
/** A reminder is offered after this long «В работе», then once per day (the server enforces both). */
export const REMIND_AFTER_MS = 48 * 3600_000;
export const REMIND_EVERY_MS = 24 * 3600_000;

export interface Deadlines {
  firstReplyAt: string;
  /** The answer's deadline: the extended one when the backend moved it. */
  answerAt: string;
  extended: boolean;
  /** «Решено» or «Закрыто»: deadlines no longer run. */
  answered: boolean;
  overdue: boolean;
}

const DONE = new Set(['resolved', 'closed']);

/** The ticket's deadlines as of `now` (the server computed them in working days at creation). */
export function deadlinesOf(ticket: Pick<Ticket, 'status' | 'dueFirstReplyAt' | 'dueAnswerAt' | 'extension'>, now = Date.now()): Deadlines {
  const answerAt = ticket.extension?.until ?? ticket.dueAnswerAt;
  const answered = DONE.has(ticket.status);
  return { firstReplyAt: ticket.dueFirstReplyAt, answerAt, extended: Boolean(ticket.extension), answered, overdue: !answered && now > Date.parse(answerAt) };
}

/**
 * When a reminder may be sent (ms since epoch), or undefined when none can be (not «В работе»).
 * The element shows the button from then on; the server decides in the end.
 */
export function reminderAllowedAt(ticket: Pick<Ticket, 'status' | 'history' | 'createdAt' | 'remindedAt'>): number | undefined {
  if (ticket.status !== 'in-progress') return undefined;
  const since = Date.parse(ticket.history.at(-1)?.at ?? ticket.createdAt);
  const last = ticket.remindedAt ? Date.parse(ticket.remindedAt) : -Infinity;
  return Math.max(since + REMIND_AFTER_MS, last + REMIND_EVERY_MS);
}
