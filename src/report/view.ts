// What every renderer shows the same way: evidence addresses, in-force dates, counts by severity and
// clause, findings grouped by annex and clause, and where a clause's Kazakh quote comes from.
import type { Lang } from '../core/lang.ts';
import { enumById } from '../schema/index.ts';
import type { Evidence, Severity } from '../engine/types.ts';
import { WARNING_CODES, type InputErrorCode } from '../ingest/types.ts';
import type { AuditReport } from './types.ts';
import type { ReportFinding, ReportRuleset } from './build.ts';
import { reportWords, type ReportWords } from './i18n.ts';
import { compareClauses } from '../engine/findings.ts';
import { annexOf } from './order.ts';

/**
 * Kazakh quotes of the order, keyed by rule id (`residential/group-size`) or, as a fallback, by clause
 * id (`A1.30.5`). The JSON report carries no quotes; the CLI builds this map from the compiled rules.
 */
export type QuoteMap = ReadonlyMap<string, string>;

export interface RenderOptions {
  readonly lang: Lang;
  readonly quotes?: QuoteMap;
}

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'major', 'minor', 'info'];

/** `children!4 (birth_date)`; a whole-sheet reference is just `children`. */
export function formatEvidence(e: Evidence): string {
  const at = e.row === undefined ? e.sheet : `${e.sheet}!${e.row}`;
  return e.column === undefined ? at : `${at} (${e.column})`;
}

export function formatEvidenceList(list: readonly Evidence[]): string {
  return list.map(formatEvidence).join('; ');
}

/** `2009-09-07 … 2010-12-06 ≈`: the ≈ marks dates that are not in the source text. */
export function formatInForce(r: ReportRuleset, w: ReportWords): string {
  const from = r.in_force.from ?? '…';
  const until = r.in_force.until ?? w.openEnded;
  return `${from} … ${until}${r.in_force.approximate ? ' ≈' : ''}`;
}

export function severityCounts(report: AuditReport): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, major: 0, minor: 0, info: 0 };
  for (const f of report.findings) out[f.severity]++;
  return out;
}

export function clauseCounts(report: AuditReport): { clause: string; count: number }[] {
  const m = new Map<string, number>();
  for (const f of report.findings) m.set(f.clause, (m.get(f.clause) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => compareClauses(a[0], b[0])).map(([clause, count]) => ({ clause, count }));
}

export interface ClauseGroup {
  readonly clause: string;
  /** Distinct quotes of the rules with findings under this clause, in rule order. */
  readonly quotes: readonly string[];
  readonly findings: readonly ReportFinding[];
}

export interface AnnexGroup {
  /** `1`, `2`, `3`; null for clause ids outside the `A<n>.` form. */
  readonly annex: string | null;
  readonly clauses: readonly ClauseGroup[];
}

/** Findings grouped by annex, then clause; the report's order (clause, subject, period, item) is kept. */
export function groupFindings(report: AuditReport, quotes: QuoteMap | undefined): AnnexGroup[] {
  return groupBy(report.findings, (f) => String(annexOf(f.clause))).map((inAnnex) => ({
    annex: annexOf(inAnnex[0]!.clause),
    clauses: groupBy(inAnnex, (f) => f.clause).map((findings) => ({
      clause: findings[0]!.clause,
      quotes: distinctQuotes(findings, quotes),
      findings,
    })),
  }));
}

/** Groups in order of first appearance, so the report's sort order is kept. */
export function groupBy<T>(list: readonly T[], key: (x: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const g = groups.get(k);
    if (g) g.push(x); else groups.set(k, [x]);
  }
  return [...groups.values()];
}

function distinctQuotes(findings: readonly ReportFinding[], quotes: QuoteMap | undefined): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const q = quoteFor(f.rule, f.clause, quotes);
    if (q !== undefined && !out.includes(q)) out.push(q);
  }
  return out;
}

export function quoteFor(rule: string, clause: string, quotes: QuoteMap | undefined): string | undefined {
  return quotes?.get(rule) ?? quotes?.get(clause);
}

/** A facility enum code in the report language (`private` → `жеке`); unknown codes are shown as they are. */
export function enumText(enumId: 'kind' | 'ownership', code: string, lang: Lang): string {
  const label = enumById(enumId)?.values.find((v) => v.code === code)?.labels[lang][0];
  return label === undefined || label === code ? code : `${label} (${code})`;
}

export type Verdict = keyof ReportWords['verdict'];

export function verdictOf(report: AuditReport): Verdict {
  if (report.findings.some((f) => f.severity !== 'info')) return 'nonCompliant';
  return report.summary.input_errors > 0 ? 'inputErrorsOnly' : 'compliant';
}

/** `Result: …`, with the count of rules that could not run when there are any. */
export function verdictLine(report: AuditReport, w: ReportWords): string {
  const n = report.summary.not_evaluated;
  return `${w.verdict[verdictOf(report)]}${n > 0 ? `; ${w.notEvaluatedNote(n)}` : ''}`;
}

export function annexTitle(annex: string | null, w: ReportWords): string {
  return annex === null ? '—' : w.annex(annex);
}

export function wordsFor(options: RenderOptions): ReportWords {
  return reportWords(options.lang);
}

/** Finding's `subject · period · item`, leaving out what is absent. */
export function findingTarget(f: ReportFinding): string {
  return [f.subject, f.period, f.item ?? undefined].filter((x): x is string => x !== undefined && x !== '').join(' · ');
}

/** Input errors that fail an audit (not the listed warnings such as an unknown column). */
export function isWarning(e: AuditReport['input_errors'][number]): boolean {
  return e.code !== undefined && WARNING_CODES.has(e.code as InputErrorCode);
}

/** Where an input error is, for the Markdown and HTML cell column: the cell, else `sheet!row`, else the sheet. */
export function inputErrorCell(e: AuditReport['input_errors'][number]): string {
  return e.cell ?? (e.row === null ? e.sheet : `${e.sheet}!${e.row}`);
}
