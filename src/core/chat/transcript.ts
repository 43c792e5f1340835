import type { ChatMessage } from '../adapter/types.js';
import { dateTimeFormat } from '../i18n/formats.js';

/** Who wrote a message, in the reader's words. */
export type AuthorNames = Record<ChatMessage['author'], string>;

/**
 * The conversation as plain text: one block per message with its Moscow time and author, for
 * «Сохранить переписку» and for a request written from the chat (nothing retyped).
 */
export function transcriptText(messages: readonly Pick<ChatMessage, 'author' | 'text' | 'at'>[], names: AuthorNames, lang = 'ru'): string {
  const time = dateTimeFormat(lang, { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return messages.map((m) => `[${time.format(new Date(m.at))}] ${names[m.author]}: ${m.text}`).join('\n');
}
