import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Audience, ChatEvent, ChatMessage } from './wire.js';

interface Stream {
  audience: Audience;
  res: ServerResponse;
  /** The newest `seq` this connection has sent: a message is never sent twice on it, and a gap is filled. */
  lastSeq: number;
}

export interface OpenStream {
  req: IncomingMessage;
  res: ServerResponse;
  session: string;
  audience: Audience;
  /** The resume point: `Last-Event-ID`, else `?after=`. */
  after: number;
  /** What follows the replay: hours, state, read mark. */
  snapshot: () => ChatEvent[];
}

/**
 * The open Server-Sent Event streams by session. Messages carry `id: seq` and are sent in order,
 * each once per connection; other events carry no id, so `Last-Event-ID` is always the last
 * message received and a reconnection resumes right after it.
 */
export class ChatStreams {
  private readonly bySession = new Map<string, Set<Stream>>();

  constructor(
    private readonly heartbeatMs: number,
    /** Messages of a session after a seq: the replay, and what fills a gap. */
    private readonly messagesAfter: (session: string, seq: number) => ChatMessage[],
  ) {}

  open({ req, res, session, audience, after, snapshot }: OpenStream): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\n');
    const stream: Stream = { audience, res, lastSeq: after };
    // Replay, snapshot and registration happen in one synchronous step: no message can slip between them.
    for (const message of this.messagesAfter(session, after)) this.write(stream, { type: 'message', message });
    for (const event of snapshot()) this.write(stream, event);
    const set = this.bySession.get(session) ?? new Set();
    set.add(stream);
    this.bySession.set(session, set);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), this.heartbeatMs);
    heartbeat.unref();
    const gone = () => {
      clearInterval(heartbeat);
      set.delete(stream);
      if (!set.size && this.bySession.get(session) === set) this.bySession.delete(session);
    };
    req.once('close', gone);
    res.once('close', gone);
  }

  /** Sends `event` to the session's streams of `audience` (both when omitted). */
  publish(session: string, event: ChatEvent, audience?: Audience): void {
    for (const stream of this.bySession.get(session) ?? []) {
      if (audience && stream.audience !== audience) continue;
      if (event.type === 'message' && event.message.seq > stream.lastSeq + 1) {
        for (const missed of this.messagesAfter(session, stream.lastSeq)) if (missed.seq < event.message.seq) this.write(stream, { type: 'message', message: missed });
      }
      this.write(stream, event);
    }
  }

  /** Sessions with at least one open stream. */
  sessions(): string[] {
    return [...this.bySession.keys()];
  }

  /** Cuts every open stream as a lost connection would (test hook); returns how many. */
  dropAll(): number {
    let dropped = 0;
    for (const set of this.bySession.values()) {
      for (const stream of set) {
        stream.res.destroy();
        dropped++;
      }
    }
    this.bySession.clear();
    return dropped;
  }

  get size(): number {
    let n = 0;
    for (const set of this.bySession.values()) n += set.size;
    return n;
  }

  private write(stream: Stream, event: ChatEvent): void {
    if (event.type === 'message') {
      if (event.message.seq <= stream.lastSeq) return;
      stream.lastSeq = event.message.seq;
      stream.res.write(`id: ${event.message.seq}\nevent: message\ndata: ${JSON.stringify(event)}\n\n`);
    } else stream.res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }
}
