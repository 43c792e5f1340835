import type { FieldError } from '../adapter/errors.js';
import type { NewTicket, TechContext } from '../adapter/types.js';
import { formStrings } from '../i18n/catalogues/form.js';
import { formOutcomeStrings } from '../i18n/catalogues/form-outcome.js';
import { validateEmail } from './email.js';
import { validateInn } from './inn.js';
import { validatePhone } from './phone.js';
import { validateSnils } from './snils.js';
import { findSensitive, foundLabels, isUrgent, validateText } from './text.js';
import { TICKET_NUMBER_PATTERN, validateTicketNumber } from './ticket-number.js';
import { schemaMessage } from './schema-messages.js';
import type { Validation } from '../result.js';

export { DEFAULT_RULES, type FieldMode, type TicketRules } from './rules.js';
import { DEFAULT_RULES, type FieldMode, type TicketRules } from './rules.js';

/**
 * A request number in any notation the form accepts (format only; `validateTicketNumber` also
 * checks the check digit and gives the canonical form). Kept for the form's field validator.
 */
export const TICKET_NUMBER = TICKET_NUMBER_PATTERN;

/** Fields of a request and their nested fields; anything else is refused, not stored. */
const TICKET_KEYS = new Set(['topic', 'title', 'description', 'contact', 'consent', 'urgent', 'previousNumber', 'context', 'lang']);
const CONTACT_KEYS = new Set(['phone', 'email', 'fullName', 'snils', 'inn', 'accountNumber']);
const CONSENT_KEYS = new Set(['version', 'givenAt']);
/** Technical context: every value a string of at most this many characters. */
const CONTEXT_LIMITS: Record<keyof TechContext, number> = { pageUrl: 2048, browser: 100, os: 100, screen: 100, occurredAt: 40, appVersion: 100 };
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,3}$/i;
/** At most this many errors are reported: a body with thousands of unknown keys gets a short answer. */
const MAX_ERRORS = 20;

type Check = (value: string, lang: string) => Validation<string>;
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Errors {
  readonly list: FieldError[] = [];
  constructor(private readonly lang: string) {}
  add(field: string, code: string, detail: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ field, code, detail });
  }
  schema(field: string, code: 'object' | 'string' | 'boolean' | 'unknown'): void {
    this.add(field, code === 'unknown' ? 'unknown' : 'type', schemaMessage(this.lang, code, { field }));
  }
  /** Unknown keys of an object, reported by their path. */
  unknown(object: Json, allowed: Set<string>, prefix: string): void {
    for (const key of Object.keys(object)) if (!allowed.has(key)) this.schema(`${prefix}${key.slice(0, 64)}`, 'unknown');
  }
  /** A string field or undefined when absent; a non-string is an error. */
  string(object: Json, key: string, path: string): string | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.schema(path, 'string');
      return undefined;
    }
    return value;
  }
  /** A nested object, `{}` when absent; a non-object is an error. */
  object(object: Json, key: string, path: string, required: boolean): Json | undefined {
    const value = object[key];
    if (value === undefined || value === null) return required ? {} : undefined;
    if (!isObject(value)) {
      this.schema(path, 'object');
      return required ? {} : undefined;
    }
    return value;
  }
}

function optionalField(errors: Errors, field: string, raw: string | undefined, mode: FieldMode, check: Check, lang: string): string | undefined {
  const text = raw?.trim() ?? '';
  if (mode === 'hidden' || (!text && mode === 'optional')) return undefined;
  const result = check(text, lang);
  if (result.ok) return result.value;
  errors.add(field, result.code, result.message);
  return undefined;
}

/** The PII guard of the form: what must not be sent, named so the citizen knows what to remove. */
function sensitiveLabels(text: string, lang: string): string {
  return foundLabels(findSensitive(text, lang));
}

/**
 * Checks a whole request the way the form does, so the server (which never trusts the browser)
 * and the browser refuse the same things with the same words: the schema of docs/api.md (types,
 * allowed keys, lengths), every text normalised to NFC and free of control characters, the
 * contacts, the request number's check digit and the PII guard (card numbers, passwords, codes).
 */
