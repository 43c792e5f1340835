import { catalogue } from '../catalogue.js';
import { chat } from '../ru/chat.js';

export const chatStrings = catalogue(chat, { en: () => import('../en/chat.js').then((m) => m.chat) });
