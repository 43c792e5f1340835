import type { Translation } from '../catalogue.js';
import type { outbox as ru } from '../ru/outbox.js';

/** The offline queue: what waits, what was delivered, storage problems. */
export const outbox: Translation<typeof ru> = {
  'outbox.title': 'Waiting to be sent',
  'outbox.offline': 'Will be sent when the connection is back',
  'outbox.retrying': 'The support server has not accepted it yet — we will retry automatically',
  'outbox.written': 'Written {time}',
  'outbox.cancel': 'Cancel and return to the form',
  'outbox.expired': 'Not sent within {days}. Send it now, or download it and delete the copy from the browser.',
  'outbox.sendNow': 'Send now',
  'outbox.download': 'Download the request',
  'outbox.delete': 'Delete from the browser',
  'outbox.notify': 'Notify me when it is sent',
  'outbox.notification': 'Request “{summary}” delivered: No. {number}',
  'outbox.alreadyQueued': 'This request is already waiting to be sent — no need for a second one.',
  'outbox.unavailable': 'This browser does not allow saving data (for example in private mode): the draft will not be kept and the request cannot be sent offline. If the connection drops, download the request as a file.',
  'outbox.blocked': 'The portal is open in another tab with an older version of the form. Close it so drafts and offline sending work again. Until then the request is sent only while online.',
  'outbox.quota': 'The browser has no room to keep the request in case the connection drops. Send it without saving or download it as a file.',
  'outbox.sendWithoutSaving': 'Send without saving',
};
