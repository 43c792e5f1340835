import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ChatApi, ChatArticleCard } from '../../core/adapter/types.js';
import type { AttachPolicy } from '../../core/attach/limits.js';
import { DEFAULT_HOURS, parseHours, type WorkingHours } from '../../core/chat/hours.js';
import { chatStrings } from '../../core/i18n/catalogues/chat.js';
import { lazy } from '../../core/lazy.js';
import { define } from '../../define.js';
import { buttons } from '../../theme/tokens.js';
import { GuKitElement } from '../internal/base/gu-kit-element.js';
import type { ChatBehaviour } from './behaviour.js';
import { initialView, type ChatView } from './chat-model.js';
import { renderComposer } from './composer.js';
import { chatStyles } from './gu-chat.styles.js';
import { renderLog } from './message-list.js';
import { renderEnded, renderQueue, renderQuickReplies } from './panels.js';

/**
 * The support chat: the bot answers first with help articles, a person («живой оператор») when
 * needed, with the queue position and wait live, a call back or a request instead of a long wait,
 * and the operators' hours. Every message goes through the outbox (in order, exactly once, also
 * when written offline); the conversation is kept in this browser and restored on the next visit.
 *
 * Works standalone (`endpoint` or `adapter` with `ChatApi`) or inside `<gu-support-provider>`.
 *
 * @summary Chat with a bot and an operator.
 * @fires gu-chat-open - The panel opened. `detail: { session }`.
 * @fires gu-chat-close - The panel closed (the conversation goes on). `detail: { session }`.
 * @fires gu-message - A new message from the other side, or the citizen's own once delivered. `detail: { session, message }`.
 * @fires gu-operator-joined - An operator took the chat. `detail: { session, operatorName? }`.
 * @fires gu-chat-ended - The chat ended. `detail: { session, by, transcript }`.
 * @csspart launcher - The round button that opens the chat.
 * @csspart badge - The unread count on the launcher.
 * @csspart panel - The chat window.
 * @csspart header - The window's title bar.
 * @csspart log - The conversation.
 * @csspart message - One message.
 * @csspart articles - Help articles under a bot answer.
 * @csspart article - One help article card.
 * @csspart quick-replies - The buttons under the bot's answer.
 * @csspart quick-reply - One of them.
 * @csspart operator-button - «Связаться с живым оператором».
 * @csspart queue - Queue position and wait.
 * @csspart notice - Operators' hours and connection notices.
 * @csspart callback - The call-back form.
 * @csspart callback-button - «Заказать обратный звонок».
 * @csspart handoff - «Оставить обращение».
 * @csspart retry - «Повторить» on a message that was not sent.
 * @csspart composer - The message form.
 * @csspart input - The message box.
 * @csspart send - The send button.
 * @csspart attach - The attach button.
 * @csspart files - The files picked for the next message.
 * @csspart pii-warning - The warning about secret data in the message.
 * @csspart ended - The end of the chat: rating and transcript.
 * @csspart rating - The rating form.
 * @csspart new-chat - «Начать новый чат».
 * @cssprop --gu-chat-offset-x - Distance of the launcher and window from the side of the screen (default 24px).
 * @cssprop --gu-chat-offset-y - Distance from the top or bottom of the screen (default 24px): move it above the portal's own controls.
 * @cssprop --gu-chat-width - Width of the window on a desktop (default 24rem).
 * @cssprop --gu-chat-height - Height of the window on a desktop (default 36rem).
 * @cssprop --gu-chat-z-index - Stacking of the launcher and window (default 1000).
 * @cssprop --gu-color-primary - Buttons, the citizen's messages.
 */
