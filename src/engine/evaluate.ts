// Evaluation of compiled rulesets over one workbook: cases → requirement → findings, in two modes that
// must agree: `fast` (own condition evaluator + hash indexes) and `reference` (json-rules-engine).
import { formatIsoDate, type DayNumber } from '../core/date.ts';
import type { Localized } from '../core/lang.ts';
import {
  Interval, NotEvaluatedSignal, RowRef, displayValue, type Case, type CompiledRule, type CompiledRuleset, type Runtime, type Value,
} from '../compile/index.ts';
import type { IngestedWorkbook, TypedRow } from '../ingest/types.ts';
import { sheetById } from '../schema/index.ts';
import { evalCondition, explainCondition } from './conditions.ts';
import { buildFinding, cmp, compareClauses, compareFindings } from './findings.ts';
import { reasons } from './reasons.ts';
import { ReferenceJudge } from './reference.ts';
import { cellsInError, rejectedCases, rejectedLookups, type RejectedLookups, type RejectedRowsBearing } from './rejected.ts';
import type { Evaluation, Finding, NotEvaluated, NotEvaluatedCause, RulesetVersionUsed } from './types.ts';
import { selectVersions, sortVersions, versionOn } from './versions.ts';

export interface EvaluateOptions {
  /** The reference date for state checks (default: the audit period's last day). */
  readonly asOf?: DayNumber;
  /** `fast` (default) or `reference` (json-rules-engine; slow, the semantics oracle). */
  readonly mode?: 'fast' | 'reference';
  /** Attach, per finding, the compiled condition with the values each comparison saw. */
  readonly explain?: boolean;
}

export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
}

