/**
 * The search benchmark's corpus and queries, the same on every run (fixed seeds): the real demo
 * articles plus distractors recombined from their sentences and heading words, up to the size
 * asked for; 200 queries a citizen might type (inflected words, typos, wrong layout, words still
 * being typed, error codes, everyday phrases), each naming the real article it means.
 */
import { join } from 'node:path';
import { loadArticles } from '../demo/server/articles.js';
import type { Article } from '../src/core/adapter/types.js';
import { switchLayout } from '../src/core/search/layout.js';

export const CORPUS_SEED = 20261101;
export const QUERY_SEED = 7;

export interface BenchQuery {
  query: string;
  kind: 'inflected' | 'typo' | 'layout' | 'prefix' | 'code' | 'everyday';
  /** Id of the article the query means. */
  expected: string;
}

/** Mulberry32: small, fast, and the same sequence everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

export function demoArticles(): Article[] {
  return loadArticles(join(import.meta.dirname, '../demo/content'));
}

export function benchCorpus(size: number, real = demoArticles()): Article[] {
  const rng = random(CORPUS_SEED);
  const sentences = real.flatMap((a) => a.body.split(/(?<=[.!?;:])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 20));
  const categories = [...new Set(real.map((a) => a.category))];
  const out = [...real];
  for (let i = out.length; i < size; i++) {
    // A title of a few words running in some sentence: the vocabulary of the real titles, not their halves.
    const words = pick(rng, sentences).replace(/[.,;:!?«»()]/g, '').split(/\s+/).filter(Boolean);
    const from = Math.floor(rng() * Math.max(1, words.length - 4));
    const text = words.slice(from, from + 3 + Math.floor(rng() * 3)).join(' ');
    const title = text.charAt(0).toUpperCase() + text.slice(1);
    const body = Array.from({ length: 5 + Math.floor(rng() * 8) }, () => pick(rng, sentences));
    out.push({ id: `bench-${i}`, title, category: pick(rng, categories), body: body.join(' '), errorCodes: [], updatedAt: '2026-11-01T00:00:00.000Z' });
  }
  return out;
}

const STOP = new Set('а в во для до и из или к как на не о об от по при с со у что «госуслуги» госуслуг госуслуги'.split(' '));

/** Another grammatical form, by the commonest Russian endings («восстановление» → «восстановления»). */
function inflect(word: string, rng: () => number): string {
  const rules: [RegExp, string[]][] = [
    [/ие$/, ['ия', 'ию', 'ием']],
    [/ия$/, ['ии', 'ию', 'ией']],
    [/ая$/, ['ой', 'ую']],
    [/ый$/, ['ого', 'ым']],
    [/ий$/, ['его', 'им']],
    [/ой$/, ['ого', 'ом']],
    [/ые$/, ['ых', 'ыми']],
    [/ие$/, ['их']],
    [/ки$/, ['ок', 'кам']],
    [/ы$/, ['ов', 'ам']],
    [/и$/, ['ей', 'ям']],
    [/а$/, ['ы', 'у', 'е']],
    [/я$/, ['и', 'ю']],
    [/ь$/, ['и', 'ью']],
    [/[бвгджзклмнпрстфхцчшщ]$/, ['а', 'ом', 'у']],
  ];
  for (const [pattern, endings] of rules) if (pattern.test(word)) return word.replace(pattern, pick(rng, endings));
  return word;
}

const LETTERS = 'абвгдежзийклмнопрстуфхцчшщыьэюя';

/** One slip of the finger past the first letter: a wrong, missing, doubled or swapped letter. */
function typo(word: string, rng: () => number): string {
  const i = 1 + Math.floor(rng() * (word.length - 1));
  switch (Math.floor(rng() * 4)) {
    case 0:
      return word.slice(0, i) + pick(rng, [...LETTERS]) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i - 1] + word.slice(i);
    default:
      return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + word.slice(i + 1);
  }
}

