import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newKey, testServer, validTicket, type TestServer } from './helpers.js';

const ALICE = { Authorization: 'Bearer alice-portal-token' };
const BOB = { Authorization: 'Bearer bob-portal-token-2' };

describe('POST /api/my/tickets/{number}/access: the signed-in owner opens a ticket without the contact', () => {
  let server: TestServer;
  let alices = '';
  let anonymous = '';
  before(async () => {
    server = await testServer();
    const made = await server.post('/api/tickets', validTicket({ title: 'Обращение владельца' }), { 'Idempotency-Key': newKey(), ...ALICE });
    alices = ((await made.json()) as { number: string }).number;
    const anon = await server.post('/api/tickets', validTicket({ title: 'Обращение без входа' }), { 'Idempotency-Key': newKey() });
    anonymous = ((await anon.json()) as { number: string }).number;
  });
  after(() => server.stop());

  const access = (number: string, headers: Record<string, string> = {}) => server.post(`/api/my/tickets/${encodeURIComponent(number)}/access`, {}, headers);

  it('gives the owner the same { token, expiresAt, ticket } as the look-up, and the token opens the ticket', async () => {
    const response = await access(alices, ALICE);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { token: string; expiresAt: string; ticket: { number: string; title: string; contact?: unknown } };
    assert.equal(body.ticket.number, alices);
    assert.equal(body.ticket.title, 'Обращение владельца');
    assert.equal(body.ticket.contact, undefined, 'no contact in the citizen view');
    assert.ok(Date.parse(body.expiresAt) > Date.now());
    const lookup = await server.open(alices, '89123456789');
    assert.deepEqual(Object.keys(body).sort(), Object.keys(lookup).sort());
    assert.equal((await server.get(`/api/tickets/${alices}`, { 'X-Ticket-Token': body.token })).status, 200);
  });

  it('accepts the number in any form the validator normalises', async () => {
    assert.equal((await access(alices.replace(/-/g, ''), ALICE)).status, 200);
  });

  it('answers somebody else’s ticket, a ticket with no owner, an unknown and a malformed number with the same 404', async () => {
    const bodies: unknown[] = [];
    for (const [number, who] of [
      [alices, BOB],
      [anonymous, ALICE],
      ['0000-0000-0000', ALICE],
      ['not-a-number', ALICE],
    ] as const) {
      const response = await access(number, who);
      assert.equal(response.status, 404, `${number} → 404`);
      const problem = (await response.json()) as { title: string; token?: string; ticket?: unknown };
      assert.equal(problem.token, undefined);
      assert.equal(problem.ticket, undefined);
      bodies.push(problem.title);
    }
    assert.equal(new Set(bodies).size, 1, 'one neutral message');
    for (const odd of ['1'.repeat(300), '../tickets/lookup']) {
      assert.equal((await access(odd, ALICE)).status, 400, 'an over-long or encoded-slash segment is refused by the router itself');
    }
  });

  it('refuses without a bearer token (401 with WWW-Authenticate), with a malformed one, and never by the X-Ticket-Token of the ticket', async () => {
    const plain = await access(alices);
    assert.equal(plain.status, 401);
    assert.equal(plain.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await access(alices, { Authorization: 'Bearer x' })).status, 401, 'too short to be a token');
    assert.equal((await access(alices, { Authorization: 'Basic YWxpY2U6cGFzcw==' })).status, 401);
    const { token } = await server.open(alices, '89123456789');
    assert.equal((await access(alices, { 'X-Ticket-Token': token })).status, 401);
  });

  it('is a POST only: GET gives no token', async () => {
    const response = await server.get(`/api/my/tickets/${alices}/access`, ALICE);
    assert.notEqual(response.status, 200);
  });
});
