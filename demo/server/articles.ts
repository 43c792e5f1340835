import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/core/adapter/types.js';

/**
 * What the loader reads beside the source texts (demo/content/faq.json): the categories a
 * citizen recognises, each article's category by its heading (written down, not guessed),
 * keywords in everyday words, popularity, and the error-code reference.
 */
export interface FaqData {
  categories: { id: string; title: { ru: string; en: string } }[];
  /** Category of every article under a group heading, unless `articles` says otherwise. */
  sections: Record<string, string>;
  /** By article heading: category, everyday keywords, popularity (views, higher first). */
  articles: Record<string, { category?: string; keywords?: string[]; popularity?: number }>;
  errors: { id: string; codes: string[]; title: string; body: string; keywords?: string[]; popularity?: number }[];
  /** Category of an article nothing above names. */
  fallback: string;
}

interface Section {
  title: string;
  group: string | undefined;
  lines: string[];
}

const LIST_ITEM = /^\s*(?:[•\-–—*]|\d+[.)])\s/;

/** A heading: a short line without closing punctuation (a question mark is allowed) that is not a list item. */
function isHeading(line: string, next: string | undefined): boolean {
  const text = line.trim();
  return text.length > 3 && text.length < 90 && !LIST_ITEM.test(line) && !/[.:;,!]$/.test(text) && next !== undefined;
}

/** Body text as the kit renders it: paragraphs separated by blank lines, list items one per line. */
function bodyText(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    const item = LIST_ITEM.test(line);
    // Nested items keep two spaces per level; the markers become «- » or «1. ».
    const text = item ? `${/^\s{3,}/.test(line) ? '  ' : ''}${line.trim().replace(/^[•–—*]\s*/, '- ')}` : line.trim();
    const previousItem = out.length > 0 && LIST_ITEM.test(out.at(-1)!);
    out.push(item && previousItem ? `\n${text}` : `\n\n${text}`);
  }
  return out.join('').trim();
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A readable, stable id for deep links (`#faq/vosstanovlenie-dostupa-k-uchetnoy-zapisi`). */
export function slug(title: string): string {
  return [...title.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
}

/** Every heading with text under it, with the group heading above it (a heading directly followed by another). */
function sections(text: string): Section[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').filter((l, i, all) => l.trim() !== all[i - 1]?.trim());
  const out: Section[] = [];
  let group: string | undefined;
  let current: Section | undefined;
  lines.forEach((line, i) => {
    if (i === 0) return; // the file title
    if (isHeading(line, lines[i + 1])) {
      if (isHeading(lines[i + 1]!, lines[i + 2])) group = line.trim();
      else out.push((current = { title: line.trim(), group, lines: [] }));
    } else (current ??= (out.push({ title: lines[0]!.trim(), group, lines: [] }), out[0]!)).lines.push(line);
  });
  return out;
}

function errorCodes(text: string): string[] {
  const codes = new Set<string>();
  for (const m of text.matchAll(/(?:ошибк\p{L}*|код\p{L}*)\s*(?:№\s*)?«?([45]\d\d)»?/giu)) codes.add(m[1]!);
  return [...codes];
}

export function readFaqData(dir: string): FaqData {
  return JSON.parse(readFileSync(join(dir, 'faq.json'), 'utf8')) as FaqData;
}

/**
 * The FAQ corpus: every heading of the Russian source articles (demo/content/*.txt) that has text
 * under it becomes an article (group headings become its `section`, searchable too), filed under
 * the category faq.json gives it, plus the error-code reference.
 */
export function loadArticles(dir: string, updatedAt = '2026-11-01T00:00:00.000Z'): Article[] {
  const data = readFaqData(dir);
  const known = new Set(data.categories.map((c) => c.id));
  const articles: Article[] = [];
  const ids = new Set<string>();
  const uniqueId = (title: string) => {
    let id = slug(title);
    for (let n = 2; ids.has(id); n++) id = `${slug(title)}-${n}`;
    ids.add(id);
    return id;
  };
  const used = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const fileTitle = text.trimStart().split(/\r?\n/, 1)[0]!.trim();
    let first = true;
    for (const section of sections(text)) {
      const body = bodyText(section.lines);
      if (body.length < 80) continue;
      const meta = data.articles[section.title] ?? {};
      used.add(section.title).add(section.group ?? '');
      // The file's own title is a heading too: its first article answers to it.
      const keywords = [...(first ? [fileTitle] : []), ...(meta.keywords ?? [])];
      first = false;
      const category = meta.category ?? (section.group && data.sections[section.group]) ?? data.fallback;
      if (!known.has(category)) throw new Error(`faq.json: unknown category ${category} for «${section.title}»`);
      articles.push({
        id: uniqueId(section.title),
        title: section.title,
        category,
        body,
        errorCodes: errorCodes(`${section.title} ${body}`),
        updatedAt,
        ...(section.group ? { section: section.group } : {}),
        ...(keywords.length ? { keywords } : {}),
        ...(meta.popularity ? { popularity: meta.popularity } : {}),
      });
    }
  }
  const stale = [...Object.keys(data.articles), ...Object.keys(data.sections)].filter((title) => !used.has(title));
  if (stale.length) throw new Error(`faq.json names headings the texts do not have: ${stale.join('; ')}`);
  for (const entry of data.errors) {
    ids.add(entry.id);
    articles.push({
      id: entry.id,
      title: entry.title,
      category: 'errors',
      body: entry.body,
      errorCodes: entry.codes,
      updatedAt,
      section: 'Справка по ошибкам',
      ...(entry.keywords ? { keywords: entry.keywords } : {}),
      ...(entry.popularity ? { popularity: entry.popularity } : {}),
    });
  }
  return articles;
}

/** The categories in the language asked for, in the order faq.json lists them. */
export function faqCategories(dir: string, lang: string): { id: string; title: string }[] {
  return readFaqData(dir).categories.map((c) => ({ id: c.id, title: lang === 'en' ? c.title.en : c.title.ru }));
}
