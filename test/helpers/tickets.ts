import { fixture, html } from '@open-wc/testing';
import type { Ticket, TicketStatus, TicketSummary } from '../../src/core/adapter/types.js';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { formatTicketNumber, dammDigit } from '../../src/core/validate/ticket-number.js';
import '../../src/elements/ticket-status/gu-ticket-status.js';
import type { GuTicketStatus } from '../../src/elements/ticket-status/gu-ticket-status.js';
import { until } from './form.js';
export { longTicket } from '../../bench/ticket-data.js';

export const PHONE = '+7 912 345-67-89';
const HOUR = 3600_000;

/** A valid request number (Damm check digit) made from `seed`. */
export function numberFrom(seed: number): string {
  const eleven = String(10_000_000_000 + seed).slice(0, 11);
  return formatTicketNumber(`${eleven}${dammDigit(eleven)}`);
}

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

/** A ticket as a backend returns it; `status` changes the history to end there. */
export function sampleTicket(seed: number, status: TicketStatus = 'accepted', change: Partial<Ticket> = {}): Ticket {
  const created = 3 * HOUR;
  const history = [{ status: 'accepted' as const, at: iso(created) }, ...(status !== 'accepted' ? [{ status, at: iso(HOUR), comment: 'Передано специалисту' }] : [])];
  return {
    number: numberFrom(seed),
    status,
    createdAt: iso(created),
    dueFirstReplyAt: iso(created - 24 * HOUR),
    dueAnswerAt: iso(created - 5 * 24 * HOUR),
    urgent: false,
    topic: 'login',
    title: `Ошибка 401 при входе ${seed}`,
    description: 'После ввода пароля появляется ошибка 401.',
    updatedAt: iso(HOUR),
    history,
    comments: [],
    attachments: [],
    revision: 1,
    ...change,
  };
}

export function summaries(count: number): TicketSummary[] {
  const statuses: TicketStatus[] = ['accepted', 'in-progress', 'awaiting-info', 'resolved', 'closed'];
  return Array.from({ length: count }, (_, i) => ({
    number: numberFrom(1000 + i),
    status: statuses[i % 5]!,
    topic: i % 2 ? 'payments' : 'login',
    title: i % 2 ? `Двойное списание ${i}` : `Ошибка входа ${i}`,
    createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 28), 9)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 10, 2 + (i % 28), 9)).toISOString(),
    urgent: false,
    dueAnswerAt: new Date(Date.UTC(2026, 10, 8 + (i % 28), 9)).toISOString(),
  }));
}

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
