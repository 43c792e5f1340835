import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Article, ChatAuthor, ChatEvent, ChatMessage, ChatSession, ChatState } from '../../src/core/adapter/types.js';
import { validateText } from '../../src/core/validate/text.js';
import type { Context } from './context.js';
import { HttpError, PROBLEM, Router, idempotencyKey, readJson, sendJson, type Target } from './http.js';
import { once, requestHash } from './idempotency.js';

const MESSAGE_MAX = 2000;
const HEARTBEAT_MS = 15_000;

interface SessionRow {
  id: string;
  token: string;
  state: ChatState;
  created_at: string;
  queued_at: string | null;
}

/** Crude Russian stem: enough for the demo bot to match «авторизации» with «авторизация». */
function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\d]{4,}/gu) ?? []).map((w) => w.slice(0, 6)));
}

/** The bot: the FAQ articles sharing the most word stems with the question. */
export function botAnswer(articles: Article[], question: string): Article[] {
  const asked = stems(question);
  if (!asked.size) return [];
  return articles
    .map((article) => {
      const words = stems(`${article.title} ${article.title} ${article.body}`);
      let score = 0;
      for (const stem of asked) if (words.has(stem)) score++;
      return { article, score: score / asked.size };
    })
    .filter((a) => a.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((a) => a.article);
}

/** The `text` of a JSON body `{ text }`; anything else (a number, an object, other keys) is a 422. */
function textField(payload: unknown): string {
  const data = payload as { text?: unknown } | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).some((k) => k !== 'text') || (data.text !== undefined && typeof data.text !== 'string')) {
    throw new HttpError(422, PROBLEM.validation, 'Ожидается { "text": "…" }', [{ field: 'text', code: 'type', detail: 'Ожидается { "text": "…" }' }]);
  }
  return (data.text as string | undefined) ?? '';
}

