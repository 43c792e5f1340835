import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateNewTicket, DEFAULT_RULES } from '../../src/core/validate/ticket.js';
import { validateTicketNumber } from '../../src/core/validate/ticket-number.js';
import { validateText } from '../../src/core/validate/text.js';
import { translate } from '../../src/core/i18n/translate.js';
import { TICKET_STATUSES, type TicketStatus } from '../../src/core/adapter/types.js';
import type { FieldError } from '../../src/core/adapter/errors.js';
import { citizenText, langOf, onlyKeys } from './body.js';
import { defaultTopics, DEFAULT_TOPIC_IDS } from '../../src/core/topics.js';
import type { Context } from './context.js';
import { discard, readPayload, storeWith } from './files.js';
import { HttpError, PROBLEM, Router, bearerToken, idempotencyKey, readJson, sendJson, sendProblem, sendRevalidated } from './http.js';
import { once, requestHash } from './idempotency.js';
import { contactKey } from './tickets-store.js';

const COMMENT_MAX = 2000;
const NOT_FOUND = 'Обращение с таким номером и контактом не найдено';

/** Streams an attachment as a download, never rendered by the browser (nosniff, attachment, sandbox). */
function sendStoredFile(res: ServerResponse, path: string, file: { name: string; type: string; size: number }): void {
  const stream = createReadStream(path);
  stream.once('open', () => {
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
    stream.pipe(res);
  });
  stream.on('error', () => sendProblem(res, new HttpError(404, PROBLEM.notFound, 'Файл не найден')));
}

/** A citizen's comment: the same text rules and PII guard as the form's description. */
function checkComment(payload: unknown, lang: string): string {
  return citizenText(onlyKeys(payload, ['text'], lang).text, 'text', { required: true, max: COMMENT_MAX }, lang);
}

/** Operator texts (status comments, replies): the same character rules, no PII guard. */
export function operatorText(raw: unknown, required: boolean): string | undefined {
  if (raw === undefined || raw === null || raw === '') {
    if (required) throw new HttpError(422, PROBLEM.validation, 'Введите текст', [{ field: 'text', code: 'empty', detail: 'Введите текст' }]);
    return undefined;
  }
  if (typeof raw !== 'string') throw new HttpError(422, PROBLEM.validation, 'Текст — строка', [{ field: 'text', code: 'type', detail: 'Текст — строка' }]);
  const text = validateText(raw, { required, max: COMMENT_MAX });
  if (!text.ok) throw new HttpError(422, PROBLEM.validation, text.message, [{ field: 'text', code: text.code, detail: text.message }]);
  return text.value || undefined;
}

/** The ticket this request's `X-Ticket-Token` opens, or 401 (expired, wrong, for another ticket). */
export function ticketFor(ctx: Context, req: IncomingMessage, number: string) {
  const token = req.headers['x-ticket-token'];
  const canonical = validateTicketNumber(number);
  if (typeof token !== 'string' || !canonical.ok || !ctx.signer.checkTicketToken(token, canonical.value)) {
    throw new HttpError(401, PROBLEM.unauthorized, 'Доступ к обращению истёк или неверен: откройте обращение заново по номеру и контакту');
  }
  const row = ctx.tickets.row(canonical.value);
  if (!row) throw new HttpError(404, PROBLEM.notFound, NOT_FOUND);
  return row;
}

