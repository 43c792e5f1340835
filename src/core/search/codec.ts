/**
 * Posting lists travel as unsigned varints in one base64 string: most numbers (gaps between
 * article numbers, quantised scores) fit in one byte, so the index is a third of its JSON-number
 * size and decodes in one pass.
 */

export function encodeVarints(values: ArrayLike<number>): string {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.slice(i, i + 0x8000));
  return btoa(binary);
}

export function decodeVarints(base64: string, count: number): Uint32Array {
  const binary = atob(base64);
  const out = new Uint32Array(count);
  let p = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      if (p >= binary.length) throw new RangeError('Truncated index');
      b = binary.charCodeAt(p++);
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    out[i] = v;
  }
  return out;
}
