import { newKey, type TestServer } from './helpers.js';

export interface SseEvent {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

export interface ChatSessionBody {
  id: string;
  token: string;
  state: string;
  lastSeq: number;
  readSeq: number;
  queuePosition?: number;
  queue?: { position: number; waitSeconds: number; callbackAfterSeconds: number };
  hours: { open: boolean; text: string; opensAt?: string; closesAt?: string };
  endedBy?: string;
  callback?: { phone: string };
  operatorName?: string;
}

export interface ChatMessageBody {
  id: string;
  seq: number;
  author: string;
  text: string;
  clientId?: string;
  articles?: { id: string; title: string; snippet: string }[];
  articleIds?: string[];
  quickReplies?: { action: string; label: string; text?: string }[];
  attachments?: { id: string; name: string; type: string; size: number; url: string }[];
  operatorName?: string;
}

/**
 * An open Server-Sent Events stream read with fetch: every event kept in order, `next()` waits
 * for one that matches (no fixed sleeps), `ended` settles when the server closes or cuts it.
 */
export class EventStream {
  readonly events: SseEvent[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  comments = 0;
  ended!: Promise<void>;
  status = 0;

  static async open(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
    const stream = new EventStream();
    const response = await fetch(url, { headers, signal: stream.controller.signal });
    stream.status = response.status;
    if (!response.ok) {
      await response.body?.cancel();
      stream.ended = Promise.resolve();
      return stream;
    }
    stream.ended = stream.pump(response.body!.pipeThrough(new TextDecoderStream()).getReader());
    return stream;
  }

  private async pump(reader: ReadableStreamDefaultReader<string>): Promise<void> {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) this.comments++;
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          const id = /^id: (.+)$/m.exec(block)?.[1];
          if (event && data) this.events.push({ event, data: JSON.parse(data) as Record<string, unknown>, ...(id ? { id } : {}) });
          if (block.startsWith(':') || (event && data)) this.wake();
        }
      }
    } catch {
      // cut by the server or aborted by close()
    } finally {
      this.wake();
    }
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /** The next event (after the ones already taken) that `match` accepts; events before it are skipped. */
  async next(match: (e: SseEvent) => boolean, what = 'event', limitMs = 10_000): Promise<SseEvent> {
    const deadline = Date.now() + limitMs;
    let finished = false;
    void this.ended.then(() => (finished = true));
    for (;;) {
      while (this.cursor < this.events.length) {
        const event = this.events[this.cursor++]!;
        if (match(event)) return event;
      }
      if (finished) throw new Error(`stream ended before ${what}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${limitMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.max(0, deadline - Date.now())).unref();
        void this.ended.then(resolve);
      });
    }
  }

  async nextComment(limitMs = 10_000): Promise<void> {
    const seen = this.comments;
    const deadline = Date.now() + limitMs;
    while (this.comments === seen) {
      if (Date.now() > deadline) throw new Error('no comment line');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.max(0, deadline - Date.now())).unref();
      });
    }
  }

  /** Messages received, by seq. */
  seqs(): number[] {
    return this.events.filter((e) => e.event === 'message').map((e) => (e.data.message as ChatMessageBody).seq);
  }

  close(): void {
    this.controller.abort();
  }
}

export const isMessage = (match: (m: ChatMessageBody) => boolean) => (e: SseEvent) => e.event === 'message' && match(e.data.message as ChatMessageBody);
export const isEvent = (type: string, match: (d: Record<string, unknown>) => boolean = () => true) => (e: SseEvent) => e.event === type && match(e.data);

/** A small client of the chat API for tests. */
export function chatClient(server: TestServer) {
  const operator = { Authorization: 'Bearer operator-test' };
  return {
    operator,
    async start(body: unknown = {}): Promise<ChatSessionBody> {
      const response = await server.post('/api/chat/sessions', body);
      if (response.status !== 201) throw new Error(`session ${response.status}`);
      return (await response.json()) as ChatSessionBody;
    },
    headers: (s: ChatSessionBody, extra: Record<string, string> = {}) => ({ 'X-Chat-Token': s.token, ...extra }),
    send(s: ChatSessionBody, body: unknown, key = newKey()) {
      return server.post(`/api/chat/sessions/${s.id}/messages`, body, { 'X-Chat-Token': s.token, 'Idempotency-Key': key });
    },
    call(s: ChatSessionBody, action: string, body: unknown = {}, extra: Record<string, string> = {}) {
      return server.post(`/api/chat/sessions/${s.id}/${action}`, body, { 'X-Chat-Token': s.token, ...extra });
    },
    async messages(s: ChatSessionBody, after = 0): Promise<{ messages: ChatMessageBody[]; session: ChatSessionBody; more: boolean }> {
      const response = await server.get(`/api/chat/sessions/${s.id}/messages?after=${after}`, { 'X-Chat-Token': s.token });
      if (response.status !== 200) throw new Error(`messages ${response.status}`);
      return (await response.json()) as never;
    },
    events(s: ChatSessionBody, after = 0, headers: Record<string, string> = {}) {
      return EventStream.open(`${server.url}/api/chat/sessions/${s.id}/events?token=${encodeURIComponent(s.token)}&after=${after}`, headers);
    },
    operatorEvents(s: ChatSessionBody, after = 0) {
      return EventStream.open(`${server.url}/api/operator/chats/${s.id}/events?after=${after}`, operator);
    },
    op(s: ChatSessionBody, action: string, body: unknown = {}) {
      return server.post(`/api/operator/chats/${s.id}/${action}`, body, operator);
    },
  };
}
