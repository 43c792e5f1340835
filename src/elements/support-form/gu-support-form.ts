import { html, type PropertyValues, type PropertyDeclarations, type TemplateResult } from 'lit';
import { AdapterError } from '../../core/adapter/errors.js';
import type { Topic } from '../../core/adapter/types.js';
import { DEFAULT_POLICY, type AttachPolicy } from '../../core/attach/limits.js';
import type { StoredFile } from '../../core/outbox/index.js';
import { defaultTopics } from '../../core/topics.js';
import { DEFAULT_RULES, type FieldMode } from '../../core/validate/rules.js';
import { define } from '../../define.js';
import { formStrings } from '../../core/i18n/catalogues/form.js';
import { topicsStrings } from '../../core/i18n/catalogues/topics.js';
import type { GuHandoffEvent } from '../../events/gu-handoff.js';
import { buttons } from '../../theme/tokens.js';
import { GuKitElement } from '../internal/base/gu-kit-element.js';
import { SendController } from '../internal/controllers/send-controller.js';
import { errorSummaryStyles } from '../internal/error-summary.styles.js';
import type { GuFileDrop } from '../internal/gu-file-drop.js';
import { FORM_PARTS, renderFormBody } from './form-body.js';
import { FORM_ERRORS, type FormState, type FormValues } from './form-model.js';
import { formStyles } from './gu-support-form.styles.js';
import type { FormBehaviour } from './behaviour.js';
import { lazy } from '../../core/lazy.js';
import { loadMessages } from '../../core/i18n/translate.js';
import { nextTask } from '../../core/yield.js';
import { PartsController } from '../internal/controllers/parts-controller.js';
import { TopicsLoader } from './topics-loader.js';

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
 * @fires gu-submitted - The server registered the request written here. `detail: { receipt, ticket }`.
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
export class GuSupportForm extends GuKitElement {
  static override styles = [...GuKitElement.styles, buttons, errorSummaryStyles, formStyles];
  static override strings = [...GuKitElement.strings, formStrings, topicsStrings];

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
  /** Full name of a signed-in user (prefill). */
  userName = '';
  /** Phone of a signed-in user (prefill). */
  userPhone = '';
  /** E-mail of a signed-in user (prefill). */
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

  /** @internal The form's working state; the controllers below re-render it when it changes. */
  state: FormState = { values: {}, consent: false, excludeContext: false, context: {}, topicsLoading: false, phase: 'editing', notice: '' };

  /** @internal */ readonly sender: SendController = new SendController(this, FORM_ERRORS);
  /** @internal What the form does after its first paint; undefined until its chunk has arrived. */
  behaviour?: FormBehaviour;

  private readonly loadBehaviour = lazy(() =>
    import('./behaviour.js').then(async ({ FormBehaviour }) => {
      await nextTask(); // its code ran in one task, the form changes in a later one: shorter tasks on a slow phone
      await this.parts.done;
      this.behaviour ??= new FormBehaviour(this);
      this.requestUpdate();
      return this.behaviour;
    }),
  );
  private readonly parts = new PartsController(this, FORM_PARTS, () => super.getUpdateComplete());
  /** @internal */ readonly topicsLoader = new TopicsLoader(this);
  private draftChecked = false;
  /** The text fields now; files (not strings, so `prefill` skips them) through the lazily loaded attachments. */
  private readonly onHandoff = ({ detail }: GuHandoffEvent) => {
    this.prefill(detail ?? {});
    if (detail?.files) void this.loadBehaviour().then((b) => b.attach(detail.files!));
  };

  /** @internal Where the form's draft and queue live. */
  get owner(): string {
    return this.draftKey || `${location.pathname}#${this.id || 'gu-support-form'}`;
  }

  /** @internal */ get fileDrop(): GuFileDrop | null {
    return this.renderRoot.querySelector('gu-file-drop');
  }

