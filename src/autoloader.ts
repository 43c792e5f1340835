/**
 * The one-file way to use the kit: `<script type="module" src="/assets/gu-support-kit.js">`.
 * A few KB that finds `gu-*` tags in the page, now and whenever content is added, and imports
 * only the code those elements need, from beside this file (same origin: works under
 * `default-src 'self'`). Elements nobody uses are never downloaded.
 */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'gu-support-provider': () => import('./elements/provider/index.js'),
  'gu-support-form': () => import('./elements/support-form/index.js'),
  'gu-chat': () => import('./elements/chat/index.js'),
  'gu-faq-search': () => import('./elements/faq-search/index.js'),
  'gu-ticket-status': () => import('./elements/ticket-status/index.js'),
};

const started = new Map<string, Promise<unknown>>();

/** Imports one element's code once; a failed download (offline) may be tried again later. */
function load(tag: string): Promise<unknown> {
  let loading = started.get(tag);
  if (!loading) {
    loading = LOADERS[tag]!().catch((error: unknown) => {
      started.delete(tag);
      console.error(`gu-support-kit: could not load <${tag}>`, error);
    });
    started.set(tag, loading);
  }
  return loading;
}

const SELECTOR = Object.keys(LOADERS).join(',');

/** Loads every kit element in `root` (and `root` itself) that is not defined yet. */
export function discover(root: ParentNode | Element): Promise<unknown[]> {
  const found = new Set<string>();
  if (root instanceof Element && root.matches(SELECTOR)) found.add(root.localName);
  root.querySelectorAll(SELECTOR).forEach((element) => found.add(element.localName));
  return Promise.all([...found].filter((tag) => !customElements.get(tag)).map(load));
}

/** Watches the page for kit tags added later (single-page portals render after load). */
function watch(): void {
  void discover(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
else watch();
