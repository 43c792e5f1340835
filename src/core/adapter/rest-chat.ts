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

/** The timings of the fallback: polling every `pollMs`; the stream tried again after `streamRetryMs`, doubling up to a minute. */
export interface ChatTimings {
  pollMs: number;
  streamRetryMs: number;
}

const STREAM_RETRY_MAX_MS = 60_000;

/**
 * Server-Sent Events with the browser's own reconnection (it sends Last-Event-ID, the server
 * replays what was missed); when the stream cannot be opened or is refused for good, polls
 * `GET …/messages?after=` (messages and the session's state) every `pollMs` instead, and tries the
 * stream again with back-off (from the last `seq` seen): once it opens, polling stops. The element
 * merges by `seq`, so a message heard twice (stream and poll, or a replay) is shown once.
 */
export function subscribeWithFallback(transport: ChatTransport, session: ChatSession, listener: ChatListener, afterSeq: number, timings: ChatTimings): () => void {
  let seen = afterSeq;
  let stopped = false;
  let polling = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let streamTimer: ReturnType<typeof setTimeout> | undefined;
  let streamRetries = 0;
  let source: EventSource | undefined;
  let lastState: string | undefined;
  const deliver = (event: ChatEvent) => {
    if (event.type === 'message') seen = Math.max(seen, event.message.seq);
    listener.event(event.type === 'message' ? { ...event, message: transport.message(event.message) } : event);
  };

  const poll = async (): Promise<void> => {
    if (stopped || !polling) return;
    try {
      const page = await transport.poll(session, seen);
      if (stopped) return;
      if (polling) listener.state?.('open');
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
        polling = false;
        clearTimeout(streamTimer);
        listener.error?.(error);
        listener.state?.('closed');
        return;
      }
      listener.state?.('reconnecting');
    }
    if (polling) timer = setTimeout(() => void poll(), timings.pollMs);
  };

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
  const openStream = () => {
    const stream = new EventSource(transport.eventsUrl(session, seen));
    source = stream;
    for (const type of EVENT_TYPES) stream.addEventListener(type, handle as EventListener);
    stream.addEventListener('open', () => {
      // Back on the stream (it replays from `seen`): polling stops.
      polling = false;
      streamRetries = 0;
      clearTimeout(timer);
      listener.state?.('open');
    });
    stream.addEventListener('error', () => {
      // EventSource reconnects by itself (sending Last-Event-ID) unless the stream was refused.
      listener.state?.('reconnecting');
      if (stream.readyState !== EventSource.CLOSED || stopped) return;
      if (!polling) {
        polling = true;
        void poll();
      }
      streamTimer = setTimeout(openStream, Math.min(STREAM_RETRY_MAX_MS, timings.streamRetryMs * 2 ** streamRetries++));
    });
  };

  listener.state?.('connecting');
  openStream();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(streamTimer);
    source?.close();
  };
}
