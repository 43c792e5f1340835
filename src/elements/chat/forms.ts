/** What the chat's small forms do: the call-back, the rating, and the hand-off of the transcript to the request form. */
import type { AttachmentInfo } from '../../core/adapter/types.js';
import { transcriptText } from '../../core/chat/transcript.js';
import { formatPhone, validatePhone } from '../../core/validate/phone.js';
import { handoff } from '../../events/gu-handoff.js';
import type { Conversation } from './conversation.js';
import type { GuChat } from './gu-chat.js';

/** «Жду звонка»: the phone checked as in the form, the consent required, one request per chat (`key`). */
export async function submitCallback(host: GuChat, conversation: Conversation | undefined, event: Event, key: string): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const input = form.elements.namedItem('phone') as HTMLInputElement;
  const consent = form.elements.namedItem('consent') as HTMLInputElement;
  const phone = validatePhone(input.value, host.locale);
  host.phoneError = phone.ok ? (consent.checked ? '' : host.t('chat.consentNeeded')) : phone.message;
  if (!phone.ok || host.phoneError) return void (host.requestUpdate(), (phone.ok ? consent : input).focus());
  const session = conversation?.session;
  try {
    if (session) await conversation.api.requestCallback?.(session, phone.value, { version: host.consentVersion, givenAt: new Date().toISOString() }, { idempotencyKey: key, lang: host.locale });
    host.update$({ callback: formatPhone(phone.value) });
  } catch {
    host.update$({ error: host.t('chat.error.start') });
  }
}

/** The rating (1–5, optional comment) through the outbox, kind `chat-rating`: it arrives after the chat's last messages. */
export async function submitRating(host: GuChat, conversation: Conversation | undefined, event: Event): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const score = Number(data.get('score'));
  if (!score || !conversation?.session) return void form.querySelector('input')?.focus();
  const comment = String(data.get('comment') ?? '').trim();
  const session = { id: conversation.session.id, token: conversation.session.token };
  if (conversation.outbox) {
    await conversation.outbox.enqueue('chat-rating', conversation.owner, { session, score, ...(comment ? { comment } : {}) }, [], `${score}/5`);
    void conversation.outbox.drain();
  } else await conversation.api.rateChat(session, score, comment || undefined).catch(() => undefined);
  host.update$({ rated: true });
  conversation.save();
}

/** The conversation as text, the authors in the chat's language. */
export function chatTranscript(host: GuChat): string {
  const names = { citizen: host.t('chat.author.citizen'), bot: host.t('chat.author.bot'), operator: host.t('chat.author.operator'), system: host.t('chat.author.system') };
  return transcriptText(host.view.messages, names, host.locale);
}

/** The files of the chat, downloaded through their signed links (only from this page's or the API's origin); one that fails is left out. */
async function download(host: GuChat, attachments: readonly AttachmentInfo[]): Promise<File[]> {
  const origins = new Set([location.origin, new URL(host.endpoint || location.href, location.href).origin]);
  const files = await Promise.all(
    attachments.map(async (a) => {
      if (!origins.has(new URL(a.url, location.href).origin)) return undefined;
      const response = await fetch(a.url, { credentials: 'omit' }).catch(() => undefined);
      return response?.ok ? new File([await response.blob()], a.name, { type: a.type }) : undefined;
    }),
  );
  return files.filter((f): f is File => f !== undefined);
}

/**
 * «Оставить обращение»: `gu-handoff` with the transcript as the description and the chat's files
 * as attachments (the server's copy of both, `GET …/transcript`; the local transcript when the
 * server has none or the bot is the browser's). A long one keeps its newest messages within the
 * form's limit, «…» where it was cut. The chat window closes.
 */
export async function handOver(host: GuChat, conversation: Conversation | undefined, local: string): Promise<void> {
  const session = conversation?.session;
  const held = session && conversation.api.chatTranscript ? await conversation.api.chatTranscript(session, { lang: host.locale }).catch(() => undefined) : undefined;
  const files = held ? await download(host, held.attachments) : [];
  const transcript = held && conversation?.api.chatBot !== 'client' ? held.text : local;
  const form = document.querySelector('gu-support-form');
  const limit = form?.descriptionMax ?? 2000;
  const chars = [...transcript];
  handoff({ title: host.t('chat.handoffTitle'), description: chars.length > limit ? `…${chars.slice(chars.length - limit + 1).join('')}` : transcript, ...(files.length ? { files } : {}) });
  host.close();
  form?.scrollIntoView({ block: 'start' });
}
