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
    const items: SummaryItem[] = [];
    for (const key of this.order) {
      const element = this.field(key);
      if (!element) continue;
      element.reportValidity();
      if (element.validationMessage) items.push({ field: key, message: element.validationMessage });
      for (const message of extra(key, element)) {
        if (!element.validationMessage) element.setExternalError(message);
        if (!items.some((item) => item.field === key && item.message === message)) items.push({ field: key, message });
      }
    }
    this.set(items);
    return items;
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

  /** Removes entries (e.g. a warning the citizen dismissed). */
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
