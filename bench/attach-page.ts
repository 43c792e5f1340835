/**
 * Runs in Chromium for `npm run bench:attach`: the same generated images compressed by our
 * pipeline (Worker), by browser-image-compression (main thread and its own worker), and by one
 * single decode + scale + encode pass straight to our final size: the floor no search can beat.
 */
import imageCompression from 'browser-image-compression';
import { prepareFile, prewarmCompression } from '../src/core/attach/compress.js';
import { DEFAULT_POLICY } from '../src/core/attach/policy.js';
import { encodeAt } from '../src/core/attach/encode.js';
import { photo, screenshot } from '../test/helpers/images.js';

const LIMIT = DEFAULT_POLICY.imageBytes;

interface Run {
  ms: number;
  bytes: number;
  width?: number;
  height?: number;
}

async function timed(work: () => Promise<{ bytes: number; width?: number; height?: number }>): Promise<Run> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, ...result };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function size(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const result = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return result;
}

/** Mean absolute luminance difference of a text crop, both scaled to the original's size (0 = identical). */
async function cropDifference(original: Blob, compressed: Blob): Promise<number> {
  const [a, b] = await Promise.all([createImageBitmap(original), createImageBitmap(compressed)]);
  const canvas = new OffscreenCanvas(400, 160);
  const ctx = canvas.getContext('2d')!;
  const crop = (bitmap: ImageBitmap) => {
    const k = bitmap.width / a.width;
    ctx.drawImage(bitmap, 24 * k, 80 * k, 400 * k, 160 * k, 0, 0, 400, 160);
    return ctx.getImageData(0, 0, 400, 160).data;
  };
  const pa = crop(a);
  const pb = crop(b);
  let sum = 0;
  for (let i = 0; i < pa.length; i += 4) sum += Math.abs(0.3 * (pa[i]! - pb[i]!) + 0.59 * (pa[i + 1]! - pb[i + 1]!) + 0.11 * (pa[i + 2]! - pb[i + 2]!));
  return sum / (pa.length / 4);
}

declare global {
  interface Window {
    runAttachBench(rounds: number, libUrl: string, workerUrl: string, skipTheirs?: boolean): Promise<Record<string, unknown>>;
  }
}

window.runAttachBench = async (rounds, libUrl, workerUrl, skipTheirs = false) => {
  prewarmCompression(workerUrl); // as the form does when it is shown
  const images: [string, () => Promise<File>][] = [
    // The calibration case: a 4000×3000 noisy photo as PNG (their ~40 s here).
    ['photo 4000×3000 PNG', () => photo(4000, 3000, 'image/png')],
    ['phone photo 4000×3000 JPEG', () => photo(4000, 3000, 'image/jpeg', 0.95)],
    ['screenshot 2560×1600 PNG', () => screenshot(2560, 1600)],
    ['12 MB PNG', () => photo(2600, 1950, 'image/png')],
  ];
  const out: Record<string, unknown> = {};
  for (const [name, make] of images) {
    const file = await make();
    const ours: Run[] = [];
    const floor: Run[] = [];
    const theirs: Run[] = [];
    const theirsWorker: Run[] = [];
    let oursBlob: Blob | undefined;
    let theirsBlob: Blob | undefined;
    // Main-thread tasks over 50 ms while ours compresses (Chromium's long-task observer).
    const longTasks: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask' });
      ours.push(
        await timed(async () => {
          const result = await prepareFile(file, DEFAULT_POLICY, 'ru', { workerUrl });
          if (!result.ok) throw new Error(result.message);
          oursBlob = new Blob([result.value.data], { type: result.value.type });
          return { bytes: result.value.data.byteLength, ...(await size(oursBlob)) };
        }),
      );
      observer.disconnect();
      const target = ours[0]!;
      floor.push(
        await timed(async () => {
          const bitmap = await createImageBitmap(file);
          const blob = await encodeAt(bitmap, target.width!, target.height!, oursBlob!.type, 0.85);
          bitmap.close();
          return { bytes: blob.size };
        }),
      );
      if (skipTheirs) continue; // quick look at ours against the floor only
      theirs.push(
        await timed(async () => {
          theirsBlob = await imageCompression(file, { maxSizeMB: LIMIT / 1024 / 1024, useWebWorker: false });
          return { bytes: theirsBlob.size, ...(await size(theirsBlob)) };
        }),
      );
      theirsWorker.push(
        await timed(async () => {
          const blob = await imageCompression(file, { maxSizeMB: LIMIT / 1024 / 1024, useWebWorker: true, libURL: libUrl });
          return { bytes: blob.size };
        }),
      );
    }
    const oursMs = median(ours.map((r) => r.ms));
    if (skipTheirs) {
      out[name] = { ours_ms: Math.round(oursMs), floor_ms: Math.round(median(floor.map((r) => r.ms))), ours_vs_floor: Number((oursMs / median(floor.map((r) => r.ms))).toFixed(2)), ours_bytes: ours[0]!.bytes };
      continue;
    }
    const theirsMs = median(theirs.map((r) => r.ms));
    out[name] = {
      input_bytes: file.size,
      ours_ms: Math.round(oursMs),
      theirs_ms: Math.round(theirsMs),
      theirs_worker_ms: Math.round(median(theirsWorker.map((r) => r.ms))),
      ratio: Number((oursMs / theirsMs).toFixed(3)),
      floor_ms: Math.round(median(floor.map((r) => r.ms))),
      ours_vs_floor: Number((oursMs / median(floor.map((r) => r.ms))).toFixed(2)),
      ours_bytes: ours[0]!.bytes,
      ours_longest_main_thread_task_ms: Math.round(Math.max(0, ...longTasks)),
      theirs_bytes: theirs[0]!.bytes,
      limit_bytes: LIMIT,
      ours_size: `${ours[0]!.width}×${ours[0]!.height}`,
      theirs_size: `${theirs[0]!.width}×${theirs[0]!.height}`,
      ...(name.startsWith('screenshot') ? { text_crop_difference_ours: Number((await cropDifference(file, oursBlob!)).toFixed(2)), text_crop_difference_theirs: Number((await cropDifference(file, theirsBlob!)).toFixed(2)) } : {}),
    };
  }
  return out;
};
