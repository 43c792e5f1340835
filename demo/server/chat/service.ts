import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatPhone } from '../../../src/core/validate/phone.js';
import type { Article } from '../../../src/core/adapter/types.js';
import type { Signer } from '../access.js';
import type { Db } from '../db.js';
import type { StoredUpload } from '../files.js';
import { Bot, type BotReply } from './bot.js';
import { resumePoint } from './fields.js';
import { chatHours, SEED_HOURS, type HoursRule } from './hours.js';
import { ChatStore, type MessageExtra, type SessionRow } from './store.js';
import { ChatStreams } from './streams.js';
import { texts, type Lang } from './texts.js';
import type { Audience, ChatAuthor, ChatEvent, ChatHours, ChatMessage, ChatQueue, ChatSession, EndedBy } from './wire.js';

export interface ChatConfig {
  /** Operators' hours, Moscow time (default: the seeds' hours). */
  hours: HoursRule[];
  /** Operators always at work (the demo's `npm start`, tests), whatever the hours say. */
  alwaysOpen: boolean;
  /** Average handling time of one chat ahead in the queue, for the wait estimate. */
  secondsPerChat: number;
  /** The server suggests a call-back above this estimated wait. */
  callbackAfterSeconds: number;
  /** A comment line on every event stream this often. */
  heartbeatMs: number;
  /** Typing events of one side are forwarded at most this often. */
  typingMs: number;
}

export const DEFAULT_CHAT: ChatConfig = {
  hours: SEED_HOURS,
  alwaysOpen: false,
  secondsPerChat: 180,
  callbackAfterSeconds: 300,
  heartbeatMs: 15_000,
  typingMs: 2000,
};

export const CHAT_LIMITS = { textMax: 2000, files: 5, fileBytes: 5 * 1024 * 1024 };

/** `+7 912 345-67-89` → `+7 912 ***-**-89`: enough to recognise, not enough to reuse. */
export function maskPhone(e164: string): string {
  const shown = formatPhone(e164);
  const digits = [...shown].filter((c) => /\d/.test(c)).length;
  let seen = 0;
  return [...shown].map((c) => (/\d/.test(c) && ++seen > (shown.startsWith('+7 ') ? 4 : 3) && seen <= digits - 2 ? '*' : c)).join('');
}

/**
 * The chat's behaviour over the store: every change is stored, then published to the session's
 * streams (`message` with its seq, `state`, `queue` to everyone waiting, `typing`, `read`, `ended`).
 */
