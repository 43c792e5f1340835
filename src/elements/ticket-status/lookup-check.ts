import { validateEmail } from '../../core/validate/email.js';
import { validatePhone } from '../../core/validate/phone.js';
import { validateTicketNumber } from '../../core/validate/ticket-number.js';
import type { GuTicketStatus } from './gu-ticket-status.js';
import type { LookupState } from './lookup-form.js';

/**
 * The look-up checked in the browser with the core validators: the number with its check digit,
 * the contact as a phone (any Russian notation) or an e-mail, both normalised for sending.
 */
export function checkLookup(host: GuTicketStatus, { number, contact }: Pick<LookupState, 'number' | 'contact'>): { ok: true; number: string; contact: string } | { ok: false; errors: LookupState['errors'] } {
  const lang = host.locale;
  const checkedNumber = validateTicketNumber(number, lang);
  const trimmed = contact.trim();
  const checkedContact = trimmed.includes('@') ? validateEmail(trimmed, lang) : validatePhone(trimmed, lang);
  if (checkedNumber.ok && checkedContact.ok) return { ok: true, number: checkedNumber.value, contact: checkedContact.value };
  return {
    ok: false,
    errors: {
      ...(checkedNumber.ok ? {} : { number: checkedNumber.message }),
      ...(checkedContact.ok ? {} : { contact: host.t(trimmed ? 'ticket.lookup.contactInvalid' : 'ticket.lookup.contactEmpty') }),
    },
  };
}
