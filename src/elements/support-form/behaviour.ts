import { html, nothing } from 'lit';
import type { TicketReceipt } from '../../core/adapter/types.js';
import '../internal/gu-file-drop.js';
import { formOutcomeStrings } from '../../core/i18n/catalogues/form-outcome.js';
import { outboxStrings } from '../../core/i18n/catalogues/outbox.js';
import { fieldValidators, type FieldValidators } from './form-validators.js';
import type { GuSupportForm } from './gu-support-form.js';
import { renderNotices } from './notices.js';
import { restoreDraft, showDelivered, showDeliveredElsewhere, takeBack } from './outcome.js';
import { PiiGuard } from './pii-guard.js';
import { renderPiiWarning } from '../internal/pii-warning.js';
import { submitTicket } from './submit.js';
import { renderSuccess } from './success-panel.js';
import { TicketDelivery } from './ticket-delivery.js';
import { collectTechContext } from '../../core/tech-context.js';
import { DraftController } from '../internal/controllers/draft-controller.js';
import { FormErrorsController } from '../internal/controllers/form-errors-controller.js';
import { FIELD_ORDER } from './form-model.js';
import { clearLocalData } from '../../core/local-data.js';

/**
 * Everything the form does after its first paint, in a chunk of its own so the first download
 * only draws the form: the checks, the PII guard, the file field, the offline outbox and what
 * happens on «Отправить». It starts loading as soon as the form is in the page.
 */
export class FormBehaviour {
  /** The strings of what happens after the first paint: named here so they come with this chunk. */
  static readonly strings = [formOutcomeStrings, outboxStrings];

  readonly pii: PiiGuard;
  readonly delivery: TicketDelivery;
  readonly errors: FormErrorsController;
  readonly drafts: DraftController;
  private checks?: { max: number; validators: FieldValidators };

  constructor(private readonly form: GuSupportForm) {
    this.pii = new PiiGuard(form);
    this.errors = new FormErrorsController(form, FIELD_ORDER);
    this.drafts = new DraftController(form, () => this.delivery.store.drafts, () => form.owner, (values) => this.pii.clean(values));
    form.update$({ context: collectTechContext(form.appVersion || form.backend.config.appVersion) });
    form.addEventListener('paste', this.onPaste);
    void import('./deflection.js'); // suggested articles under the description, now that the form is usable
    this.delivery = new TicketDelivery(form, () => form.owner, () => form.retentionDays * 86_400_000, () => form.locale, {
      delivered: (id, receipt, summary, ticket) => void showDelivered(form, id, receipt, summary, ticket),
      deliveredElsewhere: (receipt, summary) => showDeliveredElsewhere(form, receipt, summary),
      returned: (ticket, files, refusal) => void takeBack(form, ticket, files, refusal),
    });
  }

  /** Ctrl+V of a screenshot anywhere in the form attaches it. */
  private readonly onPaste = (e: ClipboardEvent) => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (!files.length || this.form.attachments === 'hidden') return;
    e.preventDefault();
    void this.form.fileDrop?.add(files);
  };

  /** Files handed over (the chat's attachments): checked and prepared like the citizen's own. */
  async attach(files: File[]): Promise<void> {
    if (this.form.attachments === 'hidden') return;
    await this.form.updateComplete;
    await this.form.fileDrop?.add(files);
  }

  /** The field checks for the form's current description limit (kept while it does not change). */
  get validators(): FieldValidators {
    const max = this.form.descriptionMax;
    if (this.checks?.max !== max) this.checks = { max, validators: fieldValidators(max) };
    return this.checks.validators;
  }

  submit(): Promise<void> {
    return submitTicket(this.form, this);
  }

  restoreDraft(): Promise<void> {
    return restoreDraft(this.form, this.delivery);
  }

  /** Deletes everything the kit stored in this browser, for every form on this site. */
  async clearLocalData(): Promise<void> {
    await clearLocalData();
    await this.delivery.store.refresh();
  }

  renderNotices() {
    return renderNotices(this.form, this.delivery);
  }

  renderPiiWarning() {
    const sensitive = this.pii.active;
    const { title = '', description = '' } = this.form.state.values;
    return sensitive.length ? renderPiiWarning(`${title}\n${description}`, sensitive, this.form.locale, () => this.pii.remove()) : nothing;
  }

  renderSuccess(receipt: TicketReceipt) {
    const { notice, values } = this.form.state;
    return html`${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : nothing}
      ${renderSuccess(receipt, { email: values['contact.email'], summary: this.form.state.receiptSummary }, this.form.locale, () => this.form.startNew())}`;
  }
}