export async function evaluate(rulesets: readonly CompiledRuleset[], workbook: IngestedWorkbook, options: EvaluateOptions = {}): Promise<Evaluation> {
  const facility = workbook.facility;
  if (!facility) throw new EvaluationError(`${workbook.file}: the facility sheet is missing or its row was rejected; the audit period and facility kind are unknown`);
  const period = { from: facility.period_from, to: facility.period_to };
  const asOf = options.asOf ?? period.to;
  const selected = selectVersions(rulesets, facility.kind, period, asOf);
  const rt: Runtime = {
    tables: workbook.tables,
    facility: new RowRef('facility', workbook.tables.facility?.rows[0] ?? facilityRow(workbook)),
    auditPeriod: new Interval(period.from, period.to) as Interval & { to: DayNumber },
    asOf,
    indexes: new Map(),
  };
  const errorCells = cellsInError(workbook);
  const byId = new Map<string, CompiledRuleset[]>();
  for (const v of selected) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);

  const findings = new Map<string, Finding>();
  const notEvaluated: NotEvaluated[] = [];
  const outcomes: Evaluation['rules'][number][] = [];
  for (const [id, versions] of byId) {
    const ruleNames = [...new Set(versions.flatMap((v) => v.rules.map((r) => r.name)))];
    for (const name of ruleNames) {
      const ruleId = `${id}/${name}`;
      const own: Finding[] = [];
      const missing: { reason: Localized; cause: NotEvaluatedCause; gap?: WorkbookGap }[] = [];
      const uncovered: Uncovered = new Map();
      const doubted: Doubted = new Map();
      /** Rows rejected for input errors that may be cases of the rule, by sheet: cases not judged. */
      const unjudged: RowsBySheet = new Map();
      let clause = '';
      for (const v of versions) {
        const rule = v.rules.find((r) => r.name === name);
        if (!rule) continue;
        clause ||= rule.clause;
        const { blocking, ifJudged } = dataGaps(rule, workbook);
        if (blocking.length > 0) { for (const gap of [...blocking, ...ifJudged]) missing.push({ reason: gap.reason, cause: 'workbook', gap }); continue; }
        try {
          const judged = { cases: 0 };
          const found = await judgeRule(rule, v, versions, rt, options.mode ?? 'fast', uncovered, options.explain === true, judged, rejectedLookups(rule, workbook, rt, errorCells), doubted);
          // A column read only to judge a case is needed only when there is a case to judge: without a
          // labour group, a workbook without subgroups has nothing for the subgroup rule to look at.
          if (ifJudged.length > 0 && judged.cases > 0) { for (const gap of ifJudged) missing.push({ reason: gap.reason, cause: 'workbook', gap }); continue; }
          // A loop, not push(...): a daily rule can fail on 100k+ cases, past the engine's argument limit.
          for (const f of found) own.push(f);
          addRows(unjudged, rejectedCases(rule, workbook));
        } catch (err) {
          if (!(err instanceof NotEvaluatedSignal)) throw err;
          missing.push({ reason: err.reason, cause: 'rule_pack' });
        }
      }
      if (missing.length > 0) {
        const seen = new Set<string>();
        for (const { reason, cause, gap } of missing) {
          if (seen.has(reason.en)) continue;
          seen.add(reason.en);
          const lacks = gap === undefined ? {} : gap.column === undefined ? { sheet: gap.sheet } : { sheet: gap.sheet, column: gap.column };
          notEvaluated.push({ rule: ruleId, clause, reason, cause, ...lacks });
        }
        outcomes.push({ rule: ruleId, clause, outcome: 'not_evaluated' });
        continue;
      }
      // One entry per subject (a child admitted under an earlier text), not per case: the rule pack, not
      // the workbook, lacks the text that governed those dates.
      for (const [subject, days] of uncovered) {
        const sorted = [...days].sort((a, b) => a - b);
        const shown = sorted.slice(0, 3).map(formatIsoDate).join(', ') + (sorted.length > 3 ? ', …' : '');
        notEvaluated.push({ rule: ruleId, clause, subject, reason: reasons.noVersion(subject, shown, inForceWindows(versions)), cause: 'rule_pack' });
      }
      // Rows rejected for input errors that may be cases of the rule: those cases were not judged, so the
      // rule, whatever it found in the others, has not been shown to pass (see README: "passed only when
      // every case was judged").
      if (unjudged.size > 0) {
        const sheets = listed(unjudged);
        notEvaluated.push({ rule: ruleId, clause, reason: reasons.rejectedCases(sheets), cause: 'workbook', sheet: sheets[0]!.sheet });
      }
      // Likewise one entry per subject whose failing cases a rejected row may have caused: the workbook,
      // not the rule pack, is to be corrected (see rejected.ts).
      for (const [subject, bearing] of doubted) {
        const sheets = listed(bearing);
        notEvaluated.push({ rule: ruleId, clause, subject, reason: reasons.rejectedMayHold(sheets), cause: 'workbook', sheet: sheets[0]!.sheet });
      }
      for (const f of own) {
        const key = JSON.stringify([f.rule, f.subject, f.period ?? null, f.item]);
        if (!findings.has(key)) findings.set(key, f);
      }
      // Info findings are advisory: shown for review, they never fail a rule. A rule that found nothing
      // but could not judge some of its cases (even only for lack of an earlier text in the rule pack)
      // has not been shown to pass: it is not evaluated, as README says ("passed only when every case
      // was judged"). Whether such a gap makes the audit incomplete is the verdict's call, by `cause`.
      const failed = own.some((f) => f.severity !== 'info');
      outcomes.push({ rule: ruleId, clause, outcome: failed ? 'failed' : uncovered.size > 0 || doubted.size > 0 || unjudged.size > 0 ? 'not_evaluated' : 'passed' });
    }
  }
  const byClauseRule = (a: { clause: string; rule: string }, b: { clause: string; rule: string }) => compareClauses(a.clause, b.clause) || cmp(a.rule, b.rule);
  return {
    findings: [...findings.values()].sort(compareFindings),
    notEvaluated: notEvaluated.sort((a, b) => byClauseRule(a, b) || cmp(a.subject ?? '', b.subject ?? '') || cmp(a.reason.en, b.reason.en)),
    rules: outcomes.sort(byClauseRule),
    rulesets: sortVersions(selected).map(versionUsed),
  };
}

