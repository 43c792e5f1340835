import { articleFeedbackSender } from './article-feedback.js';
import { chatMessageSender } from './chat-message.js';
import { chatRatingSender } from './chat-rating.js';
import { commentSender } from './comment.js';
import type { SenderRegistry } from './registry.js';
import { ticketSender } from './ticket.js';

export type { OutboxKind, OutboxKinds, Sender, SenderRegistry } from './registry.js';
export type { ArticleFeedbackPayload } from './article-feedback.js';
export type { ChatMessagePayload } from './chat-message.js';
export type { ChatRatingPayload } from './chat-rating.js';
export type { CommentPayload } from './comment.js';
export { articleFeedbackSender, chatMessageSender, chatRatingSender, commentSender, ticketSender };

/** Every sender the kit ships: what pages and the service-worker drain register. */
export const shippedSenders: SenderRegistry = {
  ticket: ticketSender,
  comment: commentSender,
  'chat-message': chatMessageSender,
  'chat-rating': chatRatingSender,
  'article-feedback': articleFeedbackSender,
};
