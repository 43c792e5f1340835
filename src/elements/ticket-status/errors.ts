import type { AdapterError } from '../../core/adapter/errors.js';
import type { ErrorKind } from '../../events/gu-error.js';
import { moscowClock } from '../../core/ticket/format.js';
import type { GuTicketStatus } from './gu-ticket-status.js';

/**
 * What <gu-ticket-status> says about a failure, in its own words: a wrong pair and an unknown number
 * are the same neutral «not found»; a rate limit names the time to try again (no countdown).
 */
export function ticketErrorText(host: GuTicketStatus, kind: ErrorKind, error?: AdapterError): string {
  switch (kind) {
    case 'not-found':
      return host.t('ticket.lookup.notFound');
    case 'rate-limited':
      return host.t('ticket.lookup.rateLimited', { time: moscowClock(Date.now() + (error?.details.retryAfterMs ?? 30_000), host.locale) });
    case 'offline':
    case 'timeout':
      return host.t('ticket.error.offline');
    case 'server':
      return host.t('ticket.error.server');
    case 'unauthorized':
      return host.t('ticket.error.unauthorized');
    case 'no-adapter':
      return host.t('ticket.error.noAdapter');
    case 'no-slice':
      return host.t('ticket.error.noSlice');
    default:
      return host.t('ticket.error.rejected');
  }
}
