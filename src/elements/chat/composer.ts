import { html, nothing, type TemplateResult } from 'lit';
import { visibleLength } from '../../core/validate/graphemes.js';
import type { GuChat } from './gu-chat.js';

/** The message box: counter near the limit, the PII warning before sending, attach, send. */
export function renderComposer(chat: GuChat): TemplateResult | typeof nothing {
  if (chat.view.chatState === 'closed') return nothing;
  const { draft } = chat.view;
  const left = chat.maxLength - visibleLength(draft);
  const pii = chat.behaviour?.piiFound(draft) ?? '';
  const describedBy = ['count', pii ? 'pii' : '', chat.inputError ? 'input-error' : ''].filter(Boolean).join(' ');
  return html`<form class="composer" part="composer" novalidate @submit=${(e: Event) => chat.submit(e)}>
    ${pii
      ? html`<div id="pii" class="warning" part="pii-warning">
          <p>${chat.t('chat.pii', { found: pii })}</p>
          <button type="button" class="link" @click=${() => chat.behaviour?.removePii()}>${chat.t('chat.piiRemove')}</button>
        </div>`
      : nothing}
    <p id="input-error" class="field-error" ?hidden=${!chat.inputError}>${chat.inputError}</p>
    <label class="visually-hidden" for="input">${chat.t('chat.input')}</label>
    <textarea
      id="input"
      part="input"
      rows="2"
      .value=${draft}
      aria-describedby=${describedBy}
      aria-invalid=${chat.inputError ? 'true' : 'false'}
      @input=${(e: Event) => chat.typed((e.target as HTMLTextAreaElement).value)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && chat.submit(e)}
    ></textarea>
    <span id="count" class="count ${left < 0 ? 'over' : ''}" aria-live=${left < 100 ? 'polite' : 'off'}>${left < 200 ? chat.t('chat.count', { left }) : ''}</span>
    <div class="composer-actions">
      ${chat.attachments === 'optional' ? html`<button type="button" class="button secondary" part="attach" @click=${() => chat.behaviour?.files.open()}>${chat.t('chat.attach')}</button>` : nothing}
      <button class="button" part="send">${chat.t('chat.send')}</button>
    </div>
    ${chat.behaviour?.files.render() ?? nothing}
  </form>`;
}
