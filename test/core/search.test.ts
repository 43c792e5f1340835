import { expect } from '@open-wc/testing';
import type { FaqBundle } from '../../src/core/search/bundle.js';
import { createFaqIndex, loadFaqIndex, type FaqIndex } from '../../src/core/search/index.js';
import { parseArticleBody } from '../../src/core/article/blocks.js';
import { referenceServer } from '../helpers/reference-server.js';

/** Queries a citizen types and the article that must come first (ids of demo/content). */
const FIRST: [string, string][] = [
  // morphology: other forms of the title's words
  ['восстановления доступа', 'vosstanovlenie-dostupa-k-uchetnoy-zapisi'],
  ['медленной работе сайта', 'medlennaya-rabota-sayta'],
  ['жалобы на качество обслуживания', 'zhaloba-na-kachestvo-obsluzhivaniya'],
  // typos: one edit from 5 letters, two from 9
  ['восстоновление пороля', 'vosstanovlenie-dostupa-k-uchetnoy-zapisi'],
  ['медленая работа саита', 'medlennaya-rabota-sayta'],
  ['некоректное отображенее', 'nekorrektnoe-otobrazhenie-informatsii'],
  // wrong keyboard layout
  ['vtlktyyfz hf,jnf', 'medlennaya-rabota-sayta'],
  ['cybkc', 'snils'],
  // words still being typed
  ['медлен', 'medlennaya-rabota-sayta'],
  ['где скача', 'gde-skachat-prilozhenie-gosuslugi'],
  ['некоррект', 'nekorrektnoe-otobrazhenie-informatsii'],
  // error codes
  ['ошибка 401', 'oshibka-401'],
  ['код 403', 'oshibka-403'],
  ['404', 'oshibka-404'],
  ['ошибка 500', 'oshibka-500'],
  ['502', 'oshibka-502'],
  ['ошибка 503', 'oshibka-503'],
  ['504 ошибка', 'oshibka-504'],
  // synonyms and everyday words
  ['ИП', 'goryachaya-liniya-dlya-yuridicheskih-lits-i-ip'],
  ['смс не приходит', 'ne-prihodit-sms-kod'],
  ['забыл пароль', 'vosstanovlenie-dostupa-k-uchetnoy-zapisi'],
  ['тормозит сайт', 'medlennaya-rabota-sayta'],
  ['ошибка загрузки документа', 'oshibka-pri-zagruzke-zayavleniya'],
  ['позвонить из-за границы', 'nomer-dlya-zvonkov-iz-za-granitsy'],
  ['где скачать приложение', 'gde-skachat-prilozhenie-gosuslugi'],
  // English words (Porter stems) in the articles
  ['unauthorized', 'oshibka-401'],
  ['gateways', 'oshibka-502'],
  ['google play', 'gde-skachat-prilozhenie-gosuslugi'],
];

/** Queries whose intended article must be among the first three. */
const TOP3: [string, string][] = [
  ['авторизация', 'kak-voyti-v-lichnyy-kabinet'],
  ['авторизации', 'kak-voyti-v-lichnyy-kabinet'],
  ['авторизоваться', 'kak-voyti-v-lichnyy-kabinet'],
  ['юрлицо', 'goryachaya-liniya-dlya-yuridicheskih-lits-i-ip'],
  ['лк вход', 'kak-voyti-v-lichnyy-kabinet'],
  ['gfhjkm', 'vosstanovlenie-dostupa-k-uchetnoy-zapisi'],
  ['не проходит авторизация', 'oshibka-vhoda'],
  ['восст', 'vosstanovlenie-dostupa-k-uchetnoy-zapisi'],
  ['техподдержка горячая линия', 'chto-takoe-gosuslugi-i-dlya-chego-nuzhna-tehpodderzhka'],
];

