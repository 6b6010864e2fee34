// What every renderer shows the same way: the verdict line, evidence addresses, in-force dates, counts by
// severity and clause, consolidated entries grouped by annex and clause or by subject, the rules not
// evaluated merged per rule, explanations, follow-up marks, and where a clause's Kazakh quote comes from.
import type { Lang } from '../core/lang.ts';
import { columnOf, sheetById, WORKBOOK_SCHEMA } from '../schema/index.ts';
import type { ExplainedCondition } from '../engine/conditions.ts';
import type { Severity } from '../engine/types.ts';
import { WARNING_CODES, type InputErrorCode } from '../ingest/types.ts';
import type { AuditReport, FindingExplain, FindingGroup, ReportEvidence, ReportFinding } from './types.ts';
import type { ReportRuleset } from './build.ts';
import { reportWords, type ReportWords } from './i18n.ts';
import { compareClauses } from '../engine/findings.ts';
import { messageNamesPeriods } from './consolidate.ts';
import { columnText, itemText, sheetText, subjectText } from './labels.ts';
import { annexOf, compareNatural } from './order.ts';
import { rangesText } from './periods.ts';

export { enumText } from './labels.ts';

/**
 * Kazakh quotes of the order, keyed by rule id and version (`residential/group-size@2010-x`: an amendment
 * may quote a rule anew), by rule id, or, as a fallback, by clause id (`A1.30.5`). The JSON report carries
 * no quotes; the CLI builds this map from the compiled rules.
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

/** Places a human format lists for one entry; the rest are counted (the JSON report has them all). */
const EVIDENCE_SHOWN = 6;

/** The places listed for one entry (all of them, or one fewer than EVIDENCE_SHOWN), and how many more are counted. */
export function shownEvidence(list: readonly ReportEvidence[]): { shown: readonly ReportEvidence[]; more: number } {
  const shown = list.length <= EVIDENCE_SHOWN ? list : list.slice(0, EVIDENCE_SHOWN - 1);
  return { shown, more: list.length - shown.length };
}

export function formatEvidenceList(list: readonly ReportEvidence[], w?: ReportWords): string {
  if (w === undefined) return list.map(formatEvidence).join('; ');
  const { shown, more } = shownEvidence(list);
  return [...shown.map(formatEvidence), ...(more > 0 ? [w.andMore(more)] : [])].join('; ');
}

/** `2009-09-07 … 2010-12-06 ≈`: the ≈ marks dates that are not in the source text. */
export function formatInForce(r: ReportRuleset, w: ReportWords): string {
  const from = r.in_force.from ?? '…';
  const until = r.in_force.until ?? w.openEnded;
  return `${from} … ${until}${r.in_force.approximate ? ' ≈' : ''}`;
}

export function severityCounts(report: { readonly findings: readonly { readonly severity: Severity }[] }): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, major: 0, minor: 0, info: 0 };
  for (const f of report.findings) out[f.severity]++;
  return out;
}

/** Per clause: findings (one per period) and entries (one per rule and subject). */
export function clauseCounts(report: Pick<AuditReport, 'findings' | 'groups'>): { clause: string; count: number; entries: number }[] {
  const m = new Map<string, { count: number; entries: number }>();
  for (const f of report.findings) { const c = m.get(f.clause) ?? { count: 0, entries: 0 }; c.count++; m.set(f.clause, c); }
  for (const g of report.groups) { const c = m.get(g.clause); if (c) c.entries++; }
  return [...m.entries()].sort((a, b) => compareClauses(a[0], b[0])).map(([clause, c]) => ({ clause, ...c }));
}

export interface ClauseGroup {
  readonly clause: string;
  /** Distinct quotes of the rules (versions) with entries under this clause, in rule order. */
  readonly quotes: readonly string[];
  readonly entries: readonly FindingGroup[];
}

export interface AnnexGroup {
  /** `1`, `2`, `3`; null for clause ids outside the `A<n>.` form. */
  readonly annex: string | null;
  readonly clauses: readonly ClauseGroup[];
}

/** Entries grouped by annex, then clause, in the report's order (clause, subject, period, item). */
export function groupByClause(entries: readonly FindingGroup[], quotes: QuoteMap | undefined): AnnexGroup[] {
  return groupBy(entries, (g) => String(annexOf(g.clause))).map((inAnnex) => ({
    annex: annexOf(inAnnex[0]!.clause),
    clauses: groupBy(inAnnex, (g) => g.clause).map((list) => ({
      clause: list[0]!.clause,
      quotes: distinctQuotes(list, quotes),
      entries: list,
    })),
  }));
}

