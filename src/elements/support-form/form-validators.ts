import type { FieldValidator } from '../internal/form-control.js';
import { validateEmail } from '../../core/validate/email.js';
import { validateInn } from '../../core/validate/inn.js';
import { validatePhone } from '../../core/validate/phone.js';
import { validateSnils } from '../../core/validate/snils.js';
import { validateText } from '../../core/validate/text.js';
import { DEFAULT_RULES } from '../../core/validate/rules.js';
import { validateTicketNumber } from '../../core/validate/ticket-number.js';

/** The checks of each field, the same code the server runs; they arrive just after the first paint. */
export function fieldValidators(descriptionMax: number): Record<'previousNumber' | 'title' | 'description' | 'contact.phone' | 'contact.email' | 'contact.snils' | 'contact.inn', FieldValidator> {
  return {
    previousNumber: validateTicketNumber,
    title: (v, lang) => validateText(v, { max: DEFAULT_RULES.titleMax }, lang),
    description: (v, lang) => validateText(v, { min: DEFAULT_RULES.descriptionMin, max: descriptionMax }, lang),
    'contact.phone': validatePhone,
    'contact.email': validateEmail,
    'contact.snils': validateSnils,
    'contact.inn': (v, lang) => validateInn(v, lang),
  };
}

export type FieldValidators = ReturnType<typeof fieldValidators>;
