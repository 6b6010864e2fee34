// The example workbooks under examples/ (scripts/make-examples.ts) produce exactly the findings they
// document in examples/expected-findings.json, through the whole audit pipeline: bytes → ingest →
// the bundled rule pack → engine → JSON report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAuditPack } from '../../src/cli/audit-pack.ts';
import { auditWorkbook } from '../../src/cli/audit-run.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';

interface Expected { workbook: string; clause: string; subject: string; period: string | null; item: string | null; what: string }

const expected = JSON.parse(readFileSync(new URL('../../examples/expected-findings.json', import.meta.url), 'utf8')) as Expected[];
const pack = await loadAuditPack(defaultRulesDir());
const key = (f: { clause: string; subject: string; period?: string | null; item?: string | null }) =>
  `${f.clause} ${f.subject} ${f.period ?? '-'} ${f.item ?? '-'}`;

describe.each(['residential-2010.xlsx', 'home-care-2010.xlsx', 'day-care-2010.xlsx'])('%s', (file) => {
  it('produces exactly its documented findings and no input errors', async () => {
    const bytes = readFileSync(new URL(`../../examples/${file}`, import.meta.url));
    const { report, exitCode } = await auditWorkbook(bytes, file, pack, { lang: 'en', version: 'test' });
    expect(report.input_errors).toEqual([]);
    const want = expected.filter((e) => e.workbook === file).map(key).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(report.findings.map(key).sort()).toEqual(want);
    expect(exitCode).toBe(1);
  });
});

describe('residential-2010.xlsx', () => {
  it('reports the staffing norms (A1.43) as not evaluated: the norms are not in the source', async () => {
    const bytes = readFileSync(new URL('../../examples/residential-2010.xlsx', import.meta.url));
    const { report } = await auditWorkbook(bytes, 'residential-2010.xlsx', pack, { lang: 'en', version: 'test' });
    expect(report.not_evaluated.filter((n) => n.clause === 'A1.43').map((n) => n.rule)).toEqual(['residential/staffing-norms']);
  });
});
