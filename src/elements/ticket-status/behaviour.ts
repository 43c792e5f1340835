import { html, nothing, type TemplateResult } from 'lit';
import { isAdapterError } from '../../core/adapter/errors.js';
import type { Ticket, TicketsApi } from '../../core/adapter/types.js';
import { reminderAllowedAt } from '../../core/ticket/deadlines.js';
import { ticketText } from '../../core/ticket/export.js';
import { ticketErrorText } from './errors.js';
import { sendRating, sendReminder } from './follow-ups.js';
import { lastKnown, saveLastKnown, type LastKnown } from '../../core/ticket/last-known.js';
import { rememberNumber } from '../../core/ticket/recent.js';
import { validateTicketNumber } from '../../core/validate/ticket-number.js';
import { handoff } from '../../events/gu-handoff.js';
import type { GuFileDrop } from '../internal/gu-file-drop.js';
import type { GuTicketStatus } from './gu-ticket-status.js';
import { checkLookup } from './lookup-check.js';
import { emptyLookup } from './lookup-form.js';
import { TicketList } from './list-view.js';
import { ReplyController } from './reply.js';
import { saveFile } from './save-file.js';
import { TopicNames } from './topic-names.js';
import { MalformedTicket, TicketSession } from './session.js';
import { renderActions, type RatingState } from './ticket-actions.js';
import { PAGE, renderTicket, staleNotice } from './ticket-view.js';

/** After following failed (offline, server down), the next attempt. */
const RETRY_FOLLOW_MS = 30_000;
const NO_RATING: RatingState = { comment: '', error: '', busy: false };

/**
 * What <gu-ticket-status> does after its first paint: checks the look-up, opens and follows a
 * request, replies, reminds, rates, saves, and the list mode.
 */
export class TicketBehaviour {
  session?: TicketSession;
  ticket?: Ticket;
  /** The last status stored on this device, shown when the server cannot be reached. */
  stale?: LastKnown;
  historyShown = PAGE;
  commentsShown = PAGE;
  reply?: ReplyController;
  rating: RatingState = NO_RATING;
  remindMessage = '';
  /** In `mode="list"`: the list, and whether a request opened from it is shown instead. */
  list?: TicketList;
  showingList = true;
  /** The number last opened from the list: its row gets the focus back. */
  private openedFromList = '';
  private unfollow?: () => void;
  /** A topic's title in the element's language (its id until the backend's list arrives). */
  readonly topicName: (id: string) => string;

  constructor(private readonly host: GuTicketStatus) {
    this.topicName = new TopicNames(host).name;
  }

  private get api(): TicketsApi | undefined {
    return this.host.backend.slice('tickets');
  }

  private fail(error: unknown): string {
    if (error instanceof MalformedTicket) return this.host.t('ticket.error.malformed');
    if (!isAdapterError(error)) throw error;
    const message = ticketErrorText(this.host, error.kind, error);
    this.host.emit('gu-error', { kind: error.kind, message, fieldErrors: error.fieldErrors });
    return message;
  }

  /** «Показать статус»: checks and normalises number and contact in the browser, then opens. */
  async lookupSubmitted(): Promise<void> {
    const checked = checkLookup(this.host, this.host.lookup);
    this.host.setLookup({ errors: checked.ok ? {} : checked.errors, failure: '' });
    if (checked.ok) return this.open(checked.number, checked.contact);
    await this.host.updateComplete;
    this.host.focusField(checked.errors.number ? 'number' : 'contact'); // the field says what is wrong (aria-describedby)
  }

