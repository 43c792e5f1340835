import type { ReactiveElement } from 'lit';

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

/** Re-renders kit elements when any `lang` attribute changes (one observer for the whole page). */
export function watchLang(element: ReactiveElement): () => void {
  watchers.add(element);
  if (!observer) {
    observer = new MutationObserver(() => watchers.forEach((w) => w.requestUpdate()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    watchers.delete(element);
    if (!watchers.size) {
      observer?.disconnect();
      observer = null;
    }
  };
}
