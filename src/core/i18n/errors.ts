import type { AdapterError } from '../adapter/errors.js';
import type { ErrorKind } from '../../events/gu-error.js';
import { translate, type MessageKey } from './translate.js';

/** The words for each kind of failure; an element may name its own keys for some kinds. */
export type ErrorMessages = Record<ErrorKind, MessageKey>;

export const COMMON_ERROR_MESSAGES: ErrorMessages = {
  offline: 'error.offline',
  timeout: 'error.timeout',
  server: 'error.server',
  'rate-limited': 'error.rateLimited',
  rejected: 'error.rejected',
  'not-found': 'error.notFound',
  unauthorized: 'error.unauthorized',
  'no-adapter': 'error.noAdapter',
  'no-slice': 'error.noSlice',
};

/** What to tell the citizen about a failure, in plain words, with the wait when the server gave one. */
export function errorText(lang: string, kind: ErrorKind, error?: AdapterError, messages: Partial<ErrorMessages> = {}): string {
  const key = messages[kind] ?? COMMON_ERROR_MESSAGES[kind];
  const seconds = Math.ceil((error?.details.retryAfterMs ?? 30_000) / 1000);
  return translate(lang, key, { wait: translate(lang, 'common.seconds', { n: seconds }) });
}
