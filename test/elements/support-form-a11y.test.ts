import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import { validatePhone } from '../../src/core/validate/phone.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import {
  control,
  deepActive,
  field,
  fileDrop,
  filesReady,
  fill,
  fillValid,
  inlineError,
  mountForm,
  openFormTab,
  pickFiles,
  politeRegion,
  press,
  submit,
  summaryItems,
  tickConsent,
  type,
  until,
} from '../helpers/form.js';
import { screenshot } from '../helpers/images.js';
import { ToggleAdapter } from '../helpers/toggle-adapter.js';

/** Issue 12: the form for a citizen using a screen reader, the keyboard, zoom, or two tabs. */

const success = (el: GuSupportForm) => el.shadowRoot!.querySelector<HTMLElement>('.success');
const queued = (el: GuSupportForm) => el.shadowRoot!.querySelector<HTMLElement>('.queued');
const submitButton = (el: GuSupportForm) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
const text = (el: GuSupportForm) => el.shadowRoot!.textContent ?? '';

let keys = 0;
const uniqueKey = (name: string) => `a11y-${name}-${Date.now()}-${++keys}`;

/** The writer locks held in this origin (any document: the test page or a "tab" in an iframe). */
const WRITER = 'gu-support-kit:writer:';
async function heldWriterLocks(): Promise<string[]> {
  const { held = [] } = await navigator.locks.query();
  return held.map((lock) => lock.name ?? '').filter((name) => name.startsWith(WRITER));
}

/** Every distinct text a live region takes, as a screen reader would hear it (a MutationObserver). */
function listen(region: HTMLElement): { heard: string[]; stop(): string[] } {
  const heard: string[] = [];
  let last = region.textContent ?? '';
  const note = () => {
    const now = region.textContent ?? '';
    if (now !== last) heard.push((last = now));
  };
  const observer = new MutationObserver(note);
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return {
    heard,
    stop() {
      observer.takeRecords();
      note();
      observer.disconnect();
      return heard;
    },
  };
}

/** Names an element in a failure message (a failed assertion on a DOM node itself can hang the runner while it serialises it). */
function describeNode(node: Element | null | undefined): string {
  if (!node) return String(node);
  const classes = node.classList.length ? `.${[...node.classList].join('.')}` : '';
  return `<${node.localName}${classes}> «${(node.textContent ?? '').trim().slice(0, 60)}»`;
}

function expectSame(actual: Element | null | undefined, expected: Element | null | undefined, what: string): void {
  expect(actual === expected, `${what}: got ${describeNode(actual)}, expected ${describeNode(expected)}`).to.equal(true);
}

function expectPresent(node: Element | null | undefined, what: string, present = true): void {
  expect(Boolean(node), `${what}: ${describeNode(node)}`).to.equal(present);
}

// ---- WCAG contrast of focus rings -------------------------------------------------------------

type Rgba = [number, number, number, number];

function parseColour(value: string): Rgba | undefined {
  const match = /rgba?\(([^)]*)\)/.exec(value);
  if (!match) return undefined;
  const [r = 0, g = 0, b = 0, a = 1] = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  return [r, g, b, a];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The parent in the rendered (flat) tree: the slot a light-DOM child is shown in, or the shadow host. */
function flatParent(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/** The colour behind an element: the first opaque ancestor background, else the white canvas. */
function backdrop(el: Element): Rgba {
  for (let node = flatParent(el); node; node = flatParent(node)) {
    const colour = parseColour(getComputedStyle(node).backgroundColor);
    if (colour && colour[3] > 0) return colour;
  }
  return [255, 255, 255, 1];
}

/** Splits a computed `box-shadow` into its shadows (commas inside rgb() do not separate). */
function shadows(value: string): string[] {
  return value === 'none' ? [] : value.split(/,(?![^(]*\))/).map((s) => s.trim());
}

/**
 * The parts of an element's focus ring at least 2 px thick (its outline, its box-shadows), each with
 * the contrast of its colour against what it is drawn on: the background behind the element for
 * an outline or an outer shadow, the element's own surface for an inset one.
 */
function ringContrasts(el: Element): { part: string; ratio: number }[] {
  const style = getComputedStyle(el);
  const behind = backdrop(el);
  const own = parseColour(style.backgroundColor);
  const surface = own && own[3] > 0 ? own : behind;
  const parts: { part: string; ratio: number }[] = [];
  const outline = parseColour(style.outlineColor);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && outline) parts.push({ part: `outline ${style.outlineColor}`, ratio: contrast(outline, behind) });
  for (const shadow of shadows(style.boxShadow)) {
    const colour = parseColour(shadow);
    const lengths = shadow.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g)?.map(parseFloat) ?? [];
    const inset = /\binset\b/.test(shadow);
    if (colour && (lengths[3] ?? 0) >= 2) parts.push({ part: `${inset ? 'inset ' : ''}shadow ${shadow}`, ratio: contrast(colour, inset ? surface : behind) });
  }
  return parts;
}

