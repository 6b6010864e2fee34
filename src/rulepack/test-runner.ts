// `ereje rules test`: every rule's examples run through the real pipeline — the example's tables are
// typed by ingest (`typeTables`), the rule compiled by src/compile, evaluated by src/engine — and the
// findings compared with the expectation (subject, period, item), or "no findings" / "not evaluated".
import { compileRuleFile, type CompiledRuleset } from '../compile/index.ts';
import { formatIsoDate, parseDateText } from '../core/date.ts';
import type { Lang, Localized } from '../core/lang.ts';
import { evaluate } from '../engine/index.ts';
import type { Finding } from '../engine/types.ts';
import { typeTables, type RawCell, type RawTable } from '../ingest/index.ts';
import type { CheckedRuleFile, ExampleDecl, RuleDecl, Span, TableDecl } from '../lang/ast.ts';
import { sheetById, WORKBOOK_SCHEMA } from '../schema/index.ts';
import type { CompiledFile, RulePack } from './pack.ts';

/** The facility an example runs on when it gives no `facility` table. */
export const EXAMPLE_FACILITY = { facility_id: 'F-1', name: 'Example facility', ownership: 'state' } as const;

export interface FindingKey { readonly subject: string; readonly period: string | null; readonly item: string | null }

export interface ExampleResult {
  readonly ruleset: string;
  readonly version: string;
  readonly rule: string;
  readonly clause: string;
  readonly example: string;
  readonly span: Span;
  readonly passed: boolean;
  readonly expected: string;
  readonly actual: string;
  /** Why it failed, in the three languages; empty when it passed. */
  readonly problems: readonly Localized[];
}

export interface RuleTestSummary { readonly total: number; readonly passed: number; readonly failed: number }

export function keyText(k: FindingKey): string {
  return [`subject ${JSON.stringify(k.subject)}`, k.period === null ? '' : `period ${JSON.stringify(k.period)}`, k.item === null ? '' : `item ${JSON.stringify(k.item)}`].filter(Boolean).join(' ');
}

const sortKeys = (ks: FindingKey[]) => ks.map(keyText).sort();

function rawCell(v: string | number | boolean | null): RawCell {
  return v;
}

/**
 * The example's tables as raw sheets, plus the facility row (given, or EXAMPLE_FACILITY of the
 * ruleset's kind), whose period is always the example's audit period.
 */
export function exampleTables(example: ExampleDecl, appliesTo: string): RawTable[] {
  const period = { period_from: example.auditPeriod.from, period_to: example.auditPeriod.to };
  const given = example.tables.find((t) => t.sheet === 'facility');
  let facility: RawTable;
  if (given) {
    const header = [...given.columns];
    const row: RawCell[] = [...(given.rows[0] ?? [])].map(rawCell);
    for (const [k, v] of Object.entries(period)) {
      const i = header.indexOf(k);
      if (i >= 0) row[i] = v; else { header.push(k); row.push(v); }
    }
    facility = { name: 'facility', header, rows: [row, ...given.rows.slice(1).map((r) => r.map(rawCell))], headerRow: 1 };
  } else {
    const f: Record<string, RawCell> = { ...EXAMPLE_FACILITY, kind: appliesTo, ...period };
    facility = { name: 'facility', header: Object.keys(f), rows: [Object.values(f)], headerRow: 1 };
  }
  return [facility, ...example.tables.filter((t) => t !== given).map((t) => {
    // An example names only the columns it is about; the sheet's other columns are present and empty,
    // as in a workbook made from the template. A sheet the example does not give stays absent.
    const rest = (sheetById(t.sheet)?.columns ?? []).map((c) => c.id).filter((c) => !t.columns.includes(c));
    return {
      name: t.sheet, header: [...t.columns, ...rest],
      rows: t.rows.map((r) => [...r.map(rawCell), ...rest.map(() => null)]), headerRow: 1,
    };
  })];
}

