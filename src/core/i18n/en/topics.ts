import type { Translation } from '../catalogue.js';
import type { topics as ru } from '../ru/topics.js';

/** The default request topics (DOMAIN.md categories). */
export const topics: Translation<typeof ru> = {
  'topic.login': 'Registration and signing in to your account',
  'topic.forms': 'Errors filling in forms and sending applications',
  'topic.payments': 'Payments and refunds',
  'topic.documents': 'Access to documents and downloading them',
  'topic.technical': 'Technical problems with the app or the website',
  'topic.identity': 'Identity confirmation and SMEV',
  'topic.general': 'General questions and suggestions',
  'topic.complaint': 'Complaint about the quality of service',
};