  /**
   * Opens a request by number and contact. Without a contact: from «Мои обращения», by the
   * owner's sign-in when the adapter can (`openMyTicket`); otherwise fills the number and asks.
   */
  async open(number: string, contact?: string): Promise<void> {
    const fromList = this.host.mode === 'list' && this.showingList;
    if (fromList) this.openedFromList = number;
    this.showingList = false;
    const asOwner = !contact && fromList && Boolean(this.api?.openMyTicket);
    if (!contact && !asOwner) {
      this.close();
      this.host.setLookup({ ...emptyLookup(number) });
      await this.host.updateComplete;
      this.host.focusField('contact');
      return;
    }
    const api = this.api;
    if (!api) {
      const kind = this.host.backend.adapter ? 'no-slice' : 'no-adapter';
      return this.host.setLookup({ failure: ticketErrorText(this.host, kind) });
    }
    this.host.setLookup({ busy: true, failure: '', errors: {} });
    this.host.announce(this.host.t('ticket.lookup.loading'));
    const session = new TicketSession(api, number, asOwner ? undefined : contact, this.host.locale);
    try {
      const ticket = await session.open();
      this.close();
      this.session = session;
      this.stale = undefined;
      this.show(ticket, false);
      this.host.setLookup(emptyLookup());
      await this.host.updateComplete;
      this.host.focusField('ticket-title');
    } catch (error) {
      const failure = this.fail(error);
      const canonical = validateTicketNumber(number);
      this.stale = isAdapterError(error) && error.retryable && error.kind !== 'rate-limited' && canonical.ok ? await lastKnown(canonical.value).catch(() => undefined) : undefined;
      // Opened from the list and refused: the look-up form with its number, the contact may still open it.
      this.host.setLookup({ ...(asOwner ? emptyLookup(number) : {}), busy: false, failure });
      this.host.announce(failure);
    }
  }

  /** Shows a ticket: first when opened, then each change heard live (announced once, focus left alone). */
  private show(ticket: Ticket, live: boolean): void {
    const before = this.ticket;
    this.ticket = ticket;
    rememberNumber(ticket.number);
    void saveLastKnown(ticket).catch(() => undefined);
    this.host.emit('gu-ticket-loaded', { number: ticket.number, status: ticket.status, live });
    if (live && before) {
      const newFromSupport = ticket.comments.filter((c) => c.author === 'operator').length > before.comments.filter((c) => c.author === 'operator').length;
      if (ticket.status !== before.status) this.host.announce(this.host.t('ticket.view.changed', { status: this.host.t(`ticket.status.${ticket.status}`) }));
      else if (newFromSupport) this.host.announce(this.host.t('ticket.view.newComment'));
    }
    if (!live) {
      this.host.announce('');
      this.follow();
      this.reply = new ReplyController(this.host, this.session!, () => void this.refresh());
      void this.reply.connect();
    }
    this.host.requestUpdate();
  }

  private follow(): void {
    this.unfollow?.();
    this.unfollow = this.session!.follow(
      this.ticket!,
      (ticket) => this.show(ticket, true),
      (error) => this.lost(error),
    );
  }

  /**
   * The access could not be renewed: when the pair no longer opens the request, back to the look-up
   * form with the neutral words; otherwise (offline, server) say so, keep the view, follow again later.
   */
  private lost(error: unknown): void {
    const session = this.session;
    const message = this.fail(error);
    if (isAdapterError(error) && (error.kind === 'not-found' || error.kind === 'unauthorized')) {
      this.close();
      this.host.setLookup({ ...emptyLookup(session?.number), failure: message });
      return;
    }
    this.remindMessage = message;
    this.host.requestUpdate();
    setTimeout(() => this.session === session && session && this.follow(), RETRY_FOLLOW_MS);
  }

  private async refresh(): Promise<void> {
    try {
      if (this.session) this.show(await this.session.ticket(), true);
    } catch (error) {
      this.lost(error);
    }
  }

  private async remind(): Promise<void> {
    if (!this.session?.api.remindTicket) return;
    this.remindMessage = await sendReminder(this.host, this.session, (error) => this.fail(error));
    if (!this.remindMessage) await this.refresh();
    this.host.announce(this.remindMessage);
  }

