import { html, nothing, type TemplateResult } from 'lit';
import type { ChatBehaviour } from './behaviour.js';
import type { GuChat } from './gu-chat.js';

/** «Сохранить переписку», «Очистить историю» and, while it lasts, «Завершить чат»: once there is a conversation. */
export function renderMenu(host: GuChat, chat: ChatBehaviour): TemplateResult | typeof nothing {
  const { chatState, messages } = host.view;
  if (!messages.length) return nothing;
  return html`<div class="menu">
    <button type="button" @click=${() => chat.saveTranscript()}>${host.t('chat.save')}</button>
    <button type="button" @click=${() => void chat.clearHistory()}>${host.t('chat.clear')}</button>
    ${chatState !== 'closed' && chatState !== 'none' ? html`<button type="button" @click=${() => void chat.end()}>${host.t('chat.end')}</button>` : nothing}
  </div>`;
}
