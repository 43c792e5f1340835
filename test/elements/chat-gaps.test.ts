import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { bubbles, clearLocalData, mountChat, pickPng, text, type, until } from '../helpers/chat.js';
import { referenceServer } from '../helpers/reference-server.js';

describe('<gu-chat>: hand-off with files, offline start, stream again after polling, operator name', function () {
  this.timeout(40_000);
  let url = '';
  let api = '';

  before(async () => {
    ({ url, api } = await referenceServer());
  });
  beforeEach(async () => {
    await clearLocalData();
    await fetch(`${url}/__test/chat/hours`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ open: null }) });
  });

  it('«Оставить обращение» brings the transcript and the chat\'s files into the form', async () => {
    const form = await fixture<GuSupportForm>(html`<gu-support-form endpoint=${api}></gu-support-form>`);
    const el = await mountChat({ endpoint: api });
    await until(() => Boolean(el.behaviour?.session) && bubbles(el).length > 0);
    await pickPng(el, 'ошибка.png');
    await until(() => text(el).includes('ошибка.png'), 10_000);
    await type(el, 'Вот снимок экрана с ошибкой');
    await until(() => el.view.messages.some((m) => m.attachments?.length), 10_000);
    await el.behaviour!.toForm();
    await until(() => (form.state.values.description ?? '').includes('Вот снимок экрана с ошибкой'));
    expect(form.state.values.description).to.contain('Вы: Вот снимок экрана с ошибкой');
    // Through the form's own pipeline: checked, prepared, counted as its attachment.
    await until(() => form.files.length === 1, 10_000);
    expect(form.files[0]!.name).to.equal('ошибка.png');
    expect(form.files[0]!.type).to.equal('image/png');
    expect(form.files[0]!.data.byteLength).to.be.greaterThan(0);
    await expect(form).to.be.accessible();
    form.remove();
  });
});
