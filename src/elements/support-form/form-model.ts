import type { NewTicket, TechContext, TicketReceipt, Topic } from '../../core/adapter/types.js';
import type { ErrorMessages } from '../../core/i18n/errors.js';
import type { FormValues } from '../../core/ticket-fields.js';
import { isUrgent } from '../../core/validate/urgency.js';

export { FIELD_ORDER, type FieldKey, type FormValues } from '../../core/ticket-fields.js';

/** What the form holds while the citizen works with it. */
export interface FormState {
  values: FormValues;
  consent: boolean;
  consentGivenAt?: Date;
  excludeContext: boolean;
  /** «Техническая информация» is open. */
  contextOpen?: boolean;
  context: TechContext;
  loadedTopics?: Topic[];
  topicsLoading: boolean;
  phase: 'editing' | 'sending' | 'sent';
  notice: string;
  receipt?: TicketReceipt;
  /** The title of the request the receipt is for, when it was written before this page showed it. */
  receiptSummary?: string;
  /** Saving for offline failed for this request: the citizen chooses another way. */
  storageFault?: NewTicket;
}

/** The form's own words for failures: they tell the citizen to press «Отправить» again. */
export const FORM_ERRORS: ErrorMessages = {
  offline: 'form.error.offline',
  timeout: 'form.error.timeout',
  server: 'form.error.server',
  'rate-limited': 'form.error.rateLimited',
  rejected: 'form.error.rejected',
  'not-found': 'form.error.notFound',
  // Creating a ticket needs no ticket access: a refused bearer token is a refusal.
  unauthorized: 'form.error.rejected',
  'no-adapter': 'form.error.noAdapter',
  'no-slice': 'form.error.noSlice',
};

export interface BuildInput {
  values: FormValues;
  consentVersion: string;
  consentGivenAt: Date;
  context?: TechContext;
  lang: string;
}

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function buildTicket({ values, consentVersion, consentGivenAt, context, lang }: BuildInput): NewTicket {
  const title = values.title?.trim() ?? '';
  const description = values.description?.trim() ?? '';
  return {
    topic: values.topic ?? '',
    title,
    description,
    contact: {
      phone: values['contact.phone']?.trim() ?? '',
      email: optional(values['contact.email']),
      fullName: optional(values['contact.fullName']),
      snils: optional(values['contact.snils']),
      inn: optional(values['contact.inn']),
      accountNumber: optional(values['contact.accountNumber']),
    },
    consent: { version: consentVersion, givenAt: consentGivenAt.toISOString() },
    urgent: isUrgent(title, description),
    previousNumber: optional(values.previousNumber),
    ...(context ? { context } : {}),
    lang,
  };
}

/** The part of a request that makes it "the same request": not the consent time nor the context. */
export function contentKey(ticket: NewTicket): string {
  const { topic, title, description, contact, previousNumber } = ticket;
  return JSON.stringify([topic, title.replace(/\s+/g, ' '), description.replace(/\s+/g, ' '), contact, previousNumber ?? '']);
}

/** The form's values for a request taken back from the outbox (refused, or cancelled by the user). */
export function valuesFromTicket(ticket: NewTicket): FormValues {
  const { contact } = ticket;
  const entries: [keyof FormValues, string | undefined][] = [
    ['topic', ticket.topic],
    ['previousNumber', ticket.previousNumber],
    ['title', ticket.title],
    ['description', ticket.description],
    ['contact.phone', contact.phone],
    ['contact.email', contact.email],
    ['contact.fullName', contact.fullName],
    ['contact.snils', contact.snils],
    ['contact.inn', contact.inn],
    ['contact.accountNumber', contact.accountNumber],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value));
}
