import { expect } from '@open-wc/testing';
import { loadMessages } from '../../src/core/i18n/translate.js';

before(() => loadMessages('en'));
import { validatePhone, formatPhone } from '../../src/core/validate/phone.js';

describe('validatePhone', () => {
  const accepted: [string, string][] = [
    ['+7 912 345-67-89', '+79123456789'],
    ['+79123456789', '+79123456789'],
    ['8 (912) 345-67-89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['(912) 345 67 89', '+79123456789'],
    [' +7 (495) 123-45-67 ', '+74951234567'],
    ['8 800 100-70-10', '+78001007010'],
    ['+7\u00a0912\u00a0345\u201167\u201189', '+79123456789'],
    ['8.912.345.67.89', '+79123456789'],
    // A citizen abroad writes the country code with +.
    ['+49 30 1234567', '+49301234567'],
    ['+375 29 123-45-67', '+375291234567'],
  ];
  for (const [input, e164] of accepted) {
    it(`accepts «${input}» as ${e164}`, () => {
      expect(validatePhone(input)).to.deep.equal({ ok: true, value: e164 });
    });
  }

  const refused: [string, string, RegExp][] = [
    ['', 'empty', /Введите номер телефона/],
    ['8 912 ABC-67-89', 'letters', /только цифры/],
    ['8 912 345*67*89', 'characters', /лишние знаки/],
    ['8 912 345-67', 'too-short', /не хватает цифр/],
    ['8 912 345-67-890', 'too-long', /лишние цифры/],
    ['+7 912 345-67-890', 'too-long', /лишние цифры/],
    ['+7 012 345-67-89', 'bad-code', /не начинается с 0 или 1/],
    ['8 112 345-67-89', 'bad-code', /не начинается с 0 или 1/],
    ['+8 912 345-67-89', 'plus-eight', /\+7 или 8/],
    ['+44 12', 'foreign-length', /международном формате/],
  ];
  for (const [input, code, message] of refused) {
    it(`refuses «${input}» with ${code}`, () => {
      const result = validatePhone(input);
      expect(result.ok).to.equal(false);
      if (!result.ok) {
        expect(result.code).to.equal(code);
        expect(result.message).to.match(message);
      }
    });
  }

  it('speaks English', () => {
    const result = validatePhone('12', 'en');
    expect(!result.ok && result.message).to.match(/missing digits/);
  });

  it('formats E.164 for display', () => {
    expect(formatPhone('+79123456789')).to.equal('+7 912 345-67-89');
    expect(formatPhone('+49301234567')).to.equal('+49301234567');
  });
});
