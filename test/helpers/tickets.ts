import { fixture, html } from '@open-wc/testing';
import type { Ticket } from '../../src/core/adapter/types.js';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import '../../src/elements/ticket-status/gu-ticket-status.js';
import type { GuTicketStatus } from '../../src/elements/ticket-status/gu-ticket-status.js';
import { until } from './form.js';
import { PHONE } from '../fixtures/tickets.js';
export { PHONE, longTicket, numberFrom, sampleTicket, summaries } from '../fixtures/tickets.js';

export async function mountStatus(adapter: object, attrs: { mode?: string; lang?: string; pageSize?: number } = {}): Promise<GuTicketStatus> {
  const el = await fixture<GuTicketStatus>(
    html`<gu-ticket-status .adapter=${adapter} mode=${attrs.mode ?? 'single'} lang=${attrs.lang ?? 'ru'} page-size=${attrs.pageSize ?? 20}></gu-ticket-status>`,
  );
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: GuTicketStatus, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const text = (el: GuTicketStatus, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const live = (el: GuTicketStatus) => text(el, '[role=status][aria-live=polite]');

/** Fills the look-up fields and presses «Показать статус»; resolves once it has an answer. */
export async function lookUp(el: GuTicketStatus, number: string, contact = PHONE): Promise<void> {
  for (const [id, value] of [['number', number], ['contact', contact]] as const) {
    const input = $<HTMLInputElement>(el, `#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  $<HTMLFormElement>(el, '.lookup form')!.requestSubmit();
  await until(() => !el.lookup.busy && (Boolean($(el, '.ticket')) || Boolean(el.lookup.failure) || Object.keys(el.lookup.errors).length > 0));
  await el.updateComplete;
}

/** A memory backend holding these tickets, each opened with PHONE. */
export function memoryWith(...tickets: Ticket[]): MemoryAdapter {
  return new MemoryAdapter({ tickets, contacts: Object.fromEntries(tickets.map((t) => [t.number, PHONE])) });
}

/** Reads CSV back as Excel would with «;»: quoted cells may hold «;», quotes (doubled) and line breaks. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    rows.at(-1)!.push(cell);
    cell = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') endCell();
    else if (!quoted && c === '\r' && csv[i + 1] === '\n') {
      endCell();
      rows.push([]);
      i++;
    } else cell += c;
  }
  return rows.filter((row) => row.length > 1);
}
