import type { Strings } from '../catalogue.js';

/** <gu-ticket-status> on its first paint: the look-up form, status words, failures. Russian: the source language. */
export const ticket = {
  'ticket.lookup.title': 'Узнать статус обращения',
  'ticket.lookup.intro': 'Введите номер обращения и телефон или e-mail, которые вы указали в нём.',
  'ticket.lookup.number': 'Номер обращения',
  'ticket.lookup.numberHint': '12 цифр, например 4821-0375-9916',
  'ticket.lookup.contact': 'Телефон или e-mail',
  'ticket.lookup.contactHint': 'Тот, что вы указали в обращении',
  'ticket.lookup.contactEmpty': 'Введите телефон или e-mail, указанный в обращении',
  'ticket.lookup.contactInvalid': 'Введите телефон, например +7 912 345-67-89, или e-mail, например ivanov@mail.ru',
  'ticket.lookup.submit': 'Показать статус',
  'ticket.lookup.loading': 'Ищем обращение…',
  'ticket.lookup.notFound': 'Обращение с таким номером и контактом не найдено. Проверьте номер и укажите тот телефон или e-mail, что были в обращении.',
  'ticket.lookup.rateLimited': 'Слишком много попыток. Попробуйте снова после {time} по московскому времени.',
  'ticket.lookup.recent': 'Недавно просмотренные на этом устройстве',
  'ticket.lookup.recentUse': 'Подставить номер {number}',
  'ticket.status.accepted': 'Принято',
  'ticket.status.in-progress': 'В работе',
  'ticket.status.awaiting-info': 'Ожидает уточнений',
  'ticket.status.resolved': 'Решено',
  'ticket.status.closed': 'Закрыто',
  'ticket.error.offline': 'Нет соединения с интернетом. Проверьте подключение и попробуйте ещё раз.',
  'ticket.error.server': 'Сервер поддержки сейчас недоступен. Попробуйте ещё раз через несколько минут.',
  'ticket.error.malformed': 'Сервер поддержки прислал данные, которые не удалось прочитать. Попробуйте позже или позвоните на горячую линию.',
  'ticket.loading': 'Загружаем…',
} satisfies Strings;
