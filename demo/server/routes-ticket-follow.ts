import { addWorkingDays } from '../../src/core/calendar/working-days.js';
import { validateText } from '../../src/core/validate/text.js';
import type { Context } from './context.js';
import { HttpError, PROBLEM, Router, readJson, sendJson } from './http.js';
import { onlyKeys } from './body.js';
import { operatorText, ticketFor } from './routes-tickets.js';

const HEARTBEAT_MS = 15_000;
const HOUR = 3600_000;
/** A reminder is offered after this long «В работе»… */
export const REMIND_AFTER_MS = 48 * HOUR;
/** …and accepted once per this time. */
export const REMIND_EVERY_MS = 24 * HOUR;
/** The longest an answer may take, in working days from creation (complex cases). */
const MAX_ANSWER_WORKING_DAYS = 15;
const RATING_COMMENT_MAX = 2000;
const REASON_MAX = 500;

const tooEarly = (title: string, waitMs: number) =>
  new HttpError(429, PROBLEM.rateLimited, title, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) });

/**
 * Following a ticket after it was sent (docs/api.md «Follow a ticket»): its event stream, the
 * citizen's reminder and rating, and the operator's deadline extension.
 */
export function ticketFollowRoutes(router: Router, ctx: Context): void {
  /**
   * Server-Sent Events, authorised like every ticket call by `X-Ticket-Token` (the kit reads the
   * stream with fetch, so no secret is put in the URL). One `ticket` event with the revision
   * whenever the ticket changes; on (re)connection one at once if it changed after `Last-Event-ID`.
   * The stream ends when its token expires: the client renews the token and connects again.
   */
  router.on('GET', '/api/tickets/:number/events', (req, res, { number }) => {
    ctx.limit(req, 'read');
    const row = ctx.tickets.row(ticketFor(ctx, req, number!).number)!;
    const seen = Number(req.headers['last-event-id'] ?? -1);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\n');
    const send = (revision: number) => res.write(`id: ${revision}\nevent: ticket\ndata: ${JSON.stringify({ type: 'ticket', revision })}\n\n`);
    if (!Number.isInteger(seen) || seen < row.revision) send(row.revision);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const expires = Number(String(req.headers['x-ticket-token']).split('.')[0]);
    const expiry = setTimeout(() => res.end(), Math.max(0, Math.min(expires - Date.now(), 2 ** 31 - 1)));
    ctx.events.on(`ticket:${row.number}`, send);
    req.on('close', () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      ctx.events.off(`ticket:${row.number}`, send);
    });
  });

  /** «Напомнить»: only «В работе» for more than 48 hours, once per 24 hours; the server decides, not the page. */
  router.on('POST', '/api/tickets/:number/reminder', (req, res, { number }) => {
    ctx.limit(req, 'create');
    const row = ticketFor(ctx, req, number!);
    if (row.status !== 'in-progress') throw new HttpError(409, PROBLEM.badRequest, 'Напомнить можно, когда обращение в работе');
    const now = Date.now();
    const since = Date.parse(ctx.tickets.statusSince(row));
    if (now - since < REMIND_AFTER_MS) throw tooEarly('Напомнить можно через 48 часов работы над обращением', since + REMIND_AFTER_MS - now);
    const last = row.reminded_at ? Date.parse(row.reminded_at) : -Infinity;
    if (now - last < REMIND_EVERY_MS) throw tooEarly('Напоминание уже отправлено: следующее — через 24 часа', last + REMIND_EVERY_MS - now);
    sendJson(res, 202, { remindedAt: ctx.tickets.remind(row, new Date(now)) });
  });

  /** «Оценить ответ»: 1…5 and an optional comment, once the ticket has been «Решено». */
  router.on('POST', '/api/tickets/:number/rating', async (req, res, { number }) => {
    ctx.limit(req, 'create');
    const row = ticketFor(ctx, req, number!);
    const { score, comment } = onlyKeys(await readJson(req, 8 * 1024), ['score', 'comment'], 'ru');
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
      throw new HttpError(422, PROBLEM.validation, 'Оценка — целое число от 1 до 5', [{ field: 'score', code: 'range', detail: 'Оценка — целое число от 1 до 5' }]);
    }
    if (comment !== undefined && typeof comment !== 'string') throw new HttpError(422, PROBLEM.validation, 'Комментарий — строка', [{ field: 'comment', code: 'type', detail: 'Комментарий — строка' }]);
    const text = validateText(comment ?? '', { max: RATING_COMMENT_MAX });
    if (!text.ok) throw new HttpError(422, PROBLEM.validation, text.message, [{ field: 'comment', code: text.code, detail: text.message }]);
    if (!ctx.tickets.wasResolved(row)) throw new HttpError(409, PROBLEM.badRequest, 'Оценить можно ответ по решённому обращению');
    ctx.tickets.rate(row, { score, ...(text.value ? { comment: text.value } : {}) });
    res.writeHead(204).end();
  });

  /** The operator extends the answer's deadline: a later date within 15 working days of creation, and why. */
  router.on('POST', '/api/operator/tickets/:number/deadline', async (req, res, { number }) => {
    ctx.requireOperator(req);
    const row = ctx.tickets.row(number!);
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Обращение не найдено');
    const { until, reason } = onlyKeys(await readJson(req, 8 * 1024), ['until', 'reason'], 'ru');
    const at = typeof until === 'string' && until.length <= 40 ? Date.parse(until) : NaN;
    const latest = addWorkingDays(new Date(row.created_at), MAX_ANSWER_WORKING_DAYS).getTime();
    if (!Number.isFinite(at) || at <= Date.parse(row.due_answer_at) || at > latest) {
      const detail = `Дата позже ${row.due_answer_at} и не позже ${new Date(latest).toISOString()} (15 рабочих дней)`;
      throw new HttpError(422, PROBLEM.validation, 'Неверный новый срок', [{ field: 'until', code: 'range', detail }]);
    }
    const why = operatorText(reason, true)!;
    if (why.length > REASON_MAX) throw new HttpError(422, PROBLEM.validation, 'Причина длиннее 500 символов', [{ field: 'reason', code: 'length', detail: 'Не длиннее 500 символов' }]);
    ctx.tickets.extend(row, new Date(at).toISOString(), why);
    sendJson(res, 200, ctx.tickets.full(ctx.tickets.row(row.number)!));
  });
}
