import { ru, type PluralForms } from './ru.js';

export type { PluralForms };
export type MessageKey = keyof typeof ru;
/** A complete dictionary: every key of the Russian source. */
export type Dictionary = { [K in MessageKey]: (typeof ru)[K] extends string ? string : PluralForms };
export type Params = Record<string, string | number>;

const dictionaries = new Map<string, Partial<Dictionary>>([['ru', ru]]);

/**
 * Languages shipped with the kit but loaded on first use: a Russian page never downloads the
 * English strings (a separate chunk in the per-element build, inlined in the single-file bundle).
 */
const loaders = new Map<string, () => Promise<Partial<Dictionary>>>([['en', () => import('./en.js').then((m) => m.en)]]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** Loads a shipped language if it is not loaded yet; resolves at once for loaded ones. */
export function loadMessages(lang: string): Promise<void> {
  const code = supportedLang(lang);
  const loader = loaders.get(code);
  if (!loader || loading.has(code)) return loading.get(code) ?? Promise.resolve();
  const promise = loader().then((messages) => {
    // Strings a ministry registered before the load win over the shipped ones.
    dictionaries.set(code, { ...messages, ...dictionaries.get(code) });
    listeners.forEach((listener) => listener());
  });
  loading.set(code, promise);
  return promise;
}

/** Called whenever a language finishes loading (elements re-render). Returns an unsubscribe. */
export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether `lang`'s own strings are ready (otherwise `translate` falls back to Russian). */
export function messagesReady(lang: string): boolean {
  const code = supportedLang(lang);
  return !loaders.has(code) || (dictionaries.has(code) && loading.has(code));
}

/**
 * Adds a language or overrides some strings of an existing one, without forking the kit:
 * `registerMessages('ru', { 'snils.empty': '…' })`. Missing keys fall back to Russian.
 */
export function registerMessages(lang: string, messages: Partial<Dictionary>): void {
  dictionaries.set(lang, { ...dictionaries.get(lang), ...messages });
}

/** The base language tag we have a dictionary for (`en-GB` → `en`), Russian otherwise. */
export function supportedLang(lang: string | null | undefined): string {
  const known = (code: string) => dictionaries.has(code) || loaders.has(code);
  const tag = (lang ?? '').toLowerCase();
  if (known(tag)) return tag;
  const base = tag.split('-')[0]!;
  return known(base) ? base : 'ru';
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
