import type { IncomingMessage } from 'node:http';
import { validateText } from '../../src/core/validate/text.js';
import { invalid, onlyKeys } from './body.js';
import { boolOf, seqOf, smallBody } from './chat/fields.js';
import { CHAT_LIMITS } from './chat/service.js';
import type { SessionRow } from './chat/store.js';
import type { ChatMessage } from './chat/wire.js';
import type { Context } from './context.js';
import { discard, readPayload, storeWith } from './files.js';
import { HttpError, PROBLEM, Router, sendJson } from './http.js';
import { once, requestHash } from './idempotency.js';
import { conflict } from './routes-chat.js';

const RECENT_MS = 3600_000;

/** Operator texts: the text rules, no PII guard (an operator may repeat a case number or a phone). */
function operatorText(raw: unknown, required: boolean, max: number): string {
  if (raw !== undefined && typeof raw !== 'string') throw invalid('Текст — строка', [{ field: 'text', code: 'type', detail: 'Текст — строка' }]);
  const text = validateText((raw as string | undefined) ?? '', { required, max });
  if (!text.ok) throw invalid(text.message, [{ field: 'text', code: text.code, detail: text.message }]);
  return text.value;
}

/** The reference console's side of the chat (docs/api.md "Operator API"): the queue, take, reply, typing, read, close. */
export function operatorChatRoutes(router: Router, ctx: Context): void {
  const { db, chat } = ctx;
  const { store } = chat;
  const uploadLimits = { ...ctx.uploadLimits, files: CHAT_LIMITS.files, fileBytes: CHAT_LIMITS.fileBytes, jsonBytes: 16 * 1024 };

  function chatFor(req: IncomingMessage, id: string): SessionRow {
    ctx.requireOperator(req);
    const row = store.session(id);
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Чат не найден');
    return row;
  }

  function summary(row: SessionRow) {
    const lastSeq = store.lastSeq(row.id);
    const queue = chat.queueOf(row);
    return {
      id: row.id,
      state: row.state,
      createdAt: row.created_at,
      lastSeq,
      ...(queue ? { queue } : {}),
      ...(row.operator_name ? { operatorName: row.operator_name } : {}),
      ...(row.ended_by ? { endedBy: row.ended_by, endedAt: row.ended_at } : {}),
      readSeq: row.read_seq,
      citizenReadSeq: row.citizen_read_seq,
      unread: store.unread(row.id, row.read_seq),
      ...(lastSeq ? { last: store.message(row.id, lastSeq) } : {}),
      ...(row.callback_phone ? { callback: { phone: row.callback_phone, requestedAt: row.callback_at } } : {}),
      ...(row.rating !== null ? { rating: { score: row.rating, ...(row.rating_comment ? { comment: row.rating_comment } : {}) } } : {}),
    };
  }

  router.on('GET', '/api/operator/chats', (req, res) => {
    ctx.requireOperator(req);
    const since = new Date(Date.now() - RECENT_MS).toISOString();
    sendJson(res, 200, { chats: store.forConsole(since).map(summary) });
  });

  router.on('GET', '/api/operator/chats/:id', (req, res, { id }) => {
    const row = chatFor(req, id!);
    sendJson(res, 200, { ...summary(row), messages: store.messages(row.id, 0, 100_000) });
  });

  router.on('GET', '/api/operator/chats/:id/events', (req, res, { id }, url) => {
    const row = chatFor(req, id!);
    chat.follow(req, res, row, 'operator', url.searchParams.get('after'));
  });

  router.on('POST', '/api/operator/chats/:id/take', async (req, res, { id }) => {
    const row = chatFor(req, id!);
    const { name } = onlyKeys(await smallBody(req), ['name'], 'ru');
    if (row.state === 'closed') throw conflict('Чат завершён');
    const shown = name === undefined || name === '' ? 'Оператор' : operatorText(name, true, 60);
    sendJson(res, 200, summary(chat.take(row, shown)));
  });

  router.on('POST', '/api/operator/chats/:id/messages', async (req, res, { id }) => {
    const row = chatFor(req, id!);
    const key = req.headers['idempotency-key'];
    const { payload, files } = await readPayload(req, ctx.tmpDir, uploadLimits, () => ctx.guard.uploadSlot());
    let kept = false;
    try {
      const text = operatorText(onlyKeys(payload, ['text'], 'ru').text, files.length === 0, CHAT_LIMITS.textMax);
      if (row.state === 'closed') throw conflict('Чат завершён');
      const taken = row.state === 'operator' ? row : chat.take(row, row.operator_name ?? 'Оператор');
      const extra = { operatorName: taken.operator_name ?? 'Оператор' };
      const result = await storeWith(files, ctx.filesDir, () => {
        const create = () => ({ status: 201, body: chat.insert(taken, 'operator', text, extra, files) });
        const stored = typeof key === 'string' && key ? once(db, `operator-chat:${row.id}`, key.slice(0, 200), requestHash(payload, files.map((f) => f.sha256)), create) : { ...create(), replayed: false };
        return { created: !stored.replayed, value: stored };
      });
      kept = true;
      const message = result.body as ChatMessage;
      if (!result.replayed) chat.publishMessage(taken, message);
      sendJson(res, result.status, result.replayed ? (store.message(row.id, message.seq) ?? message) : message);
    } catch (error) {
      if (!kept) await discard(files);
      throw error;
    }
  });

  router.on('POST', '/api/operator/chats/:id/typing', async (req, res, { id }) => {
    const row = chatFor(req, id!);
    chat.typing(row, 'operator', boolOf(onlyKeys(await smallBody(req), ['active'], 'ru').active, 'active'));
    res.writeHead(204).end();
  });

  router.on('POST', '/api/operator/chats/:id/read', async (req, res, { id }) => {
    const row = chatFor(req, id!);
    chat.read(row, 'operator', seqOf(onlyKeys(await smallBody(req), ['seq'], 'ru').seq, 'seq'));
    res.writeHead(204).end();
  });

  router.on('POST', '/api/operator/chats/:id/close', (req, res, { id }) => {
    chat.end(chatFor(req, id!), 'operator');
    res.writeHead(204).end();
  });
}
