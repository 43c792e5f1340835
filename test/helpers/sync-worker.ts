/// <reference lib="webworker" />
// A real worker thread (no window, no document, like a service worker) running the Background Sync drain.
import { syncOutbox } from '../../src/sw/outbox-sync.js';

self.addEventListener('message', async (event: MessageEvent<{ endpoint: string; dbName: string }>) => {
  try {
    self.postMessage({ left: await syncOutbox(event.data) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
});