/**
 * Sheets or columns the rule reads that the workbook lacks, and sheets whose every row was rejected.
 * `blocking`: the rule cannot run (a sheet, or a column its query reads: which cases exist is unknown).
 * `ifJudged`: columns read only to judge a case — missing only if the rule has a case to judge.
 */
function dataGaps(rule: CompiledRule, wb: IngestedWorkbook): { blocking: WorkbookGap[]; ifJudged: WorkbookGap[] } {
  const blocking: WorkbookGap[] = [];
  const ifJudged: WorkbookGap[] = [];
  for (const sheet of rule.needs.sheets) {
    const t = wb.tables[sheet];
    if (!t) blocking.push({ reason: reasons.sheetAbsent(sheet), sheet });
    else if (t.counts.read > 0 && t.counts.accepted === 0) blocking.push({ reason: reasons.allRejected(t.sheetName, t.counts.read), sheet });
    else if (t.counts.read === 0 && sheetById(sheet)?.register === true) blocking.push({ reason: reasons.registerEmpty(t.sheetName), sheet });
    else if (t.others !== undefined) blocking.push({ reason: reasons.sheetDoubled(t.sheetName, t.others), sheet });
  }
  const readByQuery = new Set(rule.needs.caseColumns.map((c) => `${c.sheet}.${c.column}`));
  for (const { sheet, column } of rule.needs.columns) {
    const t = wb.tables[sheet];
    // A column read as empty (its absence means "none") is there for the rules.
    if (!t || t.columns.includes(column) || t.readAsEmpty.includes(column)) continue;
    const gap = { reason: reasons.columnAbsent(t.sheetName, sheet, column), sheet, column };
    (readByQuery.has(`${sheet}.${column}`) ? blocking : ifJudged).push(gap);
  }
  return { blocking, ifJudged };
}

/** Per subject, the dates of its cases that no version of the ruleset covers. */
type Uncovered = Map<string, Set<DayNumber>>;

function addUncovered(uncovered: Uncovered, subject: string, day: DayNumber): void {
  const days = uncovered.get(subject);
  if (days) days.add(day); else uncovered.set(subject, new Set([day]));
}

/** Rejected rows by sheet, gathered over a rule's versions and cases. */
type RowsBySheet = Map<string, { sheet: string; sheetName: string; rows: Set<number> }>;

/** Per subject, the rejected rows that may hold what its failing cases looked for. */
type Doubted = Map<string, RowsBySheet>;

function addRows(into: RowsBySheet, bearing: readonly RejectedRowsBearing[]): void {
  for (const b of bearing) {
    const seen = into.get(b.sheet);
    if (seen === undefined) into.set(b.sheet, { sheet: b.sheet, sheetName: b.sheetName, rows: new Set(b.rows) });
    else for (const r of b.rows) seen.rows.add(r);
  }
}

function addDoubted(doubted: Doubted, subject: string, bearing: readonly RejectedRowsBearing[]): void {
  let sheets = doubted.get(subject);
  if (sheets === undefined) doubted.set(subject, sheets = new Map());
  addRows(sheets, bearing);
}

/** The sheets and their rows in order, as a reason names them. */
function listed(rows: RowsBySheet): { sheet: string; sheetName: string; rows: number[] }[] {
  return [...rows.values()].map((b) => ({ sheet: b.sheet, sheetName: b.sheetName, rows: [...b.rows].sort((x, y) => x - y) }));
}

/** `≈2009-09-07 – ≈2010-12-06` for each version, for the reason of an uncovered case. */
function inForceWindows(versions: readonly CompiledRuleset[]): string {
  const date = (d: DayNumber | null, approximate: string | null) => (d === null ? '…' : `${approximate !== null ? '≈' : ''}${formatIsoDate(d)}`);
  return sortVersions(versions).map((v) => `${date(v.inForce.from, v.inForce.fromApproximate)} – ${date(v.inForce.until, v.inForce.untilApproximate)}`).join('; ');
}

interface WorkbookGap { readonly reason: Localized; readonly sheet: string; readonly column?: string }

