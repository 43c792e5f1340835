import { LitElement } from 'lit';
import { translate, supportedLang, loadMessages, type MessageKey, type Params } from '../../../core/i18n/translate.js';
import type { Catalogue } from '../../../core/i18n/catalogue.js';
import { commonStrings } from '../../../core/i18n/catalogues/common.js';
import { tokens } from '../../../theme/tokens.js';
import { inheritedLang, watchLang } from './lang.js';

/**
 * Base of every kit element, public or internal: the language (own `lang`, else the nearest
 * ancestor's, Russian by default), its strings, the design tokens and typed `gu-*` events.
 * Backend and shared configuration are not here: public elements get them from `GuKitElement`.
 */
export class GuElement extends LitElement {
  static override styles = [tokens];

  /**
   * The string catalogues the element uses (common, plus its own): naming them here is what puts
   * them, and only them, in the element's download; English arrives per catalogue when needed.
   */
  static strings: readonly Catalogue[] = [commonStrings];

  private unwatchLang?: () => void;

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
    const lang = supportedLang(this.getAttribute('lang') ?? inheritedLang(this));
    void loadMessages(lang); // a no-op once loaded; re-renders through watchLang when it arrives
    return lang;
  }

  /** @internal The element's string for `key`, in its language (partials and controllers use it too). */
  t(key: MessageKey, params?: Params): string {
    return translate(this.locale, key, params);
  }

  /** @internal Dispatches a typed `gu-*` event that crosses shadow roots; returns false if it was cancelled. */
  emit<K extends keyof HTMLElementEventMap>(
    name: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
  }
}
