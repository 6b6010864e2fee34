// The readable summary `ereje audit` prints when no --format is given: plain text, no colours, so it
// reads the same in a terminal, a log file and a pasted ticket.
import { terminalSafe } from '../core/text.ts';
import type { AuditReport } from './types.ts';
import {
  SEVERITY_ORDER, clauseCounts, enumText, findingTarget, formatEvidenceList, formatInForce, groupBy, isWarning, severityCounts,
  verdictLine, wordsFor, type RenderOptions,
} from './view.ts';

export function renderTerminal(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  const out: string[] = [];
  const f = report.facility;
  // The verdict first: a script or a person reading one line gets the answer.
  out.push(`${w.status}: ${verdictLine(report, w, options.lang)}`);
  out.push(`${w.title} — ${report.workbook.file}`);
  out.push(`${w.facility}: ${oneLine(f.name)} (${oneLine(f.facility_id)}; ${w.kind}: ${enumText('kind', f.kind, options.lang)}; ${w.ownership}: ${enumText('ownership', f.ownership, options.lang)})`);
  out.push(`${w.period}: ${report.period.from} … ${report.period.to}    ${w.asOf}: ${report.as_of}`);
  for (const r of report.rulesets) {
    out.push(`${w.rulesets}: ${r.id}@${r.version} (${oneLine(r.act)}; ${w.inForce.toLowerCase()} ${formatInForce(r, w)})`);
  }
  if (report.rulesets.some((r) => r.in_force.approximate)) out.push(`  ${w.approximateNote}`);
  const s = report.summary;
  out.push('');
  out.push(`${w.rules}: ${s.rules}  ${w.passed}: ${s.passed}  ${w.failed}: ${s.failed}  ${w.notEvaluated}: ${s.not_evaluated}`);
  const bySev = severityCounts(report);
  out.push(`${w.findings}: ${s.findings}  (${SEVERITY_ORDER.map((k) => `${w.severities[k]} ${bySev[k]}`).join(', ')})`);
  out.push(`${w.inputErrors}: ${s.input_errors}`);

  // Input errors first: wrong data makes the findings below unreliable, so they are fixed first.
  const errorsNow = report.input_errors.some((e) => !isWarning(e));
  out.push('', errorsNow ? `${w.inputErrors} (${w.fixFirst}):` : `${w.inputErrors}:`);
  if (report.input_errors.length === 0) out.push(`  ${w.noInputErrors}`);
  // They are what the facility must fix first: all of them, unless there are so many that a few per sheet tell the story.
  const everyError = report.input_errors.length <= ALL_INPUT_ERRORS;
  for (const group of groupBy(report.input_errors, (e) => e.sheet)) {
    const { shown, hidden } = everyError ? { shown: group, hidden: [] } : cap(group, PER_SHEET);
    for (const e of shown) {
      const where = e.cell ?? (e.column !== null ? `${e.sheet}.${e.column}` : e.sheet) + (e.row !== null ? ` (${w.row.toLocaleLowerCase()} ${e.row})` : '');
      const value = e.value === null ? '' : ` «${oneLine(e.value)}»`;
      out.push(`  ${isWarning(e) ? `(${w.warning}) ` : ''}${where}${value}: ${oneLine(e.message)}`);
    }
    if (hidden.length > 0) out.push(`  ${w.andMore(hidden.length)} (${e0(group).sheet}; ${w.fullList})`);
  }

  // One child can fail a daily duty hundreds of times: a few lines per rule, the rest counted.
  out.push('', `${w.findings}:`);
  if (report.findings.length === 0) out.push(`  ${w.noFindings}`);
  for (const group of groupBy(report.findings, (x) => x.rule)) {
    const { shown, hidden } = cap(group, PER_RULE);
    for (const x of shown) {
      out.push(`  [${w.severities[x.severity]}] ${x.clause} ${findingTarget(x)} — ${oneLine(x.message)}`);
      out.push(`      ${w.expected}: ${oneLine(x.expected)}; ${w.actual}: ${oneLine(x.actual)}; ${w.evidence}: ${formatEvidenceList(x.evidence) || '—'}  (${x.rule})`);
    }
    if (hidden.length > 0) {
      const span = periodSpan(hidden);
      out.push(`  ${w.andMore(hidden.length)} ${e0(group).clause} (${e0(group).rule}${span ? `; ${span}` : ''}; ${w.fullList})`);
    }
  }
  if (report.findings.length > 0) {
    out.push(`  ${w.byClause}: ${clauseCounts(report).map((c) => `${c.clause} ${c.count}`).join(', ')}`);
  }

  out.push('', `${w.notEvaluated}:`);
  if (report.not_evaluated.length === 0) out.push(`  ${w.allEvaluated}`);
  for (const n of report.not_evaluated) out.push(`  ${n.clause} ${n.rule} — ${oneLine(n.reason)}`);
  return out.map(terminalSafe).join('\n') + '\n';
}

/** Entries shown per rule (findings) or per sheet (input errors); a longer list shows one fewer and a count. */
const PER_RULE = 3;
const PER_SHEET = 5;
/** Up to this many input errors (and warnings) are all listed. */
const ALL_INPUT_ERRORS = 50;

function cap<T>(list: readonly T[], limit: number): { shown: readonly T[]; hidden: readonly T[] } {
  if (list.length <= limit) return { shown: list, hidden: [] };
  return { shown: list.slice(0, limit - 1), hidden: list.slice(limit - 1) };
}

function e0<T>(group: readonly T[]): T {
  return group[0]!;
}

/** `2010-01-04 … 2010-06-30`: the first and last period of the entries not shown (labels sort as text). */
function periodSpan(findings: readonly AuditReport['findings'][number][]): string {
  let first: string | undefined, last: string | undefined;
  for (const f of findings) {
    if (f.period === undefined) continue;
    if (first === undefined || f.period < first) first = f.period;
    if (last === undefined || f.period > last) last = f.period;
  }
  if (first === undefined) return '';
  return first === last ? first : `${first} … ${last}`;
}

/** Workbook text could hold newlines or terminal control characters; the summary stays one line per entry. */
export function oneLine(s: string): string {
  return terminalSafe(s);
}