/** The checked file with the example's `param` lines applied to its tables. */
export function withParams(checked: CheckedRuleFile, example: ExampleDecl): CheckedRuleFile {
  if (example.params.length === 0) return checked;
  const tables = new Map<string, TableDecl>(checked.tables);
  for (const p of example.params) {
    const t = tables.get(p.table);
    if (!t) continue;   // the checker reports unknown tables
    const entries = t.entries.some((e) => e.key === p.key)
      ? t.entries.map((e) => (e.key === p.key ? { ...e, value: p.value } : e))
      : [...t.entries, { key: p.key, value: p.value, span: t.span }];
    tables.set(p.table, { ...t, entries });
  }
  return { ...checked, tables };
}

const t3 = (en: string, ru: string, kk: string): Localized => ({ en, ru, kk });

/**
 * Runs one example against `base` as the newest version of its ruleset, with the versions it amends or
 * supersedes (`earlier`) judging the cases dated before it, as an audit of the example's period would.
 */
async function runExample(checked: CheckedRuleFile, base: CompiledRuleset, pack: RulePack, rule: RuleDecl, example: ExampleDecl, earlier: readonly CompiledFile[] = []): Promise<ExampleResult> {
  const rs = checked.file.ruleset!;
  const problems: Localized[] = [];
  const ruleId = `${rs.id}/${rule.name}`;
  const expected = example.expect.kind === 'findings'
    ? sortKeys(example.expect.findings.map((f) => ({ subject: f.subject, period: f.period, item: f.item }))).join('; ')
    : example.expect.kind === 'no-findings' ? 'no findings' : 'not evaluated';
  const result = (actual: string): ExampleResult => ({
    ruleset: rs.id, version: rs.version, rule: rule.name, clause: rule.clause, example: example.name, span: example.span,
    passed: problems.length === 0, expected, actual, problems,
  });

  const workbook = typeTables(exampleTables(example, rs.appliesTo), { file: `${rule.name}: ${example.name}` });
  for (const e of workbook.errors.filter((x) => x.severity === 'error')) {
    problems.push(t3(`example table: ${e.message.en}`, `таблица примера: ${e.message.ru}`, `мысал кестесі: ${e.message.kk}`));
  }
  if (problems.length > 0) return result('input errors');

  const versions = [{ checked, ruleset: base }, ...earlier].map((v) => {
    const compiled = example.params.length === 0 ? v.ruleset : compileRuleFile(withParams(v.checked, example), { calendars: pack.calendars, schema: WORKBOOK_SCHEMA });
    return { ...compiled, rules: compiled.rules.filter((r) => r.name === rule.name) };
  });
  const asOf = example.asOf === null ? undefined : parseDateText(example.asOf);
  let findings: readonly Finding[];
  let notEvaluated: boolean;
  try {
    const ev = await evaluate(versions, workbook, asOf === undefined ? {} : { asOf });
    findings = ev.findings.filter((f) => f.rule === ruleId);
    // Not evaluated, wholly or for some cases (e.g. a period no ruleset version covers).
    notEvaluated = ev.rules.some((r) => r.rule === ruleId && r.outcome === 'not_evaluated') || ev.notEvaluated.some((n) => n.rule === ruleId);
    if (notEvaluated && example.expect.kind !== 'not-evaluated') {
      const why = ev.notEvaluated.filter((n) => n.rule === ruleId).map((n) => n.reason);
      problems.push(t3(`the rule was not evaluated: ${why.map((w) => w.en).join('; ')}`, `правило не вычислено: ${why.map((w) => w.ru).join('; ')}`, `ереже есептелмеді: ${why.map((w) => w.kk).join('; ')}`));
      return result('not evaluated');
    }
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    problems.push(t3(`evaluation failed: ${m}`, `ошибка вычисления: ${m}`, `есептеу қатесі: ${m}`));
    return result('error');
  }
  const got = sortKeys(findings.map((f) => ({ subject: f.subject, period: f.period ?? null, item: f.item })));
  const actual = notEvaluated ? 'not evaluated' : got.length === 0 ? 'no findings' : got.join('; ');
  switch (example.expect.kind) {
    case 'not-evaluated':
      if (!notEvaluated) problems.push(t3(`expected "not evaluated", got ${actual}`, `ожидалось «не вычислено», получено: ${actual}`, `«есептелмеді» күтілді, алынғаны: ${actual}`));
      break;
    case 'no-findings':
      if (got.length > 0) problems.push(t3(`expected no findings, got ${actual}`, `ожидалось без нарушений, получено: ${actual}`, `бұзушылық күтілмеді, алынғаны: ${actual}`));
      break;
    case 'findings': {
      const want = sortKeys(example.expect.findings.map((f) => ({ subject: f.subject, period: f.period, item: f.item })));
      const missing = want.filter((w) => !got.includes(w));
      const extra = got.filter((g) => !want.includes(g));
      if (missing.length > 0) problems.push(t3(`missing finding: ${missing.join('; ')}`, `нет ожидаемого нарушения: ${missing.join('; ')}`, `күтілген бұзушылық жоқ: ${missing.join('; ')}`));
      if (extra.length > 0) problems.push(t3(`unexpected finding: ${extra.join('; ')}`, `лишнее нарушение: ${extra.join('; ')}`, `артық бұзушылық: ${extra.join('; ')}`));
      if (want.length !== got.length && missing.length === 0 && extra.length === 0) {
        problems.push(t3(`expected ${want.length} findings, got ${got.length}`, `ожидалось нарушений: ${want.length}, получено: ${got.length}`, `${want.length} бұзушылық күтілді, ${got.length} алынды`));
      }
      break;
    }
  }
  return result(actual);
}

