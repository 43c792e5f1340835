import { commonStrings } from '../i18n/catalogues/common.js';

const MB = 1024 * 1024;

/** Sizes the way people read them: «1,6 МБ», «350 КБ». */
export function formatBytes(bytes: number, lang = 'ru'): string {
  const number = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);
  return bytes >= MB ? commonStrings.t(lang, 'unit.mb', { n: number(bytes / MB) }) : commonStrings.t(lang, 'unit.kb', { n: number(Math.max(1, Math.round(bytes / 1024))) });
}
