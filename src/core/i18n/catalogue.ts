import { register, translate, type MessageKey, type Params } from './translate.js';

/** Plural forms by Intl.PluralRules category; `other` is the fallback. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** A catalogue's Russian strings: the source of its keys. Placeholders are `{name}`. */
export type Strings = Record<string, string | PluralForms>;

/** The same keys as the Russian source: a string where it has a string, plural forms where plural. */
export type Translation<T extends Strings> = { [K in keyof T]: T[K] extends string ? string : PluralForms };

/** One element's (or feature's) strings, registered when its module first runs. */
export interface Catalogue<T extends Strings = Strings> {
  readonly ru: T;
  /** This catalogue's text for `key` in `lang` (Russian until the language has loaded). */
  t(lang: string, key: Extract<keyof T, string>, params?: Params): string;
}

/**
 * Declares a catalogue: its Russian strings now, each other shipped language loaded on demand,
 * only once a page asks for that language (`loadMessages`). A page that uses only the FAQ never
 * downloads the form's strings, in any language.
 */
export function catalogue<T extends Strings>(ru: T, languages: Record<string, () => Promise<Translation<T>>>): Catalogue<T> {
  register(ru, languages);
  return { ru, t: (lang, key, params) => translate(lang, key as MessageKey, params) };
}
