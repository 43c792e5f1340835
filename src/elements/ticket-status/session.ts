import { AdapterError, isAdapterError } from '../../core/adapter/errors.js';
import { pollTicket, ticketVersion } from '../../core/adapter/ticket-follow.js';
import type { Ticket, TicketAccess, TicketListener, TicketsApi } from '../../core/adapter/types.js';
import { isTicket } from '../../core/ticket/check.js';

/** An answer that is not a ticket (docs/api.md): said plainly, never rendered half. */
export class MalformedTicket extends Error {
  override readonly name = 'MalformedTicket';
}

function checked(value: unknown): Ticket {
  if (!isTicket(value)) throw new MalformedTicket('The backend sent something that is not a ticket');
  return value;
}

/**
 * One opened request: its access token and the number + contact it was opened with, kept in
 * memory only (never stored), so an access that expires mid-session is renewed without asking.
 * Without a contact it is the signed-in owner's (`openMyTicket`, from «Мои обращения»).
 */
export class TicketSession {
  private access?: TicketAccess;

  constructor(
    readonly api: TicketsApi,
    readonly number: string,
    readonly contact: string | undefined,
    private readonly lang: string,
  ) {}

  /** Exchanges number + contact (or the owner's sign-in) for access (POST), and the ticket. */
  async open(): Promise<Ticket> {
    const options = { lang: this.lang };
    const opened = this.contact ? this.api.openTicket(this.number, this.contact, options) : this.api.openMyTicket?.(this.number, options);
    if (!opened) throw new AdapterError('unauthorized', 'This adapter opens a ticket only with its contact');
    const { access, ticket } = await opened;
    this.access = access;
    return checked(ticket);
  }

  /** Runs a call with the access; once it turns out expired, renews it with the look-up and tries once more. */
  async call<T>(run: (access: TicketAccess) => Promise<T>): Promise<T> {
    if (!this.access) await this.open();
    try {
      return await run(this.access!);
    } catch (error) {
      if (!isAdapterError(error) || error.kind !== 'unauthorized') throw error;
      await this.open();
      return run(this.access!);
    }
  }

  async ticket(): Promise<Ticket> {
    return checked(await this.call((access) => this.api.getTicket(access, { lang: this.lang })));
  }

  /**
   * Follows the ticket (the adapter's stream, else polling); renews the access silently when it
   * expires and goes on. `failed` hears what could not be renewed (not found any more, offline).
   */
  follow(known: Ticket, onTicket: (ticket: Ticket) => void, failed: (error: unknown) => void): () => void {
    let stop = () => {};
    let stopped = false;
    let current = known;
    const listener: TicketListener = {
      ticket: (ticket) => {
        try {
          current = checked(ticket);
          onTicket(current);
        } catch (error) {
          failed(error);
        }
      },
      error: (error: AdapterError) => {
        if (error.kind !== 'unauthorized') return failed(error);
        this.open().then(
          (ticket) => {
            if (stopped) return;
            if (ticketVersion(ticket) !== ticketVersion(current)) listener.ticket(ticket);
            start();
          },
          failed,
        );
      },
    };
    const start = () => {
      const access = this.access!;
      stop = this.api.subscribeTicket
        ? this.api.subscribeTicket(access, listener, current)
        : pollTicket((signal) => this.api.getTicket(access, { signal, lang: this.lang }), listener, ticketVersion(current));
    };
    start();
    return () => {
      stopped = true;
      stop();
    };
  }
}
