import { expect, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import { control, fill, fillValid, inlineError, mountForm, submit, until } from '../helpers/form.js';

const mount = (adapter: MemoryAdapter, draftKey?: string) => mountForm(adapter, {}, draftKey);

const queued = (el: GuSupportForm) => el.shadowRoot!.querySelector('.queued');
const success = (el: GuSupportForm) => el.shadowRoot!.querySelector('.success');

describe('<gu-support-form> offline: outbox and drafts in IndexedDB', () => {
  // Every form with an in-memory adapter drains the same queue: start each test from an empty one.
  beforeEach(() => clearLocalData());
  it('keeps a request that cannot go now, shows it, and delivers it when the connection returns', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await fillValid(el, 'Отправлено без связи');
    adapter.failNext('offline');
    const queuedEvent = oneEvent(el, 'gu-queued');
    await submit(el);
    expect((await queuedEvent).detail.ticket.title).to.equal('Отправлено без связи');
    await until(() => Boolean(queued(el)));
    expect(queued(el)!.textContent).to.contain('Отправлено без связи');
    expect(queued(el)!.textContent).to.contain('Будет отправлено, когда появится связь');
    expect(queued(el)!.textContent).to.match(/Написано \d+/);
    await until(() => control(el, 'title').value === ''); // the form is free: the request is safe in the queue
    // Listen before the axe check: the retry timer may deliver while axe runs on a loaded machine.
    const delivered = oneEvent(el, 'gu-delivered');
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    const { detail } = await delivered;
    await until(() => Boolean(success(el)));
    expect(success(el)!.textContent).to.contain(detail.receipt.number);
    expect(adapter.tickets.size).to.equal(1);
  });

  it('a queued request delivered while the user writes another is announced, not taking the screen away', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await fillValid(el, 'Первое, без связи');
    adapter.failNext('offline');
    await submit(el);
    await until(() => Boolean(queued(el)) && control(el, 'title').value === '');
    await fill(el, 'title', 'Второе, пишу сейчас');
    const delivered = oneEvent(el, 'gu-delivered');
    window.dispatchEvent(new Event('online'));
    const { detail } = await delivered;
    await until(() => el.shadowRoot!.textContent!.includes(`доставлено: № ${detail.receipt.number}`));
    expect(success(el)).to.equal(null);
    expect(control(el, 'title').value).to.equal('Второе, пишу сейчас');
  });

  it('a request the server refuses comes back to the form with the server words', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await fillValid(el, 'Отклонено сервером');
    adapter.failNext('rejected', { type: 'urn:gu-support:problem:validation', title: 'x', status: 422, errors: [{ field: 'contact.phone', code: 'blocked', detail: 'Номер не обслуживается' }] });
    const failed = oneEvent(el, 'gu-delivery-failed');
    await submit(el);
    expect((await failed).detail.fieldErrors[0]!.field).to.equal('contact.phone');
    await until(() => inlineError(el, 'contact.phone') === 'Номер не обслуживается');
    expect(control(el, 'title').value).to.equal('Отклонено сервером');
    expect(queued(el)).to.equal(null);
  });

  it('clearLocalData() wipes the queue and the draft', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await fillValid(el, 'Стереть всё');
    adapter.failNext('offline');
    await submit(el);
    await until(() => Boolean(queued(el)));
    await el.clearLocalData();
    await until(() => !queued(el));
    expect(control(el, 'title').value).to.equal('');
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    expect(adapter.tickets.size).to.equal(0);
  });

  it('cancelling a queued request puts it back into the form', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await fillValid(el, 'Передумал');
    adapter.failNext('offline');
    await submit(el);
    await until(() => Boolean(queued(el)));
    queued(el)!.querySelector<HTMLButtonElement>('.link-button')!.click();
    await until(() => !queued(el));
    expect(control(el, 'title').value).to.equal('Передумал');
  });

  it('recognises the same request already waiting', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await fillValid(el, 'Дважды без связи');
    adapter.failNext('offline');
    await submit(el);
    await until(() => Boolean(queued(el)) && control(el, 'title').value === '');
    await fillValid(el, 'Дважды без связи');
    await submit(el);
    expect(el.shadowRoot!.textContent).to.contain('уже ждёт отправки');
    expect(queued(el)!.querySelectorAll('li')).to.have.length(1);
  });

  it('saves a draft as the user types and restores it on return, without the consent', async () => {
    const key = `draft-test-${Date.now()}`;
    const first = await mount(new MemoryAdapter(), key);
    await fill(first, 'title', 'Черновик про ошибку');
    await fill(first, 'description', 'Описание, которое жалко потерять при закрытии вкладки.');
    control(first, 'consent').click();
    await until(() => first.shadowRoot!.textContent!.includes('Черновик сохранён'));
    first.remove();
    const second = await mount(new MemoryAdapter(), key);
    await until(() => control(second, 'title').value === 'Черновик про ошибку');
    expect(second.shadowRoot!.textContent).to.contain('Восстановлен черновик');
    expect(control<HTMLInputElement>(second, 'consent').checked).to.equal(false);
    second.shadowRoot!.querySelector<HTMLButtonElement>('.draft button')!.click();
    await until(() => control(second, 'title').value === '');
    second.remove();
    const third = await mount(new MemoryAdapter(), key);
    await new Promise((r) => setTimeout(r, 200));
    expect(control(third, 'title').value).to.equal('');
  });

  it('when the browser has no room, offers to send without saving or to download', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await fillValid(el, 'Нет места');
    await new Promise((r) => setTimeout(r, 600)); // let the draft save finish first
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await submit(el);
      await until(() => Boolean(el.shadowRoot!.querySelector('.storage-fault')));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const fault = el.shadowRoot!.querySelector('.storage-fault')!;
    expect(fault.textContent).to.contain('не хватает места');
    expect(fault.textContent).to.contain('Скачать обращение');
    expect(control(el, 'title').value).to.equal('Нет места');
    const submitted = oneEvent(el, 'gu-submitted');
    fault.querySelector<HTMLButtonElement>('button.button:not(.secondary)')!.click();
    await submitted;
    expect(adapter.tickets.size).to.equal(1);
  });

  it('an old tab blocking the upgrade: says what to do, sends directly, recovers when it closes', async () => {
    await new Promise((resolve) => {
      const deletion = indexedDB.deleteDatabase('gu-support-kit');
      deletion.onsuccess = deletion.onerror = deletion.onblocked = resolve;
    });
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('gu-support-kit', 1); // an old tab with version 1, ignoring versionchange
      request.onupgradeneeded = () => {
        request.result.createObjectStore('outbox', { keyPath: 'id' });
        request.result.createObjectStore('drafts', { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    await until(() => el.shadowRoot!.textContent!.includes('Закройте её'));
    await fillValid(el, 'Старая вкладка');
    const submitted = oneEvent(el, 'gu-submitted');
    await submit(el);
    await submitted;
    expect(adapter.tickets.size).to.equal(1);
    old.close(); // the old tab goes away
    await until(() => !el.shadowRoot!.textContent!.includes('Закройте её'));
  });

  it('without IndexedDB (private mode, blocked storage) says so and still sends', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    };
    try {
      const adapter = new MemoryAdapter();
      const el = await mount(adapter);
      await until(() => el.shadowRoot!.textContent!.includes('Браузер не даёт сохранять данные'));
      await fillValid(el, 'Приватный режим');
      const submitted = oneEvent(el, 'gu-submitted');
      await submit(el);
      await submitted;
      expect(adapter.tickets.size).to.equal(1);
    } finally {
      IDBFactory.prototype.open = open;
    }
  });
});
