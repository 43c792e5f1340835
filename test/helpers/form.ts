import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SupportAdapter } from '../../src/core/adapter/types.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import type { GuFormControl } from '../../src/elements/internal/form-control.js';

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
  await el.updateComplete;
  await until(() => (el.shadowRoot!.querySelector<GuFormControl>('[data-field="topic"]')?.shadowRoot?.querySelector('select')?.options.length ?? 0) > 1);
  return el;
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
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
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

export async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
