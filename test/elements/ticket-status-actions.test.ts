import { expect, oneEvent } from '@open-wc/testing';
import { AdapterError } from '../../src/core/adapter/errors.js';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import type { TicketSummary } from '../../src/core/adapter/types.js';
import { clearLocalData } from '../../src/core/local-data.js';
import type { GuTicketStatus } from '../../src/elements/ticket-status/gu-ticket-status.js';
import { deepActive, press, type, until } from '../helpers/form.js';
import { $, PHONE, live, lookUp, memoryWith, mountStatus, parseCsv, sampleTicket, summaries, text } from '../helpers/tickets.js';

const HOUR = 3600_000;

/** What «Сохранить в файл» saved: its name and text, read back from the link it clicked. */
async function saved(action: () => void): Promise<{ name: string; text: string }> {
  const clicked = new Promise<HTMLAnchorElement>((resolve) => {
    const listener = (e: Event) => {
      if (!(e.target instanceof HTMLAnchorElement && e.target.download)) return; // the button's own click
      e.preventDefault();
      document.removeEventListener('click', listener, true);
      resolve(e.target);
    };
    document.addEventListener('click', listener, true);
  });
  action();
  const link = await clicked;
  const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
  return { name: link.download, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

function button(el: GuTicketStatus, words: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(words));
  if (!found) throw new Error(`no button «${words}»`);
  return found;
}

async function typeReply(el: GuTicketStatus, value: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, '#reply-text')!;
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<gu-ticket-status>: reply, reminder, repeat, rating, save', () => {
  beforeEach(() => clearLocalData());

  it('replies while support waits for details: PII guard first, then through the outbox, once', async () => {
    const ticket = sampleTicket(30, 'awaiting-info');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    await expect(el).to.be.accessible();
    await typeReply(el, 'Мой пароль: Qwerty123!');
    expect(text(el, '.pii-warning')).to.contain('пароль');
    $<HTMLFormElement>(el, '.reply form')!.requestSubmit();
    await el.updateComplete;
    expect(text(el, '#reply-error')).to.contain('Удалите из ответа');
    expect(deepActive()?.id).to.equal('reply-text');
    button(el, 'Удалить из текста').click();
    await typeReply(el, 'Браузер — Firefox 128, ошибка на шаге оплаты.');
    $<HTMLFormElement>(el, '.reply form')!.requestSubmit();
    await until(() => adapter.tickets.get(ticket.number)!.comments.length === 1);
    await until(() => text(el, 'ol.comments').includes('Firefox 128'));
    await until(() => live(el) === 'Ответ отправлен'); // once the outbox has let it go
    expect($<HTMLTextAreaElement>(el, '#reply-text')!.value).to.equal('');
  });

  it('keyboard only: a reply typed and sent with Tab and Enter', async () => {
    const ticket = sampleTicket(37, 'awaiting-info');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    $<HTMLTextAreaElement>(el, '#reply-text')!.focus();
    await type('Ошибка появляется и в другом браузере.');
    for (let i = 0; i < 12 && deepActive()?.textContent?.trim() !== 'Отправить ответ'; i++) await press('Tab');
    expect(deepActive()?.textContent?.trim()).to.equal('Отправить ответ');
    await press('Enter');
    await until(() => adapter.tickets.get(ticket.number)!.comments.length === 1);
    expect(adapter.tickets.get(ticket.number)!.comments[0]!.text).to.equal('Ошибка появляется и в другом браузере.');
  });

  it('a reply written offline waits in the outbox and is delivered once when the connection is back', async () => {
    const ticket = sampleTicket(31, 'awaiting-info');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    const open = adapter.openTicket.bind(adapter);
    let offline = true;
    adapter.openTicket = (...args) => (offline ? Promise.reject(new AdapterError('offline', 'offline')) : open(...args));
    await typeReply(el, 'Ответ без связи');
    $<HTMLFormElement>(el, '.reply form')!.requestSubmit();
    await until(() => text(el, '.pending').includes('Ответ без связи'));
    expect(text(el, '.pending')).to.contain('Ждёт отправки');
    offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => adapter.tickets.get(ticket.number)!.comments.length === 1, 10_000);
    await until(() => !$(el, '.pending'));
    window.dispatchEvent(new Event('online'));
    await el.behaviour!.reply!['outbox']?.drain();
    expect(adapter.tickets.get(ticket.number)!.comments.length).to.equal(1);
  });

  it('offers a reminder after 48 hours «В работе», and says when the next one is possible', async () => {
    const fresh = sampleTicket(32, 'in-progress');
    const el = await mountStatus(memoryWith(fresh));
    await lookUp(el, fresh.number);
    expect($(el, '.remind')).to.equal(null);
    const old = sampleTicket(33, 'in-progress', { history: [{ status: 'in-progress', at: new Date(Date.now() - 49 * HOUR).toISOString() }] });
    const adapter = memoryWith(old);
    const other = await mountStatus(adapter);
    await lookUp(other, old.number);
    await expect(other).to.be.accessible();
    button(other, 'Напомнить').click();
    await until(() => Boolean(adapter.tickets.get(old.number)!.remindedAt) && !$(other, '.remind'));
    await other.updateComplete;
    expect(text(other, '.ticket')).to.match(/Напомнить снова можно после \d{2}:\d{2}/);
  });

  it('«Повторить обращение» hands the number to the form as a repeat request', async () => {
    const ticket = sampleTicket(34, 'closed');
    const el = await mountStatus(memoryWith(ticket));
    await lookUp(el, ticket.number);
    const handed = oneEvent(document, 'gu-handoff');
    button(el, 'Повторить').click();
    expect((await handed).detail).to.deep.equal({ previousNumber: ticket.number });
  });

  it('rates the answer after «Решено»: a score is required, then thanks', async () => {
    const ticket = sampleTicket(35, 'resolved');
    const adapter = memoryWith(ticket);
    const el = await mountStatus(adapter);
    await lookUp(el, ticket.number);
    await expect(el).to.be.accessible();
    $<HTMLFormElement>(el, '.rating form')!.requestSubmit();
    await el.updateComplete;
    expect(text(el, '#rate-error')).to.equal('Выберите оценку от 1 до 5');
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('.scores input')[3]!.click();
    $<HTMLFormElement>(el, '.rating form')!.requestSubmit();
    await until(() => Boolean($(el, '.rated')));
    expect(adapter.tickets.get(ticket.number)!.rating).to.deep.equal({ score: 4 });
    expect(text(el, '.rated')).to.contain('4 из 5');
  });

  it('saves one request as readable text', async () => {
    const ticket = sampleTicket(36, 'in-progress', { comments: [{ id: '1', author: 'operator', text: 'Уточните браузер', at: new Date().toISOString(), attachments: [] }] });
    const el = await mountStatus(memoryWith(ticket));
    await lookUp(el, ticket.number);
    const file = await saved(() => button(el, 'Сохранить в файл').click());
    expect(file.name).to.equal(`${ticket.number}.txt`);
    expect(file.text).to.contain(`Обращение № ${ticket.number}`);
    expect(file.text).to.contain('Статус: В работе');
    expect(file.text).to.contain('Уточните браузер');
    expect(file.text).to.not.contain(PHONE);
  });
});

