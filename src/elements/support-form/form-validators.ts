import type { FieldValidator } from '../internal/form-control.js';
import { validateEmail } from '../../core/validate/email.js';
import { validateInn } from '../../core/validate/inn.js';
import { validatePhone } from '../../core/validate/phone.js';
import { validateSnils } from '../../core/validate/snils.js';
import { validateText } from '../../core/validate/text.js';
import { DEFAULT_RULES, TICKET_NUMBER } from '../../core/validate/ticket.js';
import { translate } from '../../core/i18n/translate.js';
import { fail, ok } from '../../core/result.js';

/** The checks of each field, the same code the server runs; they arrive just after the first paint. */
export function fieldValidators(descriptionMax: number): Record<'previousNumber' | 'title' | 'description' | 'contact.phone' | 'contact.email' | 'contact.snils' | 'contact.inn', FieldValidator> {
  return {
    previousNumber: (v, lang) => (TICKET_NUMBER.test(v.trim()) ? ok(v.trim()) : fail('format', translate(lang, 'form.previous.error'))),
    title: (v, lang) => validateText(v, { max: DEFAULT_RULES.titleMax }, lang),
    description: (v, lang) => validateText(v, { min: DEFAULT_RULES.descriptionMin, max: descriptionMax }, lang),
    'contact.phone': validatePhone,
    'contact.email': validateEmail,
    'contact.snils': validateSnils,
    'contact.inn': (v, lang) => validateInn(v, lang),
  };
}

export type FieldValidators = ReturnType<typeof fieldValidators>;