function expectVisibleRing(name: string, ring: Element): void {
  const parts = ringContrasts(ring);
  const best = Math.max(0, ...parts.map((p) => p.ratio));
  expect(best, `${name}: ${JSON.stringify(parts)}`).to.be.at.least(3);
}

// ---- tests ------------------------------------------------------------------------------------

describe('<gu-support-form> accessibility (issue 12)', function () {
  this.timeout(30_000);
  beforeEach(() => clearLocalData());

  describe('two tabs', () => {
    it('the tab that wrote a request shows its number when another tab delivers it; that tab shows only a notice', async () => {
      const key = uniqueKey('tabs');
      const writer = await mountForm(new ToggleAdapter(false), {}, key);
      const other = await openFormTab(key, { online: false });
      await fillValid(writer, 'Две вкладки: написано в первой');
      const queuedEvent = oneEvent(writer, 'gu-queued');
      await submit(writer);
      const { id } = (await queuedEvent).detail;
      await until(() => queued(writer)?.textContent?.includes('Ждут отправки') ?? false);
      await until(async () => (await heldWriterLocks()).includes(WRITER + id));
      await expect(writer).to.be.accessible();

      const events = { writer: [] as CustomEvent[], other: [] as string[] };
      for (const name of ['gu-submitted', 'gu-delivered'] as const) {
        writer.addEventListener(name, (e) => events.writer.push(e));
        other.form.addEventListener(name, () => events.other.push(name));
      }
      // The other tab gets its connection back first and delivers the shared queue. The writer's own
      // retry (its connection stays down here, unlike a real shared network) may hold the queue at that
      // very moment and push the next attempt back by its backoff: the other tab hears `online` again
      // until it has delivered, so the test waits for the delivery, not for a backoff.
      other.adapter.online = true;
      await until(() => {
        if (other.adapter.tickets.size) return true;
        other.window.dispatchEvent(new Event('online'));
        return false;
      }, 15_000);
      expect(other.adapter.tickets.size).to.equal(1);
      const [number] = other.adapter.tickets.keys();
      await until(() => Boolean(success(writer) || success(other.form)), 10_000);
      expectPresent(success(other.form), 'success panel in the other tab', false);
      expectPresent(other.form.shadowRoot!.querySelector('form'), 'the other tab keeps its own form');
      expect(success(writer)!.querySelector('h2')!.textContent).to.contain(`Обращение № ${number} принято`);
      await until(() => events.writer.length === 2);
      expect(events.writer.map((e) => [e.type, e.detail.receipt.number])).to.have.deep.members([
        ['gu-submitted', number],
        ['gu-delivered', number],
      ]);
      await until(() => text(other.form).includes(`«Две вкладки: написано в первой» доставлено: № ${number}`), 15_000);
      expect(events.other).to.deep.equal([]);
      // Shown: the writer lets go of its lock.
      await until(async () => !(await heldWriterLocks()).includes(WRITER + id));
      await expect(writer).to.be.accessible();
    });

    it('when the writing tab was closed, the next page shows the number and names the request', async () => {
      const key = uniqueKey('closed');
      const tab = await openFormTab(key, { online: false });
      await fillValid(tab.form, 'Написано во вкладке, которую закрыли');
      const queuedEvent = oneEvent(tab.form, 'gu-queued');
      await submit(tab.form);
      const { id } = (await queuedEvent).detail;
      await until(() => Boolean(queued(tab.form)));
      await until(async () => (await heldWriterLocks()).includes(WRITER + id));
      tab.frame.remove(); // the tab is closed: its document goes, and with it its locks
      await until(async () => !(await heldWriterLocks()).includes(WRITER + id), 10_000);

      const events: string[] = [];
      const record = (e: Event) => events.push(e.type);
      document.addEventListener('gu-submitted', record);
      document.addEventListener('gu-delivered', record);
      try {
        const adapter = new ToggleAdapter(true);
        const next = await mountForm(adapter, {}, key);
        await until(() => Boolean(success(next)), 10_000);
        const [number] = adapter.tickets.keys();
        expect(success(next)!.querySelector('h2')!.textContent).to.contain(`№ ${number}`);
        expect(success(next)!.querySelector('.summary')?.textContent).to.equal('«Написано во вкладке, которую закрыли»');
        expect(events, 'delivered, but not written here').to.deep.equal(['gu-delivered']);
        await expect(next).to.be.accessible();
      } finally {
        document.removeEventListener('gu-submitted', record);
        document.removeEventListener('gu-delivered', record);
      }
    });
  });

  describe('at 320 CSS px (a 1280 px window at 400 % zoom)', () => {
    let before: { width: number; height: number };
    beforeEach(async () => {
      before = { width: window.innerWidth, height: window.innerHeight };
      await setViewport({ width: 320, height: 640 });
      await until(() => window.innerWidth === 320);
    });
    afterEach(() => setViewport(before));

    for (const theme of ['default', 'low-vision']) {
      it(`${theme} theme: the technical details stack in one column and the number stays inside its panel`, async () => {
        const el = await mountForm(new MemoryAdapter(), theme === 'default' ? {} : { theme });
        const details = el.shadowRoot!.querySelector('details')!;
        details.open = true;
        const dl = details.querySelector('dl')!;
        const list = dl.getBoundingClientRect();
        const labels = [...dl.querySelectorAll('dt')];
        const values = [...dl.querySelectorAll('dd')];
        expect(values.length).to.be.at.least(3);
        values.forEach((dd, i) => {
          const value = dd.getBoundingClientRect();
          const label = labels[i]!.getBoundingClientRect();
          expect(value.width, `${dd.textContent}: width`).to.be.at.least(Math.max(22, list.width * 0.9));
          expect(value.top, `${dd.textContent}: under its label`).to.be.at.least(label.bottom - 0.5);
          expect(value.right, `${dd.textContent}: inside the list`).to.be.at.most(list.right + 0.5);
        });
        expect(el.getBoundingClientRect().right).to.be.at.most(document.documentElement.clientWidth + 0.5);
        await expect(el).to.be.accessible();

        await fillValid(el);
        await submit(el);
        await until(() => Boolean(success(el)));
        const panel = success(el)!;
        const box = panel.getBoundingClientRect();
        const number = panel.querySelector('.number strong')!.getBoundingClientRect();
        expect(number.left).to.be.at.least(box.left - 0.5);
        expect(number.right, 'the number ends inside its panel').to.be.at.most(box.right + 0.5);
        expect(box.right, 'the panel fits the window').to.be.at.most(document.documentElement.clientWidth + 0.5);
        expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
        await expect(el).to.be.accessible();
      });
    }
  });

  for (const theme of ['default', 'low-vision']) {
    it(`${theme} theme: every keyboard focus ring has a part with 3:1 against what is behind it`, async () => {
      const el = await mountForm(new MemoryAdapter(), { 'consent-url': '/consent', 'policy-url': '/policy', ...(theme === 'default' ? {} : { theme }) });
      const check = async (name: string, focused: Element | null, ring: Element | null = focused) => {
        await el.updateComplete;
        expectPresent(focused, name);
        expect(focused!.matches(':focus-visible, .focus-ring:focus'), `${name} shows focus`).to.equal(true);
        expectVisibleRing(`${theme}: ${name}`, ring!);
      };

      control(el, 'topic').focus();
      await press('Tab');
      expectSame(deepActive(), control(el, 'title'), 'Tab from the topic');
      await check('text input', deepActive());
      await type('Не открывается личный кабинет'); // a draft is saved: «Очистить» appears by the send button

      await press('Tab');
      await press('Tab');
      const picker = deepActive();
      expect(picker?.getAttribute('type')).to.equal('file');
      await check('«Выбрать файлы»', picker, picker!.nextElementSibling); // the ring is on its visible label

      control(el, 'consent').focus();
      await press('Tab');
      expect(deepActive()?.localName).to.equal('a');
      await check('consent link', deepActive());

      for (let i = 0; i < 4 && deepActive() !== submitButton(el); i++) await press('Tab');
      await check('send button', deepActive());

      await until(() => Boolean(el.shadowRoot!.querySelector('.draft .link-button')));
      await press('Tab');
      expectSame(deepActive(), el.shadowRoot!.querySelector('.draft .link-button'), 'Tab from the send button');
      await check('link-button «Очистить»', deepActive());

      submitButton(el).focus();
      await press('Enter');
      await until(() => el.shadowRoot!.activeElement?.classList.contains('error-summary') ?? false);
      await check('error summary', el.shadowRoot!.activeElement);
      await press('Tab');
      expectPresent(deepActive()?.closest('.error-summary'), 'Tab from the summary stays in it');
      await check('error summary link', deepActive());
      await expect(el).to.be.accessible();
    });
  }

  it('a password in the description is announced once, politely, without the secret; the warning is not a live region', async () => {
    const el = await mountForm(new MemoryAdapter());
    const region = listen(politeRegion(el));
    const more = ' и после этого вход не выполняется, помоги'; // 42 characters
    expect(more).to.have.length(42);
    control(el, 'description').focus();
    await type('пароль: Qwerty123');
    await type(more);
    await until(() => control(el, 'description').value === `пароль: Qwerty123${more}`);
    await el.updateComplete;
    const heard = region.stop();
    expect(heard, 'one kind of secret appeared: one announcement').to.have.length(1);
    expect(heard[0]).to.contain('Найдено: пароль');
    for (const said of heard) expect(said).to.not.contain('Qw');
    const warning = el.shadowRoot!.querySelector('.pii-warning')!;
    expect(warning.querySelector('mark')!.textContent).to.equal('пароль: Qwerty123');
    expectPresent(warning.closest('[role=alert], [role=status], [role=log], [aria-live]'), 'warning inside a live region', false);
    expectPresent(warning.querySelector('[role=alert], [role=status], [role=log], [aria-live]'), 'live region inside the warning', false);
    await expect(el).to.be.accessible();
  });

  describe('focus', () => {
    it('a queued request delivered later is announced, and focus stays where the citizen is', async () => {
      const page = await fixture<HTMLElement>(html`<p><a href="#elsewhere">Другой раздел портала</a></p>`);
      const link = page.querySelector('a')!;
      const adapter = new ToggleAdapter(false);
      const el = await mountForm(adapter);
      await fillValid(el, 'Отправлено без связи, читаю другое');
      await submit(el);
      await until(() => Boolean(queued(el)) && control(el, 'title').value === '');
      link.focus();
      expectSame(document.activeElement, link, 'focused link');
      const delivered = oneEvent(el, 'gu-delivered');
      adapter.online = true;
      window.dispatchEvent(new Event('online'));
      const { receipt } = (await delivered).detail;
      await until(() => Boolean(success(el)));
      await el.updateComplete;
      expectSame(document.activeElement, link, 'focus after the delivery');
      await until(() => politeRegion(el).textContent!.includes(receipt.number));
      await expect(el).to.be.accessible();
    });

    it('after «Отправить» with the connection up, focus moves to the success heading', async () => {
      const el = await mountForm(new MemoryAdapter());
      await fillValid(el);
      submitButton(el).focus();
      await press('Enter');
      await until(() => Boolean(success(el)) && el.shadowRoot!.activeElement === success(el)!.querySelector('h2'));
      expect(politeRegion(el).textContent).to.match(/Обращение № [\d-]+ принято/);
      await expect(el).to.be.accessible();
    });
  });

  it('tabbing through the empty form shows no error; a field changed and left does; «Отправить» shows all', async () => {
    const el = await mountForm(new MemoryAdapter(), { inn: 'optional', 'consent-url': '/consent', 'policy-url': '/policy' });
    const shown = () => el.behaviour!.errors.fields.filter((f) => f.hasAttribute('data-invalid') || f.shadowRoot!.querySelector('.error')).map((f) => f.dataset.field);
    control<HTMLSelectElement>(el, 'topic').focus();
    for (let i = 0; i < 30 && deepActive() !== submitButton(el); i++) await press('Tab');
    expectSame(deepActive(), submitButton(el), 'tabbed to the send button');
    await Promise.all(el.behaviour!.errors.fields.map((f) => f.updateComplete));
    expect(shown(), 'errors after tabbing through').to.deep.equal([]);
    await expect(el).to.be.accessible();

    control(el, 'contact.phone').focus();
    await type('123');
    await press('Tab');
    await field(el, 'contact.phone').updateComplete;
    expect(inlineError(el, 'contact.phone')).to.equal((validatePhone('123') as { message: string }).message);
    expect(shown()).to.deep.equal(['contact.phone']);

    submitButton(el).focus();
    await press('Enter');
    await until(() => summaryItems(el).length > 0);
    expect(summaryItems(el).map((i) => i.field)).to.deep.equal(['topic', 'title', 'description', 'contact.phone', 'consent']);
    expect(shown()).to.deep.equal(['topic', 'title', 'description', 'contact.phone', 'consent']);
    await expect(el).to.be.accessible();
  });

  it('the error summary follows corrections: fixed entries go, changed messages follow, all fixed removes it', async () => {
    const el = await mountForm(new MemoryAdapter());
    await submit(el);
    expect(summaryItems(el).map((i) => i.field)).to.deep.equal(['topic', 'title', 'description', 'contact.phone', 'consent']);

    await fill(el, 'title', 'Не приходит СМС с кодом');
    expect(summaryItems(el).map((i) => i.field)).to.deep.equal(['topic', 'description', 'contact.phone', 'consent']);
    await expect(el).to.be.accessible();

    const required = summaryItems(el).find((i) => i.field === 'contact.phone')!.text;
    await fill(el, 'contact.phone', '123');
    const phone = summaryItems(el).find((i) => i.field === 'contact.phone')!.text;
    expect(phone).to.not.equal(required);
    expect(phone).to.equal((validatePhone('123') as { message: string }).message);
    expect(phone).to.equal(inlineError(el, 'contact.phone'));

    await fill(el, 'topic', 'login');
    await fill(el, 'description', 'Нажимаю «Получить код», СМС не приходит уже час.');
    await fill(el, 'contact.phone', '8 912 345-67-89');
    expect(summaryItems(el).map((i) => i.field)).to.deep.equal(['consent']);
    await tickConsent(el);
    expectPresent(el.shadowRoot!.querySelector('.error-summary'), 'error summary once all is fixed', false);
    await expect(el).to.be.accessible();
  });

  describe('smaller items', () => {
    it('the redaction editor has a visible legend and compact radios, and its result is announced', async () => {
      const el = await mountForm(new MemoryAdapter());
      pickFiles(el, await screenshot(400, 300));
      await filesReady(el, 1);
      const drop = fileDrop(el);
      const redact = [...drop.shadowRoot!.querySelectorAll<HTMLButtonElement>('li button')].find((b) => b.textContent!.includes('Скрыть данные'))!;
      redact.click();
      await until(() => Boolean(drop.shadowRoot!.querySelector('dialog[open] canvas[aria-label]')));
      const dialog = drop.shadowRoot!.querySelector('dialog')!;
      const group = dialog.querySelector('fieldset')!;
      const legend = group.querySelector('legend');
      expect(legend?.textContent?.trim()).to.equal('Как скрыть');
      const shown = legend!.getBoundingClientRect();
      expect(shown.width, 'legend visible').to.be.greaterThan(20);
      expect(shown.height, 'legend visible').to.be.greaterThan(10);
      const width = group.getBoundingClientRect().width;
      const radios = [...group.querySelectorAll('input[type=radio]')];
      expect(radios).to.have.length(2);
      for (const radio of radios) {
        const box = radio.getBoundingClientRect();
        expect(box.width, 'radio width').to.be.below(44);
        expect(box.width, 'radio width').to.be.below(width / 2);
      }
      await expect(dialog).to.be.accessible();

      const [add, done] = dialog.querySelectorAll<HTMLButtonElement>('.actions button');
      add!.click();
      done!.click();
      const status = drop.shadowRoot!.querySelector('[role=status]')!;
      await until(() => status.textContent === 'На «снимок экрана.png» скрыто: 1 область', 20_000);
      await expect(el).to.be.accessible();
    });

    it('labels keep a space before «(необязательно)»; the file picker is named with its field', async () => {
      const el = await mountForm(new MemoryAdapter());
      const label = field(el, 'contact.email').shadowRoot!.querySelector('label')!;
      expect(label.textContent).to.match(/Электронная почта[ \u00a0]\(необязательно\)/);
      const picker = fileDrop(el).shadowRoot!.querySelector('#control')!;
      expect(picker.getAttribute('aria-label')).to.equal('Выбрать файлы: Файлы');
      await expect(el).to.be.accessible();
    });
  });
});

