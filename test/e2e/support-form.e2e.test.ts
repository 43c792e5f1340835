import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import '../../src/elements/support-form/gu-support-form.js';
import '../../src/elements/provider/gu-support-provider.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { control, fill, fillValid, inlineError, submit, summaryItems, until } from '../helpers/form.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import { countRows, injectFault, referenceServer, resetFaults, stopReferenceServer } from '../helpers/reference-server.js';

/** The form talking to the real reference server over HTTP on loopback. */
describe('<gu-support-form> with the reference server (e2e)', () => {
  let url: string;
  let api: string;
  before(async () => ({ url, api } = await referenceServer()));
  beforeEach(() => clearLocalData());
  afterEach(async () => {
    await referenceServer();
    await resetFaults(url);
  });

  async function sentNumber(el: GuSupportForm): Promise<string> {
    await until(() => Boolean(el.shadowRoot!.querySelector('.success')), 8000);
    return el.shadowRoot!.querySelector('.success strong')!.textContent!;
  }

  it('topics come in the form\'s language, not the browser\'s, and follow a language switch', async () => {
    // Headless browsers here ask for en-US: before the fix an English list showed inside lang="ru".
    const page = await fixture<HTMLElement>(html`<div lang="ru"><gu-support-form endpoint=${api} draft-key="e2e-lang"></gu-support-form></div>`);
    const el = page.querySelector('gu-support-form')!;
    await el.updateComplete; // the fixture waited for the <div> only
    const firstTopic = () => control<HTMLSelectElement>(el, 'topic').options[1]?.textContent ?? '';
    await until(() => firstTopic() === 'Регистрация и вход в личный кабинет');
    page.setAttribute('lang', 'en');
    await until(() => firstTopic() === 'Registration and signing in to your account');
    page.setAttribute('lang', 'ru');
    await until(() => firstTopic() === 'Регистрация и вход в личный кабинет');
    // Inside a provider too: its adapter is shared, the language is each element's own.
    const shared = await fixture<HTMLElement>(html`<div lang="ru"><gu-support-provider endpoint=${api}><gu-support-form draft-key="e2e-lang-provider"></gu-support-form></gu-support-provider></div>`);
    const inner = shared.querySelector('gu-support-form')!;
    await inner.updateComplete;
    await until(() => control<HTMLSelectElement>(inner, 'topic').options[1]?.textContent === 'Регистрация и вход в личный кабинет');
  });

  it('a citizen sends a request and gets a number the operator console sees', async () => {
    const el = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api} draft-key="e2e-first"></gu-support-form>`);
    await until(() => control<HTMLSelectElement>(el, 'topic').options.length === 9);
    await fill(el, 'contact.snils', '112 233 445 95');
    await fillValid(el, 'E2E: ошибка входа');
    await submit(el);
    const number = await sentNumber(el);
    const operator = await fetch(`${api}/operator/tickets/${number}`, { headers: { Authorization: 'Bearer operator-test' } });
    const ticket = (await operator.json()) as { title: string; contact: { snils: string; phone: string }; status: string };
    expect(ticket.title).to.equal('E2E: ошибка входа');
    expect(ticket.contact.snils).to.equal('112-233-445 95');
    expect(ticket.contact.phone).to.equal('+79123456789');
    expect(ticket.status).to.equal('accepted');
  });

  it('a 422 from the server is shown on the field it names, in the summary too', async () => {
    const el = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api} draft-key="e2e-422" .topics=${[{ id: 'not-on-server', title: 'Тема, которой нет на сервере' }]}></gu-support-form>`);
    await el.updateComplete;
    await fillValid(el);
    await fill(el, 'topic', 'not-on-server');
    const failed = oneEvent(el, 'gu-delivery-failed');
    await submit(el);
    expect((await failed).detail.kind).to.equal('rejected');
    await until(() => inlineError(el, 'topic') !== '');
    expect(inlineError(el, 'topic')).to.equal('Выберите тему обращения');
    expect(summaryItems(el)).to.deep.equal([{ field: 'topic', text: 'Выберите тему обращения' }]);
  });

  it('after a 500 the queued request is retried by itself and makes one ticket', async () => {
    const before = await countRows(url, 'tickets');
    const el = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api} draft-key="e2e-500"></gu-support-form>`);
    await fillValid(el, 'E2E: после ошибки 500');
    await injectFault(url, { path: '/api/tickets', status: 500 });
    await submit(el);
    await until(() => el.shadowRoot!.querySelector('.queued')?.textContent?.includes('пока не принял') ?? false);
    await sentNumber(el);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('after a timeout the retry returns the ticket the server created meanwhile, not a second one', async () => {
    const before = await countRows(url, 'tickets');
    const adapter = new RestAdapter({ endpoint: api, timeoutMs: 300 });
    const el = await fixture<GuSupportForm>(html`<gu-support-form .adapter=${adapter} endpoint=${api} draft-key="e2e-timeout"></gu-support-form>`);
    await fillValid(el, 'E2E: медленный сервер');
    await injectFault(url, { path: '/api/tickets', delayMs: 700 });
    await submit(el);
    await until(() => Boolean(el.shadowRoot!.querySelector('.queued')));
    await sentNumber(el);
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('reload mid-send: queued while the server is down, delivered after the page comes back, number shown', async () => {
    const before = await countRows(url, 'tickets');
    await stopReferenceServer();
    const first = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api} draft-key="e2e-reload"></gu-support-form>`);
    await fillValid(first, 'E2E: перезагрузка');
    await submit(first);
    await until(() => Boolean(first.shadowRoot!.querySelector('.queued')));
    first.remove(); // the tab is closed
    await referenceServer();
    const second = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api} draft-key="e2e-reload"></gu-support-form>`);
    const number = await sentNumber(second);
    expect(number).to.match(/^\d{4}-\d{4}-\d{4}$/); // ticket-number.ts
    expect(await countRows(url, 'tickets')).to.equal(before + 1);
  });

  it('without local storage, 429 tells the user how long to wait', async () => {
    const el = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api} no-storage></gu-support-form>`);
    await fillValid(el, 'E2E: лимит');
    await injectFault(url, { path: '/api/tickets', status: 429, retryAfter: 30 });
    await submit(el);
    await until(() => Boolean(el.shadowRoot!.querySelector('.notice.error')));
    expect(el.shadowRoot!.querySelector('.notice.error')!.textContent).to.contain('через 30 секунд');
  });
});
