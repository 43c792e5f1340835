/** Made on first use: building a segmenter loads ICU break data, ~80 ms at load on a slow phone. */
let segmenter: Intl.Segmenter | null | undefined;

/**
 * Length as the user sees it: grapheme clusters (an emoji or «й» typed as и + ◌̆ is one), with
 * CRLF counted as one line break. Falls back to code points where Intl.Segmenter is missing.
 */
export function visibleLength(text: string): number {
  const normalised = text.replace(/\r\n/g, '\n');
  // Latin and Cyrillic letters, digits and punctuation never join: one UTF-16 unit each, no segmenter needed.
  if (/^[\t\n\u0020-\u024f\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2116]*$/.test(normalised)) return normalised.length;
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (!segmenter) return [...normalised].length;
  let count = 0;
  for (const _ of segmenter.segment(normalised)) count++;
  return count;
}
