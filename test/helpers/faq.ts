import { fixture, html } from '@open-wc/testing';
import type { AnyAdapter } from '../../src/core/adapter/types.js';
import '../../src/elements/faq-search/gu-faq-search.js';
import type { GuFaqSearch } from '../../src/elements/faq-search/gu-faq-search.js';
import { until } from './form.js';
export { demoArticles } from './articles.js';

/** A <gu-faq-search> once its articles are loaded (or it failed to load them). */
export async function mountFaq(config: { endpoint?: string; adapter?: AnyAdapter; lang?: string; theme?: string }): Promise<GuFaqSearch> {
  const el = await fixture<GuFaqSearch>(
    html`<gu-faq-search .endpoint=${config.endpoint} .adapter=${config.adapter} lang=${config.lang ?? 'ru'} theme=${config.theme ?? ''}></gu-faq-search>`,
  );
  await until(() => el.status !== 'loading', 15_000);
  await el.updateComplete;
  return el;
}

export function shadow<T extends Element = HTMLElement>(el: GuFaqSearch, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function box(el: GuFaqSearch): HTMLInputElement {
  return shadow<HTMLInputElement>(el, '#q')!;
}

export function options(el: GuFaqSearch): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=option]')];
}

/** Types into the box as a user would (focus, value, input event) and waits for the results. */
export async function search(el: GuFaqSearch, text: string): Promise<void> {
  const input = box(el);
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await until(() => el.query === text && el.faq !== undefined && el.settled);
  await el.updateComplete;
}


/** Leaves the page's address without `#faq/…` for the next test. */
export function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}
