// The report as a workbook (`--format xlsx`), for inspectors who sort and filter findings in Excel:
// sheets Summary, Findings, Not evaluated, Input errors, with headings in the report language.
// Every value is written as a string or number cell, never a formula, so workbook text stays text.
import * as XLSX from 'xlsx';
import type { AuditReport } from './types.ts';
import {
  SEVERITY_ORDER, clauseCounts, enumText, formatEvidenceList, formatInForce, isWarning, quoteFor, severityCounts,
  verdictLine, wordsFor, type RenderOptions,
} from './view.ts';

type Cell = string | number;

export function renderXlsx(report: AuditReport, options: RenderOptions): Uint8Array {
  const w = wordsFor(options);
  const f = report.facility;
  const s = report.summary;
  const bySev = severityCounts(report);
  const summary: Cell[][] = [
    [w.status, verdictLine(report, w, options.lang)],
    [w.title, ''],
    [w.facility, f.name],
    [w.facilityId, f.facility_id],
    [w.kind, enumText('kind', f.kind, options.lang)],
    [w.ownership, enumText('ownership', f.ownership, options.lang)],
    [w.period, `${report.period.from} … ${report.period.to}`],
    [w.asOf, report.as_of],
    [w.workbook, report.workbook.file],
    ['sha256', report.workbook.sha256],
    ...report.rulesets.map((r): Cell[] => [w.rulesets, `${r.id}@${r.version} — ${r.act}; ${w.inForce.toLowerCase()} ${formatInForce(r, w)}`]),
    ...(report.rulesets.some((r) => r.in_force.approximate) ? [['', w.approximateNote]] : []),
    [],
    [w.rules, s.rules], [w.passed, s.passed], [w.failed, s.failed], [w.notEvaluated, s.not_evaluated],
    [w.findings, s.findings], [w.inputErrors, s.input_errors],
    [],
    [w.bySeverity, w.count],
    ...SEVERITY_ORDER.map((k): Cell[] => [w.severities[k], bySev[k]]),
    [],
    [w.byClause, w.count],
    ...clauseCounts(report).map((c): Cell[] => [c.clause, c.count]),
    [],
    [w.rowsRead, w.read, w.accepted, w.rejected],
    ...Object.entries(report.rows).map(([sheet, c]): Cell[] => [sheet, c.read, c.accepted, c.rejected]),
    [],
    [w.generatedBy, `${report.generated_by.name} ${report.generated_by.version}`],
  ];
  const findings: Cell[][] = [
    [w.clause, w.severity, w.subject, w.period, w.item, w.message, w.expected, w.actual, w.evidence, w.rule, w.quote],
    ...report.findings.map((x): Cell[] => [
      x.clause, w.severities[x.severity], x.subject, x.period ?? '', x.item ?? '', x.message, x.expected, x.actual,
      formatEvidenceList(x.evidence), x.rule, quoteFor(x.rule, x.clause, options.quotes) ?? '',
    ]),
  ];
  const notEvaluated: Cell[][] = [
    [w.clause, w.rule, w.reason],
    ...report.not_evaluated.map((n): Cell[] => [n.clause, n.rule, n.reason]),
  ];
  const inputErrors: Cell[][] = [
    [w.sheet, w.row, w.column, w.cell, w.value, w.message, w.code],
    ...report.input_errors.map((e): Cell[] => [
      e.sheet, e.row ?? '', e.column ?? '', e.cell ?? '', e.value ?? '', e.message,
      (e.code ?? '') + (isWarning(e) ? ` (${w.warning})` : ''),
    ]),
  ];
  const book = XLSX.utils.book_new();
  addSheet(book, w.summary, summary, [28, 80, 12, 12]);
  addSheet(book, w.findings, findings, [10, 14, 14, 12, 18, 60, 14, 14, 28, 30, 60]);
  addSheet(book, w.notEvaluated, notEvaluated, [10, 34, 80]);
  addSheet(book, w.inputErrors, inputErrors, [16, 7, 18, 14, 18, 70, 18]);
  const out = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Excel holds at most 32,767 characters in a cell (and SheetJS refuses to write more); longer text, such as a
 * pasted document echoed from a workbook, is cut with `…`. The JSON report keeps it whole.
 */
export const EXCEL_CELL_LIMIT = 32_767;

function fitCell(cell: Cell): Cell {
  if (typeof cell !== 'string' || cell.length <= EXCEL_CELL_LIMIT) return cell;
  // Excel counts UTF-16 units; a surrogate pair is not split.
  let cut = cell.slice(0, EXCEL_CELL_LIMIT - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}

function addSheet(book: XLSX.WorkBook, name: string, rows: Cell[][], widths: number[]): void {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map(fitCell)));
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  XLSX.utils.book_append_sheet(book, sheet, safeSheetName(name));
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}
