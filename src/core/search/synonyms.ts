/**
 * Words citizens use for what the articles call otherwise. Each group lists equivalent
 * spellings; a one-word member typed in a query also finds the other members (a phrase must
 * match all its words). Data, not code: a portal may pass its own list to createFaqIndex.
 */
export const DEFAULT_SYNONYMS: readonly (readonly string[])[] = [
  ['юрлицо', 'юридическое лицо', 'организация'],
  ['ип', 'индивидуальный предприниматель'],
  ['физлицо', 'физическое лицо'],
  ['смс', 'sms'],
  ['лк', 'личный кабинет'],
  ['аккаунт', 'учетная запись', 'учетка'],
  ['логин', 'вход'],
  ['войти', 'вход', 'авторизация'],
  ['пароль', 'password'],
  ['эцп', 'электронная подпись'],
  ['мфц', 'многофункциональный центр'],
  ['email', 'электронная почта', 'емейл', 'имейл', 'почта'],
  ['скрин', 'скриншот', 'снимок экрана'],
  ['тормозит', 'медленно', 'зависает'],
  ['глючит', 'сбой', 'ошибка'],
  ['приложуха', 'приложение'],
  ['техподдержка', 'поддержка'],
  ['app', 'приложение'],
];
