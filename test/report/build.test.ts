import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import { LANGS } from '../../src/core/lang.ts';
import type { Evaluation } from '../../src/engine/types.ts';
import { buildReport, reportExitCode } from '../../src/report/build.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { verdictLine } from '../../src/report/view.ts';
import { L, evaluation, finding, schemaErrors, workbook } from './fixtures.ts';

const asOf = dayNumber(2010, 10, 31);

describe('buildReport', () => {
  it('makes a report that the JSON Schema accepts, in every language', () => {
    for (const lang of LANGS) {
      const report = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang, version: '0.1.0' });
      expect(schemaErrors(JSON.parse(JSON.stringify(report)))).toBe('');
    }
  });

  it('fills header, summary and rows as the contract says', () => {
    const r = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'en', version: '0.1.0' });
    expect(r.schema).toBe('ereje.audit-report/1');
    expect(r.generated_by).toEqual({ name: 'ereje', version: '0.1.0' });
    expect(r.period).toEqual({ from: '2010-01-01', to: '2010-10-31' });
    expect(r.as_of).toBe('2010-10-31');
    expect(r.summary).toEqual({ rules: 7, passed: 2, failed: 4, not_evaluated: 1, findings: 5, input_errors: 1 });
    // Sheets in a fixed order, whatever order ingest put them in.
    expect(Object.keys(r.rows)).toEqual(['children', 'facility', 'groups']);
    expect(r.rows.children).toEqual({ read: 10, accepted: 9, rejected: 1 });
  });

  it('sorts findings by clause in document order, then subject, period, item', () => {
    const r = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'en', version: '0' });
    expect(r.findings.map((f) => f.clause)).toEqual(['A1.2', 'A1.8', 'A1.13', 'A1.30.5', 'A1.46']);
    const many = evaluation({
      findings: [
        finding({ subject: 'C-10', period: '2010-Q2' }), finding({ subject: 'C-2', period: '2010-Q3' }),
        finding({ subject: 'C-2', period: '2010-Q2', item: 'b' }), finding({ subject: 'C-2', period: '2010-Q2', item: 'a' }),
      ],
    });
    const r2 = buildReport({ workbook: workbook(), evaluation: many, asOf, lang: 'en', version: '0' });
    expect(r2.findings.map((f) => `${f.subject} ${f.period} ${f.item}`)).toEqual([
      'C-2 2010-Q2 a', 'C-2 2010-Q2 b', 'C-2 2010-Q3 null', 'C-10 2010-Q2 null',
    ]);
  });

  it('writes messages, reasons and input-error messages in the report language', () => {
    const kk = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'kk', version: '0' });
    expect(kk.findings[0]!.message).toMatch(/^kk: /);
    expect(kk.not_evaluated[0]!.reason).toMatch(/^kk: /);
    expect(kk.input_errors[0]!.message).toMatch(/^kk: /);
    const ru = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'ru', version: '0' });
    expect(ru.findings[0]!.message).toMatch(/^ru: /);
  });

  it('writes expected, actual and the act in the report language', () => {
    const ru = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'ru', version: '0' });
    const docs = ru.findings.find((f) => f.clause === 'A1.8')!;
    expect([docs.expected, docs.actual]).toEqual(['ru: present', 'ru: absent']);
    expect(ru.findings.find((f) => f.clause === 'A1.30.5')!.expected).toBe('≤ 6');
    expect(ru.rulesets[0]!.act).toBe('Приказ № 240-ө от 2009-07-30');
    const kk = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'kk', version: '0' });
    expect(kk.findings.find((f) => f.clause === 'A1.8')!.actual).toBe('kk: absent');
    expect(kk.rulesets[0]!.act).toBe('2009-07-30 № 240-ө бұйрық');
    const en = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'en', version: '0' });
    expect(en.rulesets[0]!.act).toBe('Order N 240-ө of 2009-07-30');
  });

  it('leaves `period` out of non-periodic findings and keeps it on periodic ones', () => {
    const r = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'en', version: '0' });
    const groupSize = r.findings.find((f) => f.rule === 'residential/group-size')!;
    expect('period' in groupSize).toBe(false);
    expect(r.findings.find((f) => f.clause === 'A1.46')!.period).toBe('2010-W07');
  });

  it('lists warnings with their code but counts only errors', () => {
    const r = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'en', version: '0' });
    expect(r.input_errors.map((e) => e.code)).toEqual(['unknown-column', 'type-error']);
    expect(r.input_errors[1]).toEqual({
      sheet: 'children', row: 7, column: 'birth_date', value: '31.02.2003',
      message: '31.02.2003 is not a date; write the date as 2003-02-28 or 28.02.2003', code: 'type-error', cell: 'Балалар!B7',
    });
    expect(r.summary.input_errors).toBe(1);
  });

  it('gives byte-identical JSON for the same input, whatever order the engine listed things in', () => {
    const a = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'ru', version: '0' });
    const ev = evaluation();
    const shuffled = { ...ev, findings: [...ev.findings].reverse(), rules: [...ev.rules].reverse() };
    const wb = workbook();
    const b = buildReport({ workbook: { ...wb, errors: [...wb.errors].reverse() }, evaluation: shuffled, asOf, lang: 'ru', version: '0' });
    expect(JSON.stringify(b, null, 2)).toBe(JSON.stringify(a, null, 2));
  });

  it('counts a rule that only appears in the not-evaluated list', () => {
    const ev = evaluation({ rules: [], findings: [] });
    const r = buildReport({ workbook: workbook({ errors: [] }), evaluation: ev, asOf, lang: 'en', version: '0' });
    expect(r.summary).toEqual({ rules: 1, passed: 0, failed: 0, not_evaluated: 1, findings: 0, input_errors: 0 });
  });

  it('exit code: 1 for a non-info finding or an input error; 0 for info findings and warnings only', () => {
    const base = { asOf, lang: 'en' as const, version: '0' };
    expect(reportExitCode(buildReport({ ...base, workbook: workbook(), evaluation: evaluation() }))).toBe(1);
    const infoOnly = evaluation({ findings: [finding({ severity: 'info' })] });
    const warningsOnly = workbook({ errors: workbook().errors.filter((e) => e.severity === 'warning') });
    expect(reportExitCode(buildReport({ ...base, workbook: warningsOnly, evaluation: infoOnly }))).toBe(0);
    expect(reportExitCode(buildReport({ ...base, workbook: workbook(), evaluation: infoOnly }))).toBe(1);
  });

  it('decides the verdict in one place: non-compliant, else incomplete for input errors or workbook gaps, else compliant', () => {
    const base = { asOf, lang: 'en' as const, version: '0' };
    const clean = workbook({ errors: workbook().errors.filter((e) => e.severity === 'warning') });
    const infoOnly = [finding({ severity: 'info' })];
    const rulePackGap = evaluation().notEvaluated;
    const sheetGap = [{ rule: 'residential/seat-belts', clause: 'A1.45', reason: L('the workbook has no sheet "vehicles"'), cause: 'workbook' as const, sheet: 'vehicles' }];
    const result = (wb: typeof clean, ev: Partial<Evaluation>) => buildReport({ ...base, workbook: wb, evaluation: evaluation(ev) });
    expect(result(workbook(), {}).result).toBe('non_compliant');
    expect(result(clean, { findings: infoOnly, notEvaluated: rulePackGap }).result).toBe('compliant');
    expect(result(clean, { findings: infoOnly, notEvaluated: [...rulePackGap, ...sheetGap] }).result).toBe('incomplete');
    expect(result(workbook(), { findings: infoOnly, notEvaluated: rulePackGap }).result).toBe('incomplete');
    const compliant = result(clean, { findings: [], notEvaluated: rulePackGap });
    expect(reportExitCode(compliant)).toBe(0);
    expect(verdictLine(compliant, reportWords('en'), 'en')).toBe('Compliant — no non-compliance found; the rule pack cannot yet evaluate A1.43');
    const incomplete = result(clean, { findings: [], notEvaluated: sheetGap });
    expect(reportExitCode(incomplete)).toBe(1);
    expect(incomplete.not_evaluated[0]).toEqual({ rule: 'residential/seat-belts', clause: 'A1.45', reason: 'the workbook has no sheet "vehicles"', cause: 'workbook', sheet: 'vehicles' });
    expect(verdictLine(incomplete, reportWords('en'), 'en')).toBe('Incomplete — no non-compliance found; the workbook lacks sheet «vehicles»');
    expect(verdictLine(incomplete, reportWords('ru'), 'ru')).toBe('Проверка неполная — несоответствий не найдено; в книге нет: лист «Транспорт»');
    expect(verdictLine(incomplete, reportWords('kk'), 'kk')).toBe('Тексеру толық емес — сәйкессіздік табылған жоқ; жұмыс кітабында жоқ: «Көлік» парағы');
    expect(schemaErrors(JSON.parse(JSON.stringify(incomplete)))).toBe('');
  });

  it('gives each evidence entry the workbook\'s own place: a cell, a row, or a sheet as spelled', () => {
    const r = buildReport({ asOf, lang: 'en', version: '0', workbook: workbook(), evaluation: evaluation({ findings: [
      finding({ evidence: [{ sheet: 'children', row: 11, column: 'birth_date' }, { sheet: 'children', row: 11, column: 'discharged_on' }, { sheet: 'groups' }] }),
    ] }) });
    expect(r.findings[0]!.evidence).toEqual([
      { sheet: 'children', row: 11, column: 'birth_date', cell: 'Балалар!B11' },
      { sheet: 'children', row: 11, column: 'discharged_on', cell: 'Балалар!11:11' },
      { sheet: 'groups', cell: 'Топтар' },
    ]);
  });

  it('rejects a report that breaks the contract (the schema test can fail)', () => {
    const r = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'en', version: '0' });
    const broken = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    (broken.findings as Record<string, unknown>[])[0]!.severity = 'fatal';
    delete broken.rows;
    expect(schemaErrors(broken)).toMatch(/severity|rows/);
  });
});
