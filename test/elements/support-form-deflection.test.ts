import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import type { Article } from '../../src/core/adapter/types.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import { clearFaqCache } from '../../src/core/search/cache.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuFaqDeflection } from '../../src/elements/support-form/deflection.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { box, clearHash, demoArticles, mountFaq, search, shadow } from '../helpers/faq.js';
import { control, deepActive, fill, fillValid, mountForm, press, submit, type, until } from '../helpers/form.js';
import { referenceServer } from '../helpers/reference-server.js';

function panel(form: GuSupportForm): GuFaqDeflection {
  return form.shadowRoot!.querySelector('gu-faq-deflection')!;
}

function suggestions(form: GuSupportForm): HTMLButtonElement[] {
  return [...(panel(form).shadowRoot?.querySelectorAll<HTMLButtonElement>('li button') ?? [])];
}

/** Where the field after the panel starts: must not move when suggestions appear. */
function below(form: GuSupportForm): number {
  return form.shadowRoot!.querySelector('gu-file-drop, [data-field="contact.phone"]')!.getBoundingClientRect().top;
}

describe('<gu-support-form> suggests help articles while the citizen writes', () => {
  let api: string;
  let url: string;
  let articles: Article[];
  before(async () => {
    ({ api, url } = await referenceServer());
    articles = await demoArticles(api);
  });
  beforeEach(async () => {
    await clearLocalData();
    await clearFaqCache();
  });

  it('shows at most three articles in space reserved from the first paint, never taking focus, and passes axe', async () => {
    const form = await mountForm(new MemoryAdapter({ articles }));
    await until(() => customElements.get('gu-faq-deflection') !== undefined && panel(form).shadowRoot !== null);
    const top = below(form);
    const title = control(form, 'title');
    title.focus();
    await type('Ошибка 401 при входе');
    await until(() => suggestions(form).length > 0);
    expect(suggestions(form).length).to.be.within(1, 3);
    expect(suggestions(form)[0]!.textContent!.trim()).to.match(/^Ошибка 401/);
    expect(below(form)).to.equal(top);
    expect(deepActive()).to.equal(title);
    expect(panel(form).shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/Подход/);
    await expect(form).to.be.accessible();

    // Keyboard reachable: the suggestions come right after the description in the Tab order.
    await fill(form, 'description', 'После ввода пароля появляется ошибка 401, вход не выполняется, и СМС не приходит.');
    await until(() => suggestions(form).length === 3);
    expect(below(form)).to.equal(top);
    control(form, 'description').focus();
    await press('Tab');
    expect(deepActive()).to.equal(suggestions(form)[0]);
  });

  it('opens an article in place, counts it, and counts the request if it is sent after all', async () => {
    const adapter = new MemoryAdapter({ articles });
    const form = await mountForm(adapter);
    await fillValid(form);
    await until(() => suggestions(form).length > 0);
    const first = suggestions(form)[0]!;
    first.click();
    await until(() => Boolean(panel(form).shadowRoot!.querySelector('.article p')));
    expect(first.getAttribute('aria-expanded')).to.equal('true');
    expect(first.getAttribute('aria-controls')).to.equal('deflection-article');
    await expect(form).to.be.accessible();
    await until(() => adapter.deflections.size === 1);
    const [report] = [...adapter.deflections.values()];
    expect(report).to.include({ sent: false });
    expect(report!.articleIds).to.have.length(1);

    const queued = oneEvent(form, 'gu-queued');
    await submit(form);
    await queued;
    await until(() => [...adapter.deflections.values()][0]!.sent);
    expect(adapter.deflections.size).to.equal(1);
  });

  it('stays out of the way without a FAQ: nothing shown, nothing reserved', async () => {
    const form = await mountForm(new MemoryAdapter({ articles: [] }));
    await fill(form, 'title', 'Ошибка 401 при входе');
    await until(() => panel(form).hidden);
    expect(panel(form).getBoundingClientRect().height).to.equal(0);
  });

  it('reports an opened article to the reference server, where the operator sees a request avoided', async () => {
    const stats = async () =>
      ((await (await fetch(`${url}/api/operator/faq-stats`, { headers: { Authorization: 'Bearer operator-test' } })).json()) as { deflection: { opened: number; avoided: number } }).deflection;
    const before = await stats();
    const form = await mountForm(undefined as never, { endpoint: api });
    await fill(form, 'title', 'Не приходит СМС с кодом');
    await until(() => suggestions(form).length > 0, 15_000);
    suggestions(form)[0]!.click();
    await until(async () => (await stats()).opened === before.opened + 1);
    expect((await stats()).avoided).to.equal(before.avoided + 1);
  });

  it('opens prefilled from the FAQ hand-off with the query and the article', async () => {
    clearHash();
    const form = await mountForm(new MemoryAdapter({ articles }));
    const faq = await mountFaq({ adapter: new MemoryAdapter({ articles }) });
    await search(faq, 'ошибка 503');
    faq.open(faq.results[0]!.id);
    await until(() => Boolean(shadow(faq, '#article-title')));
    shadow<HTMLButtonElement>(faq, '[part=handoff]')!.click();
    await until(() => control(form, 'title').value === 'ошибка 503');
    expect(control<HTMLTextAreaElement>(form, 'description').value).to.equal(`Искал(а) в справке: «ошибка 503».\nСтатья «${faq.article!.title}» не помогла.`);
    history.back();
    await until(() => location.hash === '');
    expect(box(faq)).to.be.instanceOf(HTMLInputElement);
    await fixture(html`<div></div>`);
  });
});
