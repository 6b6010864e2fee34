// Small synthetic inputs for the report tests: an ingested workbook and an evaluation, built by hand.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { dayNumber } from '../../src/core/date.ts';
import type { Localized } from '../../src/core/lang.ts';
import type { Evaluation, Finding } from '../../src/engine/types.ts';
import type { IngestedWorkbook, InputError, TypedTable } from '../../src/ingest/types.ts';
import { buildReport } from '../../src/report/build.ts';
import type { AuditReport } from '../../src/report/types.ts';

export const L = (en: string): Localized => ({ kk: `kk: ${en}`, ru: `ru: ${en}`, en });
/** A value that reads the same in every language (`≤ 6`). */
export const same = (text: string): Localized => ({ kk: text, ru: text, en: text });

function table(sheet: string, sheetName: string, read: number, rejected: number, columnLetters: Record<string, string> = {}): TypedTable {
  return {
    sheet, sheetName, columns: Object.keys(columnLetters), readAsEmpty: [], columnLetters, rows: [], rejected: [],
    counts: { read, accepted: read - rejected, rejected },
  };
}

export function workbook(overrides: Partial<IngestedWorkbook> & { name?: string } = {}): IngestedWorkbook {
  const { name = 'Балалар үйі №1', ...rest } = overrides;
  return {
    file: 'residential-2010.xlsx',
    sha256: 'a'.repeat(64),
    tables: {
      groups: table('groups', 'Топтар', 2, 0, { group_id: 'A', age_band: 'B', skill_level: 'C' }),
      children: table('children', 'Балалар', 10, 1, { child_id: 'A', birth_date: 'B', admitted_on: 'D' }),
      facility: table('facility', 'Мекеме', 1, 0),
    },
    facility: {
      facility_id: 'F-001', name, kind: 'residential', ownership: 'state',
      period_from: dayNumber(2010, 1, 1), period_to: dayNumber(2010, 10, 31),
    },
    errors: [inputError(), unknownColumn()],
    ...rest,
  };
}

export function inputError(over: Partial<InputError> = {}): InputError {
  return {
    code: 'type-error', sheet: 'children', sheetName: 'Балалар', row: 7, column: 'birth_date', cell: 'Балалар!B7',
    value: '31.02.2003', message: L('31.02.2003 is not a date; write the date as 2003-02-28 or 28.02.2003'),
    severity: 'error', ...over,
  };
}

export function unknownColumn(): InputError {
  return {
    code: 'unknown-column', sheet: 'children', sheetName: 'Балалар', row: 1, column: null, cell: 'Балалар!T1',
    value: 'Ескерту', message: L('column "Ескерту" matches no column of the sheet; it is ignored'), severity: 'warning',
  };
}

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'residential/group-size', version: '2009-240-o', clause: 'A1.30.5', severity: 'major', subject: 'G-3', item: null,
    message: L('Group G-3 has 8 children; at most 6 are allowed'), expected: same('≤ 6'), actual: same('8'),
    evidence: [{ sheet: 'groups', row: 4, column: 'group_id' }], ...over,
  };
}

export function evaluation(over: Partial<Evaluation> = {}): Evaluation {
  const findings: Finding[] = [
    finding({ rule: 'residential/complaint-review-weekly', clause: 'A1.46', subject: 'F-001', period: '2010-W07',
      message: L('No complaint-book review by the head in week 2010-W07'), expected: same('≥ 1'), actual: same('0'),
      evidence: [{ sheet: 'complaint_reviews' }] }),
    finding(),
    finding({ rule: 'residential/admission-age', clause: 'A1.2', severity: 'critical', subject: 'C-10',
      message: L('Child C-10 was 2 years old when admitted'), expected: same('3 … 17'), actual: same('2'),
      evidence: [{ sheet: 'children', row: 11, column: 'birth_date' }, { sheet: 'children', row: 11, column: 'admitted_on' }] }),
    finding({ rule: 'residential/admission-documents-budget', clause: 'A1.8', severity: 'minor', subject: 'C-2', item: 'referral',
      message: L('Child C-2 has no referral document'), expected: L('present'), actual: L('absent'), evidence: [{ sheet: 'documents' }] }),
    finding({ rule: 'residential/bedroom-sex', clause: 'A1.13', severity: 'info', subject: 'B-1',
      message: L('Bedroom B-1 holds boys and girls'), expected: L('one sex'), actual: same('f, m'), evidence: [{ sheet: 'children', row: 3, column: 'bedroom_id' }] }),
  ];
  return {
    findings,
    notEvaluated: [{ rule: 'residential/staffing-norms', clause: 'A1.43', reason: L('parameter table staffing_norms has no value for social_work_specialist'), cause: 'rule_pack' }],
    rules: [
      { rule: 'residential/admission-age', clause: 'A1.2', outcome: 'failed' },
      { rule: 'residential/admission-documents-budget', clause: 'A1.8', outcome: 'failed' },
      { rule: 'residential/bedroom-sex', clause: 'A1.13', outcome: 'passed' },
      { rule: 'residential/group-size', clause: 'A1.30.5', outcome: 'failed' },
      { rule: 'residential/complaint-review-weekly', clause: 'A1.46', outcome: 'failed' },
      { rule: 'residential/id-card', clause: 'A1.39', outcome: 'passed' },
      { rule: 'residential/staffing-norms', clause: 'A1.43', outcome: 'not_evaluated' },
    ],
    rulesets: [{
      id: 'residential', version: '2009-240-o', act: 'Order N 240-ө of 2009-07-30',
      actLabel: { kk: '2009-07-30 № 240-ө бұйрық', ru: 'Приказ № 240-ө от 2009-07-30', en: 'Order N 240-ө of 2009-07-30' },
      in_force: { from: '2009-09-07', until: '2010-12-06', approximate: true },
    }],
    ...over,
  };
}

export const QUOTES: ReadonlyMap<string, string> = new Map([
  ['residential/group-size', '…болмаған жағдайда - 6 адамнан асырмай; … 12 адамнан асырмай'],
  ['A1.2', '3 жастан 18 жасқа дейінгі мүгедек балалардың … тұруына арналған'],
]);

const schema = JSON.parse(readFileSync(new URL('../../reports/audit-report.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormatsModule as unknown as (a: Ajv2020) => Ajv2020)(ajv);
const validate = ajv.compile<AuditReport>(schema);

/** Validates a report against reports/audit-report.schema.json; returns the ajv errors as text ('' if valid). */
export function schemaErrors(report: unknown): string {
  return validate(report) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

/** The English report of facility `id` (`<id>.xlsx`, "Facility <id>") with these findings and nothing else: a batch's member. */
export function facilityReport(id: string, findings: Finding[]): AuditReport {
  const wb = workbook();
  return buildReport({
    workbook: { ...wb, file: `${id}.xlsx`, facility: { ...wb.facility!, facility_id: id, name: `Facility ${id}` }, errors: [] },
    evaluation: evaluation({ findings, notEvaluated: [] }), asOf: dayNumber(2010, 10, 31), lang: 'en', version: '0.1.0',
  });
}
