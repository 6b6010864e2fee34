// A batch with --out DIR: beside one report per workbook, summary.json and summary.html — one row per
// workbook (verdict, findings by severity, or why it could not be audited) and the worst clauses.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/report/batch.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { facilitySheet, run, xlsxBytes } from './helpers.ts';
import { readSheets, sheetBytes } from './workbooks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ereje-batch-'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormatsModule as unknown as (a: Ajv2020) => Ajv2020)(ajv);
const validate = ajv.compile(JSON.parse(readFileSync('reports/audit-summary.schema.json', 'utf8')) as object);

describe('ereje audit DIR --out DIR', () => {
  it('writes summary.json and summary.html beside the reports, the unreadable workbook listed with its reason', async () => {
    const inputs = join(tmp, 'in');
    mkdirSync(inputs, { recursive: true });
    for (const f of readdirSync('examples').filter((n) => n.endsWith('.xlsx'))) copyFileSync(join('examples', f), join(inputs, f));
    writeFileSync(join(inputs, 'notes.xlsx'), 'this is not a workbook');
    const out = join(tmp, 'out');
    const r = await run(['audit', inputs, '--format', 'md', '--out', out, '--lang', 'ru']);
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['day-care-2010.md', 'home-care-2010.md', 'residential-2010.md', 'summary.html', 'summary.json']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(validate(summary), ajv.errorsText(validate.errors)).toBe(true);
    expect(summary.lang).toBe('ru');
    expect(summary.workbooks.map((b) => [b.file, b.report, b.result, b.exit])).toEqual([
      ['day-care-2010.xlsx', 'day-care-2010.md', 'non_compliant', 1],
      ['home-care-2010.xlsx', 'home-care-2010.md', 'non_compliant', 1],
      ['notes.xlsx', null, null, 2],
      ['residential-2010.xlsx', 'residential-2010.md', 'non_compliant', 1],
    ]);
    expect(summary.workbooks[2]!.error).toMatch(/notes\.xlsx/);
    expect(r.stderr).toContain(summary.workbooks[2]!.error!);
    expect(summary.totals).toMatchObject({ workbooks: 4, audited: 3, failed: 1, non_compliant: 3 });
    // Each example fails six different clauses of its own annex: every clause is one facility's.
    expect(summary.worst_clauses).toHaveLength(10);
    expect(summary.worst_clauses.every((c) => c.facilities.length === 1)).toBe(true);
    expect(summary.worst_clauses[0]!.severity).toBe('major');
    const html = readFileSync(join(out, 'summary.html'), 'utf8');
    const w = reportWords('ru');
    expect(html).toContain('<a href="residential-2010.md">residential-2010.xlsx</a>');
    expect(html).toContain(`<h2>${w.failedWorkbooks}</h2>`);
    expect(html).toContain(`<h2>${w.worstClauses}</h2>`);
  });

  it('says under each verdict what it rests on, as the report\'s first line does: why an incomplete facility is incomplete, and what a non-compliant one also lacks', async () => {
    const inputs = join(tmp, 'why');
    mkdirSync(inputs, { recursive: true });
    // The home-care example without its visit schedule (non-compliant, and the visit rule not evaluated); a residential facility that sent only its facility sheet.
    const noVisits = readSheets('examples/home-care-2010.xlsx');
    delete noVisits['График посещений'];
    writeFileSync(join(inputs, 'a-no-visits.xlsx'), sheetBytes(noVisits));
    writeFileSync(join(inputs, 'b-facility-only.xlsx'), xlsxBytes({ Мекеме: facilitySheet({ name: 'Балалар үйі №4' }) }));
    copyFileSync('examples/day-care-2010.xlsx', join(inputs, 'c-day-care.xlsx'));
    const out = join(tmp, 'why-out');
    const r = await run(['audit', inputs, '--format', 'md', '--out', out, '--lang', 'ru']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(validate(summary), ajv.errorsText(validate.errors)).toBe(true);
    expect(summary.workbooks.map((b) => b.result)).toEqual(['non_compliant', 'incomplete', 'non_compliant']);
    for (const b of summary.workbooks) {
      // The Markdown report's first line is its verdict line, in bold.
      const firstLine = readFileSync(join(out, b.report!), 'utf8').split('\n')[0]!;
      expect(firstLine).toBe(`**${reportWords('ru').status}: ${b.verdict}**`);
    }
    expect(summary.workbooks[0]!.verdict).toContain('«График посещений»');
    expect(summary.workbooks[1]!.verdict).toContain('«Дети»');
    const html = readFileSync(join(out, 'summary.html'), 'utf8');
    expect(html).toContain('лист «График посещений»');
    expect(html).toContain('лист «Дети»');
  });

  it('counts one written report as one report in English', async () => {
    const inputs = join(tmp, 'one');
    mkdirSync(inputs, { recursive: true });
    copyFileSync('examples/day-care-2010.xlsx', join(inputs, 'day-care.xlsx'));
    writeFileSync(join(inputs, 'old.xlsx'), 'Код;Наименование\n');
    const out = join(tmp, 'one-out');
    const r = await run(['audit', inputs, '--format', 'json', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ereje: wrote 1 report to ${out}\n`);
  });

  it('refuses a workbook whose report would be named like the summary, before writing anything', async () => {
    const inputs = join(tmp, 'clash');
    mkdirSync(inputs, { recursive: true });
    copyFileSync('examples/home-care-2010.xlsx', join(inputs, 'summary.xlsx'));
    copyFileSync('examples/day-care-2010.xlsx', join(inputs, 'day-care.xlsx'));
    const out = join(tmp, 'clash-out');
    const r = await run(['audit', inputs, '--format', 'json', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ereje: summary.json: this workbook's report would be named like the batch summary (summary.json, summary.html); rename the workbook.\n");
    // Markdown reports do not clash.
    expect((await run(['audit', inputs, '--format', 'md', '--out', out, '--lang', 'en'])).code).toBe(1);
  });
});
