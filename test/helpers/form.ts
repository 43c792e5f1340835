import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SupportAdapter } from '../../src/core/adapter/types.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import type { GuFormControl } from '../../src/elements/internal/form-control.js';
import type { GuFileDrop } from '../../src/elements/internal/gu-file-drop.js';
import type { ToggleAdapter } from './toggle-adapter.js';

let mounted = 0;

/**
 * A form on the page with its own draft key (so tests never see each other's drafts or queued
 * requests), attributes set before it connects, and its topics loaded.
 */
export async function mountForm(adapter: SupportAdapter, attrs: Record<string, string> = {}, draftKey = `test-${Date.now()}-${++mounted}`): Promise<GuSupportForm> {
  const el = document.createElement('gu-support-form');
  el.setAttribute('draft-key', draftKey);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.adapter = adapter;
  (await fixture(html`<div></div>`)).append(el);
  await formReady(el);
  return el;
}

/** Resolves when a form has rendered, its behaviour chunk has arrived and its topics are listed. */
export async function formReady(el: GuSupportForm, ms = 5000): Promise<void> {
  await el.updateComplete;
  await until(() => (el.shadowRoot!.querySelector<GuFormControl>('[data-field="topic"]')?.shadowRoot?.querySelector('select')?.options.length ?? 0) > 1, ms);
}

/** A second browser tab with a form: its document, form and adapter, and how to close it. */
export interface FormTab {
  frame: HTMLIFrameElement;
  window: Window;
  form: GuSupportForm;
  adapter: ToggleAdapter;
}

/**
 * Opens test/fixtures/form-tab.html in an iframe: a separate document that shares IndexedDB, Web
 * Locks and BroadcastChannel with the test page, like a second tab of the same site. Its form uses
 * `draftKey` (pass the test page form's key to share a queue) and its own ToggleAdapter. Removing
 * `frame` closes the "tab" (its document and its locks go away).
 */
export async function openFormTab(draftKey: string, options: { online?: boolean } = {}): Promise<FormTab> {
  const src = new URL('../fixtures/form-tab.html', import.meta.url);
  src.search = new URLSearchParams({ key: draftKey, online: options.online === false ? '0' : '1' }).toString();
  const frame = await fixture<HTMLIFrameElement>(html`<iframe title="Вторая вкладка" src=${src.href} style="width: 40rem; height: 30rem"></iframe>`);
  type TabWindow = Window & { tab?: { form: GuSupportForm; adapter: ToggleAdapter } };
  await until(() => Boolean((frame.contentWindow as TabWindow | null)?.tab), 15_000);
  const win = frame.contentWindow as TabWindow;
  const { form, adapter } = win.tab!;
  await formReady(form, 15_000); // a new document loads the kit's modules again
  return { frame, window: win, form, adapter };
}

/** The field element (gu-text-field, gu-select-field, gu-checkbox-field) for a field key. */
export function field(form: GuSupportForm, key: string): GuFormControl {
  const el = form.shadowRoot!.querySelector<GuFormControl>(`[data-field="${key}"]`);
  if (!el) throw new Error(`no field ${key}`);
  return el;
}

/** The native control inside a field's shadow root. */
export function control<T extends HTMLElement = HTMLInputElement>(form: GuSupportForm, key: string): T {
  return field(form, key).shadowRoot!.querySelector<T>('#control')!;
}

export function inlineError(form: GuSupportForm, key: string): string {
  return field(form, key).shadowRoot!.querySelector('.error')?.textContent?.replace(/^\s*(Ошибка|Error):\s*/, '').trim() ?? '';
}

export function summaryItems(form: GuSupportForm): { field: string; text: string }[] {
  return [...form.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')].map((a) => ({ field: a.getAttribute('href')!.slice(1), text: a.textContent!.trim() }));
}

/** Sets a value as if typed and leaves the field (fires input and blur). */
export async function fill(form: GuSupportForm, key: string, value: string): Promise<void> {
  const el = control<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(form, key);
  el.focus();
  el.value = value;
  // By tag name, not instanceof: the form may live in another document (a second "tab").
  el.dispatchEvent(new Event(el.localName === 'select' ? 'change' : 'input', { bubbles: true, composed: true }));
  el.dispatchEvent(new FocusEvent('blur'));
  await field(form, key).updateComplete;
  await form.updateComplete;
}

/** Types with the real keyboard into the focused element. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

export async function tickConsent(form: GuSupportForm): Promise<void> {
  control(form, 'consent').click();
  await form.updateComplete;
}

export async function submit(form: GuSupportForm): Promise<void> {
  form.shadowRoot!.querySelector('form')!.requestSubmit();
  await form.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await form.updateComplete;
}

/** Fills a complete, valid request. */
export async function fillValid(form: GuSupportForm, title = 'Ошибка 401 при входе'): Promise<void> {
  await fill(form, 'topic', 'login');
  await fill(form, 'title', title);
  await fill(form, 'description', 'После ввода пароля появляется ошибка 401, вход не выполняется.');
  await fill(form, 'contact.phone', '8 912 345-67-89');
  await tickConsent(form);
}

/** Deep active element across shadow roots. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The form's polite live region (what screen readers are told: sending, numbers, secrets found). */
export function politeRegion(form: GuSupportForm): HTMLElement {
  return form.shadowRoot!.querySelector<HTMLElement>('[role=status][aria-live=polite]')!;
}

/** The form's file field. */
export function fileDrop(form: GuSupportForm): GuFileDrop {
  return form.shadowRoot!.querySelector<GuFileDrop>('gu-file-drop')!;
}

/** Picks files in the form's file field as the file chooser would. */
export function pickFiles(form: GuSupportForm, ...files: File[]): void {
  const input = fileDrop(form).shadowRoot!.querySelector<HTMLInputElement>('#control')!;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Waits until the file field holds `count` files, none still being prepared. */
export async function filesReady(form: GuSupportForm, count: number): Promise<void> {
  const drop = fileDrop(form);
  await until(() => drop.items.length === count && drop.items.every((i) => i.state !== 'processing'), 20_000);
  await drop.updateComplete;
}

/** Polls until `condition` (which may be async) holds; never a fixed sleep. */
export async function until(condition: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms: ${String(condition).replace(/\s+/g, ' ').slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
