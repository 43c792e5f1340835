import type { ReactiveElement } from 'lit';
import { onMessagesLoaded } from '../../../core/i18n/translate.js';

/**
 * The language of an element: its own `lang`, else the nearest ancestor's, crossing shadow
 * roots (a kit element inside another's shadow DOM still follows the page), else `ru`.
 */
export function inheritedLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'ru';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'ru';
}

const watchers = new Set<ReactiveElement>();
let observer: MutationObserver | null = null;
let unsubscribe: (() => void) | null = null;

/**
 * Re-renders kit elements when any `lang` attribute changes or a language's strings finish
 * loading (one observer for the whole page).
 */
export function watchLang(element: ReactiveElement): () => void {
  watchers.add(element);
  if (!observer) {
    const refresh = () => watchers.forEach((w) => w.requestUpdate());
    observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    unsubscribe = onMessagesLoaded(refresh);
  }
  return () => {
    watchers.delete(element);
    if (!watchers.size) {
      observer?.disconnect();
      unsubscribe?.();
      observer = null;
    }
  };
}
