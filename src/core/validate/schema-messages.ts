import { supportedLang, type Params } from '../i18n/translate.js';

/**
 * Messages of the request schema check (`validateNewTicket`): only a script posting to the API
 * directly ever sees them (the form never sends an unknown key or a wrong type), so they live
 * here, beside the check, instead of in every page's dictionary. Both languages are required.
 */
const MESSAGES = {
  ru: {
    object: 'Поле {field} должно быть набором полей (объектом JSON)',
    string: 'Поле {field} должно быть строкой текста',
    boolean: 'Поле {field} принимает только true или false',
    unknown: 'Поле {field} не предусмотрено — уберите его из запроса',
    lang: 'Укажите язык кодом, например ru или en',
    date: 'Укажите в поле {field} дату и время в формате ISO 8601, например 2026-11-22T09:15:00Z',
  },
  en: {
    object: 'Field {field} must be a set of fields (a JSON object)',
    string: 'Field {field} must be a text string',
    boolean: 'Field {field} accepts only true or false',
    unknown: 'Field {field} is not part of a request — remove it',
    lang: 'Give the language as a code, for example ru or en',
    date: 'Give a date and time in field {field} in ISO 8601, for example 2026-11-22T09:15:00Z',
  },
} satisfies Record<'ru' | 'en', Record<string, string>>;

export type SchemaMessage = keyof (typeof MESSAGES)['ru'];

export function schemaMessage(lang: string, key: SchemaMessage, params: Params = {}): string {
  const table = supportedLang(lang) === 'en' ? MESSAGES.en : MESSAGES.ru;
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
