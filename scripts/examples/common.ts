// Shared pieces of the example workbooks: logical rows in canonical values, rendered into a workbook
// in one language, with dates alternating between real Excel date cells and dd.mm.yyyy text.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { addYears, ageInYears, dayNumber, formatDottedDate, formatIsoDate, isoWeekday, parseDateText, toYMD, type DayNumber } from '../../src/core/date.ts';
import type { Lang } from '../../src/core/lang.ts';
import { parseCalendar, type WorkingDayCalendar } from '../../src/calendar/index.ts';
import { enumById, sheetsForKind } from '../../src/schema/index.ts';
import type { ColumnDef, FacilityKind } from '../../src/schema/types.ts';

export type Value = string | number | boolean | readonly string[] | null | undefined;
export type Row = Record<string, Value>;

export const PERIOD_FROM = d('2010-01-01');
export const PERIOD_TO = d('2010-06-30');
export const AS_OF = PERIOD_TO;

export function d(iso: string): DayNumber {
  const day = parseDateText(iso);
  if (day === undefined) throw new Error(`bad date ${iso}`);
  return day;
}

export const iso = formatIsoDate;

export function loadCalendar(path: string): WorkingDayCalendar {
  return parseCalendar(JSON.parse(readFileSync(path, 'utf8')));
}

export function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`example data is not as intended: ${what}`);
}

export interface ExpectedFinding {
  readonly workbook: string;
  readonly clause: string;
  readonly subject: string;
  readonly period: string | null;
  readonly item: string | null;
  readonly what: string;
}

export class WorkbookData {
  readonly sheets = new Map<string, Row[]>();
  readonly expected: ExpectedFinding[] = [];
  constructor(readonly file: string, readonly kind: FacilityKind, readonly lang: Lang) {}
  add(sheet: string, row: Row): void {
    const rows = this.sheets.get(sheet) ?? [];
    rows.push(row);
    this.sheets.set(sheet, rows);
  }
  rows(sheet: string): Row[] {
    return this.sheets.get(sheet) ?? [];
  }
  violation(clause: string, subject: string, period: string | null, item: string | null, what: string): void {
    this.expected.push({ workbook: this.file, clause, subject, period, item, what });
  }
}

/** Every day of [from, to], both inclusive. */
export function days(from: DayNumber, to: DayNumber): DayNumber[] {
  const out: DayNumber[] = [];
  for (let x = from; x <= to; x++) out.push(x);
  return out;
}

/** The child's stay clipped to the audit period. */
export function stayInPeriod(child: Row): [DayNumber, DayNumber] {
  const from = Math.max(child.admitted_on as number, PERIOD_FROM);
  const to = Math.min((child.discharged_on as number | null | undefined) ?? PERIOD_TO, PERIOD_TO);
  return [from, to];
}

/** Quarters (first day, last day) that the stay touches within the period. */
export function quartersTouched(child: Row): [DayNumber, DayNumber][] {
  const [from, to] = stayInPeriod(child);
  const out: [DayNumber, DayNumber][] = [];
  for (const [qs, qe] of [[d('2010-01-01'), d('2010-03-31')], [d('2010-04-01'), d('2010-06-30')]] as const) {
    if (qe >= from && qs <= to) out.push([Math.max(qs, from), Math.min(qe, to)]);
  }
  return out;
}

/** Monday of each ISO week touching [from, to]. */
export function mondays(from: DayNumber, to: DayNumber): DayNumber[] {
  const out: DayNumber[] = [];
  for (let m = from - (isoWeekday(from) - 1); m <= to; m += 7) out.push(m);
  return out;
}

