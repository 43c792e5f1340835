import type { PluralForms, Strings, Translation } from './catalogue.js';
import type { attach } from './ru/attach.js';
import type { chat } from './ru/chat.js';
import type { common } from './ru/common.js';
import type { form } from './ru/form.js';
import type { formOutcome } from './ru/form-outcome.js';
import type { outbox } from './ru/outbox.js';
import type { topics } from './ru/topics.js';
import type { validate } from './ru/validate.js';
import type { faq } from './ru/faq.js';
import type { deflection } from './ru/deflection.js';
import type { ticket } from './ru/ticket.js';
import type { ticketView } from './ru/ticket-view.js';
import { pluralRules } from './formats.js';

export type { PluralForms };
/** Every key of every catalogue the kit ships (Russian is the source of the keys). */
export type Messages = typeof common & typeof validate & typeof topics & typeof form & typeof formOutcome & typeof outbox & typeof attach & typeof faq & typeof deflection & typeof ticket & typeof ticketView & typeof chat;
export type MessageKey = Extract<keyof Messages, string>;
/** A complete dictionary: every key of the Russian source. */
export type Dictionary = Translation<Messages>;
export type Params = Record<string, string | number>;

interface Registered {
  languages: Record<string, () => Promise<Strings>>;
  loaded: Map<string, Promise<void>>;
}

const russian = new Map<string, string | PluralForms>();
const translations = new Map<string, Map<string, string | PluralForms>>();
/** Strings a ministry registered (`registerMessages`): they win over the shipped ones. */
const overrides = new Map<string, Partial<Record<string, string | PluralForms>>>();
const catalogues: Registered[] = [];
/** Languages a page asked for: catalogues registered later load them too. */
const wanted = new Set<string>();
const listeners = new Set<() => void>();

/** Called by `catalogue()`: makes a catalogue's Russian strings available and its languages loadable. */
export function register(ru: Strings, languages: Record<string, () => Promise<Strings>>): void {
  for (const [key, value] of Object.entries(ru)) russian.set(key, value);
  const entry: Registered = { languages, loaded: new Map() };
  catalogues.push(entry);
  for (const lang of wanted) void load(entry, lang);
}

function load(entry: Registered, lang: string): Promise<void> {
  const loader = entry.languages[lang];
  if (!loader) return Promise.resolve();
  let pending = entry.loaded.get(lang);
  if (!pending) {
    pending = loader().then(
      (strings) => {
        const target = translations.get(lang) ?? new Map();
        for (const [key, value] of Object.entries(strings)) target.set(key, value);
        translations.set(lang, target);
        listeners.forEach((listener) => listener());
      },
      () => void entry.loaded.delete(lang), // offline: try again on the next request
    );
    entry.loaded.set(lang, pending);
  }
  return pending;
}

/**
 * Loads a shipped language for every catalogue this page uses (and for those it registers later);
 * resolves at once for Russian. Each catalogue's strings are a chunk of their own.
 */
export function loadMessages(lang: string): Promise<void> {
  const code = supportedLang(lang);
  if (code === 'ru') return Promise.resolve();
  wanted.add(code);
  return Promise.all(catalogues.map((entry) => load(entry, code))).then(() => undefined);
}

/** Called whenever a language's strings finish loading (elements re-render). Returns an unsubscribe. */
export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether `lang`'s own strings are ready for every catalogue in use (otherwise Russian shows). */
export function messagesReady(lang: string): boolean {
  const code = supportedLang(lang);
  return catalogues.every((entry) => !entry.languages[code] || (entry.loaded.has(code) && translations.has(code)));
}

/**
 * Adds a language or overrides some strings of an existing one, without forking the kit:
 * `registerMessages('ru', { 'snils.empty': '…' })`. Missing keys fall back to Russian.
 */
export function registerMessages(lang: string, messages: Partial<Dictionary>): void {
  overrides.set(lang, { ...overrides.get(lang), ...messages });
}

/** The base language tag we have strings for (`en-GB` → `en`), Russian otherwise. */
export function supportedLang(lang: string | null | undefined): string {
  const known = (code: string) => code === 'ru' || overrides.has(code) || catalogues.some((entry) => code in entry.languages);
  const tag = (lang ?? '').toLowerCase();
  if (known(tag)) return tag;
  const base = tag.split('-')[0]!;
  return known(base) ? base : 'ru';
}

/** Translates `key` into `lang`, filling `{placeholders}`; a numeric `n` picks the plural form. */
export function translate(lang: string, key: MessageKey, params: Params = {}): string {
  const code = supportedLang(lang);
  const entry = overrides.get(code)?.[key] ?? translations.get(code)?.get(key) ?? overrides.get('ru')?.[key] ?? russian.get(key) ?? key;
  let text: string;
  if (typeof entry === 'string') text = entry;
  else {
    const n = Number(params.n ?? 0);
    const category = pluralRules(code).select(n) as keyof PluralForms;
    text = entry[category] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, the form elements and validators pass around. */
export type Translator = (key: MessageKey, params?: Params) => string;

export function translator(lang = 'ru'): Translator {
  return (key, params) => translate(lang, key, params);
}
