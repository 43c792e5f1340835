import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Tokens printed in old READMEs or used by tests: never good enough off this machine. */
const KNOWN_WEAK = new Set(['operator-demo', 'operator-test', 'operator', 'changeme', 'secret', 'password', 'token', 'admin']);
/** Shorter operator tokens are refused on any address but loopback. */
export const MIN_PUBLIC_TOKEN_LENGTH = 24;

/** Equal strings, compared in constant time whatever their lengths (both are hashed first). */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  const a = createHash('sha256').update(given ?? '').digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given !== null && given !== undefined;
}

export function weakToken(token: string): boolean {
  return token.length < MIN_PUBLIC_TOKEN_LENGTH || KNOWN_WEAK.has(token.toLowerCase());
}

/** 127.0.0.0/8, ::1 and `localhost`: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * A secret kept in the data directory (mode 0600), created with `create` on first start.
 * Returns the value and whether this start created it (so it can be printed once).
 */
export function fileSecret(dataDir: string, name: string, create: () => string): { value: string; created: boolean; path: string } {
  const path = join(dataDir, name);
  try {
    const value = readFileSync(path, 'utf8').trim();
    if (value) return { value, created: false, path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // a new data directory is the service user's alone
  const value = create();
  try {
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true, path };
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { value: readFileSync(path, 'utf8').trim(), created: false, path };
    throw error;
  }
}

export const newOperatorToken = (): string => randomBytes(24).toString('base64url');
export const newServerSecret = (): string => randomBytes(32).toString('hex');
