import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { validatePhone } from '../../src/core/validate/phone.js';
import { citizenText, invalid, langOf, onlyKeys } from './body.js';
import { boolOf, clientIdOf, consentOf, resumePoint, seqOf, smallBody } from './chat/fields.js';
import { CHAT_LIMITS } from './chat/service.js';
import type { SessionRow } from './chat/store.js';
import { transcript } from './chat/transcript.js';
import type { ChatMessage } from './chat/wire.js';
import type { Context } from './context.js';
import { discard, readPayload, storeWith } from './files.js';
import { HttpError, PROBLEM, Router, idempotencyKey, sendJson, type Target } from './http.js';
import { once, requestHash } from './idempotency.js';

const PAGE = 500;
const RATING_COMMENT_MAX = 1000;

export const conflict = (title: string) => new HttpError(409, PROBLEM.conflict, title);

/** The citizen's side of the chat (docs/api.md "Chat"). */
export function chatRoutes(router: Router, ctx: Context): void {
  const { db, chat } = ctx;
  const { store } = chat;
  const uploadLimits = { ...ctx.uploadLimits, files: CHAT_LIMITS.files, fileBytes: CHAT_LIMITS.fileBytes, jsonBytes: 16 * 1024 };

  /** The session if the request proves it with its token; an unknown id and a wrong token are the same 404. */
  function authorised(req: IncomingMessage, id: string, url?: Target): SessionRow {
    const row = store.session(id);
    const header = req.headers['x-chat-token'];
    const given = Buffer.from(typeof header === 'string' ? header : (url?.searchParams.get('token') ?? ''));
    const expected = Buffer.from(row?.token ?? 'no session: compare against something all the same');
    if (!row || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new HttpError(404, PROBLEM.notFound, 'Сеанс чата не найден');
    return row;
  }
  const lang = (req: IncomingMessage) => langOf(req.headers['accept-language']);

  router.on('POST', '/api/chat/sessions', async (req, res) => {
    ctx.limit(req, 'create');
    const data = onlyKeys(await smallBody(req), ['lang'], lang(req));
    const row = chat.create(data.lang === undefined ? lang(req) : langOf(String(data.lang)));
    sendJson(res, 201, chat.view(row));
  });

  router.on('GET', '/api/chat/sessions/:id', (req, res, { id }) => {
    ctx.limit(req, 'read');
    sendJson(res, 200, chat.view(authorised(req, id!)));
  });

  router.on('GET', '/api/chat/sessions/:id/messages', (req, res, { id }, url) => {
    ctx.limit(req, 'read');
    const row = authorised(req, id!);
    const messages = store.messages(row.id, resumePoint(url.searchParams.get('after')), PAGE + 1);
    sendJson(res, 200, { messages: messages.slice(0, PAGE), session: chat.view(row), more: messages.length > PAGE });
  });

  router.on('POST', '/api/chat/sessions/:id/messages', async (req, res, { id }) => {
    ctx.limit(req, 'chat');
    const row = authorised(req, id!);
    const key = idempotencyKey(req);
    const { payload, files } = await readPayload(req, ctx.tmpDir, uploadLimits, () => ctx.guard.uploadSlot());
    let kept = false;
    try {
      const data = onlyKeys(payload, ['text', 'clientId'], lang(req));
      const text = citizenText(data.text, 'text', { required: files.length === 0, max: CHAT_LIMITS.textMax }, lang(req));
      const clientId = clientIdOf(data.clientId);
      const result = await storeWith(files, ctx.filesDir, () => {
        const stored = once(db, `chat:${row.id}`, key, requestHash(payload, files.map((f) => f.sha256)), () => {
          // Checked inside the transaction, after the replay check: a resend of a message the chat took before it closed is still a replay.
          if (store.session(row.id)!.state === 'closed') throw conflict('Чат завершён. Начните новый');
          return { status: 201, body: chat.insert(row, 'citizen', text, clientId ? { clientId } : {}, files) };
        });
        return { created: !stored.replayed, value: stored };
      });
      kept = true;
      const sent = result.body as ChatMessage;
      // A replay answers with the stored message and fresh file links.
      const message = result.replayed ? (store.message(row.id, sent.seq) ?? sent) : sent;
      sendJson(res, result.status, message, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
      if (!result.replayed) {
        chat.publishMessage(row, message);
        const current = store.session(row.id)!;
        if (current.state === 'bot') chat.botReply(current, text);
      }
    } catch (error) {
      if (!kept) await discard(files);
      throw error;
    }
  });

  router.on('POST', '/api/chat/sessions/:id/feedback', async (req, res, { id }) => {
    ctx.limit(req, 'chat');
    const row = authorised(req, id!);
    const data = onlyKeys(await smallBody(req), ['seq', 'helped'], lang(req));
    const seq = seqOf(data.seq, 'seq');
    const helped = boolOf(data.helped, 'helped');
    const notHelped = chat.feedback(row, seq, helped);
    if (notHelped === undefined) throw invalid('Это не ответ бота со статьями', [{ field: 'seq', code: 'unknown', detail: 'Оценить можно только ответ бота со статьями' }]);
    sendJson(res, 200, { notHelped });
  });

  router.on('POST', '/api/chat/sessions/:id/operator', async (req, res, { id }) => {
    ctx.limit(req, 'chat');
    const row = authorised(req, id!);
    onlyKeys(await smallBody(req), [], lang(req));
    if (row.state === 'closed') throw conflict('Чат завершён. Начните новый');
    sendJson(res, 200, chat.view(chat.requestOperator(row)));
  });

  router.on('POST', '/api/chat/sessions/:id/typing', async (req, res, { id }) => {
    const row = authorised(req, id!);
    const data = onlyKeys(await smallBody(req), ['active'], lang(req));
    chat.typing(row, 'citizen', boolOf(data.active, 'active'));
    res.writeHead(204).end();
  });

  router.on('POST', '/api/chat/sessions/:id/read', async (req, res, { id }) => {
    const row = authorised(req, id!);
    const data = onlyKeys(await smallBody(req), ['seq'], lang(req));
    chat.read(row, 'citizen', seqOf(data.seq, 'seq'));
    res.writeHead(204).end();
  });

  router.on('POST', '/api/chat/sessions/:id/callback', async (req, res, { id }) => {
    ctx.limit(req, 'chat');
    const row = authorised(req, id!);
    const key = idempotencyKey(req);
    const payload = await smallBody(req);
    const data = onlyKeys(payload, ['phone', 'consent'], lang(req));
    const phone = validatePhone(typeof data.phone === 'string' ? data.phone.slice(0, 64) : '', lang(req));
    if (!phone.ok) throw invalid('Проверьте номер телефона', [{ field: 'phone', code: phone.code, detail: phone.message }]);
    const consent = consentOf(data.consent, lang(req));
    const result = once(db, `chat-callback:${row.id}`, key, requestHash(payload), () => {
      const current = store.session(row.id)!;
      if (!chat.callbackAllowed(current)) throw conflict('Обратный звонок можно заказать в очереди к оператору или когда операторы не работают');
      return { status: 201, body: chat.view(chat.callback(current, phone.value, consent)) };
    });
    sendJson(res, result.status, result.replayed ? chat.view(store.session(row.id)!) : result.body, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  });

  router.on('POST', '/api/chat/sessions/:id/end', async (req, res, { id }) => {
    ctx.limit(req, 'chat');
    const row = authorised(req, id!);
    onlyKeys(await smallBody(req), [], lang(req));
    sendJson(res, 200, chat.view(chat.end(row, 'citizen')));
  });

  router.on('POST', '/api/chat/sessions/:id/rating', async (req, res, { id }) => {
    ctx.limit(req, 'chat');
    const row = authorised(req, id!);
    const { score, comment } = onlyKeys(await smallBody(req), ['score', 'comment'], lang(req));
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
      throw invalid('Оценка — целое число от 1 до 5', [{ field: 'score', code: 'range', detail: 'Оценка — целое число от 1 до 5' }]);
    }
    const text = comment === undefined || comment === null ? '' : citizenText(comment, 'comment', { required: false, max: RATING_COMMENT_MAX }, lang(req));
    if (row.state !== 'closed') throw conflict('Оценить чат можно после его завершения');
    chat.rate(row, score, text || null);
    res.writeHead(204).end();
  });

  router.on('GET', '/api/chat/sessions/:id/transcript', (req, res, { id }) => {
    ctx.limit(req, 'read');
    const row = authorised(req, id!);
    sendJson(res, 200, transcript(store.messages(row.id, 0, 100_000), langOf(req.headers['accept-language'] ?? row.lang)));
  });

  router.on('GET', '/api/chat/sessions/:id/events', (req, res, { id }, url) => {
    ctx.limit(req, 'read');
    const row = authorised(req, id!, url);
    chat.follow(req, res, row, 'citizen', url.searchParams.get('after'));
  });
}
