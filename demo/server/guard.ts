import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HttpError, PROBLEM, sendProblem } from './http.js';

export interface GuardOptions {
  /** A request body that sends nothing for this long is cut with 408 (default 10 s). */
  bodyIdleMs: number;
  /** After `bodyGraceMs`, a body arriving slower than this on average is cut (default 512 B/s). */
  minBodyBytesPerSecond: number;
  bodyGraceMs: number;
  /**
   * Open connections per client address (default 64: a browser opens about 6, and citizens behind
   * one carrier NAT share an address; 0 = no cap, the default behind a trusted proxy, which sees the clients).
   */
  maxConnectionsPerClient: number;
  /** Multipart uploads processed at once by the whole server (default 16); more get 503. */
  maxConcurrentUploads: number;
}

export const DEFAULT_GUARD: GuardOptions = {
  bodyIdleMs: 10_000,
  minBodyBytesPerSecond: 512,
  bodyGraceMs: 10_000,
  maxConnectionsPerClient: 64,
  maxConcurrentUploads: 16,
};

/** Counters the hostile-input tests read through `/__test/stats`. */
export interface GuardStats {
  connections: number;
  refusedConnections: number;
  uploads: number;
  slowBodiesCut: number;
  lastResort: number;
}

/**
 * Per-connection and per-request limits that a slow or greedy client cannot get around:
 * a cap on connections per address, a cap on concurrent uploads, and a watchdog that cuts a
 * request body which stalls or trickles (1 byte a second would otherwise hold a socket for
 * minutes). Headers are bounded by the server's own `headersTimeout`.
 */
export class Guard {
  readonly stats: GuardStats = { connections: 0, refusedConnections: 0, uploads: 0, slowBodiesCut: 0, lastResort: 0 };
  private readonly perClient = new Map<string, number>();

  constructor(readonly options: GuardOptions) {}

  /** Counts connections per address; one over the cap gets a 429 and is closed before any parsing. */
  attach(server: Server): void {
    server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? 'unknown';
      const open = (this.perClient.get(address) ?? 0) + 1;
      this.perClient.set(address, open);
      this.stats.connections++;
      socket.once('close', () => {
        this.stats.connections--;
        const left = (this.perClient.get(address) ?? 1) - 1;
        if (left > 0) this.perClient.set(address, left);
        else this.perClient.delete(address);
      });
      const cap = this.options.maxConnectionsPerClient;
      if (cap > 0 && open > cap) {
        this.stats.refusedConnections++;
        const body = JSON.stringify({ type: PROBLEM.rateLimited, title: 'Слишком много соединений с одного адреса', status: 429 });
        socket.on('error', () => socket.destroy());
        socket.end(
          `HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n` +
            `Retry-After: 5\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      }
    });
  }

  /** Takes an upload slot or throws 503; call the returned function exactly once when done. */
  uploadSlot(): () => void {
    if (this.stats.uploads >= this.options.maxConcurrentUploads) {
      throw new HttpError(503, PROBLEM.unavailable, 'Сервер занят приёмом других файлов. Повторите через несколько секунд', undefined, { 'Retry-After': '5' });
    }
    this.stats.uploads++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.stats.uploads--;
    };
  }

  /**
   * Watches a request's body by the socket's byte count (reading nothing itself): no progress
   * for `bodyIdleMs`, or less than `minBodyBytesPerSecond` on average after `bodyGraceMs`, answers
   * 408 and closes the connection. Stops once the body is complete or the request is gone.
   */
  watchBody(req: IncomingMessage, res: ServerResponse): void {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody || req.complete) return;
    const { bodyIdleMs, minBodyBytesPerSecond, bodyGraceMs } = this.options;
    const socket = req.socket;
    const started = Date.now();
    const startBytes = socket.bytesRead;
    let lastBytes = startBytes;
    let lastProgress = started;
    const tick = Math.max(10, Math.min(1000, Math.floor(Math.min(bodyIdleMs, bodyGraceMs) / 4)));
    const timer = setInterval(() => {
      if (req.complete || socket.destroyed) return stop();
      const now = Date.now();
      const bytes = socket.bytesRead;
      if (bytes > lastBytes) {
        lastBytes = bytes;
        lastProgress = now;
      }
      const stalled = now - lastProgress >= bodyIdleMs;
      const elapsed = now - started;
      const slow = elapsed >= bodyGraceMs && ((bytes - startBytes) * 1000) / elapsed < minBodyBytesPerSecond;
      if (!stalled && !slow) return;
      stop();
      this.stats.slowBodiesCut++;
      // The reader of the body sees the request end early and cleans up (temporary files).
      if (!res.headersSent) {
        res.setHeader('Connection', 'close');
        sendProblem(res, new HttpError(408, PROBLEM.timeout, stalled ? 'Тело запроса перестало поступать' : 'Тело запроса поступает слишком медленно'));
      }
      res.once('finish', () => socket.destroy());
      setImmediate(() => req.destroy());
    }, tick);
    timer.unref();
    const stop = () => clearInterval(timer);
    req.once('end', stop);
    req.once('close', stop);
  }
}
