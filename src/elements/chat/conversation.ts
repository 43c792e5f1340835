import type { ChatApi, ChatEvent, ChatMessage, ChatSession, SupportAdapter } from '../../core/adapter/types.js';
import { AdapterError } from '../../core/adapter/errors.js';
import { ChatHistoryStore, type EarlyMessage } from '../../core/chat/history.js';
import { lastSeq, mergeBySeq } from '../../core/chat/merge-by-seq.js';
import { acquireOutbox, type ChatMessagePayload, type OutboxEvent, type OutboxLease, type SharedOutbox, type StoredFile } from '../../core/outbox/index.js';
import type { GuChat } from './gu-chat.js';
import type { PendingMessage } from './chat-model.js';
import { EarlyMessages, earlyPending } from './early-messages.js';

/** Without another typing event, the indicator goes after this (docs/api.md: 6 s). */
const TYPING_SHOWN_MS = 6000;

/**
 * One conversation's data: the session, its event stream, the outbox that carries the citizen's
 * messages (kind `chat-message`, owner `chat:<session>`: in order, exactly once, also after a
 * reload), and the history kept in IndexedDB. Everything it learns goes into the view.
 */
export class Conversation {
  session?: ChatSession;
  outbox?: SharedOutbox;
  private lease?: OutboxLease;
  private history?: ChatHistoryStore;
  private unsubscribe?: () => void;
  private stopOutbox?: () => void;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private saveTimer?: ReturnType<typeof setTimeout>;
  /** The last attempt found no connection: new messages wait too. */
  private waiting = false;
  /** Resolves once the history and outbox are open (or known to be unavailable). */
  readonly ready: Promise<void>;
  /**
   * Messages written while no session could be created (the chat's first opening without a
   * connection), kept with the history: sent in order, before any newer one, once a session exists.
   */
  private readonly early = new EarlyMessages(() => this.ensureSession().catch(() => undefined));
  private creating?: Promise<void>;

  constructor(
    private readonly host: GuChat,
    readonly api: ChatApi,
    private readonly hooks: { delivered(message: ChatMessage): void; event(event: ChatEvent, previous: GuChat['view']): void },
  ) {
    this.ready = this.open();
  }

  get owner(): string {
    return `chat:${this.session?.id ?? ''}`;
  }

  private get key(): string {
    return this.host.historyKey || location.pathname;
  }

  private async open(): Promise<void> {
    const { host } = this;
    if (!host.noStorage) {
      try {
        this.history = await ChatHistoryStore.open(host.retentionDays * 86_400_000);
        const kept = await this.history.read(this.key);
        this.early.list = kept?.early ?? [];
        if (this.early.list.length) host.update$({ pending: this.early.list.map(earlyPending) });
        if (kept?.session) {
          this.session = kept.session;
          host.update$({ messages: kept.messages, chatState: kept.session.state, rated: Boolean(kept.rated), unhelpful: kept.unhelpful ?? 0 });
        }
      } catch {
        this.history = undefined; // private mode or storage refused: the chat works, only forgets
      }
    }
    try {
      this.lease = await (host.backend.outboxSource ?? acquireOutbox)({ adapter: this.api as SupportAdapter, target: host.backend.target, retentionMs: host.retentionDays * 86_400_000 });
      this.outbox = this.lease.outbox;
    } catch {
      this.outbox = undefined; // sent directly then
    }
    if (this.session) {
      await this.restorePending();
      this.subscribe();
    }
    if (this.early.list.length) void this.ensureSession().catch(() => undefined);
  }

  /** Messages written before a reload that the outbox still holds: shown as not yet sent. */
  private async restorePending(): Promise<void> {
    if (!this.outbox || !this.session) return;
    this.listenOutbox();
    const records = await this.outbox.list(this.owner);
    const pending: PendingMessage[] = records
      .filter((r) => r.kind === 'chat-message')
      .map((r) => ({ id: r.id, clientId: (r.payload as ChatMessagePayload).clientId, text: (r.payload as ChatMessagePayload).text, at: new Date(r.createdAt).toISOString(), status: r.state === 'queued' ? 'queued' : 'failed', files: r.files.map((f) => f.name) }));
    for (const receipt of await this.outbox.receipts(this.owner)) {
      if (receipt.kind === 'chat-message') this.merge([receipt.result]);
      void this.outbox.acknowledge(receipt.id);
    }
    if (pending.length) this.host.update$({ pending: [...this.host.view.pending.filter((p) => !pending.some((q) => q.id === p.id)), ...pending] });
    void this.outbox.drain();
  }