/** Ticket endpoints of docs/api.md. */
export function ticketRoutes(router: Router, ctx: Context): void {
  const rules = { ...DEFAULT_RULES, topics: DEFAULT_TOPIC_IDS };
  // The per-contact limiter key: a keyed hash, so the limiter's table holds no phone or e-mail.
  const hashContact = (contact: string) => ctx.signer.digest('contact', contactKey(contact));

  const authorisedTicket = (req: IncomingMessage, number: string) => ticketFor(ctx, req, number);

  router.on('GET', '/api/topics', (req, res) => {
    sendRevalidated(req, res, { topics: defaultTopics(langOf(req.headers['accept-language'])) });
  });

  router.on('POST', '/api/tickets', async (req, res) => {
    ctx.limit(req, 'create');
    const key = idempotencyKey(req);
    const lang = langOf(req.headers['accept-language']);
    const { payload, files } = await readPayload(req, ctx.tmpDir, ctx.uploadLimits, () => ctx.guard.uploadSlot());
    let kept = false;
    try {
      const checked = validateNewTicket(payload, rules, lang);
      if (!checked.ok) throw new HttpError(422, PROBLEM.validation, 'Обращение заполнено с ошибками', checked.errors);
      const owner = bearerToken(req);
      const hash = requestHash(payload, files.map((f) => f.sha256));
      const result = await storeWith(files, ctx.filesDir, () => {
        let created = false;
        const stored = once(ctx.db, 'ticket', key, hash, () => {
          const made = ctx.tickets.create(checked.value, files, owner);
          created = made.created;
          return { status: made.created ? 201 : 200, body: made.receipt };
        });
        return { created: created && !stored.replayed, value: stored };
      });
      kept = true;
      if (result.status === 201) ctx.events.emit('ticket', (result.body as { number: string }).number);
      sendJson(res, result.status, result.body, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (error) {
      if (!kept) await discard(files);
      throw error;
    }
  });

  /**
   * Number + contact in a POST body (never in a URL) for a short-lived access token. A wrong pair
   * and an unknown number get the same 404 after the same work. Failed attempts are limited per
   * number and per contact as well as per client, so neither a proxy's shared address nor many
   * addresses help someone who guesses.
   */
  router.on('POST', '/api/tickets/lookup', async (req, res) => {
    ctx.limit(req, 'lookup');
    const lang = langOf(req.headers['accept-language']);
    const data = onlyKeys(await readJson(req, 4096), ['number', 'contact'], lang);
    const errors: FieldError[] = [];
    const number = typeof data.number === 'string' ? validateTicketNumber(data.number, lang) : validateTicketNumber('', lang);
    if (!number.ok) errors.push({ field: 'number', code: number.code, detail: number.message });
    const contact = typeof data.contact === 'string' && data.contact.length <= 254 ? data.contact : '';
    if (!contactKey(contact)) errors.push({ field: 'contact', code: 'empty', detail: translate(lang, 'phone.empty') });
    if (errors.length || !number.ok) throw new HttpError(422, PROBLEM.validation, 'Проверьте номер обращения и контакт', errors);
    const byContact = hashContact(contact);
    ctx.limiter.check('lookup-number', number.value, ctx.budgets.lookupPerNumber);
    ctx.limiter.check('lookup-contact', byContact, ctx.budgets.lookupPerContact);
    const row = ctx.tickets.findForContact(number.value, contact);
    if (!row) {
      ctx.limiter.hit('lookup-number', number.value, ctx.budgets.lookupPerNumber);
      ctx.limiter.hit('lookup-contact', byContact, ctx.budgets.lookupPerContact);
      throw new HttpError(404, PROBLEM.notFound, NOT_FOUND);
    }
    sendJson(res, 200, { ...ctx.signer.ticketToken(row.number), ticket: ctx.tickets.full(row) });
  });

  router.on('GET', '/api/tickets/:number', (req, res, { number }) => {
    ctx.limit(req, 'read');
    sendJson(res, 200, ctx.tickets.full(authorisedTicket(req, number!)));
  });

  router.on('GET', '/api/attachments/:id', (req, res, { id }, url) => {
    ctx.limit(req, 'read');
    if (!ctx.signer.checkFileLink(id!, url.searchParams.get('expires'), url.searchParams.get('signature'))) {
      throw new HttpError(401, PROBLEM.unauthorized, 'Ссылка на файл устарела или неверна: откройте обращение заново');
    }
    const file = ctx.tickets.attachmentById(id!) ?? ctx.chat.store.fileById(id!);
    if (!file) throw new HttpError(404, PROBLEM.notFound, 'Файл не найден');
    sendStoredFile(res, join(ctx.filesDir, file.path), file);
  });

  router.on('GET', '/api/my/tickets', (req, res) => {
    const owner = bearerToken(req);
    if (!owner) throw new HttpError(401, PROBLEM.unauthorized, 'Войдите, чтобы увидеть свои обращения', undefined, { 'WWW-Authenticate': 'Bearer' });
    sendJson(res, 200, { tickets: ctx.tickets.summaries({ owner }) });
  });

  /**
   * The signed-in owner opens one of their own tickets without the contact: the same bearer
   * identity as `GET /api/my/tickets`, the same `{ token, expiresAt, ticket }` as the look-up.
   * Somebody else's ticket, an unknown and a malformed number are the same 404.
   */
  router.on('POST', '/api/my/tickets/:number/access', (req, res, { number }) => {
    ctx.limit(req, 'read');
    const owner = bearerToken(req);
    if (!owner) throw new HttpError(401, PROBLEM.unauthorized, 'Войдите, чтобы открыть своё обращение', undefined, { 'WWW-Authenticate': 'Bearer' });
    const canonical = validateTicketNumber(number!);
    const row = canonical.ok ? ctx.tickets.row(canonical.value) : undefined;
    if (!row || row.owner !== owner) throw new HttpError(404, PROBLEM.notFound, NOT_FOUND);
    sendJson(res, 200, { ...ctx.signer.ticketToken(row.number), ticket: ctx.tickets.full(row) });
  });

  router.on('POST', '/api/tickets/:number/comments', async (req, res, { number }) => {
    ctx.limit(req, 'create');
    const row = authorisedTicket(req, number!);
    const key = idempotencyKey(req);
    const lang = langOf(req.headers['accept-language']);
    const { payload, files } = await readPayload(req, ctx.tmpDir, ctx.uploadLimits, () => ctx.guard.uploadSlot());
    let kept = false;
    try {
      const text = checkComment(payload, lang);
      const result = await storeWith(files, ctx.filesDir, () => {
        const stored = once(ctx.db, `comment:${row.number}`, key, requestHash(payload, files.map((f) => f.sha256)), () => ({
          status: 201,
          body: ctx.tickets.addComment(row, 'citizen', text, files),
        }));
        return { created: !stored.replayed, value: stored };
      });
      kept = true;
      sendJson(res, result.status, result.body, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (error) {
      if (!kept) await discard(files);
      throw error;
    }
  });

  router.on('GET', '/api/articles', (_req, res) => {
    sendJson(res, 200, { articles: ctx.articles }, { 'Cache-Control': 'public, max-age=300' });
  });

  // The operator console's side: every ticket, status changes with a comment, replies.
  router.on('GET', '/api/operator/tickets', (req, res) => {
    ctx.requireOperator(req);
    sendJson(res, 200, { tickets: ctx.tickets.summaries({}) });
  });

  router.on('GET', '/api/operator/tickets/:number', (req, res, { number }) => {
    ctx.requireOperator(req);
    const row = ctx.tickets.row(number!);
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Обращение не найдено');
    sendJson(res, 200, { ...ctx.tickets.full(row), contact: JSON.parse(row.contact_json) as unknown });
  });

  router.on('POST', '/api/operator/tickets/:number/status', async (req, res, { number }) => {
    ctx.requireOperator(req);
    const row = ctx.tickets.row(number!);
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Обращение не найдено');
    const { status, comment } = onlyKeys(await readJson(req, 16 * 1024), ['status', 'comment'], 'ru');
    if (!TICKET_STATUSES.includes(status as TicketStatus)) {
      throw new HttpError(422, PROBLEM.validation, 'Неизвестный статус', [{ field: 'status', code: 'enum', detail: `Один из: ${TICKET_STATUSES.join(', ')}` }]);
    }
    ctx.tickets.setStatus(row, status as TicketStatus, operatorText(comment, false));
    sendJson(res, 200, ctx.tickets.full(ctx.tickets.row(number!)!));
  });

  router.on('POST', '/api/operator/tickets/:number/comments', async (req, res, { number }) => {
    ctx.requireOperator(req);
    const row = ctx.tickets.row(number!);
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Обращение не найдено');
    const { text } = onlyKeys(await readJson(req, 16 * 1024), ['text'], 'ru');
    sendJson(res, 201, ctx.tickets.addComment(row, 'operator', operatorText(text, true)!, []));
  });

  router.on('GET', '/api/operator/files/:number/:id', (req, res, { number, id }) => {
    ctx.requireOperator(req);
    const row = ctx.tickets.row(number!);
    const file = row && ctx.tickets.attachment(row, id!);
    if (!file) throw new HttpError(404, PROBLEM.notFound, 'Файл не найден');
    sendStoredFile(res, join(ctx.filesDir, file.path), file);
  });
}
