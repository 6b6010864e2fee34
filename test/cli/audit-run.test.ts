// auditWorkbook with real ingest and a stand-in rule pack: what reaches the report, and which inputs
// stop with one fatal line.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import type { Evaluation } from '../../src/engine/types.ts';
import { auditWorkbook, type AuditPack } from '../../src/cli/audit-run.ts';
import { FatalError } from '../../src/cli/errors.ts';
import { evaluation, finding, schemaErrors } from '../report/fixtures.ts';
import { facilitySheet, xlsxBytes, zipBomb } from './helpers.ts';

function pack(ev: Evaluation = evaluation()): AuditPack & { calls: number[] } {
  const calls: number[] = [];
  return { calls, quotes: new Map(), evaluate: async (_wb, asOf) => { calls.push(asOf); return ev; } };
}

const CHILDREN = [
  ['child_id', 'birth_date', 'admitted_on', 'funding'],
  ['C-1', '2003-01-01', '2009-01-10', 'budget'],
  ['C-2', '31.02.2003', '2009-01-10', 'budget'],
];

const options = { lang: 'en' as const, version: '0.1.0' };

describe('auditWorkbook', () => {
  it('reads the workbook, evaluates on the period end by default and reports input errors with their cell', async () => {
    const p = pack();
    const bytes = xlsxBytes({ facility: facilitySheet(), children: CHILDREN });
    const { report, exitCode } = await auditWorkbook(bytes, 'mine.xlsx', p, options);
    expect(p.calls).toEqual([dayNumber(2010, 10, 31)]);
    expect(exitCode).toBe(1);
    expect(report.workbook.file).toBe('mine.xlsx');
    expect(report.workbook.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.facility).toEqual({ facility_id: 'F-001', name: 'Балалар үйі №1', kind: 'residential', ownership: 'state' });
    expect(report.as_of).toBe('2010-10-31');
    const bad = report.input_errors.find((e) => e.value === '31.02.2003');
    expect(bad).toMatchObject({ sheet: 'children', row: 3, column: 'birth_date', code: 'type-error' });
    expect(report.rows.children).toEqual({ read: 2, accepted: 1, rejected: 1 });
    expect(schemaErrors(JSON.parse(JSON.stringify(report)))).toBe('');
  });

  it('uses --as-of when given, and exits 0 for a clean workbook with info findings only', async () => {
    const p = pack(evaluation({ findings: [finding({ severity: 'info' })], notEvaluated: [] }));
    const bytes = xlsxBytes({ facility: facilitySheet(), children: CHILDREN.slice(0, 2) });
    const { report, exitCode } = await auditWorkbook(bytes, 'ok.xlsx', p, { ...options, asOf: dayNumber(2010, 6, 30) });
    expect(p.calls).toEqual([dayNumber(2010, 6, 30)]);
    expect(report.as_of).toBe('2010-06-30');
    expect(report.summary.input_errors).toBe(0);
    expect(exitCode).toBe(0);
  });

  it('stops with one line when the facility row is missing or broken', async () => {
    const noFacility = xlsxBytes({ children: CHILDREN });
    await expect(auditWorkbook(noFacility, 'x.xlsx', pack(), options)).rejects.toThrow(FatalError);
    await expect(auditWorkbook(noFacility, 'x.xlsx', pack(), options)).rejects.toThrow(/x\.xlsx: cannot audit without the facility row/);
    const badPeriod = xlsxBytes({ facility: facilitySheet({ to: 'soon' }) });
    await expect(auditWorkbook(badPeriod, 'y.xlsx', pack(), options)).rejects.toThrow(/y\.xlsx: cannot audit without the facility row — .*soon/);
  });

  it('refuses a text file, a zip that is not a workbook, and a zip bomb, before evaluating', async () => {
    const p = pack();
    const text = new TextEncoder().encode('child_id;birth_date\nC-1;2003-01-01\n');
    await expect(auditWorkbook(text, 'x.xlsx', p, options)).rejects.toThrow(/x\.xlsx is not an \.xlsx workbook/);
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(200_000);
    await expect(auditWorkbook(bomb, 'bomb.xlsx', p, options)).rejects.toThrow(FatalError);
    await expect(auditWorkbook(bomb, 'bomb.xlsx', p, options)).rejects.toThrow(/bomb\.xlsx.*inflates to more than its declared/);
    expect(p.calls).toEqual([]);
  });

  it('refuses an --as-of before the period starts or after it ends, in the report language', async () => {
    const bytes = xlsxBytes({ facility: facilitySheet() });
    const p = pack();
    await expect(auditWorkbook(bytes, 'z.xlsx', p, { ...options, asOf: dayNumber(2009, 12, 31) })).rejects.toThrow(/before the audit period starts/);
    await expect(auditWorkbook(bytes, 'z.xlsx', p, { ...options, asOf: dayNumber(2010, 11, 1) }))
      .rejects.toThrow('z.xlsx: --as-of 01.11.2010 is after the audit period ends (31.10.2010); give a date inside the period or leave --as-of out to use the period\'s last day.');
    const kk = await auditWorkbook(bytes, 'z.xlsx', p, { ...options, asOf: dayNumber(2010, 11, 1) }).catch((e: FatalError) => e.text.kk);
    expect(kk).toBe('z.xlsx: --as-of 01.11.2010 тексеру кезеңі аяқталғаннан (31.10.2010) кейін; кезең ішіндегі күнді беріңіз немесе кезеңнің соңғы күнін алу үшін --as-of көрсетпеңіз.');
    expect(p.calls).toEqual([]);
  });
});
