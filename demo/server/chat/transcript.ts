import type { AttachmentInfo } from '../../../src/core/adapter/types.js';
import { texts, type Lang } from './texts.js';
import type { ChatMessage } from './wire.js';

/** `04.12.2026 18:31` in Moscow time (UTC+3, no DST), the same on every machine. */
function moscowTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 3 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/**
 * The conversation as plain text for «Оставить обращение» (one block per message:
 * `[04.12.2026 18:31] Вы: …`, file names in brackets) and every file sent in it.
 */
export function transcript(messages: ChatMessage[], lang: Lang): { text: string; attachments: AttachmentInfo[] } {
  const t = texts(lang);
  const who = (m: ChatMessage) => (m.author === 'citizen' ? t.citizen : m.author === 'bot' ? t.bot : m.author === 'operator' ? (m.operatorName ?? t.operatorName) : t.system);
  const blocks = messages.map((m) => {
    const cards = m.articles?.length ? `\n${m.articles.map((a) => `— ${a.title}`).join('\n')}` : '';
    const files = m.attachments?.length ? ` [${t.files}: ${m.attachments.map((a) => a.name).join(', ')}]` : '';
    return `[${moscowTime(m.at)}] ${who(m)}: ${m.text}${cards}${files}`;
  });
  return { text: blocks.join('\n\n'), attachments: messages.flatMap((m) => m.attachments ?? []) };
}
