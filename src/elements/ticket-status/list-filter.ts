import type { TicketStatus, TicketSummary } from '../../core/adapter/types.js';

export type ListSort = 'newest' | 'oldest' | 'deadline';

export interface ListFilter {
  query: string;
  status: '' | TicketStatus;
  /** `YYYY-MM-DD` (a date input's value), inclusive, Moscow dates; empty: open. */
  from: string;
  to: string;
  sort: ListSort;
}

export const NO_FILTER: ListFilter = { query: '', status: '', from: '', to: '', sort: 'newest' };

/** The Moscow calendar date of an instant as `YYYY-MM-DD`. */
const moscowDay = (iso: string) => new Date(Date.parse(iso) + 3 * 3600_000).toISOString().slice(0, 10);
const deadline = (t: TicketSummary) => Date.parse(t.extension?.until ?? t.dueAnswerAt ?? t.createdAt);

/**
 * The requests that match: the query is a number (digits in any notation) or words that must all
 * occur in the title; status; created between `from` and `to` (Moscow dates); sorted.
 */
export function filterTickets(tickets: readonly TicketSummary[], f: ListFilter): TicketSummary[] {
  const digits = f.query.replace(/\D/g, '');
  const words = /\p{L}/u.test(f.query) ? f.query.toLowerCase().split(/\s+/).filter(Boolean) : [];
  const found = tickets.filter((t) => {
    if (f.status && t.status !== f.status) return false;
    const day = moscowDay(t.createdAt);
    if ((f.from && day < f.from) || (f.to && day > f.to)) return false;
    if (words.length) return words.every((w) => t.title.toLowerCase().includes(w));
    return !digits || t.number.replace(/\D/g, '').includes(digits);
  });
  const by: Record<ListSort, (a: TicketSummary, b: TicketSummary) => number> = {
    newest: (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
    oldest: (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
    deadline: (a, b) => deadline(a) - deadline(b),
  };
  return found.sort(by[f.sort]);
}
