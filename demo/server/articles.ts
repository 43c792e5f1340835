import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/core/adapter/types.js';

/** Keywords that put an article into one of the default topic categories. */
const CATEGORY_WORDS: [string, RegExp][] = [
  ['payments', /оплат|платеж|платёж|возврат|квитанц|пошлин/iu],
  ['login', /вход|авториз|парол|регистрац|учётн|учетн|блокир|смс|sms|логин/iu],
  ['identity', /подтвержд\p{L}* личност|смэв|биометр|удостоверяющ/iu],
  ['documents', /документ|скачив|выписк|справк/iu],
  ['forms', /заявлен|форм[аыеу]|заполн/iu],
  ['technical', /ошибк|сбой|прилож|браузер|зависа|не загруж|кэш|обновлен/iu],
];
const MIN_BODY = 250;

function isHeading(line: string, next: string | undefined): boolean {
  const text = line.trim();
  return (
    text.length > 3 &&
    text.length < 90 &&
    !/^(?:[•\-–—*]|\d+[.)])/.test(text) &&
    !/[.:;,!?]$/.test(text) &&
    next !== undefined &&
    next.trim().length > 0
  );
}

function categorise(text: string): string {
  for (const [category, words] of CATEGORY_WORDS) if (words.test(text)) return category;
  return 'general';
}

function errorCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const m of text.matchAll(/(?:ошибк\p{L}*|код\p{L}*)\s*(?:№\s*)?«?([45]\d\d)»?/giu)) codes.add(m[1]!);
  return [...codes];
}

/**
 * Splits the Russian source articles (demo/content/*.txt) into FAQ articles at their headings;
 * a section too short to stand alone joins the one before it.
 */
export function loadArticles(dir: string, updatedAt = '2026-11-01T00:00:00.000Z'): Article[] {
  const articles: Article[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/).filter((l, i, all) => l.trim() !== '' && l.trim() !== all[i - 1]?.trim());
    const sections: { title: string; body: string[] }[] = [];
    lines.forEach((line, i) => {
      if (i === 0) return; // the file title
      if (isHeading(line, lines[i + 1])) sections.push({ title: line.trim(), body: [] });
      else (sections.at(-1) ?? (sections.push({ title: lines[0]!.trim(), body: [] }), sections[0]!)).body.push(line.trim());
    });
    const merged: { title: string; body: string[] }[] = [];
    for (const section of sections) {
      const previous = merged.at(-1);
      if (previous && previous.body.join(' ').length < MIN_BODY) previous.body.push(section.title, ...section.body);
      else merged.push(section);
    }
    for (const [i, section] of merged.entries()) {
      const body = section.body.join('\n\n');
      if (body.length < 80) continue;
      articles.push({
        id: `${file.slice(0, 3)}-${String(i + 1).padStart(2, '0')}`,
        title: section.title,
        category: categorise(`${section.title} ${section.title} ${body}`),
        body,
        errorCodes: errorCodes(`${section.title} ${body}`),
        updatedAt,
      });
    }
  }
  return articles;
}
