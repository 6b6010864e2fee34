// "Did you mean …?" for unknown names (rule-language names, sheet and column names, mapping targets): the closest candidate by edit distance, if close enough.
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate, or undefined when none is within about a third of the name's length. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const other = c.toLowerCase();
    // The lengths' difference is a lower bound of the distance: a candidate it puts beyond the limit can
    // never be suggested, and is not measured (a 10,000-character name against each id was seconds).
    if (Math.abs(lower.length - other.length) > limit) continue;
    const d = levenshtein(lower, other);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) { best = c; bestDistance = d; }
  }
  // A one-letter name is as far from any other as it is long: no useful suggestion there.
  return bestDistance <= limit && bestDistance < name.length ? best : undefined;
}

/** " (did you mean 'x'?)" in each language, or empty strings; `quote` is the mark around the name (JSON messages write `"`). */
export function suggestion(name: string, candidates: Iterable<string>, quote = "'"): { en: string; ru: string; kk: string } {
  const c = closest(name, candidates);
  if (c === undefined) return { en: '', ru: '', kk: '' };
  const q = `${quote}${c}${quote}`;
  return { en: ` (did you mean ${q}?)`, ru: ` (возможно, ${q}?)`, kk: ` (${q} болуы мүмкін бе?)` };
}
