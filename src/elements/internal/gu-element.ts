import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import { adapterContext, configContext, type KitConfig } from '../../context.js';
import type { SupportAdapter } from '../../core/adapter/types.js';
import { LazyRestAdapter } from '../../core/adapter/lazy-rest.js';
import { translate, supportedLang, loadMessages, type MessageKey, type Params } from '../../core/i18n/translate.js';
import { tokens } from '../../theme/tokens.js';
import { inheritedLang, watchLang } from './lang.js';

/**
 * Base of every public element: adapter resolution (own `adapter` → own `endpoint` → provider),
 * language inherited from the page, translation, typed events, theme attribute.
 */
export class GuElement extends LitElement {
  static override styles = [tokens];

  static override properties: PropertyDeclarations = {
    endpoint: {},
    adapter: { attribute: false },
    theme: { reflect: true },
  };

  /** Base URL of a backend speaking docs/api.md; ignored when `adapter` is set. */
  endpoint?: string;

  /** Any object implementing `SupportAdapter`; wins over `endpoint` and the provider's. */
  adapter?: SupportAdapter;

  /** `low-vision` switches on large type and high contrast. */
  theme?: string;

  // Controllers re-render the element when the provider's values change.
  private readonly adapterConsumer = new ContextConsumer(this, { context: adapterContext, subscribe: true });
  private readonly configConsumer = new ContextConsumer(this, { context: configContext, subscribe: true });

  protected get providedAdapter(): SupportAdapter | undefined {
    return this.adapterConsumer.value;
  }

  protected get config(): KitConfig | undefined {
    return this.configConsumer.value;
  }

  private unwatchLang?: () => void;
  private restAdapter?: { key: string; adapter: LazyRestAdapter };

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLang = watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLang?.();
  }

  /** The language used for text: `ru`, `en` or a registered one. */
  get locale(): string {
    const lang = supportedLang(this.getAttribute('lang') ?? this.config?.lang ?? inheritedLang(this));
    void loadMessages(lang); // a no-op once loaded; re-renders through watchLang when it arrives
    return lang;
  }

  /** The adapter this element talks to, or undefined when none is configured. */
  get activeAdapter(): SupportAdapter | undefined {
    if (this.adapter) return this.adapter;
    if (this.endpoint) {
      const key = `${this.endpoint}|${this.locale}`;
      if (this.restAdapter?.key !== key) this.restAdapter = { key, adapter: new LazyRestAdapter({ endpoint: this.endpoint, lang: this.locale }) };
      return this.restAdapter.adapter;
    }
    return this.providedAdapter;
  }

  protected t(key: MessageKey, params?: Params): string {
    return translate(this.locale, key, params);
  }

  /** Dispatches a typed `gu-*` event that crosses shadow roots; returns false if it was cancelled. */
  protected emit<K extends keyof HTMLElementEventMap>(
    name: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}

/** Registers an element unless a tag of that name exists (two copies of the kit on one page). */
export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
