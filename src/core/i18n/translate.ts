import { ru, type PluralForms } from './ru.js';
import { en } from './en.js';

export type { PluralForms };
export type MessageKey = keyof typeof ru;
/** A complete dictionary: every key of the Russian source. */
export type Dictionary = { [K in MessageKey]: (typeof ru)[K] extends string ? string : PluralForms };
export type Params = Record<string, string | number>;

const dictionaries = new Map<string, Partial<Dictionary>>([
  ['ru', ru],
  ['en', en],
]);

/**
 * Adds a language or overrides some strings of an existing one, without forking the kit:
 * `registerMessages('ru', { 'snils.empty': '…' })`. Missing keys fall back to Russian.
 */
export function registerMessages(lang: string, messages: Partial<Dictionary>): void {
  dictionaries.set(lang, { ...dictionaries.get(lang), ...messages });
}

/** The base language tag we have a dictionary for (`en-GB` → `en`), Russian otherwise. */
export function supportedLang(lang: string | null | undefined): string {
  const tag = (lang ?? '').toLowerCase();
  if (dictionaries.has(tag)) return tag;
  const base = tag.split('-')[0]!;
  return dictionaries.has(base) ? base : 'ru';
}

/** Translates `key` into `lang`, filling `{placeholders}`; a numeric `n` picks the plural form. */
export function translate(lang: string, key: MessageKey, params: Params = {}): string {
  const code = supportedLang(lang);
  const entry: string | PluralForms = dictionaries.get(code)?.[key] ?? ru[key];
  let text: string;
  if (typeof entry === 'string') text = entry;
  else {
    const n = Number(params.n ?? 0);
    const category = new Intl.PluralRules(code).select(n) as keyof PluralForms;
    text = entry[category] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, the form elements and validators pass around. */
export type Translator = (key: MessageKey, params?: Params) => string;

export function translator(lang = 'ru'): Translator {
  return (key, params) => translate(lang, key, params);
}