describe('FAQ search over the demo corpus', () => {
  let bundle: FaqBundle;
  let index: FaqIndex;
  before(async () => {
    const { api } = await referenceServer();
    bundle = (await (await fetch(`${api}/faq/index`)).json()) as FaqBundle;
    index = loadFaqIndex(bundle.index!, bundle.articles);
  });
  const ids = (query: string, limit = 3) => index.search(query, { limit }).map((r) => r.id);

  for (const [query, id] of FIRST) it(`«${query}» → ${id} first`, () => expect(ids(query)[0]).to.equal(id));
  for (const [query, id] of TOP3) it(`«${query}» → ${id} in the top 3`, () => expect(ids(query)).to.include(id));

  it('treats ё as е', () => {
    expect(ids('учётная запись', 10)).to.deep.equal(ids('учетная запись', 10));
    expect(ids('учетная запись')).to.include('vosstanovlenie-dostupa-k-uchetnoy-zapisi');
  });

  it('matches «авторизация», «авторизации», «авторизоваться» to the same articles', () => {
    const [a, b, c] = ['авторизация', 'авторизации', 'авторизоваться'].map((q) => new Set(ids(q, 10)));
    expect([...a!].filter((id) => b!.has(id) && c!.has(id)).length).to.be.at.least(3);
  });

  it('ranks titles above passing mentions', () => {
    const results = index.search('СНИЛС', { limit: 5 });
    expect(results[0]!.title).to.match(/СНИЛС/);
    expect(results.map((r) => r.score)).to.deep.equal([...results.map((r) => r.score)].sort((x, y) => y - x));
  });

  it('finds the articles that answer a whole request text (the form asking before it sends)', () => {
    const description = 'Ошибка 401 при входе в личный кабинет. После ввода пароля появляется ошибка 401 и вход не выполняется. Пробовал очистить кэш браузера. '.repeat(10);
    expect(ids(description)[0]).to.equal('oshibka-401');
    expect(ids('Не приходит СМС с кодом подтверждения при входе, жду уже полчаса, телефон ловит сеть')).to.include('ne-prihodit-sms-kod');
  });

  it('filters by category', () => {
    const results = index.search('ошибка', { category: 'errors', limit: 20 });
    expect(results.length).to.be.greaterThan(5);
    expect(results.every((r) => r.category === 'errors')).to.equal(true);
    expect(index.search('ошибка 401', { category: 'contacts' }).map((r) => r.id)).not.to.include('oshibka-401');
  });

  it('gives highlight offsets in the title and the snippet, not HTML', () => {
    const [first] = index.search('медленная работа');
    expect(first!.titleHighlights.map(([s, e]) => first!.title.slice(s, e))).to.deep.equal(['Медленная', 'работа']);
    const words = first!.snippet.highlights.map(([s, e]) => first!.snippet.text.slice(s, e).toLowerCase());
    expect(words.length).to.be.greaterThan(0);
    expect(words.every((w) => /^(медлен|работ)/.test(w))).to.equal(true);
    // A typo highlights the word it meant.
    const [typo] = index.search('восстоновление');
    expect(typo!.titleHighlights.map(([s, e]) => typo!.title.slice(s, e))).to.deep.equal(['Восстановление']);
  });

  it('gives highlight ranges inside the snippet, in order, each on a whole matched word', () => {
    for (const [query] of [...FIRST, ...TOP3]) {
      for (const result of index.search(query, { limit: 10 })) {
        for (const { text, highlights } of [result.snippet, { text: result.title, highlights: result.titleHighlights }]) {
          let end = 0;
          for (const [s, e] of highlights) {
            expect(s, query).to.be.at.least(end);
            expect(e).to.be.at.most(text.length);
            expect(text.slice(s, e)).to.match(/^[\p{L}\p{N}]+$/u);
            expect(/[\p{L}\p{N}]/u.test(text.charAt(e))).to.equal(false);
            end = e;
          }
        }
        expect(result.snippet.text.length).to.be.at.most(185);
      }
    }
  });

  it('suggests the spelling the corpus uses', () => {
    expect(index.suggest('восстоновление пороля')).to.equal('восстановление пароль');
    expect(index.suggest('gfhjkm')).to.equal('пароль');
    expect(index.suggest('медленная работа')).to.equal(undefined);
    expect(index.suggest('восста')).to.equal(undefined); // still typing a known beginning
    expect(index.suggest('востан')).to.match(/^восстановлен/); // a misspelt beginning: the word it begins
  });

  it('lists popular articles for the empty box, by category too', () => {
    expect(index.popular({ limit: 3 }).map((h) => h.id)).to.deep.equal(['vosstanovlenie-dostupa-k-uchetnoy-zapisi', 'kak-voyti-v-lichnyy-kabinet', 'ne-prihodit-sms-kod']);
    expect(index.popular({ category: 'errors' }).every((h) => h.category === 'errors')).to.equal(true);
    expect(index.search('   ')).to.deep.equal([]);
    expect(index.search('и в на')).to.deep.equal([]);
  });

  it('finds the same from a prebuilt index as from one built here, and refuses one of other articles', () => {
    const built = createFaqIndex(bundle.articles);
    expect(built.version).to.equal(bundle.version);
    for (const [query] of [...FIRST, ...TOP3]) expect(built.search(query)).to.deep.equal(index.search(query));
    expect(() => loadFaqIndex(bundle.index!, bundle.articles.slice(1))).to.throw(/other articles/);
  });

  it('renders every article body as blocks with only safe links', () => {
    for (const article of bundle.articles) {
      const blocks = parseArticleBody(article.body, location.origin);
      expect(blocks.length, article.id).to.be.greaterThan(0);
    }
  });
});
