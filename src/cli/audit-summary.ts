// The table `ereje audit` prints after auditing several workbooks: one line per workbook with its
// facility, period, findings by severity, input errors and exit state.
import type { Lang } from '../core/lang.ts';
import type { BatchOutcome } from '../report/batch.ts';
import { reportWords, severityCounts } from '../report/index.ts';
import { oneLine } from '../report/terminal.ts';

/** One workbook of a batch: its report (null when none could be made, exit state 2) — see report/batch.ts. */
export type WorkbookOutcome = BatchOutcome;

export function renderSummaryTable(outcomes: readonly WorkbookOutcome[], lang: Lang): string {
  const w = reportWords(lang);
  const head = [w.file, w.facility, w.period, w.severities.critical, w.severities.major, w.severities.minor, w.severities.info, w.inputErrors, w.exitState];
  const rows = outcomes.map((o) => {
    if (o.report === null) return [o.file, '—', '—', '', '', '', '', '', String(o.exitCode)];
    const r = o.report;
    const s = severityCounts(r);
    return [
      o.file, shorten(oneLine(r.facility.name), 40), `${r.period.from} … ${r.period.to}`,
      String(s.critical), String(s.major), String(s.minor), String(s.info), String(r.summary.input_errors), String(o.exitCode),
    ];
  });
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [line(head), line(widths.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n') + '\n';
}

function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

/** Code points, not UTF-16 units: Kazakh letters are one column each. */
function width(s: string): number {
  return [...s].length;
}
