import { citizenText, langOf } from './body.js';
import type { Context } from './context.js';
import type { Db } from './db.js';
import { HttpError, PROBLEM, idempotencyKey, readJson, sendJson, type Router } from './http.js';
import { once, requestHash } from './idempotency.js';

/** Longest optional comment on an article's feedback (graphemes). */
export const FEEDBACK_COMMENT_MAX = 1000;

/**
 * This module's own tables, created if missing rather than as a numbered migration of db.ts:
 * they depend on nothing else, so they can land in any order with other schema changes.
 */
function ensureTables(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS article_feedback (
     id INTEGER PRIMARY KEY,
     article_id TEXT NOT NULL, helpful INTEGER NOT NULL, comment TEXT, lang TEXT NOT NULL, at TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS article_feedback_article ON article_feedback(article_id);
   CREATE TABLE IF NOT EXISTS deflections (
     session TEXT PRIMARY KEY, article_ids TEXT NOT NULL, sent INTEGER NOT NULL, at TEXT NOT NULL
   );`);
}

const SESSION = /^[A-Za-z0-9_-]{8,64}$/;

function record(payload: unknown): Record<string, unknown> {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new HttpError(400, PROBLEM.badRequest, 'Ожидается объект JSON');
  return payload as Record<string, unknown>;
}

/**
 * «Помог ли ответ?» and deflection counts (docs/api.md «FAQ feedback»): feedback on an article
 * (idempotent, so the outbox may resend it), the form reporting that a citizen opened suggested
 * articles and whether a request was sent after all, and the operator's statistics over both.
 */
export function faqFeedbackRoutes(router: Router, ctx: Context): void {
  const { db } = ctx;
  ensureTables(db);
  const known = new Set(ctx.articles.map((a) => a.id));

  router.on('POST', '/api/faq/articles/:id/feedback', async (req, res, { id }) => {
    ctx.limit(req, 'create');
    const key = idempotencyKey(req);
    if (!known.has(id!)) throw new HttpError(404, PROBLEM.notFound, 'Нет такой статьи');
    const payload = record(await readJson(req, 8 * 1024));
    if (typeof payload.helpful !== 'boolean') {
      throw new HttpError(422, PROBLEM.validation, 'Укажите, помог ли ответ', [{ field: 'helpful', code: 'required', detail: 'Укажите, помог ли ответ' }]);
    }
    const lang = langOf(req.headers['accept-language']);
    // A citizen's free text: the same text rules and personal-data guard as a ticket comment.
    const comment = citizenText(payload.comment ?? undefined, 'comment', { required: false, max: FEEDBACK_COMMENT_MAX }, lang);
    const result = once(db, `feedback:${id}`, key, requestHash(payload), () => {
      const at = new Date().toISOString();
      db.prepare('INSERT INTO article_feedback (article_id, helpful, comment, lang, at) VALUES (?, ?, ?, ?, ?)').run(id, payload.helpful ? 1 : 0, comment || null, lang, at);
      return { status: 201, body: { articleId: id, helpful: payload.helpful, at } };
    });
    sendJson(res, result.status, result.body, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  });

  router.on('POST', '/api/faq/deflections', async (req, res) => {
    ctx.limit(req, 'create');
    const payload = record(await readJson(req, 4 * 1024));
    const { session, articleIds, sent } = payload;
    if (typeof session !== 'string' || !SESSION.test(session)) throw new HttpError(422, PROBLEM.validation, 'session: 8–64 символа [A-Za-z0-9_-]');
    if (!Array.isArray(articleIds) || articleIds.length > 20 || !articleIds.every((a) => typeof a === 'string' && known.has(a))) {
      throw new HttpError(422, PROBLEM.validation, 'articleIds: до 20 идентификаторов существующих статей');
    }
    if (typeof sent !== 'boolean') throw new HttpError(422, PROBLEM.validation, 'sent: true или false');
    // One row per form session: the articles opened accumulate, and «sent» never goes back to false.
    db.transaction(() => {
      const row = db.prepare('SELECT article_ids, sent FROM deflections WHERE session = ?').get(session) as { article_ids: string; sent: number } | undefined;
      const ids = [...new Set([...(row ? (JSON.parse(row.article_ids) as string[]) : []), ...(articleIds as string[])])].slice(0, 20);
      db.prepare('INSERT OR REPLACE INTO deflections (session, article_ids, sent, at) VALUES (?, ?, ?, ?)').run(session, JSON.stringify(ids), row?.sent || sent ? 1 : 0, new Date().toISOString());
    })();
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  });

  router.on('GET', '/api/operator/faq-stats', (req, res) => {
    ctx.requireOperator(req);
    const deflection = db.prepare("SELECT COUNT(*) AS opened, COALESCE(SUM(sent), 0) AS sent FROM deflections WHERE article_ids != '[]'").get() as { opened: number; sent: number };
    const articles = db
      .prepare('SELECT article_id AS articleId, SUM(helpful) AS helpful, SUM(1 - helpful) AS notHelpful FROM article_feedback GROUP BY article_id ORDER BY notHelpful DESC, articleId')
      .all() as { articleId: string; helpful: number; notHelpful: number }[];
    const comments = db.prepare('SELECT article_id AS articleId, helpful, comment, at FROM article_feedback WHERE comment IS NOT NULL ORDER BY id DESC LIMIT 50').all() as {
      articleId: string;
      helpful: number;
      comment: string;
      at: string;
    }[];
    sendJson(res, 200, {
      deflection: { opened: deflection.opened, sent: deflection.sent, avoided: deflection.opened - deflection.sent },
      feedback: { articles, comments: comments.map((c) => ({ ...c, helpful: Boolean(c.helpful) })) },
    });
  });
}
