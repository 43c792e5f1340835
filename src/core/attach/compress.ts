import { fail, ok, type Validation } from '../result.js';
import { attachStrings } from '../i18n/catalogues/attach.js';
import { encodeToFit, type EncodeOptions } from './encode.js';
import type { CompressMessage, CompressRequest } from './compress.worker.js';
import { stripJpegMetadata, stripPngMetadata } from './exif.js';
import { DEFAULT_POLICY, decide, formatBytes, type AttachPolicy } from './policy.js';
import { sniffType } from './sniff.js';
import { makeThumbnail } from './thumbnail.js';
import { acquireWorker, prewarmWorker, type WorkerFactory } from './worker-pool.js';

/** A file ready to upload and to keep in IndexedDB. */
export interface PreparedFile {
  name: string;
  type: string;
  data: ArrayBuffer;
  originalSize: number;
  /** A small JPEG for the file list (images only); never sent or stored. */
  thumbnail?: Blob;
}

export interface PrepareOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /**
   * Where gu-compress-worker.js is; null runs on the main thread. Wins over the policy's
   * `workerUrl`; by default the worker file beside the kit's code (see `startDefaultWorker`).
   */
  workerUrl?: URL | string | null;
  /** How long to wait for a worker that has not said it is ready (tests shorten it). */
  readyTimeoutMs?: number;
  /** A worker silent this long in the middle of a job is given up and the main thread takes over. */
  silenceTimeoutMs?: number;
  /** Called when the work goes to the page's own thread (no Worker or OffscreenCanvas): slower, the page may stutter. */
  onMainThread?: () => void;
}

/**
 * The worker shipped beside the kit's code: dist/gu-compress-worker.js next to the single-file
 * bundle, dist/chunks/gu-compress-worker.js next to the per-element chunks. Written as the literal
 * pattern (a Worker of a URL relative to import.meta.url, type module) that an app's bundler
 * (Vite, webpack 5, Parcel) recognises: it finds the file and emits it with the app. The kit's own
 * build keeps this line as it is (see vite.config.ts).
 */
function startDefaultWorker(): Worker {
  return new Worker(new URL('./gu-compress-worker.js', import.meta.url), { type: 'module' });
}

const DEFAULT_KEY = 'gu-compress-worker';
const SILENCE_MS = 30_000;

/** The worker to use: the default one, one at a given URL, or none (main thread). */
function workerSource(workerUrl: URL | string | null | undefined): { key: string; factory: WorkerFactory } | null {
  if (workerUrl === null || typeof OffscreenCanvas !== 'function') return null;
  if (workerUrl === undefined) return { key: DEFAULT_KEY, factory: startDefaultWorker };
  return { key: String(workerUrl), factory: () => new Worker(workerUrl, { type: 'module' }) };
}

/**
 * Starts a compression worker ahead of need (the file control calls this when the citizen first
 * focuses the form), so the first photo does not wait for the worker's script to load.
 */
export function prewarmCompression(workerUrl?: URL | string | null): void {
  const source = workerSource(workerUrl);
  if (source) prewarmWorker(source.key, source.factory);
}

function abortError(): DOMException {
  return new DOMException('Compression cancelled', 'AbortError');
}

type Outcome = CompressMessage & { kind: 'done' | 'error' };

/**
 * Runs one compression in a worker; terminating it is how a cancel stops the work at once.
 * Resolves null when the worker cannot do it (failed to start, crashed, went silent): the caller
 * then uses the main thread. Rejects only with AbortError.
 */
async function inWorker(source: { key: string; factory: WorkerFactory }, request: CompressRequest, options: PrepareOptions): Promise<Outcome | null> {
  const worker = await acquireWorker(source.key, source.factory, { readyTimeoutMs: options.readyTimeoutMs, signal: options.signal });
  if (options.signal?.aborted) {
    worker?.terminate();
    throw abortError();
  }
  if (!worker) return null;
  return new Promise((resolve, reject) => {
    let silence: ReturnType<typeof setTimeout>;
    const finish = () => {
      clearTimeout(silence);
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        finish();
        resolve(null);
      }, options.silenceTimeoutMs ?? SILENCE_MS);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<CompressMessage>) => {
      const message = event.data;
      if (message.kind === 'ready') return;
      if (message.kind === 'progress') {
        listen();
        return options.onProgress?.(message.fraction);
      }
      finish();
      resolve(message);
    });
    // A worker that crashes mid-job (out of memory on a huge picture): the main thread tries.
    const onError = (event: Event) => {
      event.preventDefault();
      finish();
      resolve(null);
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    listen();
    worker.postMessage(request);
  });
}

