import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openDb } from './db.js';
import { loadMessages } from '../../src/core/i18n/translate.js';
import { loadArticles } from './articles.js';
import { Context, hotlineHours } from './context.js';
import { FaultInjector, dropResponse, type Fault } from './faults.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './files.js';
import { HttpError, PROBLEM, Router, readJson, sendJson, sendProblem } from './http.js';
import { purgeIdempotency } from './idempotency.js';
import { RateLimiter } from './rate-limit.js';
import { chatRoutes } from './routes-chat.js';
import { faqRoutes } from './routes-faq.js';
import { ticketRoutes } from './routes-tickets.js';
import { serveFile } from './static.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The demo page's policy: nothing inline, nothing evaluated, nothing from another host. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface ServerOptions {
  port?: number;
  host?: string;
  /** SQLite file; `:memory:` for a throwaway database. Files go beside it. */
  dataDir?: string;
  operatorToken?: string;
  /** Requests per client per minute, by bucket. */
  rateLimit?: number;
  uploadLimits?: Partial<UploadLimits>;
  /** Operators always available (demo) instead of the hotline's hours. */
  alwaysOpen?: boolean;
  /** Origins allowed to call the API from another origin (CORS); `*` for any. */
  corsOrigins?: string[];
  /** Enables /__test/* fault injection. Never in production. */
  testHooks?: boolean;
  /** How long replayable idempotency keys are kept: at least the kit's outbox retention (7 days). */
  idempotencyRetentionMs?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  operatorToken: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  await loadMessages('en'); // answers in English for Accept-Language: en
  const dataDir = resolve(options.dataDir ?? join(ROOT, 'demo/server/data'));
  const db = openDb(join(dataDir, 'support.sqlite'));
  const operatorToken = options.operatorToken ?? randomUUID();
  const limiter = new RateLimiter(options.rateLimit ?? 60, 60_000);
  const ctx = new Context(
    db,
    limiter,
    { ...DEFAULT_UPLOAD_LIMITS, ...options.uploadLimits },
    loadArticles(join(ROOT, 'demo/content')),
    join(dataDir, 'tmp'),
    join(dataDir, 'files'),
    operatorToken,
    options.alwaysOpen ? () => true : hotlineHours,
  );
  const retention = options.idempotencyRetentionMs ?? 30 * 86_400_000;
  purgeIdempotency(db, retention);
  const purge = setInterval(() => purgeIdempotency(db, retention), 3600_000);
  purge.unref();

  const router = new Router();
  ticketRoutes(router, ctx);
  chatRoutes(router, ctx);
  faqRoutes(router, ctx, join(ROOT, 'demo/content'));
  const faults = new FaultInjector();
  const cors = new Set(options.corsOrigins ?? []);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Referrer-Policy', 'no-referrer');
    const origin = req.headers.origin;
    if (origin && (cors.has('*') || cors.has(origin))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type, Authorization, Idempotency-Key, X-Chat-Token, Accept-Language, Last-Event-ID',
          'Access-Control-Max-Age': '600',
        });
        res.end();
        return;
      }
    }
    try {
      if (options.testHooks && url.pathname.startsWith('/__test/')) {
        if (url.pathname === '/__test/faults' && req.method === 'POST') faults.add((await readJson(req, 4096)) as Fault);
        else if (url.pathname === '/__test/reset') faults.clear();
        else if (url.pathname === '/__test/count') {
          const table = url.searchParams.get('table');
          if (table !== 'tickets' && table !== 'comments' && table !== 'chat_messages' && table !== 'attachments') throw new HttpError(400, PROBLEM.badRequest, 'table?');
          // `distinct=title` counts different titles: how many requests arrived, duplicates aside.
          const what = url.searchParams.get('distinct') === 'title' && table === 'tickets' ? 'COUNT(DISTINCT title)' : 'COUNT(*)';
          sendJson(res, 200, { count: (db.prepare(`SELECT ${what} AS n FROM ${table}`).get() as { n: number }).n });
          return;
        }
        res.writeHead(204).end();
        return;
      }
      const fault = options.testHooks ? faults.take(req, url.pathname) : undefined;
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.status) {
        throw new HttpError(fault.status, fault.status === 429 ? PROBLEM.rateLimited : PROBLEM.server, 'Injected fault', undefined, fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {});
      }
      if (fault?.drop) dropResponse(res);

      const match = router.match(req.method ?? 'GET', url.pathname);
      if (match === 'method') throw new HttpError(405, PROBLEM.badRequest, 'Метод не поддерживается');
      if (match) {
        await match.handler(req, res, match.params, url);
        return;
      }
      if (url.pathname.startsWith('/api/')) throw new HttpError(404, PROBLEM.notFound, 'Нет такого адреса API');
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, PROBLEM.badRequest, 'Метод не поддерживается');
      const path = url.pathname === '/' ? 'demo/index.html' : url.pathname === '/operator/' ? 'demo/operator/index.html' : url.pathname.slice(1);
      const allowed = path.startsWith('dist/') || path.startsWith('demo/') && !path.startsWith('demo/server/');
      if (!allowed || !(await serveFile(res, ROOT, path))) throw new HttpError(404, PROBLEM.notFound, 'Страница не найдена');
    } catch (error) {
      // A body refused half-read must not be parsed as the next request on a kept-alive connection.
      if (!req.complete && !res.headersSent) res.setHeader('Connection', 'close');
      if (error instanceof HttpError) sendProblem(res, error);
      else if (req.destroyed && (error as NodeJS.ErrnoException).code === 'ECONNRESET') res.destroy(); // the client went away
      else {
        console.error(error);
        sendProblem(res, new HttpError(500, PROBLEM.server, 'Внутренняя ошибка сервера'));
      }
    }
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  return {
    server,
    url,
    operatorToken,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(purge);
        server.closeAllConnections();
        server.close(() => {
          db.close();
          done();
        });
      }),
  };
}
