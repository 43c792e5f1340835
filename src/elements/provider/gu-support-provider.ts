import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { adapterContext, configContext, type KitConfig } from '../../context.js';
import type { SupportAdapter } from '../../core/adapter/types.js';
import { RestAdapter } from '../../core/adapter/rest.js';
import { tokens } from '../../theme/tokens.js';
import { define } from '../internal/gu-element.js';

/**
 * Shares one adapter, language and theme with every kit element inside it, so a page
 * configures the backend once. Renders nothing of its own.
 *
 * @summary Configuration for the GU Support Kit elements inside it.
 * @slot - The kit elements (and anything else).
 * @cssprop --gu-color-primary - Main colour of buttons and links (default #0d4cd3).
 * @cssprop --gu-color-text - Text colour.
 * @cssprop --gu-color-error - Colour of error messages and borders.
 * @cssprop --gu-font-family - Font of every element.
 * @cssprop --gu-font-size - Base font size.
 * @cssprop --gu-radius - Corner radius of fields and buttons.
 */
export class GuSupportProvider extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** Base URL of a backend speaking docs/api.md. */
  @property() endpoint?: string;

  /** Any object implementing `SupportAdapter`; wins over `endpoint`. */
  @property({ attribute: false }) adapter?: SupportAdapter;

  /** `low-vision` switches every element inside on to large type and high contrast. */
  @property({ reflect: true }) theme?: string;

  /** Version of the host application, sent in the technical context of requests. */
  @property({ attribute: 'app-version' }) appVersion?: string;

  /** Returns the signed-in user's bearer token for the REST adapter (for «Мои обращения»). */
  @property({ attribute: false }) getToken?: () => string | null | Promise<string | null>;

  @provide({ context: adapterContext }) protected providedAdapter?: SupportAdapter;
  @provide({ context: configContext }) protected providedConfig: KitConfig = {};

  protected override willUpdate(): void {
    const lang = this.getAttribute('lang') ?? undefined;
    this.providedAdapter = this.adapter ?? (this.endpoint ? new RestAdapter({ endpoint: this.endpoint, lang, getToken: this.getToken }) : undefined);
    this.providedConfig = { lang, theme: this.theme, appVersion: this.appVersion };
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

define('gu-support-provider', GuSupportProvider);

declare global {
  interface HTMLElementTagNameMap {
    'gu-support-provider': GuSupportProvider;
  }
}
