/**
 * Codes typed on a Kazakh or Russian keyboard layout: `С-1` with Cyrillic С looks exactly like `C-1`
 * with Latin C, yet they are different codes. ereje never treats them as one (that would be a guess),
 * but an error about a code that "is not on the children sheet" when the sheet shows it is useless
 * unless it says why.
 */

// Cyrillic (incl. Kazakh і, һ) letters drawn like Latin ones, mapped to the Latin letter.
const LATIN_OF: Readonly<Record<string, string>> = {
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h',
};

/** The code with every Cyrillic look-alike letter written as its Latin twin; the same text when there is none. */
export function latinSkeleton(code: string): string {
  let out = '';
  for (const ch of code) out += LATIN_OF[ch] ?? ch;
  return out;
}

/** Each key by its skeleton, for keys that have a look-alike twin to be found (the first key of a skeleton wins). */
export function skeletonIndex(keys: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const key of keys) {
    const s = latinSkeleton(key);
    if (!index.has(s)) index.set(s, key);
  }
  return index;
}

/** The letters of `a` that differ from `b` at the same place, each once: what the message names. */
export function differingLetters(a: string, b: string): string[] {
  const as = [...a];
  const bs = [...b];
  const out: string[] = [];
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    if (as[i] !== bs[i] && !out.includes(as[i]!)) out.push(as[i]!);
  }
  return out;
}

/** "Cyrillic" or "Latin" for a letter, as the message names it. */
export function scriptOf(letter: string): 'Cyrillic' | 'Latin' {
  return /\p{Script=Cyrillic}/u.test(letter) ? 'Cyrillic' : 'Latin';
}
