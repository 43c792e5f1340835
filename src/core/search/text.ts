/** Words as the index sees them: lower case, ё = е, letters and digits only. */

/** A word of the text and where it stands, so snippets can highlight the original characters. */
export interface Token {
  /** Normalised: lower case, ё → е. */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function normalise(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ word: normalise(m[0]), start: m.index, end: m.index + m[0].length });
  return tokens;
}

/**
 * Words too common to tell articles apart. «не» goes too: «не приходит СМС» is found by its
 * other words, and every article says «не» somewhere.
 */
export const STOP_WORDS = new Set(
  ('а в во вы да для до его ее если же за и из или их к как ко ли мне мы на над не нет но о об от по под при с со так то у уже что чтобы это я ' +
    'a an and are as at be by for from in is it of on or the to with').split(' '),
);

export const isCyrillic = (word: string): boolean => /[а-я]/.test(word);
