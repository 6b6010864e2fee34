// The table a batch prints: exit 1 is both "non-compliant" and "incomplete", so the verdict has a column
// of its own — a workbook the audit could not fully look at must not read like one with violations.
import { describe, expect, it } from 'vitest';
import { renderSummaryTable } from '../../src/cli/audit-summary.ts';
import type { BatchOutcome } from '../../src/report/batch.ts';
import { L, facilityReport, finding } from '../report/fixtures.ts';

const docs = (child: string) => finding({ rule: 'residential/admission-documents-budget', clause: 'A1.8', severity: 'minor', subject: child, item: 'referral', message: L('no referral') });

describe('renderSummaryTable', () => {
  const outcomes: BatchOutcome[] = [
    { file: 'violations.xlsx', report: facilityReport('F-1', [docs('C-1')]), exitCode: 1, reportFile: 'violations.md' },
    // No finding, but sheets missing: incomplete, exit 1 like the one above.
    { file: 'facility-sheet-only.xlsx', report: { ...facilityReport('F-2', []), result: 'incomplete' }, exitCode: 1, reportFile: 'facility-sheet-only.md' },
    { file: 'clean.xlsx', report: facilityReport('F-3', []), exitCode: 0, reportFile: 'clean.md' },
    { file: 'broken.xlsx', report: null, exitCode: 2, error: 'broken.xlsx: not a workbook' },
  ];

  it('shows each workbook\'s verdict in its language, and keeps the exit state last', () => {
    const en = renderSummaryTable(outcomes, 'en').trimEnd().split('\n');
    expect(en[0]).toMatch(/^File +Facility +Period +Result +critical +major +minor +info +Input errors +Exit$/);
    const rows = en.slice(2).map((l) => l.split(/ {2,}/));
    expect(rows.map((r) => [r[0], r[3], r.at(-1)])).toEqual([
      ['violations.xlsx', 'Non-compliant', '1'],
      ['facility-sheet-only.xlsx', 'Incomplete', '1'],
      ['clean.xlsx', 'Compliant', '0'],
      ['broken.xlsx', '—', '2'],
    ]);
    const ru = renderSummaryTable(outcomes, 'ru');
    expect(ru).toContain('Результат');
    expect(ru).toContain('Проверка неполная');
    expect(renderSummaryTable(outcomes, 'kk')).toContain('Тексеру толық емес');
  });
});
