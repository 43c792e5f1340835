import type { Strings } from '../catalogue.js';

/** The default request topics (DOMAIN.md categories). Russian: the source language. */
export const topics = {
  'topic.login': 'Регистрация и вход в личный кабинет',
  'topic.forms': 'Ошибки при заполнении форм и отправке заявлений',
  'topic.payments': 'Платёжные операции и возврат средств',
  'topic.documents': 'Доступ к документам и их скачивание',
  'topic.technical': 'Технические проблемы с приложением или сайтом',
  'topic.identity': 'Подтверждение личности и работа с СМЭВ',
  'topic.general': 'Общие вопросы и предложения по улучшению сервиса',
  'topic.complaint': 'Жалоба на качество обслуживания',
} satisfies Strings;
