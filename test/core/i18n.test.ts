import { expect } from '@open-wc/testing';
import { translate, registerMessages, supportedLang } from '../../src/core/i18n/translate.js';

describe('i18n', () => {
  it('picks Russian plural forms', () => {
    expect(translate('ru', 'common.chars', { n: 1 })).to.equal('1 символ');
    expect(translate('ru', 'common.chars', { n: 3 })).to.equal('3 символа');
    expect(translate('ru', 'common.chars', { n: 11 })).to.equal('11 символов');
    expect(translate('ru', 'common.chars', { n: 21 })).to.equal('21 символ');
  });
  it('falls back to Russian for unknown languages and maps regional tags', () => {
    expect(supportedLang('en-GB')).to.equal('en');
    expect(supportedLang('tt')).to.equal('ru');
  });
  it('lets a ministry override strings or add a language without forking', () => {
    registerMessages('tt', { 'common.close': 'Ябу' });
    expect(translate('tt', 'common.close')).to.equal('Ябу');
    expect(translate('tt', 'common.copy')).to.equal('Скопировать');
  });
});
