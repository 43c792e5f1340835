import { AdapterError } from './errors.js';
import type { ChatEvent, ChatListener, ChatMessage, ChatSession } from './types.js';

/** `GET …/messages?after=`: what polling reads. */
export interface ChatPage {
  messages: ChatMessage[];
  session: ChatSession;
  /** More after the last one: ask again at once. */
  more?: boolean;
}

/** What the chat's transport needs from the REST adapter. */
export interface ChatTransport {
  /** The event stream's address (the token in the query: EventSource cannot send headers). */
  eventsUrl(session: ChatSession, afterSeq: number): string;
  poll(session: ChatSession, afterSeq: number): Promise<ChatPage>;
  /** The message as the page uses it (attachment links made absolute on the API's origin). */
  message(message: ChatMessage): ChatMessage;
}

const EVENT_TYPES = ['message', 'state', 'queue', 'hours', 'typing', 'read', 'ended'] as const;
/** Errors that polling again will not cure. */
const FINAL = new Set(['not-found', 'unauthorized', 'rejected']);

/**
 * Server-Sent Events with the browser's own reconnection (it sends Last-Event-ID, the server
 * replays what was missed); when the stream cannot be opened or is refused for good, polls
 * `GET …/messages?after=` (messages and the session's state) every `pollMs` instead. The element merges by
 * `seq`, so a message heard twice (stream and poll, or a replay) is shown once.
 */
export function subscribeWithFallback(transport: ChatTransport, session: ChatSession, listener: ChatListener, afterSeq: number, pollMs: number): () => void {
  let seen = afterSeq;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastState: string | undefined;
  const deliver = (event: ChatEvent) => {
    if (event.type === 'message') seen = Math.max(seen, event.message.seq);
    listener.event(event.type === 'message' ? { ...event, message: transport.message(event.message) } : event);
  };

  const poll = async (): Promise<void> => {
    if (stopped) return;
    try {
      const page = await transport.poll(session, seen);
      if (stopped) return;
      listener.state?.('open');
      for (const message of page.messages) deliver({ type: 'message', message });
      const current = page.session;
      const state = JSON.stringify([current.state, current.queue, current.readSeq]);
      if (state !== lastState) {
        lastState = state;
        deliver({ type: 'state', state: current.state, ...(current.queue ? { queue: current.queue } : {}) });
        if (current.readSeq) deliver({ type: 'read', seq: current.readSeq });
      }
      if (page.more) return void poll();
    } catch (error) {
      if (stopped) return;
      if (error instanceof AdapterError && FINAL.has(error.kind)) {
        listener.error?.(error);
        listener.state?.('closed');
        return;
      }
      listener.state?.('reconnecting');
    }
    timer = setTimeout(() => void poll(), pollMs);
  };

  listener.state?.('connecting');
  const source = new EventSource(transport.eventsUrl(session, afterSeq));
  const handle = (e: MessageEvent<string>) => {
    let event: ChatEvent;
    try {
      event = JSON.parse(e.data) as ChatEvent;
    } catch {
      listener.error?.(new AdapterError('server', 'Malformed chat event'));
      return;
    }
    deliver(event);
  };
  for (const type of EVENT_TYPES) source.addEventListener(type, handle as EventListener);
  source.addEventListener('open', () => listener.state?.('open'));
  source.addEventListener('error', () => {
    // EventSource reconnects by itself (sending Last-Event-ID) unless the stream was refused.
    if (source.readyState !== EventSource.CLOSED) return listener.state?.('reconnecting');
    listener.state?.('reconnecting');
    void poll();
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    source.close();
  };
}