export interface SubjectGroup {
  readonly subject: string;
  /** True for the facility's own duties (the subject is its facility_id). */
  readonly facility: boolean;
  /** Where the subject's own row is (`Балалар!A3`), when a finding cites it. */
  readonly row: string | null;
  readonly entries: readonly FindingGroup[];
}

/**
 * Entries by subject — the facility's own duties first, then children, groups, staff… in natural order
 * (R-2 before R-10) — each subject's entries in clause order: what an inspector goes through with the
 * facility one child at a time.
 */
export function groupBySubject(report: Pick<AuditReport, 'groups' | 'facility'>): SubjectGroup[] {
  const subjects = groupBy(report.groups, (g) => g.subject);
  const id = report.facility.facility_id;
  return subjects
    .map((entries) => ({
      subject: entries[0]!.subject,
      facility: entries[0]!.subject === id,
      row: subjectRow(entries),
      entries: [...entries].sort((a, b) => compareClauses(a.clause, b.clause)),
    }))
    .sort((a, b) => Number(b.facility) - Number(a.facility) || compareNatural(a.subject, b.subject));
}

/** The first cited cell in an id column (`child_id`, `group_id`…), else the first cited cell: the subject's own row. */
function subjectRow(entries: readonly FindingGroup[]): string | null {
  for (const g of entries) for (const e of g.evidence) if (e.row !== undefined && e.column?.endsWith('_id')) return e.cell;
  for (const g of entries) for (const e of g.evidence) if (e.row !== undefined) return e.cell;
  return null;
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

function distinctQuotes(entries: readonly { rule: string; clause: string; version: string }[], quotes: QuoteMap | undefined): string[] {
  const out: string[] = [];
  for (const g of entries) {
    const q = quoteFor(g.rule, g.clause, quotes, g.version);
    if (q !== undefined && !out.includes(q)) out.push(q);
  }
  return out;
}

/** The quote of the rule as worded by the version that judged the finding (an amendment may reword it). */
export function quoteFor(rule: string, clause: string, quotes: QuoteMap | undefined, version?: string): string | undefined {
  return (version === undefined ? undefined : quotes?.get(`${rule}@${version}`)) ?? quotes?.get(rule) ?? quotes?.get(clause);
}

/** Items named in the verdict line before the rest is counted. */
const VERDICT_ITEMS = 6;
const VERDICT_SUBJECTS = 4;

function capped(items: readonly string[], limit: number, w: ReportWords): string {
  return (items.length > limit ? [...items.slice(0, limit - 1), w.andMore(items.length - limit + 1)] : items).join(', ');
}

/** What the verdict line reads of a rule not evaluated: not its rule id or its reason (a batch keeps no more). */
export type VerdictGap = Pick<AuditReport['not_evaluated'][number], 'clause' | 'cause' | 'subject' | 'sheet' | 'column'>;

/**
 * The first line of every format: the verdict, then what it rests on — the findings, what the workbook
 * lacks (sheets and columns by their contract names in the report language), input errors, the clauses
 * the rule pack cannot judge yet ("Compliant — no non-compliance found; the rule pack cannot yet evaluate
 * A1.43"), and the subjects it could not judge because their cases are dated when no version of the rule
 * pack was in force (children admitted before the order came into force).
 */
export function verdictLine(
  report: Pick<AuditReport, 'result' | 'summary' | 'rows'> & {
    readonly findings: readonly { readonly severity: Severity }[]; readonly not_evaluated: readonly VerdictGap[];
  },
  w: ReportWords, lang: Lang,
): string {
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
      ? w.verdictSheet(sheetText(n.sheet, lang))
      : w.verdictColumn(columnOf(n.sheet, n.column)?.labels[lang] ?? n.column, sheetText(n.sheet, lang));
    gaps.set(text, { order, text });
  }
  const lacks = [...gaps.values()].sort((a, b) => a.order - b.order).map((g) => g.text);
  if (lacks.length > 0) parts.push(w.verdictLacks(capped(lacks, VERDICT_ITEMS, w)));
  if (report.summary.input_errors > 0) parts.push(w.verdictInputErrors(report.summary.input_errors));
  const packGaps = report.not_evaluated.filter((n) => n.cause === 'rule_pack');
  const wholeRules = distinctClauses(packGaps.filter((n) => n.subject === undefined));
  if (wholeRules.length > 0) parts.push(w.verdictRulePack(capped(wholeRules, VERDICT_ITEMS, w)));
  const perSubject = packGaps.filter((n) => n.subject !== undefined);
  if (perSubject.length > 0) {
    const subjects = [...new Set(perSubject.map((n) => n.subject!))].sort(compareNatural);
    parts.push(w.verdictUncovered(capped(subjects, VERDICT_SUBJECTS, w), capped(distinctClauses(perSubject), VERDICT_ITEMS, w)));
  }
  return `${w.verdict[report.result]} — ${parts.join('; ')}`;
}

