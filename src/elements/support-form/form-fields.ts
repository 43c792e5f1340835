import { html, nothing } from 'lit';
import { formatBytes } from '../../core/attach/bytes.js';
import type { AttachPolicy } from '../../core/attach/limits.js';
import type { Topic } from '../../core/adapter/types.js';
import type { Translator } from '../../core/i18n/translate.js';
import type { FormValues } from '../../core/ticket-fields.js';
import type { FieldMode } from '../../core/validate/rules.js';
import type { GuFormControl } from '../internal/form-control.js';
import type { FieldValidators } from './form-validators.js';
import '../internal/gu-text-field.js';
import '../internal/gu-select-field.js';
import '../internal/gu-checkbox-field.js';

type TextKey = Exclude<keyof FormValues, 'topic'>;

/** What the fields need from the form: its values, settings and where changes go. */
export interface FieldsView {
  t: Translator;
  lang: string;
  values: FormValues;
  topics: Topic[];
  topicsLoading: boolean;
  /** Whether the «previous request» field shows, and whether it is required. */
  previous: 'hidden' | 'optional' | 'required';
  modes: Record<'email' | 'fullName' | 'snils' | 'inn' | 'account', FieldMode>;
  descriptionMax: number;
  /** The checks, once their code has arrived (just after the first paint). */
  validators?: FieldValidators;
  attachments: 'hidden' | 'optional';
  attachPolicy: AttachPolicy;
  consent: boolean;
  consentUrl: string;
  policyUrl: string;
  onValue(field: keyof FormValues, value: string): void;
  onFiles(): void;
  onConsent(checked: boolean): void;
}

interface TextOptions {
  label: string;
  hint?: string;
  required: boolean;
  requiredMessage?: string;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: string;
  multiline?: boolean;
  maxChars?: number;
  /** Shows the canonical notation when the citizen leaves the field. */
  format?: boolean;
}

function textField(view: FieldsView, field: TextKey, options: TextOptions) {
  const changed = (e: Event) => view.onValue(field, (e.target as GuFormControl).value);
  return html`<gu-text-field
    data-field=${field}
    name=${field}
    .label=${options.label}
    .hint=${options.hint ?? ''}
    .required=${options.required}
    .requiredMessageText=${options.requiredMessage ?? ''}
    .validator=${view.validators?.[field as keyof FieldValidators]}
    .type=${options.type ?? 'text'}
    .autocomplete=${options.autocomplete}
    .inputmode=${options.inputmode}
    .multiline=${options.multiline ?? false}
    .maxChars=${options.maxChars}
    .formatOnBlur=${options.format ?? false}
    .value=${view.values[field] ?? ''}
    lang=${view.lang}
    @input=${changed}
    @change=${changed}
  ></gu-text-field>`;
}

function modeField(view: FieldsView, mode: FieldMode, field: TextKey, options: Omit<TextOptions, 'required'>) {
  return mode === 'hidden' ? nothing : textField(view, field, { ...options, required: mode === 'required' });
}

/** Topic, the earlier request's number, title and description: what the problem is. */
export function renderProblemFields(view: FieldsView) {
  const { t, lang } = view;
  return html`<gu-select-field
      data-field="topic"
      name="topic"
      .label=${t('form.topic.label')}
      .placeholder=${view.topicsLoading ? t('form.topic.loading') : t('form.topic.placeholder')}
      .busy=${view.topicsLoading}
      .options=${view.topics.map((topic) => ({ value: topic.id, label: topic.title }))}
      .required=${true}
      .requiredMessageText=${t('form.topic.error')}
      .value=${view.values.topic ?? ''}
      lang=${lang}
      @change=${(e: Event) => view.onValue('topic', (e.target as GuFormControl).value)}
    ></gu-select-field>
    ${view.previous === 'hidden'
      ? nothing
      : textField(view, 'previousNumber', {
          label: t('form.previous.label'),
          hint: t('form.previous.hint'),
          required: view.previous === 'required',
          requiredMessage: t('form.previous.error'),
          inputmode: 'numeric',
        })}
    ${textField(view, 'title', {
      label: t('form.title.label'),
      hint: t('form.title.hint'),
      required: true,
      requiredMessage: t('form.title.error'),
    })}
    ${textField(view, 'description', {
      label: t('form.description.label'),
      hint: t('form.description.hint'),
      required: true,
      requiredMessage: t('form.description.error'),
      multiline: true,
      maxChars: view.descriptionMax,
    })}`;
}

/** Screenshots and documents, with the limits in the hint (the field's code arrives after the first paint). */
export function renderFilesField(view: FieldsView) {
  if (view.attachments === 'hidden') return nothing;
  const { lang, attachPolicy: policy } = view;
  return html`<gu-file-drop
    data-field="files"
    name="files"
    .label=${view.t('attach.label')}
    .hint=${view.t('attach.hint', {
      image: formatBytes(policy.imageBytes, lang),
      document: formatBytes(policy.documentBytes, lang),
      count: policy.maxFiles,
      total: formatBytes(policy.totalBytes, lang),
    })}
    .policy=${policy}
    lang=${lang}
    @change=${view.onFiles}
  ></gu-file-drop>`;
}

/** Phone (required for a call back) and the contacts the portal asks for. */
export function renderContactFields(view: FieldsView) {
  const { t, modes } = view;
  return html`<fieldset>
    <legend>${t('form.contacts')}</legend>
    ${textField(view, 'contact.phone', {
      label: t('form.phone.label'),
      hint: t('form.phone.hint'),
      required: true,
      type: 'tel',
      autocomplete: 'tel',
      format: true,
    })}
    ${modeField(view, modes.email, 'contact.email', {
      label: t('form.email.label'),
      hint: t('form.email.hint'),
      type: 'email',
      autocomplete: 'email',
      format: true,
    })}
    ${modeField(view, modes.fullName, 'contact.fullName', { label: t('form.fullName.label'), requiredMessage: t('form.fullName.error'), autocomplete: 'name' })}
    ${modeField(view, modes.snils, 'contact.snils', {
      label: t('form.snils.label'),
      hint: t('form.snils.hint'),
      inputmode: 'numeric',
      autocomplete: 'off',
      format: true,
    })}
    ${modeField(view, modes.inn, 'contact.inn', {
      label: t('form.inn.label'),
      hint: t('form.inn.hint'),
      inputmode: 'numeric',
      autocomplete: 'off',
      format: true,
    })}
    ${modeField(view, modes.account, 'contact.accountNumber', { label: t('form.account.label'), autocomplete: 'off' })}
  </fieldset>`;
}

/** The explicit, unticked consent to personal data processing (152-ФЗ) with its documents. */
export function renderConsent(view: FieldsView) {
  const { t, consentUrl, policyUrl } = view;
  const consentLink = consentUrl ? html`<a href=${consentUrl} target="_blank" rel="noopener">${t('form.consent.text')}</a>` : nothing;
  const policyLink = policyUrl ? html`<a href=${policyUrl} target="_blank" rel="noopener">${t('form.consent.policy')}</a>` : nothing;
  const documents = consentUrl && policyUrl ? html` (${consentLink}, ${policyLink})` : consentUrl || policyUrl ? html` (${consentLink}${policyLink})` : nothing;
  return html`<gu-checkbox-field
    data-field="consent"
    name="consent"
    .required=${true}
    .requiredMessageText=${t('form.consent.error')}
    .checked=${view.consent}
    lang=${view.lang}
    @change=${(e: Event) => view.onConsent((e.target as HTMLInputElement & { checked: boolean }).checked)}
    >${t('form.consent.label')}${documents}</gu-checkbox-field
  >`;
}
