import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { visibleLength } from '../../core/validate/graphemes.js';
import { buttons } from '../../theme/tokens.js';
import { GuFormControl } from './form-control.js';
import { define } from '../../define.js';

/** How long the screen-reader count waits after the last keystroke (USWDS character count). */
const COUNT_ANNOUNCE_DELAY_MS = 1000;

/**
 * A text input or textarea with label, hint, inline error, optional character counter and
 * an optional validator whose canonical value replaces the text when the user leaves the field
 * (so typing is never fought: no mask moves the caret, paste works as is).
 * Internal: not public API.
 */
export class GuTextField extends GuFormControl {
  static override styles = [
    ...GuFormControl.styles,
    buttons,
    css`
      textarea {
        min-height: 10em;
        resize: vertical;
      }
      .count {
        display: block;
        margin-block-start: calc(var(--_space) / 2);
        color: var(--_text-secondary);
      }
      .count.over {
        color: var(--_error);
        font-weight: 600;
      }
      .warning {
        margin-block-start: calc(var(--_space) / 2);
        padding: var(--_space);
        background: var(--_warning-bg);
        border-radius: var(--_radius);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    type: {},
    multiline: { type: Boolean },
    maxChars: { type: Number, attribute: 'max-chars' },
    autocomplete: {},
    inputmode: {},
    formatOnBlur: { type: Boolean, attribute: 'format-on-blur' },
    announcedCount: { state: true },
  };

  /** `text`, `tel`, `email`. */
  type: 'text' | 'tel' | 'email' = 'text';
  multiline = false;
  /** Visible character limit with a counter (the value may go over; the validator refuses it). */
  maxChars?: number;
  autocomplete?: string;
  inputmode?: string;
  /** Replace the text with the validator's canonical form when the user leaves the field. */
  formatOnBlur = false;

  private announcedCount = '';
  private get control(): HTMLInputElement | HTMLTextAreaElement | null {
    return this.shadowRoot?.querySelector<HTMLInputElement | HTMLTextAreaElement>('#control') ?? null;
  }

  private countTimer?: ReturnType<typeof setTimeout>;

  protected get focusTarget(): HTMLElement | null {
    return this.control;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
  }

  private countText(): string {
    if (!this.maxChars) return '';
    const left = this.maxChars - visibleLength(this.value);
    return left >= 0 ? this.t('field.charsLeft', { n: left }) : this.t('field.charsOver', { n: -left });
  }

  protected override onInput(value: string): void {
    super.onInput(value);
    if (this.maxChars) {
      clearTimeout(this.countTimer);
      this.countTimer = setTimeout(() => (this.announcedCount = this.countText()), COUNT_ANNOUNCE_DELAY_MS);
    }
  }

  protected override onBlur(event?: FocusEvent): void {
    if (this.formatOnBlur && this.value.trim()) {
      const result = this.validator?.(this.value, this.locale);
      if (result?.ok && result.value !== this.value) this.value = result.value;
    }
    super.onBlur(event);
  }

  private useSuggestion(suggestion: string): void {
    this.value = suggestion;
    this.warning = undefined;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.focus();
  }

  protected override render() {
    const count = this.countText();
    const over = Boolean(this.maxChars && visibleLength(this.value) > this.maxChars);
    const common = {
      describedBy: this.describedBy(...(count ? ['count'] : []), ...(this.warning ? ['warning'] : [])),
      invalid: this.showsError ? 'true' : 'false',
    };
    return html`<div class="control">
      ${this.renderLabel('control')} ${this.renderHintAndError()}
      ${this.multiline
        ? html`<textarea
            id="control"
            name=${this.name}
            .value=${live(this.value)}
            ?required=${this.required}
            ?disabled=${this.disabled}
            autocomplete=${ifDefined(this.autocomplete)}
            aria-describedby=${common.describedBy || nothing}
            aria-invalid=${common.invalid}
            @input=${(e: Event) => this.onInput((e.target as HTMLTextAreaElement).value)}
            @blur=${this.onBlur}
          ></textarea>`
        : html`<input
            id="control"
            name=${this.name}
            type=${this.type}
            .value=${live(this.value)}
            ?required=${this.required}
            ?disabled=${this.disabled}
            autocomplete=${ifDefined(this.autocomplete)}
            inputmode=${ifDefined(this.inputmode)}
            spellcheck=${this.type === 'text' ? nothing : 'false'}
            aria-describedby=${common.describedBy || nothing}
            aria-invalid=${common.invalid}
            @input=${(e: Event) => this.onInput((e.target as HTMLInputElement).value)}
            @blur=${this.onBlur}
          />`}
      ${count ? html`<span class="count ${over ? 'over' : ''}" id="count" aria-hidden="true">${count}</span>
            <span class="visually-hidden" aria-live="polite">${this.announcedCount}</span>` : nothing}
      ${this.warning
        ? html`<div class="warning" id="warning" role="status">
            ${this.warning.message}
            ${this.warning.suggestion
              ? html` <button type="button" class="link-button" @click=${() => this.useSuggestion(this.warning!.suggestion!)}>
                  ${this.t('field.useSuggestion', { suggestion: this.warning.suggestion })}
                </button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }
}

define('gu-text-field', GuTextField);

declare global {
  interface HTMLElementTagNameMap {
    'gu-text-field': GuTextField;
  }
}
