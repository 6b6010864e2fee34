// Quote verification: every rule cites the act word for word. The published text is letter-spaced in
// places ("б а л а л а р") and breaks words across lines, so quotes are compared with all whitespace
// removed; `…` marks omitted text, and the quoted parts must occur in the act in the order written.
import type { Diagnostic, RuleFile, Span } from '../lang/ast.ts';
import { rulesetAnnex } from '../lang/check.ts';
import { annexOf } from '../report/order.ts';

export type QuoteCheck = { readonly ok: true } | { readonly ok: false; readonly reason: QuoteFailure };

export type QuoteFailure =
  | { readonly kind: 'empty' }
  | { readonly kind: 'not-found'; readonly part: string; readonly partIndex: number }
  | { readonly kind: 'out-of-order'; readonly part: string; readonly partIndex: number }
  /** The quote is in the act, but not in the annex the rule's clause belongs to. */
  | { readonly kind: 'outside-annex'; readonly annex: number };

const ELLIPSIS = /…|\.\.\./u;

/** All whitespace removed (incl. no-break and zero-width spaces), so layout never decides a match. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu, '');
}

/** The quote's parts between `…` marks, as written (trimmed, empty parts dropped). */
export function quoteParts(quote: string): string[] {
  return quote.split(ELLIPSIS).map((p) => p.trim()).filter((p) => squeeze(p) !== '');
}

/**
 * The squeezed text of each annex of the act, from the headings "…бұйрығына N-қосымша" ("annex N to
 * the order") that open them; empty when the act has no such headings.
 */
export function annexTexts(squeezedAct: string): Map<number, string> {
  const starts = [...squeezedAct.matchAll(/бұйрығына(\d+)-қосымша/gu)].map((m) => ({ annex: Number(m[1]), at: m.index! }));
  const out = new Map<number, string>();
  starts.forEach((s, i) => { if (!out.has(s.annex)) out.set(s.annex, squeezedAct.slice(s.at, starts[i + 1]?.at ?? squeezedAct.length)); });
  return out;
}

/**
 * The act squeezed, and its annexes, for the last act seen: a file's quotes are all checked against one
 * act, which is not squeezed again for each (a pasted file of thousands of rules made that quadratic).
 */
let last: { readonly text: string; readonly squeezed: string; annexes: Map<number, string> | null } | null = null;
function prepared(text: string): { squeezed: string; annexes: () => Map<number, string> } {
  if (last === null || last.text !== text) last = { text, squeezed: squeeze(text), annexes: null };
  const memo = last;
  return { squeezed: memo.squeezed, annexes: () => (memo.annexes ??= annexTexts(memo.squeezed)) };
}

function findParts(parts: readonly string[], act: string): QuoteCheck {
  let from = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const needle = squeeze(part);
    const at = act.indexOf(needle, from);
    if (at >= 0) { from = at + needle.length; continue; }
    // Tell a misplaced part apart from a mistyped one: the fix is different.
    const anywhere = act.indexOf(needle) >= 0;
    return { ok: false, reason: { kind: anywhere ? 'out-of-order' : 'not-found', part, partIndex: i } };
  }
  return { ok: true };
}

/**
 * Whether the quote occurs in the act (whitespace ignored, `…` parts in order). With `annex`, the quote
 * must occur in that annex when the act's annexes can be told apart (a point of annex 3 must not be
 * "verified" by the same words in annex 1).
 */
export function verifyQuote(quote: string, actText: string, options: { readonly annex?: number } = {}): QuoteCheck {
  const parts = quoteParts(quote);
  if (parts.length === 0) return { ok: false, reason: { kind: 'empty' } };
  const { squeezed: act, annexes } = prepared(actText);
  const whole = findParts(parts, act);
  if (!whole.ok || options.annex === undefined) return whole;
  const region = annexes().get(options.annex);
  if (region === undefined) return whole;
  return findParts(parts, region).ok ? whole : { ok: false, reason: { kind: 'outside-annex', annex: options.annex } };
}

/** `'3'` → 3: the annex as verifyQuote takes it; null (no annex) stays unknown. */
function annexNumber(annex: string | null): number | undefined {
  return annex === null ? undefined : Number(annex);
}

