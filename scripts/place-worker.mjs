// The compression code looks for gu-compress-worker.js beside the file it is in: next to the
// autoloader's chunks (dist/kit/) and next to the per-element chunks (dist/chunks/).
import { copyFileSync, mkdirSync } from 'node:fs';

for (const dir of ['dist/chunks', 'dist/kit']) {
  mkdirSync(dir, { recursive: true });
  copyFileSync('dist/gu-compress-worker.js', `${dir}/gu-compress-worker.js`);
}
