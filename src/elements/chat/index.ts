export { GuChat } from './gu-chat.js';
export type * from '../../events/index.js';
export { handoff } from '../../events/gu-handoff.js';
export type { ChatApi, ChatMessage, ChatSession, SupportAdapter } from '../../core/adapter/types.js';
export type { AttachPolicy } from '../../core/attach/policy.js';
