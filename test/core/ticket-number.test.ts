import { expect } from '@open-wc/testing';
import { loadMessages } from '../../src/core/i18n/translate.js';
import { TICKET_NUMBER } from '../../src/core/validate/ticket.js';
import { dammDigit, formatTicketNumber, generateTicketNumber, validateTicketNumber } from '../../src/core/validate/ticket-number.js';

before(() => loadMessages('en'));

describe('ticket numbers', () => {
  it('generates 12 random digits with a valid check digit, never starting with 0', () => {
    const numbers = Array.from({ length: 200 }, () => generateTicketNumber());
    for (const number of numbers) {
      expect(number).to.match(/^[1-9]\d{3}-\d{4}-\d{4}$/);
      expect(dammDigit(number.replace(/-/g, ''))).to.equal(0);
      expect(validateTicketNumber(number)).to.deep.equal({ ok: true, value: number });
      expect(TICKET_NUMBER.test(number)).to.equal(true);
    }
    expect(new Set(numbers).size).to.equal(200);
  });

  it('draws every digit about equally often (rejection sampling, no modulo bias)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 2000; i++) for (const d of generateTicketNumber().replace(/-/g, '').slice(1, 11)) counts[Number(d)]!++;
    for (const count of counts) expect(count).to.be.within(1600, 2400); // 20,000 draws, 2,000 expected each
  });

  it('uses the random source it is given', () => {
    const zeros = (n: number) => new Uint8Array(n).fill(7);
    expect(generateTicketNumber(zeros)).to.equal(formatTicketNumber(`77777777777${dammDigit('77777777777')}`));
  });

  it('catches every single wrong digit and every swap of two neighbours', () => {
    const digits = generateTicketNumber().replace(/-/g, '');
    for (let i = 0; i < 12; i++) {
      for (let d = 0; d < 10; d++) {
        if (String(d) === digits[i]) continue;
        const typo = digits.slice(0, i) + d + digits.slice(i + 1);
        expect(validateTicketNumber(typo).ok, typo).to.equal(false);
      }
      if (i < 11 && digits[i] !== digits[i + 1]) {
        const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
        expect(validateTicketNumber(swapped), swapped).to.include({ ok: false, code: 'checksum' });
      }
    }
  });

  it('accepts what people type: spaces, dashes, «№», and gives the canonical form', () => {
    const number = generateTicketNumber();
    const digits = number.replace(/-/g, '');
    for (const typed of [digits, ` ${number} `, `№ ${number}`, `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`, number.replace(/-/g, '–')]) {
      expect(validateTicketNumber(typed), typed).to.deep.equal({ ok: true, value: number });
    }
  });

  it('says what to do, in Russian and English', () => {
    expect(validateTicketNumber('')).to.include({ ok: false, code: 'empty' });
    const letters = validateTicketNumber('AB-1234');
    expect(letters).to.include({ ok: false, code: 'characters' });
    expect(!letters.ok && letters.message).to.contain('12 цифр');
    const short = validateTicketNumber('2026000123');
    expect(short).to.include({ ok: false, code: 'length' });
    expect(!short.ok && short.message).to.contain('введено 10');
    const english = validateTicketNumber('1234-5678-9010', 'en');
    expect(!english.ok && english.message).to.match(/typo/);
  });
});
