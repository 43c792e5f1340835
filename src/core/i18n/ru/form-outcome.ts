import type { Strings } from '../catalogue.js';

/** <gu-support-form> after «Отправить»: the success panel, failures, the PII guard. Russian: the source language. */
export const formOutcome = {
  'form.pii.title': 'Уберите из текста секретные данные',
  'form.pii.text': 'Специалистам поддержки они не нужны, а отправлять их небезопасно. Найдено: {found}.',
  'form.pii.remove': 'Удалить из текста',
  'form.pii.dismiss': 'Это не секретные данные',
  'form.pii.error': 'Удалите из описания {found} — поддержке они не нужны',
  'form.pii.errorTitle': 'Удалите из поля «Кратко о проблеме» {found} — поддержке они не нужны',
  'form.success.title': 'Обращение № {number} принято',
  'form.success.number': 'Номер обращения',
  'form.success.firstReply': 'Первый ответ — в течение 24 часов, до {date}.',
  'form.success.deadline': 'Решение — в течение {days}, до {date}.',
  'form.success.email': 'Копию отправим на {email}.',
  'form.success.follow': 'Сохраните номер: по нему и телефону можно узнать статус обращения.',
  'form.success.new': 'Написать ещё одно обращение',
  'form.duplicate': 'Вы уже отправили это обращение — № {number}. Второе создавать не нужно.',
  'form.duplicateServer': 'Такое обращение уже зарегистрировано — № {number}. Мы не стали создавать второе.',
  'form.error.offline': 'Нет соединения с интернетом. Проверьте подключение и нажмите «Отправить» ещё раз — всё, что вы написали, сохранено в форме.',
  'form.error.timeout': 'Сервер поддержки не ответил вовремя. Нажмите «Отправить» ещё раз — второе обращение не создастся.',
  'form.error.server': 'На сервере поддержки произошла ошибка. Попробуйте отправить ещё раз через несколько минут — всё, что вы написали, сохранено в форме.',
  'form.error.rateLimited': 'Слишком много обращений подряд. Попробуйте через {wait}.',
  'form.error.rejected': 'Сервер не принял обращение. Исправьте отмеченные поля и отправьте ещё раз.',
  'form.error.notFound': 'Адрес сервера поддержки указан неверно. Сообщите администратору сайта.',
  'form.error.noAdapter': 'Форма не подключена к серверу поддержки: не указан атрибут endpoint. Сообщите администратору сайта.',
} satisfies Strings;
