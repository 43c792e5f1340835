import type { nothing, TemplateResult } from 'lit';
import type { Article, ChatApi, ChatArticleCard, ChatEvent, ChatMessage, ChatSession } from '../../core/adapter/types.js';
import { articleCards, faqBot, type ChatBot } from '../../core/chat/client-bot.js';
import { operatorsOnline } from '../../core/chat/hours.js';
import { createFaqIndex } from '../../core/search/index.js';
import { findSensitive, foundLabels, removeFragments } from '../../core/validate/text.js';
import { visibleLength } from '../../core/validate/graphemes.js';
import { ChatFiles } from './attachments.js';
import { chatTranscript, handOver, submitCallback, submitRating } from './forms.js';
import { saveTextFile } from '../internal/save-text.js';
import { Conversation } from './conversation.js';
import { renderMenu } from './menu.js';
import type { GuChat } from './gu-chat.js';

const TYPING_EVERY_MS = 2000;

/**
 * What <gu-chat> does after its first paint: the conversation (session, stream, outbox, history),
 * the bot strategy (the backend's, or the FAQ in the browser), the operator queue, call back,
 * hand-off to the form, end and rating, transcript, the PII guard and attachments.
 */
export class ChatBehaviour {
  private conversation?: Conversation;
  private bot?: ChatBot;
  private faq: Article[] = [];
  private faqLoading = false;
  private lastTyping = 0;
  /** The last `seq` told to the backend as read, and of which session. */
  private readSent = { id: '', seq: 0 };
  /** Messages already announced by `gu-message`. */
  private readonly notified = new Set<string>();
  /** Files picked for the next message. */
  readonly files: ChatFiles;
  private endedBy: 'citizen' | 'support' = 'support';
  /** One call-back request however often «Жду звонка» is pressed. */
  private readonly callbackKey = crypto.randomUUID();

  constructor(private readonly host: GuChat) {
    this.files = new ChatFiles(host);
  }

  get sessionId(): string | undefined {
    return this.conversation?.session?.id;
  }

  /** @internal The current session (tests read it to play the operator). */
  get session(): ChatSession | undefined {
    return this.conversation?.session;
  }

  /** (Re)connects to the adapter's chat; restores the kept conversation. */
  connect(api: ChatApi | undefined): void {
    if (!api || api === this.conversation?.api) return;
    this.conversation?.stop();
    this.conversation = new Conversation(this.host, api, { delivered: (m) => this.delivered(m), event: (e, previous) => this.onEvent(e, previous) });
    if (this.host.opened || this.host.mode === 'inline') void this.start();
  }

  /** The panel is visible: make sure a session exists (the bot's greeting) and the FAQ is there. */
  async start(): Promise<void> {
    const { conversation } = this;
    if (!conversation) return void this.host.update$({ error: this.host.t('chat.error.noAdapter') });
    void this.loadFaq();
    try {
      await conversation.ensureSession();
      this.host.update$({ error: '' });
    } catch {
      this.host.update$({ error: this.host.t('chat.error.start') });
    }
  }

  shown(): void {
    if (this.host.view.unread) this.host.update$({ unread: 0 });
    this.markRead();
  }

  /** Tells the backend what the citizen has seen: the newest message, while the chat is on screen. */
  private markRead(): void {
    const { host, conversation } = this;
    const session = conversation?.session;
    const last = host.view.messages[host.view.messages.length - 1];
    const seq = last ? Math.floor(last.seq) : 0;
    const told = this.readSent.id === session?.id ? this.readSent.seq : 0;
    if (!session || !conversation.api.markChatRead || seq <= told || !host.opened || document.visibilityState === 'hidden') return;
    this.readSent = { id: session.id, seq };
    void conversation.api.markChatRead(session, seq).catch(() => (this.readSent = { id: '', seq: 0 }));
  }

  private async loadFaq(): Promise<void> {
    const faq = this.host.backend.slice('faq');
    if (this.faq.length || this.faqLoading || !faq) return;
    this.faqLoading = true;
    try {
      this.faq = await faq.listArticles({ lang: this.host.locale });
      if (this.conversation?.api.chatBot === 'client') this.bot = faqBot(createFaqIndex(this.faq));
      this.host.requestUpdate();
    } catch {
      // No cards then: the bot's text still names the articles.
    }
    this.faqLoading = false;
  }

