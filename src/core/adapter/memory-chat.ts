import { AdapterError } from './errors.js';
import { MemoryBase } from './memory-base.js';
import type { ChatEvent, ChatListener, ChatMessage, ChatSession, ChatSessionRef, ChatState } from './chat-types.js';
import type { Consent, RequestOptions, UploadFile } from './types.js';

/** The memory adapter's chat: sessions, messages, states, and the operator's side played by hand. */
export class MemoryChat extends MemoryBase {
  private readonly listeners = new Map<string, Set<(e: ChatEvent) => void>>();
  private readonly chats = new Map<string, ChatMessage[]>();
  private readonly states = new Map<string, ChatState>();

  /** No bot here: the element answers from the FAQ in the browser (the client-side bot). */
  readonly chatBot = 'client' as const;

  async createChatSession(options?: RequestOptions): Promise<ChatSession> {
    await this.step(options);
    const session: ChatSession = { id: `chat-${++this.counter}`, token: 'memory', state: 'bot' };
    this.chats.set(session.id, []);
    this.states.set(session.id, 'bot');
    this.post(session.id, 'bot', 'Здравствуйте! Чем помочь?');
    return session;
  }

  private emitChat(id: string, event: ChatEvent): void {
    for (const listener of this.listeners.get(id) ?? []) listener(event);
  }

  private post(id: string, author: ChatMessage['author'], text: string): ChatMessage {
    const list = this.chats.get(id) ?? [];
    const message: ChatMessage = { id: `${id}:${list.length + 1}`, seq: list.length + 1, author, text, at: new Date().toISOString() };
    list.push(message);
    this.chats.set(id, list);
    this.emitChat(id, { type: 'message', message });
    return message;
  }

  private setChatState(id: string, state: ChatState, queuePosition?: number): void {
    this.states.set(id, state);
    this.emitChat(id, { type: 'state', state, ...(queuePosition ? { queuePosition, queue: { position: queuePosition, waitSeconds: queuePosition * 180 } } : {}) });
  }

  /** Plays the operator's side (stories, tests): queue moves, joins, writes, types, reads, ends. */
  operator(sessionId: string) {
    return {
      queue: (position: number) => this.setChatState(sessionId, 'queued', position),
      say: (text: string) => {
        if (this.states.get(sessionId) !== 'operator') this.setChatState(sessionId, 'operator');
        return this.post(sessionId, 'operator', text);
      },
      typing: () => this.emitChat(sessionId, { type: 'typing', author: 'operator' }),
      read: () => this.emitChat(sessionId, { type: 'read', seq: this.chats.get(sessionId)?.length ?? 0 }),
      end: () => this.setChatState(sessionId, 'closed'),
    };
  }

  async sendChatMessage(session: ChatSessionRef, text: string, options: RequestOptions & { idempotencyKey: string; files?: UploadFile[] }): Promise<ChatMessage> {
    await this.step(options);
    const replay = this.replies.get(options.idempotencyKey);
    if (replay) return replay as ChatMessage;
    if (this.states.get(session.id) === 'closed') throw new AdapterError('rejected', 'closed', { status: 409 });
    const message = this.post(session.id, 'citizen', text);
    this.replies.set(options.idempotencyKey, message);
    return message;
  }

  subscribeChat(session: ChatSession, listener: ChatListener, afterSeq = 0): () => void {
    listener.state?.('open');
    for (const message of this.chats.get(session.id) ?? []) if (message.seq > afterSeq) listener.event({ type: 'message', message });
    listener.event({ type: 'state', state: this.states.get(session.id) ?? session.state });
    const onEvent = (event: ChatEvent) => listener.event(event);
    const set = this.listeners.get(session.id) ?? new Set();
    set.add(onEvent);
    this.listeners.set(session.id, set);
    return () => set.delete(onEvent);
  }

  async requestOperator(session: ChatSession, options?: RequestOptions): Promise<ChatSession> {
    await this.step(options);
    this.setChatState(session.id, 'queued', 1);
    return { ...session, state: 'queued', queuePosition: 1, queue: { position: 1, waitSeconds: 180 } };
  }

  async sendChatTyping(_session: ChatSessionRef, _active: boolean, options?: RequestOptions): Promise<void> {
    await this.step(options);
  }

  async endChat(session: ChatSessionRef, options?: RequestOptions): Promise<void> {
    await this.step(options);
    this.setChatState(session.id, 'closed');
  }

  async requestCallback(session: ChatSessionRef, _phone: string, _consent: Consent, options: RequestOptions & { idempotencyKey: string }): Promise<ChatSession> {
    await this.step(options);
    this.post(session.id, 'system', 'Оператор перезвонит вам в рабочее время.');
    this.setChatState(session.id, 'closed');
    return { ...session, state: 'closed', endedBy: 'callback' };
  }

  async rateChat(_session: ChatSessionRef, _score: number, _comment?: string, options?: RequestOptions): Promise<void> {
    await this.step(options);
  }
}
