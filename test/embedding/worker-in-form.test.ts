import { expect, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import type { GuFileDrop } from '../../src/elements/internal/gu-file-drop.js';
import { control, fillValid, mountForm, submit, until } from '../helpers/form.js';
import { photo } from '../helpers/images.js';

/**
 * Issue 14: in a bundled app whose server answers 404 or HTML for the worker file, a picture
 * attached after the prewarm left the form waiting forever. Now the picture is reduced on the main
 * thread and the request goes; and nothing is prewarmed until the citizen starts on the form.
 */
const realWorker = new URL('../../src/core/attach/compress.worker.ts', import.meta.url);
const fixture = (name: string) => new URL(`../fixtures/workers/${name}`, import.meta.url);
const drop = (el: GuSupportForm) => el.shadowRoot!.querySelector<GuFileDrop>('gu-file-drop')!;

function pick(el: GuSupportForm, file: File): void {
  const input = drop(el).shadowRoot!.querySelector<HTMLInputElement>('#control')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Records every Worker the page starts. */
const started: string[] = [];
const OriginalWorker = window.Worker;
class RecordingWorker extends OriginalWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    started.push(String(url));
    super(url, options);
  }
}

describe('the compression worker inside the form', function () {
  this.timeout(60_000);
  let picture: File;
  before(async () => {
    window.Worker = RecordingWorker;
    picture = await photo(1600, 1200);
  });
  after(() => {
    window.Worker = OriginalWorker;
  });
  beforeEach(() => clearLocalData());

  it('prewarms on the first focus in the form, not for every visitor on a timer', async () => {
    started.length = 0;
    const el = await mountForm(new MemoryAdapter());
    el.attachPolicy = { ...el.attachPolicy, workerUrl: realWorker };
    await el.updateComplete;
    await drop(el).updateComplete;
    expect(started, 'no worker before the citizen starts').to.deep.equal([]);
    control(el, 'title').focus();
    await until(() => started.length === 1);
    expect(started[0]).to.equal(String(realWorker));
  });

  for (const [what, url] of [
    ['missing (404)', fixture('form-missing.js')],
    ['answered with HTML', fixture('not-a-worker.html?form')],
    ['never answering (given up after the 5 s deadline)', fixture('silent.js?form')],
  ] as const) {
    it(`worker file ${what}, picture attached after the prewarm: reduced, and the request is sent`, async () => {
      const adapter = new MemoryAdapter();
      const el = await mountForm(adapter);
      el.attachPolicy = { ...el.attachPolicy, imageBytes: 200 * 1024, workerUrl: url };
      await el.updateComplete;
      control(el, 'title').focus(); // the prewarm starts the failing worker
      await until(() => started.includes(String(url)));
      pick(el, picture);
      await until(() => drop(el).items[0]?.state === 'ready', 30_000);
      expect(drop(el).prepared[0]!.data.byteLength).to.be.at.most(200 * 1024);
      await fillValid(el);
      const submitted = oneEvent(el, 'gu-submitted');
      await submit(el);
      const { detail } = await submitted;
      expect(adapter.tickets.get(detail.receipt.number)!.attachments).to.have.length(1);
    });
  }
});
