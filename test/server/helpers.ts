import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../demo/server/app.js';
import { chromium, type Browser } from 'playwright';

export interface TestServer extends RunningServer {
  dataDir: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** POST /api/tickets/lookup: the access token and the ticket, or throws with the status. */
  open(number: string, contact: string): Promise<{ token: string; expiresAt: string; ticket: Record<string, unknown> & { number: string } }>;
  /** GET /api/tickets/{number} with the token of a fresh look-up. */
  ticket<T = Record<string, unknown>>(number: string, contact: string): Promise<T>;
  stop(): Promise<void>;
}

/** A real reference server on loopback with a fresh SQLite file. */
export async function testServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gu-server-test-'));
  const running = await startServer({ dataDir, operatorToken: 'operator-test', alwaysOpen: true, rateLimit: 10_000, testHooks: true, ...options });
  const open: TestServer['open'] = async (number, contact) => {
    const response = await fetch(`${running.url}/api/tickets/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ number, contact }) });
    if (response.status !== 200) throw Object.assign(new Error(`lookup ${response.status}`), { status: response.status });
    return (await response.json()) as Awaited<ReturnType<TestServer['open']>>;
  };
  return {
    ...running,
    dataDir,
    post: (path, body, headers = {}) =>
      fetch(running.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    get: (path, headers = {}) => fetch(running.url + path, { headers }),
    open,
    async ticket(number, contact) {
      const { token } = await open(number, contact);
      return (await (await fetch(`${running.url}/api/tickets/${number}`, { headers: { 'X-Ticket-Token': token } })).json()) as never;
    },
    stop: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let keyCounter = 0;
export function newKey(): string {
  return `test-key-${Date.now()}-${++keyCounter}`;
}

export function validTicket(overrides: Record<string, unknown> = {}) {
  return {
    topic: 'login',
    title: 'Ошибка 401 при входе',
    description: 'После ввода пароля появляется ошибка 401 и вход не выполняется.',
    contact: { phone: '+7 912 345-67-89', email: 'ivanov@mail.ru', snils: '112-233-445 95' },
    consent: { version: '2025-09-01', givenAt: new Date().toISOString() },
    ...overrides,
  };
}

/** The number format of src/core/validate/ticket-number.ts. */
export const NUMBER = /^\d{4}-\d{4}-\d{4}$/;

/** A minimal valid PNG (1×1) and a fake executable with a .png name. */
export const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

export function multipart(payload: unknown, files: { name: string; type: string; data: Buffer }[]): FormData {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return form;
}

/** Debian's Chromium through Playwright, as the browser tests of the server's pages use it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
