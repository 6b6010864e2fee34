// The readable summary `ereje audit` prints when no --format is given: plain text, no colours, so it
// reads the same in a terminal, a log file and a pasted ticket.
import type { AuditReport } from './types.ts';
import {
  SEVERITY_ORDER, clauseCounts, enumText, findingTarget, formatEvidenceList, formatInForce, isWarning, severityCounts,
  verdictLine, wordsFor, type RenderOptions,
} from './view.ts';

export function renderTerminal(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  const out: string[] = [];
  const f = report.facility;
  out.push(`${w.title} — ${report.workbook.file}`);
  out.push(`${w.facility}: ${oneLine(f.name)} (${oneLine(f.facility_id)}; ${w.kind}: ${enumText('kind', f.kind, options.lang)}; ${w.ownership}: ${enumText('ownership', f.ownership, options.lang)})`);
  out.push(`${w.period}: ${report.period.from} … ${report.period.to}    ${w.asOf}: ${report.as_of}`);
  for (const r of report.rulesets) {
    out.push(`${w.rulesets}: ${r.id}@${r.version} (${oneLine(r.act)}; ${w.inForce.toLowerCase()} ${formatInForce(r, w)})`);
  }
  if (report.rulesets.some((r) => r.in_force.approximate)) out.push(`  ${w.approximateNote}`);
  const s = report.summary;
  out.push('');
  out.push(`${w.status}: ${verdictLine(report, w)}`);
  out.push(`${w.rules}: ${s.rules}  ${w.passed}: ${s.passed}  ${w.failed}: ${s.failed}  ${w.notEvaluated}: ${s.not_evaluated}`);
  const bySev = severityCounts(report);
  out.push(`${w.findings}: ${s.findings}  (${SEVERITY_ORDER.map((k) => `${w.severities[k]} ${bySev[k]}`).join(', ')})`);
  out.push(`${w.inputErrors}: ${s.input_errors}`);

  out.push('', `${w.findings}:`);
  if (report.findings.length === 0) out.push(`  ${w.noFindings}`);
  for (const x of report.findings) {
    out.push(`  [${w.severities[x.severity]}] ${x.clause} ${findingTarget(x)} — ${oneLine(x.message)}`);
    out.push(`      ${w.expected}: ${oneLine(x.expected)}; ${w.actual}: ${oneLine(x.actual)}; ${w.evidence}: ${formatEvidenceList(x.evidence) || '—'}  (${x.rule})`);
  }
  if (report.findings.length > 0) {
    out.push(`  ${w.byClause}: ${clauseCounts(report).map((c) => `${c.clause} ${c.count}`).join(', ')}`);
  }

  out.push('', `${w.notEvaluated}:`);
  if (report.not_evaluated.length === 0) out.push(`  ${w.allEvaluated}`);
  for (const n of report.not_evaluated) out.push(`  ${n.clause} ${n.rule} — ${oneLine(n.reason)}`);

  out.push('', `${w.inputErrors}:`);
  if (report.input_errors.length === 0) out.push(`  ${w.noInputErrors}`);
  for (const e of report.input_errors) {
    const where = e.cell ?? [e.sheet, e.row ?? undefined, e.column ?? undefined].filter((v) => v !== undefined).join(' ');
    const value = e.value === null ? '' : ` «${oneLine(e.value)}»`;
    out.push(`  ${isWarning(e) ? `(${w.warning}) ` : ''}${where}${value}: ${oneLine(e.message)}`);
  }
  return out.join('\n') + '\n';
}

/** Workbook text could hold newlines or terminal control characters; the summary stays one line per entry. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
