import { html } from 'lit';
import type { TechContext } from '../../core/adapter/types.js';
import type { Translator } from '../../core/i18n/translate.js';

/**
 * «Техническая информация»: what the browser collected, shown before sending, with a way to
 * leave it out.
 */
export function renderContextDetails(t: Translator, lang: string, context: TechContext, excluded: boolean, onExclude: (excluded: boolean) => void) {
  const time = context.occurredAt ? new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Moscow' }).format(new Date(context.occurredAt)) : undefined;
  const rows: [string, string | undefined][] = [
    [t('form.context.page'), context.pageUrl],
    [t('form.context.browser'), context.browser],
    [t('form.context.os'), context.os],
    [t('form.context.screen'), context.screen],
    [t('form.context.time'), time],
    [t('form.context.app'), context.appVersion],
  ];
  return html`<details>
    <summary>${t('form.context.summary')}</summary>
    <dl>${rows.filter(([, value]) => value).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
    <label class="inline-check">
      <input type="checkbox" .checked=${excluded} @change=${(e: Event) => onExclude((e.target as HTMLInputElement).checked)} />
      ${t('form.context.exclude')}
    </label>
  </details>`;
}
