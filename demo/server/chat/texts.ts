import type { ChatQuickReply } from './wire.js';

/** What the bot and the system say, in the session's language (set at creation from `lang` or Accept-Language). */
const TEXTS = {
  ru: {
    greeting: 'Здравствуйте! Я Макс, бот поддержки. Опишите проблему своими словами — подскажу статью из справки. Нужен человек — нажмите «Связаться с живым оператором».',
    found: 'Вот что может помочь. Если статья не подошла, нажмите «Не помогло».',
    notFound: 'Не нашёл подходящей статьи. Попробуйте описать проблему иначе или свяжитесь с живым оператором.',
    offer: 'Похоже, статьи не помогают. Соединить вас с живым оператором?',
    queued: 'Вы в очереди к оператору. Всё, что вы уже написали, оператор увидит.',
    closedHours: (hours: string) => `Операторы сейчас не работают: ${hours}. Оставьте обращение через форму или закажите обратный звонок — ответим в рабочее время.`,
    joined: (name: string) => `${name} подключился к чату.`,
    callback: (phone: string) => `Оператор перезвонит на номер ${phone} в рабочее время. Чат завершён.`,
    endedCitizen: 'Вы завершили чат. Оцените, пожалуйста, помощь.',
    endedOperator: 'Оператор завершил чат. Оцените, пожалуйста, помощь.',
    operatorName: 'Оператор',
    citizen: 'Вы',
    bot: 'Бот',
    system: 'Система',
    files: 'Файлы',
    replies: { operator: 'Связаться с живым оператором', form: 'Оставить обращение', callback: 'Заказать обратный звонок' },
    samples: ['Не приходит СМС-код', 'Ошибка при входе', 'Не проходит оплата'],
  },
  en: {
    greeting: "Hello! I'm Max, the support bot. Describe the problem in your own words and I'll suggest a help article. Need a person? Press «Talk to an operator».",
    found: 'This may help. If an article did not, press «Did not help».',
    notFound: 'I found no matching article. Try describing the problem differently or talk to an operator.',
    offer: 'It seems the articles do not help. Shall I connect you with an operator?',
    queued: 'You are in the queue for an operator. The operator will see everything you have written.',
    closedHours: (hours: string) => `Operators are not at work now: ${hours}. Leave a request through the form or ask for a call back; we answer during working hours.`,
    joined: (name: string) => `${name} joined the chat.`,
    callback: (phone: string) => `An operator will call ${phone} during working hours. The chat has ended.`,
    endedCitizen: 'You ended the chat. Please rate the help.',
    endedOperator: 'The operator ended the chat. Please rate the help.',
    operatorName: 'Operator',
    citizen: 'You',
    bot: 'Bot',
    system: 'System',
    files: 'Files',
    replies: { operator: 'Talk to an operator', form: 'Leave a request', callback: 'Ask for a call back' },
    samples: ['SMS code does not arrive', 'Sign-in error', 'Payment fails'],
  },
};

export type Lang = keyof typeof TEXTS;
export type Texts = (typeof TEXTS)['ru'];

export function texts(lang: Lang): Texts {
  return TEXTS[lang];
}

export function langOf(value: unknown): Lang {
  return typeof value === 'string' && value.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** How to reach a person now: the operator while they work, else the form and a call back. */
export function personReplies(lang: Lang, operatorsAtWork: boolean): ChatQuickReply[] {
  const { replies } = TEXTS[lang];
  return operatorsAtWork
    ? [{ action: 'operator', label: replies.operator }]
    : [
        { action: 'form', label: replies.form },
        { action: 'callback', label: replies.callback },
      ];
}
