import { commonStrings } from '../i18n/catalogues/common.js';
import { numberFormat } from '../i18n/formats.js';

const MB = 1024 * 1024;

/** Sizes the way people read them: «1,6 МБ», «350 КБ». */
export function formatBytes(bytes: number, lang = 'ru'): string {
  // Whole numbers under 1000 («до 25 МБ», the limits drawn at load) need no formatter: making the
  // first one loads locale data, ~100 ms on a slow phone.
  const number = (n: number) => (Number.isInteger(n) && n < 1000 ? String(n) : numberFormat(lang, { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n));
  return bytes >= MB ? commonStrings.t(lang, 'unit.mb', { n: number(bytes / MB) }) : commonStrings.t(lang, 'unit.kb', { n: number(Math.max(1, Math.round(bytes / 1024))) });
}
