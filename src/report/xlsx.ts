// The report as a workbook (`--format xlsx`), for inspectors who sort and filter in Excel: a summary, the
// consolidated entries by clause and by subject, every finding with its period's first and last day as
// Excel dates, what the baseline had that is resolved, the rules not evaluated and the input errors. Every
// table has a filter on its header row and the header frozen; one column per field; labels, not codes.
// No cell is a formula, and no text can become one when a person edits it: text that Excel would read as
// a formula (`=`, `+`, `-`, `@`, a leading tab or carriage return) is written with a leading apostrophe.
import * as XLSX from 'xlsx';
import { dayNumber } from '../core/date.ts';
import { XLSX_REPORT_PROPERTY } from './formats.ts';
import type { AuditReport, FindingGroup, ReportFinding } from './types.ts';
import type { ReportWords } from './i18n.ts';
import { columnText, sheetText, subjectText } from './labels.ts';
import { periodDays } from './periods.ts';
import {
  SEVERITY_ORDER, clauseCounts, enumText, entryPeriodsInFull, explainLines, followUpText, formatEvidenceList, formatInForce,
  groupBySubject, isWarning, itemLabel, notEvaluatedPlace, quoteFor, rowsInSheetOrder, severityCounts, verdictLine, wordsFor, type RenderOptions,
} from './view.ts';
import { freezeFirstRow } from './xlsx-views.ts';

/** A cell before it is written: text, a number, or a calendar date (an Excel date cell). */
type Value = string | number | { readonly date: string } | null;

export function renderXlsx(report: AuditReport, options: RenderOptions): Uint8Array {
  const w = wordsFor(options);
  const lang = options.lang;
  const sheets: SheetSpec[] = [
    summarySheet(report, w, options),
    entriesSheet(w.findings, report.groups, report, w, options),
    subjectSheet(report, w, options),
    findingsSheet(w.allFindings, report.findings, w, options),
    ...(report.follow_up === undefined ? [] : [findingsSheet(w.resolvedHeading, report.follow_up.resolved, w, options)]),
    {
      name: w.notEvaluated, header: [w.clause, w.rule, w.subject, w.sheet, w.reason], widths: [10, 34, 14, 30, 80], table: true,
      rows: report.not_evaluated.map((n) => [n.clause, n.rule, n.subject ?? '', notEvaluatedPlace(n, lang), n.reason]),
    },
    {
      name: w.inputErrors, header: [w.sheet, w.row, w.column, w.cell, w.value, w.message, w.code], widths: [16, 7, 24, 16, 18, 70, 22], table: true,
      rows: report.input_errors.map((e) => [
        sheetText(e.sheet, lang), e.row, e.column === null ? '' : columnText(e.sheet, e.column, lang), e.cell ?? '', e.value ?? '', e.message,
        (e.code ?? '') + (isWarning(e) ? ` (${w.warning})` : ''),
      ]),
    },
  ];
  const book = XLSX.utils.book_new();
  for (const spec of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet([...(spec.header ? [spec.header] : []), ...spec.rows].map((row) => row.map(cellOf)));
    sheet['!cols'] = spec.widths.map((wch) => ({ wch }));
    if (spec.table && spec.header) {
      // A filter over the header and every row (an empty table keeps its header filterable).
      sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(1, spec.rows.length), c: spec.header.length - 1 } }) };
    }
    XLSX.utils.book_append_sheet(book, sheet, uniqueSheetName(book, spec.name));
  }
  // Names the file as ereje's report, so that a later run may replace it and no other workbook (see src/cli/report-owner.ts).
  (book as XLSX.WorkBook & { Custprops?: Record<string, string> }).Custprops = { [XLSX_REPORT_PROPERTY]: report.schema };
  // Only Excel's built-in number formats and the report's own: left to itself, SheetJS would also declare
  // those of any workbook read before in this process (it keeps them in a table of its own).
  (book as XLSX.WorkBook & { SSF?: Record<number, string> }).SSF = builtInFormats();
  // Written stored (not deflated): freezeFirstRow opens the zip again and deflates every part once when it
  // writes the final file, so deflating here would be work thrown away (and inflated again to be read).
  const out = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
  // Every sheet's first row stays in view: a table's header, the summary's verdict.
  return freezeFirstRow(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
}

interface SheetSpec {
  readonly name: string;
  /** The table's header row (frozen, and filtered when `table`); absent for the summary's label/value rows. */
  readonly header?: readonly string[];
  readonly rows: readonly (readonly Value[])[];
  readonly widths: readonly number[];
  readonly table: boolean;
}

