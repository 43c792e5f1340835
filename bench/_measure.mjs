import { chromium } from 'playwright';
import { startReferenceServer } from '/work/wt-perf/bench/reference-server.mjs';
import { mkdtempSync } from 'node:fs';
const server = await startReferenceServer(mkdtempSync('/tmp/gu-m-'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 823 } });
await page.goto(server.url + '/');
await page.waitForTimeout(1500);
for (const w of [200, 224, 250, 280, 300, 320, 350, 384, 400, 420, 450, 480, 500, 550, 600, 640, 672]) {
  console.log(w, await page.evaluate(async (w) => { const f = document.querySelector('gu-support-form'); f.style.width = w + 'px'; await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); const d = f.shadowRoot.querySelector('gu-file-drop'); return [Math.round(f.getBoundingClientRect().height), d.getBoundingClientRect().height, getComputedStyle(d).marginTop, getComputedStyle(d).marginBottom, getComputedStyle(d).display]; }, w));
}
await browser.close(); await server.stop();
