import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/core/adapter/memory.js';
import { AdapterError } from '../../src/core/adapter/errors.js';
import type { NewTicket } from '../../src/core/adapter/types.js';

const ticket: NewTicket = {
  topic: 'login',
  title: 'Не могу войти',
  description: 'После ввода кода из СМС страница обновляется и вход не выполняется.',
  contact: { phone: '+7 912 345-67-89', email: 'ivanov@mail.ru' },
  consent: { version: '2025-09-01', givenAt: new Date().toISOString() },
};

async function kind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error.kind;
    throw error;
  }
  return 'ok';
}

describe('MemoryAdapter ticket access (same contract as the reference server)', () => {
  it('opens a ticket with number + contact, reads and comments with the access, refuses others', async () => {
    const adapter = new MemoryAdapter({ accessTtlMs: 60_000 });
    const { number } = await adapter.createTicket(ticket, [], { idempotencyKey: 'memory-key-1' });
    expect(number).to.match(/^\d{4}-\d{4}-\d{4}$/);
    expect(await kind(adapter.openTicket(number, '89990000000'))).to.equal('not-found');
    const { access, ticket: opened } = await adapter.openTicket(number.replace(/-/g, ' '), '8 912 345 67 89');
    expect(opened.title).to.equal('Не могу войти');
    expect(access.number).to.equal(number);
    expect((await adapter.addComment(access, 'Уточнение', [], { idempotencyKey: 'memory-key-2' })).text).to.equal('Уточнение');
    expect((await adapter.getTicket(access)).comments).to.have.length(1);
    adapter.expireAccess();
    expect(await kind(adapter.getTicket(access))).to.equal('unauthorized');
    expect(await kind(adapter.getTicket({ ...access, token: 'forged' }))).to.equal('unauthorized');
  });
});
