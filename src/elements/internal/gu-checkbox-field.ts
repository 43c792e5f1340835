import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { GuFormControl } from './form-control.js';
import { define } from '../../define.js';

/**
 * A checkbox whose label is its slotted content (so it may hold links), with inline error.
 * `value` is `on` when checked and '' otherwise. Internal: not public API.
 */
export class GuCheckboxField extends GuFormControl {
  static override styles = [
    ...GuFormControl.styles,
    css`
      .row {
        display: flex;
        gap: calc(var(--_space) * 1.5);
        align-items: flex-start;
      }
      input[type='checkbox'] {
        flex: none;
        width: 28px;
        height: 28px;
        min-height: 0;
        margin: 0;
        accent-color: var(--_primary);
      }
      label {
        font-weight: 400;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    checked: { type: Boolean, reflect: true },
  };

  checked = false;
  private get control(): HTMLInputElement | null {
    return this.shadowRoot?.querySelector<HTMLInputElement>('#control') ?? null;
  }


  protected get focusTarget(): HTMLElement | null {
    return this.control;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('checked')) this.value = this.checked ? 'on' : '';
    super.willUpdate(changed as never);
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.checked = false;
  }

  protected override render() {
    const describedBy = this.describedBy();
    return html`<div class="control">
      ${this.renderHintAndError()}
      <div class="row">
        <input
          id="control"
          type="checkbox"
          name=${this.name}
          .checked=${this.checked}
          ?required=${this.required}
          ?disabled=${this.disabled}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${this.showsError ? 'true' : 'false'}
          @change=${(e: Event) => {
            this.checked = (e.target as HTMLInputElement).checked;
            // The value now, not at the next render: the form re-checks its error summary on this event.
            this.value = this.checked ? 'on' : '';
            this.touched = true;
            this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
          }}
        />
        <label for="control"><slot></slot></label>
      </div>
    </div>`;
  }
}

define('gu-checkbox-field', GuCheckboxField);

declare global {
  interface HTMLElementTagNameMap {
    'gu-checkbox-field': GuCheckboxField;
  }
}