  /** @internal The prepared attachments, as the adapter and the outbox take them. */
  get files(): StoredFile[] {
    return (this.fileDrop?.prepared ?? []).map(({ name, type, data }) => ({ name, type, data }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadBehaviour().catch(() => undefined); // retried on «Отправить» if the page went offline
    document.addEventListener('gu-handoff', this.onHandoff);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.behaviour?.delivery.releaseWriterLocks();
    document.removeEventListener('gu-handoff', this.onHandoff);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('userName') || changed.has('userPhone') || changed.has('userEmail') || changed.has('previousNumber')) {
      const { values } = this.state;
      const fill = (key: keyof FormValues, value: string) => (value && !values[key] ? { [key]: value } : {});
      this.state.values = { ...values, ...fill('contact.fullName', this.userName), ...fill('contact.phone', this.userPhone), ...fill('contact.email', this.userEmail), ...fill('previousNumber', this.previousNumber) };
    }
    const adapter = this.backend.slice('tickets');
    // A removed form may still update once: it must not open storage (and drain) again.
    const delivery = this.behaviour?.delivery;
    if (delivery && !this.noStorage && this.isConnected) delivery.store.connect(adapter, this.backend.target, this.backend.outboxSource);
    if (delivery && adapter && !this.noStorage && this.isConnected && !this.draftChecked) {
      this.draftChecked = true;
      void delivery.store.ready.then(() => this.behaviour?.restoreDraft());
    }
  }

  /** The first view is drawn in a task of its own, not in the one that ran the form's code. */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  /** @internal Changes the working state and re-renders. */
  update$(change: Partial<GuSupportForm['state']>): void {
    this.state = { ...this.state, ...change };
    this.requestUpdate();
  }

  /** @internal */ get topicList(): Topic[] {
    return this.topics ?? this.state.loadedTopics ?? defaultTopics(this.locale);
  }

  /** @internal Whether a field is on this page: hidden fields are never filled, stored or sent. */
  shows(field: keyof FormValues): boolean {
    const modes: Partial<Record<keyof FormValues, FieldMode>> = { 'contact.email': this.email, 'contact.fullName': this.fullName, 'contact.snils': this.snils, 'contact.inn': this.inn, 'contact.accountNumber': this.account };
    return modes[field] !== 'hidden';
  }

  /** Fills fields (a signed-in user's contacts, a FAQ article's hand-off); keeps what is not given. */
  prefill(data: FormValues): void {
    const given = Object.entries(data).filter(([key, value]) => typeof value === 'string' && this.shows(key as keyof FormValues));
    this.update$({ values: { ...this.state.values, ...Object.fromEntries(given) }, phase: 'editing' });
  }

  /**
   * Deletes everything the kit stored in this browser (drafts, queued requests with their files,
   * receipts), for every form on this site, and clears this form.
   */
  async clearLocalData(): Promise<void> {
    await (await this.loadBehaviour()).clearLocalData();
    this.reset();
  }

  /** Clears everything the user entered, its saved draft and any message. */
  reset(): void {
    void this.behaviour?.drafts.clear();
    this.renderRoot.querySelector('form')?.reset();
    this.behaviour?.errors.clear();
    this.sender.reset();
    this.behaviour?.pii.reset();
    this.update$({ values: {}, consent: false, consentGivenAt: undefined, excludeContext: false, notice: '', phase: 'editing', receipt: undefined, receiptSummary: undefined, storageFault: undefined });
    this.requestUpdate('userName');
  }

  /** @internal Starts a new request; a signed-in user's contacts stay, the problem fields empty. */
  startNew(): void {
    const keep = this.state.values;
    this.reset();
    this.update$({ values: { 'contact.phone': keep['contact.phone'], 'contact.email': keep['contact.email'], 'contact.fullName': keep['contact.fullName'] } });
  }

  /** @internal */ set(field: keyof FormValues, value: string): void {
    if (this.state.values[field] === value) return;
    this.update$({ values: { ...this.state.values, [field]: value }, notice: '' });
    this.behaviour?.errors.refresh();
    this.behaviour?.pii.changed();
    this.saveDraft();
  }

  /** @internal Saves what the citizen typed (debounced); consent is never saved, it is given anew. */
  saveDraft(): void {
    this.behaviour?.drafts.save(this.state.values, this.files);
  }

  /** @internal «Очистить»: forgets the saved draft and starts again. */
  async clearDraft(): Promise<void> {
    await this.behaviour?.drafts.clear();
    this.startNew();
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    try {
      await (await this.loadBehaviour()).submit();
    } catch (error) {
      // The form's code could not be downloaded (offline before it arrived): say so, keep everything.
      if (!this.behaviour) this.sender.fail(new AdapterError('offline', String(error)));
      else throw error;
    }
  }

  /** Resolves when the form is rendered and its behaviour (checks, storage, sending) has arrived. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.isConnected) return done;
    await this.parts.done;
    await this.loadBehaviour().catch(() => undefined);
    await loadMessages(this.locale); // the behaviour's catalogues in the form's language
    return (await super.getUpdateComplete()) && done;
  }

  protected override render(): TemplateResult {
    const { phase, receipt } = this.state;
    return html`<div role="status" aria-live="polite" class="visually-hidden">${this.sender.status}</div>
      ${phase === 'sent' && receipt && this.behaviour ? this.behaviour.renderSuccess(receipt) : renderFormBody(this, (e: Event) => this.submit(e), this.parts.drawn)}`;
  }
}

define('gu-support-form', GuSupportForm);

declare global {
  interface HTMLElementTagNameMap {
    'gu-support-form': GuSupportForm;
  }
}
