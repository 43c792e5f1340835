import { expect, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { fileDrop as drop, filesReady as ready, fillValid, mountForm, pickFiles as pick, submit, summaryItems, until } from '../helpers/form.js';
import { jpegWithExif, photo, pixelAt, screenshot } from '../helpers/images.js';

const mount = (adapter = new MemoryAdapter(), attrs: Record<string, string> = {}) => mountForm(adapter, attrs);

const items = (el: GuSupportForm) => [...drop(el).shadowRoot!.querySelectorAll('li')];

describe('<gu-support-form> attachments', function () {
  this.timeout(40_000);
  beforeEach(() => clearLocalData());

  it('a picked photo over the limit is reduced, shows both sizes and a thumbnail, and passes axe', async () => {
    const el = await mount(new MemoryAdapter(), {});
    el.attachPolicy = { ...el.attachPolicy, imageBytes: 300 * 1024 };
    await el.updateComplete;
    pick(el, await photo(1600, 1200));
    await ready(el, 1);
    const [item] = items(el);
    expect(item!.textContent).to.match(/\d+ (КБ|МБ) → \d+ КБ/);
    expect(item!.querySelector('img.thumb')).to.be.instanceOf(HTMLImageElement);
    expect(drop(el).prepared[0]!.data.byteLength).to.be.at.most(300 * 1024);
    await expect(el).to.be.accessible();
  });

  it('accepts dropped files and pasted screenshots (Ctrl+V in the form)', async () => {
    const el = await mount();
    const transfer = new DataTransfer();
    transfer.items.add(await jpegWithExif(120, 80, 1, 'dropped.jpg'));
    drop(el).shadowRoot!.querySelector('.zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await ready(el, 1);
    const clipboard = new DataTransfer();
    const shot = await screenshot(300, 200);
    clipboard.items.add(new File([shot], '', { type: 'image/png' }));
    const paste = new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, composed: true, cancelable: true });
    // Firefox drops clipboardData from synthetic events (a real Ctrl+V carries it): test what can be tested.
    if (!paste.clipboardData?.files.length) return;
    el.shadowRoot!.querySelector('form')!.dispatchEvent(paste);
    await ready(el, 2);
    expect(drop(el).items.map((i) => i.name)).to.deep.equal(['dropped.jpg', 'Снимок экрана.png']);
  });

  it('refuses a disguised program inline and in the error summary until removed', async () => {
    const el = await mount();
    pick(el, new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], 'скан.jpg', { type: 'image/jpeg' }));
    await ready(el, 1);
    expect(items(el)[0]!.querySelector('.refused')!.textContent).to.contain('по содержимому это не JPEG');
    await fillValid(el);
    await submit(el);
    expect(summaryItems(el).map((i) => i.field)).to.include('files');
    items(el)[0]!.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => drop(el).items.length === 0);
  });

  it('refuses the eleventh file with the limit', async () => {
    const el = await mount();
    const small = await jpegWithExif(20, 20);
    pick(el, ...Array.from({ length: 11 }, (_, i) => new File([small], `${i}.jpg`, { type: 'image/jpeg' })));
    await ready(el, 11);
    expect(drop(el).items[10]!.message).to.equal('Можно приложить не больше 10 файлов: «10.jpg» не добавлен');
  });

  it('sends the files with the request', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter);
    pick(el, await jpegWithExif(120, 80), new File(['%PDF-1.4 test'], 'заявление.pdf', { type: 'application/pdf' }));
    await ready(el, 2);
    await fillValid(el);
    const submitted = oneEvent(el, 'gu-submitted');
    await submit(el);
    const { detail } = await submitted;
    expect([...adapter.tickets.get(detail.receipt.number)!.attachments.map((a) => a.name)]).to.deep.equal(['photo.jpg', 'заявление.pdf']);
  });

  it('a failed upload keeps the files for the retry', async () => {
    const adapter = new MemoryAdapter();
    const el = await mount(adapter, { 'no-storage': '' });
    pick(el, await jpegWithExif(120, 80));
    await ready(el, 1);
    await fillValid(el);
    adapter.failNext('server');
    await submit(el);
    await until(() => Boolean(el.shadowRoot!.querySelector('.notice.error')));
    expect(drop(el).prepared).to.have.length(1);
    const submitted = oneEvent(el, 'gu-submitted');
    await submit(el);
    const { detail } = await submitted;
    expect(adapter.tickets.get(detail.receipt.number)!.attachments).to.have.length(1);
  });

  it('cancels a file while it is being reduced', async () => {
    const el = await mount();
    el.attachPolicy = { ...el.attachPolicy, imageBytes: 50 * 1024 };
    await el.updateComplete;
    pick(el, await photo(2400, 1800));
    await until(() => drop(el).items[0]?.state === 'processing');
    await drop(el).updateComplete;
    items(el)[0]!.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => drop(el).items.length === 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(drop(el).items).to.have.length(0);
  });

  it('hides data with the redaction editor, by keyboard, and the sent pixels are black', async () => {
    const el = await mount();
    pick(el, await screenshot(400, 300));
    await ready(el, 1);
    items(el)[0]!.querySelectorAll<HTMLButtonElement>('button')[1]!.click();
    await until(() => Boolean(drop(el).shadowRoot!.querySelector('dialog[open] canvas[aria-label]')));
    const dialog = drop(el).shadowRoot!.querySelector('dialog')!;
    await expect(dialog).to.be.accessible();
    const [add, done] = dialog.querySelectorAll<HTMLButtonElement>('.actions button');
    add!.click(); // a black area in the middle
    done!.click();
    await until(() => !drop(el).shadowRoot!.querySelector('dialog'));
    await until(() => drop(el).items[0]!.state === 'ready' && drop(el).prepared[0]!.data.byteLength > 0);
    await new Promise((r) => setTimeout(r, 300));
    const [file] = drop(el).prepared;
    expect(await pixelAt(file!.data, file!.type, 200, 150)).to.deep.equal([0, 0, 0, 255]);
  });
});