  private listenOutbox(): void {
    this.stopOutbox?.();
    this.stopOutbox = this.outbox?.on((event) => this.onOutbox(event), { owner: this.owner, kinds: ['chat-message'] });
  }

  /** Starts a session unless there is one (one request however many ask at once); then sends the early messages. */
  async ensureSession(): Promise<ChatSession> {
    await this.ready;
    try {
      if (!this.session || this.session.state === 'closed') await (this.creating ??= this.create().finally(() => (this.creating = undefined)));
    } catch (error) {
      this.early.failed();
      throw error;
    }
    const session = this.session!;
    await this.early.flush(() => this.sentIds(), (m) => this.deliver(session, m), () => this.write());
    return session;
  }

  private async create(): Promise<void> {
    const session = await this.api.createChatSession({ lang: this.host.locale });
    this.session = session;
    this.host.update$({ error: '', joined: '', messages: [], pending: this.early.list.map(earlyPending), chatState: session.state, rated: false, unhelpful: 0, readSeq: 0, offHours: false, callback: '', ...(session.hours ? { hoursText: session.hours.text } : {}) });
    this.listenOutbox();
    this.subscribe();
    this.save();
  }

  /** Messages the server or the outbox already has (an early message sent before a reload is not sent again). */
  private async sentIds(): Promise<Set<string>> {
    const known = new Set(this.host.view.messages.flatMap((m) => (m.clientId ? [m.clientId] : [])));
    for (const r of (await this.outbox?.list(this.owner)) ?? []) if (r.kind === 'chat-message') known.add((r.payload as ChatMessagePayload).clientId);
    return known;
  }

  private subscribe(): void {
    const { session } = this;
    if (!session) return;
    this.unsubscribe?.();
    this.unsubscribe = this.api.subscribeChat(
      session,
      {
        event: (event) => this.onEvent(event),
        state: (connection) => this.host.update$({ connection }),
        error: (error) => {
          // The server no longer knows the session (expired, deleted): start a new one.
          if (error.kind === 'not-found' && this.session?.id === session.id) void this.renew();
          else this.host.update$({ error: this.host.t('chat.error.closedStream') });
        },
      },
      Math.floor(lastSeq(this.host.view.messages)),
    );
  }

  private async renew(): Promise<void> {
    await this.forget();
    this.host.update$({ messages: [], pending: [], chatState: 'none' });
    await this.ensureSession().catch(() => this.host.update$({ error: this.host.t('chat.error.start') }));
  }

  /** Adds messages (server's, or the client bot's at half steps) and keeps them. */
  merge(incoming: ChatMessage[]): void {
    const messages = mergeBySeq(this.host.view.messages, incoming);
    if (messages !== this.host.view.messages) {
      this.host.update$({ messages });
      this.save();
    }
  }

  private onEvent(event: ChatEvent): void {
    const previous = this.host.view;
    if (event.type === 'message') {
      const { message } = event;
      // The citizen's own message may arrive before its delivery is confirmed: its clientId (or, from
      // a server that does not echo it, the oldest pending with that text) tells which it is.
      const mine = (p: PendingMessage) => (message.clientId ? p.clientId === message.clientId : p.text === message.text);
      const pending = message.author === 'citizen' ? previous.pending.filter((_p, i, all) => i !== all.findIndex(mine)) : previous.pending;
      const readSeq = message.author === 'operator' ? Math.max(previous.readSeq, message.seq - 1) : previous.readSeq;
      this.host.update$({ pending, readSeq, ...(message.author !== 'citizen' ? { typing: '' } : {}) });
      this.merge([message]);
    } else if (event.type === 'state') {
      if (this.session) this.session = { ...this.session, state: event.state };
      this.host.update$({ chatState: event.state, queuePosition: event.queue?.position ?? event.queuePosition, waitSeconds: event.queue?.waitSeconds, ...(event.state === 'closed' ? { typing: '' } : {}) });
      this.save();
    } else if (event.type === 'queue') {
      this.host.update$({ queuePosition: event.queue.position, waitSeconds: event.queue.waitSeconds });
    } else if (event.type === 'hours') {
      // The server's own words for when operators work; a closing while queued says so at once.
      this.host.update$({ hoursText: event.hours.text, offHours: !event.hours.open && (previous.offHours || previous.chatState === 'queued') });
    } else if (event.type === 'typing') {
      if (event.author === 'citizen') return;
      clearTimeout(this.typingTimer);
      this.host.update$({ typing: event.active === false ? '' : event.author });
      if (event.active !== false) this.typingTimer = setTimeout(() => this.host.update$({ typing: '' }), TYPING_SHOWN_MS);
    } else if (event.type === 'read') {
      this.host.update$({ readSeq: Math.max(previous.readSeq, event.seq) });
    }
    this.hooks.event(event, previous);
  }

