import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { Signer, ACCESS_TTL_MS } from './access.js';
import { openDb } from './db.js';
import { loadMessages } from '../../src/core/i18n/translate.js';
import { loadArticles } from './articles.js';
import { DEFAULT_CHAT, type ChatConfig } from './chat/service.js';
import { Context, type Budgets } from './context.js';
import { FaultInjector, dropResponse, type Fault } from './faults.js';
import { DEFAULT_UPLOAD_LIMITS, sweepTmp, type UploadLimits } from './files.js';
import { DEFAULT_GUARD, Guard, type GuardOptions, type GuardStats } from './guard.js';
import { HttpError, PROBLEM, Router, parseTarget, readJson, sendJson, sendProblem } from './http.js';
import { purgeIdempotency } from './idempotency.js';
import { RateLimiter } from './rate-limit.js';
import { chatHooks } from './chat/hooks.js';
import { chatRoutes } from './routes-chat.js';
import { operatorChatRoutes } from './routes-operator-chat.js';
import { faqRoutes } from './routes-faq.js';
import { faqFeedbackRoutes } from './routes-faq-feedback.js';
import { ticketRoutes } from './routes-tickets.js';
import { fileSecret, isLoopback, newOperatorToken, newServerSecret, weakToken } from './secrets.js';
import { kitPreloads } from './preload.js';
import { staticFiles, type Mount } from './static.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Default data directory: beside the server code, outside every folder that is served. */
export const DEFAULT_DATA_DIR = join(ROOT, 'demo/server/data');

/**
 * What is served besides the API, and nothing else: the demo portal's public folder at `/`
 * (page, styles, console, consent and policy) and the built kit's JavaScript and CSS at `/assets/`.
 */
export const PUBLIC_MOUNTS: Mount[] = [
  { prefix: '/assets/', dir: join(ROOT, 'dist'), only: /^\/(?:chunks\/|kit\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:js|css)(?:\.map)?$/ },
  { prefix: '/', dir: join(ROOT, 'demo/public'), links: kitPreloads(join(ROOT, 'dist'), '/assets/'), versionAssets: true },
];

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
  /** Where the SQLite file, attachments, temporary uploads and secrets live. Never a served folder. */
  dataDir?: string;
  /** Operator bearer token; by default one generated at first start and kept in `<dataDir>/operator-token`. */
  operatorToken?: string;
  /** Requests per client per minute, by bucket (create, lookup, read, chat). */
  rateLimit?: number;
  /** Failed look-ups per ticket number and per contact in 15 minutes (default 10 each). */
  lookupFailures?: number;
  uploadLimits?: Partial<UploadLimits>;
  /** Operators always available (demo) instead of the hotline's hours (same as `chat.alwaysOpen`). */
  alwaysOpen?: boolean;
  /** The chat: operators' hours (Moscow time), wait estimate, call-back suggestion, keep-alive, typing throttle. */
  chat?: Partial<ChatConfig>;
  /** Origins allowed to call the API from another origin (CORS); `*` for any. */
  corsOrigins?: string[];
  /** Enables /__test/* fault injection and counters. Never in production; refused off loopback. */
  testHooks?: boolean;
  /** How long replayable idempotency keys are kept: at least the kit's outbox retention (7 days). */
  idempotencyRetentionMs?: number;
  /** Reverse proxies in front that append to X-Forwarded-For (the client address is read from it). */
  trustProxy?: number;
  /** Slow-client limits (body idle time, minimum rate, connections per client, concurrent uploads). */
  guard?: Partial<GuardOptions>;
  /** Time allowed to receive a request's headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Public folders (tests use their own). */
  mounts?: Mount[];
  /** Clock of access tokens and download links (tests move it). */
  now?: () => number;
  /** Lifetime of access tokens and download links (default 15 minutes). */
  accessTtlMs?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  operatorToken: string;
  /** Where the generated operator token is kept (unset when it was given). */
  operatorTokenFile?: string;
  /** This start generated the operator token (print it once). */
  operatorTokenCreated: boolean;
  stats: GuardStats;
  /** Public folders that were missing at start (the kit not built). */
  missingPublic: string[];
  close(): Promise<void>;
}

