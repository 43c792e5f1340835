import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { AdapterError, isAdapterError, type FieldError } from '../../core/adapter/errors.js';
import type { NewTicket, TechContext, TicketReceipt, Topic, UploadFile } from '../../core/adapter/types.js';
import { collectTechContext } from '../../core/tech-context.js';
import { defaultTopics } from '../../core/topics.js';
import { validateEmail } from '../../core/validate/email.js';
import { validateInn } from '../../core/validate/inn.js';
import { validatePhone } from '../../core/validate/phone.js';
import { validateSnils } from '../../core/validate/snils.js';
import { findSensitive, isUrgent, removeFragments, validateText, type SensitiveFragment } from '../../core/validate/text.js';
import { DEFAULT_RULES, TICKET_NUMBER, type FieldMode } from '../../core/validate/ticket.js';
import { fail, ok } from '../../core/result.js';
import { buttons } from '../../theme/tokens.js';
import { renderErrorSummary, errorSummaryStyles, type SummaryItem } from '../internal/error-summary.js';
import type { GuFormControl } from '../internal/form-control.js';
import { GuElement, define } from '../internal/gu-element.js';
import '../internal/gu-text-field.js';
import '../internal/gu-select-field.js';
import '../internal/gu-checkbox-field.js';
import '../internal/gu-file-drop.js';
import type { GuFileDrop } from '../internal/gu-file-drop.js';
import { DEFAULT_POLICY, formatBytes, type AttachPolicy } from '../../core/attach/policy.js';
import type { StoredFile } from '../../core/outbox/db.js';
import { FIELD_ORDER, buildTicket, contentKey, valuesFromTicket, type FormValues } from './form-model.js';
import type { OutboxEvent, OutboxRecord, Receipt } from '../../core/outbox/index.js';
import { isQuotaError } from '../../core/outbox/quota.js';
import { OutboxController, loadOutbox } from './outbox-controller.js';
import { renderQueued } from './queued-panel.js';
import { downloadRequest } from './download.js';
import { formStyles } from './gu-support-form.styles.js';
import { renderPiiWarning } from './pii-warning.js';
import { renderSuccess } from './success-panel.js';

export interface SubmitDetail {
  ticket: NewTicket;
  files: UploadFile[];
}
export interface SubmittedDetail {
  receipt: TicketReceipt;
  ticket: NewTicket;
}
export interface QueuedDetail {
  id: string;
  ticket: NewTicket;
  createdAt: number;
}
export interface DeliveredDetail {
  id: string;
  receipt: TicketReceipt;
}
export interface ErrorDetail {
  kind: AdapterError['kind'] | 'no-adapter';
  message: string;
  fieldErrors: FieldError[];
}

type Phase = 'editing' | 'sending' | 'sent';

/**
 * The support request form: topic, title, description with a counter, contacts with
 * e-mail, phone, SNILS and INN checked in the browser (and again by the server), a guard
 * against passwords and card numbers in the text, the technical context shown before sending,
 * and a separate consent to personal data processing (152-ФЗ).
 *
 * Works standalone (`endpoint` or `adapter`) or inside `<gu-support-provider>`.
 *
 * @summary Citizen's technical support request form.
 * @slot header - Replaces the default heading and introduction (the portal's own words).
 * @slot legal - A legal note shown above the send button.
 * @fires gu-submit - Cancelable; before sending. `detail: { ticket, files }`.
 * @fires gu-submitted - The server registered the request. `detail: { receipt, ticket }`.
 * @fires gu-error - Sending failed. `detail: { kind, message, fieldErrors }`.
 * @fires gu-queued - The request is stored in this browser and will be sent (now or when the connection is back). `detail: { id, ticket, createdAt }`.
 * @fires gu-delivered - A stored request reached the server (maybe after a reload). `detail: { id, receipt }`.
 * @fires gu-delivery-failed - The server refused a stored request; it is back in the form. `detail: { kind, message, fieldErrors }`.
 * @csspart queued - The list of requests waiting to be sent.
 * @csspart form - The form element.
 * @csspart submit - The send button.
 * @csspart success - The confirmation panel with the request number.
 * @cssprop --gu-color-primary - Buttons and links.
 * @cssprop --gu-color-error - Error messages and borders.
 * @cssprop --gu-font-size - Base font size.
 */
export class GuSupportForm extends GuElement {
  static override styles = [...GuElement.styles, buttons, errorSummaryStyles, formStyles];