export interface ExampleCase {
  readonly ruleset: string;
  readonly version: string;
  readonly rule: string;
  readonly example: string;
  run(): Promise<ExampleResult>;
}

/** An example no version of its rule could run: its audit period lies outside all their in-force periods. */
export interface ExampleNotRun {
  readonly ruleset: string;
  readonly rule: string;
  readonly example: string;
  readonly span: Span;
  /** `2009-01-01 .. 2009-06-30` (and ` as_of …`). */
  readonly period: string;
  /** The versions that have the rule, with their in-force periods (`residential@2010-x ≈2010-03-01 .. …`). */
  readonly versions: readonly string[];
}

export interface ExamplePlan {
  readonly cases: readonly ExampleCase[];
  readonly notRun: readonly ExampleNotRun[];
}

/** Whether a version's in-force period holds the example's whole audit period and its as-of date. */
function holds(v: CompiledRuleset, example: ExampleDecl): boolean {
  const from = parseDateText(example.auditPeriod.from), to = parseDateText(example.auditPeriod.to);
  const asOf = example.asOf === null ? to : parseDateText(example.asOf);
  if (from === undefined || to === undefined || asOf === undefined) return true;   // the checker reports bad dates
  const inside = (d: number) => (v.inForce.from === null || v.inForce.from <= d) && (v.inForce.until === null || d <= v.inForce.until);
  return inside(from) && inside(to) && inside(asOf);
}

/** The example's audit period shares a day with the version's in-force period (an audit of it selects the version). */
function overlaps(v: CompiledRuleset, example: ExampleDecl): boolean {
  const from = parseDateText(example.auditPeriod.from), to = parseDateText(example.auditPeriod.to);
  if (from === undefined || to === undefined) return true;
  return (v.inForce.from === null || v.inForce.from <= to) && (v.inForce.until === null || from <= v.inForce.until);
}

function inForceText(v: CompiledRuleset): string {
  const d = (x: number | null, approx: string | null, open: string) => (x === null ? open : `${approx !== null ? '≈' : ''}${formatIsoDate(x)}`);
  return `${v.id}@${v.version} ${d(v.inForce.from, v.inForce.fromApproximate, '…')} .. ${d(v.inForce.until, v.inForce.untilApproximate, '…')}`;
}

/**
 * Which examples run against which versions. An example runs against every version of its ruleset
 * whose rule carries it — its own, and each amendment that inherits the rule without giving it new
 * examples — and whose in-force period holds the example's audit period, as an audit of that period
 * would be judged. The version the example is written in also runs it when the period only overlaps its
 * in-force period (an example of a case dated before the version came into force). An example no
 * version runs is not run, and is listed once.
 */
