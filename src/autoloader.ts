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

/**
 * `loading="lazy"` on a tag (as on `<img>`): its code waits until the page's other kit elements
 * have drawn and the browser is idle, or until it comes near the viewport, whichever is first. On
 * a slow network the elements a citizen sees first then do not share the line with those below
 * the fold (or the chat's launcher). Removing the attribute loads it at once (a page's «Открыть
 * чат» button does, before it waits for `customElements.whenDefined`).
 */
const isLazy = (element: Element) => element.getAttribute('loading') === 'lazy';

/** Elements still waiting (lazy), watched for coming near the viewport. */
const nearViewport =
  typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(
        (entries) => entries.forEach((entry) => entry.isIntersecting && release(entry.target)),
        { rootMargin: '50% 0px' },
      )
    : undefined;

function release(element: Element): void {
  nearViewport?.unobserve(element);
  // Gone from the page meanwhile (a portal changed its view): its code is not needed.
  if (element.isConnected && !customElements.get(element.localName)) void load(element.localName);
}

/** Eager elements still loading or drawing; lazy ones go when this is empty and the browser is idle. */
let busy = Promise.resolve<unknown>(undefined);
const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 200));

function afterBusy(elements: Element[]): void {
  const waitingFor = busy;
  void waitingFor.then(() => {
    // Something else started loading meanwhile: wait for that too.
    if (busy !== waitingFor) return afterBusy(elements);
    idle(() => elements.forEach(release));
  });
}

/** Loads every kit element in `root` (and `root` itself) that is not defined yet. */
export function discover(root: ParentNode | Element): Promise<unknown[]> {
  const eager = new Set<string>();
  const lazy: Element[] = [];
  const found = [...root.querySelectorAll(SELECTOR)];
  if (root instanceof Element && root.matches(SELECTOR)) found.unshift(root);
  for (const element of found) {
    if (customElements.get(element.localName)) continue;
    if (isLazy(element)) lazy.push(element);
    else eager.add(element.localName);
  }
  const loading = Promise.all([...eager].map(load));
  if (eager.size) {
    // Drawn: each eager element's first render (and what it waits for) has finished, at most 10 s.
    const drawn = loading.then(() => Promise.all(found.filter((el) => eager.has(el.localName)).map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete)));
    const settled = Promise.race([drawn, new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => undefined);
    busy = Promise.all([busy, settled]);
  }
  if (lazy.length) {
    lazy.forEach((element) => nearViewport?.observe(element));
    afterBusy(lazy);
  }
  return loading;
}

/** Watches the page for kit tags added later (single-page portals render after load). */
function watch(): void {
  void discover(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
      // `loading="lazy"` taken off a waiting tag: load it now.
      const target = record.target as Element;
      if (record.type === 'attributes' && target.matches(SELECTOR) && !isLazy(target)) release(target);
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['loading'] });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
else watch();
