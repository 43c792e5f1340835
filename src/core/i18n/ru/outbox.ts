import type { Strings } from '../catalogue.js';

/** The offline queue: what waits, what was delivered, storage problems. Russian: the source language. */
export const outbox = {
  'outbox.title': 'Ждут отправки',
  'outbox.offline': 'Будет отправлено, когда появится связь',
  'outbox.retrying': 'Сервер поддержки пока не принял обращение — отправим автоматически',
  'outbox.written': 'Написано {time}',
  'outbox.cancel': 'Отменить и вернуть в форму',
  'outbox.expired': 'Не отправлено за {days}. Отправьте сейчас или скачайте и удалите копию из браузера.',
  'outbox.sendNow': 'Отправить сейчас',
  'outbox.download': 'Скачать обращение',
  'outbox.delete': 'Удалить из браузера',
  'outbox.notify': 'Сообщить, когда отправится',
  'outbox.notification': 'Обращение «{summary}» доставлено: № {number}',
  'outbox.alreadyQueued': 'Это обращение уже ждёт отправки — второе создавать не нужно.',
  'outbox.unavailable': 'Браузер не даёт сохранять данные (например, в приватном режиме): черновик не сохранится, а без связи обращение не отправится. Если связь пропадёт, скачайте обращение файлом.',
  'outbox.blocked': 'Портал открыт в другой вкладке со старой версией формы. Закройте её, чтобы черновики и отправка без связи снова работали. Пока обращение уйдёт только при наличии связи.',
  'outbox.quota': 'В браузере не хватает места, чтобы сохранить обращение на случай обрыва связи. Отправьте его без сохранения или скачайте файлом.',
  'outbox.sendWithoutSaving': 'Отправить без сохранения',
} satisfies Strings;
