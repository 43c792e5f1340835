// Starts demo/server in a child process (fresh SQLite, test hooks, CORS for a bench page) for benchmarks.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export async function startReferenceServer(dataDir) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts', '--port', '0', '--data', dataDir, '--test-hooks', '--quiet', '--rate-limit', '100000000'], {
    env: { ...process.env, GU_CORS_ORIGINS: '*' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line).url));
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}
