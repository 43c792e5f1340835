import type { Postings } from './build.js';
import { decodeVarints, encodeVarints } from './codec.js';
import type { SerialisedFaqIndex } from './types.js';
import { INDEX_FORMAT } from './version.js';

/** The postings as JSON: per term its count, then per posting the gap to the previous article and the score. */
export function serialisePostings(postings: Postings, version: string, ids: string[]): SerialisedFaqIndex {
  const { terms, forms, offsets, docs, impacts } = postings;
  const values: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    values.push(offsets[t + 1]! - offsets[t]!);
    let previous = 0;
    for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
      values.push(docs[p]! - previous, impacts[p]!);
      previous = docs[p]!;
    }
  }
  return { format: INDEX_FORMAT, version, ids, terms, forms, postings: encodeVarints(values), values: values.length };
}

/** Back to typed arrays, checked: another format, other articles or a damaged string throw. */
export function deserialisePostings(serialised: SerialisedFaqIndex, ids: readonly string[]): Postings {
  if (serialised.format !== INDEX_FORMAT) throw new Error(`FAQ index format ${serialised.format}, expected ${INDEX_FORMAT}`);
  if (serialised.ids.length !== ids.length || serialised.ids.some((id, i) => ids[i] !== id)) throw new Error('FAQ index built from other articles');
  const values = decodeVarints(serialised.postings, serialised.values);
  const termCount = serialised.terms.length;
  const offsets = new Uint32Array(termCount + 1);
  const docs = new Uint32Array((values.length - termCount) / 2);
  const impacts = new Uint8Array(docs.length);
  let v = 0;
  let p = 0;
  for (let t = 0; t < termCount; t++) {
    const count = values[v++]!;
    let d = 0;
    for (let i = 0; i < count; i++, p++) {
      docs[p] = d += values[v++]!;
      impacts[p] = values[v++]!;
    }
    offsets[t + 1] = p;
  }
  if (p !== docs.length || docs.some((d) => d >= ids.length)) throw new Error('FAQ index is damaged');
  return { terms: serialised.terms, forms: serialised.forms, offsets, docs, impacts };
}
