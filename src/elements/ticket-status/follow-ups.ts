import { isAdapterError } from '../../core/adapter/errors.js';
import { moscowClock } from '../../core/ticket/format.js';
import type { GuTicketStatus } from './gu-ticket-status.js';
import type { TicketSession } from './session.js';
import type { RatingState } from './ticket-actions.js';

/**
 * «Напомнить»: resolves with what to say; empty when the reminder went. Too early is the server's
 * `429`: its Retry-After becomes the time of day when it will be accepted.
 */
export async function sendReminder(host: GuTicketStatus, session: TicketSession, fail: (error: unknown) => string): Promise<string> {
  try {
    await session.call((access) => session.api.remindTicket!(access, { lang: host.locale }));
    return '';
  } catch (error) {
    if (isAdapterError(error) && error.kind === 'rate-limited') {
      return host.t('ticket.remind.later', { time: moscowClock(Date.now() + (error.details.retryAfterMs ?? 0), host.locale) });
    }
    return fail(error);
  }
}

/** «Оценить ответ»: a score is required; resolves with the form's next state and whether it was sent. */
export async function sendRating(host: GuTicketStatus, session: TicketSession, rating: RatingState, fail: (error: unknown) => string): Promise<{ sent: boolean; rating: RatingState }> {
  const { score, comment } = rating;
  if (!score) return { sent: false, rating: { ...rating, error: host.t('ticket.rate.choose') } };
  try {
    await session.call((access) => session.api.rateTicket!(access, { score, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { lang: host.locale }));
    return { sent: true, rating: { comment: '', error: '', busy: false } };
  } catch (error) {
    return { sent: false, rating: { ...rating, busy: false, error: fail(error) } };
  }
}