export function isoWeekLabel(monday: DayNumber): string {
  const thursday = monday + 3;
  const year = toYMD(thursday).year;
  const firstThursday = dayNumber(year, 1, 1) + ((4 - isoWeekday(dayNumber(year, 1, 1)) + 7) % 7);
  const week = Math.floor((thursday - firstThursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Individual plans: drafted on the given days (the first ≤ 14 days after admission), completed a few
 * working days later (or on `completed` overrides), approved the same day by the head, each in force for
 * at most a year and the next drafted ≤ 14 days after the previous one ends.
 */
export function plansFor(
  data: WorkbookData, child: Row, cal: WorkingDayCalendar,
  options: { drafts?: DayNumber[]; completed?: Record<number, DayNumber> } = {},
): void {
  const admitted = child.admitted_on as number;
  const end = (child.discharged_on as number | null | undefined) ?? AS_OF;
  const drafts = options.drafts ? [...options.drafts] : [];
  if (!options.drafts) {
    let next = admitted + 7;
    while (next <= end) {
      drafts.push(next);
      const validFrom = cal.addWorkingDays(next, 3);
      next = addYears(validFrom, 1) - 1 + 5;
    }
  }
  check(drafts[0]! <= admitted + 14 && drafts[0]! >= admitted, `first plan of ${child.child_id} within 14 days of admission`);
  drafts.forEach((drafted, i) => {
    const completed = options.completed?.[i + 1] ?? cal.addWorkingDays(drafted, 3);
    const validFrom = completed;
    const next = drafts[i + 1];
    const validTo = next !== undefined ? Math.min(next - 3, addYears(validFrom, 1) - 1) : addYears(validFrom, 1) - 1;
    if (next !== undefined) check(next <= validTo + 14, `plan ${i + 2} of ${child.child_id} drafted within 14 days of the previous end`);
    check(validTo <= addYears(validFrom, 1) - 1, `plan ${i + 1} of ${child.child_id} runs at most a year`);
    data.add('plans', {
      child_id: child.child_id, plan_no: i + 1, drafted_on: drafted, completed_on: completed,
      approved_on: completed, approved_by: 'head', valid_from: validFrom, valid_to: validTo,
    });
    if (next === undefined) check(validTo >= end || validTo + 14 > PERIOD_TO, `plans of ${child.child_id} cover the stay`);
  });
}

/** The documents a child's file holds, received a few days before admission. */
export function documentsFor(data: WorkbookData, child: Row, codes: readonly string[], missing: readonly string[] = []): void {
  for (const document of codes) {
    if (missing.includes(document)) continue;
    data.add('documents', { child_id: child.child_id, document, received_on: (child.admitted_on as number) - 3 });
  }
}

export const BUDGET_DOCUMENTS_A1 = ['local_exec_decision', 'parent_application', 'referral', 'birth_certificate_or_id', 'taxpayer_number',
  'social_id_code', 'disability_extract', 'medical_card', 'pmpk_conclusion', 'outpatient_extract', 'ipr_extract'] as const;

/** A1.9/A3.9: the paid child's documents; the two extracts only where the child has them. */
export function paidDocuments(child: Row): string[] {
  return ['parent_application', 'birth_certificate_or_id', ...(child.disabled ? ['disability_extract'] : []), 'medical_card',
    'pmpk_conclusion', 'outpatient_extract', ...(child.has_ipr ? ['ipr_extract'] : [])];
}

/** Quarterly journal entries (one per quarter the stay touches), mid-quarter or inside the stay. */
export function quarterlyEntries(data: WorkbookData, child: Row, entryType: string, recordedBy: (quarter: number) => string, offset = 40): void {
  quartersTouched(child).forEach(([from, to]) => {
    const quarterStart = toYMD(from).month <= 3 ? d('2010-01-01') : d('2010-04-01');
    const day = Math.min(Math.max(quarterStart + offset, from), to);
    data.add('journal', { child_id: child.child_id, date: day, entry_type: entryType, recorded_by: recordedBy(quarterStart === d('2010-01-01') ? 1 : 2) });
  });
}

/** Complaint-book reviews: one in every ISO week touching the period (on its first working day inside it), one a month. */
export function complaintReviews(
  data: WorkbookData, cal: WorkingDayCalendar,
  weekly: (monday: DayNumber) => string | null, monthly: (month: number) => string | null,
): void {
  for (const monday of mondays(PERIOD_FROM, PERIOD_TO)) {
    const role = weekly(monday);
    if (role === null) continue;
    const day = days(Math.max(monday, PERIOD_FROM), Math.min(monday + 6, PERIOD_TO)).find((x) => cal.isWorkingDay(x));
    if (day !== undefined) data.add('complaint_reviews', { date: day, reviewer_role: role, reviewer_name: null });
  }
  for (let month = 1; month <= 6; month++) {
    const role = monthly(month);
    if (role === null) continue;
    const day = cal.addWorkingDays(dayNumber(2010, month, 14), 1);
    data.add('complaint_reviews', { date: day, reviewer_role: role, reviewer_name: null });
  }
}

export function ageOn(child: Row, on: DayNumber): number {
  return ageInYears(child.birth_date as number, on);
}

const BOOL_WORDS: Record<Lang, [string, string]> = { kk: ['иә', 'жоқ'], ru: ['да', 'нет'], en: ['yes', 'no'] };
const EXCEL_EPOCH = dayNumber(1899, 12, 30);

function enumLabel(column: ColumnDef, code: string, lang: Lang): string {
  const value = enumById(column.enum!)!.values.find((v) => v.code === code);
  if (!value) throw new Error(`unknown ${column.enum} code ${code}`);
  return lang === 'en' ? value.code : value.labels[lang][0]!;
}

/** Renders the logical rows; dates are Excel date cells on even data rows and dd.mm.yyyy text on odd ones. */
export function renderWorkbook(data: WorkbookData): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheetsForKind(data.kind)) {
    const header = sheet.columns.map((c) => c.labels[data.lang]);
    const ws = XLSX.utils.aoa_to_sheet([header]);
    data.rows(sheet.id).forEach((row, r) => {
      for (const key of Object.keys(row)) check(sheet.columns.some((c) => c.id === key), `${sheet.id} has column ${key}`);
      sheet.columns.forEach((column, c) => {
        const value = row[column.id];
        if (value === null || value === undefined) return;
        const address = XLSX.utils.encode_cell({ r: r + 1, c });
        ws[address] = cellFor(column, value, data.lang, r % 2 === 0);
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.rows(sheet.id).length, c: sheet.columns.length - 1 } });
    ws['!cols'] = header.map((h) => ({ wch: Math.max(12, Math.min(36, h.length + 2)) }));
    XLSX.utils.book_append_sheet(wb, ws, sheet.labels[data.lang]);
  }
  wb.Props = { Title: data.file, Author: 'ereje examples', CreatedDate: new Date(Date.UTC(2010, 6, 1)) };
  const out = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return new Uint8Array(out);
}

function cellFor(column: ColumnDef, value: Exclude<Value, null | undefined>, lang: Lang, dateCell: boolean): XLSX.CellObject {
  switch (column.type) {
    case 'date':
      return dateCell
        ? { t: 'n', v: (value as number) - EXCEL_EPOCH, z: 'dd.mm.yyyy' }
        : { t: 's', v: formatDottedDate(value as number) };
    case 'month':
      return dateCell
        ? { t: 'n', v: (value as number) - EXCEL_EPOCH, z: 'mmm yyyy' }
        : { t: 's', v: formatIsoDate(value as number).slice(0, 7) };
    case 'bool':
      return { t: 's', v: BOOL_WORDS[lang][value ? 0 : 1] };
    case 'enum':
      return { t: 's', v: enumLabel(column, value as string, lang) };
    case 'list':
      return { t: 's', v: (value as string[]).map((code) => enumLabel(column, code, lang)).join('; ') };
    case 'int':
    case 'number':
      return { t: 'n', v: value as number };
    default:
      return { t: 's', v: String(value) };
  }
}
