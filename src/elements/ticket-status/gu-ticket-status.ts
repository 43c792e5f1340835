import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ticketStrings } from '../../core/i18n/catalogues/ticket.js';
import { loadMessages } from '../../core/i18n/translate.js';
import { lazy } from '../../core/lazy.js';
import { recentNumbers } from '../../core/ticket/recent.js';
import { define } from '../../define.js';
import type { GuTicketOpenEvent } from '../../events/gu-ticket-open.js';
import { buttons, controls } from '../../theme/tokens.js';
import { GuKitElement } from '../internal/base/gu-kit-element.js';
import type { TicketBehaviour } from './behaviour.js';
import { ticketStatusStyles } from './gu-ticket-status.styles.js';
import { emptyLookup, renderLookup, type LookupState } from './lookup-form.js';

/**
 * «Что с моим обращением?»: a request's status, deadlines in working days, history and messages,
 * looked up by its number and the phone or e-mail given in it (sent by POST, never in a URL);
 * live updates, a reply when support asks for details (kept in the outbox offline), a reminder,
 * a repeat request and a rating. `mode="list"` lists a signed-in user's requests (the adapter's
 * `getToken`) with filters, search, sorting, paging and CSV export; a request opens from its row
 * without the contact when the adapter has `openMyTicket`.
 *
 * Works standalone (`endpoint` or `adapter`) or inside `<gu-support-provider>`.
 *
 * @summary Status of a support request, and the list of a user's requests.
 * @fires gu-ticket-loaded - A request is shown (`live: false`) or changed while shown (`live: true`). `detail: { number, status, live }`.
 * @fires gu-error - Looking up or sending failed. `detail: { kind, message, fieldErrors }`.
 * @csspart lookup - The look-up form's section.
 * @csspart submit - The look-up button.
 * @csspart ticket - One request's section.
 * @csspart badge - The status badge (words, not colour alone).
 * @csspart list - The list of requests.
 * @cssprop --gu-color-primary - Buttons, links and open statuses.
 * @cssprop --gu-color-success - Resolved and closed statuses.
 * @cssprop --gu-color-error - Errors and «Ожидает уточнений».
 * @cssprop --gu-font-size - Base font size.
 */
export class GuTicketStatus extends GuKitElement {
  static override styles = [...GuKitElement.styles, buttons, controls, ticketStatusStyles];
  static override strings = [...GuKitElement.strings, ticketStrings];

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    number: {},
    pageSize: { type: Number, attribute: 'page-size' },
  };

  /** `single`: one request by number and contact; `list`: the signed-in user's requests. */
  mode: 'single' | 'list' = 'single';
  /** A request number to fill in (the contact is still asked for). */
  number = '';
  /** Rows per page in `mode="list"`. */
  pageSize = 20;

  /** @internal The look-up form (first paint, before the behaviour arrives). */
  lookup: LookupState = emptyLookup();
  /** @internal What the polite live region says (each change once, never moving focus). */
  live = '';
  /** @internal Everything after the first paint; undefined until its chunk has arrived. */
  behaviour?: TicketBehaviour;

  private readonly loadBehaviour = lazy(() =>
    import('./behaviour.js').then(({ TicketBehaviour }) => {
      this.behaviour ??= new TicketBehaviour(this);
      this.requestUpdate();
      return this.behaviour;
    }),
  );

  private readonly onOpen = (e: GuTicketOpenEvent) => {
    if (this.mode !== 'single' || !e.detail?.number) return;
    e.preventDefault();
    void this.open(e.detail.number, e.detail.contact);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('gu-ticket-open', this.onOpen);
    void this.loadBehaviour().catch(() => undefined); // retried on «Показать статус» if offline
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('gu-ticket-open', this.onOpen);
    // Stops live updates and releases the shared outbox; the request's contact is forgotten.
    this.behaviour?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('number') && this.number) this.lookup = { ...this.lookup, number: this.number };
  }

  /**
   * Shows a request: with the contact given in it, at once; without, the number is filled in and
   * the contact asked for. The contact is kept in memory only, to renew access silently.
   */
  async open(number: string, contact?: string): Promise<void> {
    this.scrollIntoView?.({ block: 'nearest' });
    await (await this.loadBehaviour()).open(number, contact);
  }

  /** Deletes what the kit keeps in this browser (queued replies, recent numbers, last known statuses) and shows the look-up form. */
  async clearLocalData(): Promise<void> {
    const { clearLocalData } = await import('../../core/local-data.js');
    await this.behaviour?.close();
    await clearLocalData();
    this.lookup = emptyLookup();
    this.requestUpdate();
  }

  /** @internal Says `text` once through the polite live region. */
  announce(text: string): void {
    this.live = text;
    this.requestUpdate();
  }

  /** @internal Changes the look-up form and re-renders. */
  setLookup(change: Partial<LookupState>): void {
    this.lookup = { ...this.lookup, ...change };
    this.requestUpdate();
  }

  private async submit(): Promise<void> {
    try {
      await (await this.loadBehaviour()).lookupSubmitted();
    } catch {
      if (!this.behaviour) this.setLookup({ failure: this.t('ticket.error.offline') });
    }
  }

  /** @internal The look-up form, as the first paint shows it and the behaviour reuses it. */
  renderLookupForm(): TemplateResult {
    return renderLookup({
      lang: this.locale,
      state: this.lookup,
      recent: recentNumbers(),
      input: (field, value) => (this.lookup = { ...this.lookup, [field]: value }),
      submit: () => void this.submit(),
      useRecent: (number) => {
        this.setLookup({ number });
        void this.updateComplete.then(() => this.focusField('contact'));
      },
    });
  }

  /** @internal Moves focus to an element of the shadow root by id. */
  focusField(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** Resolves when rendered, its behaviour has arrived, and its strings are in its language. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.isConnected) return done;
    await this.loadBehaviour().catch(() => undefined);
    await loadMessages(this.locale);
    return (await super.getUpdateComplete()) && done;
  }

  protected override render(): TemplateResult {
    return html`<div role="status" aria-live="polite" class="visually-hidden">${this.live}</div>
      ${this.behaviour ? this.behaviour.render() : this.mode === 'list' ? html`<p>${this.t('ticket.loading')}</p>` : this.renderLookupForm()}`;
  }
}

define('gu-ticket-status', GuTicketStatus);

declare global {
  interface HTMLElementTagNameMap {
    'gu-ticket-status': GuTicketStatus;
  }
}
