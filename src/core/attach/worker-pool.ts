/**
 * Starting the compression Worker so that a failure can never hold a file: a worker whose script
 * is missing (404), is not JavaScript (an app server answering HTML), is refused by the page's CSP
 * or never says it is ready is discarded, and the caller gets `null` (the main thread does the
 * work). Listeners are attached when the worker is created, so an error that happens while a
 * prewarmed worker waits for its first file is not lost.
 *
 * The worker says `{ kind: 'ready' }` once its code runs (see compress.worker.ts).
 */

/** Creates the Worker; may throw (a cross-origin URL, a CSP that forbids workers). */
export type WorkerFactory = () => Worker;

/** How long a file waits for a worker that has not said it is ready yet (its script still loading). */
export const READY_TIMEOUT_MS = 5_000;
/** An unused prewarmed worker is stopped after this long, to give its memory back. */
const IDLE_MS = 60_000;

interface Slot {
  key: string;
  worker: Worker;
  /** true once the worker said it is ready, false when it failed to start. */
  settled: Promise<boolean>;
  idle?: ReturnType<typeof setTimeout>;
}

let warm: Slot | undefined;
/** Workers that failed to start, by key: later files go to the main thread at once. */
const broken = new Set<string>();

function start(key: string, factory: WorkerFactory): Slot | undefined {
  let worker: Worker;
  try {
    worker = factory();
  } catch {
    broken.add(key);
    return undefined;
  }
  const settled = new Promise<boolean>((resolve) => {
    const done = (ready: boolean) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      if (!ready) {
        worker.terminate();
        broken.add(key);
      }
      resolve(ready);
    };
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { kind?: unknown } | null)?.kind === 'ready') done(true);
    };
    const onError = (event: Event) => {
      event.preventDefault(); // handled: the page's console need not show an uncaught error
      done(false);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
  });
  return { key, worker, settled };
}

/**
 * Starts a worker ahead of need (when the citizen first focuses the form or the file control), so
 * the first file does not wait for the worker's script. Does nothing where Workers are missing or
 * this worker already failed.
 */
export function prewarmWorker(key: string, factory: WorkerFactory): void {
  if (typeof Worker !== 'function' || broken.has(key) || warm?.key === key) return;
  discardWarm();
  const slot = start(key, factory);
  if (!slot) return;
  slot.idle = setTimeout(() => {
    if (warm === slot) discardWarm();
  }, IDLE_MS);
  warm = slot;
  // A prewarmed worker that fails is forgotten at once.
  void slot.settled.then((ready) => {
    if (!ready && warm === slot) warm = undefined;
  });
}

function discardWarm(): void {
  if (!warm) return;
  clearTimeout(warm.idle);
  warm.worker.terminate();
  warm = undefined;
}

export interface AcquireOptions {
  /** How long to wait for a worker that has not said it is ready; then it is discarded. */
  readyTimeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * A started, answering worker for one job (the caller owns it and terminates it when done), or
 * `null` when no worker can be had: then the caller works on the main thread. Never rejects.
 * A fresh worker is prewarmed for the next file.
 */
export async function acquireWorker(key: string, factory: WorkerFactory, options: AcquireOptions = {}): Promise<Worker | null> {
  if (typeof Worker !== 'function' || broken.has(key) || options.signal?.aborted) return null;
  let slot: Slot | undefined;
  if (warm?.key === key) {
    slot = warm;
    clearTimeout(slot.idle);
    warm = undefined;
  } else slot = start(key, factory);
  if (!slot) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), options.readyTimeoutMs ?? READY_TIMEOUT_MS);
    onAbort = () => resolve(false);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const ready = await Promise.race([slot.settled, deadline]);
  clearTimeout(timer);
  if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  if (!ready) {
    slot.worker.terminate();
    // Silent past the deadline: this worker is not coming (a hung request, a wrong file).
    if (!options.signal?.aborted) broken.add(key);
    return null;
  }
  prewarmWorker(key, factory);
  return slot.worker;
}

/** Whether a worker under this key failed to start on this page (for tests and diagnostics). */
export function workerFailed(key: string): boolean {
  return broken.has(key);
}
