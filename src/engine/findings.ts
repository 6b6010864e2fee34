// Building findings from failing cases, and the stable order of everything an Evaluation lists.
import { displayValue, type Case, type CompiledRule, type Runtime, type Value } from '../compile/index.ts';
import type { Lang } from '../core/lang.ts';
import type { Finding } from './types.ts';

export function buildFinding(rule: CompiledRule, version: string, c: Case, rt: Runtime, reqItem: string | null, facts: { fact(name: string): Value }): Finding {
  const subject = rule.subjectOf(c, rt);
  const period = c.periods.length > 0 ? c.periods.map((p) => p.label).join('/') : undefined;
  const items = reqItem === null ? c.items : [...c.items, reqItem];
  const item = items.length > 0 ? items.join('/') : null;
  // Only failing cases get here, so rendering every language costs nothing on the hot path.
  const p = period ?? '', it = item ?? '';
  const kk = { subject, period: p, item: rule.itemText(it, 'kk') };
  const ru = { subject, period: p, item: rule.itemText(it, 'ru') };
  const en = { subject, period: p, item: rule.itemText(it, 'en') };
  const expected = { kk: expectedIn(rule, 'kk', c, rt, reqItem, kk), ru: expectedIn(rule, 'ru', c, rt, reqItem, ru), en: expectedIn(rule, 'en', c, rt, reqItem, en) };
  const actual = {
    kk: actualIn(rule, 'kk', c, rt, reqItem, facts, { ...kk, expected: expected.kk }),
    ru: actualIn(rule, 'ru', c, rt, reqItem, facts, { ...ru, expected: expected.ru }),
    en: actualIn(rule, 'en', c, rt, reqItem, facts, { ...en, expected: expected.en }),
  };
  const m = rule.templates.message;
  const message = {
    kk: rule.renderIn(m, 'kk', c, rt, { ...kk, expected: expected.kk, actual: actual.kk })!,
    ru: rule.renderIn(m, 'ru', c, rt, { ...ru, expected: expected.ru, actual: actual.ru })!,
    en: rule.renderIn(m, 'en', c, rt, { ...en, expected: expected.en, actual: actual.en })!,
  };
  const evidence = rule.evidenceOf(c, rt);
  // Two literals rather than a conditional spread (slow per finding); the key order is the report's.
  return period === undefined
    ? { rule: rule.id, version, clause: rule.clause, severity: rule.severity, subject, item, message, expected, actual, evidence }
    : { rule: rule.id, version, clause: rule.clause, severity: rule.severity, subject, period, item, message, expected, actual, evidence };
}

type Extra = Readonly<Record<string, string>>;

/** The rule's `expected` text, else the requirement itself (an expression, the same in every language). */
function expectedIn(rule: CompiledRule, lang: Lang, c: Case, rt: Runtime, reqItem: string | null, base: Extra): string {
  return rule.renderIn(rule.templates.expected, lang, c, rt, base) ?? rule.requirementText.get(reqItem) ?? '';
}

/** The rule's `actual` text, else the values the requirement compared. */
function actualIn(rule: CompiledRule, lang: Lang, c: Case, rt: Runtime, reqItem: string | null, facts: { fact(name: string): Value }, extra: Extra): string {
  return rule.renderIn(rule.templates.actual, lang, c, rt, extra)
    ?? (rule.leafFacts.get(reqItem) ?? []).map((n) => `${n} = ${displayValue(facts.fact(n), lang, rule.factTypes.get(n)?.t === 'date')}`).join('; ');
}

/** `A1.4` before `A1.30.5`: clause ids compare part by part, numbers as numbers. */
export function compareClauses(a: string, b: string): number {
  if (a === b) return 0;
  const pa = a.split('.'), pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i], y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN, ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : cmp(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/** Code-point order: independent of the machine's locale, so output is byte-identical everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareClauses(a.clause, b.clause) || cmp(a.subject, b.subject) || cmp(a.period ?? '', b.period ?? '')
    || cmp(a.item ?? '', b.item ?? '') || cmp(a.rule, b.rule);
}
