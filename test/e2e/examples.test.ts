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

describe.each([
  ['residential-2010.xlsx', ['R-08', 'R-12'], ['A1.2 residential/admission-age', 'A1.7 residential/private-contract', 'A1.8 residential/budget-admission-documents', 'A1.17 residential/plan-duration', 'A1.18 residential/plan-approval']],
  ['home-care-2010.xlsx', ['H-01', 'H-11'], ['A2.9 home-care/contract-signed', 'A2.9 home-care/contract-terms', 'A2.17 home-care/plan-duration', 'A2.18 home-care/plan-approval']],
  ['day-care-2010.xlsx', ['D-08', 'D-12'], ['A3.2 day-care/admission-age', 'A3.7 day-care/private-contract', 'A3.8 day-care/budget-admission-documents', 'A3.17 day-care/plan-duration', 'A3.18 day-care/plan-approval', 'A3.41 day-care/contract-regime', 'A3.41 day-care/contract-terms']],
])('%s: children admitted before order 240-ө came into force', (file, subjects, rules) => {
  it('are not judged by it: one not-evaluated entry per child and rule, cause rule_pack, not a finding of that rule', async () => {
    const bytes = readFileSync(new URL(`../../examples/${file}`, import.meta.url));
    const { report } = await auditWorkbook(bytes, file, pack, { lang: 'en', version: 'test' });
    const perSubject = report.not_evaluated.filter((n) => n.subject !== undefined);
    expect(perSubject.every((n) => n.cause === 'rule_pack' && subjects.includes(n.subject!))).toBe(true);
    expect([...new Set(perSubject.map((n) => `${n.clause} ${n.rule}`))]).toEqual(rules);
    expect(perSubject.every((n) => n.reason.startsWith(`${n.subject}: dated `))).toBe(true);
    // Rules that judge a state (a regime, a leave in the period) still judge these children.
    expect(report.findings.filter((f) => perSubject.some((n) => n.rule === f.rule && n.subject === f.subject))).toEqual([]);
    // Each finding names the version that judged it.
    expect(new Set(report.findings.map((f) => f.version))).toEqual(new Set(['2009-240-o']));
  });
});
