// What every renderer shows the same way: evidence addresses, in-force dates, counts by severity and
// clause, findings grouped by annex and clause, and where a clause's Kazakh quote comes from.
import type { Lang } from '../core/lang.ts';
import { columnOf, enumById, sheetById, WORKBOOK_SCHEMA } from '../schema/index.ts';
import type { Severity } from '../engine/types.ts';
import { WARNING_CODES, type InputErrorCode } from '../ingest/types.ts';
import type { AuditReport, AuditResult, ReportEvidence } from './types.ts';
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

/** The workbook's own place, `Балалар!D4 (birth_date)`, the canonical column after it; a whole sheet is its name. */
export function formatEvidence(e: ReportEvidence): string {
  return e.column === undefined ? e.cell : `${e.cell} (${e.column})`;
}

export function formatEvidenceList(list: readonly ReportEvidence[]): string {
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

export function verdictOf(report: AuditReport): AuditResult {
  return report.result;
}

/** Items named in the verdict line before the rest is counted. */
const VERDICT_ITEMS = 6;

/**
 * The first line of every format: the verdict, then what it rests on — the findings, what the workbook
 * lacks (sheets and columns by their contract names in the report language), input errors,
 * and the clauses the rule pack cannot judge yet ("Compliant: no non-compliance found; the rule pack
 * cannot yet evaluate A1.43").
 */
export function verdictLine(report: AuditReport, w: ReportWords, lang: Lang): string {
  const parts: string[] = [];
  const failing = report.findings.filter((f) => f.severity !== 'info').length;
  if (report.result === 'non_compliant') parts.push(w.verdictFindings(failing));
  else if (report.result === 'compliant' || report.summary.input_errors === 0) parts.push(w.verdictNoFindings);
  // What the workbook lacks, in contract order: sheets, then columns of sheets it has.
  const gaps = new Map<string, { order: number; text: string }>();
  for (const n of report.not_evaluated) {
    if (n.cause !== 'workbook' || n.sheet === undefined) continue;
    // A sheet whose rows were all rejected is there: its input errors say what is wrong.
    if (n.column === undefined && report.rows[n.sheet] !== undefined) continue;
    const sheet = sheetById(n.sheet);
    const order = (sheet ? WORKBOOK_SCHEMA.sheets.indexOf(sheet) : 999) + (n.column === undefined ? 0 : 1000 + (sheet?.columns.findIndex((c) => c.id === n.column) ?? 0) / 1000);
    const text = n.column === undefined
      ? w.verdictSheet(sheet?.labels[lang] ?? n.sheet)
      : w.verdictColumn(columnOf(n.sheet, n.column)?.labels[lang] ?? n.column, sheet?.labels[lang] ?? n.sheet);
    gaps.set(text, { order, text });
  }
  const lacks = [...gaps.values()].sort((a, b) => a.order - b.order).map((g) => g.text);
  if (lacks.length > 0) {
    const shown = lacks.length > VERDICT_ITEMS ? [...lacks.slice(0, VERDICT_ITEMS - 1), w.andMore(lacks.length - VERDICT_ITEMS + 1)] : lacks;
    parts.push(w.verdictLacks(shown.join(', ')));
  }
  if (report.summary.input_errors > 0) parts.push(w.verdictInputErrors(report.summary.input_errors));
  const rulePack = [...new Set(report.not_evaluated.filter((n) => n.cause === 'rule_pack').map((n) => n.clause))];
  if (rulePack.length > 0) parts.push(w.verdictRulePack(rulePack.join(', ')));
  return `${w.verdict[report.result]} — ${parts.join("; ")}`;
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
