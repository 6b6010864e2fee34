// Building findings from failing cases, and the stable order of everything an Evaluation lists.
import { displayValue, type Case, type CompiledRule, type Runtime, type Value } from '../compile/index.ts';
import type { Finding } from './types.ts';

export function buildFinding(rule: CompiledRule, c: Case, rt: Runtime, reqItem: string | null, facts: { fact(name: string): Value }): Finding {
  const subject = rule.subjectOf(c, rt);
  const period = c.periods.length > 0 ? c.periods.map((p) => p.label).join('/') : undefined;
  const items = reqItem === null ? c.items : [...c.items, reqItem];
  const item = items.length > 0 ? items.join('/') : null;
  const base = { subject, period: period ?? '', item: item ?? '' };
  const expected = rule.renderIn(rule.templates.expected, 'en', c, rt, base) ?? rule.requirementText.get(reqItem) ?? '';
  const actual = rule.renderIn(rule.templates.actual, 'en', c, rt, { ...base, expected })
    ?? (rule.leafFacts.get(reqItem) ?? []).map((n) => `${n} = ${displayValue(facts.fact(n), 'en', rule.factTypes.get(n)?.t === 'date')}`).join('; ');
  const message = rule.render(rule.templates.message, c, rt, { ...base, expected, actual })!;
  const evidence = rule.evidenceOf(c, rt);
  // Two literals rather than a conditional spread (slow per finding); the key order is the report's.
  return period === undefined
    ? { rule: rule.id, clause: rule.clause, severity: rule.severity, subject, item, message, expected, actual, evidence }
    : { rule: rule.id, clause: rule.clause, severity: rule.severity, subject, period, item, message, expected, actual, evidence };
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
