/**
 * The compression itself, shared by the Worker and the main-thread fallback: decode once
 * (createImageBitmap applies the EXIF orientation), predict the output size from a small trial
 * encode, then encode once at the predicted dimensions and quality; a second pass only when the
 * prediction missed. Re-encoding drops all metadata (GPS, device).
 */

export interface EncodeOptions {
  /** The result must not be larger than this. */
  targetBytes: number;
  /** Never larger than this on the long side (readable text needs no more). */
  maxDimension?: number;
}

export interface Encoded {
  blob: Blob;
  width: number;
  height: number;
  passes: number;
}

type Canvas = OffscreenCanvas | HTMLCanvasElement;

function makeCanvas(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  return Object.assign(document.createElement('canvas'), { width, height });
}

function toBlob(canvas: Canvas, type: string, quality?: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), type, quality));
}

/** Draws the bitmap (or canvas) scaled to width × height and encodes it. */
export async function encodeAt(bitmap: ImageBitmap | Canvas, width: number, height: number, type: string, quality?: number): Promise<Blob> {
  const canvas = makeCanvas(width, height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  context.imageSmoothingQuality = 'high';
  if (type === 'image/jpeg') {
    context.fillStyle = '#fff'; // transparent areas of a PNG would turn black in JPEG
    context.fillRect(0, 0, width, height);
  }
  context.drawImage(bitmap, 0, 0, width, height);
  const blob = await toBlob(canvas, type, quality);
  // An unsupported type silently comes back as PNG (AVIF in Chromium): check, do not trust.
  if (blob.type !== type) throw new Error(`the browser cannot encode ${type}`);
  return blob;
}

const JPEG_QUALITY = 0.85;
const TRIAL_SIDE = 384;
/** Aim a little under the limit: the prediction is approximate. */
const SAFETY = 0.85;

function fit(width: number, height: number, maxSide: number): [number, number] {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/**
 * Brings an image under `targetBytes`. Flat screenshots stay PNG when PNG fits (sharp text);
 * everything else becomes JPEG at quality 0.85, scaled down only as far as the size requires.
 */
export async function encodeToFit(bitmap: ImageBitmap, sourceType: string, options: EncodeOptions, onProgress: (fraction: number) => void = () => undefined): Promise<Encoded> {
  const [width, height] = fit(bitmap.width, bitmap.height, options.maxDimension ?? 4096);
  const pixels = width * height;
  let passes = 0;

  // Trial: bytes per pixel at a small size predict the full-size result. The big bitmap is
  // scaled down once; both trial encodes read the small copy.
  const [tw, th] = fit(width, height, TRIAL_SIDE);
  const trialPixels = tw * th;
  const small = makeCanvas(tw, th);
  (small.getContext('2d') as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D).drawImage(bitmap, 0, 0, tw, th);
  const jpegTrial = await encodeAt(small, tw, th, 'image/jpeg', JPEG_QUALITY);
  onProgress(0.2);
  if (sourceType === 'image/png') {
    const pngTrial = await encodeAt(small, tw, th, 'image/png');
    // PNG only wins on flat images (screens, documents): there it keeps text crisp.
    if (pngTrial.size < jpegTrial.size * 1.5 && (pngTrial.size / trialPixels) * pixels < options.targetBytes * SAFETY) {
      const png = await encodeAt(bitmap, width, height, 'image/png');
      passes++;
      onProgress(0.9);
      if (png.size <= options.targetBytes) return { blob: png, width, height, passes };
    }
  }

  // JPEG bytes per pixel fall as the image grows (more redundancy), so this estimate is cautious.
  const bytesPerPixel = jpegTrial.size / trialPixels;
  let scale = Math.min(1, Math.sqrt((options.targetBytes * SAFETY) / (bytesPerPixel * pixels)));
  for (;;) {
    const [w, h] = [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
    const blob = await encodeAt(bitmap, w, h, 'image/jpeg', JPEG_QUALITY);
    passes++;
    onProgress(Math.min(0.95, 0.4 + passes * 0.25));
    if (blob.size <= options.targetBytes) return { blob, width: w, height: h, passes };
    if (w <= 64) throw new Error('cannot reach the target size');
    scale *= Math.sqrt((options.targetBytes * SAFETY) / blob.size);
  }
}
