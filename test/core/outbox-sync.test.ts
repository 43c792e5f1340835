import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import { Outbox } from '../../src/core/outbox/outbox.js';
import { shippedSenders } from '../../src/core/outbox/senders/index.js';
import { PNG_1x1 } from '../helpers/files.js';
import { chatMessage, citizenTexts, ticket } from '../helpers/outbox.js';
import { countRows, referenceServer, stopReferenceServer } from '../helpers/reference-server.js';

describe('Background Sync drain (src/sw/outbox-sync.ts) in a real worker', () => {
  it('delivers every shipped kind a page queued, with its files, from a thread without window or document', async () => {
    const { url, api } = await referenceServer();
    const dbName = `gu-sync-test-${Date.now()}`;
    const adapter = new RestAdapter({ endpoint: api });
    const session = await adapter.createChatSession();
    const page = await Outbox.open({ adapter, target: api, senders: shippedSenders, dbName });
    await stopReferenceServer();
    await page.enqueue('ticket', 'form', ticket('Из воркера'), [{ name: 'screen.png', type: 'image/png', data: PNG_1x1.slice().buffer }], 'Из воркера');
    for (const text of ['Первое из воркера', 'Второе из воркера']) await page.enqueue('chat-message', `chat:${session.id}`, chatMessage(session, text), [], text);
    // A kind only its page can send waits for that page; the worker does not ask to be retried for it.
    await page.enqueue('test-orphan', 'other-view', ticket('Только для своей страницы'), [], 'Чужой вид');
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
    expect(await citizenTexts(api, session)).to.deep.equal(['Первое из воркера', 'Второе из воркера']);
  });
});
