// Gives browser tests a real reference server on loopback: a child process running
// demo/server/main.ts with a fresh SQLite database, test hooks and CORS for the test page.
// Tests call executeServerCommand('reference-server', { action: 'start' | 'stop' | 'restart' }).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export function referenceServerPlugin() {
  let child = null;
  let url = null;
  let port = 0;
  let dataDir = null;

  async function start(fresh) {
    if (child) return url;
    if (fresh || !dataDir) {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      dataDir = mkdtempSync(join(tmpdir(), 'gu-e2e-'));
    }
    child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts', '--port', String(port), '--data', dataDir, '--test-hooks', '--quiet', '--rate-limit', '100000'], {
      env: { ...process.env, GU_CORS_ORIGINS: '*', GU_OPERATOR_TOKEN: 'operator-test' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    url = await new Promise((resolve, reject) => {
      lines.once('line', (line) => resolve(JSON.parse(line).url));
      child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
    });
    port = Number(new URL(url).port); // a restart listens on the same port, like a real server coming back
    return url;
  }

  async function stop() {
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    child = null;
  }

  return {
    name: 'reference-server',
    async executeCommand({ command, payload }) {
      if (command !== 'reference-server') return undefined;
      const action = payload?.action ?? 'start';
      if (action === 'start') return { url: await start(Boolean(payload?.fresh)) };
      if (action === 'stop') return { url: await stop().then(() => url) };
      if (action === 'restart') {
        await stop();
        return { url: await start(false) };
      }
      throw new Error(`unknown action ${action}`);
    },
    async serverStop() {
      await stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
