import type { IncomingMessage, ServerResponse } from 'node:http';
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
  server: 'urn:gu-support:problem:server-error',
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

export function sendProblem(res: ServerResponse, error: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = { type: error.type, title: error.title, status: error.status, ...(error.errors ? { errors: error.errors } : {}) };
  res.writeHead(error.status, { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...error.headers });
  res.end(JSON.stringify(body));
}

/** Reads a JSON body up to `limit` bytes; a larger one is refused while streaming, not after. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, PROBLEM.unsupportedType, 'Ожидается application/json');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, PROBLEM.tooLarge, `Тело запроса больше ${limit} байт`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, PROBLEM.tooLarge, `Тело запроса больше ${limit} байт`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new HttpError(400, PROBLEM.badRequest, 'Тело запроса — не JSON');
  }
}

export type Handler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>, url: URL) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** A minimal router: `/api/tickets/:number` patterns, first match wins. */
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
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}

export function clientKey(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
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
