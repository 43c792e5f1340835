/**
 * Lossless metadata removal for files sent as they are (re-encoded images lose it anyway):
 * JPEG APP1 (Exif: GPS position, camera, time; XMP) and APP13 (Photoshop/IPTC) segments and
 * comments; PNG eXIf and text chunks. Pixels are untouched.
 */

const JPEG_DROP = new Set([0xe1, 0xed, 0xfe]); // APP1 (Exif, XMP), APP13 (IPTC), COM

export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return bytes;
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda) break; // start of scan: the rest is image data
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (!JPEG_DROP.has(marker)) parts.push(bytes.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  parts.push(bytes.subarray(i));
  return concat(parts);
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (!PNG_DROP.has(type)) parts.push(bytes.subarray(i, end));
    i = end;
  }
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
