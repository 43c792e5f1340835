const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * Length as the user sees it: grapheme clusters (an emoji or «й» typed as и + ◌̆ is one), with
 * CRLF counted as one line break. Falls back to code points where Intl.Segmenter is missing.
 */
export function visibleLength(text: string): number {
  const normalised = text.replace(/\r\n/g, '\n');
  if (!segmenter) return [...normalised].length;
  let count = 0;
  for (const _ of segmenter.segment(normalised)) count++;
  return count;
}
