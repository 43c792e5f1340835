import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { fileDrop as drop, filesReady as ready, mountForm, pickFiles as pick, until } from '../helpers/form.js';
import { photo } from '../helpers/images.js';

const MB = 1024 * 1024;
/** The compression Worker from source (the page thread is what runs without it). */
const worker = new URL('../../src/core/attach/compress.worker.ts', import.meta.url);

async function mountWithWorker(): Promise<GuSupportForm> {
  const el = await mountForm(new MemoryAdapter());
  el.attachPolicy = { ...el.attachPolicy, workerUrl: worker };
  await el.updateComplete;
  return el;
}

/** A 13 MB phone photo as the file picker gives it: a real JPEG (decoders stop at its end) padded to size. */
async function bigPhoto(n: number): Promise<File> {
  const jpeg = await photo(1600, 1200);
  return new File([jpeg, new Uint8Array(13 * MB - jpeg.size)], `IMG_${n}.jpg`, { type: 'image/jpeg' });
}

const thumbnails = (el: GuSupportForm) => [...drop(el).shadowRoot!.querySelectorAll<HTMLImageElement>('img.thumb')];

describe('<gu-support-form> attachments: size and memory', function () {
  this.timeout(60_000);
  beforeEach(() => clearLocalData());

  it('five 13 MB photos chosen at once are all accepted: the total counts each at the size it will be sent', async () => {
    const el = await mountWithWorker();
    const photos = await Promise.all([1, 2, 3, 4, 5].map(bigPhoto));
    pick(el, ...photos);
    await until(() => drop(el).items.length === 5);
    expect(drop(el).items.filter((i) => i.state === 'refused').map((i) => i.message)).to.deep.equal([]);
    await ready(el, 5);
    expect(drop(el).items.map((i) => i.state)).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready']);
    const sent = drop(el).prepared.reduce((sum, f) => sum + f.data.byteLength, 0);
    expect(sent).to.be.at.most(25 * MB);
  });

  it('still refuses a file when the sizes they will be sent at go over the total', async () => {
    const el = await mountForm(new MemoryAdapter());
    // Images are sent at most 2 MB each: with a 5 MB total the third is over.
    el.attachPolicy = { ...el.attachPolicy, totalBytes: 5 * MB };
    await el.updateComplete;
    pick(el, ...(await Promise.all([1, 2, 3].map(bigPhoto))));
    await until(() => drop(el).items.length === 3);
    expect(drop(el).items.map((i) => i.state === 'refused')).to.deep.equal([false, false, true]);
    expect(drop(el).items[2]!.message).to.contain('Все файлы вместе — не больше 5 МБ');
  });

  it('thumbnails are small pictures, not the photo itself (made by the Worker, on the page, or for a small photo sent as is)', async () => {
    const el = await mountWithWorker();
    pick(el, await photo(4000, 3000), await bigPhoto(1), await photo(800, 600, 'image/jpeg', 0.8));
    await ready(el, 3);
    const images = thumbnails(el);
    expect(images).to.have.length(3);
    await Promise.all(images.map((img) => img.decode()));
    for (const img of images) {
      expect(img.naturalWidth).to.be.at.most(112);
      expect(img.naturalHeight).to.be.at.most(112);
    }
    expect(drop(el).prepared.every((f) => f.thumbnail && f.thumbnail.size < 20_000)).to.equal(true);
  });

  it('a removed photo gives its thumbnail URL back (URL.revokeObjectURL)', async () => {
    const el = await mountForm(new MemoryAdapter());
    pick(el, await photo(1600, 1200));
    await ready(el, 1);
    const url = thumbnails(el)[0]!.src;
    expect(url).to.match(/^blob:/);
    const revoked: string[] = [];
    const original = URL.revokeObjectURL;
    URL.revokeObjectURL = (u: string) => {
      revoked.push(u);
      original.call(URL, u);
    };
    try {
      drop(el).shadowRoot!.querySelector<HTMLButtonElement>('li button')!.click();
      await until(() => drop(el).items.length === 0);
    } finally {
      URL.revokeObjectURL = original;
    }
    expect(revoked).to.deep.equal([url]);
  });

  it('on the page thread (no Worker) says it may take a moment while it reduces, with progress', async () => {
    const el = await mountForm(new MemoryAdapter());
    el.attachPolicy = { ...el.attachPolicy, workerUrl: null };
    await el.updateComplete;
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      const item = drop(el).shadowRoot!.querySelector('li');
      if (item?.querySelector('progress')) shown.push(item.textContent ?? '');
    });
    observer.observe(drop(el).shadowRoot!, { subtree: true, childList: true, characterData: true });
    pick(el, await bigPhoto(1));
    await ready(el, 1);
    observer.disconnect();
    expect(shown.some((text) => text.includes('Это может занять немного времени'))).to.equal(true);
    expect(drop(el).items[0]!.state).to.equal('ready');
  });
});
