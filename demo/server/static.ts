import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { pickEncoding, type Encoding } from './encoding.js';

/**
 * One public folder served under a URL prefix. The folder is listed once at start and only the
 * files found are answered: the list *is* the allow-list, so no request path (`//`, `%2e%2e`,
 * backslashes, case or trailing dots) can reach anything else. `only` narrows it further by file name.
 */
export interface Mount {
  prefix: string;
  dir: string;
  only?: RegExp;
  /** A `Link` header for an HTML page, from its text (see preload.ts); computed once at start. */
  links?: (html: string) => string | undefined;
  /**
   * In this folder's pages, `src="/x"` and `href="/x"` naming a served file (not a page) become
   * `/x?v=<version of its bytes>`, and a request with the current `?v=` is answered `immutable`:
   * a returning visitor revalidates the page only, not every stylesheet and script it names.
   */
  versionAssets?: boolean;
}

/** Content-hashed build output (`chunks/` and the autoloader's `kit/`, `name-[hash].js`): never changes under its name. */
const HASHED = /\/(?:chunks|kit)\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)(?:\.map)?$/;

/** The only characters a public file path has; anything else (`%`, `\`, `..`, control) is not ours. */
const PUBLIC_PATH = /^(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\/?$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** One file as found at start; `etag` is strong, made from its bytes (the same after a rebuild that changed nothing). */
interface Entry {
  abs: string;
  size: number;
  mtime: Date;
  etag: string;
  /** The `Link` header of a page, if any. */
  link?: string;
  /** The bytes, for a page rewritten at start (versionAssets); read from `abs` otherwise. */
  data?: Buffer;
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
/** A file's version in URLs: the start of its ETag (a hash of its bytes). */
const versionOf = (entry: Entry) => entry.etag.slice(1, 11);

/** Puts the versions into a page's asset URLs; the page and its compressed forms are kept in memory. */
function versionPage(files: Map<string, Entry>, path: string, versions: Map<string, string>, links: Mount['links']): void {
  const page = files.get(path)!;
  const text = readFileSync(page.abs, 'utf8').replace(/\b(src|href)="(\/[^"?#]*)"/g, (attr, name: string, url: string) => {
    const version = url.endsWith('.html') ? undefined : versions.get(url);
    return version ? `${name}="${url}?v=${version}"` : attr;
  });
  const data = Buffer.from(text);
  const etag = hashOf(data);
  // The Link header names the URLs as the page now has them (with their versions).
  files.set(path, { ...page, data, size: data.length, etag: `"${etag}"`, link: links?.(text) });
  for (const [suffix, packed] of [['.br', brotliCompressSync(data)], ['.gz', gzipSync(data, { level: 9 })]] as const) {
    files.set(path + suffix, { abs: page.abs, mtime: page.mtime, data: packed, size: packed.length, etag: `"${etag}${suffix}"` });
  }
}

export interface StaticFiles {
  /** Serves the file if `pathname` (decoded) names a public one; false when it does not. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  /** Folders that did not exist at start (the kit not built yet). */
  missing: string[];
}

/** Every file under `dir` (dotfiles aside) by its URL path. */
function listFiles(dir: string, links: Mount['links']): Map<string, Entry> {
  const files = new Map<string, Entry>();
  for (const relative of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = `/${relative.split('\\').join('/')}`;
    if (/\/\./.test(path)) continue;
    const abs = join(dir, relative);
    const stats = statSync(abs);
    if (!stats.isFile()) continue;
    const bytes = readFileSync(abs);
    const hash = hashOf(bytes);
    const link = links && path.endsWith('.html') ? links(bytes.toString('utf8')) : undefined;
    files.set(path, { abs, size: stats.size, mtime: stats.mtime, etag: `"${hash}"`, link });
  }
  return files;
}

/** The file and its pre-compressed sibling (when there is one at least as new as the file) for this request. */
function variant(files: Map<string, Entry>, name: string, accept: string | undefined): { entry: Entry; encoding: Encoding | null } | null {
  const entry = files.get(name);
  if (!entry) return null;
  const fresh = (suffix: string) => {
    const sibling = files.get(name + suffix);
    return sibling !== undefined && sibling.mtime >= entry.mtime;
  };
  const encoding = pickEncoding(accept, { br: fresh('.br'), gzip: fresh('.gz') });
  if (!encoding) return { entry, encoding };
  return { entry: files.get(name + (encoding === 'br' ? '.br' : '.gz'))!, encoding };
}

/** True when the client's copy (If-None-Match, else If-Modified-Since) is the one we have. */
function notModified(req: IncomingMessage, entry: Entry): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) return match.trim() === '*' || match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(entry.mtime.getTime() / 1000) * 1000 <= since;
}

