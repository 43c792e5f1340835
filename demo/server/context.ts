import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Article } from '../../src/core/adapter/types.js';
import type { Db } from './db.js';
import type { UploadLimits } from './files.js';
import { HttpError, PROBLEM, bearerToken } from './http.js';
import type { RateLimiter } from './rate-limit.js';
import { TicketStore } from './tickets-store.js';

/** What every route needs: storage, limits and the in-process event bus (chat, console). */
export class Context {
  readonly tickets: TicketStore;
  readonly events = new EventEmitter();

  constructor(
    readonly db: Db,
    readonly limiter: RateLimiter,
    readonly uploadLimits: UploadLimits,
    readonly articles: Article[],
    readonly tmpDir: string,
    readonly filesDir: string,
    private readonly operatorToken: string,
    /** Whether operators are at work now (working hours of the line). */
    readonly operatorsOnline: (now: Date) => boolean,
  ) {
    this.tickets = new TicketStore(db);
    this.events.setMaxListeners(0);
  }

  requireOperator(req: IncomingMessage): void {
    if (bearerToken(req) !== this.operatorToken) {
      throw new HttpError(401, PROBLEM.unauthorized, 'Нужен токен оператора', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
  }
}

/** Operators' hours on Moscow time: weekdays 08:00–20:00, Saturday 09:00–17:00 (DOMAIN.md). */
export function hotlineHours(now: Date): boolean {
  const moscow = new Date(now.getTime() + 3 * 3600_000);
  const day = moscow.getUTCDay();
  const hour = moscow.getUTCHours();
  if (day === 0) return false;
  if (day === 6) return hour >= 9 && hour < 17;
  return hour >= 8 && hour < 20;
}