export function chatRoutes(router: Router, ctx: Context): void {
  const { db } = ctx;
  const session = (id: string): SessionRow | undefined => db.prepare('SELECT * FROM chat_sessions WHERE id = ?').get(id) as SessionRow | undefined;

  function authorised(req: IncomingMessage, id: string, url: Target): SessionRow {
    const row = session(id);
    const given = Buffer.from(String(req.headers['x-chat-token'] ?? url.searchParams.get('token') ?? ''));
    const expected = Buffer.from(row?.token ?? '');
    if (!row || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(404, PROBLEM.notFound, 'Сеанс чата не найден');
    }
    return row;
  }

  function queuePosition(row: SessionRow): number | undefined {
    if (row.state !== 'queued' || !row.queued_at) return undefined;
    return (db.prepare("SELECT COUNT(*) AS n FROM chat_sessions WHERE state = 'queued' AND queued_at <= ?").get(row.queued_at) as { n: number }).n;
  }

  function post(sessionId: string, author: ChatAuthor, text: string, articleIds: string[] = []): ChatMessage {
    const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM chat_messages WHERE session_id = ?').get(sessionId) as { seq: number }).seq;
    const message: ChatMessage = { id: `${sessionId}:${seq}`, seq, author, text, at: new Date().toISOString(), ...(articleIds.length ? { articleIds } : {}) };
    db.prepare('INSERT INTO chat_messages (session_id, seq, author, text, at, article_ids) VALUES (?, ?, ?, ?, ?, ?)').run(
      sessionId, seq, author, text, message.at, articleIds.length ? JSON.stringify(articleIds) : null,
    );
    ctx.events.emit(`chat:${sessionId}`, { type: 'message', message } satisfies ChatEvent);
    ctx.events.emit('chats');
    return message;
  }

  function setState(row: SessionRow, state: ChatState): void {
    db.prepare('UPDATE chat_sessions SET state = ?, queued_at = ? WHERE id = ?').run(state, state === 'queued' ? new Date().toISOString() : row.queued_at, row.id);
    const updated = session(row.id)!;
    ctx.events.emit(`chat:${row.id}`, { type: 'state', state, queuePosition: queuePosition(updated) } satisfies ChatEvent);
    ctx.events.emit('chats');
  }

  function messages(id: string, after: number): ChatMessage[] {
    const rows = db.prepare('SELECT seq, author, text, at, article_ids FROM chat_messages WHERE session_id = ? AND seq > ? ORDER BY seq').all(id, after) as {
      seq: number; author: ChatAuthor; text: string; at: string; article_ids: string | null;
    }[];
    return rows.map((r) => ({ id: `${id}:${r.seq}`, seq: r.seq, author: r.author, text: r.text, at: r.at, ...(r.article_ids ? { articleIds: JSON.parse(r.article_ids) as string[] } : {}) }));
  }

  const view = (row: SessionRow): ChatSession => ({ id: row.id, token: row.token, state: row.state, ...(queuePosition(row) ? { queuePosition: queuePosition(row) } : {}) });

  router.on('POST', '/api/chat/sessions', (req, res) => {
    ctx.limit(req, 'create');
    const row: SessionRow = { id: randomUUID(), token: randomUUID(), state: 'bot', created_at: new Date().toISOString(), queued_at: null };
    db.prepare('INSERT INTO chat_sessions (id, token, state, created_at) VALUES (@id, @token, @state, @created_at)').run(row);
    post(row.id, 'bot', 'Здравствуйте! Я бот поддержки. Опишите проблему своими словами — подскажу статью из справки или позову оператора.');
    sendJson(res, 201, view(row));
  });

  router.on('GET', '/api/chat/sessions/:id', (req, res, { id }, url) => {
    sendJson(res, 200, view(authorised(req, id!, url)));
  });

  router.on('GET', '/api/chat/sessions/:id/messages', (req, res, { id }, url) => {
    authorised(req, id!, url);
    sendJson(res, 200, { messages: messages(id!, Number(url.searchParams.get('after') ?? 0) || 0) });
  });

  router.on('POST', '/api/chat/sessions/:id/messages', async (req, res, { id }, url) => {
    ctx.limit(req, 'chat');
    const row = authorised(req, id!, url);
    const key = idempotencyKey(req);
    if (row.state === 'closed') throw new HttpError(409, PROBLEM.badRequest, 'Чат завершён. Начните новый');
    const payload = await readJson(req, 16 * 1024);
    const text = validateText(textField(payload), { required: true, max: MESSAGE_MAX });
    if (!text.ok) throw new HttpError(422, PROBLEM.validation, text.message, [{ field: 'text', code: text.code, detail: text.message }]);
    const result = once(db, `chat:${id}`, key, requestHash(payload), () => ({ status: 201, body: post(row.id, 'citizen', text.value) }));
    sendJson(res, result.status, result.body, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    if (!result.replayed && row.state === 'bot') {
      const found = botAnswer(ctx.articles, text.value);
      if (found.length) post(row.id, 'bot', `Возможно, поможет: ${found.map((a) => `«${a.title}»`).join(', ')}. Если нет — нажмите «Связаться с живым оператором».`, found.map((a) => a.id));
      else post(row.id, 'bot', 'Не нашёл подходящей статьи. Могу позвать живого оператора — нажмите «Связаться с живым оператором».');
    }
  });

  router.on('GET', '/api/chat/sessions/:id/events', (req, res, { id }, url) => {
    authorised(req, id!, url);
    const after = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? 0) || 0;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\n');
    const send = (event: ChatEvent) => {
      const idLine = event.type === 'message' ? `id: ${event.message.seq}\n` : '';
      res.write(`${idLine}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    for (const message of messages(id!, after)) send({ type: 'message', message });
    const current = session(id!)!;
    send({ type: 'state', state: current.state, queuePosition: queuePosition(current) });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    ctx.events.on(`chat:${id}`, send);
    req.on('close', () => {
      clearInterval(heartbeat);
      ctx.events.off(`chat:${id}`, send);
    });
  });

  router.on('POST', '/api/chat/sessions/:id/operator', (req, res, { id }, url) => {
    const row = authorised(req, id!, url);
    if (row.state === 'bot') {
      if (ctx.operatorsOnline(new Date())) {
        setState(row, 'queued');
        post(row.id, 'system', 'Вы в очереди к оператору. Всё, что вы написали, оператор увидит.');
      } else {
        post(row.id, 'system', 'Операторы сейчас не работают: будни 08:00–20:00, суббота 09:00–17:00 по Москве. Оставьте обращение через форму — ответим по телефону или почте.');
      }
    }
    sendJson(res, 200, view(session(row.id)!));
  });

  router.on('POST', '/api/chat/sessions/:id/rating', async (req, res, { id }, url) => {
    const row = authorised(req, id!, url);
    const { score, comment } = ((await readJson(req, 8 * 1024)) ?? {}) as { score?: unknown; comment?: unknown };
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
      throw new HttpError(422, PROBLEM.validation, 'Оценка — целое число от 1 до 5', [{ field: 'score', code: 'range', detail: 'Оценка — целое число от 1 до 5' }]);
    }
    const checked = typeof comment === 'string' ? validateText(comment, { max: MESSAGE_MAX }) : null;
    if (checked && !checked.ok) throw new HttpError(422, PROBLEM.validation, checked.message, [{ field: 'comment', code: checked.code, detail: checked.message }]);
    db.prepare('UPDATE chat_sessions SET rating = ?, rating_comment = ? WHERE id = ?').run(score, checked?.ok && checked.value ? checked.value : null, row.id);
    res.writeHead(204).end();
  });

  // Operator side.
  router.on('GET', '/api/operator/chats', (req, res) => {
    ctx.requireOperator(req);
    const rows = db.prepare("SELECT * FROM chat_sessions WHERE state != 'closed' ORDER BY created_at DESC LIMIT 100").all() as SessionRow[];
    sendJson(res, 200, { chats: rows.map((r) => ({ id: r.id, state: r.state, createdAt: r.created_at, queuePosition: queuePosition(r), messages: messages(r.id, 0) })) });
  });

  router.on('POST', '/api/operator/chats/:id/messages', async (req, res, { id }) => {
    ctx.requireOperator(req);
    const row = session(id!);
    if (!row || row.state === 'closed') throw new HttpError(404, PROBLEM.notFound, 'Чат не найден или завершён');
    const text = validateText(textField(await readJson(req, 16 * 1024)), { required: true, max: MESSAGE_MAX });
    if (!text.ok) throw new HttpError(422, PROBLEM.validation, text.message, [{ field: 'text', code: text.code, detail: text.message }]);
    if (row.state !== 'operator') setState(row, 'operator');
    sendJson(res, 201, post(row.id, 'operator', text.value));
  });

  router.on('POST', '/api/operator/chats/:id/close', (req, res, { id }) => {
    ctx.requireOperator(req);
    const row = session(id!);
    if (!row) throw new HttpError(404, PROBLEM.notFound, 'Чат не найден');
    post(row.id, 'system', 'Оператор завершил чат. Оцените, пожалуйста, помощь.');
    setState(row, 'closed');
    res.writeHead(204).end();
  });
}
