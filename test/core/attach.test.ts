import { expect } from '@open-wc/testing';
import { prepareFile } from '../../src/core/attach/compress.js';
import { DEFAULT_POLICY, decide, fitsList, formatBytes } from '../../src/core/attach/policy.js';
import { redactImage } from '../../src/core/attach/redact.js';
import { stripJpegMetadata } from '../../src/core/attach/exif.js';
import type { PreparedFile } from '../../src/core/attach/compress.js';
import type { Validation } from '../../src/core/result.js';
import { containsAscii, dimensions, jpegWithExif, photo, pixelAt, screenshot } from '../helpers/images.js';
import { PNG_1x1 } from '../helpers/files.js';

const workerUrl = new URL('../../src/core/attach/compress.worker.ts', import.meta.url);
const MB = 1024 * 1024;

function value(result: Validation<PreparedFile>): PreparedFile {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('attachments: policy', () => {
  it('refuses by real type, with the reason and the limit', () => {
    expect(decide('отчёт.pdf', 6 * MB, 'application/pdf')).to.deep.include({ ok: false, code: 'too-big' });
    const big = decide('отчёт.pdf', 6 * MB, 'application/pdf');
    expect(!big.ok && big.message).to.equal('Файл «отчёт.pdf» больше 5 МБ: сожмите его или разделите на части');
    const fake = decide('photo.jpg', 1000, 'application/x-executable');
    expect(!fake.ok && fake.message).to.contain('по содержимому это не JPEG');
    const tiff = decide('скан.tiff', 1000, 'image/tiff');
    expect(!tiff.ok && tiff.message).to.equal('Файл «скан.tiff» не принят: допустимы PDF, JPEG, PNG');
    expect(decide('picture.svg', 1000, 'image/svg+xml').ok).to.equal(false);
  });

  it('sends small images and documents as they are and compresses the rest', () => {
    expect(decide('a.png', MB, 'image/png')).to.deep.equal({ ok: true, value: 'as-is' });
    expect(decide('a.jpg', 3 * MB, 'image/jpeg')).to.deep.equal({ ok: true, value: 'compress' });
    expect(decide('a.heic', 100, 'image/heic')).to.deep.equal({ ok: true, value: 'compress' });
    expect(decide('a.pdf', 4 * MB, 'application/pdf')).to.deep.equal({ ok: true, value: 'as-is' });
  });

  it('counts files and the total', () => {
    const ten = Array.from({ length: 10 }, () => ({ size: 1000 }));
    const many = fitsList('лишний.png', 1000, ten);
    expect(!many.ok && many.message).to.equal('Можно приложить не больше 10 файлов: «лишний.png» не добавлен');
    const total = fitsList('ещё.pdf', 5 * MB, Array.from({ length: 5 }, () => ({ size: 4.5 * MB })));
    expect(!total.ok && total.message).to.contain('не больше 25 МБ');
    expect(fitsList('ok.pdf', MB, []).ok).to.equal(true);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(1.6 * MB)).to.equal('1,6 МБ');
    expect(formatBytes(350 * 1024)).to.equal('350 КБ');
  });
});

