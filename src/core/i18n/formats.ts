/**
 * Intl formatters, one per language and options, reused. Making one loads locale data (an
 * `Intl.NumberFormat` took ~75 ms at load on a slow phone, made anew for every size drawn);
 * using one is cheap.
 */
const made = new Map<string, unknown>();

function reused<T>(kind: string, lang: string, options: object, make: () => T): T {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

export function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return reused('number', lang, options, () => new Intl.NumberFormat(lang, options));
}

export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return reused('date', lang, options, () => new Intl.DateTimeFormat(lang, options));
}

export function relativeTimeFormat(lang: string, options: Intl.RelativeTimeFormatOptions = {}): Intl.RelativeTimeFormat {
  return reused('relative', lang, options, () => new Intl.RelativeTimeFormat(lang, options));
}

export function pluralRules(lang: string): Intl.PluralRules {
  return reused('plural', lang, {}, () => new Intl.PluralRules(lang));
}