/** The same work on the main thread, where Workers or OffscreenCanvas are missing (slower page). */
async function onMainThread(request: CompressRequest, options: PrepareOptions): Promise<Outcome> {
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
    return { kind: 'done', ...result, thumbnail: await makeThumbnail(bitmap).catch(() => undefined) };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { kind: 'error', code: 'encode', message: String(error) };
  } finally {
    bitmap.close();
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * One picture decoded at a time: a 12-megapixel photo is ~46 MB decoded plus its canvases, so five
 * chosen at once would take a cheap phone's tab past half a gigabyte. A file cancelled while it
 * waits never starts.
 */
function oneAtATime<T>(signal: AbortSignal | undefined, job: () => Promise<T>): Promise<T> {
  const run = queue.then(() => {
    if (signal?.aborted) throw abortError();
    return job();
  });
  queue = run.catch(() => undefined);
  return run;
}

function renamed(name: string, type: string): string {
  const ext = type === 'image/png' ? 'png' : 'jpg';
  return /\.[^.]+$/.test(name) ? name.replace(/\.[^.]+$/, `.${ext}`) : `${name}.${ext}`;
}

/**
 * Checks a file by its real type and size and makes it fit: documents as they are, small images
 * with their metadata removed, big or exotic images compressed (EXIF gone, orientation applied).
 * Refusals come back as a Validation with the reason and the limit; a cancel rejects with
 * AbortError, and nothing else rejects: a file never stays "being prepared" without an answer.
 */
export async function prepareFile(file: File, policy: AttachPolicy = DEFAULT_POLICY, lang = 'ru', options: PrepareOptions = {}): Promise<Validation<PreparedFile>> {
  try {
    return await prepare(file, policy, lang, options);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    // The file vanished or changed on disk while being read, or the browser ran out of memory.
    return fail('unreadable', attachStrings.t(lang, 'attach.unreadable', { name: file.name }));
  }
}

async function prepare(file: File, policy: AttachPolicy, lang: string, options: PrepareOptions): Promise<Validation<PreparedFile>> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const type = sniffType(head);
  const decision = decide(file.name, file.size, type, policy, lang);
  if (!decision.ok) return decision;
  if (decision.value === 'as-is') {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const clean = type === 'image/jpeg' ? stripJpegMetadata(bytes) : type === 'image/png' ? stripPngMetadata(bytes) : bytes;
    const data = clean.slice().buffer;
    const thumbnail = type === 'image/jpeg' || type === 'image/png' ? await makeThumbnail(new Blob([data], { type })).catch(() => undefined) : undefined;
    options.onProgress?.(1);
    return ok({ name: file.name, type, data, originalSize: file.size, thumbnail });
  }
  const request: CompressRequest = { file, type, options: { targetBytes: policy.imageBytes } satisfies EncodeOptions };
  const source = workerSource(options.workerUrl !== undefined ? options.workerUrl : policy.workerUrl);
  const result = await oneAtATime(options.signal, async () => {
    const inWorkerResult = source && (await inWorker(source, request, options));
    if (inWorkerResult) return inWorkerResult;
    options.onMainThread?.();
    return onMainThread(request, options);
  });
  if (result.kind === 'error') {
    if (result.code === 'decode') return fail(type === 'image/heic' ? 'heic' : 'unreadable', attachStrings.t(lang, type === 'image/heic' ? 'attach.heic' : 'attach.unreadable', { name: file.name }));
    return fail('compress', attachStrings.t(lang, 'attach.compressFailed', { name: file.name, limit: formatBytes(policy.imageBytes, lang) }));
  }
  options.onProgress?.(1);
  return ok({ name: renamed(file.name, result.blob.type), type: result.blob.type, data: await result.blob.arrayBuffer(), originalSize: file.size, thumbnail: result.thumbnail });
}
