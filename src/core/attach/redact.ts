import { encodeAt } from './encode.js';

export interface RedactArea {
  /** In image pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** `black` paints the area over; `blur` pixelates it beyond recognition (not a reversible blur). */
  mode: 'black' | 'blur';
}

/** Pixelation block: large enough that no character or digit survives. */
const BLOCK = 24;

/**
 * Hides areas of an image before upload. The image is redrawn and re-encoded, so the original
 * pixels of those areas are not in the result at all (not just covered by a layer).
 */
export async function redactImage(data: ArrayBuffer, type: string, areas: readonly RedactArea[]): Promise<ArrayBuffer> {
  const bitmap = await createImageBitmap(new Blob([data], { type }));
  try {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(bitmap.width, bitmap.height) : Object.assign(document.createElement('canvas'), { width: bitmap.width, height: bitmap.height });
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    for (const area of areas) {
      const x = Math.max(0, Math.floor(area.x));
      const y = Math.max(0, Math.floor(area.y));
      const width = Math.min(bitmap.width - x, Math.ceil(area.width));
      const height = Math.min(bitmap.height - y, Math.ceil(area.height));
      if (width <= 0 || height <= 0) continue;
      if (area.mode === 'black') {
        context.fillStyle = '#000';
        context.fillRect(x, y, width, height);
        continue;
      }
      // Average each block: the area's detail is gone, only coarse colour remains.
      const pixels = context.getImageData(x, y, width, height);
      const d = pixels.data;
      for (let by = 0; by < height; by += BLOCK) {
        for (let bx = 0; bx < width; bx += BLOCK) {
          const sum = [0, 0, 0, 0];
          let n = 0;
          for (let py = by; py < Math.min(by + BLOCK, height); py++) {
            for (let px = bx; px < Math.min(bx + BLOCK, width); px++) {
              const i = (py * width + px) * 4;
              for (let c = 0; c < 4; c++) sum[c]! += d[i + c]!;
              n++;
            }
          }
          for (let py = by; py < Math.min(by + BLOCK, height); py++) {
            for (let px = bx; px < Math.min(bx + BLOCK, width); px++) {
              const i = (py * width + px) * 4;
              for (let c = 0; c < 4; c++) d[i + c] = Math.round(sum[c]! / n);
            }
          }
        }
      }
      context.putImageData(pixels, x, y);
    }
    const result = await createImageBitmap(canvas);
    try {
      const out = await encodeAt(result, bitmap.width, bitmap.height, type === 'image/png' ? 'image/png' : 'image/jpeg', 0.9);
      return await out.arrayBuffer();
    } finally {
      result.close();
    }
  } finally {
    bitmap.close();
  }
}
