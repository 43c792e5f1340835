import { html } from 'lit';
import type { TechContext } from '../../core/adapter/types.js';
import type { Translator } from '../../core/i18n/translate.js';
import { dateTimeFormat } from '../../core/i18n/formats.js';

export interface ContextDetailsView {
  excluded: boolean;
  onExclude(excluded: boolean): void;
  /** The details are open: only then is the time formatted (the first date formatter costs ~50 ms on a slow phone). */
  open: boolean;
  onToggle(open: boolean): void;
}

/**
 * «Техническая информация»: what the browser collected, shown before sending, with a way to
 * leave it out.
 */
export function renderContextDetails(t: Translator, lang: string, context: TechContext, view: ContextDetailsView) {
  const time = view.open && context.occurredAt ? dateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Moscow' }).format(new Date(context.occurredAt)) : undefined;
  const rows: [string, string | undefined][] = [
    [t('form.context.page'), context.pageUrl],
    [t('form.context.browser'), context.browser],
    [t('form.context.os'), context.os],
    [t('form.context.screen'), context.screen],
    [t('form.context.time'), time],
    [t('form.context.app'), context.appVersion],
  ];
  return html`<details ?open=${view.open} @toggle=${(e: Event) => view.onToggle((e.target as HTMLDetailsElement).open)}>
    <summary>${t('form.context.summary')}</summary>
    <dl>${rows.filter(([, value]) => value).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
    <label class="inline-check">
      <input type="checkbox" .checked=${view.excluded} @change=${(e: Event) => view.onExclude((e.target as HTMLInputElement).checked)} />
      ${t('form.context.exclude')}
    </label>
  </details>`;
}
