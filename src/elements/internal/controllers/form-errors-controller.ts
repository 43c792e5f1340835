import type { ReactiveControllerHost } from 'lit';
import type { FieldError } from '../../../core/adapter/errors.js';
import type { GuFormControl } from '../form-control.js';
import type { SummaryItem } from '../error-summary.js';

/** A field's own errors beyond its validity (e.g. each refused file). */
export type ExtraErrors = (field: string, element: GuFormControl) => string[];

/**
 * The fields of a form and its GOV.UK error summary: finds each field by its `data-field` key
 * (the request's JSON path, so the server's field errors land on it), collects every error on
 * submit in field order with the same words as inline, puts server field errors on their
 * fields, and moves focus to the summary or a field.
 */
export class FormErrorsController {
  /** What the summary lists now. */
  items: SummaryItem[] = [];
  private extra: ExtraErrors = () => [];

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment; updateComplete: Promise<boolean> },
    private readonly order: readonly string[],
  ) {}

  get fields(): GuFormControl[] {
    return [...this.host.renderRoot.querySelectorAll<GuFormControl>('[data-field]')];
  }

  field(key: string): GuFormControl | undefined {
    return this.fields.find((element) => element.dataset.field === key);
  }

  /**
   * Shows every field's error (as if each was left) and lists them in field order. `extra` adds
   * errors a field's validity does not hold; an extra error of a valid field is also shown inline.
   */
  collect(extra: ExtraErrors = () => []): SummaryItem[] {
    this.extra = extra;
    const items: SummaryItem[] = [];
    for (const key of this.order) {
      const element = this.field(key);
      if (!element) continue;
      element.reportValidity();
      for (const message of this.messagesOf(key, element)) {
        if (message !== element.validationMessage) element.setExternalError(message);
        items.push({ field: key, message });
      }
    }
    this.set(items);
    return items;
  }

  /** A field's own error and its extra ones, each once. */
  private messagesOf(key: string, element: GuFormControl): string[] {
    return [...new Set([element.validationMessage, ...this.extra(key, element)].filter(Boolean))];
  }

  /**
   * Keeps the summary true while the citizen corrects the fields it lists: an entry goes as soon
   * as its field is valid, and follows its field's message when that changes. New errors join
   * only on the next submit.
   */
  refresh(): void {
    if (!this.items.length) return;
    const listed = new Set(this.items.map((item) => item.field));
    const items = this.order.flatMap((key) => {
      const element = listed.has(key) ? this.field(key) : undefined;
      return element ? this.messagesOf(key, element).map((message) => ({ field: key, message })) : [];
    });
    if (JSON.stringify(items) !== JSON.stringify(this.items)) this.set(items);
  }

  /** Puts the server's field errors on their fields (unknown fields go to the first one). */
  applyServerErrors(errors: readonly FieldError[]): void {
    for (const error of errors) this.field(error.field)?.setExternalError(error.detail);
    this.set(errors.map((error) => ({ field: this.field(error.field) ? error.field : this.order[0]!, message: error.detail })));
  }

  set(items: SummaryItem[]): void {
    this.items = items;
    this.host.requestUpdate();
  }

  /** Removes entries (e.g. a PII message once the fragment was removed). */
  drop(predicate: (item: SummaryItem) => boolean): void {
    if (this.items.some(predicate)) this.set(this.items.filter((item) => !predicate(item)));
  }

  clear(): void {
    this.set([]);
  }

  /** Focuses the summary after it rendered (the GOV.UK pattern on a failed submit). */
  async focusSummary(fallbackSelector = ''): Promise<void> {
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    (root.querySelector<HTMLElement>('.error-summary') ?? (fallbackSelector ? root.querySelector<HTMLElement>(fallbackSelector) : null))?.focus();
  }

  focusField(key: string): void {
    const element = this.field(key);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }
}
