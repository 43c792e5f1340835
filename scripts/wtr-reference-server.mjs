// Gives browser tests a real reference server on loopback: a child process running
// demo/server/main.ts with a fresh SQLite database, test hooks and CORS for the test page.
// One server per browser, so Chromium and Firefox running side by side never see each
// other's tickets or stops. Tests call
// executeServerCommand('reference-server', { action: 'start' | 'stop' | 'restart', fresh? }).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

class ReferenceServer {
  child = null;
  url = null;
  port = 0;
  dataDir = null;

  async start(fresh) {
    if (this.child) return this.url;
    if (fresh || !this.dataDir) {
      if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
      this.dataDir = mkdtempSync(join(tmpdir(), 'gu-e2e-'));
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts', '--port', String(this.port), '--data', this.dataDir, '--test-hooks', '--quiet', '--rate-limit', '100000'], {
      env: { ...process.env, GU_CORS_ORIGINS: '*', GU_OPERATOR_TOKEN: 'operator-test' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    const lines = createInterface({ input: child.stdout });
    this.url = await new Promise((resolve, reject) => {
      lines.once('line', (line) => resolve(JSON.parse(line).url));
      child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
    });
    this.port = Number(new URL(this.url).port); // a restart listens on the same port, like a real server coming back
    return this.url;
  }

  async stop() {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  async dispose() {
    await this.stop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export function referenceServerPlugin() {
  const servers = new Map();
  const serverFor = (session) => {
    const key = session?.browser?.name ?? 'default';
    if (!servers.has(key)) servers.set(key, new ReferenceServer());
    return servers.get(key);
  };

  return {
    name: 'reference-server',
    async executeCommand({ command, payload, session }) {
      if (command !== 'reference-server') return undefined;
      const server = serverFor(session);
      const action = payload?.action ?? 'start';
      if (action === 'start') return { url: await server.start(Boolean(payload?.fresh)) };
      if (action === 'stop') {
        await server.stop();
        return { url: server.url };
      }
      if (action === 'restart') {
        await server.stop();
        return { url: await server.start(false) };
      }
      throw new Error(`unknown action ${action}`);
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((s) => s.dispose()));
    },
  };
}
