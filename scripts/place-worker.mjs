// The compression code looks for gu-compress-worker.js beside the file it is in: next to the
// single-file bundle (dist/) and next to the per-element chunks (dist/chunks/).
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist/chunks', { recursive: true });
copyFileSync('dist/gu-compress-worker.js', 'dist/chunks/gu-compress-worker.js');
