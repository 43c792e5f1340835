import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { validateNewTicket, DEFAULT_RULES } from '../../src/core/validate/ticket.js';
import { validateText } from '../../src/core/validate/text.js';
import { TICKET_STATUSES, type TicketStatus } from '../../src/core/adapter/types.js';
import { defaultTopics, DEFAULT_TOPIC_IDS } from '../../src/core/topics.js';
import type { Context } from './context.js';
import { commitFiles, discard, readPayload } from './files.js';
import type { ServerResponse } from 'node:http';
import { HttpError, PROBLEM, Router, bearerToken, clientKey, idempotencyKey, sendJson, sendProblem } from './http.js';
import { once, requestHash } from './idempotency.js';

const COMMENT_MAX = 2000;

/** Streams an attachment as a download, never rendered by the browser (nosniff, attachment). */
function sendStoredFile(res: ServerResponse, path: string, file: { name: string; type: string; size: number }): void {
  const stream = createReadStream(path);
  stream.once('open', () => {
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
    });
    stream.pipe(res);
  });
  stream.once('error', () => sendProblem(res, new HttpError(404, PROBLEM.notFound, 'Файл не найден')));
}

function langOf(acceptLanguage: string | undefined): string {
  return (acceptLanguage ?? '').toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** Ticket endpoints of docs/api.md. */
export function ticketRoutes(router: Router, ctx: Context): void {
  const rules = { ...DEFAULT_RULES, topics: DEFAULT_TOPIC_IDS };

  router.on('GET', '/api/topics', (req, res) => {
    sendJson(res, 200, { topics: defaultTopics(langOf(req.headers['accept-language'])) });
  });

  router.on('POST', '/api/tickets', async (req, res) => {
    ctx.limiter.take(clientKey(req), 'create');
    const key = idempotencyKey(req);
    const lang = langOf(req.headers['accept-language']);
    const { payload, files } = await readPayload(req, ctx.tmpDir, ctx.uploadLimits);
    try {
      const checked = validateNewTicket(payload, rules, lang);
      if (!checked.ok) throw new HttpError(422, PROBLEM.validation, 'Обращение заполнено с ошибками', checked.errors);
      const owner = bearerToken(req);
      const hash = requestHash(payload, files.map((f) => f.sha256));
      let createdFiles = false;
      const result = once(ctx.db, 'ticket', key, hash, () => {
        const { receipt, created } = ctx.tickets.create(checked.value, files, owner);
        createdFiles = created && files.length > 0;
        return { status: created ? 201 : 200, body: receipt };
      });
      if (createdFiles) await commitFiles(files, ctx.filesDir);
      else await discard(files);
      if (result.status === 201) ctx.events.emit('ticket', (result.body as { number: string }).number);
      sendJson(res, result.status, result.body, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (error) {
      await discard(files);
      throw error;
    }
  });

  router.on('GET', '/api/tickets/:number', (req, res, { number }, url) => {
    ctx.limiter.take(clientKey(req), 'lookup');
    const row = ctx.tickets.findForContact(number!, url.searchParams.get('contact') ?? '');
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Обращение с таким номером и контактом не найдено');
    sendJson(res, 200, ctx.tickets.full(row));
  });

  router.on('GET', '/api/tickets/:number/attachments/:id', (req, res, { number, id }, url) => {
    ctx.limiter.take(clientKey(req), 'lookup');
    const row = ctx.tickets.findForContact(number!, url.searchParams.get('contact') ?? '');
    const file = row && ctx.tickets.attachment(row, id!);
    if (!file) throw new HttpError(404, PROBLEM.notFound, 'Файл не найден');
    sendStoredFile(res, join(ctx.filesDir, file.path), file);
  });

  router.on('GET', '/api/my/tickets', (req, res) => {
    const owner = bearerToken(req);
    if (!owner) throw new HttpError(401, PROBLEM.unauthorized, 'Войдите, чтобы увидеть свои обращения', undefined, { 'WWW-Authenticate': 'Bearer' });
    sendJson(res, 200, { tickets: ctx.tickets.summaries({ owner }) });
  });

  router.on('POST', '/api/tickets/:number/comments', async (req, res, { number }) => {
    ctx.limiter.take(clientKey(req), 'create');
    const key = idempotencyKey(req);
    const lang = langOf(req.headers['accept-language']);
    const { payload, files } = await readPayload(req, ctx.tmpDir, ctx.uploadLimits);
    try {
      const data = (payload ?? {}) as { contact?: unknown; text?: unknown };
      const row = ctx.tickets.findForContact(number!, typeof data.contact === 'string' ? data.contact : '');
      if (!row) throw new HttpError(404, PROBLEM.notFound, 'Обращение с таким номером и контактом не найдено');
      const text = validateText(typeof data.text === 'string' ? data.text : '', { required: true, max: COMMENT_MAX }, lang);
      if (!text.ok) throw new HttpError(422, PROBLEM.validation, 'Комментарий заполнен с ошибками', [{ field: 'text', code: text.code, detail: text.message }]);
      const result = once(ctx.db, `comment:${number}`, key, requestHash(payload, files.map((f) => f.sha256)), () => ({
        status: 201,
        body: ctx.tickets.addComment(row, 'citizen', text.value, files),
      }));
      if (!result.replayed && files.length) await commitFiles(files, ctx.filesDir);
      else await discard(files);
      sendJson(res, result.status, result.body, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    } catch (error) {
      await discard(files);
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
    const { payload } = await readPayload(req, ctx.tmpDir, ctx.uploadLimits);
    const { status, comment } = (payload ?? {}) as { status?: unknown; comment?: unknown };
    if (!TICKET_STATUSES.includes(status as TicketStatus)) {
      throw new HttpError(422, PROBLEM.validation, 'Неизвестный статус', [{ field: 'status', code: 'enum', detail: `Один из: ${TICKET_STATUSES.join(', ')}` }]);
    }
    ctx.tickets.setStatus(row, status as TicketStatus, typeof comment === 'string' && comment.trim() ? comment.trim().slice(0, COMMENT_MAX) : undefined);
    sendJson(res, 200, ctx.tickets.full(ctx.tickets.row(number!)!));
  });

  router.on('POST', '/api/operator/tickets/:number/comments', async (req, res, { number }) => {
    ctx.requireOperator(req);
    const row = ctx.tickets.row(number!);
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Обращение не найдено');
    const { payload } = await readPayload(req, ctx.tmpDir, ctx.uploadLimits);
    const text = validateText(String((payload as { text?: unknown } | null)?.text ?? ''), { required: true, max: COMMENT_MAX });
    if (!text.ok) throw new HttpError(422, PROBLEM.validation, text.message, [{ field: 'text', code: text.code, detail: text.message }]);
    sendJson(res, 201, ctx.tickets.addComment(row, 'operator', text.value, []));
  });

  router.on('GET', '/api/operator/files/:number/:id', (req, res, { number, id }) => {
    ctx.requireOperator(req);
    const row = ctx.tickets.row(number!);
    const file = row && ctx.tickets.attachment(row, id!);
    if (!file) throw new HttpError(404, PROBLEM.notFound, 'Файл не найден');
    sendStoredFile(res, join(ctx.filesDir, file.path), file);
  });
}
