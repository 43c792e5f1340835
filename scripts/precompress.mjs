// Last step of `npm run build`: writes `name.br` (brotli 11) and `name.gz` (gzip 9) beside every
// text file a server sends (the kit in dist/, the demo portal in demo/public/), so no server
// compresses on each request. Keeps a sibling only when it is smaller than the file.
// The reference server (demo/server/static.ts) sends them by Accept-Encoding and ignores a sibling
// older than its file (demo/public edited after a build); nginx does the same with
// `gzip_static on; brotli_static on;` (docs/embedding.md).
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const FOLDERS = ['dist', 'demo/public'];
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt)$/;
/** Type declarations are for editors, not served. */
const SKIP = /^types[\\/]|[\\/]\.vite[\\/]|^\.vite[\\/]/;

let files = 0;
let before = 0;
let after = 0;
for (const folder of FOLDERS) {
  for (const relative of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, relative);
    if (/\.(?:br|gz)$/.test(relative)) {
      // A sibling whose file is gone (an old hashed chunk) would be served under a dead name.
      if (!statSafe(path.slice(0, -3))) rmSync(path);
      continue;
    }
    if (!TEXT.test(relative) || SKIP.test(relative) || !statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const variants = {
      '.br': brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      '.gz': gzipSync(bytes, { level: 9 }),
    };
    for (const [suffix, packed] of Object.entries(variants)) {
      if (packed.length < bytes.length) writeFileSync(path + suffix, packed);
      else rmSync(path + suffix, { force: true });
    }
    files++;
    before += bytes.length;
    after += variants['.br'].length;
  }
}

function statSafe(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

console.log(`Pre-compressed ${files} files in ${FOLDERS.join(', ')}: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB brotli`);
