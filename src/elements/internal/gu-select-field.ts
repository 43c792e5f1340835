import { html, nothing, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { GuFormControl } from './form-control.js';
import { define } from '../../define.js';

export interface SelectOption {
  value: string;
  label: string;
}

/** A native select with label, hint and inline error. Internal: not public API. */
export class GuSelectField extends GuFormControl {
  static override properties: PropertyDeclarations = {
    options: { attribute: false },
    placeholder: {},
    busy: { type: Boolean },
  };

  options: SelectOption[] = [];
  /** The first, empty option («Выберите тему»). */
  placeholder = '';
  busy = false;

  private get control(): HTMLSelectElement | null {
    return this.shadowRoot?.querySelector<HTMLSelectElement>('#control') ?? null;
  }


  protected get focusTarget(): HTMLElement | null {
    return this.control;
  }

  protected override render() {
    const describedBy = this.describedBy();
    return html`<div class="control">
      ${this.renderLabel('control')} ${this.renderHintAndError()}
      <select
        id="control"
        name=${this.name}
        .value=${live(this.value)}
        ?required=${this.required}
        ?disabled=${this.disabled}
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        aria-invalid=${this.showsError ? 'true' : 'false'}
        @change=${(e: Event) => {
          this.onInput((e.target as HTMLSelectElement).value);
          this.onBlur();
        }}
        @blur=${this.onBlur}
      >
        <option value="" ?selected=${!this.value}>${this.placeholder}</option>
        ${this.options.map((o) => html`<option value=${o.value} ?selected=${o.value === this.value}>${o.label}</option>`)}
      </select>
    </div>`;
  }
}

define('gu-select-field', GuSelectField);

declare global {
  interface HTMLElementTagNameMap {
    'gu-select-field': GuSelectField;
  }
}
