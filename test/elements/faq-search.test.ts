import { expect, fixture, html } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import type { Article } from '../../src/core/adapter/types.js';
import { clearFaqCache } from '../../src/core/search/cache.js';
import type { GuFaqSearch } from '../../src/elements/faq-search/gu-faq-search.js';
import { deepActive, press, until } from '../helpers/form.js';
import { box, clearHash, demoArticles, mountFaq, options, search, shadow } from '../helpers/faq.js';
import { referenceServer } from '../helpers/reference-server.js';

describe('<gu-faq-search>', () => {
  let api: string;
  let articles: Article[];
  before(async () => {
    ({ api } = await referenceServer());
    articles = await demoArticles(api);
  });
  beforeEach(async () => {
    clearHash();
    await clearFaqCache();
  });
  after(clearHash);

  const memory = () => new MemoryAdapter({ articles });

  it('shows popular questions while the box is empty, as links to #faq/<id>, and passes axe', async () => {
    const el = await mountFaq({ adapter: memory() });
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.popular a')];
    expect(links.length).to.be.within(3, 10);
    expect(links[0]!.getAttribute('href')).to.equal('#faq/vosstanovlenie-dostupa-k-uchetnoy-zapisi');
    expect(box(el).getAttribute('aria-expanded')).to.equal('false');
    expect(shadow<HTMLSelectElement>(el, '#category')!.options[1]!.textContent).to.equal('general'); // no names given: the ids
    await expect(el).to.be.accessible();
    const named = await mountFaq({ adapter: new MemoryAdapter({ articles, faqCategories: [{ id: 'general', title: 'О техподдержке' }] }) });
    expect([...shadow<HTMLSelectElement>(named, '#category')!.options].map((o) => o.textContent)).to.include('О техподдержке');
  });

  for (const width of [360, 900]) {
    it(`is as tall while its articles load as with its popular questions (${width} px): nothing below moves`, async () => {
      let arrive!: () => void;
      const gate = new Promise<void>((resolve) => (arrive = resolve));
      const adapter = memory();
      const list = adapter.listArticles.bind(adapter);
      adapter.listArticles = async (...args) => {
        await gate;
        return list(...args);
      };
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><gu-faq-search .adapter=${adapter}></gu-faq-search></div>`);
      const el = wrap.querySelector('gu-faq-search')!;
      await el.updateComplete;
      expect(el.status).to.equal('loading');
      const loading = el.getBoundingClientRect().height;
      arrive();
      await until(() => el.status === 'ready');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('.popular a')).to.have.length(10);
      expect(el.getBoundingClientRect().height).to.be.closeTo(loading, 0.5);
    });
  }

  it('lists results as you type with matched words marked, announces their number politely, and passes axe', async () => {
    const el = await mountFaq({ adapter: memory() });
    await search(el, 'восстоновление пороля');
    const list = options(el);
    expect(list.length).to.be.greaterThan(0);
    expect(list[0]!.querySelector('.result-title')!.textContent).to.equal('Восстановление доступа к учетной записи');
    expect([...list[0]!.querySelectorAll('.result-title mark')].map((m) => m.textContent)).to.include('Восстановление');
    expect(list[0]!.querySelector('.chip')!.textContent).to.not.equal('');
    expect(box(el).getAttribute('aria-expanded')).to.equal('true');
    const status = shadow(el, '[role=status].visually-hidden')!;
    await until(() => /Найден/.test(status.textContent!));
    expect(status.textContent).to.equal(`Найдено ${list.length} статей`.replace('Найдено 1 статей', 'Найдена 1 статья'));
    await expect(el).to.be.accessible();
  });

  it('is a keyboard combobox: arrows move the active option, Enter opens it, Esc closes the list then clears the box', async () => {
    const el = await mountFaq({ adapter: memory() });
    await search(el, 'ошибка 401');
    const input = box(el);
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    await press('ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    await press('ArrowUp');
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(`option-${options(el).length - 1}`);
    await press('ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    expect(deepActive()).to.equal(input);

    await press('Escape');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(el.query).to.equal('ошибка 401');
    await press('ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await press('Enter');
    await until(() => location.hash === '#faq/oshibka-401' && Boolean(shadow(el, '#article-title')));
    await el.updateComplete;
    expect(deepActive()).to.equal(shadow(el, '#article-title'));
    expect(shadow(el, '#article-title')!.textContent).to.contain('401');
    await expect(el).to.be.accessible();

    history.back();
    await until(() => !shadow(el, '#article-title') && deepActive() === box(el));
    expect(location.hash).to.equal('');
    expect(options(el).length).to.be.greaterThan(0);
    await press('Escape');
    await press('Escape');
    await el.updateComplete;
    expect(el.query).to.equal('');
    expect(shadow(el, '.popular')).to.not.equal(null);
  });

  it('says when nothing matched, offers the spelling the corpus knows and the way to the form, and passes axe', async () => {
    const el = await mountFaq({ adapter: memory() });
    await search(el, 'кдюч');
    expect(options(el)).to.have.length(0);
    expect(shadow(el, '.nothing .subheading')!.textContent).to.equal('По запросу «кдюч» ничего не нашлось');
    const suggestion = shadow<HTMLButtonElement>(el, '.suggestion button')!;
    expect(shadow(el, '.suggestion')!.textContent).to.contain('Возможно, вы имели в виду');
    expect(shadow(el, '[part=handoff]')!.textContent).to.equal('Не нашли ответ? Написать в поддержку');
    await expect(el).to.be.accessible();
    suggestion.click();
    await until(() => options(el).length > 0);
    expect(el.query).to.equal(suggestion.textContent);
    expect(deepActive()).to.equal(box(el));
  });

  it('filters by section', async () => {
    const el = await mountFaq({ endpoint: api });
    await search(el, 'ошибка');
    const select = shadow<HTMLSelectElement>(el, '#category')!;
    expect([...select.options].map((o) => o.value)).to.include('errors');
    select.value = 'login';
    select.dispatchEvent(new Event('change'));
    await until(() => el.category === 'login' && el.results.length > 0 && el.results.every((r) => r.category === 'login'));
    await el.updateComplete;
    for (const option of options(el)) expect(option.querySelector('.chip')!.textContent).to.equal(el.categoryTitle('login'));
  });

  it('opens an article from the address (#faq/<id>) and goes back to the results from a deep link', async () => {
    location.hash = '#faq/medlennaya-rabota-sayta';
    const el = await mountFaq({ adapter: memory() });
    await until(() => Boolean(shadow(el, '#article-title')));
    expect(shadow(el, '#article-title')!.textContent).to.equal('Медленная работа сайта');
    expect(shadow(el, 'article')!.querySelectorAll('p, li').length).to.be.greaterThan(1);
    shadow<HTMLButtonElement>(el, 'article .link-button')!.click();
    await until(() => !shadow(el, 'article'));
    expect(location.hash).to.equal('');
    expect(shadow(el, '.popular')).to.not.equal(null);

    location.hash = '#faq/no-such-article';
    await until(() => Boolean(shadow(el, '[part=article] [role=alert]')));
    expect(shadow(el, '[part=article] [role=alert]')!.textContent).to.contain('Статья не найдена');
    await expect(el).to.be.accessible();
  });

  it('speaks English and passes axe in the low-vision theme', async () => {
    const el = await mountFaq({ adapter: memory(), lang: 'en', theme: 'low-vision' });
    await until(() => shadow(el, 'label[for=q]')!.textContent === 'Search for an answer');
    await search(el, 'ошибка 503');
    expect(options(el)[0]!.querySelector('.result-title')!.textContent).to.contain('503');
    expect(shadow(el, '[part=handoff]')!.textContent).to.equal('No answer? Write to support');
    expect(getComputedStyle(box(el)).fontSize).to.equal('22px');
    await expect(el).to.be.accessible();
  });

  it('shows the failure with a retry, fires gu-error, and passes axe', async () => {
    const adapter = memory();
    adapter.failNext('server');
    const errors: string[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent<{ kind: string }>).detail.kind);
    document.addEventListener('gu-error', listener);
    try {
      const el = await mountFaq({ adapter });
      expect(el.status).to.equal('error');
      expect(errors).to.deep.equal(['server']);
      expect(shadow(el, '[role=alert]')!.textContent).to.contain('На сервере поддержки произошла ошибка');
      await expect(el).to.be.accessible();
      shadow<HTMLButtonElement>(el, '[role=alert] button')!.click();
      await until(() => el.status === 'ready');
      await el.updateComplete;
      expect(shadow(el, '.popular')).to.not.equal(null);
    } finally {
      document.removeEventListener('gu-error', listener);
    }
  });

  it('passes axe while loading and in the offline state', async () => {
    const el = await fixture<GuFaqSearch>(html`<gu-faq-search .adapter=${new MemoryAdapter({ articles, latencyMs: 30_000 })}></gu-faq-search>`);
    await el.updateComplete;
    // The popular questions' place is kept (ten grey rows, hidden from screen readers, which hear the status).
    expect(shadow(el, '[role=status]:not(:empty)')!.textContent).to.equal('Загружаем справку…');
    expect(el.shadowRoot!.querySelectorAll('.placeholder[aria-hidden=true] li')).to.have.length(10);
    expect(shadow<HTMLSelectElement>(el, 'select')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    el.query = 'пароль';
    await el.updateComplete;
    expect(shadow(el, '.loading')!.textContent).to.equal('Загружаем справку…');
    const ready = await mountFaq({ adapter: memory() });
    await search(ready, 'ошибка 503');
    ready.offline = true;
    await ready.updateComplete;
    expect(shadow(ready, '.notice')!.textContent).to.contain('сохранённой копии');
    await expect(ready).to.be.accessible();
  });

  it('says so when no backend is configured', async () => {
    const el = await mountFaq({});
    expect(el.errorKind).to.equal('no-adapter');
    expect(shadow(el, '[role=alert]')!.textContent).to.contain('не указан атрибут endpoint');
  });

  it('hands the query and the article over to <gu-support-form>', async () => {
    const received: unknown[] = [];
    const listener = (e: Event) => received.push((e as CustomEvent).detail);
    document.addEventListener('gu-handoff', listener);
    try {
      const el = await mountFaq({ adapter: memory() });
      await search(el, 'не приходит смс');
      shadow<HTMLButtonElement>(el, '[part=handoff]')!.click();
      el.open(el.results[0]!.id);
      await until(() => Boolean(shadow(el, '#article-title')));
      shadow<HTMLButtonElement>(el, '[part=handoff]')!.click();
      const title = el.article!.title;
      expect(received).to.deep.equal([
        { title: 'не приходит смс', description: 'Искал(а) в справке: «не приходит смс».' },
        { title: 'не приходит смс', description: `Искал(а) в справке: «не приходит смс».\nСтатья «${title}» не помогла.` },
      ]);
    } finally {
      document.removeEventListener('gu-handoff', listener);
    }
  });

  it('never runs or links markup, javascript: or data: from an article', async () => {
    const hostile: Article = {
      id: 'hostile',
      title: 'Опасная <img src=x onerror="window.__pwned=1">',
      category: 'general',
      body: [
        'Картинка <img src=x onerror="window.__pwned=1"> и <script>window.__pwned=1</script>.',
        '',
        '- [Нажми](javascript:window.__pwned=1)',
        '- [Данные](data:text/html,<script>parent.__pwned=1</script>)',
        '- [С пробелом]( javascript:window.__pwned=1)',
        '- [Надёжная ссылка](https://www.gosuslugi.ru/help)',
      ].join('\n'),
      errorCodes: [],
      updatedAt: '2026-01-01T00:00:00Z',
    };
    location.hash = '#faq/hostile';
    const el = await mountFaq({ adapter: new MemoryAdapter({ articles: [...articles, hostile] }) });
    await until(() => Boolean(shadow(el, '#article-title')));
    const article = shadow(el, 'article')!;
    expect(article.querySelectorAll('img, script, iframe, object')).to.have.length(0);
    expect(shadow(el, '#article-title')!.textContent).to.contain('<img src=x onerror=');
    expect(article.textContent).to.contain('<script>window.__pwned=1</script>');
    const hrefs = [...article.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://www.gosuslugi.ru/help']);
    for (const a of article.querySelectorAll('li')) if (!a.querySelector('a')) a.click();
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await search(el, ''); // the title in results and popular lists is text too
    history.back();
  });
});

describe('<gu-faq-search> with the reference server', () => {
  let api: string;
  let url: string;
  before(async () => ({ api, url } = await referenceServer()));
  beforeEach(async () => {
    clearHash();
    await clearFaqCache();
  });
  after(clearHash);

  it('sends «Помог ли ответ?» through the outbox to the server, once', async () => {
    const el = await mountFaq({ endpoint: api });
    expect(el.faq!.source).to.equal('network');
    location.hash = '#faq/oshibka-503';
    await until(() => Boolean(shadow(el, '[part=feedback]')));
    const [yes, no] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=feedback] .choices button')];
    expect(yes!.textContent).to.equal('Да');
    no!.click();
    await el.updateComplete;
    expect(no!.getAttribute('aria-pressed')).to.equal('true');
    const comment = `Не понял, что делать дальше ${crypto.randomUUID().replace(/\d/g, '')}`; // no digits: 13 of them can look like a card number
    const textarea = shadow<HTMLTextAreaElement>(el, '#feedback-comment')!;
    textarea.value = comment;
    textarea.dispatchEvent(new Event('input'));
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part=feedback] .button:not(.secondary)')!.click();
    await until(() => shadow(el, '[part=feedback]')?.getAttribute('role') === 'status');
    expect(shadow(el, '[part=feedback]')!.textContent).to.equal('Спасибо за отзыв!');
    await expect(el).to.be.accessible();
    const stats = async () =>
      (await (await fetch(`${url}/api/operator/faq-stats`, { headers: { Authorization: 'Bearer operator-test' } })).json()) as {
        feedback: { comments: { articleId: string; comment: string; helpful: boolean }[] };
      };
    await until(async () => (await stats()).feedback.comments.some((c) => c.comment === comment));
    expect((await stats()).feedback.comments.filter((c) => c.comment === comment)).to.deep.equal([
      { articleId: 'oshibka-503', comment, helpful: false, at: (await stats()).feedback.comments.find((c) => c.comment === comment)!['at' as never] },
    ]);
  });

  it('the comment has the form’s PII guard: warned while typing, not sent until removed, the clean text reaches the server', async () => {
    const el = await mountFaq({ endpoint: api });
    location.hash = '#faq/oshibka-401';
    await until(() => Boolean(shadow(el, '[part=feedback]')));
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=feedback] .choices button')[1]!.click();
    await el.updateComplete;
    const stamp = crypto.randomUUID().replace(/\d/g, ''); // no digits: 13 of them can pass the card-number check and be flagged first
    const textarea = shadow<HTMLTextAreaElement>(el, '#feedback-comment')!;
    textarea.value = `Не пускает ${stamp}, мой пароль: Qwerty123`;
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const warning = shadow(el, '[part=feedback] .pii-warning')!;
    expect(warning.textContent).to.contain('пароль');
    expect(warning.querySelector('mark')!.textContent).to.contain('Qwerty123');
    await until(() => shadow(el, '[role=status].visually-hidden')!.textContent!.includes('секретные данные'));
    expect(shadow(el, '[role=status].visually-hidden')!.textContent).to.not.contain('Qwerty123');
    await expect(el).to.be.accessible();
    shadow<HTMLButtonElement>(el, '[part=feedback] .button:not(.secondary)')!.click();
    await until(() => Boolean(shadow(el, '#feedback-comment-error')));
    expect(shadow(el, '#feedback-comment-error')!.textContent).to.contain('Удалите из комментария пароль');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.equal('feedback-comment-error');
    await until(() => el.shadowRoot!.activeElement === textarea);
    expect(shadow(el, '[part=feedback]')!.getAttribute('role')).to.equal(null, 'not sent');
    [...warning.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Удалить из текста'))!.click();
    await el.updateComplete;
    expect(textarea.value).to.not.contain('Qwerty123');
    expect(shadow(el, '.pii-warning')).to.equal(null);
    expect(shadow(el, '#feedback-comment-error')).to.equal(null);
    shadow<HTMLButtonElement>(el, '[part=feedback] .button:not(.secondary)')!.click();
    await until(() => shadow(el, '[part=feedback]')?.getAttribute('role') === 'status');
    const comments = async () =>
      ((await (await fetch(`${url}/api/operator/faq-stats`, { headers: { Authorization: 'Bearer operator-test' } })).json()) as { feedback: { comments: { comment: string }[] } }).feedback.comments;
    await until(async () => (await comments()).some((c) => c.comment.includes(stamp)));
    expect((await comments()).filter((c) => c.comment.includes(stamp)).map((c) => c.comment)).to.deep.equal([`Не пускает ${stamp}, мой`]);
  });

  it('searches offline from the copy kept in IndexedDB after a reload', async () => {
    const first = await mountFaq({ endpoint: api });
    expect(first.faq!.source).to.equal('network');
    first.remove();
    // A reload without a connection: a new document whose fetch fails.
    const src = new URL('../fixtures/faq-tab.html', import.meta.url);
    src.search = new URLSearchParams({ endpoint: api, offline: '1' }).toString();
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="Справка без сети" src=${src.href} style="width: 40rem; height: 30rem"></iframe>`);
    type TabWindow = Window & { faq?: GuFaqSearch };
    await until(() => (frame.contentWindow as TabWindow | null)?.faq?.status === 'ready', 15_000);
    const el = (frame.contentWindow as TabWindow).faq!;
    expect(el.faq!.source).to.equal('cache');
    await until(() => el.offline);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.contain('сохранённой копии');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    input.value = 'ошибка 503';
    input.dispatchEvent(new Event('input'));
    await until(() => el.results.length > 0);
    expect(el.results[0]!.id).to.equal('oshibka-503');
    frame.remove();
  });
});
