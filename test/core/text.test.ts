import { expect } from '@open-wc/testing';
import { loadMessages } from '../../src/core/i18n/translate.js';

before(() => loadMessages('en'));
import { findSensitive, removeFragments, isUrgent, luhnValid, visibleLength, validateText } from '../../src/core/validate/text.js';

describe('visibleLength and validateText', () => {
  it('counts what the user sees', () => {
    expect(visibleLength('привет')).to.equal(6);
    expect(visibleLength('👍🏽')).to.equal(1);
    expect(visibleLength('и\u0306')).to.equal(1);
    expect(visibleLength('a\r\nb')).to.equal(3);
    // Plain Russian and Latin text is counted without a segmenter; anything that may join is not.
    expect(visibleLength('«Ошибка 401» — № 5…')).to.equal(19);
    expect(visibleLength('ё\u0308 и й\u200d')).to.equal(5);
    expect(visibleLength('')).to.equal(0);
  });
  it('checks limits with the numbers in the message', () => {
    const long = validateText('x'.repeat(2001), { max: 2000 });
    expect(!long.ok && long.message).to.contain('2000');
    const short = validateText('мало', { min: 10, required: true });
    expect(!short.ok && short.code).to.equal('too-short');
    expect(validateText('  ', { required: true }).ok).to.equal(false);
    expect(validateText('  ', {})).to.deep.equal({ ok: true, value: '' });
  });
});

describe('findSensitive (PII guard)', () => {
  it('finds a Luhn-valid card number with spaces', () => {
    const text = 'Списали дважды с карты 4276 3800 1234 5679 вчера';
    const [found] = findSensitive(text);
    expect(found?.kind).to.equal('card');
    expect(text.slice(found!.start, found!.end)).to.equal('4276 3800 1234 5679');
  });
  it('ignores digit runs that fail Luhn, phones, SNILS and error codes', () => {
    expect(findSensitive('Номер 4276 3800 1234 5675, тел. 8 912 345-67-89, СНИЛС 112-233-445 95, ошибка 401')).to.deep.equal([]);
    expect(luhnValid('4276380012345679')).to.equal(true);
  });
  it('finds CVC, password and SMS code phrases', () => {
    const kinds = findSensitive('CVC 123. Мой пароль: Qwerty123! Код из СМС 482913 не подходит').map((f) => f.kind);
    expect(kinds).to.deep.equal(['cvc', 'password', 'sms-code']);
  });
  it('does not flag talk about passwords without a password', () => {
    expect(findSensitive('Не могу сменить пароль и войти, код ошибки 500')).to.deep.equal([]);
  });
  it('finds passport series and number', () => {
    const kinds = findSensitive('Паспорт 4510 123456, выдан ОВД').map((f) => f.kind);
    expect(kinds).to.deep.equal(['passport']);
    expect(findSensitive('серия 45 10 № 123456').map((f) => f.kind)).to.deep.equal(['passport']);
  });
  it('names each finding in the user language', () => {
    expect(findSensitive('пароль: x1', 'en')[0]?.label).to.equal('a password');
  });
  it('removes the fragments and tidies spaces', () => {
    const text = 'Оплата картой 4276 3800 1234 5679 не прошла.';
    expect(removeFragments(text, findSensitive(text))).to.equal('Оплата картой не прошла.');
  });
});

describe('isUrgent', () => {
  it('recognises сбой, недоступность, отказ in any inflection', () => {
    for (const text of ['Сбой при оплате', 'после сбоя', 'из-за сбоев', 'Сайт недоступен', 'недоступность сервиса', 'Отказ в приёме', 'отказывает в доступе']) {
      expect(isUrgent(text), text).to.equal(true);
    }
  });
  it('does not fire on other words', () => {
    for (const text of ['Не могу войти', 'собой', 'сбор документов', 'доступно']) expect(isUrgent(text), text).to.equal(false);
  });
});

describe('validateText: what no field may hold', () => {
  it('refuses a "short" text swollen by combining marks, by code points, without segmenting it', () => {
    const swollen = validateText(`a${'\u0301'.repeat(30_000)}`, { required: true, max: 150 });
    expect(swollen).to.include({ ok: false, code: 'too-long' });
    expect(!swollen.ok && swollen.message).to.contain('невидимых знаков');
    // Plain long text still gets the usual count.
    const long = validateText('ж'.repeat(400), { max: 150 });
    expect(!long.ok && long.message).to.contain('сейчас 400');
    // Ordinary emoji and accents fit.
    expect(validateText('👍🏽 Ошибка при входе ё', { max: 150 }).ok).to.equal(true);
  });

  it('limits bytes as well as characters', () => {
    expect(validateText('😀'.repeat(10), { max: 150, maxBytes: 20 })).to.include({ ok: false, code: 'too-long' });
  });

  it('refuses NUL, control characters, lone surrogates and bidi overrides with one clear message', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u0085b', 'a\ud800b', 'a\udc00b', 'a\u202eb', 'a\u202ab', 'a\u2066b', 'a\u2069b']) {
      const result = validateText(bad, { max: 100 });
      expect(result, JSON.stringify(bad)).to.include({ ok: false, code: 'characters' });
    }
    expect(validateText('line\r\nbreak\tand tab', { max: 100 }).ok).to.equal(true);
    expect(validateText('😀', { max: 100 }).ok).to.equal(true); // a surrogate pair is fine
    const english = validateText('a\u202eb', { max: 100 }, 'en');
    expect(!english.ok && english.message).to.contain('Type the text again');
  });

  it('normalises to NFC', () => {
    expect(validateText('и\u0306 е\u0308', { max: 10 })).to.deep.equal({ ok: true, value: 'й ё' });
  });
});
