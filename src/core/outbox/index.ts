export { Outbox, clearLocalData, type OutboxOptions } from './outbox.js';
export { acquireOutbox, type AcquireOutboxOptions, type OutboxLease, type SharedOutbox } from './service.js';
export type { OutboxEvent, OutboxEventFilter } from './events.js';
export {
  shippedSenders,
  type ArticleFeedbackPayload,
  type ChatMessagePayload,
  type ChatRatingPayload,
  type OutboxKind,
  type OutboxKinds,
  type Sender,
  type SenderRegistry,
} from './senders/index.js';
export { Drafts } from './drafts.js';
export { backoffDelay } from './backoff.js';
export { DB_NAME, DB_VERSION, DEFAULT_RETENTION_MS, openKitDb } from './db.js';
export { isQuotaError } from './quota.js';
export type { OutboxRecord, Draft, Receipt, ReceiptOf, StoredFile, FileInfo, LastError, RecordState } from './db.js';
