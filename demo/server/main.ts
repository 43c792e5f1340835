/**
 * The reference backend: `tsx demo/server/main.ts [--port 8080] [--data DIR] [--test-hooks]`.
 * Environment: PORT, HOST, GU_DATA_DIR, GU_OPERATOR_TOKEN, GU_CORS_ORIGINS (comma list), GU_HOURS=hotline.
 * Prints one JSON line `{"url": …}` first, so scripts can read where it listens.
 */
import { parseArgs } from 'node:util';
import { startServer } from './app.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'test-hooks': { type: 'boolean', default: false },
    'rate-limit': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const running = await startServer({
  port: Number(values.port ?? process.env.PORT ?? 8080),
  host: values.host ?? process.env.HOST ?? '127.0.0.1',
  dataDir: values.data ?? process.env.GU_DATA_DIR,
  operatorToken: process.env.GU_OPERATOR_TOKEN ?? 'operator-demo',
  corsOrigins: process.env.GU_CORS_ORIGINS?.split(',').filter(Boolean),
  alwaysOpen: process.env.GU_HOURS !== 'hotline',
  testHooks: values['test-hooks'],
  rateLimit: values['rate-limit'] ? Number(values['rate-limit']) : undefined,
});

console.log(JSON.stringify({ url: running.url, operatorToken: running.operatorToken }));
if (!values.quiet) {
  console.log(`\nGU Support Kit demo:     ${running.url}/`);
  console.log(`Operator console:        ${running.url}/operator/   (token: ${running.operatorToken})\n`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
