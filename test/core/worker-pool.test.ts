import { expect } from '@open-wc/testing';
import { prepareFile, prewarmCompression, type PreparedFile } from '../../src/core/attach/compress.js';
import { DEFAULT_POLICY } from '../../src/core/attach/policy.js';
import { acquireWorker, workerFailed } from '../../src/core/attach/worker-pool.js';
import type { Validation } from '../../src/core/result.js';
import { photo } from '../helpers/images.js';

/**
 * A worker that cannot start or stops answering never holds a file: the picture is reduced on the
 * main thread instead. The failures an app meets: the worker file missing (a static server's 404),
 * an app server answering HTML for it (SPA fallback), a file that never answers.
 */
const realWorker = new URL('../../src/core/attach/compress.worker.ts', import.meta.url);
const fixture = (name: string) => new URL(`../fixtures/workers/${name}`, import.meta.url);
const LIMIT = 200 * 1024;
let picture: File;

function value(result: Validation<PreparedFile>): PreparedFile {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** Waits for a condition, not for a time. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function reduce(workerUrl: URL, extra: { readyTimeoutMs?: number; silenceTimeoutMs?: number } = {}): Promise<PreparedFile> {
  const progress: number[] = [];
  const result = value(await prepareFile(picture, { ...DEFAULT_POLICY, imageBytes: LIMIT }, 'ru', { workerUrl, onProgress: (p) => progress.push(p), ...extra }));
  expect(progress.at(-1)).to.equal(1);
  return result;
}

describe('attachments: a worker that fails never holds a file', function () {
  this.timeout(60_000);

  before(async () => {
    picture = await photo(1600, 1200);
    expect(picture.size).to.be.greaterThan(LIMIT);
  });

  it('worker file missing (404): reduced on the main thread', async () => {
    const url = fixture('missing-worker.js');
    const result = await reduce(url);
    expect(result.data.byteLength).to.be.at.most(LIMIT);
    expect(result.type).to.equal('image/jpeg');
    expect(workerFailed(String(url))).to.equal(true);
  });

  it('HTML instead of JavaScript (an app server’s fallback page): reduced on the main thread', async () => {
    const url = fixture('not-a-worker.html');
    const result = await reduce(url);
    expect(result.data.byteLength).to.be.at.most(LIMIT);
    expect(workerFailed(String(url))).to.equal(true);
  });

  it('a worker that never says it is ready is given up after the deadline', async () => {
    const url = fixture('silent.js');
    const result = await reduce(url, { readyTimeoutMs: 300 });
    expect(result.data.byteLength).to.be.at.most(LIMIT);
    expect(workerFailed(String(url))).to.equal(true);
    // The next file does not wait again.
    expect(await acquireWorker(String(url), () => new Worker(url, { type: 'module' }))).to.equal(null);
  });

  it('a worker that goes silent in the middle of a job: the main thread takes over', async () => {
    const result = await reduce(fixture('mute.js'), { silenceTimeoutMs: 300 });
    expect(result.data.byteLength).to.be.at.most(LIMIT);
  });

  it('a worker that crashes on the job: the main thread takes over', async () => {
    const result = await reduce(fixture('crash.js'));
    expect(result.data.byteLength).to.be.at.most(LIMIT);
  });

  it('a prewarmed worker that failed before the first file is not handed on (the hang of issue 14)', async () => {
    const url = fixture('prewarmed-missing.js');
    prewarmCompression(url);
    await until(() => workerFailed(String(url)));
    const result = await reduce(url);
    expect(result.data.byteLength).to.be.at.most(LIMIT);
  });

  it('a prewarmed worker still loading when the file comes: its failure is heard', async () => {
    const url = fixture('not-a-worker.html?prewarmed');
    prewarmCompression(url);
    const result = await reduce(url); // takes the starting worker at once
    expect(result.data.byteLength).to.be.at.most(LIMIT);
    expect(workerFailed(String(url))).to.equal(true);
  });

  it('a working worker answers and is used', async () => {
    const worker = await acquireWorker(String(realWorker), () => new Worker(realWorker, { type: 'module' }));
    expect(worker).to.be.instanceOf(Worker);
    worker!.terminate();
    const result = await reduce(realWorker);
    expect(result.data.byteLength).to.be.at.most(LIMIT);
    expect(workerFailed(String(realWorker))).to.equal(false);
  });

  it('a cancel while waiting for the worker rejects with AbortError and does not mark it broken', async () => {
    const url = fixture('silent.js?cancel');
    const controller = new AbortController();
    const pending = prepareFile(picture, { ...DEFAULT_POLICY, imageBytes: LIMIT }, 'ru', { workerUrl: url, signal: controller.signal, readyTimeoutMs: 60_000 });
    controller.abort();
    let caught: unknown;
    try {
      await pending;
    } catch (error) {
      caught = error;
    }
    expect((caught as DOMException).name).to.equal('AbortError');
    expect(workerFailed(String(url))).to.equal(false);
  });

  it('the policy’s workerUrl is used when the call names none; null means the main thread', async () => {
    const url = fixture('policy-missing.js');
    const viaPolicy = value(await prepareFile(picture, { ...DEFAULT_POLICY, imageBytes: LIMIT, workerUrl: url }));
    expect(viaPolicy.data.byteLength).to.be.at.most(LIMIT);
    expect(workerFailed(String(url))).to.equal(true);
    const none = value(await prepareFile(picture, { ...DEFAULT_POLICY, imageBytes: LIMIT, workerUrl: null }));
    expect(none.data.byteLength).to.be.at.most(LIMIT);
  });
});
