import type { Strings } from '../catalogue.js';

/** The articles <gu-support-form> suggests while the citizen describes the problem. Russian: the source language. */
export const deflection = {
  'deflection.heading': 'Возможно, ответ уже есть',
  'deflection.hint': 'Начните описывать проблему — здесь появятся подходящие статьи справки.',
  'deflection.found': { one: 'Подходит {n} статья справки', few: 'Подходят {n} статьи справки', many: 'Подходят {n} статей справки', other: 'Подходят {n} статьи справки' },
  'deflection.close': 'Свернуть статью',
} satisfies Strings;