function summarySheet(report: AuditReport, w: ReportWords, options: RenderOptions): SheetSpec {
  const f = report.facility;
  const s = report.summary;
  const bySev = severityCounts(report);
  const lang = options.lang;
  const b = report.follow_up;
  const rows: Value[][] = [
    [w.status, verdictLine(report, w, lang)],
    [w.title, ''],
    [w.facility, f.name],
    [w.facilityId, f.facility_id],
    [w.kind, enumText('kind', f.kind, lang)],
    [w.ownership, enumText('ownership', f.ownership, lang)],
    [w.period, { date: report.period.from }, { date: report.period.to }],
    [w.asOf, { date: report.as_of }],
    [w.workbook, report.workbook.file],
    ['sha256', report.workbook.sha256],
    ...report.rulesets.map((r): Value[] => [w.rulesets, `${r.id}@${r.version} — ${r.act}; ${w.inForce.toLowerCase()} ${formatInForce(r, w)}`]),
    ...(report.rulesets.some((r) => r.in_force.approximate) ? [['', w.approximateNote]] : []),
    ...(b === undefined ? [] : [
      [w.baseline, b.baseline.file, { date: b.baseline.period.from }, { date: b.baseline.period.to }],
    ]),
    [],
    [w.rules, s.rules], [w.passed, s.passed], [w.failed, s.failed], [w.notEvaluated, s.not_evaluated],
    [w.findings, s.findings], [w.entries, report.groups.length], [w.inputErrors, s.input_errors],
    ...(b === undefined ? [] : [
      [],
      [w.followUp, w.count],
      [w.statuses.new, s.new ?? 0], [w.statuses.persisting, s.persisting ?? 0], [w.statuses.resolved, s.resolved ?? 0],
      ...(b.not_rechecked > 0 ? [['', w.notRechecked(b.not_rechecked)]] : []),
    ]),
    [],
    [w.bySeverity, w.count],
    ...SEVERITY_ORDER.map((k): Value[] => [w.severities[k], bySev[k]]),
    [],
    [w.byClause, w.findings, w.entries],
    ...clauseCounts(report).map((c): Value[] => [c.clause, c.count, c.entries]),
    [],
    [w.rowsRead, w.read, w.accepted, w.rejected],
    ...rowsInSheetOrder(report.rows).map(([sheet, c]): Value[] => [sheetText(sheet, lang), c.read, c.accepted, c.rejected]),
    [],
    [w.generatedBy, `${report.generated_by.name} ${report.generated_by.version}`],
  ];
  return { name: w.summary, rows, widths: [28, 80, 14, 14], table: false };
}

/** First and last day of an entry's periods, for date filters. */
function entryDays(g: FindingGroup): [Value, Value] {
  const first = g.periods?.[0]?.from, last = g.periods?.[g.periods.length - 1]?.to;
  return [periodCells(first)[0], periodCells(last)[1]];
}

/** A period's first and last day as date cells; empty for no period or a label that cannot be read. */
function periodCells(label: string | undefined): [Value, Value] {
  const days = label === undefined ? null : periodDays(label);
  return days === null ? [null, null] : [{ date: days.from }, { date: days.to }];
}

function entriesSheet(name: string, entries: readonly FindingGroup[], report: AuditReport, w: ReportWords, options: RenderOptions): SheetSpec {
  const withStatus = report.follow_up !== undefined;
  return {
    name,
    header: [w.clause, w.severity, w.subject, w.periods, w.firstDay, w.lastDay, w.count, w.item, w.message, w.expected, w.actual, w.evidence,
      w.version, ...(withStatus ? [w.followUpStatus] : []), w.rule, w.quote],
    widths: [10, 13, 14, 30, 12, 12, 7, 22, 60, 18, 14, 30, 12, ...(withStatus ? [16] : []), 30, 60],
    table: true,
    rows: entries.map((g) => [
      g.clause, w.severities[g.severity], subjectText(g.subject, options.lang), entryPeriodsInFull(g, w), ...entryDays(g), g.count,
      itemLabel(g, options.lang), g.message, g.expected, g.actual, formatEvidenceList(g.evidence), g.version,
      ...(withStatus ? [followUpText(g, w) ?? ''] : []), g.rule, quoteFor(g.rule, g.clause, options.quotes, g.version) ?? '',
    ]),
  };
}