/** What people type for these articles in their own words. */
const EVERYDAY: [string, string][] = [
  ['забыл пароль', 'vosstanovlenie-dostupa-k-uchetnoy-zapisi'],
  ['не могу войти в личный кабинет', 'oshibka-vhoda'],
  ['не приходит смс', 'ne-prihodit-sms-kod'],
  ['не проходит авторизация', 'oshibka-vhoda'],
  ['сайт тормозит', 'medlennaya-rabota-sayta'],
  ['долго грузится страница', 'medlennaya-rabota-sayta'],
  ['где скачать госуслуги на телефон', 'gde-skachat-prilozhenie-gosuslugi'],
  ['установить приложение на андроид', 'gde-skachat-prilozhenie-gosuslugi'],
  ['телефон горячей линии', 'edinyy-nomer-dlya-grazhdan'],
  ['позвонить из-за границы', 'nomer-dlya-zvonkov-iz-za-granitsy'],
  ['горячая линия для юрлиц', 'goryachaya-liniya-dlya-yuridicheskih-lits-i-ip'],
  ['поддержка для ИП', 'goryachaya-liniya-dlya-yuridicheskih-lits-i-ip'],
  ['отклонили заявление', 'otklonenie-zayavleniy'],
  ['пожаловаться на оператора', 'zhaloba-na-kachestvo-obsluzhivaniya'],
  ['сколько ждать ответа', 'sroki-rassmotreniya-obrascheniy'],
  ['статус заявки', 'kak-uznat-status-obrascheniya'],
  ['ошибка загрузки документа', 'oshibka-pri-zagruzke-zayavleniya'],
  ['форма не отправляется', 'oshibka-pri-zapolnenii-formy-zayavleniya'],
  ['написать в чат оператору', 'onlayn-chat-na-portale'],
  ['как прикрепить скриншот', 'kak-dobavit-vlozhenie-skrinshot-foto'],
  ['зарегистрироваться на госуслугах', 'oshibki-pri-sozdanii-akkaunta'],
  ['неправильно отображается статус', 'nekorrektnoe-otobrazhenie-informatsii'],
  ['почта техподдержки', 'obraschenie-cherez-elektronnuyu-pochtu'],
  ['бот макс', 's-pomoschyu-chat-bota-maks'],
  ['прийти в мфц', 'lichnoe-poseschenie-mfts'],
  ['нет ответа на обращение', 'dlitelnoe-otsutstvie-otveta'],
  ['требования к сканам', 'skany-dokumentov'],
  ['что значит код ошибки', 'spravka-po-oshibkam'],
  ['выкидывает из лк', 'oshibka-401'],
  ['сервис временно недоступен', 'oshibka-503'],
];

const CODES: [string, string][] = [
  ['ошибка 401', 'oshibka-401'],
  ['код 403', 'oshibka-403'],
  ['404 страница не найдена', 'oshibka-404'],
  ['ошибка 500', 'oshibka-500'],
  ['502 bad gateway', 'oshibka-502'],
  ['ошибка 503', 'oshibka-503'],
  ['504', 'oshibka-504'],
  ['ошибка 504 время ожидания', 'oshibka-504'],
  ['ошибка сервера 500', 'oshibka-500'],
  ['403 доступ запрещен', 'oshibka-403'],
];

/** `seed` and `fixed: false` give a different list (warming up the engines before the measured one). */
export function benchQueries(real: Article[], count = 200, seed = QUERY_SEED, fixed = true): BenchQuery[] {
  const rng = random(seed);
  const out: BenchQuery[] = fixed
    ? [...EVERYDAY.map(([query, expected]): BenchQuery => ({ query, kind: 'everyday', expected })), ...CODES.map(([query, expected]): BenchQuery => ({ query, kind: 'code', expected }))]
    : [];
  // Titles that another real article shares mean two right answers: leave them out.
  const titles = real.filter((a) => a.category !== 'errors' && real.filter((b) => b.title === a.title).length === 1);
  const kinds: BenchQuery['kind'][] = ['inflected', 'typo', 'layout', 'prefix'];
  for (let i = 0; out.length < count; i++) {
    const article = pick(rng, titles);
    const words = article.title.toLowerCase().replace(/[«»()?,:]/g, ' ').split(/\s+/).filter((w) => w.length > 2 && !STOP.has(w));
    if (!words.length) continue;
    // Two or three neighbouring words of the title, as people type them (one if that is all it has).
    const length = Math.min(words.length, 2 + Math.floor(rng() * 2));
    const start = Math.floor(rng() * (words.length - length + 1));
    const chosen = words.slice(start, start + length);
    const kind = kinds[i % kinds.length]!;
    let query: string;
    if (kind === 'inflected') query = chosen.map((w) => inflect(w, rng)).join(' ');
    else if (kind === 'typo') {
      const long = chosen.map((w, j) => [w, j] as const).filter(([w]) => w.length >= 5);
      if (!long.length) continue;
      const [w, j] = pick(rng, long);
      const wrong = w.length >= 9 && rng() < 0.5 ? typo(typo(w, rng), rng) : typo(w, rng);
      query = chosen.map((x, k) => (k === j ? wrong : x)).join(' ');
    } else if (kind === 'layout') query = chosen.map((w) => switchLayout(w)).join(' ');
    else {
      const last = chosen.at(-1)!;
      query = [...chosen.slice(0, -1), last.slice(0, Math.max(4, Math.ceil(last.length * 0.6)))].join(' ');
    }
    out.push({ query, kind, expected: article.id });
  }
  return out;
}
