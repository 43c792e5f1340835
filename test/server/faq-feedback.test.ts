import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newKey, testServer, type TestServer } from './helpers.js';

const OPERATOR = { Authorization: 'Bearer operator-test' };

describe('FAQ feedback and deflection counts', () => {
  let server: TestServer;
  before(async () => (server = await testServer()));
  after(() => server.stop());

  const stats = async () => (await (await server.get('/api/operator/faq-stats', OPERATOR)).json()) as {
    deflection: { opened: number; sent: number; avoided: number };
    feedback: { articles: { articleId: string; helpful: number; notHelpful: number }[]; comments: { articleId: string; helpful: boolean; comment: string }[] };
  };

  it('stores feedback once per Idempotency-Key and shows it to the operator only', async () => {
    const key = newKey();
    const body = { helpful: false, comment: 'Не нашёл, где сменить номер телефона' };
    const first = await server.post('/api/faq/articles/oshibka-401/feedback', body, { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    const replay = await server.post('/api/faq/articles/oshibka-401/feedback', body, { 'Idempotency-Key': key });
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await server.post('/api/faq/articles/oshibka-401/feedback', { helpful: true }, { 'Idempotency-Key': key })).status, 422);
    assert.equal((await server.post('/api/faq/articles/oshibka-401/feedback', { helpful: true }, { 'Idempotency-Key': newKey() })).status, 201);

    assert.equal((await server.get('/api/operator/faq-stats')).status, 401);
    const { feedback } = await stats();
    assert.deepEqual(feedback.articles.find((a) => a.articleId === 'oshibka-401'), { articleId: 'oshibka-401', helpful: 1, notHelpful: 1 });
    assert.deepEqual(feedback.comments.map((c) => [c.articleId, c.helpful, c.comment]), [['oshibka-401', false, body.comment]]);
  });

  it('refuses feedback without a key, on an unknown article, without an answer or with an overlong comment', async () => {
    assert.equal((await server.post('/api/faq/articles/oshibka-401/feedback', { helpful: true })).status, 400);
    assert.equal((await server.post('/api/faq/articles/no-such-article/feedback', { helpful: true }, { 'Idempotency-Key': newKey() })).status, 404);
    assert.equal((await server.post('/api/faq/articles/oshibka-401/feedback', { comment: 'да' }, { 'Idempotency-Key': newKey() })).status, 422);
    assert.equal((await server.post('/api/faq/articles/oshibka-401/feedback', { helpful: true, comment: 'я'.repeat(1001) }, { 'Idempotency-Key': newKey() })).status, 422);
    assert.equal((await server.post('/api/faq/articles/oshibka-401/feedback', [true], { 'Idempotency-Key': newKey() })).status, 400);
  });

  it('refuses personal data in the comment with the same guard as ticket comments, and stores none of it', async () => {
    const post = (comment: unknown, lang = 'ru') =>
      server.post('/api/faq/articles/oshibka-401/feedback', { helpful: false, comment }, { 'Idempotency-Key': newKey(), 'Accept-Language': lang });
    for (const comment of ['Карта 4111 1111 1111 1111 не проходит', 'Паспорт 4510 123456 не принимают', 'мой пароль: Qwerty123', 'код из смс 482913 не подходит']) {
      const response = await post(comment);
      assert.equal(response.status, 422, comment);
      const problem = (await response.json()) as { errors: { field: string; code: string; detail: string }[] };
      assert.deepEqual(problem.errors.map((e) => [e.field, e.code]), [['comment', 'pii']]);
    }
    const english = (await (await post('card 4111 1111 1111 1111', 'en')).json()) as { errors: { detail: string }[] };
    assert.match(english.errors[0]!.detail, /[A-Za-z]/);
    assert.equal((await post(12345)).status, 422, 'a comment that is not a string is refused, not dropped');
    assert.equal((await post(null)).status, 201, 'no comment is fine');
    const { feedback } = await stats();
    assert.ok(!feedback.comments.some((c) => /4111|4510|Qwerty|482913/.test(c.comment)));
  });

  it('counts form visits that opened an article, and those that sent a request after all', async () => {
    const before = (await stats()).deflection;
    assert.equal((await server.post('/api/faq/deflections', { session: 'visit-0001', articleIds: ['oshibka-401'], sent: false })).status, 204);
    assert.equal((await server.post('/api/faq/deflections', { session: 'visit-0001', articleIds: ['oshibka-503'], sent: false })).status, 204);
    assert.equal((await server.post('/api/faq/deflections', { session: 'visit-0002', articleIds: ['oshibka-401'], sent: false })).status, 204);
    assert.equal((await server.post('/api/faq/deflections', { session: 'visit-0002', articleIds: [], sent: true })).status, 204);
    // «sent» never goes back: a late report of the opening does not undo the request.
    assert.equal((await server.post('/api/faq/deflections', { session: 'visit-0002', articleIds: ['oshibka-401'], sent: false })).status, 204);
    const after = (await stats()).deflection;
    assert.deepEqual({ opened: after.opened - before.opened, sent: after.sent - before.sent, avoided: after.avoided - before.avoided }, { opened: 2, sent: 1, avoided: 1 });
  });

  it('refuses malformed deflection reports', async () => {
    for (const body of [
      { session: 'x', articleIds: [], sent: false },
      { session: 'visit-0003', articleIds: ['no-such-article'], sent: false },
      { session: 'visit-0003', articleIds: 'oshibka-401', sent: false },
      { session: 'visit-0003', articleIds: [], sent: 'yes' },
    ]) assert.equal((await server.post('/api/faq/deflections', body)).status, 422, JSON.stringify(body));
  });
});
