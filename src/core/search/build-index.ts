import type { Article } from '../adapter/types.js';
import type { FaqWorkerReply } from './faq.worker.js';
import { createFaqIndex, type SerialisedFaqIndex } from './index.js';

export interface BuildOptions {
  /** Where the worker script is (tests, or a page that hosts it elsewhere); null builds on the page. */
  workerUrl?: URL | string | null;
  /** A worker that has not answered by then is dropped and the page builds instead (10 s). */
  timeoutMs?: number;
  /** Told where the index was built (diagnostics, tests). */
  onBuilt?: (where: 'worker' | 'page') => void;
}

function onPage(articles: readonly Article[], options: BuildOptions): Promise<SerialisedFaqIndex> {
  // After the current task, so whatever asked for the index paints first.
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(createFaqIndex(articles).serialise());
        options.onBuilt?.('page');
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0),
  );
}

function startWorker(url: URL | string | undefined): Worker {
  // The literal `new URL('./faq.worker.ts', import.meta.url)` is what bundlers recognise and emit.
  return url ? new Worker(url, { type: 'module' }) : new Worker(new URL('./faq.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Builds the serialised index in a module Worker; where Workers are missing, fail to start (a
 * missing file, the page's CSP) or do not answer in time, on the page instead. Never hangs.
 */
export function buildFaqIndex(articles: readonly Article[], options: BuildOptions = {}): Promise<SerialisedFaqIndex> {
  const url = options.workerUrl;
  if (url === null || typeof Worker !== 'function') return onPage(articles, options);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker(url);
    } catch {
      return resolve(onPage(articles, options));
    }
    let settled = false;
    const settle = (work: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      worker.terminate();
      work();
    };
    const fallBack = () => settle(() => onPage(articles, options).then(resolve, reject));
    const deadline = setTimeout(fallBack, options.timeoutMs ?? 10_000);
    worker.addEventListener('message', (event: MessageEvent<FaqWorkerReply>) => {
      const reply = event.data;
      if (reply.ok)
        settle(() => {
          resolve(reply.index);
          options.onBuilt?.('worker');
        });
      else fallBack();
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fallBack();
    });
    worker.addEventListener('messageerror', fallBack);
    worker.postMessage({ articles });
  });
}