/**
 * Static files with the caching a CDN can copy: a strong ETag from the bytes and Last-Modified
 * (`304` on If-None-Match / If-Modified-Since), the `.br`/`.gz` sibling written by the build
 * (scripts/precompress.mjs) chosen by Accept-Encoding with `Vary: Accept-Encoding`,
 * `immutable` for content-hashed chunks and for a file asked for with its current `?v=` version
 * (see `versionAssets`), `no-cache` (always revalidate) for everything named by a fixed URL:
 * pages, portal.css, the autoloader `gu-support-kit.js`, the kit's CSS.
 */
export function staticFiles(mounts: Mount[]): StaticFiles {
  const missing: string[] = [];
  const listed = mounts.map((mount) => {
    if (!existsSync(mount.dir)) {
      missing.push(mount.dir);
      return { mount, files: new Map<string, Entry>() };
    }
    return { mount, files: listFiles(mount.dir, mount.links) };
  });
  const versions = new Map<string, string>();
  for (const { mount, files } of listed) for (const [path, entry] of files) versions.set(mount.prefix + path.slice(1), versionOf(entry));
  for (const { mount, files } of listed) {
    if (!mount.versionAssets) continue;
    for (const path of [...files.keys()]) if (path.endsWith('.html')) versionPage(files, path, versions, mount.links);
  }

  return {
    missing,
    serve(req, res, pathname) {
      if (!PUBLIC_PATH.test(pathname)) return false;
      for (const { mount, files } of listed) {
        if (!pathname.startsWith(mount.prefix)) continue;
        const inner = `/${pathname.slice(mount.prefix.length)}`;
        const name = inner.endsWith('/') ? `${inner}index.html` : files.has(inner) ? inner : `${inner}.html`;
        if (mount.only && !mount.only.test(name)) continue;
        const found = variant(files, name, req.headers['accept-encoding']);
        if (!found) continue;
        const { entry, encoding } = found;
        const vary = res.getHeader('Vary');
        res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
        const asked = new URLSearchParams(req.url?.split('?')[1] ?? '').get('v');
        res.setHeader('Cache-Control', HASHED.test(name) || asked === versionOf(files.get(name)!) ? IMMUTABLE : 'no-cache');
        res.setHeader('ETag', entry.etag);
        res.setHeader('Last-Modified', files.get(name)!.mtime.toUTCString());
        const link = files.get(name)!.link;
        if (link) res.setHeader('Link', link);
        if (notModified(req, entry)) {
          res.writeHead(304).end();
          return true;
        }
        res.setHeader('Content-Type', TYPES[extname(name)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', entry.size);
        if (encoding) res.setHeader('Content-Encoding', encoding);
        res.writeHead(200);
        if (req.method === 'HEAD') {
          res.end();
          return true;
        }
        if (entry.data) {
          res.end(entry.data);
          return true;
        }
        // A file removed after start (a rebuild) must not end the process: the response is cut instead.
        createReadStream(entry.abs).on('error', () => res.destroy()).pipe(res);
        return true;
      }
      return false;
    },
  };
}
