import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright';
import { PNG_1x1, launchChromium, testServer, type TestServer } from './helpers.js';
import { chatClient, isEvent, isMessage, type ChatMessageBody } from './chat-helpers.js';

/**
 * Two people chatting on the reference server: the citizen through the API (as <gu-chat> does),
 * the operator in the real console in Chromium under the demo's strict CSP.
 */
/** Signs in to the console with the test token and opens the first chat in the queue; its message log. */
async function openFirstInQueue(page: Page, server: TestServer): Promise<Locator> {
  await page.goto(`${server.url}/operator/`);
  await page.getByLabel('Токен оператора').fill('operator-test');
  await page.getByRole('button', { name: 'Войти' }).click();
  const entry = page.getByRole('button', { name: /в очереди, №1/ });
  await entry.waitFor();
  await entry.click();
  return page.getByRole('log');
}

describe('operator console: the chat', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await testServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the queue, takes a chat, types and sees typing, sends a file, marks read and ends the chat', async () => {
    const chat = chatClient(server);
    const session = await chat.start();
    await chat.send(session, { text: 'Не приходит СМС с кодом при входе' });
    await chat.call(session, 'operator');
    const citizen = await chat.events(session);
    await citizen.next(isEvent('read'), 'snapshot');

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    const log = await openFirstInQueue(page, server);
    await log.getByText('Не приходит СМС с кодом при входе').waitFor();
    await page.getByLabel('Ваше имя для гражданина').fill('Оператор Анна');
    await page.getByRole('button', { name: 'Взять чат' }).click();
    await citizen.next(isEvent('state', (d) => d.state === 'operator' && d.operatorName === 'Оператор Анна'), 'taken by Анна');
    await page.getByRole('button', { name: 'Взять чат' }).waitFor({ state: 'hidden' });

    // The operator types: the citizen sees it. The citizen types: the console shows it.
    await page.getByLabel('Сообщение').pressSequentially('Здравствуйте');
    assert.deepEqual((await citizen.next(isEvent('typing'), 'operator typing')).data, { type: 'typing', author: 'operator', active: true });
    await chat.call(session, 'typing', { active: true });
    await page.getByText('Гражданин печатает…').waitFor();

    // A citizen's message arrives live, clears the typing mark, and is marked read.
    await chat.send(session, { text: 'Жду ответа' });
    await log.getByText('Жду ответа').waitFor();
    await page.getByText('Гражданин печатает…').waitFor({ state: 'detached' });
    const lastSeq = (await chat.messages(session)).session.lastSeq;
    await citizen.next(isEvent('read', (d) => d.seq === lastSeq), 'read mark');

    // A file with the text.
    await page.getByLabel(/Файлы/).setInputFiles({ name: 'guide.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await page.getByRole('button', { name: 'Отправить' }).click();
    const sent = (await citizen.next(isMessage((m) => m.author === 'operator'), 'operator message')).data.message as ChatMessageBody;
    assert.equal(sent.text, 'Здравствуйте');
    assert.equal(sent.operatorName, 'Оператор Анна');
    assert.equal(sent.attachments![0]!.name, 'guide.png');
    await log.getByRole('link', { name: /guide\.png/ }).waitFor();
    assert.equal(await page.getByLabel('Сообщение').inputValue(), '');

    // The citizen reads it: the console shows the mark.
    await chat.call(session, 'read', { seq: sent.seq });
    await log.getByText('✓ прочитано').waitFor();

    await page.getByRole('button', { name: 'Завершить чат' }).click();
    assert.equal((await citizen.next(isEvent('ended'), 'ended')).data.endedBy, 'operator');
    await page.getByText(/завершён: оператор завершил чат/).first().waitFor();
    assert.ok(await page.getByLabel('Сообщение').isDisabled());
    citizen.close();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('follows a conversation again after its stream was cut, without doubling messages', async () => {
    const chat = chatClient(server);
    const session = await chat.start();
    await chat.call(session, 'operator');
    const page = await browser.newPage();
    const log = await openFirstInQueue(page, server);
    await log.getByText(/Вы в очереди/).waitFor();
    await server.post('/__test/chat/drop-streams', {});
    await chat.send(session, { text: 'Пока связи не было' });
    await log.getByText('Пока связи не было').waitFor();
    await chat.send(session, { text: 'И после' });
    await log.getByText('И после').waitFor();
    const seqs = await log.locator('[data-seq]').evaluateAll((nodes) => nodes.map((n) => Number((n as HTMLElement).dataset.seq)));
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1));
    await page.close();
  });
});
