// The readable summary `ereje audit` prints when no --format is given: plain text, no colours, so it
// reads the same in a terminal, a log file and a pasted ticket.
import { terminalSafe } from '../core/text.ts';
import type { AuditReport, FindingGroup } from './types.ts';
import { consolidateFindings } from './consolidate.ts';
import type { ReportWords } from './i18n.ts';
import { columnText, sheetText } from './labels.ts';
import {
  SEVERITY_ORDER, clauseCounts, consolidateNotEvaluated, entryExplanations, entryTarget, enumText, explainLines, followUpText, ruleRef,
  formatEvidenceList, formatInForce, groupBy, isWarning, notEvaluatedPlace, severityCounts, verdictLine, wordsFor, type RenderOptions,
} from './view.ts';

export function renderTerminal(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  const lang = options.lang;
  const out: string[] = [];
  const f = report.facility;
  // The verdict first: a script or a person reading one line gets the answer.
  out.push(`${w.status}: ${verdictLine(report, w, lang)}`);
  out.push(`${w.title} — ${report.workbook.file}`);
  out.push(`${w.facility}: ${oneLine(f.name)} (${oneLine(f.facility_id)}; ${w.kind}: ${enumText('kind', f.kind, lang)}; ${w.ownership}: ${enumText('ownership', f.ownership, lang)})`);
  out.push(`${w.period}: ${report.period.from} … ${report.period.to}    ${w.asOf}: ${report.as_of}`);
  for (const r of report.rulesets) {
    out.push(`${w.rulesets}: ${r.id}@${r.version} (${oneLine(r.act)}; ${w.inForce.toLowerCase()} ${formatInForce(r, w)})`);
  }
  if (report.rulesets.some((r) => r.in_force.approximate)) out.push(`  ${w.approximateNote}`);
  const b = report.follow_up?.baseline;
  if (b !== undefined) out.push(`${w.baseline}: ${w.baselineOf(oneLine(b.file), b.period.from, b.period.to)}`);
  const s = report.summary;
  out.push('');
  out.push(`${w.rules}: ${s.rules}  ${w.passed}: ${s.passed}  ${w.failed}: ${s.failed}  ${w.notEvaluated}: ${s.not_evaluated}`);
  const bySev = severityCounts(report);
  out.push(`${w.findings}: ${s.findings}  ${w.entries.toLowerCase()}: ${report.groups.length}  (${SEVERITY_ORDER.map((k) => `${w.severities[k]} ${bySev[k]}`).join(', ')})`);
  if (report.follow_up !== undefined) {
    out.push(`${w.followUp}: ${w.statuses.new} ${s.new ?? 0}, ${w.statuses.persisting} ${s.persisting ?? 0}, ${w.statuses.resolved} ${s.resolved ?? 0}`
      + (report.follow_up.not_rechecked > 0 ? `; ${w.notRechecked(report.follow_up.not_rechecked)}` : ''));
  }
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
      const where = e.cell ?? (e.column !== null ? `${sheetText(e.sheet, lang)}: ${columnText(e.sheet, e.column, lang)}` : sheetText(e.sheet, lang))
        + (e.row !== null ? ` (${w.row.toLocaleLowerCase()} ${e.row})` : '');
      const value = e.value === null ? '' : ` «${oneLine(e.value)}»`;
      out.push(`  ${isWarning(e) ? `(${w.warning}) ` : ''}${where}${value}: ${oneLine(e.message)}`);
    }
    if (hidden.length > 0) out.push(`  ${w.andMore(hidden.length)} (${e0(group).sheet}; ${w.fullList})`);
  }

  // One entry per rule and subject (a child's 90 days without a log entry are one), a few per rule.
  out.push('', `${w.findings}:`);
  if (report.findings.length === 0) out.push(`  ${w.noFindings}`);
  entryLines(report.groups, report, w, options, out);
  if (report.findings.length > 0) {
    out.push(`  ${w.byClause}: ${clauseCounts(report).map((c) => `${c.clause} ${c.count}`).join(', ')}`);
  }

  if (report.follow_up !== undefined) {
    out.push('', `${w.resolvedHeading}:`);
    const resolved = report.follow_up.resolved;
    if (resolved.length === 0) out.push(`  ${w.noResolved}`);
    entryLines(consolidateFindings(resolved), { findings: resolved }, w, options, out);
  }

  out.push('', `${w.notEvaluated}:`);
  if (report.not_evaluated.length === 0) out.push(`  ${w.allEvaluated}`);
  for (const n of consolidateNotEvaluated(report.not_evaluated)) {
    const place = notEvaluatedPlace(n, lang);
    const who = n.subjects.length > 0 ? `${n.subjects.join(', ')}${n.reason ? ': ' : ''}` : '';
    out.push(`  ${n.clauses.join(', ')} (${n.rules.join(', ')}) — ${place ? `${place}: ` : ''}${oneLine(who + n.reason)}`);
  }
  return out.map(terminalSafe).join('\n') + '\n';
}

/** Entries shown per rule (findings) or per sheet (input errors); a longer list shows one fewer and a count. */
const PER_RULE = 5;
const PER_SHEET = 5;
/** Up to this many input errors (and warnings) are all listed. */
const ALL_INPUT_ERRORS = 50;

function entryLines(
  entries: readonly FindingGroup[], report: Pick<AuditReport, 'findings'> & Partial<Pick<AuditReport, 'rulesets'>>, w: ReportWords, options: RenderOptions, out: string[],
): void {
  for (const group of groupBy(entries, (g) => g.rule)) {
    const { shown, hidden } = cap(group, PER_RULE);
    for (const g of shown) {
      const status = followUpText(g, w);
      out.push(`  [${w.severities[g.severity]}] ${g.clause} ${entryTarget(g, w, options.lang)} — ${oneLine(g.message)}${status ? `  [${status}]` : ''}`);
      out.push(`      ${w.expected}: ${oneLine(g.expected)}; ${w.actual}: ${oneLine(g.actual)}; ${w.evidence}: ${formatEvidenceList(g.evidence, w) || '—'}  (${ruleRef(g, report.rulesets)})`);
      for (const { explain, periods } of entryExplanations(g, report.findings)) {
        out.push(`      ${w.explanation}${periods.length > 0 && periods.length < g.count ? ` (${periods.length})` : ''}${explain.source ? ` — ${w.source}: ${explain.source}` : ''}`);
        for (const line of explainLines(explain.conditions, w)) out.push(`        ${'  '.repeat(line.depth)}${line.result ? '✓' : '✗'} ${oneLine(line.text)}`);
      }
    }
    if (hidden.length > 0) {
      const findings = hidden.reduce((n, g) => n + g.count, 0);
      out.push(`  ${w.andMore(hidden.length)} ${e0(group).clause} (${e0(group).rule}; ${w.findings.toLowerCase()}: ${findings}; ${w.fullList})`);
    }
  }
}

function cap<T>(list: readonly T[], limit: number): { shown: readonly T[]; hidden: readonly T[] } {
  if (list.length <= limit) return { shown: list, hidden: [] };
  return { shown: list.slice(0, limit - 1), hidden: list.slice(limit - 1) };
}

function e0<T>(group: readonly T[]): T {
  return group[0]!;
}

/** Workbook text could hold newlines or terminal control characters; the summary stays one line per entry. */
export function oneLine(s: string): string {
  return terminalSafe(s);
}