  articles(ids: readonly string[]): ChatArticleCard[] {
    return articleCards(this.faq, ids);
  }

  /** The citizen's message: checked, stored in the outbox, delivered in order. */
  async send(raw: string): Promise<void> {
    const { host } = this;
    const text = raw.trim();
    const files = this.files.picked;
    if (!text && !files.length) return this.invalid(host.t('chat.empty'));
    if (visibleLength(text) > host.maxLength) return this.invalid(host.t('chat.tooLong', { max: host.maxLength }));
    if (this.piiFound(text)) return this.invalid(host.t('chat.pii', { found: this.piiFound(text) }));
    host.inputError = '';
    host.update$({ draft: '' });
    this.typing(); // stopped
    this.files.clear();
    try {
      await this.conversation?.post(text, files);
    } catch {
      host.update$({ draft: raw, error: host.t('chat.error.start') });
    }
  }

  private invalid(message: string): void {
    this.host.inputError = message;
    this.host.requestUpdate();
    this.host.renderRoot.querySelector<HTMLTextAreaElement>('#input')?.focus();
  }

  retry(id: string): void {
    void this.conversation?.retry(id);
  }

  /** The client-side bot answers a delivered question while the chat is with the bot. */
  private delivered(message: ChatMessage): void {
    const { host } = this;
    this.notify(message);
    if (message.author !== 'citizen' || host.view.chatState !== 'bot' || this.conversation?.api.chatBot !== 'client') return;
    const answer = this.bot?.answer(message.text) ?? { articleIds: [] };
    const found = answer.articleIds.length > 0;
    this.conversation.merge([{ id: `local:${message.id}`, seq: message.seq + 0.5, author: 'bot', at: new Date().toISOString(), text: host.t(found ? 'chat.botArticles' : 'chat.botNothing'), ...(found ? { articleIds: answer.articleIds, articles: articleCards(this.faq, answer.articleIds) } : {}) }]);
    if (!found) host.update$({ unhelpful: host.view.unhelpful + 1 });
    this.notify(host.view.messages[host.view.messages.length - 1]!);
  }

  private onEvent(event: ChatEvent, previous: GuChat['view']): void {
    const { host } = this;
    const session = this.sessionId ?? '';
    if (event.type === 'message') {
      if (event.message.author === 'bot' && !event.message.articleIds?.length && previous.messages.some((m) => m.author === 'citizen')) host.update$({ unhelpful: host.view.unhelpful + 1 });
      this.notify(event.message);
    } else if (event.type === 'state' && event.state !== previous.chatState) {
      if (event.state === 'operator') {
        const name = event.operatorName?.trim();
        host.update$({ joined: name ? host.t('chat.operatorJoinedNamed', { name }) : host.t('chat.operatorJoined') });
        host.emit('gu-operator-joined', { session, ...(name ? { operatorName: name } : {}) });
      }
      if (event.state === 'closed' && previous.chatState !== 'none') {
        host.emit('gu-chat-ended', { session, by: this.endedBy, transcript: this.transcript() });
      }
    }
  }

  /** `gu-message` once per message (a stream replay, a poll or a delivery receipt may bring it again), and the unread count. */
  private notify(message: ChatMessage): void {
    const { host } = this;
    if (this.notified.has(message.id)) return;
    this.notified.add(message.id);
    if (message.author !== 'citizen' && !host.opened) host.update$({ unread: host.view.unread + 1 });
    if (message.author !== 'citizen') this.markRead();
    host.emit('gu-message', { session: this.sessionId ?? '', message });
  }

  /** «Это помогло» / «Не помогло» about the bot's last answer (the backend's bot hears it too). */
  helped(yes: boolean): void {
    const { host, conversation } = this;
    const last = host.view.messages[host.view.messages.length - 1];
    if (conversation?.session && last && Number.isInteger(last.seq)) void conversation.api.sendChatFeedback?.(conversation.session, last.seq, yes).catch(() => undefined);
    if (!yes) return host.update$({ unhelpful: host.view.unhelpful + 1 });
    this.conversation?.merge([{ id: `local:thanks:${last?.seq ?? 0}`, seq: (last?.seq ?? 0) + 0.75, author: 'bot', at: new Date().toISOString(), text: host.t('chat.thanks') }]);
  }

