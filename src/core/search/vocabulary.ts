/**
 * The index's terms, sorted, used as an implicit trie: a prefix is a range found by binary
 * search, and the typo search walks the terms in order reusing the edit-distance rows of the
 * prefix a term shares with the one before (skipping every term under a prefix already too far).
 */

export function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes [from, to) of the terms that start with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  return [lowerBound(terms, prefix), lowerBound(terms, prefix + '\uffff')];
}

function sharedPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Terms within `max` edits of `query` (insert, delete, substitute, swap of neighbours).
 * With `prefix`, a term also matches when one of its beginnings does (the user is still typing).
 * Returns [term index, edits] pairs.
 */
export function fuzzyTerms(terms: readonly string[], query: string, max: number, prefix = false): [number, number][] {
  const m = query.length;
  const found: [number, number][] = [];
  // rows[d]: edit distances between the term's first d letters and each beginning of the query.
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  let previous = '';
  let valid = 0; // rows[0..valid] hold for `previous`
  let dead = 0; // `previous` went too far at this depth (0: it did not)
  let deadBest = Infinity;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const shared = sharedPrefix(previous, term);
    if (dead && shared >= dead) {
      // It starts with the beginning that was already too far: it ends the same way (typing: as
      // close as that beginning).
      if (prefix && deadBest <= max) found.push([i, deadBest]);
      continue;
    }
    const from = Math.min(shared, valid);
    let best = Infinity; // prefix mode: the query against the closest beginning of the term
    if (prefix) for (let d = 1; d <= from; d++) best = Math.min(best, rows[d]![m]!);
    dead = 0;
    for (let d = from + 1; d <= term.length; d++) {
      const row = (rows[d] ??= new Int32Array(m + 1));
      const up = rows[d - 1]!;
      const c = term.charCodeAt(d - 1);
      row[0] = d;
      let rowMin = d;
      for (let j = 1; j <= m; j++) {
        let v = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (query.charCodeAt(j - 1) === c ? 0 : 1));
        if (d > 1 && j > 1 && c === query.charCodeAt(j - 2) && term.charCodeAt(d - 2) === query.charCodeAt(j - 1)) v = Math.min(v, rows[d - 2]![j - 2]! + 1);
        row[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (prefix) best = Math.min(best, row[m]!);
      if (rowMin > max) {
        dead = d;
        break;
      }
    }
    const distance = prefix ? best : dead ? Infinity : rows[term.length]![m]!;
    if (distance <= max) found.push([i, distance]);
    previous = term;
    valid = dead || term.length;
    deadBest = best;
  }
  return found;
}
