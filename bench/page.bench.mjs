// `npm run bench:page`: the demo page as a citizen on a cheap phone meets it. The built kit on the
// reference server, Chromium at 412×823 with the CPU slowed 6× and the network at 400 kbit/s with
// 400 ms round trips (Chrome DevTools Protocol emulation); a first visit (empty cache) and a return
// visit (same profile). Then five 13 MB photos chosen at once, and the tab's memory before, at the
// peak and after removing them. Writes bench/results/page.json.
import { chromium } from 'playwright';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from './reference-server.mjs';

const CPU_SLOWDOWN = 6;
/** Visits of each kind; the median is reported (the machine may be shared: its load is recorded). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NETWORK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const VIEWPORT = { width: 412, height: 823 };
const MB = 1024 * 1024;

/** Observers installed before the page's own code: LCP, layout shifts, long tasks, the form's first paint. */
function observe() {
  const seen = { lcp: 0, cls: 0, longTasks: [], formVisible: 0 };
  window.__bench = seen;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (seen.lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => !e.hadRecentInput && (seen.cls += e.value))).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  // Visible: the first frame painted after the form's shadow root holds its <form> (checked once
  // per frame; the bench itself waits on this promise, not by polling the page).
  window.__benchVisible = new Promise((resolve) => {
    const poll = () => {
      if (document.querySelector('gu-support-form')?.shadowRoot?.querySelector('form')) requestAnimationFrame(() => resolve((seen.formVisible = performance.now())));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

/** Bytes on the wire (headers and bodies, as encoded) of every response from navigation until idle. */
function countBytes(cdp) {
  let bytes = 0;
  const requests = [];
  cdp.on('Network.responseReceived', (e) => requests.push({ url: e.response.url, status: e.response.status, fromCache: e.response.fromDiskCache || e.response.fromMemoryCache }));
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  return { bytes: () => bytes, requests };
}

/**
 * Evaluates in the page through the protocol itself: Playwright's page.evaluate would first compile
 * its own helper script in the page, a 100 ms task at 6× that is not the page's.
 */
async function inPage(cdp, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
  return result.value;
}

async function visit(page, cdp, url) {
  const counter = countBytes(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await inPage(cdp, 'window.__benchVisible');
  // Quiet: the form's behaviour, topics and outbox have arrived (its updateComplete waits for them).
  await inPage(cdp, "document.querySelector('gu-support-form').updateComplete.then(() => true)");
  await page.waitForLoadState('networkidle');
  const seen = await inPage(cdp, 'window.__bench');
  // TBT as Lighthouse counts it: the part of each main-thread task over 50 ms, from first paint on.
  const fcp = await inPage(cdp, "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0");
  const tbt = seen.longTasks.filter(([start]) => start >= fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
  return {
    form_visible_ms: Math.round(seen.formVisible),
    lcp_ms: Math.round(seen.lcp),
    cls: Number(seen.cls.toFixed(4)),
    tbt_ms: Math.round(tbt),
    longest_task_ms: Math.round(Math.max(0, ...seen.longTasks.map(([, d]) => d))),
    long_tasks: seen.longTasks.filter(([start]) => start >= fcp).map(([start, duration]) => `${Math.round(duration)} ms at ${Math.round(start)}`),
    bytes: counter.bytes(),
    requests: counter.requests.map((r) => `${r.status}${r.fromCache ? ' (cache)' : ''} ${r.url.replace(/^https?:\/\/[^/]+/, '')}`),
  };
}

/**
 * The tab's memory: private (unshared) memory of the renderers (page, workers, decoded images)
 * and the GPU process (compositing), from /proc. Private, not Pss: a proportional share of shared
 * libraries would change with every other Chromium running on the machine.
 */
async function tabMemory(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  let kb = 0;
  for (const { type, id } of processInfo) {
    if (type !== 'renderer' && type !== 'GPU') continue;
    const rollup = await readFile(`/proc/${id}/smaps_rollup`, 'utf8').catch(() => '');
    for (const field of ['Private_Clean', 'Private_Dirty', 'SwapPss']) kb += Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
  }
  return kb / 1024;
}

/**
 * Five phone photos of about 13 MB: 4000×3000 JPEGs made by Chromium's encoder, written to disk so
 * the page gets disk-backed Files. In a browser of their own: its processes are gone before the
 * measured one starts, so they are not counted in its memory.
 */
async function makePhotos(launch, dir) {
  const browser = await launch();
  const page = await browser.newPage();
  const paths = [];
  for (let i = 0; i < 5; i++) {
    const base64 = await page.evaluate(async (seed) => {
      const canvas = new OffscreenCanvas(4000, 3000);
      const ctx = canvas.getContext('2d');
      const image = ctx.createImageData(4000, 3000);
      let x = seed * 7919 + 1;
      for (let p = 0; p < image.data.length; p += 4) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        image.data[p] = ((p >> 12) & 255) ^ (x & 255);
        image.data[p + 1] = ((p >> 14) & 255) ^ ((x >> 8) & 127);
        image.data[p + 2] = 128 ^ ((x >> 16) & 63);
        image.data[p + 3] = 255;
      }
      ctx.putImageData(image, 0, 0);
      // The lowest quality that makes a 13 MB file (a phone's high-quality photo of a busy scene).
      let blob;
      for (const quality of [0.9, 0.94, 0.96, 0.98, 0.99, 1]) {
        blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        if (blob.size >= 12.5 * 1024 * 1024) break;
      }
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let j = 0; j < bytes.length; j += 0x8000) text += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
      return btoa(text);
    }, i);
    const path = join(dir, `photo-${i + 1}.jpg`);
    writeFileSync(path, Buffer.from(base64, 'base64'));
    paths.push(path);
  }
  await browser.close();
  return paths;
}

/** Each figure's median over the rounds (requests of the round whose form was visible at the median). */
function median(rounds) {
  const mid = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const out = {};
  for (const key of Object.keys(rounds[0])) out[key] = typeof rounds[0][key] === 'number' ? mid(rounds.map((r) => r[key])) : rounds.find((r) => r.form_visible_ms === mid(rounds.map((x) => x.form_visible_ms)))[key];
  return out;
}

async function settleMemory(cdp, browserCdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  // Freed pages go back to the system lazily: a few readings, the lowest counts.
  let low = Infinity;
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 400));
    low = Math.min(low, await tabMemory(browserCdp));
  }
  return low;
}

