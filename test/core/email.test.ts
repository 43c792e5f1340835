import { expect } from '@open-wc/testing';
import { loadMessages } from '../../src/core/i18n/translate.js';

before(() => loadMessages('en'));
import { validateEmail, asciiDomain, suggestDomain } from '../../src/core/validate/email.js';

describe('validateEmail', () => {
  const accepted: [string, string][] = [
    ['ivanov@mail.ru', 'ivanov@mail.ru'],
    ['  ivanov@mail.ru  ', 'ivanov@mail.ru'],
    ['Ivan.Ivanov+support@Yandex.RU', 'Ivan.Ivanov+support@yandex.ru'],
    ['ivan@почта.рф', 'ivan@почта.рф'],
    ['ivan@ПОЧТА.РФ', 'ivan@почта.рф'],
    ['ivan@xn--80a1acny.xn--p1ai', 'ivan@xn--80a1acny.xn--p1ai'],
    ['a_b-c@sub.domain.gov.ru', 'a_b-c@sub.domain.gov.ru'],
    ["o'brien@example.com", "o'brien@example.com"],
  ];
  for (const [input, value] of accepted) {
    it(`accepts «${input}»`, () => {
      const result = validateEmail(input);
      expect(result.ok).to.equal(true);
      if (result.ok) {
        expect(result.value).to.equal(value);
        expect(result.warning).to.equal(undefined);
      }
    });
  }

  const refused: [string, string][] = [
    ['', 'empty'],
    ['ivanov.mail.ru', 'no-at'],
    ['иван@mail.ru', 'local'],
    ['ivan ov@mail.ru', 'local'],
    ['@mail.ru', 'local'],
    ['ivan@', 'domain'],
    ['ivan@localhost', 'domain'],
    ['ivan@mail..ru', 'domain'],
    ['ivan@-mail.ru', 'domain'],
    ['ivan@mail.ru/evil', 'domain'],
    ['ivan@mail ru', 'domain'],
    ['ivan@1.2.3.4', 'domain'],
    [`${'a'.repeat(250)}@mail.ru`, 'too-long'],
  ];
  for (const [input, code] of refused) {
    it(`refuses «${input.slice(0, 40)}» with ${code}`, () => {
      const result = validateEmail(input);
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        expect(result.code).to.equal(code);
        expect(result.message.length).to.be.greaterThan(20);
      }
    });
  }

  const typos: [string, string][] = [
    ['ivan@mail.ry', 'ivan@mail.ru'],
    ['ivan@mial.ru', 'ivan@mail.ru'],
    ['ivan@yandex.ri', 'ivan@yandex.ru'],
    ['ivan@yandx.ru', 'ivan@yandex.ru'],
    ['ivan@gmail.ru', 'ivan@gmail.com'],
    ['ivan@gmial.com', 'ivan@gmail.com'],
    ['ivan@gmail.co', 'ivan@gmail.com'],
  ];
  for (const [input, suggestion] of typos) {
    it(`warns about «${input}» and suggests ${suggestion}`, () => {
      const result = validateEmail(input);
      expect(result.ok).to.equal(true);
      if (result.ok) {
        expect(result.value).to.equal(input);
        expect(result.warning?.suggestion).to.equal(suggestion);
        expect(result.warning?.message).to.contain(suggestion);
      }
    });
  }

  it('does not "correct" real neighbours of popular domains', () => {
    for (const domain of ['mail.com', 'yandex.com', 'bk.ru', 'ya.ru', 'gosuslugi.ru']) expect(suggestDomain(domain), domain).to.equal(null);
  });

  it('converts Cyrillic domains with the platform URL parser', () => {
    expect(asciiDomain('почта.рф')).to.equal('xn--80a1acny.xn--p1ai');
    expect(asciiDomain('bad domain')).to.equal(null);
  });
});