  private async rate(): Promise<void> {
    if (!this.session?.api.rateTicket) return;
    const score = this.rating.score;
    this.rating = { ...this.rating, busy: Boolean(score), error: '' };
    const { sent, rating } = await sendRating(this.host, this.session, this.rating, (error) => this.fail(error));
    this.rating = rating;
    if (sent && score) {
      this.host.announce(this.host.t('ticket.rate.thanks', { score }));
      await this.refresh();
    }
    this.host.requestUpdate();
  }

  private async sendReply(): Promise<void> {
    const drop = this.host.renderRoot.querySelector<GuFileDrop>('gu-file-drop');
    const files = (drop?.prepared ?? []).map(({ name, type, data }) => ({ name, type, data }));
    if (await this.reply?.send(files)) drop?.clear();
    else this.host.focusField('reply-text');
  }

  /** «Проверить другое обращение»: back to the look-up form; «Вернуться к списку»: to the row it was opened from. */
  private other(): void {
    this.close();
    this.showingList = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      if (this.host.mode !== 'list') return this.host.focusField('number');
      const row = this.host.renderRoot.querySelector<HTMLElement>(`[data-number="${CSS.escape(this.openedFromList)}"]`);
      if (row) row.focus();
      else this.host.focusField('list-title');
    });
  }

  /** Stops following and forgets the open request (its contact too). */
  close(): void {
    this.stop();
    this.reply?.close();
    this.reply = undefined;
    this.session = undefined;
    this.ticket = undefined;
    this.stale = undefined;
    this.historyShown = this.commentsShown = PAGE;
    this.rating = NO_RATING;
    this.remindMessage = '';
  }

  /** Stops live updates (the element left the page). */
  stop(): void {
    this.unfollow?.();
    this.unfollow = undefined;
  }

  private renderOpen(ticket: Ticket): TemplateResult {
    const lang = this.host.locale;
    const api = this.session!.api;
    const actions = renderActions({
      lang,
      ticket,
      now: Date.now(),
      remindAt: reminderAllowedAt(ticket),
      remindMessage: this.remindMessage,
      ...(this.reply ? { reply: this.reply } : {}),
      rating: this.rating,
      canRate: Boolean(api.rateTicket),
      canRemind: Boolean(api.remindTicket),
      remind: () => void this.remind(),
      repeat: () => handoff({ previousNumber: ticket.number }),
      save: () => saveFile(`${ticket.number}.txt`, ticketText(ticket, lang, this.topicName), 'text/plain;charset=utf-8'),
      other: () => this.other(),
      backToList: this.host.mode === 'list',
      sendReply: () => void this.sendReply(),
      replyInput: (text) => {
        this.reply!.text = text;
        this.host.requestUpdate();
      },
      rate: () => void this.rate(),
      ratingInput: (change) => {
        this.rating = { ...this.rating, ...change, error: '' };
        this.host.requestUpdate();
      },
    });
    return renderTicket(
      {
        lang,
        ticket,
        now: Date.now(),
        historyShown: this.historyShown,
        commentsShown: this.commentsShown,
        topicName: this.topicName,
        pending: this.reply?.pending.map((r) => r.payload.text) ?? [],
        showMore: (list) => {
          if (list === 'history') this.historyShown += PAGE;
          else this.commentsShown += PAGE;
          this.host.requestUpdate();
        },
      },
      actions,
    );
  }

  render(): TemplateResult {
    const { host } = this;
    if (host.mode === 'list' && this.showingList) {
      if (!this.list) {
        this.list = new TicketList(host, (number) => void this.open(number), this.topicName);
        const api = this.api;
        if (api) void this.list.load(api);
        else this.list.phase = 'signed-out';
      }
      return this.list.render(this.api);
    }
    if (this.ticket) return this.renderOpen(this.ticket);
    const lang = host.locale;
    return html`${this.stale ? staleNotice(lang, this.stale, Date.now()) : nothing}
    ${host.renderLookupForm()}
    ${host.mode === 'list' ? html`<button type="button" class="button secondary" @click=${() => this.other()}>${host.t('ticket.list.back')}</button>` : nothing}`;
  }
}