export class GuChat extends GuKitElement {
  static override styles = [...GuKitElement.styles, buttons, chatStyles];
  static override strings = [...GuKitElement.strings, chatStrings];

  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    corner: { reflect: true },
    opened: { type: Boolean, reflect: true, attribute: 'open' },
    maxLength: { type: Number, attribute: 'max-length' },
    historyKey: { attribute: 'history-key' },
    retentionDays: { type: Number, attribute: 'retention-days' },
    noStorage: { type: Boolean, attribute: 'no-storage' },
    hours: {},
    longWait: { type: Number, attribute: 'long-wait' },
    articleBase: { attribute: 'article-base' },
    attachments: {},
    consentVersion: { attribute: 'consent-version' },
    attachPolicy: { attribute: false },
  };

  /** `launcher` (default): a button in a corner opens a window; `inline`: the chat sits in the page. */
  mode: 'launcher' | 'inline' = 'launcher';
  /** Where the launcher sits: `bottom-right` (default), `bottom-left`, `top-right`, `top-left`. */
  corner: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' = 'bottom-right';
  /** Whether the window is open (`open` attribute); use `open()` and `close()` to move focus too. */
  opened = false;
  /** The longest message, in characters as the reader sees them (2000, as the reference server). */
  maxLength = 2000;
  /** Which chat this is, for the history kept in the browser; by default the page path. */
  historyKey = '';
  /** Days the conversation stays in this browser after its last message (7). */
  retentionDays = 7;
  /** Keep no history in this browser (messages still go through the outbox while unsent). */
  noStorage = false;
  /**
   * Operators' hours in Moscow time, e.g. the seeds' `1-5 08:00-20:00; 6 09:00-17:00` (ISO
   * weekdays): outside them the chat says when operators work and offers the form without asking
   * the backend. Without it the backend decides (the reference server knows its holidays).
   */
  hours = '';
  /** Seconds of estimated wait above which a call back or a request is offered (300). */
  longWait = 300;
  /** Where a help article opens: this prefix plus the article's id (`#faq/`). */
  articleBase = '#faq/';
  /** Attachments: `optional` (default) or `hidden`. */
  attachments: 'optional' | 'hidden' = 'optional';
  /** Attachment limits (types, sizes); by default DOMAIN.md's, 5 files a message as the reference server. */
  attachPolicy?: AttachPolicy;
  /** Version of the consent text for the call back (sent with the time it was given). */
  consentVersion = '2025-09-01';

  /** @internal What the chat shows. */
  view: ChatView = initialView();
  /** @internal How many of the newest messages the log shows (a long history grows by «Показать ранние сообщения»). */
  shownMessages = 300;
  /** @internal */ inputError = '';
  /** @internal */ phoneError = '';
  /** @internal The chat's work (session, transport, outbox, history, bot), loaded after the first paint. */
  behaviour?: ChatBehaviour;

  private readonly loadBehaviour = lazy(() =>
    import('./behaviour.js').then(({ ChatBehaviour }) => {
      this.behaviour ??= new ChatBehaviour(this);
      this.requestUpdate();
      return this.behaviour;
    }),
  );

  /** @internal The hours to show (the attribute's, else the seeds'; the backend's words win when it gives them). */
  get workingHours(): WorkingHours {
    return (this.hours && parseHours(this.hours)) || DEFAULT_HOURS;
  }

  /** @internal */ get chatApi(): ChatApi | undefined {
    return this.backend.slice('chat');
  }

  /** @internal Cards for the articles a bot answer names by id (known once the FAQ has loaded). */
  articles(ids: readonly string[]): ChatArticleCard[] {
    return this.behaviour?.articles(ids) ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadBehaviour().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.behaviour?.stop();
  }

  private langOfUpdate?: string;

  /** @internal The language, worked out once per update (a long conversation asks for it often). */
  override get locale(): string {
    return (this.langOfUpdate ??= super.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.langOfUpdate = undefined;
    if (this.isConnected) this.behaviour?.connect(this.chatApi);
    if (changed.has('mode') && this.mode === 'inline') this.opened = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('opened') && this.opened && this.mode !== 'inline') this.behaviour?.shown();
  }

  /** @internal Changes what the chat shows and re-renders. */
  update$(change: Partial<ChatView>): void {
    this.view = { ...this.view, ...change };
    this.requestUpdate();
  }

  /** Opens the window and puts the focus in the message box. */
  async open(): Promise<void> {
    if (this.opened && this.mode !== 'inline') return;
    this.opened = true;
    this.update$({ unread: 0 });
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) {
      if (matchMedia('(max-width: 30em)').matches) dialog.showModal();
      else dialog.show();
    }
    this.renderRoot.querySelector<HTMLTextAreaElement>('#input')?.focus();
    this.emit('gu-chat-open', this.sessionDetail());
    void (await this.loadBehaviour().catch(() => undefined))?.start();
  }

  /** Closes the window (the conversation goes on) and returns the focus to the launcher. */
  close(): void {
    if (!this.opened || this.mode === 'inline') return;
    this.opened = false;
    this.renderRoot.querySelector('dialog')?.close();
    this.renderRoot.querySelector<HTMLButtonElement>('.launcher')?.focus();
    this.emit('gu-chat-close', this.sessionDetail());
  }

  /**
   * Sends a message as if the citizen typed it: stored first (outbox), delivered in order, once.
   * Resolves when it is stored; `gu-message` tells when the server has it.
   */
  async send(text: string): Promise<void> {
    await (await this.loadBehaviour()).send(text);
  }

  private sessionDetail(): { session?: string } {
    const id = this.behaviour?.sessionId;
    return id ? { session: id } : {};
  }

  /** @internal «Показать ранние сообщения»: 300 more, the reading position kept. */
  showEarlier(): void {
    const log = this.renderRoot.querySelector('.log');
    const fromBottom = log ? log.scrollHeight - log.scrollTop : 0;
    this.shownMessages += 300;
    this.requestUpdate();
    void this.updateComplete.then(() => log && (log.scrollTop = log.scrollHeight - fromBottom));
  }

  /** @internal The citizen typed in the message box. */
  typed(text: string): void {
    this.inputError = '';
    this.update$({ draft: text });
    this.behaviour?.typing();
  }

  /** @internal «Отправить» or Enter. */
  submit(event: Event): void {
    event.preventDefault();
    void this.send(this.view.draft);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.mode === 'inline') return;
    event.preventDefault();
    this.close();
  }

  /** Resolves when rendered and the chat's behaviour has arrived. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.isConnected) await this.loadBehaviour().catch(() => undefined);
    return (await super.getUpdateComplete()) && done;
  }

  private renderLauncher(): TemplateResult | typeof nothing {
    if (this.mode === 'inline') return nothing;
    const { unread } = this.view;
    return html`<button type="button" class="launcher" part="launcher" aria-expanded=${this.opened ? 'true' : 'false'} @click=${() => (this.opened ? this.close() : void this.open())}>
      <span>${this.t('chat.launcher')}</span>
      ${unread ? html`<span class="badge" part="badge"><span aria-hidden="true">${unread}</span><span class="visually-hidden">${this.t('chat.unread', { n: unread })}</span></span>` : nothing}
    </button>`;
  }

  private renderBody(): TemplateResult {
    const { error, connection, typing, chatState } = this.view;
    const status = connection === 'reconnecting' ? this.t('chat.reconnecting') : connection === 'connecting' ? this.t('chat.connecting') : '';
    return html`<header class="header" part="header">
        <h2 id="title">${this.t('chat.title')}</h2>
        ${this.behaviour?.renderMenu() ?? nothing}
        ${this.mode === 'inline' ? nothing : html`<button type="button" class="close" @click=${() => this.close()}><span aria-hidden="true">×</span><span class="visually-hidden">${this.t('chat.close')}</span></button>`}
      </header>
      ${renderLog(this)} ${renderQuickReplies(this)} ${renderQueue(this)}
      <p class="status" role="status">${typing ? this.t(typing === 'bot' ? 'chat.typing.bot' : 'chat.typing.operator') : ''}${status ? html`<span class="notice">${status}</span>` : nothing}</p>
      <p class="status" role="status">${this.view.joined ?? ''}</p>
      ${error ? html`<div class="error" role="alert" part="notice">${error}${chatState === 'none' ? html` <button type="button" class="link" part="retry" @click=${() => void this.behaviour?.start()}>${this.t('chat.retry')}</button>` : nothing}</div>` : nothing}
      ${renderEnded(this)} ${renderComposer(this)}`;
  }

  protected override render(): TemplateResult {
    if (this.mode === 'inline') return html`<section class="panel inline" part="panel" aria-labelledby="title">${this.renderBody()}</section>`;
    return html`${this.renderLauncher()}
      <dialog class="panel" part="panel" aria-labelledby="title" @keydown=${(e: KeyboardEvent) => this.onKeydown(e)} @cancel=${(e: Event) => (e.preventDefault(), this.close())}>
        ${this.opened ? this.renderBody() : nothing}
      </dialog>`;
  }
}

define('gu-chat', GuChat);

declare global {
  interface HTMLElementTagNameMap {
    'gu-chat': GuChat;
  }
}
