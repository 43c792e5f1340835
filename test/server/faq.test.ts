import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadArticles, readFaqData } from '../../demo/server/articles.js';
import { ROOT } from '../../demo/server/app.js';
import type { Article } from '../../src/core/adapter/types.js';
import type { FaqBundle } from '../../src/core/search/bundle.js';
import { corpusVersion, loadFaqIndex } from '../../src/core/search/index.js';
import { testServer, type TestServer } from './helpers.js';

const CONTENT = join(ROOT, 'demo/content');

describe('FAQ corpus', () => {
  const articles = loadArticles(CONTENT);
  const byTitle = (title: string) => articles.find((a) => a.title === title);

  it('makes every heading with text its own article, group headings its section', () => {
    for (const title of ['Восстановление доступа к учетной записи', 'Медленная работа сайта', 'Некорректное отображение информации', 'Где скачать приложение «Госуслуги»']) {
      const article = byTitle(title);
      assert.ok(article, title);
      assert.ok(!articles.some((a) => a.body.split('\n').includes(title)), `${title} is no line inside another article`);
    }
    assert.equal(byTitle('Восстановление доступа к учетной записи')!.section, 'Проблемы с регистрацией и авторизацией');
    assert.ok(articles.length > 90);
    assert.ok(articles.every((a) => a.title && a.body.length > 80 && a.category));
  });

  it('gives every article a unique readable id for deep links', () => {
    assert.equal(new Set(articles.map((a) => a.id)).size, articles.length);
    assert.ok(articles.every((a) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(a.id)));
    assert.equal(byTitle('Медленная работа сайта')!.id, 'medlennaya-rabota-sayta');
  });

  it('files articles under categories a citizen recognises, written down as data', () => {
    const categories = new Set(readFaqData(CONTENT).categories.map((c) => c.id));
    assert.ok(articles.every((a) => categories.has(a.category)));
    assert.equal(byTitle('Восстановление доступа к учетной записи')!.category, 'login');
    assert.equal(byTitle('Медленная работа сайта')!.category, 'technical');
    assert.equal(byTitle('Единый номер для граждан')!.category, 'contacts');
    // The hotline article (once filed under «Вход») is about contacting support.
    const hotline = articles.find((a) => a.keywords?.includes('Техподдержка Госуслуг: горячая линия'))!;
    assert.notEqual(hotline.category, 'login');
    for (const category of categories) assert.ok(articles.some((a) => a.category === category), `${category} has articles`);
  });

  it('has an error-code reference saying what to do', () => {
    for (const code of ['401', '403', '404', '500', '502', '503', '504']) {
      const article = articles.find((a) => a.category === 'errors' && a.errorCodes.includes(code));
      assert.ok(article, code);
      assert.match(article.title, new RegExp(code));
      assert.match(article.body, /Что сделать:\n1\. /);
    }
    for (const message of ['Ошибка входа', 'Не получаю СМС-код', 'Ошибка при загрузке заявления', 'Ошибка при заполнении формы заявления']) {
      assert.ok(articles.some((a) => a.category === 'errors' && a.title.includes(`«${message}»`)), message);
    }
  });

  it('links between articles only to articles that exist', () => {
    const ids = new Set(articles.map((a) => a.id));
    const targets = articles.flatMap((a) => [...a.body.matchAll(/\]\(#faq\/([^)]+)\)/g)].map((m) => m[1]!));
    assert.ok(targets.length >= 8);
    for (const id of targets) assert.ok(ids.has(id), id);
  });

  it('keeps list items on their own lines and paragraphs apart', () => {
    const body = byTitle('Некорректное отображение информации')!.body;
    assert.match(body, /\n\n- устаревший кэш браузера;\n- /);
    assert.match(byTitle('Восстановление доступа к учетной записи')!.body, /\n1\. Позвонить/);
  });
});

describe('GET /api/faq/index', () => {
  let server: TestServer;
  before(async () => (server = await testServer()));
  after(() => server.stop());

  it('serves the articles, category names and a prebuilt index of one version', async () => {
    const response = await server.get('/api/faq/index');
    assert.equal(response.status, 200);
    const bundle = (await response.json()) as FaqBundle;
    const { articles } = (await (await server.get('/api/articles')).json()) as { articles: Article[] };
    assert.deepEqual(bundle.articles, articles);
    assert.equal(bundle.version, corpusVersion(articles));
    assert.match(response.headers.get('etag')!, new RegExp(`^"${bundle.version}-ru(\\.br|\\.gzip)?"$`));
    assert.equal(bundle.categories.find((c) => c.id === 'errors')!.title, 'Справка по ошибкам');
    const index = loadFaqIndex(bundle.index!, bundle.articles);
    assert.equal(index.search('восстоновление пороля')[0]!.title, 'Восстановление доступа к учетной записи');
    const en = (await (await server.get('/api/faq/index', { 'Accept-Language': 'en' })).json()) as FaqBundle;
    assert.equal(en.categories.find((c) => c.id === 'errors')!.title, 'Error reference');
  });

  it('answers 304 to a kit that already has this version', async () => {
    const first = await server.get('/api/faq/index');
    const { version } = (await first.json()) as FaqBundle;
    assert.equal((await server.get('/api/faq/index', { 'If-None-Match': first.headers.get('etag')! })).status, 304);
    assert.equal((await server.get(`/api/faq/index?have=${version}`)).status, 304);
    assert.equal((await server.get('/api/faq/index?have=0-old')).status, 200);
    assert.equal((await server.get('/api/faq/index', { 'If-None-Match': first.headers.get('etag')!, 'Accept-Language': 'en' })).status, 200);
    // A copy cached in another coding, or marked weak by a proxy, is still this version.
    assert.equal((await server.get('/api/faq/index', { 'If-None-Match': `W/"${version}-ru.br"` })).status, 304);
    assert.equal((await server.get('/api/faq/index', { 'If-None-Match': `"${version}-ru.zstd"` })).status, 200);
  });

  it('varies by origin too when it answers another origin (CORS), not only by language and coding', async () => {
    const cors = await testServer({ corsOrigins: ['https://portal.example'] });
    try {
      const reply = await cors.get('/api/faq/index', { Origin: 'https://portal.example' });
      assert.equal(reply.headers.get('access-control-allow-origin'), 'https://portal.example');
      assert.deepEqual(reply.headers.get('vary')!.split(/\s*,\s*/).sort(), ['Accept-Encoding', 'Accept-Language', 'Origin']);
      const again = await cors.get('/api/faq/index', { Origin: 'https://portal.example', 'If-None-Match': reply.headers.get('etag')! });
      assert.equal(again.status, 304);
      assert.match(again.headers.get('vary')!, /Origin/);
    } finally {
      await cors.stop();
    }
  });
});