export function planExamples(pack: RulePack, filter?: (ruleset: string, rule: string) => boolean): ExamplePlan {
  const cases: ExampleCase[] = [];
  const byVersion = new Map(pack.compiled.map((c) => [`${c.ruleset.id}@${c.ruleset.version}`, c]));
  /** The versions a version amends or supersedes, transitively, among those compiled. */
  const earlier = (c: CompiledFile, seen = new Set<CompiledFile>([c])): CompiledFile[] => {
    for (const ref of c.ruleset.supersedes) {
      const p = byVersion.get(ref);
      if (p && p.ruleset.id === c.ruleset.id && !seen.has(p)) { seen.add(p); earlier(p, seen); }
    }
    return [...seen].filter((x) => x !== c);
  };
  const seen = new Map<ExampleDecl, { ruleset: string; rule: string; versions: string[]; ran: boolean }>();
  for (const version of pack.compiled) {
    const { checked, ruleset } = version;
    const before = earlier(version);
    for (const rule of checked.file.rules) {
      if (filter && !filter(ruleset.id, rule.name)) continue;
      for (const example of rule.examples) {
        const entry = seen.get(example) ?? { ruleset: ruleset.id, rule: rule.name, versions: [], ran: false };
        seen.set(example, entry);
        entry.versions.push(inForceText(ruleset));
        const own = example.span.file === checked.file.path;
        if (!holds(ruleset, example) && !(own && overlaps(ruleset, example))) continue;
        entry.ran = true;
        cases.push({ ruleset: ruleset.id, version: ruleset.version, rule: rule.name, example: example.name, run: () => runExample(checked, ruleset, pack, rule, example, before) });
      }
    }
  }
  const notRun = [...seen].filter(([, e]) => !e.ran).map(([example, e]) => ({
    ruleset: e.ruleset, rule: e.rule, example: example.name, span: example.span, versions: e.versions,
    period: `${example.auditPeriod.from} .. ${example.auditPeriod.to}${example.asOf === null ? '' : ` as_of ${example.asOf}`}`,
  }));
  return { cases, notRun };
}

/** The examples to run, in file and rule order (see planExamples). */
export function exampleCases(pack: RulePack, filter?: (ruleset: string, rule: string) => boolean): ExampleCase[] {
  return [...planExamples(pack, filter).cases];
}

export async function runRuleExamples(pack: RulePack, filter?: (ruleset: string, rule: string) => boolean): Promise<ExampleResult[]> {
  const out: ExampleResult[] = [];
  for (const c of exampleCases(pack, filter)) out.push(await c.run());
  return out;
}

/** The examples not run, as one notice: how many, why, and the first few. */
export function notRunText(notRun: readonly ExampleNotRun[], lang: Lang, where: (span: Span) => string): string {
  if (notRun.length === 0) return '';
  const head = {
    en: `${notRun.length} example${notRun.length === 1 ? ' was' : 's were'} not run: the audit period lies outside the in-force period of every version that has the rule; move it inside one, or check that the version's dates are right`,
    ru: `примеров не запущено: ${notRun.length}: период проверки лежит вне периода действия всех версий, в которых есть правило; перенесите его внутрь одного из них или проверьте даты версии`,
    kk: `${notRun.length} мысал іске қосылмады: тексеру кезеңі ережесі бар нұсқалардың ешқайсысының күшінде болу кезеңіне сыймайды; оны солардың біріне ауыстырыңыз немесе нұсқаның күндерін тексеріңіз`,
  }[lang];
  const shown = notRun.slice(0, 5).map((n) => `  ${n.ruleset}/${n.rule} — ${n.example}  [${where(n.span)}]: audit ${n.period}; ${n.versions.join('; ')}`);
  const more = notRun.length > 5 ? [{ en: `  … and ${notRun.length - 5} more`, ru: `  … и ещё ${notRun.length - 5}`, kk: `  … және тағы ${notRun.length - 5}` }[lang]] : [];
  return [head, ...shown, ...more].join('\n') + '\n';
}

export function summarize(results: readonly ExampleResult[]): RuleTestSummary {
  const passed = results.filter((r) => r.passed).length;
  return { total: results.length, passed, failed: results.length - passed };
}

export function summaryLine(s: RuleTestSummary, lang: Lang): string {
  if (lang === 'ru') return `примеров: ${s.total}: прошло ${s.passed}, не прошло ${s.failed}`;
  if (lang === 'kk') return `${s.total} мысал: ${s.passed} өтті, ${s.failed} өтпеді`;
  return `${s.total} examples: ${s.passed} passed, ${s.failed} failed`;
}
