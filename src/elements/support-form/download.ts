import { saveTextFile } from '../internal/save-text.js';
import type { NewTicket } from '../../core/adapter/types.js';
import { formStrings } from '../../core/i18n/catalogues/form.js';

/** The request as a plain-text file the user can keep or send by e-mail when nothing else works. */
export function requestAsText(ticket: NewTicket, lang: string): string {
  const t = (key: Parameters<typeof formStrings.t>[1]) => formStrings.t(lang, key);
  const rows: [string, string | undefined][] = [
    [t('form.topic.label'), ticket.topic],
    [t('form.previous.label'), ticket.previousNumber],
    [t('form.title.label'), ticket.title],
    [t('form.description.label'), ticket.description],
    [t('form.phone.label'), ticket.contact.phone],
    [t('form.email.label'), ticket.contact.email],
    [t('form.fullName.label'), ticket.contact.fullName],
    [t('form.snils.label'), ticket.contact.snils],
    [t('form.inn.label'), ticket.contact.inn],
    [t('form.context.time'), ticket.context?.occurredAt],
  ];
  return rows.filter(([, value]) => value).map(([label, value]) => `${label}:\n${value}\n`).join('\n');
}

/** Saves the request as a text file through a temporary link (works under a strict CSP). */
export function downloadRequest(ticket: NewTicket, lang: string): void {
  saveTextFile(requestAsText(ticket, lang), `${formStrings.t(lang, 'form.heading')}.txt`);
}