const dataDir = mkdtempSync(join(tmpdir(), 'gu-page-bench-'));
const photoDir = mkdtempSync(join(tmpdir(), 'gu-page-photos-'));
const server = await startReferenceServer(dataDir);
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
const photos = await makePhotos(launch, photoDir);
const browser = await launch();
try {
  const browserCdp = await browser.newBrowserCDPSession();
  const url = `${server.url}/`;
  console.log(`Demo page, ${CPU_SLOWDOWN}× CPU, ${NETWORK.downloadThroughput * 8 / 1000} kbit/s, ${NETWORK.latency} ms RTT, ${VIEWPORT.width}×${VIEWPORT.height}, ${ROUNDS} rounds…`);
  const load = [loadavg()[0]];
  const colds = [];
  const warms = [];
  let context;
  let page;
  let cdp;
  for (let round = 0; round < ROUNDS; round++) {
    await context?.close();
    // A fresh profile each round: the first visit has an empty cache, the second is the return.
    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(observe);
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    colds.push(await visit(page, cdp, url));
    warms.push(await visit(page, cdp, url));
    load.push(loadavg()[0]);
  }
  const cold = median(colds);
  const warm = median(warms);

  // Memory: no throttling (the CPU slowdown does not reach the compression workers anyway).
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('gu-support-form').updateComplete);
  const form = page.locator('gu-support-form');
  await form.locator('gu-file-drop').scrollIntoViewIfNeeded();
  const startMb = await settleMemory(cdp, browserCdp);
  const sizes = photos.map((p) => Math.round((statSync(p).size / MB) * 10) / 10);
  let peak = startMb;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await tabMemory(browserCdp));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = Date.now();
  await form.locator('input[type=file]').setInputFiles(photos);
  await page.waitForFunction(() => {
    const drop = document.querySelector('gu-support-form').shadowRoot.querySelector('gu-file-drop');
    return drop.items.length === 5 && drop.items.every((i) => i.state !== 'processing');
  }, null, { timeout: 120_000, polling: 100 });
  const compressMs = Date.now() - started;
  // The thumbnails are on screen (decoded) while the peak is read.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const states = await page.evaluate(() => document.querySelector('gu-support-form').shadowRoot.querySelector('gu-file-drop').items.map((i) => `${i.state}${i.message ? `: ${i.message}` : ''}`));
  const thumbnails = await page.evaluate(() => [...document.querySelector('gu-support-form').shadowRoot.querySelector('gu-file-drop').shadowRoot.querySelectorAll('img.thumb')].map((img) => `${img.naturalWidth}×${img.naturalHeight}`));
  peak = Math.max(peak, await tabMemory(browserCdp));
  sampling = false;
  await sampler;
  const remove = form.locator('gu-file-drop').getByRole('button', { name: /^Удалить/ });
  while ((await remove.count()) > 0) await remove.first().click();
  const afterMb = await settleMemory(cdp, browserCdp);

  const report = {
    measured_at: new Date().toISOString(),
    browser: `Chromium ${browser.version()} via Playwright, CDP emulation`,
    rounds: ROUNDS,
    machine_load_average: load.map((l) => Number(l.toFixed(2))),
    cold_rounds_form_visible_ms: colds.map((r) => r.form_visible_ms),
    warm_rounds_form_visible_ms: warms.map((r) => r.form_visible_ms),
    conditions: { cpu_slowdown: CPU_SLOWDOWN, download_kbit_s: 400, upload_kbit_s: 400, rtt_ms: NETWORK.latency, viewport: VIEWPORT },
    cold: { form_visible_ms: cold.form_visible_ms, lcp_ms: cold.lcp_ms, cls: cold.cls, tbt_ms: cold.tbt_ms, bytes: cold.bytes, longest_task_ms: cold.longest_task_ms, long_tasks: cold.long_tasks, requests: cold.requests },
    warm: { form_visible_ms: warm.form_visible_ms, bytes: warm.bytes, cls: warm.cls, tbt_ms: warm.tbt_ms, requests: warm.requests },
    five_photos_peak_mb: Math.round(peak),
    after_remove_mb: Math.round(afterMb),
    start_mb: Math.round(startMb),
    photos: { sizes_mb: sizes, states, thumbnails, compress_all_ms_unthrottled: compressMs },
    how_measured: {
      rounds: 'cold and warm figures are the median of the rounds, each in a fresh browser profile; CPU-bound figures (form visible, TBT) grow when the machine is shared, see machine_load_average (1-minute load of this 2-core machine before and after each round)',
      form_visible_ms: 'from navigation start to the first animation frame after the form\'s <form> is in its shadow root',
      bytes: 'sum of CDP Network.loadingFinished encodedDataLength (headers and bodies as sent) from navigation until network idle',
      tbt_ms: 'sum over long tasks (PerformanceObserver "longtask") after first contentful paint of the time over 50 ms',
      memory: 'tab memory = private memory (Private_Clean + Private_Dirty + SwapPss, /proc/<pid>/smaps_rollup) of all renderer processes of the measured browser (the tab\'s and Chromium\'s idle ones) and its GPU process (pids from CDP SystemInfo.getProcessInfo), after a forced GC for start and after-removal (lowest of 5 readings 0.4 s apart), sampled every 50 ms for the peak; performance.measureUserAgentSpecificMemory is unavailable here (the page is not cross-origin isolated)',
      photos: 'compression and memory with no CPU or network throttling: the CPU slowdown does not reach the compression workers, so their timings are reported unthrottled',
    },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/page.json', JSON.stringify(report, null, 2) + '\n');
  console.table({
    cold: { form_visible_ms: cold.form_visible_ms, lcp_ms: cold.lcp_ms, cls: cold.cls, tbt_ms: cold.tbt_ms, bytes: cold.bytes, longest_task_ms: cold.longest_task_ms },
    warm: { form_visible_ms: warm.form_visible_ms, lcp_ms: warm.lcp_ms, cls: warm.cls, tbt_ms: warm.tbt_ms, bytes: warm.bytes, longest_task_ms: warm.longest_task_ms },
  });
  console.log(`Five photos (${sizes.join(', ')} MB): ${states.join('; ')}; thumbnails ${thumbnails.join(', ')}; all ready in ${compressMs} ms (unthrottled)`);
  console.log(`Tab memory: start ${Math.round(startMb)} MB, peak ${Math.round(peak)} MB, after removal ${Math.round(afterMb)} MB`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(photoDir, { recursive: true, force: true });
}
