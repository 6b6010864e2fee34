// Finds enum codes that human text shows raw, instead of the value's label. A code may follow its label in
// parentheses ("PMPK conclusion (pmpk_conclusion)"): a parenthesis that holds only codes or ids is not
// searched; one that holds words is (a raw code in "(F-1; Kind: day_care)" is still raw). The codes are
// the workbook schema's. A snake_case code (`autumn_winter`, `pmpk_conclusion`) is never English, so it is
// raw wherever it stands. A code that is an ordinary word (`other`, `paid`, `state`, `head`, `nurse`,
// `none`) is English too; it counts as raw only where it stands for a value — a whole field, a list of
// codes, or a `Name: value` pair — and only when its label differs from it (`residential` → "residential
// care"; `nurse` is its own label). In Kazakh and Russian text any Latin code word is raw.
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';

export interface RawCode { readonly code: string; readonly context: string }

const SNAKE = new Set<string>();
/** Word codes whose English label is another text, e.g. `residential` → "residential care". */
const WORDS = new Set<string>();
/** Every code that is a word of Latin letters (for kk/ru text). */
const LATIN_WORDS = new Set<string>();
for (const e of WORKBOOK_SCHEMA.enums) {
  for (const v of e.values) {
    if (v.code.includes('_')) SNAKE.add(v.code);
    else if (/^[a-z]+$/.test(v.code)) {
      LATIN_WORDS.add(v.code);
      if (v.labels.en[0] !== v.code) WORDS.add(v.code);
    }
  }
}

/** One code or id, perhaps quoted in backticks (`pmpk_conclusion`, A1.8, residential@2009-240-o, C-1). */
const ANNOTATION = /^\s*`?[\p{L}\p{N}_.@/|-]+`?(?:\s*[,;]\s*`?[\p{L}\p{N}_.@/|-]+`?)*\s*$/u;

/**
 * Text with every parenthesis that annotates (holds only codes or ids, like "(pmpk_conclusion)" or
 * "(child_id)") blanked out, lengths kept; parentheses holding words stay, to be searched.
 */
export function withoutAnnotations(text: string): string {
  let out = text;
  for (;;) {
    // Innermost first: a parenthesis whose inner ones were annotations may itself be one.
    const next = out.replace(/\(([^()]*)\)/g, (m, inner: string) => (ANNOTATION.test(inner) ? ' '.repeat(m.length) : `\u0000${inner}\u0001`));
    if (next === out) return out.replace(/\u0000/g, '(').replace(/\u0001/g, ')');
    out = next;
  }
}

const around = (text: string, at: number, length: number) => text.slice(Math.max(0, at - 40), at + length + 40).replace(/\s+/g, ' ');
const word = (code: string) => new RegExp(`(?<![\\p{L}\\p{N}_@/-])${code.replace(/[-]/g, '\\-')}(?![\\p{L}\\p{N}_@/-])`, 'gu');

/** The patterns, built once for the thousands of texts scanned (matchAll copies a pattern, so they can be shared). */
const SNAKE_PATTERNS = [...SNAKE].map((code) => [code, word(code)] as const);
const LATIN_PATTERNS = [...LATIN_WORDS].map((code) => [code, word(code)] as const);
/** A whole field, a `Name: value` pair or an element of a list of codes. */
const VALUE_PATTERNS = [...WORDS]
  // `none` is also the English word for "nothing" (an actual value); as a skill its label is "no self-care skills".
  .filter((code) => code !== 'none')
  .map((code) => [code, new RegExp(`(?:^|: |, |; |\\| |/ )${code}(?=$|[;,)|\\n]| /)`, 'gmu')] as const);

/** Raw codes in one human text of a report or a finding, in `lang`. */
export function rawCodes(text: string, lang: 'kk' | 'ru' | 'en'): RawCode[] {
  const bare = withoutAnnotations(text);
  const found: RawCode[] = [];
  const add = (code: string, at: number) => found.push({ code, context: around(text, at, code.length) });
  for (const [code, pattern] of SNAKE_PATTERNS) for (const m of bare.matchAll(pattern)) add(code, m.index);
  if (lang !== 'en') {
    for (const [code, pattern] of LATIN_PATTERNS) for (const m of bare.matchAll(pattern)) add(code, m.index);
    return found;
  }
  for (const [code, pattern] of VALUE_PATTERNS) for (const m of bare.matchAll(pattern)) add(code, m.index + m[0].indexOf(code));
  return found;
}

/** Text of an HTML page as a reader sees it: no tags, style or script, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Markdown as a reader sees it: backslash escapes (`pmpk\_conclusion`) undone. */
export function markdownText(md: string): string {
  return md.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}
