// A workbook whose audit fails in a way nobody foresaw (a bug: not a FatalError) still does not stop a
// folder run: it is one line and exit state 2, and every other workbook is audited and written.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as auditRun from '../../src/cli/audit-run.ts';
import { facilitySheet, licenceRules, run, xlsxBytes } from './helpers.ts';

// auditWorkbook replaced for this file's test only (the modules are shared with other test files in
// this worker: put back afterwards).
const original = auditRun.auditWorkbook;
beforeAll(() => {
  vi.spyOn(auditRun, 'auditWorkbook').mockImplementation((bytes, file, ...rest) => {
    if (file.startsWith('b-crash')) throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere (file.ts:1:1)");
    return original(bytes, file, ...rest);
  });
});
afterAll(() => { vi.mocked(auditRun.auditWorkbook).mockRestore(); });

describe('a batch with an unforeseen failure', () => {
  it('goes on: one line for the failed workbook, the others written, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-batch-crash-'));
    const good = xlsxBytes({ facility: facilitySheet({ to: '2010-06-30' }) });
    for (const name of ['a-ok.xlsx', 'b-crash.xlsx', 'c-ok.xlsx']) writeFileSync(join(dir, name), good);
    const out = join(dir, 'out');
    mkdirSync(out);
    // A one-rule pack the one-sheet workbooks comply with, so a good workbook is exit state 0.
    const rules = licenceRules(join(dir, '..', 'licence-rules'));
    // One job: the audits run in this thread, where the replaced auditWorkbook is (a worker thread loads
    // its own modules; test/cli/batch.test.ts fails a workbook in a worker).
    const r = await run(['audit', dir, '--format', 'md', '--out', out, '--lang', 'en', '--rules', rules, '--jobs', '1']);
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['a-ok.md', 'c-ok.md', 'summary.html', 'summary.json']);
    // The batch summary lists it with the same line.
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { workbooks: { file: string; error: string | null }[] };
    expect(summary.workbooks.find((b) => b.file === 'b-crash.xlsx')!.error).toMatch(/^b-crash\.xlsx: internal error: /);
    expect(r.stderr).toMatch(/^ereje: b-crash\.xlsx: internal error: Cannot read properties of undefined \(reading 'x'\) \(run with --debug for details and report it\)$/m);
    expect(r.stdout).toMatch(/^b-crash\.xlsx\s+—\s+—.*2$/m);
    expect(r.stdout).toMatch(/^c-ok\.xlsx\s+Балалар үйі №1.* 0$/m);
  });
});