async function judgeRule(
  rule: CompiledRule, version: CompiledRuleset, versions: readonly CompiledRuleset[], rt: Runtime,
  mode: 'fast' | 'reference', uncovered: Uncovered, explain: boolean, judged: { cases: number },
  rejected: RejectedLookups | null, doubted: Doubted,
): Promise<Finding[]> {
  const finding = (c: Case, item: string | null, facts: CaseFacts): Finding => {
    const f = buildFinding(rule, version.version, c, rt, item, facts);
    if (!explain) return f;
    const q = rule.requirements.find((x) => x.item === item)!;
    return { ...f, explain: explainCondition(q.conditions, facts, (v, isDate) => displayValue(v, 'en', isDate)) };
  };
  const out: Finding[] = [];
  const cases: Case[] = [];
  rule.generateCases(rt, (c) => {
    const day = c.dated ?? c.periodEnd ?? rt.asOf;
    const judge = versionOn(versions, day);
    if (judge === null) { addUncovered(uncovered, rule.subjectOf(c, rt), day); return; }
    // A periodic duty needs a version in force from the period's first day: a quarter that began
    // before the order entered into force is not judged by it (a change between versions is).
    const first = c.dated === null ? c.periods[c.periods.length - 1]?.from : undefined;
    if (first !== undefined && versionOn(versions, first) === null) { addUncovered(uncovered, rule.subjectOf(c, rt), first); return; }
    if (judge !== version) return;   // judged by the version in force that day
    judged.cases++;
    if (mode === 'reference') { cases.push(c); return; }
    const facts = new CaseFacts(rule, c, rt);
    let failing: (string | null)[] | null = null;
    for (const q of rule.requirements) if (!evalCondition(q.conditions, facts)) (failing ??= []).push(q.item);
    if (failing !== null) report(c, failing, facts);
  });
  if (mode === 'reference') {
    const judgeRef = new ReferenceJudge(rule);
    for (const c of cases) {
      const facts = new CaseFacts(rule, c, rt);
      const failing = await judgeRef.failing(facts);
      if (failing.length > 0) report(c, failing, facts);
    }
  }
  return out;

  /** A failing case: its findings — or, when a rejected row may hold what it looked for, its subject not evaluated. */
  function report(c: Case, failing: readonly (string | null)[], facts: CaseFacts): void {
    const bearing = rejected?.(c) ?? [];
    if (bearing.length > 0) { addDoubted(doubted, rule.subjectOf(c, rt), bearing); return; }
    for (const item of failing) out.push(finding(c, item, facts));
  }
}

/** A case's facts, each computed on first use (a rule reads a handful: a short list beats a Map per case). */
class CaseFacts {
  private names: string[] | null = null;
  private values: Value[] | null = null;
  constructor(private readonly rule: CompiledRule, private readonly c: Case, private readonly rt: Runtime) {}
  fact(name: string): Value {
    const names = this.names;
    if (names !== null) for (let i = 0; i < names.length; i++) if (names[i] === name) return this.values![i]!;
    const fn = this.rule.facts.get(name);
    if (!fn) throw new Error(`${this.rule.id}: no fact ${name}`);
    const v = fn(this.c.env, this.rt);
    if (names === null) { this.names = [name]; this.values = [v]; } else { names.push(name); this.values!.push(v); }
    return v;
  }
}

function versionUsed(v: CompiledRuleset): RulesetVersionUsed {
  return {
    id: v.id, version: v.version, act: v.act, actLabel: v.actLabel,
    in_force: {
      from: v.inForce.from === null ? null : formatIsoDate(v.inForce.from),
      until: v.inForce.until === null ? null : formatIsoDate(v.inForce.until),
      approximate: v.inForce.fromApproximate !== null || v.inForce.untilApproximate !== null,
    },
  };
}

/** A facility row built from FacilityInfo when the table itself is not at hand. */
function facilityRow(wb: IngestedWorkbook): TypedRow | null {
  const f = wb.facility;
  if (!f) return null;
  const values = Object.assign(Object.create(null) as Record<string, Value>, f);
  return { excelRow: 2, values: values as TypedRow["values"] };
}
