/** Shared helpers for number-like identifiers people type with separators. */

/** Letters of any script, e.g. «О» typed instead of zero. */
export const LETTER = /\p{L}/u;

/** Spaces of every kind (including no-break) and every dash a keyboard or autocorrect produces. */
export const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\-\u2010-\u2015\u2212]/gu;

export function digitsOf(input: string): string {
  return input.replace(/\D/g, '');
}

/** Weighted digit sum used by SNILS and INN check numbers. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);
}
