import { AdapterError } from './errors.js';
import { lazy } from '../lazy.js';
import type { RestAdapter, RestAdapterOptions } from './rest.js';
import type { ChatListener, ChatSession, SupportAdapter, Ticket, TicketAccess, TicketListener } from './types.js';

/**
 * The REST adapter's code, loaded once in the background. Elements keep it out of their first
 * download (the size budget); it starts loading as soon as an element is configured with
 * `endpoint`, so it is there before the user can press «Отправить». A failed load (the page was
 * opened offline) counts as `offline`, and the next call tries again.
 */
const restModule = lazy(() =>
  import('./rest.js').catch((error: unknown) => {
    throw new AdapterError('offline', `REST adapter not loaded: ${String(error)}`);
  }),
);

type Call<K extends keyof SupportAdapter> = NonNullable<SupportAdapter[K]> extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;

/** A `RestAdapter` whose code arrives on first use; same behaviour, same errors. */
export class LazyRestAdapter implements SupportAdapter {
  private adapter?: Promise<RestAdapter>;

  constructor(private readonly options: RestAdapterOptions) {
    void this.real().catch(() => undefined); // start loading now, report failures on use
  }

  private real(): Promise<RestAdapter> {
    this.adapter ??= restModule().then(({ RestAdapter }) => new RestAdapter(this.options));
    return this.adapter.catch((error: unknown) => {
      this.adapter = undefined;
      throw error;
    });
  }

  private forward<K extends Exclude<keyof SupportAdapter, 'subscribeChat' | 'subscribeTicket' | 'chatBot' | 'listFaqCategories'>>(method: K): Call<K> {
    return ((...args: unknown[]) => this.real().then((real) => (real[method] as unknown as (...a: unknown[]) => Promise<unknown>)(...args))) as Call<K>;
  }

  listTopics = this.forward('listTopics');
  createTicket = this.forward('createTicket');
  openTicket = this.forward('openTicket');
  getTicket = this.forward('getTicket');
  listMyTickets = this.forward('listMyTickets');
  openMyTicket = this.forward('openMyTicket');
  addComment = this.forward('addComment');
  remindTicket = this.forward('remindTicket');
  rateTicket = this.forward('rateTicket');
  listArticles = this.forward('listArticles');
  sendArticleFeedback = this.forward('sendArticleFeedback');
  reportDeflection = this.forward('reportDeflection');
  createChatSession = this.forward('createChatSession');
  sendChatMessage = this.forward('sendChatMessage');
  requestOperator = this.forward('requestOperator');
  rateChat = this.forward('rateChat');
  sendChatFeedback = this.forward('sendChatFeedback');
  sendChatTyping = this.forward('sendChatTyping');
  markChatRead = this.forward('markChatRead');
  endChat = this.forward('endChat');
  requestCallback = this.forward('requestCallback');
  chatTranscript = this.forward('chatTranscript');

  subscribeChat(session: ChatSession, listener: ChatListener, afterSeq?: number): () => void {
    return this.subscribe(listener, (real) => real.subscribeChat(session, listener, afterSeq));
  }

  subscribeTicket(access: TicketAccess, listener: TicketListener, known?: Ticket): () => void {
    return this.subscribe(listener, (real) => real.subscribeTicket(access, listener, known));
  }

  /** A subscription made once the code has arrived; a failed load is told as a closed one. */
  private subscribe(listener: { state?(state: 'connecting' | 'closed'): void; error?(error: AdapterError): void }, start: (real: RestAdapter) => () => void): () => void {
    let stop: (() => void) | undefined;
    let closed = false;
    listener.state?.('connecting');
    this.real().then(
      (real) => {
        if (!closed) stop = start(real);
      },
      (error: AdapterError) => {
        listener.error?.(error);
        listener.state?.('closed');
      },
    );
    return () => {
      closed = true;
      stop?.();
    };
  }
}