  /** «Связаться с живым оператором»: the queue, or the hours when operators do not work now. */
  async askOperator(): Promise<void> {
    const { host, conversation } = this;
    if (!conversation) return;
    try {
      const session = await conversation.ensureSession();
      // The page's `hours` when given; else the backend decides (it knows its holidays) and says so.
      if (host.hours && !operatorsOnline(new Date(), host.workingHours)) return host.update$({ offHours: true });
      const queued = await conversation.api.requestOperator(session, { lang: host.locale });
      conversation.session = { ...session, state: queued.state };
      const offHours = queued.state === 'bot' && queued.hours?.open === false;
      host.update$({ chatState: queued.state, queuePosition: queued.queue?.position ?? queued.queuePosition, waitSeconds: queued.queue?.waitSeconds, error: '', offHours, ...(queued.hours ? { hoursText: queued.hours.text } : {}) });
      conversation.save();
    } catch {
      host.update$({ error: host.t('chat.error.start') });
    }
  }

  /** The call-back form: in the queue, or (the backend's offer) outside the hours. */
  openCallback(): void {
    this.host.update$({ callback: 'asking', ...(this.host.view.chatState === 'queued' ? {} : { offHours: true }) });
  }

  async requestCallback(event: Event): Promise<void> {
    await submitCallback(this.host, this.conversation, event, this.callbackKey);
  }

  /** «Оставить обращение»: the form opens with the conversation and its files in it, nothing retyped. */
  toForm(): Promise<void> {
    return handOver(this.host, this.conversation, this.transcript());
  }

  /** «Завершить чат». */
  async end(): Promise<void> {
    const { conversation } = this;
    if (!conversation?.session) return;
    this.endedBy = 'citizen';
    try {
      if (conversation.api.endChat) await conversation.api.endChat(conversation.session);
      else {
        // A backend that cannot end a chat: it ends here (the rating still goes to the server).
        this.onEvent({ type: 'state', state: 'closed' }, this.host.view);
        this.host.update$({ chatState: 'closed' });
      }
    } catch {
      this.endedBy = 'support';
      this.host.update$({ error: this.host.t('chat.error.start') });
    }
  }

  /** The rating: through the outbox (kind `chat-rating`), so it arrives after the last messages. */
  async rate(event: Event): Promise<void> {
    await submitRating(this.host, this.conversation, event);
  }

  transcript(): string {
    return chatTranscript(this.host);
  }

  saveTranscript(): void {
    saveTextFile(this.transcript(), `${this.host.t('chat.transcriptFile')}.txt`);
  }

  /** «Очистить историю» and «Начать новый чат»: forget this conversation here. */
  async startOver(): Promise<void> {
    await this.conversation?.forget();
    this.endedBy = 'support';
    this.host.update$({ messages: [], pending: [], chatState: 'none', unhelpful: 0, rated: false, offHours: false, callback: '', readSeq: 0 });
    await this.start();
  }

  async clearHistory(): Promise<void> {
    await this.conversation?.forget();
    this.host.update$({ messages: [], pending: [], chatState: 'none', unhelpful: 0, rated: false, offHours: false, callback: '', readSeq: 0 });
  }

  /**
   * The citizen is typing (at most every 2 s) or stopped (the box emptied, the message sent): only
   * a person hears it, in the queue or with an operator.
   */
  typing(): void {
    const { conversation, host } = this;
    const session = conversation?.session;
    if (!session || !['queued', 'operator'].includes(host.view.chatState)) return;
    const active = host.view.draft.trim() !== '';
    if (active && Date.now() - this.lastTyping < TYPING_EVERY_MS) return;
    if (!active && !this.lastTyping) return;
    this.lastTyping = active ? Date.now() : 0;
    void conversation.api.sendChatTyping?.(session, active).catch(() => undefined);
  }

  /** Secrets in the text, by kind («номер банковской карты»), or ''. */
  piiFound(text: string): string {
    return foundLabels(findSensitive(text, this.host.locale));
  }

  removePii(): void {
    const { draft } = this.host.view;
    this.host.inputError = '';
    this.host.update$({ draft: removeFragments(draft, findSensitive(draft, this.host.locale)) });
    this.host.renderRoot.querySelector<HTMLTextAreaElement>('#input')?.focus();
  }

  renderMenu(): TemplateResult | typeof nothing {
    return renderMenu(this.host, this);
  }

  stop(): void {
    this.conversation?.stop();
    this.conversation = undefined;
  }
}
