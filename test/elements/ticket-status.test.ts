import { expect, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { TICKET_STATUSES, type Ticket } from '../../src/core/adapter/types.js';
import { clearLocalData } from '../../src/core/local-data.js';
import { recentNumbers } from '../../src/core/ticket/recent.js';
import { deepActive, press, type, until } from '../helpers/form.js';
import { $, PHONE, live, longTicket, lookUp, memoryWith, mountStatus, sampleTicket, summaries, text } from '../helpers/tickets.js';

const DAY = 86_400_000;

describe('<gu-ticket-status>: one request', () => {
  beforeEach(() => clearLocalData());

  it('checks the number (check digit) and the contact in the browser before asking the server', async () => {
    const adapter = memoryWith(sampleTicket(1));
    let asked = 0;
    const open = adapter.openTicket.bind(adapter);
    adapter.openTicket = (...args) => (asked++, open(...args));
    const el = await mountStatus(adapter);
    await lookUp(el, '1000-0000-0010', 'не телефон');
    expect(asked).to.equal(0);
    expect(text(el, '#number-error')).to.not.equal('');
    expect(text(el, '#contact-error')).to.contain('Введите телефон');
    expect($(el, '#number')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#number')!.getAttribute('aria-describedby')).to.contain('number-error');
    expect(deepActive()?.id).to.equal('number');
    await expect(el).to.be.accessible();
  });

  it('a wrong contact and an unknown number get the same neutral words', async () => {
    const ticket = sampleTicket(2);
    const el = await mountStatus(memoryWith(ticket));
    await lookUp(el, ticket.number, '+7 999 000-00-00');
    const wrongPair = text(el, '.failure');
    await lookUp(el, sampleTicket(3).number, PHONE);
    expect(text(el, '.failure')).to.equal(wrongPair);
    expect(wrongPair).to.contain('не найдено');
    expect(wrongPair).to.not.contain(PHONE);
    await expect(el).to.be.accessible();
  });

  it('a rate limit says after what time to try again, once, without a countdown', async () => {
    const adapter = memoryWith(sampleTicket(4));
    adapter.failNext('rate-limited');
    const el = await mountStatus(adapter);
    await lookUp(el, sampleTicket(4).number);
    const words = text(el, '.failure');
    expect(words).to.match(/после \d{2}:\d{2} по московскому времени/);
    expect(el.shadowRoot!.querySelectorAll('[aria-live], [role=alert]').length).to.equal(2); // the polite region and the one alert
    await expect(el).to.be.accessible();
  });

  for (const status of TICKET_STATUSES) {
    it(`shows «${status}» in words with its history and passes axe`, async () => {
      const ticket = sampleTicket(10, status);
      const el = await mountStatus(memoryWith(ticket));
      const loaded = oneEvent(el, 'gu-ticket-loaded');
      await lookUp(el, ticket.number);
      expect((await loaded).detail).to.deep.equal({ number: ticket.number, status, live: false });
      expect(text(el, '.ticket [part=badge]')).to.not.equal('');
      expect(text(el, 'ol.timeline')).to.contain('время московское');
      expect(deepActive()?.id).to.equal('ticket-title');
      expect(recentNumbers()).to.deep.equal([ticket.number]);
      expect(JSON.stringify(localStorage)).to.not.contain('912');
      await expect(el).to.be.accessible();
    });
  }

  it('says plainly when the answer is overdue and what to do; an extension shows its date and reason', async () => {
    const overdue = sampleTicket(11, 'in-progress', { dueAnswerAt: new Date(Date.now() - DAY).toISOString() });
    const el = await mountStatus(memoryWith(overdue));
    await lookUp(el, overdue.number);
    expect(text(el, '.overdue')).to.contain('Срок ответа прошёл');
    expect(text(el, '.overdue')).to.contain('Напомнить');
    const extended = sampleTicket(12, 'in-progress', { extension: { until: new Date(Date.now() + 9 * DAY).toISOString(), reason: 'Нужен ответ ведомства' } });
    const other = await mountStatus(memoryWith(extended));
    await lookUp(other, extended.number);
    expect(text(other, '.extended')).to.contain('Срок продлён');
    expect(text(other, '.extended')).to.contain('Нужен ответ ведомства');
    expect($(other, '.overdue')).to.equal(null);
    await expect(other).to.be.accessible();
  });

  it('announces a live change once through the polite region and leaves focus where it was', async () => {
    const ticket = sampleTicket(13, 'accepted');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)!;
    button.focus();
    const changed = oneEvent(el, 'gu-ticket-loaded');
    adapter.changeTicket(ticket.number, { status: 'in-progress', comment: 'Взяли в работу' });
    expect((await changed).detail).to.deep.equal({ number: ticket.number, status: 'in-progress', live: true });
    await el.updateComplete;
    expect(live(el)).to.equal('Статус обращения изменился: В работе');
    expect(deepActive()).to.equal(button);
    expect(text(el, '.ticket dd [part=badge]')).to.equal('В работе');
  });

  it('renews an expired access silently with this session\'s number and contact', async () => {
    const ticket = sampleTicket(14, 'in-progress');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    adapter.expireAccess();
    el.behaviour!.stop();
    adapter.changeTicket(ticket.number, { status: 'resolved' });
    await (el.behaviour as unknown as { refresh(): Promise<void> }).refresh();
    await el.updateComplete;
    expect(text(el, '.ticket dd [part=badge]')).to.equal('Решено');
    expect($(el, '.lookup')).to.equal(null);
  });

  it('when the access cannot be renewed (the pair no longer opens it), the look-up form again with the number kept', async () => {
    const ticket = sampleTicket(28, 'in-progress');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    adapter.expireAccess();
    (adapter as unknown as { contacts: Map<string, string[]> }).contacts.set(ticket.number, ['other@example.org']);
    await (el.behaviour as unknown as { refresh(): Promise<void> }).refresh();
    await el.updateComplete;
    expect($(el, '.ticket')).to.equal(null);
    expect(text(el, '.failure')).to.contain('не найдено');
    expect($<HTMLInputElement>(el, '#number')!.value).to.equal(ticket.number);
  });

  it('malformed server data: a clear message, no crash', async () => {
    const broken = { ...sampleTicket(15), history: 'нет' } as unknown as Ticket;
    const el = await mountStatus(memoryWith(broken));
    await lookUp(el, broken.number);
    expect(text(el, '.failure')).to.contain('не удалось прочитать');
    expect($(el, '.ticket')).to.equal(null);
    await expect(el).to.be.accessible();
    for (const bad of [{ ...sampleTicket(16), status: 'lost' }, { ...sampleTicket(17), comments: [{ id: 1 }] }, { ...sampleTicket(18), createdAt: 'вчера' }]) {
      const other = await mountStatus(memoryWith(bad as unknown as Ticket));
      await lookUp(other, bad.number);
      expect(text(other, '.failure')).to.contain('не удалось прочитать');
    }
  });

  it('server down: the last known status from this device with its age', async () => {
    const ticket = sampleTicket(19, 'in-progress');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    await until(async () => (await import('../../src/core/ticket/last-known.js')).lastKnown(ticket.number).then(Boolean));
    const again = await mountStatus(adapter);
    adapter.failNext('server');
    await lookUp(again, ticket.number);
    expect(text(again, '.failure')).to.contain('недоступен');
    expect(text(again, '.stale')).to.match(/Последний известный статус — В работе, он получен 1 минуту назад/);
    await expect(again).to.be.accessible();
  });

  it('a history of 1,000 events and 300 messages: 50 of each at first, more on request', async () => {
    const ticket = longTicket(sampleTicket(25).number);
    const el = await mountStatus(memoryWith(ticket));
    await lookUp(el, ticket.number);
    expect(el.shadowRoot!.querySelectorAll('ol.timeline > li').length).to.equal(50);
    expect(el.shadowRoot!.querySelectorAll('ol.comments > li').length).to.equal(50);
    expect(text(el, 'ol.comments li')).to.contain('Сообщение 300');
    const more = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('section button')].find((b) => b.textContent!.includes('Показать ещё'))!;
    more.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('ol.comments > li').length).to.equal(100);
  });

  it('keyboard only: look-up with Tab and Enter', async () => {
    const ticket = sampleTicket(20, 'accepted');
    const el = await mountStatus(memoryWith(ticket));
    $<HTMLInputElement>(el, '#number')!.focus();
    await type(ticket.number);
    await press('Tab');
    await type('8 (912) 345-67-89');
    await press('Enter');
    await until(() => Boolean($(el, '.ticket')));
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('ticket-title');
  });

  it('in English', async () => {
    const ticket = sampleTicket(21, 'awaiting-info');
    const el = await mountStatus(memoryWith(ticket), { lang: 'en' });
    await lookUp(el, ticket.number);
    await until(() => text(el, '.ticket dd [part=badge]') === 'Awaiting your details');
    expect(text(el, 'ol.timeline')).to.contain('Moscow time');
    await expect(el).to.be.accessible();
  });

  it('low-vision theme: overdue request and the list pass axe', async () => {
    const ticket = sampleTicket(27, 'in-progress', { dueAnswerAt: new Date(Date.now() - DAY).toISOString() });
    const el = await mountStatus(memoryWith(ticket));
    el.setAttribute('theme', 'low-vision');
    await lookUp(el, ticket.number);
    await expect(el).to.be.accessible();
    const adapter = new MemoryAdapter();
    adapter.listMyTickets = async () => summaries(12);
    const list = await mountStatus(adapter, { mode: 'list' });
    list.setAttribute('theme', 'low-vision');
    await until(() => list.shadowRoot!.querySelectorAll('tbody tr').length === 12);
    await expect(list).to.be.accessible();
  });

  it('the form\'s success panel event opens the request without retyping', async () => {
    const ticket = sampleTicket(22, 'accepted');
    const el = await mountStatus(memoryWith(ticket));
    const { openTicketStatus } = await import('../../src/events/gu-ticket-open.js');
    expect(openTicketStatus({ number: ticket.number, contact: PHONE })).to.equal(true);
    await until(() => Boolean($(el, '.ticket')));
    expect(openTicketStatus({ number: ticket.number })).to.equal(true);
    await until(() => Boolean($(el, '.lookup')));
    expect($<HTMLInputElement>(el, '#number')!.value).to.equal(ticket.number);
    expect(deepActive()?.id).to.equal('contact');
  });

  it('the number attribute fills in the number', async () => {
    const el = await mountStatus(memoryWith(sampleTicket(26)));
    el.setAttribute('number', sampleTicket(26).number);
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#number')!.value).to.equal(sampleTicket(26).number);
  });

  it('clearLocalData() forgets the recent numbers', async () => {
    const ticket = sampleTicket(23);
    const el = await mountStatus(memoryWith(ticket));
    await lookUp(el, ticket.number);
    expect(recentNumbers()).to.have.length(1);
    await el.clearLocalData();
    expect(recentNumbers()).to.deep.equal([]);
    expect($(el, '.lookup')).to.not.equal(null);
  });

  it('without an adapter it says what is missing', async () => {
    const el = await mountStatus({});
    await lookUp(el, sampleTicket(24).number);
    expect(text(el, '.failure')).to.contain('администратору');
    const memory = new MemoryAdapter();
    expect(memory.remindTicket).to.be.a('function');
  });
});
