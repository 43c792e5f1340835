import type { Article } from '../adapter/types.js';
import { buildFaqIndex, type BuildOptions } from './build-index.js';
import type { FaqBundle, FaqCategory } from './bundle.js';
import { readFaqCache, writeFaqCache } from './cache.js';
import { corpusVersion, loadFaqIndex, type FaqIndex, type FaqIndexOptions } from './index.js';

export interface OpenFaqOptions extends BuildOptions, FaqIndexOptions {
  /** Base URL of the backend (docs/api.md): the bundle is `GET {endpoint}/faq/index`. */
  endpoint?: string;
  /** Language of the category names (Accept-Language); part of the cache key. */
  lang?: string;
  /** For a backend without `/faq/index`: its articles; the index is then built here (in a Worker). */
  listArticles?: (signal?: AbortSignal) => Promise<Article[]>;
  /** With `listArticles`: the categories' names, when the backend gives them. */
  listCategories?: (signal?: AbortSignal) => Promise<FaqCategory[]>;
  /** false: neither read nor keep the bundle in IndexedDB (the form's `no-storage`). */
  cache?: boolean;
  /** Called with the newer FAQ when the copy served from the cache turned out to be outdated. */
  onUpdate?: (faq: OpenedFaq) => void;
  /** Called when the copy served from the cache could not be checked (offline, server down). */
  onRevalidateError?: (error: unknown) => void;
  signal?: AbortSignal;
  /** The fetch to use (tests; defaults to the global one). */
  fetch?: typeof fetch;
}

export interface OpenedFaq {
  index: FaqIndex;
  categories: FaqCategory[];
  version: string;
  /** Where this copy came from: IndexedDB, the backend's prebuilt index, or built here. */
  source: 'cache' | 'network' | 'built';
}

type Fetched = FaqBundle | 'unchanged';

async function fetchBundle(options: OpenFaqOptions, have: string | undefined): Promise<Fetched> {
  const base = options.endpoint ?? '';
  const doFetch = options.fetch ?? fetch;
  // Without an endpoint there is no prebuilt index to ask for: the articles it is.
  if (options.endpoint !== undefined || !options.listArticles) {
    try {
      // `?have=` rather than If-None-Match: no CORS preflight for a kit on another origin.
      const response = await doFetch(`${base}/faq/index${have ? `?have=${encodeURIComponent(have)}` : ''}`, {
        headers: { Accept: 'application/json', 'Accept-Language': options.lang ?? 'ru' },
        signal: options.signal ?? null,
      });
      if (response.status === 304) return 'unchanged';
      if (response.ok) return (await response.json()) as FaqBundle;
      if (response.status !== 404 || !options.listArticles) throw new Error(`FAQ index: HTTP ${response.status}`);
    } catch (error) {
      if (!options.listArticles || (error instanceof DOMException && error.name === 'AbortError')) throw error;
    }
  }
  // A backend with articles only: the version is the corpus's own hash.
  const articles = await options.listArticles(options.signal);
  const version = corpusVersion(articles);
  if (version === have) return 'unchanged';
  return { version, categories: (await options.listCategories?.(options.signal).catch(() => undefined)) ?? [], articles };
}

/** The bundle with a usable index: the served one, or one built here when it is missing or of another format. */
async function ready(bundle: FaqBundle, options: OpenFaqOptions): Promise<{ bundle: FaqBundle; faq: OpenedFaq }> {
  if (bundle.index) {
    try {
      const index = loadFaqIndex(bundle.index, bundle.articles, options);
      return { bundle, faq: { index, categories: bundle.categories, version: bundle.version, source: 'network' } };
    } catch {
      // built by another version of the kit: build our own
    }
  }
  const built = { ...bundle, index: await buildFaqIndex(bundle.articles, options) };
  return { bundle: built, faq: { index: loadFaqIndex(built.index, built.articles, options), categories: built.categories, version: built.version, source: 'built' } };
}

/**
 * The FAQ ready to search: from IndexedDB at once when this browser has it (then checked against
 * the backend in the background, `onUpdate` telling of a newer version), else from the backend's
 * prebuilt index, else built in a Worker from the articles; kept in IndexedDB for next time.
 * Rejects only when there is neither a cached copy nor a backend to ask.
 */
export async function openFaq(options: OpenFaqOptions = {}): Promise<OpenedFaq> {
  const key = `${options.endpoint ?? ''}|${options.lang ?? 'ru'}`;
  const useCache = options.cache !== false;
  const cached = useCache ? await readFaqCache(key) : undefined;
  const fresh = async (have: string | undefined) => {
    const fetched = await fetchBundle(options, have);
    if (fetched === 'unchanged') return undefined;
    const { bundle, faq } = await ready(fetched, options);
    if (useCache) await writeFaqCache(key, bundle);
    return faq;
  };
  if (cached?.index) {
    try {
      const faq: OpenedFaq = { index: loadFaqIndex(cached.index, cached.articles, options), categories: cached.categories, version: cached.version, source: 'cache' };
      void fresh(cached.version).then(
        (newer) => newer && options.onUpdate?.(newer),
        (error: unknown) => options.onRevalidateError?.(error), // offline: the cached copy is what there is
      );
      return faq;
    } catch {
      // a copy from another version of the kit: fetch anew
    }
  }
  const faq = await fresh(undefined);
  if (!faq) throw new Error('FAQ index: nothing to load');
  return faq;
}
