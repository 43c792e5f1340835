import { tokenize } from './text.js';

/** Text with the [start, end) offsets of the words that matched the query (offsets, not HTML). */
export interface Highlighted {
  text: string;
  highlights: [number, number][];
}

/** Links written as [text](href) read as their text in a snippet. */
export function plainText(body: string): string {
  const text = body.includes('](') ? body.replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, '$1') : body;
  return text.replace(/\s*\n\s*/g, ' ');
}

export function highlight(text: string, isMatch: (word: string) => boolean): Highlighted {
  const highlights: [number, number][] = [];
  for (const token of tokenize(text)) if (isMatch(token.word)) highlights.push([token.start, token.end]);
  return { text, highlights };
}

/**
 * About `width` characters of the body around its densest cluster of matched words (most
 * different words first), cut at word boundaries, «…» where text was left out.
 */
export function snippet(body: string, isMatch: (word: string) => boolean, width = 180): Highlighted {
  const text = plainText(body);
  const hits = tokenize(text).filter((t) => isMatch(t.word));
  let from = 0;
  if (hits.length) {
    let best = -1;
    for (const hit of hits) {
      const inside = new Set(hits.filter((h) => h.start >= hit.start && h.end <= hit.start + width - 30).map((h) => h.word)).size;
      if (inside > best) {
        best = inside;
        from = hit.start;
      }
    }
    from = Math.max(0, from - 30);
  }
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  let to = Math.min(text.length, from + width);
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  const lead = from > 0 ? '…' : '';
  const out = lead + text.slice(from, to).trim() + (to < text.length ? '…' : '');
  const shift = lead.length - from - (text.slice(from, to).length - text.slice(from, to).trimStart().length);
  const highlights = hits.filter((h) => h.start >= from && h.end <= to).map((h): [number, number] => [h.start + shift, h.end + shift]);
  return { text: out, highlights };
}
