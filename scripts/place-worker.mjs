// The compression code starts `new Worker(new URL('./gu-compress-worker.js', import.meta.url))`,
// so the worker must lie beside whichever file holds that code: the autoloader's chunks
// (dist/kit/) and the per-element chunks (dist/chunks/). Its source map goes with it.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

for (const dir of ['dist/chunks', 'dist/kit']) {
  mkdirSync(dir, { recursive: true });
  for (const file of ['gu-compress-worker.js', 'gu-compress-worker.js.map']) {
    if (existsSync(`dist/${file}`)) copyFileSync(`dist/${file}`, `${dir}/${file}`);
  }
}
