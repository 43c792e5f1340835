export { Outbox, clearLocalData, type Sender, type OutboxEvent, type OutboxOptions } from './outbox.js';
export { Drafts } from './drafts.js';
export { backoffDelay } from './backoff.js';
export { sendTicket } from './senders.js';
export { DB_NAME, DB_VERSION, DEFAULT_RETENTION_MS, openKitDb } from './db.js';
export { isQuotaError } from './quota.js';
export type { OutboxRecord, Draft, Receipt, StoredFile, FileInfo, LastError, RecordState } from './db.js';
