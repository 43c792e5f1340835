import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { validateSnils } from '../../src/core/validate/snils.js';
import { validatePhone } from '../../src/core/validate/phone.js';
import { validateEmail } from '../../src/core/validate/email.js';
import { validateInn } from '../../src/core/validate/inn.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import '../../src/elements/support-form/gu-support-form.js';
import '../../src/elements/provider/gu-support-provider.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { control, deepActive, mountForm, field, fill, fillValid, inlineError, press, submit, summaryItems, tickConsent, type, until } from '../helpers/form.js';

/** The form with every optional field shown and the consent links set. */
function form(adapter = new MemoryAdapter(), attrs: Record<string, string> = {}): Promise<GuSupportForm> {
  return mountForm(adapter, { inn: 'optional', 'consent-url': '/consent', 'policy-url': '/policy', ...attrs });
}

describe('<gu-support-form>', () => {
  beforeEach(() => clearLocalData());
  it('renders the fields with topics from the adapter and passes axe', async () => {
    const el = await form();
    expect(control<HTMLSelectElement>(el, 'topic').options.length).to.equal(9);
    expect(field(el, 'contact.snils')).to.be.instanceOf(HTMLElement);
    expect(field(el, 'contact.inn')).to.be.instanceOf(HTMLElement);
    expect(el.shadowRoot!.querySelector('[data-field="contact.accountNumber"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows no error before the user leaves a field', async () => {
    const el = await form();
    const input = control(el, 'contact.phone');
    input.value = '123';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(inlineError(el, 'contact.phone')).to.equal('');
    input.dispatchEvent(new FocusEvent('blur'));
    await field(el, 'contact.phone').updateComplete;
    expect(inlineError(el, 'contact.phone')).to.equal(validatePhone('123').ok ? '' : (validatePhone('123') as { message: string }).message);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('error');
  });

  it('leaving a field for the send button shows no error yet, so the button does not move under the pointer', async () => {
    const el = await form();
    const snils = control(el, 'contact.snils');
    snils.value = '1';
    snils.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    snils.dispatchEvent(new FocusEvent('blur', { relatedTarget: el.shadowRoot!.querySelector('button[type=submit]') }));
    await field(el, 'contact.snils').updateComplete;
    expect(inlineError(el, 'contact.snils')).to.equal('');
    await submit(el);
    expect(inlineError(el, 'contact.snils')).to.contain('В СНИЛС 11 цифр');
  });

  it('on submit shows a focused summary whose links match the inline messages', async () => {
    const el = await form();
    await submit(el);
    const items = summaryItems(el);
    expect(items.map((i) => i.field)).to.deep.equal(['topic', 'title', 'description', 'contact.phone', 'consent']);
    for (const item of items) expect(inlineError(el, item.field), item.field).to.equal(item.text);
    expect(el.shadowRoot!.activeElement?.classList.contains('error-summary')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a summary link moves focus to its field', async () => {
    const el = await form();
    await submit(el);
    el.shadowRoot!.querySelector<HTMLAnchorElement>('.error-summary a[href="#contact.phone"]')!.click();
    expect(deepActive()).to.equal(control(el, 'contact.phone'));
  });

  describe('every validator message is reachable from the UI', () => {
    const cases: [string, string, (v: string) => { ok: boolean }][] = [
      ['contact.snils', '112-233-445 96', (v) => validateSnils(v)],
      ['contact.snils', '112-233-4', (v) => validateSnils(v)],
      ['contact.snils', '112-233-445 9О', (v) => validateSnils(v)],
      ['contact.phone', '+7 012 345-67-89', (v) => validatePhone(v)],
      ['contact.phone', '+8 912 345-67-89', (v) => validatePhone(v)],
      ['contact.phone', '8 912 ABC', (v) => validatePhone(v)],
      ['contact.email', 'иван@mail.ru', (v) => validateEmail(v)],
      ['contact.email', 'ivan@localhost', (v) => validateEmail(v)],
      ['contact.email', 'ivan.mail.ru', (v) => validateEmail(v)],
      ['contact.inn', '7707083894', (v) => validateInn(v)],
      ['contact.inn', '77070', (v) => validateInn(v)],
    ];
    for (const [key, value, validate] of cases) {
      it(`${key}: «${value}»`, async () => {
        const el = await form();
        await fill(el, key, value);
        const expected = validate(value) as { ok: false; message: string };
        expect(expected.ok).to.equal(false);
        expect(inlineError(el, key)).to.equal(expected.message);
      });
    }
  });

  it('normalises SNILS and phone when the user leaves the field, never while typing', async () => {
    const el = await form();
    await fill(el, 'contact.snils', '11223344595');
    expect(control(el, 'contact.snils').value).to.equal('112-233-445 95');
    await fill(el, 'contact.phone', '89123456789');
    expect(control(el, 'contact.phone').value).to.equal('+79123456789');
  });

  it('suggests a fix for an e-mail typo and applies it in one click', async () => {
    const el = await form();
    await fill(el, 'contact.email', 'ivanov@mail.ry');
    const warning = field(el, 'contact.email').shadowRoot!.querySelector('.warning')!;
    expect(warning.textContent).to.contain('ivanov@mail.ru');
    warning.querySelector('button')!.click();
    await field(el, 'contact.email').updateComplete;
    expect(control(el, 'contact.email').value).to.equal('ivanov@mail.ru');
  });

  it('counts the description characters and refuses too long a text', async () => {
    const el = await form();
    el.descriptionMax = 50;
    await el.updateComplete;
    await fill(el, 'description', 'x'.repeat(45));
    const count = () => field(el, 'description').shadowRoot!.querySelector('.count')!.textContent!.trim();
    expect(count()).to.equal('Осталось 5 символов');
    await fill(el, 'description', 'x'.repeat(52));
    expect(count()).to.equal('Лишних 2 символа');
    expect(inlineError(el, 'description')).to.contain('50');
  });

  it('finds a card number in the text, blocks sending and removes it in one click', async () => {
    const el = await form();
    await fillValid(el);
    await fill(el, 'description', 'Оплата картой 4276 3800 1234 5679 не прошла, деньги списаны.');
    const warning = () => el.shadowRoot!.querySelector('.notice.warning');
    expect(warning()!.querySelector('mark')!.textContent).to.equal('4276 3800 1234 5679');
    await submit(el);
    const piiItem = summaryItems(el).find((i) => i.text.includes('номер банковской карты'))!;
    expect(inlineError(el, 'description')).to.equal(piiItem.text);
    await expect(el).to.be.accessible();
    (warning()!.querySelector('button.button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(control<HTMLTextAreaElement>(el, 'description').value).to.equal('Оплата картой не прошла, деньги списаны.');
    expect(warning()).to.equal(null);
  });

  it('marks a request naming a failure as urgent', async () => {
    const adapter = new MemoryAdapter();
    const el = await form(adapter);
    await fillValid(el, 'Сбой при оплате пошлины');
    expect(el.shadowRoot!.textContent).to.contain('срочное');
    const event = oneEvent(el, 'gu-submitted');
    await submit(el);
    expect((await event).detail.ticket.urgent).to.equal(true);
  });

  it('sends through the adapter and shows the number, deadlines and a focused heading', async () => {
    const el = await form();
    await fill(el, 'contact.email', 'ivanov@mail.ru');
    await fillValid(el);
    const submitted = oneEvent(el, 'gu-submitted');
    await submit(el);
    const { detail } = await submitted;
    await el.updateComplete;
    const success = el.shadowRoot!.querySelector('.success')!;
    expect(success.querySelector('strong')!.textContent).to.equal(detail.receipt.number);
    expect(success.textContent).to.contain('5 рабочих дней');
    expect(success.textContent).to.contain('ivanov@mail.ru');
    await until(() => el.shadowRoot!.activeElement === success.querySelector('h2'));
    expect(detail.ticket.contact.phone).to.equal('+79123456789');
    expect(detail.ticket.consent.version).to.equal('2025-09-01');
    expect(detail.ticket.context?.browser).to.be.a('string');
    await expect(el).to.be.accessible();
  });

  it('gu-submit can be cancelled by the page', async () => {
    const adapter = new MemoryAdapter();
    const el = await form(adapter);
    await fillValid(el);
    el.addEventListener('gu-submit', (e) => e.preventDefault(), { once: true });
    await submit(el);
    expect(adapter.tickets.size).to.equal(0);
  });

  it('does not create a second ticket for the same content sent again', async () => {
    const adapter = new MemoryAdapter();
    const el = await form(adapter);
    await fillValid(el);
    await submit(el);
    await until(() => Boolean(el.shadowRoot!.querySelector('.success')));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.success .new-request')!.click();
    await el.updateComplete;
    await until(() => Boolean(el.shadowRoot!.querySelector('form')));
    await fillValid(el);
    await submit(el);
    expect(adapter.tickets.size).to.equal(1);
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.contain('Вы уже отправили это обращение');
  });

  it('can leave out the technical context', async () => {
    const el = await form();
    await fillValid(el);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('details input[type=checkbox]')!;
    box.click();
    const submitted = oneEvent(el, 'gu-submitted');
    await submit(el);
    expect((await submitted).detail.ticket.context).to.equal(undefined);
  });

  it('shows the time in the technical context once its details are opened', async () => {
    const el = await form();
    const details = el.shadowRoot!.querySelector('details')!;
    const time = () => [...details.querySelectorAll('dt')].find((dt) => dt.textContent === 'Время')?.nextElementSibling?.textContent ?? '';
    // Closed: no date formatter is made for it (the first one is slow on a phone).
    expect(time()).to.equal('');
    details.querySelector('summary')!.click();
    await until(() => /\d{4}/.test(time()));
    expect(details.open).to.equal(true);
  });

  describe('without local storage, failures keep everything and say what to do', () => {
    const cases: [Parameters<MemoryAdapter['failNext']>[0], RegExp][] = [
      ['offline', /Нет соединения с интернетом/],
      ['timeout', /не ответил вовремя/],
      ['server', /ошибка/],
      ['rate-limited', /Попробуйте через 1 секунду/],
    ];
    for (const [kind, message] of cases) {
      it(kind, async () => {
        const adapter = new MemoryAdapter();
        const el = await form(adapter, { 'no-storage': '' });
        await fillValid(el);
        adapter.failNext(kind);
        const failed = oneEvent(el, 'gu-error');
        await submit(el);
        expect((await failed).detail.kind).to.equal(kind);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.notice.error')!.textContent).to.match(message);
        expect(control(el, 'title').value).to.equal('Ошибка 401 при входе');
        expect(control<HTMLInputElement>(el, 'consent').checked).to.equal(true);
        await submit(el);
        await until(() => Boolean(el.shadowRoot!.querySelector('.success')));
        expect(adapter.tickets.size).to.equal(1);
      });
    }

    it('a server refusal lands on the field it names', async () => {
      const adapter = new MemoryAdapter();
      const el = await form(adapter, { 'no-storage': '' });
      await fillValid(el);
      adapter.failNext('rejected', { type: 'urn:gu-support:problem:validation', title: 'x', status: 422, errors: [{ field: 'contact.phone', code: 'blocked', detail: 'Этот номер заблокирован для обращений' }] });
      await submit(el);
      await until(() => inlineError(el, 'contact.phone') !== '');
      expect(inlineError(el, 'contact.phone')).to.equal('Этот номер заблокирован для обращений');
      expect(summaryItems(el)).to.deep.equal([{ field: 'contact.phone', text: 'Этот номер заблокирован для обращений' }]);
    });

    it('says so when no backend is configured', async () => {
      const el = await fixture<GuSupportForm>(html`<gu-support-form></gu-support-form>`);
      await fillValid(el);
      await submit(el);
      expect(el.shadowRoot!.querySelector('.notice.error')!.textContent).to.contain('endpoint');
    });
  });

  it('takes part in FormData and resets like a native form', async () => {
    const el = await form();
    await fill(el, 'title', 'Заголовок');
    await fill(el, 'contact.phone', '+7 912 345-67-89');
    const nativeForm = el.shadowRoot!.querySelector('form')!;
    const data = new FormData(nativeForm);
    expect(data.get('title')).to.equal('Заголовок');
    expect(data.get('contact.phone')).to.equal('+79123456789');
    el.reset();
    await el.updateComplete;
    expect(control(el, 'title').value).to.equal('');
    expect(new FormData(nativeForm).get('title')).to.equal('');
    expect(field(el, 'title').checkValidity()).to.equal(false);
  });

  it('prefills a signed-in user and a FAQ hand-off', async () => {
    const el = await fixture<GuSupportForm>(html`<gu-support-form .adapter=${new MemoryAdapter()} user-name="Иванов Иван" user-phone="+79123456789"></gu-support-form>`);
    await el.updateComplete;
    expect(control(el, 'contact.fullName').value).to.equal('Иванов Иван');
    document.dispatchEvent(new CustomEvent('gu-handoff', { detail: { topic: 'payments', title: 'Двойное списание' } }));
    await el.updateComplete;
    expect(control(el, 'title').value).to.equal('Двойное списание');
    expect(control(el, 'contact.phone').value).to.equal('+79123456789');
  });

  it('asks for the earlier number in a repeat request', async () => {
    const el = await fixture<GuSupportForm>(html`<gu-support-form .adapter=${new MemoryAdapter()} previous-number="1234-5678-9018"></gu-support-form>`);
    await el.updateComplete;
    expect(control(el, 'previousNumber').value).to.equal('1234-5678-9018');
    await fill(el, 'previousNumber', 'abc def');
    expect(inlineError(el, 'previousNumber')).to.contain('Номер обращения состоит из 12 цифр');
    await fill(el, 'previousNumber', '1234-5678-9013'); // one digit off: the check digit catches it
    expect(inlineError(el, 'previousNumber')).to.contain('опечатка');
  });

  it('is usable with the keyboard alone', async () => {
    const adapter = new MemoryAdapter();
    const el = await form(adapter);
    control<HTMLSelectElement>(el, 'topic').focus();
    await press('ArrowDown');
    await press('Tab');
    await type('Не приходит СМС');
    await press('Tab');
    await type('Нажимаю «Получить код», СМС с кодом не приходит уже час.');
    await press('Tab'); // attachments: the file picker
    expect(deepActive()?.getAttribute('type')).to.equal('file');
    await press('Tab');
    await type('8 912 345 67 89');
    await press('Tab');
    await type('ivanov@mail.ru');
    await press('Tab'); // full name
    await press('Tab'); // SNILS
    await press('Tab'); // INN
    await press('Tab'); // technical details summary
    await press('Tab'); // consent checkbox
    expect(deepActive()).to.equal(control(el, 'consent'));
    await press(' '); // Space (Puppeteer and Playwright both know the key by its character)
    for (let i = 0; i < 4 && deepActive()?.getAttribute('type') !== 'submit'; i++) await press('Tab');
    expect(deepActive()?.getAttribute('type')).to.equal('submit');
    const submitted = oneEvent(el, 'gu-submitted');
    await press('Enter');
    const { detail } = await submitted;
    expect(detail.ticket.title).to.equal('Не приходит СМС');
    expect(detail.ticket.contact.email).to.equal('ivanov@mail.ru');
    expect(adapter.tickets.size).to.equal(1);
  });

  it('speaks English inside lang="en"', async () => {
    const wrapper = await fixture(html`<div lang="en"><gu-support-form .adapter=${new MemoryAdapter()}></gu-support-form></div>`);
    const el = wrapper.querySelector('gu-support-form')!;
    // English strings load on first use, then the element re-renders.
    await until(() => el.shadowRoot!.querySelector('.heading')?.textContent === 'Write to support');
    await submit(el);
    expect(inlineError(el, 'contact.phone')).to.equal('Enter a phone number, for example +7 912 345-67-89');
    await expect(el).to.be.accessible();
  });

  it('inside a provider, what is queued goes through the provider\'s adapter, whichever element opened the outbox', async () => {
    const providerAdapter = new MemoryAdapter();
    const provider = await fixture(html`<gu-support-provider .adapter=${providerAdapter}><gu-support-form draft-key="provider-a"></gu-support-form><gu-support-form draft-key="provider-b"></gu-support-form></gu-support-provider>`);
    const [first, second] = [...provider.querySelectorAll('gu-support-form')];
    await first!.updateComplete;
    await second!.updateComplete;
    await until(() => Boolean(first!.behaviour?.delivery.store.outbox && second!.behaviour?.delivery.store.outbox));
    expect(first!.behaviour!.delivery.store.outbox).to.equal(second!.behaviour!.delivery.store.outbox); // one outbox, one drainer
    await fillValid(second!, 'Через поставщика');
    await submit(second!);
    await until(() => Boolean(second!.shadowRoot!.querySelector('.success')));
    expect([...providerAdapter.tickets.values()].map((t) => t.title)).to.deep.equal(['Через поставщика']);
  });

  it('says so when its adapter lacks the tickets slice (a backend with only the FAQ)', async () => {
    const el = await fixture<GuSupportForm>(html`<gu-support-form .adapter=${{ listArticles: async () => [] }}></gu-support-form>`);
    await el.updateComplete;
    await fillValid(el);
    const failed = oneEvent(el, 'gu-error');
    await submit(el);
    expect((await failed).detail.kind).to.equal('no-slice');
    expect(el.shadowRoot!.querySelector('.notice.error')!.textContent).to.contain('не принимает обращения');
  });

  it('switches to the low-vision theme from the provider and passes axe', async () => {
    const provider = await fixture(html`<gu-support-provider theme="low-vision" .adapter=${new MemoryAdapter()}><gu-support-form></gu-support-form></gu-support-provider>`);
    const el = provider.querySelector('gu-support-form')!;
    await el.updateComplete;
    const size = parseFloat(getComputedStyle(el).fontSize);
    expect(size).to.be.greaterThan(20);
    await expect(el).to.be.accessible();
    await tickConsent(el);
  });
});
