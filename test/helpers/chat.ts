import { fixture, html } from '@open-wc/testing';
import type { AnyAdapter } from '../../src/core/adapter/types.js';
import '../../src/elements/chat/gu-chat.js';
import type { GuChat } from '../../src/elements/chat/gu-chat.js';
import { clearLocalData } from '../../src/core/local-data.js';
export { until } from './form.js';

let counter = 0;

/** A chat in the page with its own history key (tests do not share a conversation). */
export async function mountChat(options: { adapter?: AnyAdapter; endpoint?: string; mode?: 'inline' | 'launcher'; key?: string; hours?: string; lang?: string; theme?: string } = {}): Promise<GuChat> {
  const key = options.key ?? `test-${Date.now()}-${++counter}`;
  const el = await fixture<GuChat>(html`<gu-chat
    .adapter=${options.adapter}
    endpoint=${options.endpoint ?? ''}
    mode=${options.mode ?? 'inline'}
    history-key=${key}
    hours=${options.hours ?? ''}
    lang=${options.lang ?? 'ru'}
    theme=${options.theme ?? ''}
  ></gu-chat>`);
  await el.updateComplete;
  return el;
}

export const root = (el: GuChat) => el.shadowRoot!;
export const input = (el: GuChat) => root(el).querySelector<HTMLTextAreaElement>('#input')!;
export const bubbles = (el: GuChat) => [...root(el).querySelectorAll('.message .bubble')].map((b) => b.textContent!.trim());
export const text = (el: GuChat) => root(el).textContent!.replace(/\s+/g, ' ');

/** Types and presses Enter, as a citizen would. */
export async function type(el: GuChat, value: string): Promise<void> {
  const box = input(el);
  box.focus();
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await el.updateComplete;
}

/** A button in the chat by its visible text. */
export function button(el: GuChat, label: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().includes(label));
  if (!found) throw new Error(`no button «${label}»`);
  return found;
}

export { clearLocalData };

/** Picks an 8×8 PNG in the chat's file picker, as the citizen would. */
export async function pickPng(el: GuChat, name = 'screen.png'): Promise<void> {
  const png = await new Promise<Blob>((resolve) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 8, height: 8 });
    canvas.getContext('2d')!.fillRect(0, 0, 8, 8);
    canvas.toBlob((b) => resolve(b!), 'image/png');
  });
  const picker = root(el).querySelector<HTMLInputElement>('#file')!;
  const files = new DataTransfer();
  files.items.add(new File([png], name, { type: 'image/png' }));
  picker.files = files.files;
  picker.dispatchEvent(new Event('change'));
}
