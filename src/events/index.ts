/** Every public event of the kit: its detail type and its place in the DOM's event maps. */
export type { SubmitDetail, GuSubmitEvent } from './gu-submit.js';
export type { SubmittedDetail, GuSubmittedEvent } from './gu-submitted.js';
export type { ErrorDetail, GuErrorEvent, ErrorKind } from './gu-error.js';
export type { DeliveryFailedDetail, GuDeliveryFailedEvent } from './gu-delivery-failed.js';
export type { QueuedDetail, GuQueuedEvent } from './gu-queued.js';
export type { DeliveredDetail, GuDeliveredEvent } from './gu-delivered.js';
export { handoff, type HandoffDetail, type GuHandoffEvent } from './gu-handoff.js';
export type { TicketLoadedDetail, GuTicketLoadedEvent } from './gu-ticket-loaded.js';
export { openTicketStatus, type TicketOpenDetail, type GuTicketOpenEvent } from './gu-ticket-open.js';
export type { ChatOpenDetail, GuChatOpenEvent } from './gu-chat-open.js';
export type { ChatCloseDetail, GuChatCloseEvent } from './gu-chat-close.js';
export type { MessageDetail, GuMessageEvent } from './gu-message.js';
export type { OperatorJoinedDetail, GuOperatorJoinedEvent } from './gu-operator-joined.js';
export type { ChatEndedDetail, GuChatEndedEvent } from './gu-chat-ended.js';
