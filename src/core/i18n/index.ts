export { translate, translator, registerMessages, supportedLang } from './translate.js';
export type { Dictionary, MessageKey, Params, PluralForms, Translator } from './translate.js';
