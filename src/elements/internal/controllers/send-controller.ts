import { AdapterError, isAdapterError } from '../../../core/adapter/errors.js';
import { errorText, type ErrorMessages } from '../../../core/i18n/errors.js';
import type { ErrorDetail, ErrorKind } from '../../../events/gu-error.js';
import type { GuElement } from '../base/gu-element.js';

/**
 * The sending state every element shares: upload progress, the words of the
 * last failure (one text per `AdapterError` kind, in the element's language) and a polite status
 * line for screen readers. `run` keeps one Idempotency-Key for every retry of the same content
 * while the outcome is unknown (timeout, lost answer), so a resend never creates a second record
 * on the server.
 */
export class SendController {
  /** Upload progress 0…1 while sending with files. */
  progress = 0;
  /** The last failure in plain words; empty when none. */
  failure = '';
  /** Text for the element's polite live region. */
  status = '';
  /** The last failure, for its field errors. */
  lastError?: AdapterError;
  private pending?: { key: string; idempotencyKey: string; payload: unknown };

  constructor(
    private readonly host: GuElement,
    private readonly messages: Partial<ErrorMessages> = {},
  ) {}

  /** Says something through the live region (and re-renders). */
  announce(text: string): void {
    this.status = text;
    this.host.requestUpdate();
  }

  /** What was sent with an unknown outcome (timeout, lost answer), if anything. */
  get uncertain(): unknown {
    return this.pending?.payload;
  }

  /**
   * Runs one sending attempt of `payload`, whose content is identified by `key`. While an earlier
   * attempt of the same content has an unknown outcome, that exact payload is sent again under
   * its Idempotency-Key, so the server answers with what it may have created already. Resolves
   * with the result, or undefined after a failure that was shown (`gu-error` fired). Errors that
   * are not an `AdapterError` are bugs and are thrown.
   */
  async run<P, R>(key: string, payload: P, sendingText: string, attempt: (payload: P, idempotencyKey: string, onProgress: (fraction: number) => void) => Promise<R>): Promise<R | undefined> {
    if (this.pending?.key !== key) this.pending = { key, idempotencyKey: crypto.randomUUID(), payload };
    const { idempotencyKey } = this.pending;
    this.progress = 0;
    this.failure = '';
    this.lastError = undefined;
    this.announce(sendingText);
    try {
      const result = await attempt(this.pending.payload as P, idempotencyKey, (fraction) => {
        this.progress = fraction;
        this.host.requestUpdate();
      });
      this.pending = undefined;
      return result;
    } catch (error) {
      if (!isAdapterError(error)) throw error;
      // A definite refusal frees the key for corrected content; anything else may have arrived.
      if (error.kind === 'rejected') this.pending = undefined;
      this.fail(error);
      return undefined;
    } finally {
      this.host.requestUpdate();
    }
  }

  /** Shows a failure and fires the event (`gu-error`, or `gu-delivery-failed` for a stored request). */
  fail(error: AdapterError, kind: ErrorKind = error.kind, event: 'gu-error' | 'gu-delivery-failed' = 'gu-error'): ErrorDetail {
    this.lastError = error;
    this.failure = errorText(this.host.locale, kind, error, this.messages);
    this.announce(this.failure);
    const detail: ErrorDetail = { kind, message: this.failure, fieldErrors: error.fieldErrors };
    this.host.dispatchEvent(new CustomEvent(event, { detail, bubbles: true, composed: true }));
    return detail;
  }

  /**
   * No backend, or one without the slice this element needs: says so (an administrator's
   * mistake, in words a citizen can pass on).
   */
  failNoAdapter(kind: 'no-adapter' | 'no-slice' = 'no-adapter'): ErrorDetail {
    return this.fail(new AdapterError('not-found', kind), kind);
  }

  /** Clears the failure, the progress and the pending attempt (a new request). */
  reset(): void {
    this.failure = '';
    this.lastError = undefined;
    this.progress = 0;
    this.pending = undefined;
  }
}
