import type { FieldError } from '../../src/core/adapter/errors.js';
import { translate } from '../../src/core/i18n/translate.js';
import { schemaMessage } from '../../src/core/validate/schema-messages.js';
import { findSensitive, foundLabels, validateText } from '../../src/core/validate/text.js';
import { HttpError, PROBLEM } from './http.js';

/** The language of server messages: `en` for Accept-Language en…, else Russian. */
export function langOf(acceptLanguage: string | undefined): 'ru' | 'en' {
  return (acceptLanguage ?? '').toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function invalid(title: string, errors: FieldError[]): HttpError {
  return new HttpError(422, PROBLEM.validation, title, errors.slice(0, 20));
}

/** Refuses a body with keys other than `allowed`, or a non-object body. */
export function onlyKeys(payload: unknown, allowed: string[], lang: string): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalid('Тело запроса — не объект JSON', [{ field: '', code: 'type', detail: schemaMessage(lang, 'object', { field: 'body' }) }]);
  }
  const unknown = Object.keys(payload).filter((key) => !allowed.includes(key));
  if (unknown.length) {
    throw invalid(
      'В запросе есть лишние поля',
      unknown.map((key) => ({ field: key.slice(0, 64), code: 'unknown', detail: schemaMessage(lang, 'unknown', { field: key.slice(0, 64) }) })),
    );
  }
  return payload as Record<string, unknown>;
}

/**
 * A citizen's free text (a ticket comment, a chat message, a rating comment): the text rules and
 * the form's PII guard, so a script posting directly gets the same refusal as the element.
 * Returns the NFC-normalised, trimmed text.
 */
export function citizenText(raw: unknown, field: string, rule: { required: boolean; max: number }, lang: string): string {
  if (raw !== undefined && typeof raw !== 'string') throw invalid('Текст заполнен с ошибками', [{ field, code: 'type', detail: schemaMessage(lang, 'string', { field }) }]);
  const text = validateText((raw as string | undefined) ?? '', rule, lang);
  if (!text.ok) throw invalid('Текст заполнен с ошибками', [{ field, code: text.code, detail: text.message }]);
  const found = foundLabels(findSensitive(text.value, lang));
  if (found) throw invalid('Текст заполнен с ошибками', [{ field, code: 'pii', detail: translate(lang, 'form.pii.error', { found }) }]);
  return text.value;
}