function distinctClauses(list: readonly { clause: string }[]): string[] {
  return [...new Set(list.map((n) => n.clause))].sort(compareClauses);
}

export function annexTitle(annex: string | null, w: ReportWords): string {
  return annex === null ? '—' : w.annex(annex);
}

export function wordsFor(options: RenderOptions): ReportWords {
  return reportWords(options.lang);
}

/** The sheets an entry cites, which tell a column-named item (a contract term) from another. */
function citedSheets(x: { evidence: readonly ReportEvidence[] }): string[] {
  return [...new Set(x.evidence.map((e) => e.sheet))];
}

/** An entry's or a finding's item in the report language, or '' when it has none. */
export function itemLabel(x: { item: string | null; evidence: readonly ReportEvidence[] }, lang: Lang): string {
  return x.item === null ? '' : itemText(x.item, lang, citedSheets(x));
}

/**
 * An entry's periods for a table cell: one period is its label; several are counted (`14 days`), with
 * the ranges when the wording does not already name them (`3 weeks: 2010-W02 … 2010-W04`).
 */
export function entryPeriods(g: FindingGroup, w: ReportWords): string {
  if (g.periods === undefined || g.count === 1 || !messageNamesPeriods(g)) return entryPeriodsInFull(g, w);
  return w.periodCount(g.period_kind ?? 'other', g.count);
}

/** Every period of an entry, counted and as ranges (the per-subject view and the xlsx Periods column). */
export function entryPeriodsInFull(g: FindingGroup, w: ReportWords): string {
  if (g.periods === undefined) return '';
  return g.count === 1 ? g.periods[0]!.from : `${w.periodCount(g.period_kind ?? 'other', g.count)}: ${rangesText(g.periods)}`;
}

/**
 * The rule of an entry as the report names it: `residential/group-size`, or `residential/group-size@2010-x`
 * when the audit used more than one version of its ruleset (an amendment in force within the period),
 * so that which text judged the entry is on its line and not only in the JSON.
 */
export function ruleRef(g: { readonly rule: string; readonly version: string }, rulesets: readonly { readonly id: string }[] | undefined): string {
  const ruleset = g.rule.slice(0, g.rule.indexOf('/'));
  return (rulesets ?? []).filter((r) => r.id === ruleset).length > 1 ? `${g.rule}@${g.version}` : g.rule;
}

/**
 * The rows read per sheet in the contract's order (the facility, the children, their groups …), which
 * reads the same in every language — the JSON keeps its keys sorted by id.
 */
