import type { IncomingMessage } from 'node:http';
import type { FaqBundle } from '../../src/core/search/bundle.js';
import { createFaqIndex } from '../../src/core/search/index.js';
import { faqCategories } from './articles.js';
import type { Context } from './context.js';
import { pack, pickEncoding } from './encoding.js';
import type { Router } from './http.js';

function langOf(req: IncomingMessage): 'ru' | 'en' {
  return String(req.headers['accept-language'] ?? '').toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/**
 * `GET /api/faq/index`: the FAQ bundle (articles, category names, prebuilt search index) of the
 * current corpus version, built once at first request. Its ETag is the version, so a returning
 * visitor's kit revalidates its IndexedDB copy with one 304 (If-None-Match, or `?have=<version>`).
 * Sent compressed (brotli or gzip, packed once per language): on a 400 kbit/s phone 66 KB is 1.3 s
 * where 305 KB was 6 s, sharing the line with the form's own code.
 */
export function faqRoutes(router: Router, ctx: Context, contentDir: string): void {
  let index: FaqBundle['index'];
  let version = '';
  const bundles = new Map<string, string>();
  const packed = new Map<string, Buffer>();
  router.on('GET', '/api/faq/index', (req, res) => {
    if (!index) {
      const built = createFaqIndex(ctx.articles);
      index = built.serialise();
      version = built.version;
    }
    const lang = langOf(req);
    const encoding = pickEncoding(req.headers['accept-encoding'], { br: true, gzip: true });
    // One ETag per body as sent (plain, brotli, gzip); a cached copy in any of them is current.
    const tag = `${version}-${lang}`;
    const etag = `"${tag}${encoding ? `.${encoding}` : ''}"`;
    // Added to the Vary set before (CORS: Origin), not in its place.
    const prior = res.getHeader('Vary');
    const vary = 'Accept-Language, Accept-Encoding';
    const headers = { ETag: etag, Vary: prior ? `${String(prior)}, ${vary}` : vary, 'Cache-Control': 'no-cache' };
    // `?have=<version>` does the same as If-None-Match for a kit on another origin (no preflight).
    const have = new URL(req.url ?? '/', 'http://localhost').searchParams.get('have');
    const current = (given: string) => /^"([^"]*?)(?:\.(?:br|gzip))?"$/.exec(given.trim().replace(/^W\//, ''))?.[1] === tag;
    if (have === version || String(req.headers['if-none-match'] ?? '').split(',').some(current)) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = bundles.get(lang);
    if (!body) {
      const bundle: FaqBundle = { version, categories: faqCategories(contentDir, lang), articles: ctx.articles, index };
      bundles.set(lang, (body = JSON.stringify(bundle)));
    }
    if (!encoding) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(body);
      return;
    }
    const key = `${lang} ${encoding}`;
    let bytes = packed.get(key);
    if (!bytes) packed.set(key, (bytes = pack(body, encoding)));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': encoding, 'Content-Length': bytes.length, ...headers });
    res.end(bytes);
  });
}
