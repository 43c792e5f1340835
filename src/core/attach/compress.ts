import { fail, ok, type Validation } from '../result.js';
import { translate } from '../i18n/translate.js';
import { encodeToFit, type EncodeOptions } from './encode.js';
import type { CompressMessage, CompressRequest } from './compress.worker.js';
import { stripJpegMetadata, stripPngMetadata } from './exif.js';
import { DEFAULT_POLICY, decide, formatBytes, type AttachPolicy } from './policy.js';
import { sniffType } from './sniff.js';

/** A file ready to upload and to keep in IndexedDB. */
export interface PreparedFile {
  name: string;
  type: string;
  data: ArrayBuffer;
  originalSize: number;
}

export interface PrepareOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Where gu-compress-worker.js is; null runs on the main thread. */
  workerUrl?: URL | string | null;
}

/**
 * The built kit ships dist/gu-compress-worker.js next to its entries and in chunks/, so the
 * worker is found beside whichever file holds this code. (A variable, so bundlers leave it alone.)
 */
const WORKER_FILE = './gu-compress-worker.js';
export function defaultWorkerUrl(): URL {
  return new URL(WORKER_FILE, import.meta.url);
}

class WorkerUnavailable extends Error {}

/**
 * One worker is kept started and idle, so a file does not wait for the worker's script to load
 * and compile; each job takes it (and is free to terminate it on cancel) and a fresh one warms up.
 */
let warm: { url: string; worker: Worker; timer: ReturnType<typeof setTimeout> } | undefined;
const WARM_IDLE_MS = 60_000;

/** Starts a worker ahead of need (the form calls this when it is shown). */
export function prewarmCompression(url: URL | string = defaultWorkerUrl()): void {
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function' || warm?.url === String(url)) return;
  warm?.worker.terminate();
  try {
    const worker = new Worker(url, { type: 'module' });
    const timer = setTimeout(() => {
      worker.terminate();
      if (warm?.worker === worker) warm = undefined;
    }, WARM_IDLE_MS);
    warm = { url: String(url), worker, timer };
  } catch {
    warm = undefined;
  }
}

function takeWorker(url: URL | string): Worker {
  const ready = warm?.url === String(url) ? warm : undefined;
  if (ready) clearTimeout(ready.timer);
  warm = undefined;
  const worker = ready?.worker ?? new Worker(url, { type: 'module' });
  prewarmCompression(url);
  return worker;
}

function abortError(): DOMException {
  return new DOMException('Compression cancelled', 'AbortError');
}

/** Runs one compression in a fresh Worker; terminating it is how a cancel stops the work at once. */
function inWorker(url: URL | string, request: CompressRequest, options: PrepareOptions): Promise<CompressMessage & { kind: 'done' | 'error' }> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = takeWorker(url);
    } catch {
      return reject(new WorkerUnavailable());
    }
    let started = false;
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<CompressMessage>) => {
      started = true;
      const message = event.data;
      if (message.kind === 'progress') return options.onProgress?.(message.fraction);
      finish();
      resolve(message);
    });
    // A worker file that is missing or refused by the page's CSP fails before saying anything.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      reject(started ? new Error(event.message) : new WorkerUnavailable());
    });
    worker.postMessage(request);
  });
}

/** The same work on the main thread, where Workers or OffscreenCanvas are missing (slower page). */
async function onMainThread(request: CompressRequest, options: PrepareOptions): Promise<CompressMessage & { kind: 'done' | 'error' }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(request.file);
  } catch (error) {
    return { kind: 'error', code: 'decode', message: String(error) };
  }
  try {
    if (options.signal?.aborted) throw abortError();
    const result = await encodeToFit(bitmap, request.type, request.options, options.onProgress);
    if (options.signal?.aborted) throw abortError();
    return { kind: 'done', ...result };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { kind: 'error', code: 'encode', message: String(error) };
  } finally {
    bitmap.close();
  }
}

function renamed(name: string, type: string): string {
  const ext = type === 'image/png' ? 'png' : 'jpg';
  return /\.[^.]+$/.test(name) ? name.replace(/\.[^.]+$/, `.${ext}`) : `${name}.${ext}`;
}

/**
 * Checks a file by its real type and size and makes it fit: documents as they are, small images
 * with their metadata removed, big or exotic images compressed (EXIF gone, orientation applied).
 * Refusals come back as a Validation with the reason and the limit; a cancel rejects with AbortError.
 */
export async function prepareFile(file: File, policy: AttachPolicy = DEFAULT_POLICY, lang = 'ru', options: PrepareOptions = {}): Promise<Validation<PreparedFile>> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const type = sniffType(head);
  const decision = decide(file.name, file.size, type, policy, lang);
  if (!decision.ok) return decision;
  if (decision.value === 'as-is') {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const clean = type === 'image/jpeg' ? stripJpegMetadata(bytes) : type === 'image/png' ? stripPngMetadata(bytes) : bytes;
    options.onProgress?.(1);
    return ok({ name: file.name, type, data: clean.slice().buffer, originalSize: file.size });
  }
  const request: CompressRequest = { file, type, options: { targetBytes: policy.imageBytes } satisfies EncodeOptions };
  const workerUrl = options.workerUrl === undefined ? defaultWorkerUrl() : options.workerUrl;
  let result: CompressMessage & { kind: 'done' | 'error' };
  try {
    if (!workerUrl || typeof OffscreenCanvas !== 'function') throw new WorkerUnavailable();
    result = await inWorker(workerUrl, request, options);
  } catch (error) {
    if (!(error instanceof WorkerUnavailable)) throw error;
    result = await onMainThread(request, options);
  }
  if (result.kind === 'error') {
    if (result.code === 'decode') return fail(type === 'image/heic' ? 'heic' : 'unreadable', translate(lang, type === 'image/heic' ? 'attach.heic' : 'attach.unreadable', { name: file.name }));
    return fail('compress', translate(lang, 'attach.compressFailed', { name: file.name, limit: formatBytes(policy.imageBytes, lang) }));
  }
  options.onProgress?.(1);
  return ok({ name: renamed(file.name, result.blob.type), type: result.blob.type, data: await result.blob.arrayBuffer(), originalSize: file.size });
}
