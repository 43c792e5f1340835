/**
 * Runs in Chromium for `npm run bench:search`: each engine builds the same corpus, serialises
 * its index, loads it back from the string (as a returning visitor would), warms up on other
 * queries, then answers the 200 fixed queries one by one; recall = intended article in the top 3.
 */
import MiniSearch, { type Options as MiniOptions, type SearchOptions as MiniSearchOptions } from 'minisearch';
import FlexSearch from 'flexsearch';
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Article } from '../src/core/adapter/types.js';
import { createFaqIndex, loadFaqIndex } from '../src/core/search/index.js';
import type { BenchQuery } from './search-corpus.js';

interface Engine {
  build(articles: Article[]): unknown;
  serialise(index: unknown): Promise<string> | string;
  load(text: string, articles: Article[]): Promise<unknown> | unknown;
  search(index: unknown, query: string): string[];
  /** One query in n, one round (an engine too slow for all 200 in one run). */
  every?: number;
}

type Flat = {
  id: string;
  title: string;
  keywords: string;
  section: string;
  body: string;
  codes: string;
};
const flat = (a: Article): Flat => ({ id: a.id, title: a.title, keywords: (a.keywords ?? []).join(' '), section: a.section ?? '', body: a.body, codes: a.errorCodes.join(' ') });
/** The same field weights for every engine. */
const BOOST = { title: 4, keywords: 3, codes: 5, section: 1.5, body: 1 };
const FIELDS = Object.keys(BOOST) as (keyof typeof BOOST)[];

const ours: Engine = {
  build: (articles) => createFaqIndex(articles),
  serialise: (index) => JSON.stringify((index as ReturnType<typeof createFaqIndex>).serialise()),
  load: (text, articles) => loadFaqIndex(JSON.parse(text), articles),
  search: (index, query) => (index as ReturnType<typeof createFaqIndex>).search(query, { limit: 3 }).map((r) => r.id),
};

// MiniSearch as its docs suggest for search-as-you-type: prefix and fuzzy, no stemming (ё = е given to it too).
const miniOptions: MiniOptions<Flat> = { fields: FIELDS, processTerm: (t) => t.toLowerCase().replace(/ё/g, 'е') };
const miniSearch: MiniSearchOptions = { prefix: true, fuzzy: 0.2, boost: BOOST, combineWith: 'OR' };
const minisearch: Engine = {
  build: (articles) => {
    const index = new MiniSearch<Flat>(miniOptions);
    index.addAll(articles.map(flat));
    return index;
  },
  serialise: (index) => JSON.stringify(index),
  load: (text) => MiniSearch.loadJSON<Flat>(text, miniOptions),
  search: (index, query) => (index as MiniSearch<Flat>).search(query, miniSearch).slice(0, 3).map((r) => String(r.id)),
};

// FlexSearch's Document index with forward tokens (prefixes); fields merged by rank and weight.
type FlexDocument = InstanceType<typeof FlexSearch.Document>;
const flexOptions = () => ({ tokenize: 'forward' as const, document: { id: 'id', index: FIELDS } });
const flexsearch: Engine = {
  build: (articles) => {
    const index = new FlexSearch.Document(flexOptions());
    for (const a of articles) index.add(flat(a));
    return index;
  },
  serialise: async (index) => {
    const parts: Record<string, string> = {};
    await (index as FlexDocument).export((key: string | number, data: string) => void (parts[String(key)] = data));
    return JSON.stringify(parts);
  },
  load: async (text) => {
    const index = new FlexSearch.Document(flexOptions());
    for (const [key, data] of Object.entries(JSON.parse(text) as Record<string, string>)) await index.import(key, data);
    return index;
  },
  search: (index, query) => {
    const scores = new Map<string, number>();
    for (const { field, result } of (index as FlexDocument).search(query, { limit: 20 }) as unknown as { field: keyof typeof BOOST; result: string[] }[]) {
      result.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + BOOST[field] / (rank + 1)));
    }
    return [...scores].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id);
  },
};

// Fuse.js: fuzzy over whole fields; ignoreLocation, or body matches past the first 60 letters are lost.
const fuseOptions: IFuseOptions<Flat> = { keys: FIELDS.map((name) => ({ name, weight: BOOST[name] })), ignoreLocation: true, threshold: 0.4 };
let fuseDocs: Flat[] = [];
const fuse: Engine = {
  every: 10,
  build: (articles) => new Fuse((fuseDocs = articles.map(flat)), fuseOptions),
  serialise: () => JSON.stringify(Fuse.createIndex(fuseOptions.keys!, fuseDocs).toJSON()),
  load: (text) => new Fuse(fuseDocs, fuseOptions, Fuse.parseIndex(JSON.parse(text))),
  search: (index, query) => (index as Fuse<Flat>).search(query, { limit: 3 }).map((r) => r.item.id),
};

const ENGINES: Record<string, Engine> = { ours, minisearch, flexsearch, 'fuse.js': fuse };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
const round = (ms: number) => Math.round(ms * 100) / 100;

declare global {
  interface Window {
    runSearchBench(name: string, articles: Article[], queries: BenchQuery[], warmup: BenchQuery[], rounds: number): Promise<Record<string, unknown>>;
  }
}

window.runSearchBench = async (name, articles, queries, warmup, rounds) => {
  const engine = ENGINES[name]!;
  let start = performance.now();
  const built = engine.build(articles);
  const buildMs = performance.now() - start;
  const text = await engine.serialise(built);
  const every = engine.every ?? 1;
  // One query of each block of `every`, at a shifting place, so every kind of query is sampled.
  const measured = queries.filter((_, i) => i % every === Math.floor(i / every) % every);
  const loads: number[] = [];
  // times[q][r]: query q in round r. Each round loads the index anew from its string (no engine
  // keeps caches from the round before), warms up on other queries, then runs the measured ones;
  // a query's time is its median over the rounds, so a preempted run on a busy machine does not
  // count as the engine's latency.
  const times: number[][] = measured.map(() => []);
  let answers: string[][] = [];
  for (let r = 0; r < (engine.every ? 1 : rounds); r++) {
    start = performance.now();
    const index = await engine.load(text, articles);
    loads.push(performance.now() - start);
    for (const q of warmup.filter((_, i) => i % (every * 4) === 0)) engine.search(index, q.query);
    answers = measured.map((q, i) => {
      start = performance.now();
      const ids = engine.search(index, q.query);
      times[i]!.push(performance.now() - start);
      return ids;
    });
  }
  const perQuery = times.map((t) => percentile(t, 0.5));
  const byKind: Record<string, [number, number]> = {};
  let found = 0;
  measured.forEach((q, i) => {
    const hit = answers[i]!.includes(q.expected);
    found += hit ? 1 : 0;
    const kind = (byKind[q.kind] ??= [0, 0]);
    kind[0] += hit ? 1 : 0;
    kind[1]++;
  });
  return {
    articles: articles.length,
    build_ms: round(buildMs),
    load_ms: round(percentile(loads, 0.5)),
    index_bytes: new TextEncoder().encode(text).length,
    p50_ms: round(percentile(perQuery, 0.5)),
    p95_ms: round(percentile(perQuery, 0.95)),
    recall_top3: round(found / measured.length),
    queries: measured.length,
    rounds: loads.length,
    slowest: measured.map((q, i): [number, string] => [round(perQuery[i]!), q.query]).sort((a, b) => b[0] - a[0]).slice(0, 5),
    recall_by_kind: Object.fromEntries(Object.entries(byKind).map(([k, [hit, all]]) => [k, `${hit}/${all}`])),
  };
};
