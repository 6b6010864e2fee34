// Orderings for report lists. Runs of digits compare as numbers (A1.2 < A1.13 < A1.30.5, C-2 < C-10)
// and everything else by UTF-16 code unit, so the order never depends on the machine's locale.

const CHUNK = /(\d+)|(\D+)/g;

function chunks(s: string): string[] {
  return s.match(CHUNK) ?? [];
}

export function compareNatural(a: string, b: string): number {
  if (a === b) return 0;
  const ca = chunks(a);
  const cb = chunks(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = BigInt(x);
      const ny = BigInt(y);
      if (nx !== ny) return nx < ny ? -1 : 1;
      // Same number, different zero padding: shorter first, for a total order.
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

/** Clause ids `A<annex>.<point>[.<subpoint>]` in document order. */
export function compareClauses(a: string, b: string): number {
  return compareNatural(a, b);
}

/** The annex number of a clause id (`A1.30.5` → `1`), or null for an id that is not in that form. */
export function annexOf(clause: string): string | null {
  const m = /^A(\d+)\./.exec(clause) ?? /^A(\d+)$/.exec(clause);
  return m ? m[1]! : null;
}
