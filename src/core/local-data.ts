import { forgetRecentNumbers } from './ticket/recent.js';

/**
 * Deletes everything the kit keeps in this browser, for every element on this site: queued
 * requests with their files, drafts, delivered receipts, the cached FAQ index, the request numbers and last known statuses of
 * <gu-ticket-status>, chat histories. Each part's code
 * is loaded only now, so a page that never calls this never downloads it.
 */
export async function clearLocalData(): Promise<void> {
  forgetRecentNumbers();
  const [outbox, faq, lastKnown, chat] = await Promise.all([
    import('./outbox/outbox.js'),
    import('./search/cache.js'),
    import('./ticket/last-known.js'),
    import('./chat/history.js'),
  ]);
  await Promise.all([outbox.clearLocalData(), faq.clearFaqCache(), lastKnown.clearLastKnown(), chat.clearChatHistory()]);
}