function subjectSheet(report: AuditReport, w: ReportWords, options: RenderOptions): SheetSpec {
  const withStatus = report.follow_up !== undefined;
  const rows: Value[][] = [];
  for (const s of groupBySubject(report)) {
    for (const g of s.entries) {
      rows.push([
        s.facility ? `${subjectText(s.subject, options.lang)} (${w.facilityWide})` : subjectText(s.subject, options.lang), s.row ?? '',
        g.clause, w.severities[g.severity], entryPeriodsInFull(g, w), ...entryDays(g), g.count, itemLabel(g, options.lang),
        g.message, g.expected, g.actual, formatEvidenceList(g.evidence), ...(withStatus ? [followUpText(g, w) ?? ''] : []),
      ]);
    }
  }
  return {
    name: w.bySubject,
    header: [w.subject, w.cell, w.clause, w.severity, w.periods, w.firstDay, w.lastDay, w.count, w.item, w.message, w.expected, w.actual,
      w.evidence, ...(withStatus ? [w.followUpStatus] : [])],
    widths: [18, 14, 10, 13, 30, 12, 12, 7, 22, 60, 18, 14, 30, ...(withStatus ? [16] : [])],
    table: true,
    rows,
  };
}

/** One row per finding (per period), with the period's first and last day as dates. */
function findingsSheet(name: string, findings: readonly ReportFinding[], w: ReportWords, options: RenderOptions): SheetSpec {
  const withStatus = findings.some((f) => f.follow_up !== undefined);
  const withExplain = findings.some((f) => f.explain !== undefined);
  return {
    name,
    header: [w.clause, w.severity, w.subject, w.period, w.firstDay, w.lastDay, w.item, w.message, w.expected, w.actual, w.evidence, w.version,
      ...(withStatus ? [w.followUpStatus] : []), w.rule, ...(withExplain ? [w.explanation, w.source] : [])],
    widths: [10, 13, 14, 12, 12, 12, 22, 60, 18, 14, 30, 12, ...(withStatus ? [16] : []), 30, ...(withExplain ? [60, 40] : [])],
    table: true,
    rows: findings.map((f) => [
      f.clause, w.severities[f.severity], subjectText(f.subject, options.lang), f.period ?? '', ...periodCells(f.period),
      itemLabel(f, options.lang), f.message, f.expected, f.actual, formatEvidenceList(f.evidence), f.version,
      ...(withStatus ? [followUpText(f, w) ?? ''] : []), f.rule,
      ...(withExplain ? [
        f.explain === undefined ? '' : explainLines(f.explain.conditions, w).map((l) => `${'  '.repeat(l.depth)}${l.result ? '✓' : '✗'} ${l.text}`).join('\n'),
        f.explain?.source ?? '',
      ] : []),
    ]),
  };
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included), so 1970-01-01 is serial 25569. */
const EXCEL_EPOCH_OFFSET = 25_569;

/**
 * Excel holds at most 32,767 characters in a cell (and SheetJS refuses to write more); longer text, such as a
 * pasted document echoed from a workbook, is cut with `…`. The JSON report keeps it whole.
 */
export const EXCEL_CELL_LIMIT = 32_767;

function cellOf(value: Value): XLSX.CellObject | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'object') {
    const [y, m, d] = value.date.split('-').map(Number) as [number, number, number];
    return { t: 'n', v: dayNumber(y, m, d) + EXCEL_EPOCH_OFFSET, z: 'yyyy-mm-dd' };
  }
  return { t: 's', v: fitCell(neutralised(value)) };
}

/** What Excel (or a CSV export opened in it) would read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number such as `-5` or `+3.5` is no formula: it stays as written. */
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Text that could become a formula once a person edits the cell gets a visible leading apostrophe. */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function fitCell(text: string): string {
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  // Excel counts UTF-16 units; a surrogate pair is not split.
  let cut = text.slice(0, EXCEL_CELL_LIMIT - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique in the book. */
function uniqueSheetName(book: XLSX.WorkBook, name: string): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let candidate = base;
  for (let n = 2; book.SheetNames.includes(candidate); n++) candidate = `${base.slice(0, 28)} ${n}`;
  return candidate;
}

/** Excel's built-in number format ids (ECMA-376 Part 1, 18.8.30) that SheetJS's table holds before any read. */
const BUILT_IN_FORMAT_IDS = new Set([0, 1, 2, 3, 4, ...Array.from({ length: 14 }, (_, i) => 9 + i), 37, 38, 39, 40, 45, 46, 47, 48, 49, 56]);

function builtInFormats(): Record<number, string> {
  const table = XLSX.SSF.get_table() as Record<number, string>;
  return Object.fromEntries(Object.entries(table).filter(([id]) => BUILT_IN_FORMAT_IDS.has(Number(id))));
}