export function validateNewTicket(input: unknown, rules: TicketRules = DEFAULT_RULES, lang = 'ru'): { ok: true; value: NewTicket } | { ok: false; errors: FieldError[] } {
  const errors = new Errors(lang);
  if (!isObject(input)) {
    errors.schema('', 'object');
    return { ok: false, errors: errors.list };
  }
  const data = input;
  errors.unknown(data, TICKET_KEYS, '');
  const contact = errors.object(data, 'contact', 'contact', true)!;
  errors.unknown(contact, CONTACT_KEYS, 'contact.');
  const consent = errors.object(data, 'consent', 'consent', true)!;
  errors.unknown(consent, CONSENT_KEYS, 'consent.');

  const topic = errors.string(data, 'topic', 'topic') ?? '';
  if (!topic || (rules.topics.length > 0 && !rules.topics.includes(topic))) {
    errors.add('topic', 'empty', formStrings.t(lang, 'form.topic.error'));
  }
  const rawTitle = errors.string(data, 'title', 'title') ?? '';
  const title = validateText(rawTitle, { required: true, max: rules.titleMax }, lang);
  if (!title.ok) errors.add('title', title.code, title.code === 'empty' ? formStrings.t(lang, 'form.title.error') : title.message);
  else if (sensitiveLabels(title.value, lang)) errors.add('title', 'pii', formOutcomeStrings.t(lang, 'form.pii.errorTitle', { found: sensitiveLabels(title.value, lang) }));
  const rawDescription = errors.string(data, 'description', 'description') ?? '';
  const description = validateText(rawDescription, { required: true, min: rules.descriptionMin, max: rules.descriptionMax }, lang);
  if (!description.ok) errors.add('description', description.code, description.code === 'empty' ? formStrings.t(lang, 'form.description.error') : description.message);
  else if (sensitiveLabels(description.value, lang)) errors.add('description', 'pii', formOutcomeStrings.t(lang, 'form.pii.error', { found: sensitiveLabels(description.value, lang) }));

  const phone = validatePhone(errors.string(contact, 'phone', 'contact.phone') ?? '', lang);
  if (!phone.ok) errors.add('contact.phone', phone.code, phone.message);
  const email = optionalField(errors, 'contact.email', errors.string(contact, 'email', 'contact.email'), rules.email, validateEmail, lang);
  const fullName = optionalField(errors, 'contact.fullName', errors.string(contact, 'fullName', 'contact.fullName'), rules.fullName, (v, l) => {
    const r = validateText(v, { required: true, max: 200 }, l);
    return r.ok || r.code !== 'empty' ? r : { ok: false, code: 'empty', message: formStrings.t(l, 'form.fullName.error') };
  }, lang);
  const snils = optionalField(errors, 'contact.snils', errors.string(contact, 'snils', 'contact.snils'), rules.snils, validateSnils, lang);
  const inn = optionalField(errors, 'contact.inn', errors.string(contact, 'inn', 'contact.inn'), rules.inn, validateInn, lang);
  const accountNumber = optionalField(errors, 'contact.accountNumber', errors.string(contact, 'accountNumber', 'contact.accountNumber'), 'optional', (v, l) => validateText(v, { max: 64 }, l), lang);

  const rawPrevious = errors.string(data, 'previousNumber', 'previousNumber')?.trim() ?? '';
  let previousNumber: string | undefined;
  if (rawPrevious) {
    const checked = validateTicketNumber(rawPrevious, lang);
    if (checked.ok) previousNumber = checked.value;
    else errors.add('previousNumber', checked.code, checked.code === 'checksum' ? checked.message : formStrings.t(lang, 'form.previous.error'));
  }

  const version = validateText(errors.string(consent, 'version', 'consent.version') ?? '', { required: true, max: 64 }, lang);
  const givenAt = errors.string(consent, 'givenAt', 'consent.givenAt') ?? '';
  if (!version.ok && version.code !== 'empty') errors.add('consent.version', version.code, version.message);
  else if (!version.ok || !givenAt || givenAt.length > 40 || Number.isNaN(Date.parse(givenAt))) {
    errors.add('consent', 'required', formStrings.t(lang, 'form.consent.error'));
  }

  if (data.urgent !== undefined && typeof data.urgent !== 'boolean') errors.schema('urgent', 'boolean');

  const requestLang = errors.string(data, 'lang', 'lang');
  if (requestLang !== undefined && !LANG.test(requestLang)) errors.add('lang', 'format', schemaMessage(lang, 'lang'));

  const rawContext = errors.object(data, 'context', 'context', false);
  let context: TechContext | undefined;
  if (rawContext) {
    errors.unknown(rawContext, new Set(Object.keys(CONTEXT_LIMITS)), 'context.');
    context = {};
    for (const [key, max] of Object.entries(CONTEXT_LIMITS) as [keyof TechContext, number][]) {
      const raw = errors.string(rawContext, key, `context.${key}`);
      if (raw === undefined) continue;
      const checked = validateText(raw, { max }, lang);
      if (!checked.ok) errors.add(`context.${key}`, checked.code, checked.message);
      else if (checked.value) context[key] = checked.value;
    }
    if (context.occurredAt !== undefined && Number.isNaN(Date.parse(context.occurredAt))) errors.add('context.occurredAt', 'format', schemaMessage(lang, 'date', { field: 'context.occurredAt' }));
  }
  if (errors.list.length) return { ok: false, errors: errors.list };

  const value: NewTicket = {
    topic,
    title: title.ok ? title.value : '',
    description: description.ok ? description.value : '',
    contact: { phone: phone.ok ? phone.value : '', email, fullName, snils, inn, accountNumber },
    consent: { version: version.ok ? version.value : '', givenAt: new Date(givenAt).toISOString() },
    urgent: isUrgent(title.ok ? title.value : '', description.ok ? description.value : ''),
    previousNumber,
    context: context && Object.keys(context).length ? context : undefined,
    lang: requestLang?.toLowerCase() || lang,
  };
  return { ok: true, value };
}

export { validateTicketNumber, generateTicketNumber, formatTicketNumber } from './ticket-number.js';
