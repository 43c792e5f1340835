import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import sirv from 'sirv';

/**
 * One public folder served under a URL prefix. `sirv` (production mode) lists the folder once at
 * start and answers only for the files it found: the list *is* the allow-list, so no request path
 * (`//`, `%2e%2e`, backslashes, case or trailing dots) can reach anything else. `only` narrows it
 * further by file name.
 */
export interface Mount {
  prefix: string;
  dir: string;
  only?: RegExp;
}

/** Content-hashed build output (`chunks/` and the autoloader's `kit/`, `name-[hash].js`): never changes under its name. */
const HASHED = /\/(?:chunks|kit)\/[^/]+-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/;

/** The only characters a public file path has; anything else (`%`, `\`, `..`, control) is not ours. */
const PUBLIC_PATH = /^(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\/?$/;

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface StaticFiles {
  /** Serves the file if `pathname` (decoded) names a public one; false when it does not. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
  /** Folders that did not exist at start (the kit not built yet). */
  missing: string[];
}

/**
 * Static files with validators and caching a CDN can use: ETag (304 on If-None-Match),
 * Last-Modified, pre-compressed `.br`/`.gz` siblings chosen by Accept-Encoding (with
 * `Vary: Accept-Encoding`), `immutable` for content-hashed chunks and `no-cache` for the rest.
 */
export function staticFiles(mounts: Mount[]): StaticFiles {
  const missing: string[] = [];
  const handlers = mounts.map((mount) => {
    if (!existsSync(mount.dir)) {
      missing.push(mount.dir);
      return { mount, handler: null };
    }
    const handler: Handler = sirv(mount.dir, {
      dev: false,
      etag: true,
      gzip: true,
      brotli: true,
      extensions: ['html'],
      dotfiles: false,
      setHeaders: (res, pathname) => {
        res.setHeader('Cache-Control', HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('X-Content-Type-Options', 'nosniff');
      },
    });
    return { mount, handler };
  });

  return {
    missing,
    serve(req, res, pathname) {
      if (!PUBLIC_PATH.test(pathname)) return false;
      for (const { mount, handler } of handlers) {
        if (!handler || !pathname.startsWith(mount.prefix)) continue;
        const inner = `/${pathname.slice(mount.prefix.length)}`;
        const name = inner.replace(/\/$/, '/index.html');
        if (mount.only && !mount.only.test(name)) continue;
        let found = true;
        // sirv reads req.url; give it the checked path only (no query, no second decoding, no Range).
        req.url = inner;
        delete req.headers.range;
        // A file removed after start (a rebuild) must not end the process: handle its read error.
        res.once('pipe', (source: Readable) => source.on('error', () => res.destroy()));
        handler(req, res, () => (found = false));
        if (found) return true;
      }
      return false;
    },
  };
}
