import { expect, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { Drafts } from '../../src/core/outbox/drafts.js';
import { clearLocalData } from '../../src/core/outbox/outbox.js';
import { handoff } from '../../src/events/gu-handoff.js';
import { readFaqCache, writeFaqCache } from '../../src/core/search/cache.js';
import '../../src/elements/support-form/gu-support-form.js';
import type { GuSupportForm } from '../../src/elements/support-form/gu-support-form.js';
import { control, fill, fillValid, mountForm, submit, until } from '../helpers/form.js';

const CARD = '4111 1111 1111 1111';
const PASSWORD = 'Qwerty123';

/** The draft as stored in IndexedDB right now. */
async function storedDraft(key: string): Promise<Record<string, string> | undefined> {
  const drafts = await Drafts.open();
  try {
    const draft = await drafts.load(key);
    return draft && draft !== 'expired' ? draft.values : undefined;
  } finally {
    drafts.close();
  }
}

/** Waits until the stored draft satisfies `check` (drafts are saved half a second after typing). */
async function draftWhere(key: string, check: (values: Record<string, string>) => boolean): Promise<Record<string, string>> {
  let values: Record<string, string> | undefined;
  await until(() => {
    void storedDraft(key).then((v) => (values = v));
    return Boolean(values && check(values));
  }, 8000);
  return values!;
}

describe('<gu-support-form> keeps secrets and hidden fields out of storage and requests', () => {
  beforeEach(() => clearLocalData());

  it('never stores a password or a card number the PII guard finds in a draft', async () => {
    const key = `privacy-${Date.now()}`;
    const el = await mountForm(new MemoryAdapter(), {}, key);
    await fill(el, 'title', 'Не могу войти');
    await fill(el, 'description', `Мой пароль: ${PASSWORD}, карта ${CARD}, после ввода ошибка 401.`);
    const draft = await draftWhere(key, (v) => Boolean(v.description));
    expect(draft.description).not.to.contain(PASSWORD);
    expect(draft.description).not.to.contain('4111');
    expect(draft.description).to.contain('ошибка 401');
    // On screen the text is still there, with the warning, until the citizen removes it.
    expect(control<HTMLTextAreaElement>(el, 'description').value).to.contain(PASSWORD);
  });

  it('saves the draft again after «Удалить из текста», so a new tab restores the cleaned text', async () => {
    const key = `privacy-remove-${Date.now()}`;
    const el = await mountForm(new MemoryAdapter(), {}, key);
    await fill(el, 'title', 'Оплата не проходит');
    await fill(el, 'description', `Списали дважды с карты ${CARD}, прошу вернуть деньги.`);
    await draftWhere(key, (v) => Boolean(v.description));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.pii-warning .button')!.click();
    await el.updateComplete;
    const cleaned = control<HTMLTextAreaElement>(el, 'description').value;
    expect(cleaned).not.to.contain('4111');
    await draftWhere(key, (v) => v.description === cleaned);
    el.remove();
    const again = await mountForm(new MemoryAdapter(), {}, key);
    await until(() => control<HTMLTextAreaElement>(again, 'description').value === cleaned);
  });

  it('clearLocalData() also forgets the cached FAQ index', async () => {
    await writeFaqCache('/api|ru', { version: 'v1', categories: [], articles: [] });
    expect(await readFaqCache('/api|ru')).to.not.equal(undefined);
    const el = await mountForm(new MemoryAdapter());
    await el.clearLocalData();
    expect(await readFaqCache('/api|ru')).to.equal(undefined);
  });

  it('a hand-off fills only the fields this page shows, and only those are sent', async () => {
    const el: GuSupportForm = await mountForm(new MemoryAdapter()); // INN and account number are hidden by default
    handoff({ title: 'Из справки: ошибка 403', 'contact.inn': '500100732259', 'contact.accountNumber': '12345' });
    await el.updateComplete;
    expect(control(el, 'title').value).to.equal('Из справки: ошибка 403');
    expect(el.shadowRoot!.querySelector('[data-field="contact.inn"]')).to.equal(null);
    await fillValid(el, 'Из справки: ошибка 403');
    const sending = oneEvent(el, 'gu-submit');
    await submit(el);
    const sent = JSON.parse(JSON.stringify((await sending).detail.ticket)) as { contact: Record<string, string> }; // as it travels
    expect(sent.contact).not.to.have.property('inn');
    expect(sent.contact).not.to.have.property('accountNumber');
  });
});
