/// <reference lib="webworker" />
/**
 * The compression Worker: decoding and encoding stay off the main thread, so the page never
 * freezes on a 12-megapixel photo. Built as dist/gu-compress-worker.js (see vite.config.ts).
 */
import { encodeToFit, type EncodeOptions } from './encode.js';
import { makeThumbnail } from './thumbnail.js';

export interface CompressRequest {
  file: Blob;
  type: string;
  options: EncodeOptions;
}

export type CompressMessage =
  | { kind: 'ready' }
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; blob: Blob; width: number; height: number; passes: number; thumbnail?: Blob }
  | { kind: 'error'; code: 'decode' | 'encode'; message: string };

self.addEventListener('message', async (event: MessageEvent<CompressRequest>) => {
  const post = (message: CompressMessage) => self.postMessage(message);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(event.data.file);
  } catch (error) {
    return post({ kind: 'error', code: 'decode', message: String(error) });
  }
  post({ kind: 'progress', fraction: 0.1 });
  try {
    const result = await encodeToFit(bitmap, event.data.type, event.data.options, (fraction) => post({ kind: 'progress', fraction }));
    // Made here from the bitmap already decoded: the page never decodes the big picture.
    const thumbnail = await makeThumbnail(bitmap).catch(() => undefined);
    post({ kind: 'done', ...result, thumbnail });
  } catch (error) {
    post({ kind: 'error', code: 'encode', message: String(error) });
  } finally {
    bitmap.close();
  }
});

// Said once the code runs: a page that got HTML or nothing for this file never hears it, and
// gives the work to the main thread instead of waiting.
self.postMessage({ kind: 'ready' } satisfies CompressMessage);