  static override properties: PropertyDeclarations = {
    topics: { attribute: false },
    descriptionMax: { type: Number, attribute: 'description-max' },
    email: {},
    fullName: { attribute: 'full-name' },
    snils: {},
    inn: {},
    account: {},
    consentUrl: { attribute: 'consent-url' },
    policyUrl: { attribute: 'policy-url' },
    consentVersion: { attribute: 'consent-version' },
    appVersion: { attribute: 'app-version' },
    previousNumber: { attribute: 'previous-number' },
    userName: { attribute: 'user-name' },
    userPhone: { attribute: 'user-phone' },
    userEmail: { attribute: 'user-email' },
    draftKey: { attribute: 'draft-key' },
    retentionDays: { type: Number, attribute: 'retention-days' },
    noStorage: { type: Boolean, attribute: 'no-storage' },
    attachments: {},
    attachPolicy: { attribute: false },
    storageFault: { state: true },
    draftStatus: { state: true },
    values: { state: true },
    consent: { state: true },
    excludeContext: { state: true },
    context: { state: true },
    loadedTopics: { state: true },
    topicsLoading: { state: true },
    summary: { state: true },
    phase: { state: true },
    progress: { state: true },
    failure: { state: true },
    notice: { state: true },
    receipt: { state: true },
    status: { state: true },
    piiDismissed: { state: true },
  };

  /** Topics to choose from; by default loaded from the adapter, else the DOMAIN.md categories. */
  topics?: Topic[];
  /** Character limit of the description (shown with a counter). */
  descriptionMax = DEFAULT_RULES.descriptionMax;
  /** E-mail field: `hidden`, `optional` or `required`. */
  email: FieldMode = 'optional';
  /** Full name field: `hidden`, `optional` or `required`. */
  fullName: FieldMode = 'optional';
  /** SNILS field: `hidden`, `optional` or `required`. */
  snils: FieldMode = 'optional';
  /** INN field: `hidden`, `optional` or `required`. */
  inn: FieldMode = 'hidden';
  /** Personal account number field: `hidden`, `optional` or `required`. */
  account: FieldMode = 'hidden';
  /** Address of the consent text (a separate document since September 2025). */
  consentUrl = '';
  /** Address of the personal data processing policy. */
  policyUrl = '';
  /** Version of the consent text the user agrees to; sent with the time it was given. */
  consentVersion = '2025-09-01';
  /** Version of the host application, sent in the technical context. */
  appVersion = '';
  /** Number of an earlier request: starts a repeat request linked to it. */
  previousNumber = '';
  /** Prefill for signed-in users. */
  userName = '';
  userPhone = '';
  userEmail = '';
  /** Where this form's draft and queued requests are kept; by default the page path. */
  draftKey = '';
  /** Days a draft or an unsent request stays in the browser (Safari erases storage after 7 days anyway). */
  retentionDays = 7;
  /**
   * Keep nothing in this browser: no drafts, no offline queue (requests go straight to the server,
   * and a failed one can be downloaded). For portals whose privacy rules forbid local storage.
   */
  noStorage = false;
  /** Attachments field: `hidden` or `optional`. */
  attachments: 'hidden' | 'optional' = 'optional';
  /** Attachment limits (types, sizes, count); DOMAIN.md defaults. */
  attachPolicy: AttachPolicy = DEFAULT_POLICY;
  /** Saving for offline failed for this request: the user chooses another way. */
  private storageFault?: NewTicket;
  private draftStatus = '';

  private values: FormValues = {};
  private consent = false;
  private excludeContext = false;
  private context: TechContext = {};
  private loadedTopics?: Topic[];
  private topicsLoading = false;
  private summary: SummaryItem[] = [];
  private phase: Phase = 'editing';
  private progress = 0;
  private failure = '';
  private notice = '';
  private receipt?: TicketReceipt;
  private status = '';
  private piiDismissed = '';

  private get formElement(): HTMLFormElement | null {
    return this.shadowRoot?.querySelector<HTMLFormElement>('form') ?? null;
  }

  private get summaryElement(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('.error-summary') ?? null;
  }

  private get successHeading(): HTMLElement | null {
    return this.shadowRoot?.querySelector<HTMLElement>('.success h2') ?? null;
  }

  private get fileDrop(): GuFileDrop | null {
    return this.shadowRoot?.querySelector('gu-file-drop') ?? null;
  }

  /** The prepared attachments, as the adapter and the outbox take them. */
  private get files(): StoredFile[] {
    return (this.fileDrop?.prepared ?? []).map(({ name, type, data }) => ({ name, type, data }));
  }

  private get fieldElements(): GuFormControl[] {
    return [...(this.shadowRoot?.querySelectorAll<GuFormControl>('[data-field]') ?? [])];
  }

  /** The last request delivered from this form: sending it again is a duplicate. */
  private lastDelivered?: { key: string; receipt: TicketReceipt };
  /**
   * An attempt whose outcome is unknown (timeout, lost response): sending the same content again
   * resends this exact request under the same idempotency key, so the server returns the ticket
   * it may already have created instead of a second one.
   */
  private pendingAttempt?: { key: string; idempotencyKey: string; ticket: NewTicket };
  private consentGivenAt?: Date;
  private loadedFor?: unknown;
  private readonly onHandoff = (e: Event) => this.prefill((e as CustomEvent<FormValues>).detail ?? {});
  private readonly store = new OutboxController(
    this,
    () => this.owner,
    (event) => void this.onOutboxEvent(event),
    () => this.retentionDays * 86_400_000,
  );
  /** Receipts already shown, so a receipt seen twice (this tab and a broadcast) shows once. */
  private readonly shownReceipts = new Set<string>();
  /** Requests this form queued in this page, by outbox id, however their delivery is learnt. */
  private readonly sentHere = new Map<string, NewTicket>();
  private draftChecked = false;

