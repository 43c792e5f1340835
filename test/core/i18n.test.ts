import { expect } from '@open-wc/testing';
import { loadMessages, messagesReady, translate, registerMessages, supportedLang } from '../../src/core/i18n/translate.js';
import { commonStrings } from '../../src/core/i18n/catalogues/common.js';

before(() => loadMessages('en'));

describe('i18n', () => {
  it('picks Russian plural forms', () => {
    expect(translate('ru', 'common.workingDays', { n: 1 })).to.equal('1 рабочий день');
    expect(translate('ru', 'common.workingDays', { n: 3 })).to.equal('3 рабочих дня');
    expect(translate('ru', 'common.workingDays', { n: 11 })).to.equal('11 рабочих дней');
    expect(translate('ru', 'common.workingDays', { n: 21 })).to.equal('21 рабочий день');
    expect(translate('en', 'common.workingDays', { n: 1 })).to.equal('1 working day');
  });
  it('falls back to Russian for unknown languages and maps regional tags', () => {
    expect(supportedLang('en-GB')).to.equal('en');
    expect(supportedLang('tt')).to.equal('ru');
  });
  it('lets a ministry override strings or add a language without forking', () => {
    registerMessages('tt', { 'common.copied': 'Күчерелде' });
    expect(translate('tt', 'common.copied')).to.equal('Күчерелде');
    expect(translate('tt', 'common.copy')).to.equal('Скопировать');
  });
  it('loads a language per catalogue, for the catalogues a page uses', async () => {
    expect(commonStrings.t('en', 'common.copy')).to.equal('Copy');
    expect(messagesReady('en')).to.equal(true);
    // A catalogue that arrives later (an element's chunk) is loaded in the languages already asked for.
    const { attachStrings } = await import('../../src/core/i18n/catalogues/attach.js');
    await loadMessages('en');
    expect(attachStrings.t('en', 'attach.choose')).to.equal('Choose files');
  });
});
