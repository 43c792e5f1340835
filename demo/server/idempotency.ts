import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { HttpError, PROBLEM } from './http.js';

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** A stable hash of a request's JSON and its files, to tell a replay from a reuse of the key. */
export function requestHash(payload: unknown, fileHashes: string[] = []): string {
  return createHash('sha256').update(JSON.stringify(payload ?? null)).update(fileHashes.join(',')).digest('hex');
}

/**
 * Runs `create` at most once per (scope, key): a replay with the same request gets the stored
 * response, a different request under the same key gets 422. Runs inside one SQLite transaction,
 * so two concurrent requests with the same key cannot both create.
 */
export function once(db: Db, scope: string, key: string, hash: string, create: () => { status: number; body: unknown }): StoredResponse {
  return db.transaction((): StoredResponse => {
    const row = db.prepare('SELECT request_hash, status, body FROM idempotency WHERE scope = ? AND key = ?').get(scope, key) as
      | { request_hash: string; status: number; body: string }
      | undefined;
    if (row) {
      if (row.request_hash !== hash) {
        throw new HttpError(422, PROBLEM.idempotencyReuse, 'Этот Idempotency-Key уже использован для другого запроса');
      }
      return { status: row.status === 201 ? 200 : row.status, body: JSON.parse(row.body), replayed: true };
    }
    const result = create();
    db.prepare('INSERT INTO idempotency (scope, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      scope,
      key,
      hash,
      result.status,
      JSON.stringify(result.body),
      new Date().toISOString(),
    );
    return { ...result, replayed: false };
  }).immediate();
}

/** Forgets keys older than the retention (at least the kit's outbox retention, 7 days by default). */
export function purgeIdempotency(db: Db, retentionMs: number): number {
  const cutoff = new Date(Date.now() - retentionMs).toISOString();
  return db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(cutoff).changes;
}
