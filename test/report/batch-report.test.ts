// A batch keeps of each workbook only what the summary reads (batchReport), never the whole report:
// the summary, and the table the command prints, come out the same from that part as from the reports.
import { describe, expect, it } from 'vitest';
import { renderSummaryTable } from '../../src/cli/audit-summary.ts';
import type { Finding } from '../../src/engine/types.ts';
import { batchReport, buildBatchSummary, type BatchOutcome } from '../../src/report/batch.ts';
import { applyBaseline } from '../../src/report/follow-up.ts';
import { L, facilityReport, finding } from './fixtures.ts';

const audit = facilityReport;
const docs = (child: string) => finding({ rule: 'residential/admission-documents-budget', clause: 'A1.8', severity: 'minor', subject: child, item: 'referral', message: L('no referral') });
const age = (child: string) => finding({ rule: 'residential/admission-age', clause: 'A1.2', severity: 'critical', subject: child, message: L('too young') });
const daily = (child: string, day: number) => finding({ rule: 'residential/daily-health-log', clause: 'A1.28.5', subject: child, period: `2010-03-0${day}`, message: L(`no entry on day ${day}`) });
const advisory = (room: string) => finding({ rule: 'residential/bedroom-sex', clause: 'A1.13', severity: 'info', subject: room, message: L('mixed') });

describe('batchReport', () => {
  const full: BatchOutcome[] = [
    { file: 'F-1.xlsx', report: audit('F-1', [docs('C-1'), ...[1, 2, 3].map((d) => daily('C-1', d)), advisory('B-1')]), exitCode: 1, reportFile: 'F-1.md' },
    { file: 'broken.xlsx', report: null, exitCode: 2, error: 'broken.xlsx: not a workbook' },
    { file: 'F-2.xlsx', report: applyBaseline(audit('F-2', [docs('C-7'), docs('C-9')]), audit('F-2', [docs('C-7'), age('C-8')])), exitCode: 1, reportFile: 'F-2.md' },
  ];
  const kept = full.map((o) => ({ ...o, report: o.report === null ? null : batchReport(o.report as Parameters<typeof batchReport>[0]) }));

  it('gives the summary the whole reports give', () => {
    expect(buildBatchSummary(kept, { lang: 'en', version: '0' })).toEqual(buildBatchSummary(full, { lang: 'en', version: '0' }));
  });

  it('gives the table the whole reports give', () => {
    expect(renderSummaryTable(kept, 'ru')).toBe(renderSummaryTable(full, 'ru'));
  });

  it('keeps a few fields per finding, not the findings\' text and evidence', () => {
    const r = kept[0]!.report!;
    expect(Object.keys(r.findings[0]!).sort()).toEqual(['clause', 'rule', 'severity']);
    expect(JSON.stringify(r).length).toBeLessThan(JSON.stringify(full[0]!.report).length / 2);
  });
});
