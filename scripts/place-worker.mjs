// The compression code starts `new Worker(new URL('./gu-compress-worker.js', import.meta.url))`,
// so the worker must lie beside whichever file holds that code: the single-file bundle (dist/)
// and the per-element chunks (dist/chunks/). Its source map goes with it (the file points to it).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

mkdirSync('dist/chunks', { recursive: true });
for (const file of ['gu-compress-worker.js', 'gu-compress-worker.js.map']) {
  if (existsSync(`dist/${file}`)) copyFileSync(`dist/${file}`, `dist/chunks/${file}`);
}
