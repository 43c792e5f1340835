import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/core/adapter/errors.js';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { RestAdapter } from '../../src/core/adapter/rest.js';
import { clearLocalData } from '../../src/core/local-data.js';
import type { GuTicketStatus } from '../../src/elements/ticket-status/gu-ticket-status.js';
import { deepActive, press, until } from '../helpers/form.js';
import { referenceServer } from '../helpers/reference-server.js';
import { $, mountStatus, sampleTicket, text } from '../helpers/tickets.js';

/** «Мои обращения»: a signed-in owner opens a request from the list without the phone or e-mail (issue #9). */
describe('<gu-ticket-status mode="list">: the owner opens a request straight from the list', () => {
  beforeEach(() => clearLocalData());

  const rowButtons = (el: GuTicketStatus) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button[data-number]')];
  const back = (el: GuTicketStatus) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Вернуться к списку'))!;

  it('keyboard only: Enter on a row opens the request, focus on its heading; «Вернуться к списку» returns focus to that row', async () => {
    const tickets = [sampleTicket(11), sampleTicket(12, 'in-progress'), sampleTicket(13, 'resolved')];
    const adapter = new MemoryAdapter({ tickets });
    let withContact = 0;
    const open = adapter.openTicket.bind(adapter);
    adapter.openTicket = (...args) => (withContact++, open(...args));
    const el = await mountStatus(adapter, { mode: 'list' });
    await until(() => rowButtons(el).length === 3);
    const second = rowButtons(el)[1]!;
    const number = second.dataset.number!;
    second.focus();
    await press('Enter');
    await until(() => Boolean($(el, '.ticket')));
    await el.updateComplete;
    expect(withContact).to.equal(0, 'never asked for the contact');
    expect($(el, '#contact')).to.equal(null);
    expect(text(el, '#ticket-title')).to.contain(number);
    expect(deepActive()?.id).to.equal('ticket-title');
    await expect(el).to.be.accessible();
    back(el).focus();
    await press('Enter');
    await until(() => rowButtons(el).length === 3);
    await until(() => (deepActive() as HTMLElement | null)?.dataset?.number === number);
  });

  it('an access that expires while the owner reads the request is renewed by sign-in, never by asking for the contact', async () => {
    const adapter = new MemoryAdapter({ tickets: [sampleTicket(31, 'in-progress')] });
    let renewed = 0;
    const openMine = adapter.openMyTicket.bind(adapter);
    adapter.openMyTicket = (...args) => (renewed++, openMine(...args));
    adapter.openTicket = () => Promise.reject(new Error('the contact must not be needed'));
    const el = await mountStatus(adapter, { mode: 'list' });
    await until(() => rowButtons(el).length === 1);
    rowButtons(el)[0]!.click();
    await until(() => Boolean($(el, '.ticket')));
    expect(renewed).to.equal(1);
    adapter.expireAccess();
    const again = await el.behaviour!.session!.ticket();
    expect(again.number).to.equal(sampleTicket(31).number);
    expect(renewed).to.equal(2);
  });

  it('a request the backend does not give (not found) says the neutral words and offers the look-up with the number', async () => {
    const adapter = new MemoryAdapter({ tickets: [sampleTicket(21)] });
    adapter.openMyTicket = () => Promise.reject(new AdapterError('not-found', 'not found', { status: 404 }));
    const el = await mountStatus(adapter, { mode: 'list' });
    await until(() => rowButtons(el).length === 1);
    rowButtons(el)[0]!.click();
    await until(() => Boolean(el.lookup.failure));
    await el.updateComplete;
    expect(text(el, '.failure')).to.contain('не найдено');
    expect($<HTMLInputElement>(el, '#number')!.value).to.equal(sampleTicket(21).number);
    await expect(el).to.be.accessible();
  });

  it('e2e against the reference server: lists and opens only the signed-in user’s own requests; a reply goes without the contact', async () => {
    const { api, url } = await referenceServer();
    const me = `owner-${crypto.randomUUID()}`;
    const create = async (title: string, token: string) => {
      const response = await fetch(`${api}/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({
          topic: 'login',
          title,
          description: 'После ввода пароля появляется ошибка 401 и вход не выполняется.',
          contact: { phone: '+7 912 345-67-89' },
          consent: { version: '2025-09-01', givenAt: new Date().toISOString() },
        }),
      });
      return ((await response.json()) as { number: string }).number;
    };
    const mine = await create('Моё обращение из списка', me);
    const theirs = await create('Чужое обращение', `other-${crypto.randomUUID()}`);
    await fetch(`${url}/api/operator/tickets/${mine}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer operator-test' },
      body: JSON.stringify({ status: 'awaiting-info', comment: 'Уточните браузер' }),
    });
    const adapter = new RestAdapter({ endpoint: api, getToken: () => me });
    // The page cannot open somebody else's request by guessing its number.
    const refused = await adapter.openMyTicket(theirs).catch((error: unknown) => error);
    expect((refused as AdapterError).kind).to.equal('not-found');

    const el = await mountStatus(adapter, { mode: 'list' });
    await until(() => rowButtons(el).length === 1);
    expect(rowButtons(el)[0]!.dataset.number).to.equal(mine);
    rowButtons(el)[0]!.click();
    await until(() => Boolean($(el, '.ticket')));
    await el.updateComplete;
    expect(text(el, '.ticket')).to.contain('Моё обращение из списка');
    expect(deepActive()?.id).to.equal('ticket-title');

    const area = $<HTMLTextAreaElement>(el, '#reply-text')!;
    area.value = 'Браузер — Firefox 128';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    $<HTMLFormElement>(el, '.reply form')!.requestSubmit();
    await until(() => text(el, 'ol.comments').includes('Firefox 128'));
    const seen = (await (await fetch(`${url}/api/operator/tickets/${mine}`, { headers: { Authorization: 'Bearer operator-test' } })).json()) as { comments: { author: string; text: string }[] };
    expect(seen.comments.filter((c) => c.author === 'citizen').map((c) => c.text)).to.deep.equal(['Браузер — Firefox 128']);
  });
});
