/**
 * `gu-support-kit/all`: registers every element at once (for apps that want them all eagerly
 * and bundle the kit themselves) and exports the public API of `gu-support-kit`.
 */
import './elements/provider/index.js';
import './elements/support-form/index.js';
import './elements/chat/index.js';
import './elements/faq-search/index.js';
import './elements/ticket-status/index.js';

export * from './index.js';