/** The request being handled, for the last-resort handler of errors nobody caught. */
interface Scope {
  req: IncomingMessage;
  res: ServerResponse;
  stats: GuardStats;
}
const requestScope = new AsyncLocalStorage<Scope>();

/**
 * The last line of defence, installed by the process that runs the server (main.ts): an error
 * no handler caught is logged and, when it belongs to a request, that one request is answered
 * 500 (or cut if the answer started). The process keeps serving everyone else.
 */
export function installLastResort(log: (...args: unknown[]) => void = console.error): void {
  const handle = (error: unknown) => {
    const scope = requestScope.getStore();
    log('Uncaught error (last resort):', error);
    if (!scope) return;
    scope.stats.lastResort++;
    try {
      if (!scope.res.headersSent) {
        scope.res.setHeader('Connection', 'close');
        sendProblem(scope.res, new HttpError(500, PROBLEM.server, 'Внутренняя ошибка сервера'));
      } else scope.res.destroy();
    } catch {
      scope.res.destroy();
    }
  };
  process.on('uncaughtException', handle);
  process.on('unhandledRejection', handle);
}

/** Removes stored files no attachment refers to (left by a process that died between the two). */
async function sweepOrphans(filesDir: string, known: Set<string>): Promise<void> {
  const names = await readdir(filesDir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => !known.has(name)).map((name) => rm(join(filesDir, name), { force: true, recursive: true })));
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  await loadMessages('en'); // answers in English for Accept-Language: en
  const host = options.host ?? '127.0.0.1';
  const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const mounts = options.mounts ?? PUBLIC_MOUNTS;
  for (const mount of mounts) {
    const dir = resolve(mount.dir);
    if (dataDir === dir || dataDir.startsWith(dir + '/')) throw new Error(`The data directory ${dataDir} is inside the served folder ${dir}: choose another (GU_DATA_DIR)`);
  }

  const token = options.operatorToken ? { value: options.operatorToken, created: false, path: undefined } : fileSecret(dataDir, 'operator-token', newOperatorToken);
  if (!isLoopback(host)) {
    if (weakToken(token.value)) throw new Error(`Refusing to listen on ${host}: the operator token is a default or shorter than 24 characters. Set GU_OPERATOR_TOKEN to a long random value or leave it unset to use a generated one.`);
    if (options.testHooks) throw new Error(`Refusing to listen on ${host} with test hooks: they are for loopback tests only.`);
  }
  const secret = fileSecret(dataDir, 'server-secret', newServerSecret);

  const db = openDb(join(dataDir, 'support.sqlite'));
  const tmpDir = join(dataDir, 'tmp');
  const filesDir = join(dataDir, 'files');
  const limiter = new RateLimiter();
  const perMinute = options.rateLimit ?? 60;
  const failures = options.lookupFailures ?? 10;
  const budgets: Budgets = {
    client: { limit: perMinute, windowMs: 60_000 },
    lookupPerNumber: { limit: failures, windowMs: 15 * 60_000 },
    lookupPerContact: { limit: failures, windowMs: 15 * 60_000 },
  };
  // Behind a proxy every connection comes from the proxy: the per-address cap belongs there.
  const guard = new Guard({ ...DEFAULT_GUARD, ...(options.trustProxy ? { maxConnectionsPerClient: 0 } : {}), ...options.guard });
  const signer = new Signer(secret.value, options.now ?? Date.now, options.accessTtlMs ?? ACCESS_TTL_MS);
  const ctx = new Context({
    db,
    limiter,
    budgets,
    uploadLimits: { ...DEFAULT_UPLOAD_LIMITS, ...options.uploadLimits },
    articles: loadArticles(join(ROOT, 'demo/content')),
    tmpDir,
    filesDir,
    operatorToken: token.value,
    chat: { ...DEFAULT_CHAT, ...(options.alwaysOpen !== undefined ? { alwaysOpen: options.alwaysOpen } : {}), ...options.chat },
    now: options.now ?? Date.now,
    signer,
    guard,
    trustProxy: options.trustProxy ?? 0,
  });
  await sweepTmp(tmpDir);
  await sweepOrphans(filesDir, new Set([...ctx.tickets.attachmentPaths(), ...ctx.chat.store.filePaths()]));
  const retention = options.idempotencyRetentionMs ?? 30 * 86_400_000;
  purgeIdempotency(db, retention);
  const purge = setInterval(() => {
    purgeIdempotency(db, retention);
    limiter.sweep();
  }, 3600_000);
  purge.unref();

  const router = new Router();
  ticketRoutes(router, ctx);
  chatRoutes(router, ctx);
  operatorChatRoutes(router, ctx);
  faqRoutes(router, ctx, join(ROOT, 'demo/content'));
  faqFeedbackRoutes(router, ctx);
  const files = staticFiles(mounts);
  const faults = new FaultInjector();
  const cors = new Set(options.corsOrigins ?? []);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Errors of the two streams of every request are handled here once; nothing reaches 'uncaughtException'.
    req.on('error', () => undefined);
    res.on('error', () => res.destroy());
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      const url = parseTarget(req.url);
      const origin = req.headers.origin;
      if (origin && (cors.has('*') || cors.has(origin))) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Vary', 'Origin');
        res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
        if (req.method === 'OPTIONS') {
          res.writeHead(204, {
            'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
            'Access-Control-Allow-Headers': 'Content-Type, Authorization, Idempotency-Key, X-Chat-Token, X-Ticket-Token, Accept-Language, Last-Event-ID',
            'Access-Control-Max-Age': '600',
          });
          res.end();
          return;
        }
      }
      guard.watchBody(req, res);
      if (options.testHooks && url.pathname.startsWith('/__test/')) {
        if (url.pathname === '/__test/faults' && req.method === 'POST') faults.add((await readJson(req, 4096)) as Fault);
        else if (url.pathname === '/__test/reset') faults.clear();
        else if (url.pathname === '/__test/stats') return sendJson(res, 200, { ...guard.stats, limiterEntries: limiter.size });
        else if (url.pathname.startsWith('/__test/chat/')) return await chatHooks(req, res, url.pathname, ctx.chat);
        else if (url.pathname === '/__test/crash') {
          // An error thrown where no handler can catch it: proves the last resort answers this one request.
          setImmediate(() => {
            throw new Error('Injected uncaught error');
          });
          return;
        }
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
      let decoded: string;
      try {
        decoded = decodeURIComponent(url.pathname);
      } catch {
        throw new HttpError(400, PROBLEM.badRequest, 'Неверная кодировка адреса (%-последовательность)');
      }
      if (!files.serve(req, res, decoded)) throw new HttpError(404, PROBLEM.notFound, 'Страница не найдена');
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
  }

  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer(
    {
      headersTimeout,
      // The total time for a whole request is the body watchdog's job (a 25 MB upload on a slow line takes minutes).
      requestTimeout: 0,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => requestScope.run({ req, res, stats: guard.stats }, () => void handle(req, res)),
  );
  server.maxHeadersCount = 100;
  guard.attach(server);
  // A malformed request line or headers, or headers that never end: answer and close, nothing else.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({ type: status === 408 ? PROBLEM.timeout : PROBLEM.badRequest, title: 'Запрос не распознан', status });
    socket.end(`HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  const { port } = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shown}:${port}`,
    operatorToken: token.value,
    ...(token.path ? { operatorTokenFile: token.path } : {}),
    operatorTokenCreated: token.created,
    stats: guard.stats,
    missingPublic: files.missing,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(purge);
        ctx.chat.stop();
        server.closeAllConnections();
        server.close(() => {
          db.close();
          done();
        });
      }),
  };
}