  private get owner(): string {
    return this.draftKey || `${location.pathname}#${this.id || 'gu-support-form'}`;
  }

  /** Ctrl+V of a screenshot anywhere in the form attaches it. */
  private readonly onPaste = (e: ClipboardEvent) => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (!files.length || this.attachments === 'hidden') return;
    e.preventDefault();
    void this.fileDrop?.add(files);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('paste', this.onPaste);
    document.addEventListener('gu-handoff', this.onHandoff);
    this.context = collectTechContext(this.appVersion || this.config?.appVersion);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('paste', this.onPaste);
    document.removeEventListener('gu-handoff', this.onHandoff);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('userName') || changed.has('userPhone') || changed.has('userEmail') || changed.has('previousNumber')) {
      this.values = {
        ...this.values,
        ...(this.userName && !this.values['contact.fullName'] ? { 'contact.fullName': this.userName } : {}),
        ...(this.userPhone && !this.values['contact.phone'] ? { 'contact.phone': this.userPhone } : {}),
        ...(this.userEmail && !this.values['contact.email'] ? { 'contact.email': this.userEmail } : {}),
        ...(this.previousNumber && !this.values.previousNumber ? { previousNumber: this.previousNumber } : {}),
      };
    }
    const adapter = this.activeAdapter;
    // A removed form may still update once: it must not open storage (and drain) again.
    if (!this.noStorage && this.isConnected) this.store.connect(adapter, this.endpoint ?? this.config?.endpoint ?? 'adapter');
    if (adapter && !this.noStorage && this.isConnected && !this.draftChecked) {
      this.draftChecked = true;
      void this.store.ready.then(() => this.afterStorageOpened());
    }
    if (!this.topics && adapter && this.loadedFor !== adapter) {
      this.loadedFor = adapter;
      void this.loadTopics();
    }
  }

  private async loadTopics(): Promise<void> {
    const adapter = this.activeAdapter;
    if (!adapter) return;
    this.topicsLoading = true;
    try {
      this.loadedTopics = await adapter.listTopics();
    } catch {
      // The default categories work with any backend that accepts them; the form stays usable.
      this.loadedTopics = undefined;
    } finally {
      this.topicsLoading = false;
    }
  }

  private get topicList(): Topic[] {
    return this.topics ?? this.loadedTopics ?? defaultTopics(this.locale);
  }

  private get needsPrevious(): boolean {
    return Boolean(this.previousNumber || this.values.previousNumber || this.topicList.find((t) => t.id === this.values.topic)?.needsPreviousNumber);
  }

  /** Fills fields (a signed-in user's contacts, a FAQ article's hand-off); keeps what is not given. */
  prefill(data: FormValues): void {
    this.values = { ...this.values, ...Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string')) };
    this.phase = 'editing';
  }

  /**
   * Deletes everything the kit stored in this browser (drafts, queued requests with their files,
   * receipts), for every form on this site, and clears this form.
   */
  async clearLocalData(): Promise<void> {
    const { clearLocalData } = await loadOutbox();
    await clearLocalData();
    await this.store.refresh();
    this.reset();
  }

  /** Clears everything the user entered, its saved draft and any message. */
  reset(): void {
    void this.store.drafts?.delete(this.owner);
    this.draftStatus = '';
    this.storageFault = undefined;
    this.formElement?.reset();
    this.values = {};
    this.consent = false;
    this.consentGivenAt = undefined;
    this.excludeContext = false;
    this.summary = [];
    this.failure = '';
    this.notice = '';
    this.piiDismissed = '';
    this.phase = 'editing';
    this.receipt = undefined;
    this.pendingAttempt = undefined;
    this.requestUpdate('userName');
  }

  private set(field: keyof FormValues, value: string): void {
    if (this.values[field] === value) return;
    this.values = { ...this.values, [field]: value };
    this.notice = '';
    this.saveDraft();
  }

  /** Saves what the user typed (debounced); consent is never saved, it is given anew. */
  private saveDraft(): void {
    const drafts = this.store.drafts;
    if (!drafts) return;
    const values = Object.fromEntries(Object.entries(this.values).filter(([, v]) => v)) as Record<string, string>;
    drafts.saveSoon(this.owner, values, this.files).then(
      () => (this.draftStatus = this.t('draft.saved')),
      (error: unknown) => (this.draftStatus = isQuotaError(error) ? this.t('draft.notSaved') : ''),
    );
  }

  /** Clears the saved draft and the form. */
  private async clearDraft(): Promise<void> {
    await this.store.drafts?.delete(this.owner);
    this.draftStatus = '';
    this.startNew();
  }

  /** Restores the draft and shows requests delivered while the page was closed. */
  private async afterStorageOpened(): Promise<void> {
    const draft = await this.store.drafts?.load(this.owner).catch(() => undefined);
    if (draft === 'expired') this.notice = this.t('draft.expired', { days: this.t('common.days', { n: this.retentionDays }) });
    else if (draft && !this.values.title && !this.values.description) {
      this.values = { ...draft.values, ...Object.fromEntries(Object.entries(this.values).filter(([, v]) => v)) };
      if (draft.files.length) this.restoreFiles(draft.files);
      const time = new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(draft.savedAt);
      this.draftStatus = this.t('draft.restored', { time });
    } else if (this.values.title || this.values.description) {
      this.saveDraft(); // typed before storage was ready
    }
    this.showPendingReceipts();
  }

  private restoreFiles(files: readonly StoredFile[]): void {
    void this.updateComplete.then(() => this.fileDrop?.restore(files.map((f) => ({ ...f, originalSize: f.data.byteLength }))));
  }

  /** A receipt in storage is a request delivered while this page did not watch (closed, other tab). */
  private showPendingReceipts(): void {
    const receipt = this.store.receipts.filter((r) => !this.shownReceipts.has(r.id)).sort((a, b) => b.deliveredAt - a.deliveredAt)[0];
    if (receipt) void this.showDelivered(receipt);
  }

  private async showDelivered(receipt: Receipt, delivered?: NewTicket): Promise<void> {
    const result = receipt.result as TicketReceipt;
    // Whichever way the delivery is learnt first (event or stored receipt), a resend is recognised.
    const ticket = delivered ?? this.sentHere.get(receipt.id);
    if (ticket) this.lastDelivered = { key: contentKey(ticket), receipt: result };
    if (this.shownReceipts.has(receipt.id)) return;
    this.shownReceipts.add(receipt.id);
    void this.store.outbox?.acknowledge(receipt.id);
    this.emit('gu-delivered', { id: receipt.id, receipt: result });
    if (ticket) this.emit('gu-submitted', { receipt: result, ticket });
    const message = this.t('outbox.notification', { summary: receipt.summary, number: receipt.number });
    if (document.hidden && typeof Notification === 'function' && Notification.permission === 'granted') new Notification(message);
    // A request queued earlier arriving while the user writes another (or reads another number):
    // tell them in the page, do not take the screen away.
    const writing = this.phase === 'editing' && Boolean(this.values.title || this.values.description);
    if (writing || (this.phase === 'sent' && this.receipt)) {
      this.notice = this.status = message;
      return;
    }
    this.receipt = result;
    this.phase = 'sent';
    this.status = this.t('form.success.title', { number: receipt.number });
    await this.updateComplete;
    this.successHeading?.focus();
  }

  private async onOutboxEvent(event: OutboxEvent): Promise<void> {
    if (event.type === 'changed') {
      await this.store.refresh();
      this.showPendingReceipts();
    } else if (event.type === 'delivered' && event.receipt.owner === this.owner) {
      await this.showDelivered(event.receipt, event.record.payload as NewTicket);
    } else if (event.type === 'rejected' && event.record.owner === this.owner) {
      // Refused by the server: back into the form with the server's words, nothing lost.
      this.phase = 'editing';
      const taken = await this.store.outbox?.take(event.record.id);
      if (!taken) return;
      const { record } = taken;
      this.values = valuesFromTicket(record.payload as NewTicket);
      this.restoreFiles(taken.files);
      await this.updateComplete;
      const error = new AdapterError('rejected', record.lastError?.message ?? '', {
        problem: { type: 'urn:gu-support:problem:validation', title: record.lastError?.message ?? '', status: 422, errors: record.lastError?.fieldErrors ?? [] },
      });
      await this.showFailure(error, 'rejected', 'gu-delivery-failed');
    }
  }

  private readonly queuedActions = {
    cancel: async (record: OutboxRecord) => {
      const taken = await this.store.outbox?.take(record.id);
      if (!taken) return;
      this.values = valuesFromTicket(taken.record.payload as NewTicket);
      this.restoreFiles(taken.files);
    },
    sendNow: (record: OutboxRecord) => void this.store.outbox?.retry(record.id),
    download: (record: OutboxRecord) => downloadRequest(record.payload as NewTicket, this.locale),
    remove: (record: OutboxRecord) => void this.store.outbox?.cancel(record.id),
  };

  private get sensitive(): SensitiveFragment[] {
    return findSensitive(`${this.values.title ?? ''}\n${this.values.description ?? ''}`, this.locale);
  }

  private get activeSensitive(): SensitiveFragment[] {
    const found = this.sensitive;
    return found.length && found.map((f) => f.text).join('\u0000') !== this.piiDismissed ? found : [];
  }

  private removeSensitive(): void {
    this.values = {
      ...this.values,
      title: removeFragments(this.values.title ?? '', findSensitive(this.values.title ?? '', this.locale)),
      description: removeFragments(this.values.description ?? '', findSensitive(this.values.description ?? '', this.locale)),
    };
    this.summary = this.summary.filter((item) => item.field !== 'description' || !this.sensitiveMessage(this.sensitive));
    this.status = this.t('form.pii.remove');
  }

  private sensitiveMessage(found: SensitiveFragment[]): string {
    return found.length ? this.t('form.pii.error', { found: [...new Set(found.map((f) => f.label))].join(', ') }) : '';
  }

  private fieldByKey(field: string): GuFormControl | undefined {
    return this.fieldElements.find((el) => el.dataset.field === field);
  }

  private focusField(field: string): void {
    const element = this.fieldByKey(field);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }

  private collectErrors(): SummaryItem[] {
    const items: SummaryItem[] = [];
    for (const key of FIELD_ORDER) {
      const element = this.fieldByKey(key);
      if (!element) continue;
      element.reportValidity();
      if (key === 'files') for (const message of (element as GuFileDrop).problems) items.push({ field: key, message });
      else if (element.validationMessage) items.push({ field: key, message: element.validationMessage });
      if (key === 'description') {
        const pii = this.sensitiveMessage(this.activeSensitive);
        if (pii && !element.validationMessage) {
          // Same words inline as in the summary; cleared as soon as the text changes.
          element.setExternalError(pii);
          items.push({ field: 'description', message: pii });
        }
      }
    }
    return items;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.phase === 'sending') return;
    this.failure = '';
    this.notice = '';
    this.summary = this.collectErrors();
    if (this.summary.length) {
      await this.updateComplete;
      this.summaryElement?.focus();
      return;
    }
    const ticket = buildTicket({
      values: this.values,
      consentVersion: this.consentVersion,
      consentGivenAt: this.consentGivenAt ?? new Date(),
      context: this.excludeContext ? undefined : { ...this.context, appVersion: this.appVersion || this.config?.appVersion || undefined },
      lang: this.locale,
    });
    const key = contentKey(ticket);
    if (this.lastDelivered?.key === key) {
      this.notice = this.t('form.duplicate', { number: this.lastDelivered.receipt.number });
      this.status = this.notice;
      return;
    }
    const files: UploadFile[] = this.files;
    if (!this.emit('gu-submit', { ticket, files }, { cancelable: true })) return;
    if (!this.activeAdapter) return this.showFailure(new AdapterError('not-found', 'no adapter'), 'no-adapter');
    await this.store.ready;
    if (this.store.outbox) await this.sendQueued(ticket, key, files);
    else await this.sendDirect(ticket, key, files);
  }

  /**
   * Stores the request in IndexedDB first, then sends it. If this attempt does not get through,
   * the request stays queued (visible, cancelable) and the form is free for the next one.
   */
  private async sendQueued(ticket: NewTicket, key: string, files: UploadFile[]): Promise<void> {
    const outbox = this.store.outbox!;
    if (this.store.records.some((r) => r.state === 'queued' && contentKey(r.payload as NewTicket) === key)) {
      this.notice = this.status = this.t('outbox.alreadyQueued');
      return;
    }
    let record: OutboxRecord;
    try {
      record = await outbox.enqueue('ticket', this.owner, ticket, files, ticket.title);
    } catch {
      // Quota or a broken database: nothing was stored, so let the user choose another way.
      this.storageFault = ticket;
      this.status = this.t('outbox.quota');
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('.storage-fault')?.focus();
      return;
    }
    void navigator.storage?.persist?.().catch(() => false);
    void this.store.drafts?.delete(this.owner);
    this.sentHere.set(record.id, ticket);
    this.emit('gu-queued', { id: record.id, ticket, createdAt: record.createdAt });
    this.phase = 'sending';
    this.status = this.t('form.sending');
    await outbox.drain();
    await this.store.refresh();
    if (this.store.records.some((r) => r.id === record.id && r.state === 'queued')) {
      this.startNew();
      this.status = this.t('outbox.offline');
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('.queued')?.focus();
    }
  }

  /** Sends without offline safety (storage unavailable or refused by the user's choice). */
  private async sendDirect(ticket: NewTicket, key: string, files: UploadFile[]): Promise<void> {
    const adapter = this.activeAdapter!;
    this.storageFault = undefined;
    if (this.pendingAttempt?.key !== key) this.pendingAttempt = { key, idempotencyKey: crypto.randomUUID(), ticket };
    const attempt = this.pendingAttempt;
    this.phase = 'sending';
    this.progress = 0;
    this.status = this.t('form.sending');
    try {
      const receipt = await adapter.createTicket(attempt.ticket, files, {
        idempotencyKey: attempt.idempotencyKey,
        // Progress only means something for uploads (and makes the REST adapter use XHR).
        ...(files.length ? { onProgress: (fraction: number) => (this.progress = fraction) } : {}),
      });
      this.pendingAttempt = undefined;
      this.lastDelivered = { key, receipt };
      this.receipt = receipt;
      this.phase = 'sent';
      this.status = this.t('form.success.title', { number: receipt.number });
      this.emit('gu-submitted', { receipt, ticket });
      await this.updateComplete;
      this.successHeading?.focus();
    } catch (error) {
      this.phase = 'editing';
      if (!isAdapterError(error)) throw error;
      // A definite refusal means the key may be used for corrected content; anything else may have reached the server.
      if (error.kind === 'rejected') this.pendingAttempt = undefined;
      await this.showFailure(error);
    }
  }

  private async showFailure(error: AdapterError, kind: ErrorDetail['kind'] = error.kind, event: 'gu-error' | 'gu-delivery-failed' = 'gu-error'): Promise<void> {
    const messages: Record<ErrorDetail['kind'], string> = {
      offline: this.t('form.error.offline'),
      timeout: this.t('form.error.timeout'),
      server: this.t('form.error.server'),
      'rate-limited': this.t('form.error.rateLimited', { wait: this.t('common.seconds', { n: Math.ceil((error.details.retryAfterMs ?? 30_000) / 1000) }) }),
      rejected: this.t('form.error.rejected'),
      'not-found': this.t('form.error.notFound'),
      unauthorized: this.t('form.error.rejected'), // creating a ticket never needs ticket access; a refused bearer token is a refusal
      'no-adapter': this.t('form.error.noAdapter'),
    };
    this.failure = messages[kind];
    this.status = this.failure;
    const fieldErrors = error.fieldErrors;
    for (const fieldError of fieldErrors) this.fieldByKey(fieldError.field)?.setExternalError(fieldError.detail);
    this.summary = fieldErrors.map((f) => ({ field: this.fieldByKey(f.field) ? f.field : FIELD_ORDER[0], message: f.detail }));
    this.emit(event, { kind, message: this.failure, fieldErrors });
    await this.updateComplete;
    (this.summaryElement ?? this.renderRoot.querySelector<HTMLElement>('.notice.error'))?.focus();
  }

  private startNew(): void {
    const keep = this.values;
    this.reset();
    // A signed-in user's contacts stay; the problem fields start empty.
    this.values = { 'contact.phone': keep['contact.phone'], 'contact.email': keep['contact.email'], 'contact.fullName': keep['contact.fullName'] };
  }

  private textField(field: Exclude<keyof FormValues, 'topic'>, options: {
    label: string;
    hint?: string;
    required: boolean;
    requiredMessage?: string;
    validator?: GuFormControl['validator'];
    type?: 'text' | 'tel' | 'email';
    autocomplete?: string;
    inputmode?: string;
    multiline?: boolean;
    maxChars?: number;
    format?: boolean;
  }) {
    return html`<gu-text-field
      data-field=${field}
      name=${field}
      .label=${options.label}
      .hint=${options.hint ?? ''}
      .required=${options.required}
      .requiredMessageText=${options.requiredMessage ?? ''}
      .validator=${options.validator}
      .type=${options.type ?? 'text'}
      .autocomplete=${options.autocomplete}
      .inputmode=${options.inputmode}
      .multiline=${options.multiline ?? false}
      .maxChars=${options.maxChars}
      .formatOnBlur=${options.format ?? false}
      .value=${this.values[field] ?? ''}
      lang=${this.locale}
      @input=${(e: Event) => this.set(field, (e.target as GuFormControl).value)}
      @change=${(e: Event) => this.set(field, (e.target as GuFormControl).value)}
    ></gu-text-field>`;
  }

  private modeField(mode: FieldMode, field: Parameters<GuSupportForm['textField']>[0], options: Parameters<GuSupportForm['textField']>[1]) {
    return mode === 'hidden' ? nothing : this.textField(field, { ...options, required: mode === 'required' });
  }

  /** Saving for offline failed: send anyway (no safety net) or keep a copy as a file. */
  private renderStorageFault(ticket: NewTicket) {
    return html`<div class="notice error storage-fault" role="alert" tabindex="-1">
      <p>${this.t('outbox.quota')}</p>
      <div class="actions">
        <button type="button" class="button" @click=${() => void this.sendDirect(ticket, contentKey(ticket), [])}>${this.t('outbox.sendWithoutSaving')}</button>
        <button type="button" class="button secondary" @click=${() => downloadRequest(ticket, this.locale)}>${this.t('outbox.download')}</button>
      </div>
    </div>`;
  }

  private renderContext() {
    const c = this.context;
    const rows: [string, string | undefined][] = [
      [this.t('form.context.page'), c.pageUrl],
      [this.t('form.context.browser'), c.browser],
      [this.t('form.context.os'), c.os],
      [this.t('form.context.screen'), c.screen],
      [this.t('form.context.time'), c.occurredAt ? new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Moscow' }).format(new Date(c.occurredAt)) : undefined],
      [this.t('form.context.app'), this.appVersion || this.config?.appVersion],
    ];
    return html`<details>
      <summary>${this.t('form.context.summary')}</summary>
      <dl>${rows.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
      <label class="inline-check">
        <input type="checkbox" .checked=${this.excludeContext} @change=${(e: Event) => (this.excludeContext = (e.target as HTMLInputElement).checked)} />
        ${this.t('form.context.exclude')}
      </label>
    </details>`;
  }

  protected override render() {
    return html`<div role="status" aria-live="polite" class="visually-hidden">${this.status}</div>
      ${this.phase === 'sent' && this.receipt
        ? html`${this.notice ? html`<div class="notice" role="status"><p>${this.notice}</p></div>` : nothing}
          ${renderSuccess(this.receipt, this.values['contact.email'], this.locale, () => this.startNew())}`
        : this.renderForm()}`;
  }

  private renderForm() {
    const lang = this.locale;
    const sending = this.phase === 'sending';
    const sensitive = this.activeSensitive;
    const urgent = isUrgent(this.values.title ?? '', this.values.description ?? '');
    return html`<slot name="header">
        <h2 class="heading">${this.t('form.heading')}</h2>
        <p class="intro">${this.t('form.intro')}</p>
      </slot>
      ${renderQueued(this.store.records, lang, this.retentionDays, {
        ...this.queuedActions,
        ...(typeof Notification === 'function' && Notification.permission === 'default' ? { notify: () => void Notification.requestPermission().then(() => this.requestUpdate()) } : {}),
      })}
      ${this.store.problem ? html`<div class="notice warning" role="status"><p>${this.t(this.store.problem === 'blocked' ? 'outbox.blocked' : 'outbox.unavailable')}</p></div>` : nothing}
      ${this.storageFault ? this.renderStorageFault(this.storageFault) : nothing}
      ${renderErrorSummary(this.t('summary.title'), this.summary, (field) => this.focusField(field))}
      ${this.failure
        ? html`<div class="notice error" role="alert" tabindex="-1">
            <p>${this.failure}</p>
            ${!this.store.outbox && this.pendingAttempt
              ? html`<button type="button" class="button secondary" @click=${() => downloadRequest(this.pendingAttempt!.ticket, lang)}>${this.t('outbox.download')}</button>`
              : nothing}
          </div>`
        : nothing}
      ${this.notice ? html`<div class="notice" role="status"><p>${this.notice}</p></div>` : nothing}
      <form part="form" novalidate @submit=${this.submit} aria-busy=${sending ? 'true' : 'false'}>
        <gu-select-field
          data-field="topic"
          name="topic"
          .label=${this.t('form.topic.label')}
          .placeholder=${this.topicsLoading ? this.t('form.topic.loading') : this.t('form.topic.placeholder')}
          .busy=${this.topicsLoading}
          .options=${this.topicList.map((t) => ({ value: t.id, label: t.title }))}
          .required=${true}
          .requiredMessageText=${this.t('form.topic.error')}
          .value=${this.values.topic ?? ''}
          lang=${lang}
          @change=${(e: Event) => this.set('topic', (e.target as GuFormControl).value)}
        ></gu-select-field>
        ${this.needsPrevious
          ? this.textField('previousNumber', {
              label: this.t('form.previous.label'),
              hint: this.t('form.previous.hint'),
              required: Boolean(this.topicList.find((t) => t.id === this.values.topic)?.needsPreviousNumber),
              validator: (v) => (TICKET_NUMBER.test(v.trim()) ? ok(v.trim()) : fail('format', this.t('form.previous.error'))),
              requiredMessage: this.t('form.previous.error'),
              inputmode: 'numeric',
            })
          : nothing}
        ${this.textField('title', {
          label: this.t('form.title.label'),
          hint: this.t('form.title.hint'),
          required: true,
          requiredMessage: this.t('form.title.error'),
          validator: (v, l) => validateText(v, { max: DEFAULT_RULES.titleMax }, l),
        })}
        ${this.textField('description', {
          label: this.t('form.description.label'),
          hint: this.t('form.description.hint'),
          required: true,
          requiredMessage: this.t('form.description.error'),
          validator: (v, l) => validateText(v, { min: DEFAULT_RULES.descriptionMin, max: this.descriptionMax }, l),
          multiline: true,
          maxChars: this.descriptionMax,
        })}
        ${sensitive.length
          ? renderPiiWarning(`${this.values.title ?? ''}\n${this.values.description ?? ''}`, sensitive, lang, () => this.removeSensitive(), () => {
              this.piiDismissed = sensitive.map((f) => f.text).join('\u0000');
              this.summary = this.summary.filter((s) => s.message !== this.sensitiveMessage(sensitive));
            })
          : nothing}
        ${urgent ? html`<p class="notice" role="status">${this.t('form.urgent')}</p>` : nothing}
        ${this.attachments === 'hidden'
          ? nothing
          : html`<gu-file-drop
              data-field="files"
              name="files"
              .label=${this.t('attach.label')}
              .hint=${this.t('attach.hint', {
                image: formatBytes(this.attachPolicy.imageBytes, lang),
                document: formatBytes(this.attachPolicy.documentBytes, lang),
                count: this.attachPolicy.maxFiles,
                total: formatBytes(this.attachPolicy.totalBytes, lang),
              })}
              .policy=${this.attachPolicy}
              lang=${lang}
              @change=${() => this.saveDraft()}
            ></gu-file-drop>`}
        <fieldset>
          <legend>${this.t('form.contacts')}</legend>
          ${this.textField('contact.phone', {
            label: this.t('form.phone.label'),
            hint: this.t('form.phone.hint'),
            required: true,
            validator: validatePhone,
            type: 'tel',
            autocomplete: 'tel',
            format: true,
          })}
          ${this.modeField(this.email, 'contact.email', {
            label: this.t('form.email.label'),
            hint: this.t('form.email.hint'),
            required: false,
            validator: validateEmail,
            type: 'email',
            autocomplete: 'email',
            format: true,
          })}
          ${this.modeField(this.fullName, 'contact.fullName', {
            label: this.t('form.fullName.label'),
            required: false,
            requiredMessage: this.t('form.fullName.error'),
            autocomplete: 'name',
          })}
          ${this.modeField(this.snils, 'contact.snils', {
            label: this.t('form.snils.label'),
            hint: this.t('form.snils.hint'),
            required: false,
            validator: validateSnils,
            inputmode: 'numeric',
            autocomplete: 'off',
            format: true,
          })}
          ${this.modeField(this.inn, 'contact.inn', {
            label: this.t('form.inn.label'),
            hint: this.t('form.inn.hint'),
            required: false,
            validator: (v, l) => validateInn(v, l),
            inputmode: 'numeric',
            autocomplete: 'off',
            format: true,
          })}
          ${this.modeField(this.account, 'contact.accountNumber', { label: this.t('form.account.label'), required: false, autocomplete: 'off' })}
        </fieldset>
        ${this.renderContext()}
        <gu-checkbox-field
          data-field="consent"
          name="consent"
          .required=${true}
          .requiredMessageText=${this.t('form.consent.error')}
          .checked=${this.consent}
          lang=${lang}
          @change=${(e: Event) => {
            this.consent = (e.target as HTMLInputElement & { checked: boolean }).checked;
            this.consentGivenAt = this.consent ? new Date() : undefined;
          }}
          >${this.t('form.consent.label')}${this.consentUrl ? html` (<a href=${this.consentUrl} target="_blank" rel="noopener">${this.t('form.consent.text')}</a>` : nothing}${this.policyUrl
            ? html`${this.consentUrl ? ', ' : ' ('}<a href=${this.policyUrl} target="_blank" rel="noopener">${this.t('form.consent.policy')}</a>)`
            : this.consentUrl
              ? ')'
              : nothing}</gu-checkbox-field
        >
        <slot name="legal"></slot>
        <div class="actions">
          <button part="submit" class="button" type="submit" ?disabled=${sending} aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? this.t('form.sending') : this.t('form.submit')}
          </button>
          ${this.draftStatus
            ? html`<span class="draft">${this.draftStatus} · <button type="button" class="link-button" @click=${() => void this.clearDraft()}>${this.t('draft.clear')}</button></span>`
            : nothing}
          ${sending && this.progress > 0 && this.progress < 1
            ? html`<progress max="1" .value=${this.progress} aria-label=${this.t('form.sendingProgress', { percent: Math.round(this.progress * 100) })}></progress>`
            : nothing}
        </div>
      </form>`;
  }
}

define('gu-support-form', GuSupportForm);

declare global {
  interface HTMLElementTagNameMap {
    'gu-support-form': GuSupportForm;
  }
  interface HTMLElementEventMap {
    'gu-submit': CustomEvent<SubmitDetail>;
    'gu-submitted': CustomEvent<SubmittedDetail>;
    'gu-error': CustomEvent<ErrorDetail>;
    'gu-queued': CustomEvent<QueuedDetail>;
    'gu-delivered': CustomEvent<DeliveredDetail>;
    'gu-delivery-failed': CustomEvent<ErrorDetail>;
    /** Fired by the FAQ (or the page) to start a request with what the user already typed. */
    'gu-handoff': CustomEvent<FormValues>;
  }
}
