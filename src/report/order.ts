// Orderings for report lists. Runs of digits compare as numbers (C-2 < C-10, G-9 < G-10) so subjects
// read in the order a person numbers them, and everything else by UTF-16 code unit, so the order never
// depends on the machine's locale. Clause ids use the engine's compareClauses.

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

/** The annex number of a clause id (`A1.30.5` → `1`), or null for an id that is not in that form. */
export function annexOf(clause: string): string | null {
  const m = /^A(\d+)\./.exec(clause) ?? /^A(\d+)$/.exec(clause);
  return m ? m[1]! : null;
}
