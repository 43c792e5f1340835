import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { FieldError } from '../../src/core/adapter/errors.js';

/** Problem types of docs/api.md: stable strings a backend and the adapter agree on. */
export const PROBLEM = {
  validation: 'urn:gu-support:problem:validation',
  tooLarge: 'urn:gu-support:problem:too-large',
  unsupportedType: 'urn:gu-support:problem:unsupported-type',
  notFound: 'urn:gu-support:problem:not-found',
  rateLimited: 'urn:gu-support:problem:rate-limited',
  idempotencyReuse: 'urn:gu-support:problem:idempotency-key-reuse',
  badRequest: 'urn:gu-support:problem:bad-request',
  unauthorized: 'urn:gu-support:problem:unauthorized',
  timeout: 'urn:gu-support:problem:timeout',
  unavailable: 'urn:gu-support:problem:unavailable',
  server: 'urn:gu-support:problem:server-error',
  conflict: 'urn:gu-support:problem:conflict',
} as const;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/**
 * A public answer that changes rarely (topics): `no-cache` with a strong ETag from the body, so a
 * returning visitor's browser revalidates and gets a bodiless `304` when nothing changed.
 * Personal data never goes through this: those answers stay `no-store`.
 */
export function sendRevalidated(req: IncomingMessage, res: ServerResponse, body: unknown, vary = 'Accept-Language'): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
  const prior = res.getHeader('Vary');
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', Vary: prior ? `${String(prior)}, ${vary}` : vary };
  if (String(req.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function sendProblem(res: ServerResponse, error: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = { type: error.type, title: error.title, status: error.status, ...(error.errors ? { errors: error.errors } : {}) };
  res.writeHead(error.status, { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...error.headers });
  res.end(JSON.stringify(body));
}

/** How deep a JSON document may nest: a request is 3 levels deep; 32 leaves room and no stack to overflow. */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses JSON after checking, in one pass over the text, that it nests no deeper than `maxDepth`
 * (hashing or serialising a 20,000-level document would overflow the stack). Throws 400.
 */
export function parseJson(text: string, what = 'Тело запроса', maxDepth = MAX_JSON_DEPTH): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) throw new HttpError(400, PROBLEM.badRequest, `${what}: JSON вложен глубже ${maxDepth} уровней`);
    } else if (c === 125 || c === 93) depth--;
  }
  try {
    return JSON.parse(text || 'null');
  } catch {
    throw new HttpError(400, PROBLEM.badRequest, `${what} — не JSON`);
  }
}

/** Reads a JSON body up to `limit` bytes; a larger one is refused while streaming, not after. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, PROBLEM.unsupportedType, 'Ожидается application/json');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, PROBLEM.tooLarge, `Тело запроса больше ${limit} байт`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new HttpError(413, PROBLEM.tooLarge, `Тело запроса больше ${limit} байт`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, PROBLEM.badRequest, 'Тело запроса оборвалось'); // the client went away mid-body
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'));
}

export type Handler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>, url: Target) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** A path parameter, percent-decoded strictly: malformed encoding or control characters are a 400. */
function decodeParam(raw: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, PROBLEM.badRequest, 'Неверная кодировка адреса (%-последовательность)');
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f/\\]/.test(value) || value.length > 200) throw new HttpError(400, PROBLEM.badRequest, 'Недопустимые символы в адресе');
  return value;
}

/** A minimal router: `/api/tickets/:number` patterns, first match wins. Matches the raw (encoded) path. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeParam(m[i + 1]!)]));
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}

/** The request target, split without `new URL` (which reads `//host/path` as another host). */
export interface Target {
  /** The path as sent, still percent-encoded: routes match it segment by segment. */
  pathname: string;
  searchParams: URLSearchParams;
}

/**
 * Splits `req.url` into path and query. Refuses (400) what no real client sends: a target that is
 * not a path, raw control characters, backslashes, and encoded NUL, slash or backslash.
 */
export function parseTarget(rawUrl: string | undefined): Target {
  let raw = rawUrl ?? '/';
  if (/^https?:\/\//i.test(raw)) {
    // absolute-form (a proxy's request): keep only path and query
    const afterHost = raw.indexOf('/', raw.indexOf('//') + 2);
    raw = afterHost < 0 ? '/' : raw.slice(afterHost);
  }
  if (!raw.startsWith('/')) throw new HttpError(400, PROBLEM.badRequest, 'Адрес запроса должен начинаться с /');
  const q = raw.indexOf('?');
  const pathname = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(pathname) || /%(?:00|2f|5c)/i.test(pathname) || pathname.length > 2048) {
    throw new HttpError(400, PROBLEM.badRequest, 'Недопустимый адрес запроса');
  }
  return { pathname, searchParams: new URLSearchParams(query.replace(/#.*$/, '')) };
}

/**
 * The client's address. Behind a reverse proxy (`trustProxy` = how many proxies append to
 * X-Forwarded-For), the address the nearest trusted proxy saw; otherwise the socket's peer.
 */
export function clientKey(req: IncomingMessage, trustProxy = 0): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // The last `trustProxy` entries were written by our proxies; the one before them is the client.
  const candidate = chain[chain.length - trustProxy];
  return candidate && isIP(candidate) ? candidate : peer;
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S{8,200})$/i.exec(header);
  return m ? m[1]! : null;
}

/** The `Idempotency-Key` header: 8–200 visible ASCII characters, required on every create. */
export function idempotencyKey(req: IncomingMessage): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new HttpError(400, PROBLEM.badRequest, 'Нужен заголовок Idempotency-Key (8–200 символов ASCII)');
  }
  return key;
}
