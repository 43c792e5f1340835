import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { clearLocalData } from '../../src/core/local-data.js';
import '../../src/elements/ticket-status/gu-ticket-status.js';
import '../../src/elements/provider/gu-support-provider.js';
import type { GuTicketStatus } from '../../src/elements/ticket-status/gu-ticket-status.js';
import { until } from '../helpers/form.js';
import { PNG_1x1 } from '../helpers/files.js';
import type { GuFileDrop } from '../../src/elements/internal/gu-file-drop.js';
import { countRows, injectFault, referenceServer, resetFaults, stopReferenceServer } from '../helpers/reference-server.js';
import { $, PHONE, live, lookUp, text } from '../helpers/tickets.js';

const OPERATOR = { Authorization: 'Bearer operator-test', 'Content-Type': 'application/json' };
let made = 0;

/** <gu-ticket-status> talking to the real reference server: event stream, outbox, test clock. */
describe('<gu-ticket-status> with the reference server (e2e)', () => {
  let url: string;
  let api: string;
  before(async () => ({ url, api } = await referenceServer()));
  beforeEach(() => clearLocalData());
  afterEach(async () => {
    await referenceServer();
    await resetFaults(url);
  });

  async function newTicket(): Promise<string> {
    const body = {
      topic: 'login',
      title: `E2E статус ${++made} ${crypto.randomUUID().replace(/[0-9-]/g, '').slice(0, 6)}`, // no digits: a long number looks like a card to the PII guard
      description: 'После ввода пароля появляется ошибка 401, вход не выполняется.',
      contact: { phone: PHONE },
      consent: { version: '2025-09-01', givenAt: new Date().toISOString() },
    };
    const response = await fetch(`${api}/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body) });
    const receipt = (await response.json()) as { number: string };
    if (response.status !== 201) throw new Error(`ticket not created: ${response.status} ${JSON.stringify(receipt)}`);
    return receipt.number;
  }
  const setStatus = (number: string, status: string, comment?: string) =>
    fetch(`${api}/operator/tickets/${number}/status`, { method: 'POST', headers: OPERATOR, body: JSON.stringify({ status, comment }) });
  const mount = () => fixture<GuTicketStatus>(html`<gu-ticket-status endpoint=${api} lang="ru"></gu-ticket-status>`);
  /** Looks the request up and insists it opened (a failure says why). */
  async function opened(el: GuTicketStatus, number: string): Promise<void> {
    await lookUp(el, number);
    if (!$(el, '.ticket')) throw new Error(`not opened: ${text(el, '.failure')}`);
    await el.updateComplete;
  }

  it('the operator changes the status and the open element shows it without a reload, announced once', async () => {
    const number = await newTicket();
    const el = await mount();
    await lookUp(el, number, '8 912 345 67 89');
    expect(text(el, '.ticket dd [part=badge]')).to.equal('Принято');
    await until(() => el.behaviour!['unfollow'] !== undefined);
    const changed = oneEvent(el, 'gu-ticket-loaded');
    await setStatus(number, 'awaiting-info', 'Уточните, пожалуйста, браузер');
    expect((await changed).detail).to.deep.equal({ number, status: 'awaiting-info', live: true });
    await until(() => text(el, '.ticket dd [part=badge]') === 'Ожидает уточнений');
    expect(live(el)).to.equal('Статус обращения изменился: Ожидает уточнений');
    expect(text(el, 'ol.timeline')).to.contain('Уточните, пожалуйста, браузер');
    expect($(el, '.reply')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a reply written while the server is down is delivered once after it is back', async () => {
    const number = await newTicket();
    await setStatus(number, 'awaiting-info');
    const el = await mount();
    await opened(el, number);
    const before = await countRows(url, 'comments');
    await stopReferenceServer();
    await el.updateComplete;
    const area = $<HTMLTextAreaElement>(el, '#reply-text')!;
    area.value = 'Браузер Firefox 128, ошибка на шаге входа.';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    $<HTMLFormElement>(el, '.reply form')!.requestSubmit();
    await until(() => text(el, '.pending').includes('Firefox 128'), 8000);
    await referenceServer();
    window.dispatchEvent(new Event('online'));
    await until(() => text(el, 'ol.comments').includes('Firefox 128'), 15_000);
    await until(() => !$(el, '.pending'));
    window.dispatchEvent(new Event('online')); // a second wake-up sends nothing more
    await el.behaviour!.reply!['outbox']?.drain();
    expect(await countRows(url, 'comments')).to.equal(before + 1);
  });

  it('a reply with a screenshot: the file goes with it and comes back as a signed download link', async () => {
    const number = await newTicket();
    await setStatus(number, 'awaiting-info');
    const el = await mount();
    await opened(el, number);
    const drop = $<GuFileDrop>(el, 'gu-file-drop')!;
    await drop.add([new File([PNG_1x1], 'экран.png', { type: 'image/png' })]);
    await until(() => drop.prepared.length === 1, 20_000);
    const area = $<HTMLTextAreaElement>(el, '#reply-text')!;
    area.value = 'Скриншот ошибки прилагаю.';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    $<HTMLFormElement>(el, '.reply form')!.requestSubmit();
    await until(() => Boolean(el.shadowRoot!.querySelector('ol.comments a[download]')), 10_000);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('ol.comments a[download]')!;
    expect(link.textContent).to.equal('экран.png');
    expect(link.href).to.match(/\/api\/attachments\/[^?]+\?expires=\d+&signature=/);
    expect(link.href).to.not.contain('912');
    const file = await fetch(link.href);
    expect(file.status).to.equal(200);
    expect(new Uint8Array(await file.arrayBuffer()).slice(1, 4)).to.deep.equal(new Uint8Array([0x50, 0x4e, 0x47]));
    expect(drop.prepared).to.have.length(0);
  });

  it('offers the reminder after 48 hours «В работе» (the server\'s test clock) and the server takes one per day', async () => {
    const number = await newTicket();
    await setStatus(number, 'in-progress');
    const aged = await fetch(`${url}/__test/age`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ number, hours: 49 }) });
    expect(aged.status).to.equal(204);
    const el = await mount();
    await opened(el, number);
    const remind = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.remind button')][0]!;
    expect(remind.textContent).to.contain('Напомнить');
    remind.click();
    await until(() => !$(el, '.remind') && text(el, '.ticket').includes('Напоминание отправлено'));
    expect(text(el, '.ticket')).to.match(/Напомнить снова можно после \d{2}:\d{2}/);
    const { token } = (await (await fetch(`${api}/tickets/lookup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ number, contact: PHONE }) })).json()) as { token: string };
    const again = await fetch(`${api}/tickets/${number}/reminder`, { method: 'POST', headers: { 'X-Ticket-Token': token, 'Content-Type': 'application/json' }, body: '{}' });
    expect(again.status).to.equal(429);
  });

  it('«Мои обращения» of a signed-in user through the provider\'s getToken; signed out without it', async () => {
    const owner = `citizen-${crypto.randomUUID()}`;
    const created = await fetch(`${api}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Authorization: `Bearer ${owner}` },
      body: JSON.stringify({ topic: 'payments', title: 'Двойное списание за пошлину', description: 'Пошлина списана дважды, прошу вернуть одну.', contact: { phone: PHONE }, consent: { version: '2025-09-01', givenAt: new Date().toISOString() } }),
    });
    const { number } = (await created.json()) as { number: string };
    const page = await fixture<HTMLElement>(html`<gu-support-provider endpoint=${api} .getToken=${() => owner}><gu-ticket-status mode="list"></gu-ticket-status></gu-support-provider>`);
    const el = page.querySelector('gu-ticket-status')!;
    await until(() => text(el, 'tbody').includes(number));
    expect(text(el, 'tbody')).to.contain('Двойное списание за пошлину');
    expect(text(el, 'tbody')).to.contain('Принято');
    await expect(el).to.be.accessible();
    const anonymous = await fixture<GuTicketStatus>(html`<gu-ticket-status endpoint=${api} mode="list"></gu-ticket-status>`);
    await until(() => Boolean($(anonymous, '.signed-out')));
  });

  it('too many look-ups: the server\'s Retry-After as a time, no countdown', async () => {
    const number = await newTicket();
    await injectFault(url, { path: '/api/tickets/lookup', status: 429, retryAfter: 600 });
    const el = await mount();
    await lookUp(el, number);
    expect(text(el, '.failure')).to.match(/Попробуйте снова после \d{2}:\d{2} по московскому времени/);
  });
});
