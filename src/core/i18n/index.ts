export { translate, translator, registerMessages, supportedLang, loadMessages, onMessagesLoaded, messagesReady } from './translate.js';
export type { Dictionary, MessageKey, Messages, Params, PluralForms, Translator } from './translate.js';
export { catalogue, type Catalogue, type Strings, type Translation } from './catalogue.js';
