import { ReactiveElement, css, type PropertyDeclarations } from '@lit/reactive-element';
import { ContextProvider } from '@lit/context';
import { adapterContext } from '../../context/adapter.js';
import { configContext, type KitConfig } from '../../context/config.js';
import { outboxContext, type OutboxSource } from '../../context/outbox.js';
import { lazy } from '../../core/lazy.js';
import type { SupportAdapter } from '../../core/adapter/types.js';
import { LazyRestAdapter } from '../../core/adapter/lazy-rest.js';
import { tokens } from '../../theme/tokens.js';
import { define } from '../../define.js';

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
export class GuSupportProvider extends ReactiveElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    endpoint: {},
    adapter: { attribute: false },
    theme: { reflect: true },
    appVersion: { attribute: 'app-version' },
    getToken: { attribute: false },
  };

  /** Base URL of a backend speaking docs/api.md. */
  endpoint?: string;

  /** Any object implementing `SupportAdapter`; wins over `endpoint`. */
  adapter?: SupportAdapter;

  /** `low-vision` switches every element inside on to large type and high contrast. */
  theme?: string;

  /** Version of the host application, sent in the technical context of requests. */
  appVersion?: string;

  /** Returns the signed-in user's bearer token for the REST adapter (for «Мои обращения»). */
  getToken?: () => string | null | Promise<string | null>;

  private readonly adapterProvider = new ContextProvider(this, { context: adapterContext });
  private readonly configProvider = new ContextProvider(this, { context: configContext, initialValue: {} as KitConfig });

  private rest?: { key: string; adapter: LazyRestAdapter };

  /** Everything queued inside this provider goes through its adapter to its endpoint. */
  private readonly outbox: OutboxSource = (options) =>
    loadOutbox().then(({ acquireOutbox }) => acquireOutbox({ ...options, adapter: this.activeAdapter ?? options.adapter, target: this.endpoint ?? options.target }));
  protected readonly outboxProvider = new ContextProvider(this, { context: outboxContext, initialValue: this.outbox });

  protected override willUpdate(): void {
    const lang = this.getAttribute('lang') ?? undefined;
    // One adapter per configuration, so the elements do not reload on unrelated updates.
    const key = `${this.endpoint}|${lang}|${Boolean(this.getToken)}`;
    if (this.endpoint && this.rest?.key !== key) this.rest = { key, adapter: new LazyRestAdapter({ endpoint: this.endpoint, lang, getToken: this.getToken }) };
    this.adapterProvider.setValue(this.activeAdapter);
    this.configProvider.setValue({ endpoint: this.endpoint, appVersion: this.appVersion });
  }

  private get activeAdapter(): SupportAdapter | undefined {
    return this.adapter ?? (this.endpoint ? this.rest?.adapter : undefined);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** A bare slot: the provider draws nothing, so it needs no template engine (a smaller first load). */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(document.createElement('slot'));
    return root;
  }
}

const loadOutbox = lazy(() => import('../../core/outbox/service.js'));

define('gu-support-provider', GuSupportProvider);

declare global {
  interface HTMLElementTagNameMap {
    'gu-support-provider': GuSupportProvider;
  }
}