export function rowsInSheetOrder(rows: AuditReport['rows']): [string, AuditReport['rows'][string]][] {
  const at = (sheet: string) => { const i = WORKBOOK_SCHEMA.sheets.findIndex((d) => d.id === sheet); return i < 0 ? WORKBOOK_SCHEMA.sheets.length : i; };
  return Object.entries(rows).sort(([a], [b]) => at(a) - at(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** An entry's `subject · periods · item` in the report language, leaving out what is absent. */
export function entryTarget(g: FindingGroup, w: ReportWords, lang: Lang): string {
  return [subjectText(g.subject, lang), entryPeriods(g, w), itemLabel(g, lang)].filter((x) => x !== '').join(' · ');
}

/** `new`, `persisting`, `new · recurring`; null without a baseline. */
export function followUpText(x: { follow_up?: FindingGroup['follow_up']; recurring?: true }, w: ReportWords): string | null {
  if (x.follow_up === undefined) return null;
  return x.recurring ? `${w.statuses[x.follow_up]} · ${w.recurring}` : w.statuses[x.follow_up];
}

/** Input errors that fail an audit (not the listed warnings such as an unknown column). */
export function isWarning(e: AuditReport['input_errors'][number]): boolean {
  return e.code !== undefined && WARNING_CODES.has(e.code as InputErrorCode);
}

/**
 * Where an input error is, for the Markdown and HTML cell column: the cell, else `sheet!row`, else the
 * sheet — by its contract name in the report language when the workbook's own spelling is not known.
 */
export function inputErrorCell(e: AuditReport['input_errors'][number], lang: Lang): string {
  const sheet = sheetText(e.sheet, lang);
  return e.cell ?? (e.row === null ? sheet : `${sheet}!${e.row}`);
}

/**
 * Rules not evaluated, merged per rule — one line naming every subject, not one line per child — and rules
 * not evaluated for the same subjects and the same reason on one line (`A1.2, A1.7, A1.8`).
 */
export interface NotEvaluatedEntry {
  readonly rules: readonly string[];
  readonly clauses: readonly string[];
  readonly cause: 'workbook' | 'rule_pack';
  /** Subjects with what sets each apart (`D-08 (2007-09-03)`); empty for a whole rule. */
  readonly subjects: readonly string[];
  readonly reason: string;
  readonly sheet?: string;
  readonly column?: string;
}

/** Longest a per-subject detail may be and still stand beside the subject in parentheses. */
const DETAIL_LENGTH = 60;

/**
 * One entry per rule, cause and place for the subjects' entries; an entry for a whole rule stays as it
 * is. The subjects' reasons (`D-08: dated 2007-09-03, when …`) are split into the words they share —
 * the reason, with `…` where they differ — and what differs, shown beside each subject (`D-08
 * (2007-09-03)`). When they share too little, each subject keeps its own reason.
 */
export function consolidateNotEvaluated(list: AuditReport['not_evaluated']): NotEvaluatedEntry[] {
  const perRule = notEvaluatedPerRule(list);
  return groupBy(perRule, (n) => JSON.stringify([n.cause, n.subjects, n.reason, n.sheet ?? null, n.column ?? null])).map((same) => ({
    ...same[0]!,
    rules: same.map((n) => n.rule),
    clauses: [...new Set(same.map((n) => n.clause))],
  }));
}

type PerRule = Omit<NotEvaluatedEntry, 'rules' | 'clauses'> & { readonly rule: string; readonly clause: string };

function notEvaluatedPerRule(list: AuditReport['not_evaluated']): PerRule[] {
  const out: PerRule[] = [];
  for (const same of groupBy(list, (n) => JSON.stringify([n.rule, n.cause, n.subject === undefined ? n.reason : null, n.sheet ?? null, n.column ?? null]))) {
    const first = same[0]!;
    const place = { ...(first.sheet !== undefined ? { sheet: first.sheet } : {}), ...(first.column !== undefined ? { column: first.column } : {}) };
    const withSubject = same.filter((n) => n.subject !== undefined);
    if (withSubject.length === 0) { out.push({ rule: first.rule, clause: first.clause, cause: first.cause, subjects: [], reason: first.reason, ...place }); continue; }
    const subjects = [...new Set(withSubject.map((n) => n.subject!))];
    const rests = subjects.map((s) => {
      const reasons = [...new Set(withSubject.filter((n) => n.subject === s).map((n) => n.reason))];
      return reasons.map((r) => (r.startsWith(`${s}: `) ? r.slice(s.length + 2) : r)).join('; ');
    });
    const split = sharedWording(rests);
    out.push(split === null
      ? { rule: first.rule, clause: first.clause, cause: first.cause, subjects: subjects.map((s, i) => `${s}: ${rests[i]}`), reason: '', ...place }
      : { rule: first.rule, clause: first.clause, cause: first.cause, subjects: subjects.map((s, i) => (split.details[i] ? `${s} (${split.details[i]})` : s)), reason: split.reason, ...place });
  }
  return out;
}

/** The words the texts share and, per text, what sets it apart; null when the texts share too little. */
function sharedWording(texts: readonly string[]): { reason: string; details: string[] } | null {
  if (texts.every((t) => t === texts[0])) return { reason: texts[0]!, details: texts.map(() => '') };
  let prefix = texts.reduce((p, t) => commonPrefix(p, t));
  let suffix = texts.reduce((s, t) => commonSuffix(s, t));
  // Whole words: the prefix ends after a space, the suffix starts at punctuation or a space.
  prefix = prefix.slice(0, prefix.lastIndexOf(' ') + 1);
  const cut = suffix.search(/[^\p{L}\p{N}-]/u);
  suffix = cut < 0 ? '' : suffix.slice(cut);
  const shortest = Math.min(...texts.map((t) => t.length));
  if (prefix.length + suffix.length > shortest) return null;
  const details = texts.map((t) => t.slice(prefix.length, t.length - suffix.length).trim());
  if (suffix.length < 10 || details.some((d) => d === '' || [...d].length > DETAIL_LENGTH)) return null;
  // A word or two before what differs (`dated`, `күні`, `дата`) goes with it beside each subject —
  // `R-08 (dated 2005-11-14): when no version …` — rather than leave `dated …` in the reason, which reads
  // as text left out. A longer lead stays in the reason, `…` standing for the details.
  const lead = prefix.trim();
  if (lead.split(/\s+/).length <= 2 && details.every((d) => [...`${lead} ${d}`].length <= DETAIL_LENGTH)) {
    return { reason: suffix.replace(/^[\s,;:—–-]+/u, ''), details: details.map((d) => (lead === '' ? d : `${lead} ${d}`)) };
  }
  return { reason: `${prefix}…${suffix}`, details };
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function commonSuffix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i);
}

/** A not-evaluated entry's place in the workbook's own words: `sheet «Топтар»`, `«Балалар»: «Туған күні»`. */
export function notEvaluatedPlace(n: { sheet?: string; column?: string }, lang: Lang): string {
  if (n.sheet === undefined) return '';
  const sheet = sheetText(n.sheet, lang);
  return n.column === undefined ? sheet : `${sheet}: ${columnText(n.sheet, n.column, lang)}`;
}

/** One line of a finding's explanation, indented by depth, with ✓ or ✗ for what the condition came to. */
export interface ExplainLine { readonly depth: number; readonly text: string; readonly result: boolean }

/**
 * A finding's conditions as lines a person reads: `all of` / `any of` / `not`, and for each comparison
 * the expression, the operator and what it was compared to, with the value the engine saw.
 */
export function explainLines(conditions: ExplainedCondition, w: ReportWords, depth = 0): ExplainLine[] {
  if ('all' in conditions) {
    if (conditions.all.length === 1) return explainLines(conditions.all[0]!, w, depth);
    return [{ depth, text: w.allOf, result: conditions.result },
      ...conditions.all.flatMap((c) => explainLines(c, w, depth + 1))];
  }
  if ('any' in conditions) {
    if (conditions.any.length === 1) return explainLines(conditions.any[0]!, w, depth);
    return [{ depth, text: w.anyOf, result: conditions.result },
      ...conditions.any.flatMap((c) => explainLines(c, w, depth + 1))];
  }
  if ('not' in conditions) {
    return [{ depth, text: w.notOf, result: conditions.result }, ...explainLines(conditions.not, w, depth + 1)];
  }
  const c = conditions;
  const shown = (v: string) => (v === 'yes' ? w.yes : v === 'no' ? w.no : v);
  const unary = c.operator === 'isEmpty' || c.operator === 'isPresent' || c.operator === 'isTrue';
  const op = c.operator === 'isTrue' && c.value === false ? w.operators.isFalse! : w.operators[c.operator] ?? c.operator;
  const text = unary ? `${c.fact} ${op} — ${w.sawValue}: ${shown(c.factValue)}` : `${c.fact} ${op} ${shown(c.compareTo)} — ${w.sawValue}: ${shown(c.factValue)}`;
  return [{ depth, text, result: c.result }];
}

/**
 * The distinct explanations of an entry's findings (a daily duty failed on 90 days is usually one), each
 * with the periods it holds for, and the rule's source line.
 */
export function entryExplanations(g: FindingGroup, findings: readonly ReportFinding[]): { explain: FindingExplain; periods: string[] }[] {
  const byText = new Map<string, { explain: FindingExplain; periods: string[] }>();
  for (const i of g.findings) {
    const f = findings[i];
    if (f?.explain === undefined) continue;
    const key = JSON.stringify(f.explain);
    const e = byText.get(key) ?? { explain: f.explain, periods: [] };
    if (f.period !== undefined) e.periods.push(f.period);
    byText.set(key, e);
  }
  return [...byText.values()];
}
