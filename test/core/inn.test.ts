import { expect } from '@open-wc/testing';
import { loadMessages } from '../../src/core/i18n/translate.js';

before(() => loadMessages('en'));
import { validateInn, innChecksumValid } from '../../src/core/validate/inn.js';

describe('validateInn', () => {
  it('accepts a valid 10-digit organisation INN', () => {
    expect(validateInn('7707083893')).to.deep.equal({ ok: true, value: '7707083893' });
  });
  it('accepts a valid 12-digit personal INN with separators', () => {
    expect(validateInn(' 5001 0073 2259 ')).to.deep.equal({ ok: true, value: '500100732259' });
  });
  it('refuses wrong check digits', () => {
    const result = validateInn('7707083894');
    expect(!result.ok && result.code).to.equal('checksum');
  });
  it('refuses wrong lengths and says how many digits were typed', () => {
    const result = validateInn('77070838');
    expect(!result.ok && result.code).to.equal('length');
    expect(!result.ok && result.message).to.contain('введено 8');
  });
  it('refuses letters', () => {
    expect(validateInn('77O7083893').ok).to.equal(false);
  });
  it('property: one changed digit breaks the checksum of the 12-digit form', () => {
    const base = '500100732259';
    expect(innChecksumValid(base)).to.equal(true);
    let caught = 0;
    for (let i = 0; i < 12; i++) {
      for (let d = 1; d < 10; d++) {
        const changed = base.slice(0, i) + ((Number(base[i]) + d) % 10) + base.slice(i + 1);
        if (!innChecksumValid(changed)) caught++;
      }
    }
    // Two mod-11 check digits catch every single-digit change of a 12-digit INN.
    expect(caught).to.equal(12 * 9);
  });
});