describe('<gu-ticket-status mode="list">', () => {
  function listAdapter(list: TicketSummary[] | (() => Promise<TicketSummary[]>)): MemoryAdapter {
    const adapter = new MemoryAdapter();
    adapter.listMyTickets = typeof list === 'function' ? list : async () => list;
    return adapter;
  }
  const rows = (el: GuTicketStatus) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
  async function set(el: GuTicketStatus, id: string, value: string): Promise<void> {
    const input = $<HTMLInputElement>(el, `#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' || input.type === 'date' ? 'change' : 'input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }

  it('lists date, topic, number, status and deadline; pages; passes axe', async () => {
    const el = await mountStatus(listAdapter(summaries(45)), { mode: 'list', pageSize: 20 });
    await until(() => rows(el).length === 20);
    await until(() => text(el, 'tbody').includes('Регистрация и вход'));
    expect(text(el, 'thead')).to.equal('Дата Тема Номер Статус Срок ответа');
    expect(text(el, '.meta')).to.contain('Найдено 45 обращений');
    await expect(el).to.be.accessible();
    button(el, 'Следующая страница').click();
    await el.updateComplete;
    expect(live(el)).to.equal('Страница 2 из 3');
    button(el, 'Следующая страница').click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(5);
  });

  it('filters by status and dates, searches by number or title words, sorts', async () => {
    const list = summaries(45);
    const el = await mountStatus(listAdapter(list), { mode: 'list', pageSize: 100 });
    await until(() => rows(el).length === 45);
    await set(el, 'status', 'resolved');
    expect(rows(el)).to.have.length(9);
    expect(rows(el).every((r) => r.includes('Решено'))).to.equal(true);
    expect(live(el)).to.equal('Найдено 9 обращений');
    await set(el, 'status', '');
    await set(el, 'q', 'двойное списание');
    expect(rows(el).every((r) => r.includes('Двойное списание'))).to.equal(true);
    await set(el, 'q', list[7]!.number.replace(/-/g, ' '));
    expect(rows(el)).to.have.length(1);
    await set(el, 'q', '');
    await set(el, 'from', '2026-11-10');
    await set(el, 'to', '2026-11-11');
    expect(rows(el)).to.have.length(4);
    await set(el, 'sort', 'oldest');
    expect(rows(el)[0]).to.contain('10 ноября');
    await set(el, 'from', '2027-01-01');
    expect(text(el, '.list, [part=list]')).to.contain('Нет обращений, подходящих под условия');
  });

  it('exports the shown list as CSV for Excel: BOM, «;», quoting, no formulas; read back equal', async () => {
    const list: TicketSummary[] = [
      { ...summaries(1)[0]!, title: '=HYPERLINK("http://evil")' },
      { ...summaries(2)[1]!, title: 'Оплата; «двойная» "списание"\nвторая строка' },
    ];
    const el = await mountStatus(listAdapter(list), { mode: 'list' });
    await until(() => rows(el).length === 2);
    button(el, 'Сохранить в файл').focus();
    const file = await saved(() => void press('Enter'));
    expect(file.name).to.equal('obrashcheniya.csv');
    expect(file.text.charCodeAt(0)).to.equal(0xfeff);
    const lines = file.text.slice(1).split('\r\n');
    expect(lines[0]).to.equal('Дата;Тема;Номер;Заголовок;Статус;Срок ответа');
    const table = parseCsv(file.text.slice(1));
    expect(table).to.have.length(3);
    const byNumber = new Map(table.slice(1).map((row) => [row[2], row]));
    expect(byNumber.get(list[0]!.number)![3]).to.equal(`'=HYPERLINK("http://evil")`);
    expect(byNumber.get(list[1]!.number)![3]).to.equal('Оплата; «двойная» "списание"\nвторая строка');
    expect(byNumber.get(list[1]!.number)![4]).to.equal('В работе');
    expect(byNumber.get(list[0]!.number)![0]).to.match(/^1 ноября 2026/);
  });

  it('signed out, empty, failing and broken lists each say so', async () => {
    const signedOut = await mountStatus(listAdapter(() => Promise.reject(new AdapterError('unauthorized', 'no token', { status: 401 }))), { mode: 'list' });
    await until(() => Boolean($(signedOut, '.signed-out')));
    expect(text(signedOut, '.signed-out')).to.contain('Войдите');
    await expect(signedOut).to.be.accessible();
    const empty = await mountStatus(listAdapter([]), { mode: 'list' });
    await until(() => Boolean($(empty, '.empty')));
    const failing = await mountStatus(listAdapter(() => Promise.reject(new AdapterError('server', 'down', { status: 500 }))), { mode: 'list' });
    await until(() => text(failing, '[role=alert]').includes('недоступен'));
    await expect(failing).to.be.accessible();
    const broken = await mountStatus(listAdapter(async () => [{ number: 1 }] as unknown as TicketSummary[]), { mode: 'list' });
    await until(() => text(broken, '[role=alert]').includes('не удалось прочитать'));
  });

  it('with an adapter that cannot open by sign-in, a number in the list opens the look-up with the number filled in, and back', async () => {
    const list = summaries(3);
    const adapter = listAdapter(list);
    Object.defineProperty(adapter, 'openMyTicket', { value: undefined }); // a portal adapter without owner access
    const el = await mountStatus(adapter, { mode: 'list' });
    await until(() => rows(el).length === 3);
    el.shadowRoot!.querySelector<HTMLButtonElement>('tbody .link-button')!.click();
    await until(() => Boolean($(el, '.lookup')));
    expect($<HTMLInputElement>(el, '#number')!.value).to.equal(list.toSorted((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0]!.number);
    button(el, 'Вернуться к списку').click();
    await until(() => rows(el).length === 3);
  });
});
