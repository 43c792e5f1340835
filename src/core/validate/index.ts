export { validateSnils, formatSnils, snilsControl } from './snils.js';
export { validatePhone, formatPhone } from './phone.js';
export { validateEmail, asciiDomain, suggestDomain, editDistance } from './email.js';
export { validateInn, innChecksumValid } from './inn.js';
export { validateText, visibleLength, findSensitive, removeFragments, isUrgent, luhnValid } from './text.js';
export type { LengthRule, SensitiveFragment, SensitiveKind } from './text.js';
export { validateTicketNumber, generateTicketNumber, formatTicketNumber, dammDigit, TICKET_NUMBER_PATTERN } from './ticket-number.js';
export { hasForbiddenCharacters } from './text.js';
