import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../demo/server/app.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** A real reference server on loopback with a fresh SQLite file. */
export async function testServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gu-server-test-'));
  const running = await startServer({ dataDir, operatorToken: 'operator-test', alwaysOpen: true, rateLimit: 10_000, testHooks: true, ...options });
  return {
    ...running,
    dataDir,
    post: (path, body, headers = {}) =>
      fetch(running.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    get: (path, headers = {}) => fetch(running.url + path, { headers }),
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

/** A minimal valid PNG (1×1) and a fake executable with a .png name. */
export const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

export function multipart(payload: unknown, files: { name: string; type: string; data: Buffer }[]): FormData {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return form;
}