describe('attachments: preparing files (real Worker, OffscreenCanvas)', function () {
  this.timeout(60_000);

  // Whether the page stays responsive meanwhile is a timing, measured by `npm run bench:attach`
  // (long tasks while compressing), not asserted here: a loaded machine would make it flaky.
  it('compresses a 4000×3000 photo under 2 MB in the Worker', async () => {
    const file = await photo();
    expect(file.size).to.be.greaterThan(2 * MB);
    const progress: number[] = [];
    const result = value(await prepareFile(file, DEFAULT_POLICY, 'ru', { workerUrl, onProgress: (p) => progress.push(p) }));
    expect(result.data.byteLength).to.be.at.most(2 * MB);
    expect(result.type).to.equal('image/jpeg');
    expect(result.name).to.equal('фото.jpg');
    expect(progress.at(-1)).to.equal(1);
  });

  it('keeps a flat screenshot readable and under the limit', async () => {
    const file = await screenshot();
    const result = value(await prepareFile(file, { ...DEFAULT_POLICY, imageBytes: 400 * 1024 }, 'ru', { workerUrl }));
    expect(result.data.byteLength).to.be.at.most(400 * 1024);
    const [width] = await dimensions(result.data, result.type);
    expect(width).to.be.at.least(1280); // 12 px text survives at half size or more
  });

  it('compresses a big noisy PNG (12 MB in Chromium; Firefox encodes it smaller)', async () => {
    const file = await photo(3000, 2250, 'image/png');
    expect(file.size).to.be.greaterThan(4 * MB);
    const result = value(await prepareFile(file, DEFAULT_POLICY, 'ru', { workerUrl }));
    expect(result.data.byteLength).to.be.at.most(2 * MB);
  });

  it('works on the main thread where there is no worker', async () => {
    const result = value(await prepareFile(await photo(1600, 1200), { ...DEFAULT_POLICY, imageBytes: 200 * 1024 }, 'ru', { workerUrl: null }));
    expect(result.data.byteLength).to.be.at.most(200 * 1024);
  });

  it('removes EXIF (GPS) from a small JPEG sent as it is, and from a compressed one', async () => {
    const small = await jpegWithExif(200, 100);
    expect(containsAscii(await small.arrayBuffer(), 'Exif')).to.equal(true);
    const asIs = value(await prepareFile(small, DEFAULT_POLICY, 'ru', { workerUrl }));
    expect(containsAscii(asIs.data, 'Exif')).to.equal(false);
    expect(await dimensions(asIs.data, 'image/jpeg')).to.deep.equal([200, 100]);
    const compressed = value(await prepareFile(small, { ...DEFAULT_POLICY, imageBytes: small.size - 1 }, 'ru', { workerUrl }));
    expect(containsAscii(compressed.data, 'Exif')).to.equal(false);
  });

  it('applies the EXIF orientation when re-encoding', async () => {
    const rotated = await jpegWithExif(200, 100, 6);
    const result = value(await prepareFile(rotated, { ...DEFAULT_POLICY, imageBytes: rotated.size - 1 }, 'ru', { workerUrl }));
    const [width, height] = await dimensions(result.data, result.type);
    expect(height / width).to.be.closeTo(2, 0.05); // the landscape source stands upright now
  });

  it('stripping is lossless: the pixels stay the same', async () => {
    const file = await jpegWithExif(64, 32);
    const stripped = stripJpegMetadata(new Uint8Array(await file.arrayBuffer()));
    expect(await pixelAt(stripped.slice().buffer, 'image/jpeg', 5, 5)).to.deep.equal(await pixelAt(await file.arrayBuffer(), 'image/jpeg', 5, 5));
  });

  it('refuses a program named .jpg and an SVG with script, by their bytes', async () => {
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], 'скан.jpg', { type: 'image/jpeg' });
    const exeResult = await prepareFile(exe);
    expect(!exeResult.ok && exeResult.code).to.equal('fake');
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'logo.png', { type: 'image/png' });
    expect((await prepareFile(svg)).ok).to.equal(false);
  });

  it('explains a HEIC photo the browser cannot open, never failing silently', async () => {
    const heic = new File([new Uint8Array([0, 0, 0, 24, ...[...'ftypheic'].map((c) => c.charCodeAt(0)), 0, 0, 0, 0, 1, 2, 3])], 'IMG_0001.HEIC', { type: '' });
    const result = await prepareFile(heic, DEFAULT_POLICY, 'ru', { workerUrl });
    // Safari decodes HEIC; Chromium and Firefox cannot and must say how to attach it instead.
    if (!result.ok) {
      expect(result.code).to.equal('heic');
      expect(result.message).to.contain('сохраните фото как JPEG');
    }
  });

  it('says when an image is damaged', async () => {
    const broken = new File([PNG_1x1.slice(0, 40)], 'битый.png', { type: 'image/png' });
    const result = await prepareFile(broken, { ...DEFAULT_POLICY, imageBytes: 10 }, 'ru', { workerUrl });
    expect(!result.ok && result.code).to.equal('unreadable');
  });

  it('can be cancelled mid-compression', async () => {
    const controller = new AbortController();
    const pending = prepareFile(await photo(), DEFAULT_POLICY, 'ru', { workerUrl, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    let caught: unknown;
    try {
      await pending;
    } catch (error) {
      caught = error;
    }
    expect((caught as DOMException).name).to.equal('AbortError');
  });
});

describe('attachments: redaction', () => {
  it('black areas replace the original pixels in the file itself', async () => {
    const source = await screenshot(400, 200);
    const data = await source.arrayBuffer();
    expect(await pixelAt(data, 'image/png', 30, 30)).to.not.deep.equal([0, 0, 0, 255]);
    const redacted = await redactImage(data, 'image/png', [{ x: 0, y: 0, width: 200, height: 100, mode: 'black' }]);
    for (const [x, y] of [[0, 0], [30, 30], [199, 99], [120, 80]] as const) expect(await pixelAt(redacted, 'image/png', x, y)).to.deep.equal([0, 0, 0, 255]);
    expect(await pixelAt(redacted, 'image/png', 300, 150)).to.deep.equal(await pixelAt(data, 'image/png', 300, 150));
  });

  it('blurred areas keep no detail: each 24 px block is one colour', async () => {
    const data = await (await screenshot(400, 200)).arrayBuffer();
    const redacted = await redactImage(data, 'image/png', [{ x: 0, y: 72, width: 240, height: 48, mode: 'blur' }]);
    const block = await Promise.all([[0, 72], [10, 80], [23, 95]].map(([x, y]) => pixelAt(redacted, 'image/png', x!, y!)));
    expect(block[1]).to.deep.equal(block[0]);
    expect(block[2]).to.deep.equal(block[0]);
  });
});
