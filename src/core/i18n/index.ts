export { translate, translator, registerMessages, supportedLang, loadMessages, onMessagesLoaded, messagesReady } from './translate.js';
export type { Dictionary, MessageKey, Params, PluralForms, Translator } from './translate.js';
