import type { Article, FaqCategory } from '../src/core/adapter/types.js';

/** Section names as demo/content/faq.json gives them. */
export const storyCategories: FaqCategory[] = [
  { id: 'login', title: 'Вход и учётная запись' },
  { id: 'technical', title: 'Сайт и приложение' },
  { id: 'errors', title: 'Справка по ошибкам' },
];

const at = '2026-11-20T09:00:00Z';

/** A few articles in the words of demo/content, for the stories' MemoryAdapter (the demo corpus is read by the server). */
export const storyArticles: Article[] = [
  {
    id: 'vosstanovlenie-dostupa-k-uchetnoy-zapisi',
    title: 'Восстановление доступа к учетной записи',
    category: 'login',
    body: 'Если вы забыли пароль, нажмите «Восстановить» на странице входа и укажите телефон, почту или СНИЛС.\n\n- Код придёт в СМС или на почту.\n- Новый пароль должен отличаться от старых.\n\nЕсли доступ восстановить не удалось, обратитесь в центр обслуживания с паспортом: [адреса центров](https://www.gosuslugi.ru/help/obratitsya_v_centr).',
    errorCodes: [],
    updatedAt: at,
    keywords: ['забыл пароль', 'не могу войти'],
    popularity: 100,
  },
  {
    id: 'ne-prihodit-sms-kod',
    title: 'Не приходит СМС с кодом',
    category: 'login',
    body: 'Проверьте, что телефон в сети и номер в профиле указан верно. Код действует 5 минут; запросить новый можно через минуту.\n\n1. Перезагрузите телефон.\n2. Освободите место для сообщений.\n3. Проверьте, не блокирует ли оператор короткие номера.',
    errorCodes: [],
    updatedAt: at,
    keywords: ['смс', 'код подтверждения'],
    popularity: 90,
  },
  {
    id: 'oshibka-401',
    title: 'Ошибка 401: нужно войти заново',
    category: 'errors',
    body: 'Ошибка 401 значит, что сеанс истёк или вход не выполнен. Выйдите из личного кабинета, закройте вкладку и войдите снова.\n\nЕсли ошибка повторяется, очистите cookies сайта и попробуйте в другом браузере.',
    errorCodes: ['401'],
    updatedAt: at,
    popularity: 70,
  },
  {
    id: 'oshibka-503',
    title: 'Ошибка 503: сервис временно недоступен',
    category: 'errors',
    body: 'Сервис ведомства перегружен или на профилактике. Повторите попытку через 15–30 минут; черновик заявления сохранится.',
    errorCodes: ['503'],
    updatedAt: at,
    popularity: 40,
  },
  {
    id: 'medlennaya-rabota-sayta',
    title: 'Медленная работа сайта',
    category: 'technical',
    body: 'Страницы загружаются медленно при слабом соединении или перегруженном браузере.\n\n- Закройте лишние вкладки.\n- Обновите браузер до последней версии.\n- Отключите расширения, которые блокируют скрипты.',
    errorCodes: [],
    updatedAt: at,
    keywords: ['тормозит', 'долго грузится'],
    popularity: 60,
  },
  {
    id: 'gde-skachat-prilozhenie-gosuslugi',
    title: 'Где скачать приложение «Госуслуги»',
    category: 'technical',
    body: 'Приложение есть в RuStore, App Store, Google Play и AppGallery. Скачивайте только из официальных магазинов.',
    errorCodes: [],
    updatedAt: at,
    popularity: 50,
  },
];
