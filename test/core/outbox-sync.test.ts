import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import { Outbox } from '../../src/core/outbox/outbox.js';
import { sendTicket } from '../../src/core/outbox/senders.js';
import { PNG_1x1 } from '../helpers/files.js';
import { countRows, referenceServer, stopReferenceServer } from '../helpers/reference-server.js';

describe('Background Sync drain (src/sw/outbox-sync.ts) in a real worker', () => {
  it('delivers what a page queued, with its files, from a thread without window or document', async () => {
    const { url, api } = await referenceServer();
    const dbName = `gu-sync-test-${Date.now()}`;
    const page = await Outbox.open({ adapter: new RestAdapter({ endpoint: api }), target: api, senders: { ticket: sendTicket }, dbName });
    await stopReferenceServer();
    await page.enqueue(
      'ticket',
      'form',
      { topic: 'technical', title: 'Из воркера', description: 'Отправлено фоновой синхронизацией.', contact: { phone: '+79123456789' }, consent: { version: '1', givenAt: new Date().toISOString() } },
      [{ name: 'screen.png', type: 'image/png', data: PNG_1x1.slice().buffer }],
      'Из воркера',
    );
    page.close(); // the tab is gone; only the worker is left
    await referenceServer();
    const before = await countRows(url, 'tickets');
    const attachmentsBefore = await countRows(url, 'attachments');
    const worker = new Worker(new URL('../helpers/sync-worker.ts', import.meta.url), { type: 'module' });
    const answer = new Promise<{ left?: number; error?: string }>((resolve) => worker.addEventListener('message', (e) => resolve(e.data), { once: true }));
    worker.postMessage({ endpoint: api, dbName });
    const result = await answer;
    worker.terminate();
    expect(result).to.deep.equal({ left: 0 });
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
    expect(await countRows(url, 'attachments')).to.equal(attachmentsBefore + 1);
  });
});
