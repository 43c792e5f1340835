import type { FieldError } from '../adapter/errors.js';
import type { NewTicket } from '../adapter/types.js';
import { translate } from '../i18n/translate.js';
import { validateEmail } from './email.js';
import { validateInn } from './inn.js';
import { validatePhone } from './phone.js';
import { validateSnils } from './snils.js';
import { isUrgent, validateText } from './text.js';
import type { Validation } from '../result.js';

export type FieldMode = 'hidden' | 'optional' | 'required';

/** Limits and field modes; the form and the server read the same values. */
export interface TicketRules {
  topics: readonly string[];
  titleMax: number;
  descriptionMin: number;
  descriptionMax: number;
  email: FieldMode;
  fullName: FieldMode;
  snils: FieldMode;
  inn: FieldMode;
}

export const DEFAULT_RULES: TicketRules = {
  topics: [],
  titleMax: 150,
  descriptionMin: 10,
  descriptionMax: 2000,
  email: 'optional',
  fullName: 'optional',
  snils: 'optional',
  inn: 'optional',
};

/** A request number: what the reference server issues and what users copy (digits, maybe dashes). */
export const TICKET_NUMBER = /^[0-9A-Za-z-]{4,32}$/;

type Check = (value: string, lang: string) => Validation<string>;

function optionalField(errors: FieldError[], field: string, raw: unknown, mode: FieldMode, check: Check, lang: string): string | undefined {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (mode === 'hidden' || (!text && mode === 'optional')) return undefined;
  const result = check(text, lang);
  if (result.ok) return result.value;
  errors.push({ field, code: result.code, detail: result.message });
  return undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Checks a whole request the way the form does, so the server (which never trusts the browser)
 * and the browser refuse the same things with the same words.
 */
export function validateNewTicket(input: unknown, rules: TicketRules = DEFAULT_RULES, lang = 'ru'): { ok: true; value: NewTicket } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const data = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const contact = (typeof data.contact === 'object' && data.contact !== null ? data.contact : {}) as Record<string, unknown>;
  const consent = (typeof data.consent === 'object' && data.consent !== null ? data.consent : {}) as Record<string, unknown>;

  const topic = str(data.topic);
  if (!topic || (rules.topics.length > 0 && !rules.topics.includes(topic))) {
    errors.push({ field: 'topic', code: 'empty', detail: translate(lang, 'form.topic.error') });
  }
  const title = validateText(str(data.title), { required: true, max: rules.titleMax }, lang);
  if (!title.ok) errors.push({ field: 'title', code: title.code, detail: title.code === 'empty' ? translate(lang, 'form.title.error') : title.message });
  const description = validateText(str(data.description), { required: true, min: rules.descriptionMin, max: rules.descriptionMax }, lang);
  if (!description.ok) errors.push({ field: 'description', code: description.code, detail: description.code === 'empty' ? translate(lang, 'form.description.error') : description.message });

  const phone = validatePhone(str(contact.phone), lang);
  if (!phone.ok) errors.push({ field: 'contact.phone', code: phone.code, detail: phone.message });
  const email = optionalField(errors, 'contact.email', contact.email, rules.email, validateEmail, lang);
  const fullName = optionalField(errors, 'contact.fullName', contact.fullName, rules.fullName, (v, l) => {
    const r = validateText(v, { required: true, max: 200 }, l);
    return r.ok || r.code !== 'empty' ? r : { ok: false, code: 'empty', message: translate(l, 'form.fullName.error') };
  }, lang);
  const snils = optionalField(errors, 'contact.snils', contact.snils, rules.snils, validateSnils, lang);
  const inn = optionalField(errors, 'contact.inn', contact.inn, rules.inn, validateInn, lang);
  const accountNumber = str(contact.accountNumber).trim().slice(0, 64) || undefined;

  const previousNumber = str(data.previousNumber).trim();
  if (previousNumber && !TICKET_NUMBER.test(previousNumber)) {
    errors.push({ field: 'previousNumber', code: 'format', detail: translate(lang, 'form.previous.error') });
  }
  const givenAt = str(consent.givenAt);
  if (!str(consent.version) || Number.isNaN(Date.parse(givenAt))) {
    errors.push({ field: 'consent', code: 'required', detail: translate(lang, 'form.consent.error') });
  }
  if (errors.length) return { ok: false, errors };

  const value: NewTicket = {
    topic,
    title: title.ok ? title.value : '',
    description: description.ok ? description.value : '',
    contact: { phone: phone.ok ? phone.value : '', email, fullName, snils, inn, accountNumber },
    consent: { version: str(consent.version), givenAt: new Date(givenAt).toISOString() },
    urgent: isUrgent(str(data.title), str(data.description)),
    previousNumber: previousNumber || undefined,
    context: typeof data.context === 'object' && data.context !== null ? (data.context as NewTicket['context']) : undefined,
    lang: str(data.lang) || lang,
  };
  return { ok: true, value };
}
