import { expect } from '@open-wc/testing';
import type { Article } from '../../src/core/adapter/types.js';
import { buildFaqIndex } from '../../src/core/search/build-index.js';
import type { FaqBundle } from '../../src/core/search/bundle.js';
import { FAQ_DB, clearFaqCache, readFaqCache } from '../../src/core/search/cache.js';
import { createFaqIndex } from '../../src/core/search/index.js';
import { openFaq, type OpenedFaq } from '../../src/core/search/open.js';
import { referenceServer } from '../helpers/reference-server.js';

const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('FAQ index off the main thread and in IndexedDB', () => {
  let api: string;
  let articles: Article[];
  before(async () => {
    ({ api } = await referenceServer());
    articles = ((await (await fetch(`${api}/articles`)).json()) as { articles: Article[] }).articles;
  });
  beforeEach(() => clearFaqCache());
  after(() => clearFaqCache());

  it('builds the same index in a module Worker as on the page', async () => {
    const where: string[] = [];
    const inWorker = await buildFaqIndex(articles, { onBuilt: (w) => where.push(w) });
    expect(where).to.deep.equal(['worker']);
    expect(inWorker).to.deep.equal(createFaqIndex(articles).serialise());
  });

  it('builds on the page when the worker file is missing, or when a worker never answers', async () => {
    const expected = createFaqIndex(articles).serialise();
    const where: string[] = [];
    const onBuilt = (w: string) => where.push(w);
    expect(await buildFaqIndex(articles, { workerUrl: new URL('./no-such-worker.js', location.href), onBuilt })).to.deep.equal(expected);
    const silent = URL.createObjectURL(new Blob(['/* never answers */'], { type: 'text/javascript' }));
    try {
      expect(await buildFaqIndex(articles, { workerUrl: silent, timeoutMs: 200, onBuilt })).to.deep.equal(expected);
    } finally {
      URL.revokeObjectURL(silent);
    }
    expect(await buildFaqIndex(articles, { workerUrl: null, onBuilt })).to.deep.equal(expected);
    expect(where).to.deep.equal(['page', 'page', 'page']);
  });

  it('searches offline from the cached index after a reload', async () => {
    const first = await openFaq({ endpoint: api });
    expect(first.source).to.equal('network');
    expect(first.categories.map((c) => c.id)).to.include('errors');
    expect((await readFaqCache(`${api}|ru`))?.version).to.equal(first.version);

    // A reload: nothing in memory, no network.
    const updates: OpenedFaq[] = [];
    const again = await openFaq({ endpoint: api, fetch: offline, onUpdate: (faq) => updates.push(faq) });
    expect(again.source).to.equal('cache');
    expect(again.version).to.equal(first.version);
    expect(again.index.search('восстоновление пороля')[0]!.title).to.equal('Восстановление доступа к учетной записи');
    expect(again.index.search('ошибка 503')[0]!.id).to.equal('oshibka-503');
    expect(updates).to.deep.equal([]);
  });

  it('revalidates a cached copy: unchanged costs a 304, a newer version replaces it and is announced', async () => {
    await openFaq({ endpoint: api });
    const asked: string[] = [];
    let resolveUpdate: (faq: OpenedFaq) => void;
    const updated = new Promise<OpenedFaq>((resolve) => (resolveUpdate = resolve));
    const statuses: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      asked.push(String(input));
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    const cached = await openFaq({ endpoint: api, fetch: counting, onUpdate: () => expect.fail('not newer') });
    expect(cached.source).to.equal('cache');
    // The background check: wait until it has been answered.
    while (!statuses.length) await new Promise((r) => setTimeout(r, 10));
    expect(asked[0]).to.contain(`?have=${encodeURIComponent(cached.version)}`);
    expect(statuses).to.deep.equal([304]);

    const newer: FaqBundle = { version: 'newer', categories: [], articles: [...articles.slice(0, 5), { ...articles[5]!, title: 'Совсем новая статья про гусей' }] };
    const serving: typeof fetch = async () => new Response(JSON.stringify(newer), { headers: { 'Content-Type': 'application/json' } });
    const stale = await openFaq({ endpoint: api, fetch: serving, onUpdate: (faq) => resolveUpdate(faq) });
    expect(stale.version).to.equal(cached.version);
    const fresh = await updated;
    expect(fresh.version).to.equal('newer');
    expect(fresh.source).to.equal('built'); // the bundle had no index: built in the Worker
    expect(fresh.index.search('гуси')[0]!.title).to.equal('Совсем новая статья про гусей');
    expect((await readFaqCache(`${api}|ru`))?.version).to.equal('newer');
  });

  it('builds from the articles for a backend without /faq/index, and fails only with nothing cached and no network', async () => {
    const notFound: typeof fetch = async () => new Response('{}', { status: 404 });
    const faq = await openFaq({ endpoint: api, fetch: notFound, listArticles: async () => articles });
    expect(faq.source).to.equal('built');
    expect(faq.index.search('медленная работа')[0]!.id).to.equal('medlennaya-rabota-sayta');
    await clearFaqCache();
    let error: unknown;
    await openFaq({ endpoint: api, fetch: offline }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
  });

  it('keeps nothing with cache: false, and clearFaqCache deletes its own database', async () => {
    await openFaq({ endpoint: api, cache: false });
    expect(await readFaqCache(`${api}|ru`)).to.equal(undefined);
    await openFaq({ endpoint: api });
    await clearFaqCache();
    const names = (await indexedDB.databases?.())?.map((d) => d.name) ?? [];
    expect(names).not.to.include(FAQ_DB);
    expect(await readFaqCache(`${api}|ru`)).to.equal(undefined);
  });
});