export class ChatService {
  readonly store: ChatStore;
  readonly streams: ChatStreams;
  private readonly bot: Bot;
  /** A test hook's forced answer to "are operators at work" (null: the clock and `config`). */
  private hoursOverride: boolean | null = null;
  private lastOpen: boolean;
  private readonly typingAt = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    db: Db,
    signer: Signer,
    articles: readonly Article[],
    readonly config: ChatConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.store = new ChatStore(db, signer);
    this.streams = new ChatStreams(config.heartbeatMs, (session, seq) => this.store.messages(session, seq, 100_000));
    this.bot = new Bot(articles);
    this.lastOpen = this.atWork();
    // Opening and closing time reach open streams as `hours` events.
    this.timer = setInterval(() => this.tick(), 30_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private date(): Date {
    return new Date(this.now());
  }

  atWork(): boolean {
    if (this.hoursOverride !== null) return this.hoursOverride;
    return this.config.alwaysOpen || chatHours(this.config.hours, this.date(), 'ru').open;
  }

  hours(lang: Lang): ChatHours {
    const forced = this.hoursOverride ?? (this.config.alwaysOpen ? true : null);
    return chatHours(this.config.hours, this.date(), lang, forced);
  }

  /** Test hook: operators at work (true), not (false), or by the clock (null). */
  forceHours(open: boolean | null): void {
    this.hoursOverride = open;
    this.tick(true);
  }

  private tick(force = false): void {
    const open = this.atWork();
    if (open !== this.lastOpen || force) {
      this.lastOpen = open;
      for (const id of this.streams.sessions()) {
        const row = this.store.session(id);
        if (row) this.streams.publish(id, { type: 'hours', hours: this.hours(row.lang) });
      }
    }
    const stale = this.now() - 60_000;
    for (const [key, at] of this.typingAt) if (at < stale) this.typingAt.delete(key);
  }

  queueOf(row: SessionRow): ChatQueue | undefined {
    if (row.state !== 'queued') return undefined;
    const position = this.store.queued().findIndex((q) => q.id === row.id) + 1;
    return { position, waitSeconds: position * this.config.secondsPerChat, callbackAfterSeconds: this.config.callbackAfterSeconds };
  }

  view(row: SessionRow): ChatSession {
    const queue = this.queueOf(row);
    return {
      id: row.id,
      token: row.token,
      state: row.state,
      createdAt: row.created_at,
      lastSeq: this.store.lastSeq(row.id),
      readSeq: row.read_seq,
      ...(queue ? { queuePosition: queue.position, queue } : {}),
      ...(row.operator_name ? { operatorName: row.operator_name } : {}),
      ...(row.ended_by ? { endedBy: row.ended_by, endedAt: row.ended_at! } : {}),
      ...(row.callback_phone ? { callback: { phone: maskPhone(row.callback_phone), requestedAt: row.callback_at! } } : {}),
      ...(row.rating !== null ? { rated: true } : {}),
      hours: this.hours(row.lang),
      limits: CHAT_LIMITS,
    };
  }

  stateEvent(row: SessionRow): ChatEvent {
    const queue = this.queueOf(row);
    return {
      type: 'state',
      state: row.state,
      ...(queue ? { queuePosition: queue.position, queue } : {}),
      ...(row.operator_name ? { operatorName: row.operator_name } : {}),
      ...(row.ended_by ? { endedBy: row.ended_by } : {}),
    };
  }

  /** What a (re)connected stream gets after the replayed messages. */
  snapshot(row: SessionRow, audience: Audience): ChatEvent[] {
    const read: ChatEvent = audience === 'citizen' ? { type: 'read', seq: row.read_seq } : { type: 'read', seq: row.citizen_read_seq, by: 'citizen' };
    return [{ type: 'hours', hours: this.hours(row.lang) }, this.stateEvent(row), read];
  }

  /**
   * Opens an event stream for one side of the chat, resuming after `Last-Event-ID` (else
   * `?after=`); a resume point past the last message (stale or made up) resumes from the last one.
   */
  follow(req: IncomingMessage, res: ServerResponse, row: SessionRow, audience: Audience, after: string | null): void {
    const lastEventId = req.headers['last-event-id'];
    const from = Math.min(resumePoint(lastEventId !== undefined ? lastEventId : after), this.store.lastSeq(row.id));
    this.streams.open({ req, res, session: row.id, audience, after: from, snapshot: () => this.snapshot(this.store.session(row.id)!, audience) });
  }

  create(lang: Lang): SessionRow {
    const row = this.store.create(lang, this.date());
    this.say(row, 'bot', this.bot.greeting(lang, this.atWork()));
    return row;
  }

  /** Stores a message (files already in the store) without publishing it: for use inside an idempotent transaction. */
  insert(row: SessionRow, author: ChatAuthor, text: string, extra: MessageExtra = {}, files: StoredUpload[] = []): ChatMessage {
    return this.store.insert(row.id, author, text, extra, files, this.date());
  }

  publishMessage(row: SessionRow, message: ChatMessage): void {
    this.streams.publish(row.id, { type: 'message', message });
    if (message.author === 'citizen' || message.author === 'operator') this.clearTyping(row.id, message.author);
  }

  post(row: SessionRow, author: ChatAuthor, text: string, extra: MessageExtra = {}, files: StoredUpload[] = []): ChatMessage {
    const message = this.insert(row, author, text, extra, files);
    this.publishMessage(row, message);
    return message;
  }

  private say(row: SessionRow, author: 'bot' | 'system', reply: Pick<BotReply, 'text' | 'extra'>): ChatMessage {
    return this.post(row, author, reply.text, reply.extra);
  }

  /** The bot's answer to a citizen's message in state `bot`; the second answer that did not help brings the offer of a person. */
  botReply(row: SessionRow, question: string): void {
    if (!question) return;
    const reply = this.bot.answer(question, row.lang, this.atWork());
    this.say(row, 'bot', reply);
    if (!reply.found) this.notHelped(row, +1);
  }

  /** «Помогло» / «Не помогло» on a bot answer with cards; returns the count of answers that did not help. */
  feedback(row: SessionRow, seq: number, helped: boolean): number | undefined {
    const answer = this.store.botAnswer(row.id, seq);
    if (!answer) return undefined;
    const before = answer.helped === 0;
    this.store.setHelped(row.id, seq, helped);
    if (before !== !helped) return this.notHelped(row, helped ? -1 : +1);
    return this.store.session(row.id)!.not_helped;
  }

  private notHelped(row: SessionRow, change: number): number {
    const count = Math.max(0, this.store.session(row.id)!.not_helped + change);
    this.store.update(row.id, { not_helped: count });
    if (change > 0 && count === 2 && row.state === 'bot') this.say(row, 'bot', this.bot.offer(row.lang, this.atWork()));
    return count;
  }

  private setState(row: SessionRow, changes: Partial<SessionRow>): SessionRow {
    const updated = this.store.update(row.id, changes);
    this.streams.publish(row.id, this.stateEvent(updated));
    return updated;
  }

  /** Tells everyone waiting their new place and wait. */
  private publishQueue(): void {
    for (const row of this.store.queued()) this.streams.publish(row.id, { type: 'queue', queue: this.queueOf(row)! }, 'citizen');
  }

  requestOperator(row: SessionRow): SessionRow {
    if (row.state !== 'bot') return row;
    const t = texts(row.lang);
    if (!this.atWork()) {
      this.say(row, 'system', { text: t.closedHours(this.hours(row.lang).text), extra: { quickReplies: this.personReplies(row.lang) } });
      return row;
    }
    const queued = this.setState(row, { state: 'queued', queued_at: this.date().toISOString() });
    this.say(queued, 'system', { text: t.queued, extra: {} });
    return queued;
  }

  private personReplies(lang: Lang) {
    return this.bot.offer(lang, false).extra.quickReplies!;
  }

  take(row: SessionRow, name: string): SessionRow {
    if (row.state === 'operator' && row.operator_name === name) return row;
    const wasQueued = row.state === 'queued';
    const taken = this.setState(row, { state: 'operator', operator_name: name });
    this.say(taken, 'system', { text: texts(row.lang).joined(name), extra: {} });
    if (wasQueued) this.publishQueue();
    return taken;
  }

  end(row: SessionRow, by: EndedBy, text?: string): SessionRow {
    if (row.state === 'closed') return row;
    const t = texts(row.lang);
    const wasQueued = row.state === 'queued';
    const at = this.date().toISOString();
    this.say(row, 'system', { text: text ?? (by === 'operator' ? t.endedOperator : t.endedCitizen), extra: {} });
    const updated = this.store.update(row.id, { state: 'closed', ended_by: by, ended_at: at });
    this.streams.publish(row.id, { type: 'ended', endedBy: by, at });
    this.streams.publish(row.id, this.stateEvent(updated));
    if (wasQueued) this.publishQueue();
    return updated;
  }

  /** Whether a call-back may be asked for now: waiting in the queue, or with the bot outside the hours. */
  callbackAllowed(row: SessionRow): boolean {
    return row.state === 'queued' || (row.state === 'bot' && !this.atWork());
  }

  callback(row: SessionRow, phone: string, consent: { version: string; givenAt: string }): SessionRow {
    const updated = this.store.update(row.id, { callback_phone: phone, callback_at: this.date().toISOString(), callback_consent: JSON.stringify(consent) });
    return this.end(updated, 'callback', texts(row.lang).callback(maskPhone(phone)));
  }

  /** Forwards a typing mark to the other side, at most once per `typingMs` while typing; never stored. */
  typing(row: SessionRow, author: 'citizen' | 'operator', active: boolean): void {
    if (row.state === 'closed') return;
    const key = `${row.id}:${author}`;
    const last = this.typingAt.get(key);
    if (active) {
      if (last !== undefined && this.now() - last < this.config.typingMs) return;
      this.typingAt.set(key, this.now());
    } else {
      if (last === undefined) return;
      this.typingAt.delete(key);
    }
    this.streams.publish(row.id, { type: 'typing', author, active }, author === 'citizen' ? 'operator' : 'citizen');
  }

  /** A message ends its author's typing: the next keystroke is forwarded at once. */
  private clearTyping(session: string, author: 'citizen' | 'operator'): void {
    this.typingAt.delete(`${session}:${author}`);
  }

  /** A read mark: the operator's reaches the citizen as `read`, the citizen's the console. Never goes back. */
  read(row: SessionRow, by: 'citizen' | 'operator', seq: number): void {
    const column = by === 'operator' ? 'read_seq' : 'citizen_read_seq';
    const upTo = Math.min(seq, this.store.lastSeq(row.id));
    if (upTo <= row[column]) return;
    this.store.update(row.id, { [column]: upTo });
    if (by === 'operator') this.streams.publish(row.id, { type: 'read', seq: upTo }, 'citizen');
    else this.streams.publish(row.id, { type: 'read', seq: upTo, by: 'citizen' }, 'operator');
  }

  rate(row: SessionRow, score: number, comment: string | null): void {
    this.store.update(row.id, { rating: score, rating_comment: comment });
  }
}