function shorten(s: string, max = 60): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** The failure as a message in the three user languages. */
export function describeQuoteFailure(reason: QuoteFailure, sourceName: string): Diagnostic['message'] {
  switch (reason.kind) {
    case 'empty':
      return {
        kk: 'Дәйексөз бос: актінің мәтінінен кемінде бір сөз келтіріңіз',
        ru: 'Цитата пуста: приведите хотя бы одно слово из текста акта',
        en: 'The quote is empty: cite at least one word of the act',
      };
    case 'not-found': {
      const p = shorten(reason.part);
      return {
        kk: `Дәйексөздің ${reason.partIndex + 1}-бөлігі «${p}» актінің мәтінінде (${sourceName}) жоқ: әріптерін актімен салыстырыңыз`,
        ru: `Часть ${reason.partIndex + 1} цитаты «${p}» не найдена в тексте акта (${sourceName}): сверьте написание с актом`,
        en: `Part ${reason.partIndex + 1} of the quote, "${p}", is not in the act's text (${sourceName}): compare its spelling with the act`,
      };
    }
    case 'outside-annex':
      return {
        kk: `Дәйексөз актіде бар, бірақ ${reason.annex}-қосымшада емес (${sourceName}): ереженің тармағы жататын қосымшадан келтіріңіз`,
        ru: `Цитата есть в акте, но не в приложении ${reason.annex} (${sourceName}): цитируйте приложение, к которому относится пункт правила`,
        en: `The quote is in the act but not in annex ${reason.annex} (${sourceName}): quote the annex the rule's clause belongs to`,
      };
    case 'out-of-order': {
      const p = shorten(reason.part);
      return {
        kk: `Дәйексөздің ${reason.partIndex + 1}-бөлігі «${p}» актіде бар, бірақ алдыңғы бөліктен кейін емес (${sourceName}): бөліктерді актідегі ретпен жазыңыз`,
        ru: `Часть ${reason.partIndex + 1} цитаты «${p}» есть в акте, но не после предыдущей части (${sourceName}): расположите части в порядке акта`,
        en: `Part ${reason.partIndex + 1} of the quote, "${p}", is in the act but not after the part before it (${sourceName}): write the parts in the act's order`,
      };
    }
  }
}

export function quoteDiagnostic(span: Span, reason: QuoteFailure, sourceName: string): Diagnostic {
  return { severity: 'error', code: 'quote-mismatch', span, message: describeQuoteFailure(reason, sourceName) };
}

/**
 * Checks every rule quote and table quote of a rule file against the act's text it names. `actText`
 * is null when the file names no source or the source could not be read; that is its own diagnostic.
 */
export function verifyFileQuotes(file: RuleFile, actText: string | null, sourceName: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (file.ruleset === null) return out;
  if (actText === null) {
    const span = file.ruleset.span;
    out.push({
      severity: 'error', code: 'quote-source-missing', span,
      message: {
        kk: `Дәйексөздерді тексеру үшін актінің мәтіні (${sourceName || 'source'}) табылмады: ruleset ішіндегі source жолын тексеріңіз`,
        ru: `Текст акта для проверки цитат (${sourceName || 'source'}) не найден: проверьте строку source в ruleset`,
        en: `The act's text for quote verification (${sourceName || 'source'}) was not found: check the ruleset's \`source\` line`,
      },
    });
    return out;
  }
  for (const rule of file.rules) {
    const check = verifyQuote(rule.quote, actText, { annex: annexNumber(annexOf(rule.clause)) });
    if (!check.ok) out.push(quoteDiagnostic(rule.quoteSpan, check.reason, sourceName));
  }
  // An amendment's source is the amending order: the quotes it gives are checked against it; the rules
  // and values it leaves alone keep theirs, checked against the act of the version they come from.
  for (const change of file.changes) {
    if (!change.given.includes('quote')) continue;
    const check = verifyQuote(change.rule.quote, actText, { annex: annexNumber(annexOf(change.rule.clause)) });
    if (!check.ok) out.push(quoteDiagnostic(change.rule.quoteSpan, check.reason, sourceName));
  }
  // A table has no clause of its own: it is quoted from the annex the file's rules belong to.
  // (the annex most of them cite: one rule moved to a wrong clause must not move the tables with it).
  const fileAnnex = annexNumber(rulesetAnnex(file));
  for (const table of [...file.tables, ...file.tableChanges]) {
    if (table.quote === null) continue;
    const check = verifyQuote(table.quote, actText, { annex: fileAnnex });
    if (!check.ok) out.push(quoteDiagnostic(table.span, check.reason, sourceName));
  }
  return out;
}
