/**
 * The reference backend: `tsx demo/server/main.ts [--port 8080] [--host 127.0.0.1] [--data DIR] [--test-hooks]`.
 * Environment: PORT, HOST, GU_DATA_DIR, GU_OPERATOR_TOKEN, GU_CORS_ORIGINS (comma list),
 * GU_HOURS=hotline, GU_TRUST_PROXY (number of proxies in front), GU_MAX_CONNECTIONS_PER_CLIENT,
 * GU_MAX_UPLOADS, GU_BODY_IDLE_MS. See "Deploying the reference server" in docs/api.md.
 * Prints one JSON line `{"url": …}` first, so scripts can read where it listens.
 */
import { parseArgs } from 'node:util';
import { installLastResort, startServer } from './app.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'test-hooks': { type: 'boolean', default: false },
    'rate-limit': { type: 'string' },
    'lookup-failures': { type: 'string' },
    'body-idle-ms': { type: 'string' },
    'min-body-rate': { type: 'string' },
    'max-uploads': { type: 'string' },
    'max-connections': { type: 'string' },
    'headers-timeout-ms': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const num = (value: string | undefined): number | undefined => (value === undefined || value === '' ? undefined : Number(value));
const defined = <T extends object>(object: T): Partial<T> => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;

installLastResort();

let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer({
    port: Number(values.port ?? process.env.PORT ?? 8080),
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    dataDir: values.data ?? process.env.GU_DATA_DIR,
    operatorToken: process.env.GU_OPERATOR_TOKEN || undefined,
    corsOrigins: process.env.GU_CORS_ORIGINS?.split(',').filter(Boolean),
    alwaysOpen: process.env.GU_HOURS !== 'hotline',
    testHooks: values['test-hooks'],
    rateLimit: num(values['rate-limit']),
    lookupFailures: num(values['lookup-failures']),
    trustProxy: num(process.env.GU_TRUST_PROXY),
    headersTimeoutMs: num(values['headers-timeout-ms']),
    guard: defined({
      bodyIdleMs: num(values['body-idle-ms'] ?? process.env.GU_BODY_IDLE_MS),
      bodyGraceMs: num(values['body-idle-ms'] ?? process.env.GU_BODY_IDLE_MS),
      minBodyBytesPerSecond: num(values['min-body-rate']),
      maxConcurrentUploads: num(values['max-uploads'] ?? process.env.GU_MAX_UPLOADS),
      maxConnectionsPerClient: num(values['max-connections'] ?? process.env.GU_MAX_CONNECTIONS_PER_CLIENT),
    }),
  });
} catch (error) {
  console.error(`GU Support Kit server not started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

console.log(JSON.stringify({ url: running.url, ...(running.operatorTokenFile ? { operatorTokenFile: running.operatorTokenFile } : {}) }));
if (!values.quiet) {
  console.log(`\nGU Support Kit demo:     ${running.url}/`);
  if (running.operatorTokenCreated) {
    console.log(`Operator console:        ${running.url}/operator/`);
    console.log(`Operator token (shown once, kept in ${running.operatorTokenFile}):\n  ${running.operatorToken}\n`);
  } else if (running.operatorTokenFile) {
    console.log(`Operator console:        ${running.url}/operator/   (token in ${running.operatorTokenFile})\n`);
  } else console.log(`Operator console:        ${running.url}/operator/   (token from GU_OPERATOR_TOKEN)\n`);
  for (const dir of running.missingPublic) console.log(`Not served: ${dir} does not exist (run \`npm run build\`, then restart)`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
