import { connect, type Socket } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** What came back over a raw socket: a parsed response (if any) and whether the server closed. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection (always expected: requests say `Connection: close`). */
  closed: boolean;
}

export interface RawOptions {
  /** After writing: `end` half-closes, `destroy` resets, `keep` leaves the socket open (default). */
  then?: 'end' | 'destroy' | 'keep';
  /** Connect from this loopback address (the server sees another client). */
  localAddress?: string;
  /** Give up waiting for the server after this long (a bound for a broken server, not a timing assumption). */
  limitMs?: number;
}

function parse(data: Buffer, closed: boolean): RawResponse {
  const text = data.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || end < 0) return { status: 0, headers: {}, body: '', closed };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = data.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    let rest = body;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd < 0) break;
      const size = parseInt(rest.subarray(0, lineEnd).toString(), 16);
      if (!size) break;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 4 + size);
    }
    body = Buffer.concat(parts);
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8'), closed };
}

/** Sends bytes exactly as given (no URL normalisation, no framing fixes) and reads until the server closes. */
export function raw(port: number, data: string | Buffer, options: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket: Socket = connect({ port, host: '127.0.0.1', ...(options.localAddress ? { localAddress: options.localAddress } : {}) });
    const limit = setTimeout(() => {
      socket.destroy();
      resolve(parse(Buffer.concat(chunks), false));
    }, options.limitMs ?? 15_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined); // a reset after the answer is one of the expected outcomes
    socket.on('close', () => {
      clearTimeout(limit);
      resolve(parse(Buffer.concat(chunks), true));
    });
    socket.on('connect', () => {
      socket.write(data);
      if (options.then === 'end') socket.end();
      else if (options.then === 'destroy') socket.resetAndDestroy();
    });
  });
}

/** An HTTP/1.1 request as text with `Connection: close` and, when there is a body, its Content-Length. */
export function request(method: string, path: string, headers: Record<string, string> = {}, body: string | Buffer = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const all: Record<string, string> = { Host: '127.0.0.1', Connection: 'close', ...(bytes.length || method === 'POST' ? { 'Content-Length': String(bytes.length) } : {}), ...headers };
  const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

/** Waits for a condition, checking every 20 ms; fails after `limitMs` (a bound, not a timing assumption). */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, limitMs = 10_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed. */
  stdout: string[];
  stderr: string[];
  alive(): boolean;
  stop(): Promise<void>;
}

/** The reference server as `npm start` runs it (main.ts, with its last-resort handler), in a child process. */
export async function childServer(args: string[], env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts', '--port', '0', ...args], {
    env: { ...process.env, GU_OPERATOR_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let exited = false;
  child.once('exit', () => (exited = true));
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => stdout.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}: ${stderr.join('')}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    stdout,
    stderr,
    alive: () => !exited,
    stop: () =>
      new Promise<void>((done) => {
        if (exited) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
