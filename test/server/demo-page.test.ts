import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { launchChromium, newKey, testServer, validTicket, type TestServer } from './helpers.js';

/**
 * The main job end to end: the built kit on the demo portal, served with the strict CSP,
 * in Debian's Chromium. A CSP break, a third-party request or a dead form shows here.
 */
describe('demo portal in Chromium under the strict CSP', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    assert.ok(existsSync('dist/gu-support-kit.js'), 'dist/ is missing: run `npm run build` first');
    server = await testServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders every element, sends a request and makes no third-party request', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith(`blob:${server.url}`) && !r.url().startsWith('data:') && foreign.push(r.url()));
    await page.goto(`${server.url}/`);
    const form = page.locator('gu-support-form');
    await form.locator('select').selectOption('login');
    await form.getByLabel('Кратко о проблеме').fill('Проверка демо-страницы');
    await form.getByLabel('Подробное описание').fill('Форма на демо-странице отправляет обращение под строгой CSP.');
    await form.getByLabel('Телефон').fill('8 912 345-67-89');
    // A 3 MB noisy PNG: refused as is, reduced by the Worker (which must load under the CSP).
    const png = await page.evaluate(async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 1400, height: 1000 });
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(1400, 1000);
      for (let i = 0; i < image.data.length; i += 65536) crypto.getRandomValues(image.data.subarray(i, i + 65536));
      for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
      ctx.putImageData(image, 0, 0);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      // Base64, not a number array: millions of numbers take seconds to cross to Node.
      return new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).split(',')[1]!);
        reader.readAsDataURL(blob);
      });
    });
    const bytes = Buffer.from(png, 'base64');
    assert.ok(bytes.length > 2 * 1024 * 1024, `the test image must be over the limit, got ${bytes.length}`);
    await form.locator('input[type=file]').setInputFiles({ name: 'экран.png', mimeType: 'image/png', buffer: bytes });
    await form.locator('gu-file-drop li', { hasText: '→' }).waitFor({ timeout: 20_000 });
    await form.getByRole('checkbox', { name: /согласие/ }).check();
    await form.getByRole('button', { name: 'Отправить' }).click();
    const heading = form.getByRole('heading', { name: /Обращение № [\d-]+ принято/ });
    await heading.waitFor({ timeout: 10_000 });
    const number = /№ ([\d-]+)/.exec((await heading.textContent()) ?? '')![1];
    const ticket = (await (await server.get(`/api/operator/tickets/${number}`, { Authorization: 'Bearer operator-test' })).json()) as { attachments: { name: string; type: string; size: number }[] };
    assert.equal(ticket.attachments.length, 1);
    assert.equal(ticket.attachments[0]!.type, 'image/jpeg');
    assert.ok(ticket.attachments[0]!.size <= 2 * 1024 * 1024);
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    // The success panel opens the request just made in <gu-ticket-status>: no retyping, nothing in the URL.
    const before = page.url();
    await form.getByRole('button', { name: 'Посмотреть статус обращения' }).click();
    const status = page.locator('gu-ticket-status');
    await status.getByRole('heading', { name: `Обращение № ${number}` }).waitFor({ timeout: 10_000 });
    assert.equal(await status.locator('dd [part=badge]').textContent(), 'Принято');
    assert.equal(page.url(), before);
    assert.deepEqual(problems, []);
    // The chat: the page's button opens the kit's window, the bot greets, Esc closes it.
    await page.getByRole('button', { name: 'Открыть чат' }).click();
    const chat = page.locator('gu-chat');
    await chat.getByText('Я Макс').waitFor({ timeout: 10_000 });
    await chat.getByRole('textbox', { name: 'Сообщение' }).fill('Не приходит СМС-код');
    await chat.getByRole('textbox', { name: 'Сообщение' }).press('Enter');
    await chat.locator('.card a').first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await chat.getByRole('button', { name: 'Чат с поддержкой' }).waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
    await page.close();
  });

  it('FAQ search under the CSP: finds with a typo, opens #faq/<id>, the back button returns, «Написать в поддержку» fills the form', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/`);
    const faq = page.locator('gu-faq-search');
    const box = faq.getByRole('combobox', { name: 'Поиск ответа' });
    await box.fill('восстоновление пороля');
    await faq.getByRole('option', { name: /Восстановление доступа к учетной записи/ }).waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await faq.getByRole('heading', { name: 'Восстановление доступа к учетной записи' }).waitFor();
    assert.equal(new URL(page.url()).hash, '#faq/vosstanovlenie-dostupa-k-uchetnoy-zapisi');
    await page.goBack();
    await faq.locator('li[role=option]').first().waitFor();
    await faq.getByRole('button', { name: 'Не нашли ответ? Написать в поддержку' }).click();
    const title = page.locator('gu-support-form').getByLabel('Кратко о проблеме');
    // The hand-off is an event: poll the field until it arrives (5 s at most).
    for (let i = 0; i < 100 && (await title.inputValue()) !== 'восстоновление пороля'; i++) await page.waitForTimeout(50);
    assert.equal(await title.inputValue(), 'восстоновление пороля');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the page itself: language switch named by its text, page language kept, 320 px wide, skip link in a landmark', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/`);
    const form = page.locator('gu-support-form');
    await form.getByLabel('Кратко о проблеме').waitFor();
    const button = page.locator('#lang');
    const name = await button.evaluate((el) => el.textContent!.trim());
    assert.equal(await button.getAttribute('aria-label'), null, 'the name is the visible text');
    await page.getByRole('button', { name }).click();
    await form.getByLabel('The problem in a few words').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru', 'the portal\'s own text is still Russian');
    assert.equal(await page.evaluate(() => document.querySelector('gu-support-provider')!.getAttribute('lang')), 'en');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `the page is ${width} px wide at 320 px`);
    assert.ok(await page.evaluate(() => Boolean(document.querySelector('.skip')!.closest('header, main, nav, footer'))), 'the skip link is inside a landmark');
    await page.close();
  });

  it('the operator console works under the same CSP and draws a long list, and a swollen title, capped', async () => {
    // 120 more tickets, and one stored before the server refused swollen texts (written to the database directly).
    const letters = (n: number) => [...String(n)].map((d) => 'абвгдежзик'[Number(d)]).join('');
    for (let batch = 0; batch < 4; batch++) {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          server.post('/api/tickets', validTicket({ title: `Список ${letters(batch * 30 + i)}` }), { 'Idempotency-Key': newKey() }).then((r) => assert.equal(r.status, 201)),
        ),
      );
    }
    const db = new Database(join(server.dataDir, 'support.sqlite'));
    db.prepare("UPDATE tickets SET title = ? WHERE title = 'Список баа'").run(`Ж${'\u0301'.repeat(30_000)}${'ы'.repeat(500)}`);
    db.close();

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${server.url}/operator/`);
    await page.getByLabel('Токен оператора').fill('operator-test');
    await page.getByRole('button', { name: 'Войти' }).click();
    const swollen = page.locator('#tickets li span', { hasText: 'ыыы' });
    await swollen.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#tickets li').count(), 101, 'a page of 100 and a «show more» button');
    const drawn = (await swollen.textContent()) ?? '';
    assert.ok([...drawn].length <= 161, `title drawn with ${[...drawn].length} code points`);
    await page.getByRole('button', { name: /Показать ещё/ }).click();
    await page.getByText('Проверка демо-страницы').waitFor({ timeout: 30_000 });
    // Extending a request's deadline from the console: the citizen's view reads it from the API.
    await page.locator('#tickets li button').first().click();
    const number = /№ ([\d-]+)/.exec((await page.locator('#detail strong').first().textContent()) ?? '')![1]!;
    await page.getByLabel('Продлить срок до').fill(new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel('Причина продления').fill('Нужен ответ ведомства');
    await page.getByRole('button', { name: 'Продлить срок' }).click();
    await page.getByText(/продлён до/).waitFor({ timeout: 10_000 });
    const extended = (await (await server.get(`/api/operator/tickets/${number}`, { Authorization: 'Bearer operator-test' })).json()) as { extension?: { reason: string } };
    assert.equal(extended.extension?.reason, 'Нужен ответ ведомства');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
