import type { Draft, Drafts, StoredFile } from '../../../core/outbox/index.js';
import { isQuotaError } from '../../../core/outbox/quota.js';
import { commonStrings } from '../../../core/i18n/catalogues/common.js';
import type { GuElement } from '../base/gu-element.js';
import { dateTimeFormat } from '../../../core/i18n/formats.js';

/**
 * Saves what the citizen writes as they type (debounced) and restores it on return, with a short
 * status line («Черновик сохранён»). `clean` decides what may be stored: secrets the PII guard
 * finds never reach IndexedDB, and consent is never part of a draft.
 */
export class DraftController {
  /** «Черновик сохранён в этом браузере», «Черновик восстановлен …», or ''. */
  status = '';

  constructor(
    private readonly host: GuElement,
    private readonly drafts: () => Drafts | undefined,
    private readonly key: () => string,
    private readonly clean: (values: Record<string, string>) => Record<string, string>,
  ) {}

  /** Saves soon; empty values are left out. Does nothing where storage is unavailable. */
  save(values: Record<string, string | undefined>, files: StoredFile[]): void {
    const drafts = this.drafts();
    if (!drafts) return;
    const filled = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
    drafts.saveSoon(this.key(), this.clean(filled), files).then(
      () => this.setStatus(commonStrings.t(this.host.locale, 'draft.saved')),
      (error: unknown) => this.setStatus(isQuotaError(error) ? commonStrings.t(this.host.locale, 'draft.notSaved') : ''),
    );
  }

  /** The stored draft (status says when it was saved), `expired`, or undefined. */
  async load(): Promise<Draft | 'expired' | undefined> {
    const draft = await this.drafts()?.load(this.key()).catch(() => undefined);
    if (draft && draft !== 'expired') {
      const time = dateTimeFormat(this.host.locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(draft.savedAt);
      this.setStatus(commonStrings.t(this.host.locale, 'draft.restored', { time }));
    }
    return draft;
  }

  /** Forgets the draft (the request was queued or sent, or the citizen cleared it). */
  async clear(): Promise<void> {
    this.setStatus('');
    await this.drafts()?.delete(this.key());
  }

  private setStatus(status: string): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
