/** Builds the FAQ index off the page's main thread (see build-index.ts). */
import type { Article } from '../adapter/types.js';
import { createFaqIndex, type SerialisedFaqIndex } from './index.js';

export type FaqWorkerReply = { ok: true; index: SerialisedFaqIndex } | { ok: false; message: string };

self.addEventListener('message', (event: MessageEvent<{ articles: Article[] }>) => {
  let reply: FaqWorkerReply;
  try {
    reply = { ok: true, index: createFaqIndex(event.data.articles).serialise() };
  } catch (error) {
    reply = { ok: false, message: String(error) };
  }
  self.postMessage(reply);
});
