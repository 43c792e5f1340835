import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { Validation, ValidationWarning } from '../../core/result.js';
import { GuElement } from './base/gu-element.js';
import { controls } from '../../theme/tokens.js';

/** Returns null when the value is fine, or a failed Validation / warning to show. */
export type FieldValidator = (value: string, lang: string) => Validation<string>;

/**
 * A form-associated field (ElementInternals): takes part in the surrounding <form>'s FormData,
 * validity, reset and autofill restore like a native input, but shows its own error text and
 * never the browser's pop-up. Errors show only after the user leaves the field or submits.
 */
export abstract class GuFormControl extends GuElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    ...GuElement.styles,
    controls,
    css`
      :host {
        display: block;
        margin-block-end: calc(var(--_space) * 3);
      }
      label,
      .label {
        display: block;
        font-weight: 600;
        margin-block-end: calc(var(--_space) / 2);
      }
      .optional {
        font-weight: 400;
        color: var(--_text-secondary);
      }
      .hint {
        display: block;
        color: var(--_text-secondary);
        margin-block-end: calc(var(--_space) / 2);
      }
      .error {
        display: block;
        color: var(--_error);
        font-weight: 600;
        margin-block-end: calc(var(--_space) / 2);
      }
      :host([data-invalid]) .control {
        border-left: 4px solid var(--_error);
        padding-left: calc(var(--_space) * 1.5);
      }
      input:focus-visible,
      textarea:focus-visible,
      select:focus-visible {
        box-shadow:
          inset 0 0 0 2px var(--_focus-dark),
          0 0 0 calc(var(--_focus-width) * 2) var(--_focus);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    label: {},
    hint: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    value: {},
    requiredMessageText: { attribute: 'required-message' },
    validator: { attribute: false },
    touched: { state: true },
    externalError: { state: true },
    warning: { state: true },
  };

  /** Field name in FormData. */
  name = '';
  /** Visible label. */
  label = '';
  /** Help text under the label. */
  hint = '';
  required = false;
  disabled = false;
  /** Current value. */
  value = '';
  /** What to say when the field is required and empty (a specific instruction, not «Заполните поле»). */
  requiredMessageText = '';
  /** Extra check after `required`: return a failed Validation to show its message. */
  validator?: FieldValidator;

  /** Whether the user changed the field and left it, or tried to submit (errors show only then). */
  protected touched = false;
  /** Whether the user changed the value here: tabbing through an untouched field shows no error. */
  private changedByUser = false;
  /** A message set from outside (e.g. the server refused the value), shown until the value changes. */
  protected externalError = '';
  protected warning?: ValidationWarning;

  protected readonly internals: ElementInternals = this.attachInternals();
  private initialValue = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.initialValue = this.getAttribute('value') ?? this.value;
  }

  /** The element that receives focus and anchors validity. */
  protected abstract get focusTarget(): HTMLElement | null;

  /** The message to show now, or '' (computed, not stored, so it always matches the value). */
  get validationMessage(): string {
    if (this.externalError) return this.externalError;
    return this.check().message;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  protected check(): { message: string; warning?: ValidationWarning } {
    if (this.disabled) return { message: '' };
    const text = this.value.trim();
    if (!text) return { message: this.required ? this.requiredMessage() : '' };
    const result = this.validator?.(this.value, this.locale);
    if (!result) return { message: '' };
    return result.ok ? { message: '', warning: result.warning } : { message: result.message };
  }

  /** What to say when a required field is empty; fields give a specific instruction. */
  protected requiredMessage(): string {
    const result = this.validator?.('', this.locale);
    return result && !result.ok ? result.message : this.requiredMessageText || this.t('common.required');
  }

  /** Shows the error (as on blur); returns true when the value is valid. */
  reportValidity(): boolean {
    this.touched = true;
    return !this.validationMessage;
  }

  checkValidity(): boolean {
    return !this.validationMessage;
  }

  /** Shows a message from elsewhere (the server) until the user changes the value. */
  setExternalError(message: string): void {
    this.externalError = message;
    this.touched = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && changed.get('value') !== undefined) this.externalError = '';
  }

  protected override updated(): void {
    const { message, warning } = this.externalError ? { message: this.externalError, warning: undefined } : this.check();
    this.warning = this.touched ? warning : undefined;
    this.internals.setFormValue(this.disabled ? null : this.value);
    if (message) this.internals.setValidity({ customError: true }, message, this.focusTarget ?? undefined);
    else this.internals.setValidity({});
    this.toggleAttribute('data-invalid', this.touched && Boolean(message));
  }

  override focus(options?: FocusOptions): void {
    this.focusTarget?.focus(options);
  }

  formResetCallback(): void {
    this.value = this.initialValue;
    this.touched = false;
    this.changedByUser = false;
    this.externalError = '';
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected onInput(value: string): void {
    this.value = value;
    this.changedByUser = true;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /**
   * Leaving a field the user changed shows its error (GOV.UK: not while merely tabbing through),
   * except when focus goes to a submit button: an error appearing now would push the button down
   * under the pointer and swallow the click. The submit shows every error (with the summary) a
   * moment later anyway.
   */
  protected onBlur(event?: FocusEvent): void {
    const next = event?.relatedTarget;
    if (this.changedByUser && !(next instanceof HTMLElement && next.getAttribute('type') === 'submit')) this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Label with the «(необязательно)» mark, hint and error, wired for aria-describedby. */
  protected renderLabel(forId: string): TemplateResult {
    // A no-break space: a plain one between the label and the mark is dropped from the accessible name.
    return html`<label for=${forId}>${this.label}${this.required ? nothing : html`<span class="optional">\u00a0${this.t('field.optional')}</span>`}</label>`;
  }

  protected renderHintAndError(): TemplateResult {
    const message = this.touched ? this.validationMessage : '';
    return html`${this.hint ? html`<span class="hint" id="hint">${this.hint}</span>` : nothing}
      ${message ? html`<span class="error" id="error"><span class="visually-hidden">${this.t('field.errorPrefix')} </span>${message}</span>` : nothing}`;
  }

  protected describedBy(...extra: string[]): string {
    const message = this.touched ? this.validationMessage : '';
    return [this.hint ? 'hint' : '', message ? 'error' : '', ...extra].filter(Boolean).join(' ');
  }

  protected get showsError(): boolean {
    return this.touched && Boolean(this.validationMessage);
  }
}
