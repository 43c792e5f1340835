import { findSensitive, foundLabels, removeFragments, type SensitiveFragment } from '../../core/validate/text.js';
import type { FormValues } from '../../core/ticket-fields.js';
import type { GuSupportForm } from './gu-support-form.js';

/** The free-text fields the guard reads. */
const TEXT_FIELDS = ['title', 'description'] as const;

/**
 * Passwords, card numbers and codes in the title or description: found as the citizen types,
 * removed in one click, never stored in a draft (the fragment is cut out of what is saved).
 * No «not a secret» way round it: the server runs the same guard and would refuse the request.
 */
export class PiiGuard {
  /** The kinds of secret last announced, so a screen reader hears each change once. */
  private announced = '';

  constructor(private readonly form: GuSupportForm) {}

  private find(values: FormValues): SensitiveFragment[] {
    return findSensitive(`${values.title ?? ''}\n${values.description ?? ''}`, this.form.locale);
  }

  /** What to warn about now. */
  get active(): SensitiveFragment[] {
    return this.find(this.form.state.values);
  }

  /**
   * Called as the citizen types: says politely, once per change of what kinds of secret are in
   * the text, what was found, never the secret itself (the visible warning is not a live region).
   */
  changed(): void {
    const kinds = foundLabels(this.active);
    if (kinds === this.announced) return;
    this.announced = kinds;
    if (kinds) this.form.sender.announce(`${this.form.t('form.pii.title')}. ${this.form.t('form.pii.text', { found: kinds })}`);
  }

  /** «Удалите из описания пароль …»: the same words inline and in the error summary. */
  message(found = this.active): string {
    return found.length ? this.form.t('form.pii.error', { found: foundLabels(found) }) : '';
  }

  /** The values without any secret the guard finds: what a draft may keep. */
  clean(values: Record<string, string>): Record<string, string> {
    const cleaned = { ...values };
    for (const field of TEXT_FIELDS) if (cleaned[field]) cleaned[field] = removeFragments(cleaned[field], findSensitive(cleaned[field], this.form.locale));
    return cleaned;
  }

  /** «Удалить из текста»: cuts the fragments out of the form and saves the draft again. */
  remove(): void {
    const message = this.message();
    const values = { ...this.form.state.values };
    for (const field of TEXT_FIELDS) values[field] = removeFragments(values[field] ?? '', findSensitive(values[field] ?? '', this.form.locale));
    this.form.update$({ values });
    this.form.behaviour!.errors.drop((item) => item.field === 'description' && item.message === message);
    this.form.sender.announce(this.form.t('form.pii.remove'));
    this.form.saveDraft();
  }

  reset(): void {
    this.announced = '';
  }
}
