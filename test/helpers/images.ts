/** Test images made in the browser: a noisy photo, a screenshot with small text, EXIF-tagged JPEGs. */

function canvas(width: number, height: number): HTMLCanvasElement {
  return Object.assign(document.createElement('canvas'), { width, height });
}

async function blobOf(c: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), type, quality));
}

/** Photo-like: smooth gradients plus sensor noise (hard to compress, like a phone photo). */
export async function photo(width = 4000, height = 3000, type = 'image/jpeg', quality = 0.95): Promise<File> {
  const c = canvas(width, height);
  const ctx = c.getContext('2d')!;
  const gradient = ctx.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#3a6ea5');
  gradient.addColorStop(0.5, '#c9a66b');
  gradient.addColorStop(1, '#2e4d2c');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);
  const image = ctx.getImageData(0, 0, width, height);
  let seed = 7;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const noise = ((seed >>> 24) % 48) - 24;
    image.data[i] = Math.max(0, Math.min(255, image.data[i]! + noise));
    image.data[i + 1] = Math.max(0, Math.min(255, image.data[i + 1]! + noise));
    image.data[i + 2] = Math.max(0, Math.min(255, image.data[i + 2]! + noise));
  }
  ctx.putImageData(image, 0, 0);
  const blob = await blobOf(c, type, quality);
  return new File([blob], type === 'image/png' ? 'фото.png' : 'фото.jpg', { type });
}

/** A portal screenshot: flat colours, many lines of 12 px text. */
export async function screenshot(width = 2560, height = 1600): Promise<File> {
  const c = canvas(width, height);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#f1f4f8';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#0d4cd3';
  ctx.fillRect(0, 0, width, 64);
  ctx.fillStyle = '#0b1f33';
  ctx.font = '12px sans-serif';
  for (let y = 90, line = 0; y < height; y += 16, line++) {
    ctx.fillText(`Ошибка 401: сеанс истёк. Строка ${line}. Войдите повторно и повторите отправку заявления № ${100000 + line}.`, 24, y);
    ctx.fillText(`Код ${line * 7}, время 12:${String(line % 60).padStart(2, '0')}, браузер Chrome 156, окно 2560×1600.`, 1300, y);
  }
  return new File([await blobOf(c, 'image/png')], 'снимок экрана.png', { type: 'image/png' });
}

function u16(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

/** An APP1 Exif segment (little-endian TIFF) with an orientation and a GPS position. */
export function exifSegment(orientation = 1): Uint8Array {
  // IFD0 at 8: two entries (Orientation, GPSInfo pointer), next-IFD 0; GPS IFD at 38: latitude ref 'N'.
  const ifd0 = [...u16(2), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u16(0x8825), ...u16(4), ...u32(1), ...u32(38), ...u32(0)];
  const gps = [...u16(1), ...u16(0x0001), ...u16(2), ...u32(2), 0x4e, 0, 0, 0, ...u32(0)];
  const tiff = [0x49, 0x49, 0x2a, 0x00, ...u32(8), ...ifd0, ...gps];
  const body = [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], tiff);
  const length = body.length + 2;
  return new Uint8Array([0xff, 0xe1, (length >> 8) & 0xff, length & 0xff, ...body]);
}

/** A JPEG with an Exif segment (GPS, orientation) inserted after SOI. */
export async function jpegWithExif(width: number, height: number, orientation = 1, name = 'photo.jpg'): Promise<File> {
  const c = canvas(width, height);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#c00';
  ctx.fillRect(0, 0, width / 2, height);
  ctx.fillStyle = '#00c';
  ctx.fillRect(width / 2, 0, width / 2, height);
  const jpeg = new Uint8Array(await (await blobOf(c, 'image/jpeg', 0.9)).arrayBuffer());
  const exif = exifSegment(orientation);
  const out = new Uint8Array(jpeg.length + exif.length);
  out.set(jpeg.subarray(0, 2));
  out.set(exif, 2);
  out.set(jpeg.subarray(2), 2 + exif.length);
  return new File([out], name, { type: 'image/jpeg' });
}

export function containsAscii(bytes: ArrayBuffer, text: string): boolean {
  const haystack = new Uint8Array(bytes);
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** RGBA of one pixel of an encoded image. */
export async function pixelAt(data: ArrayBuffer, type: string, x: number, y: number): Promise<number[]> {
  const bitmap = await createImageBitmap(new Blob([data], { type }));
  const c = canvas(bitmap.width, bitmap.height);
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data];
}

export async function dimensions(data: ArrayBuffer, type: string): Promise<[number, number]> {
  const bitmap = await createImageBitmap(new Blob([data], { type }));
  return [bitmap.width, bitmap.height];
}