  private onOutbox(event: OutboxEvent): void {
    if (!('record' in event)) return;
    const { id } = event.record;
    const setStatus = (status: PendingMessage['status']) => this.host.update$({ pending: this.host.view.pending.map((p) => (p.id === id ? { ...p, status } : p)) });
    if (event.type === 'delivered' && event.receipt.kind === 'chat-message') {
      this.delivered(id, event.receipt.result);
      void this.outbox?.acknowledge(event.receipt.id);
    } else if (event.type === 'retrying') {
      // Per-owner order: the later ones wait behind this one, so they wait for the connection too.
      this.waiting = true;
      this.host.update$({ pending: this.host.view.pending.map((p) => (p.status === 'sending' ? { ...p, status: 'queued' } : p)) });
    }
    else if (event.type === 'rejected' || event.type === 'failed' || event.type === 'expired') setStatus('failed');
  }

  private delivered(id: string, message: ChatMessage): void {
    this.waiting = false;
    this.host.update$({ pending: this.host.view.pending.filter((p) => p.id !== id) });
    this.merge([message]);
    this.hooks.delivered(message);
  }

  /**
   * Stores a message in the outbox and starts delivering it (or sends it directly without storage).
   * Without a connection for creating the session, it is kept as an early message and sent later.
   */
  async post(text: string, files: StoredFile[]): Promise<void> {
    const message: EarlyMessage = { clientId: crypto.randomUUID(), text, at: new Date().toISOString(), files };
    let session: ChatSession;
    try {
      session = await this.ensureSession();
    } catch (error) {
      if (!(error instanceof AdapterError && error.retryable)) throw error;
      this.early.add(message);
      this.host.update$({ pending: [...this.host.view.pending, earlyPending(message)], error: '' });
      await this.write();
      return;
    }
    await this.deliver(session, message);
  }

  private async deliver(session: ChatSession, { clientId, text, at, files }: EarlyMessage): Promise<void> {
    const ref = { id: session.id, token: session.token };
    const names = files.map((f) => f.name);
    const others = () => this.host.view.pending.filter((p) => p.clientId !== clientId);
    if (!this.outbox) {
      this.host.update$({ pending: [...others(), { id: clientId, clientId, text, at, status: 'sending', files: names }] });
      try {
        this.delivered(clientId, await this.api.sendChatMessage(ref, text, { idempotencyKey: clientId, clientId, ...(files.length ? { files } : {}) }));
      } catch {
        this.host.update$({ pending: this.host.view.pending.map((p) => (p.id === clientId ? { ...p, status: 'failed' } : p)) });
      }
      return;
    }
    const record = await this.outbox.enqueue('chat-message', this.owner, { session: ref, text, clientId }, files, text.slice(0, 80));
    if (!this.host.view.pending.some((p) => p.id === record.id)) {
      this.host.update$({ pending: [...others(), { id: record.id, clientId, text, at, status: navigator.onLine && !this.waiting ? 'sending' : 'queued', files: names }] });
    }
    void this.outbox.drain();
  }

  async retry(id: string): Promise<void> {
    this.host.update$({ pending: this.host.view.pending.map((p) => (p.id === id ? { ...p, status: 'sending' } : p)) });
    await this.outbox?.retry(id);
  }

  /** Keeps the conversation in IndexedDB (debounced: a burst of messages is one write). */
  save(): void {
    if (!this.history || (!this.session && !this.early.list.length)) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.write(), 200);
  }

  private async write(): Promise<void> {
    this.saveTimer = undefined;
    const { messages, rated, unhelpful, chatState } = this.host.view;
    const { session, early: { list: early } } = this;
    if (session || early.length) await this.history?.write({ key: this.key, ...(session ? { session: { ...session, state: chatState === 'none' ? session.state : chatState } } : {}), messages, rated, unhelpful, early }).catch(() => undefined);
  }

  /** «Очистить историю» / a new chat: forgets this conversation here (its unsent messages are still delivered). */
  async forget(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.unsubscribe?.();
    this.stopOutbox?.();
    this.session = undefined;
    await this.history?.delete(this.key).catch(() => undefined);
  }

  stop(): void {
    this.early.stop();
    this.unsubscribe?.();
    this.stopOutbox?.();
    clearTimeout(this.typingTimer);
    this.lease?.release();
    // A change not yet written is written now (the element left the page: a reload, a route change).
    const history = this.history;
    const last = this.saveTimer ? (clearTimeout(this.saveTimer), this.write()) : Promise.resolve();
    void last.finally(() => history?.close());
  }
}
