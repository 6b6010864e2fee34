// The table `ereje audit` prints after auditing several workbooks: one line per workbook with its
// facility, period, verdict, findings by severity, input errors and exit state (last: scripts read it there).
import type { Lang } from '../core/lang.ts';
import type { BatchOutcome } from '../report/batch.ts';
import { reportWords, severityCounts } from '../report/index.ts';
import { clip, terminalSafe } from '../core/text.ts';

/** One workbook of a batch: its report (null when none could be made, exit state 2) — see report/batch.ts. */
export type WorkbookOutcome = BatchOutcome;

export function renderSummaryTable(outcomes: readonly WorkbookOutcome[], lang: Lang): string {
  const w = reportWords(lang);
  // The verdict is its own column: exit 1 is both "non-compliant" and "incomplete" (a workbook the audit
  // could not fully look at), which an inspector must tell apart at a glance.
  const head = [w.file, w.facility, w.period, w.status, w.severities.critical, w.severities.major, w.severities.minor, w.severities.info, w.inputErrors, w.exitState];
  const rows = outcomes.map((o) => {
    if (o.report === null) return [terminalSafe(o.file), '—', '—', '—', '', '', '', '', '', String(o.exitCode)];
    const r = o.report;
    const s = severityCounts(r);
    return [
      terminalSafe(o.file), terminalSafe(clip(r.facility.name, 39)), `${r.period.from} … ${r.period.to}`, w.verdict[r.result],
      String(s.critical), String(s.major), String(s.minor), String(s.info), String(r.summary.input_errors), String(o.exitCode),
    ];
  });
  const widths = head.map((h, i) => rows.reduce((max, r) => Math.max(max, width(r[i]!)), width(h)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [line(head), line(widths.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n') + '\n';
}

/** Code points, not UTF-16 units: Kazakh letters are one column each. */
function width(s: string): number {
  return [...s].length;
}
