import type { ErrorKind } from '../../events/gu-error.js';
import { lazy } from '../../core/lazy.js';
import type { OpenedFaq, OpenFaqOptions } from '../../core/search/open.js';
import type { GuKitElement } from './base/gu-kit-element.js';

/** The search code (index, stemmers, IndexedDB cache) arrives after the element's first paint. */
const loadSearch = lazy(() => import('../../core/search/open.js'));

export type FaqSourceOptions = Pick<OpenFaqOptions, 'cache' | 'onUpdate' | 'onRevalidateError' | 'signal'>;

/**
 * Opens the FAQ an element searches. With an endpoint (its own, or the provider's when it has no
 * adapter of its own): the backend's prebuilt index, cached in IndexedDB for offline use. With
 * an adapter only: its `listArticles`, indexed in a Worker and not cached (the cache is keyed by
 * endpoint). Rejects with a `{ kind }` when nothing is configured, or with the load's error.
 */
export async function openFaqFor(host: GuKitElement, options: FaqSourceOptions = {}): Promise<OpenedFaq> {
  const { backend } = host;
  const endpoint = host.adapter ? undefined : (host.endpoint ?? backend.config.endpoint);
  const slice = backend.slice('faq');
  if (!endpoint && !slice) throw { kind: (backend.adapter ? 'no-slice' : 'no-adapter') satisfies ErrorKind };
  const lang = host.locale;
  const { openFaq } = await loadSearch();
  return openFaq({
    ...options,
    lang,
    ...(endpoint ? { endpoint } : { cache: false }),
    ...(slice ? { listArticles: (signal?: AbortSignal) => slice.listArticles({ lang, ...(signal ? { signal } : {}) }) } : {}),
    ...(slice?.listFaqCategories ? { listCategories: (signal?: AbortSignal) => slice.listFaqCategories!({ lang, ...(signal ? { signal } : {}) }) } : {}),
  });
}

/** The kind of a failure to open the FAQ, for the words shown. */
export function faqErrorKind(error: unknown): ErrorKind {
  const kind = (error as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' ? (kind as ErrorKind) : 'offline';
}
