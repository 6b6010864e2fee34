// Follow-up inspections end to end: two audits of one facility — the residential example, and the same
// facility after it handed in a document and approved a menu day (2 findings fixed), kept 4 findings and
// left 15 health-log days unrecorded (new) — compared by `ereje audit --baseline` and `ereje diff`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportWords } from '../../src/report/i18n.ts';
import type { AuditReport } from '../../src/report/types.ts';
import { schemaErrors } from '../report/fixtures.ts';
import { laterResidential, RESIDENTIAL } from './follow-up-workbooks.ts';
import { run } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ereje-follow-up-'));
const earlierJson = join(tmp, 'earlier.json');
const laterXlsx = join(tmp, 'later-2010.xlsx');
const laterJson = join(tmp, 'later.json');

const key = (f: { clause: string; subject: string; period?: string; item: string | null }) => `${f.clause} ${f.subject} ${f.period ?? '-'} ${f.item ?? '-'}`;

beforeAll(async () => {
  writeFileSync(laterXlsx, laterResidential());
  expect((await run(['audit', RESIDENTIAL, '--lang', 'en', '--out', earlierJson])).code).toBe(1);
  expect((await run(['audit', laterXlsx, '--lang', 'en', '--out', laterJson])).code).toBe(1);
});

function oneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('ereje audit --baseline', () => {
  it('marks every finding new or persisting, lists the fixed ones as resolved, and counts them (JSON)', async () => {
    const r = await run(['audit', laterXlsx, '--baseline', earlierJson, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as AuditReport;
    expect(schemaErrors(report)).toBe('');
    expect(report.summary).toMatchObject({ findings: 19, new: 15, persisting: 4, resolved: 2 });
    expect(report.findings.filter((f) => f.follow_up === 'persisting').map(key).sort()).toEqual([
      'A1.28.5 R-02 2010-05-12 -', 'A1.30.5 R-04 - -', 'A1.34 R-07 - doctor_conclusion', 'A1.40 R-08 - -',
    ]);
    const fresh = report.findings.filter((f) => f.follow_up === 'new');
    expect(fresh.filter((f) => f.subject === 'R-03')).toHaveLength(14);
    // R-02 failed A1.28.5 before (on another day): a recurring violation.
    expect(fresh.filter((f) => f.recurring).map(key)).toEqual(['A1.28.5 R-02 2010-05-20 -']);
    expect(report.follow_up!.resolved.map(key)).toEqual(['A1.8 R-05 - pmpk_conclusion', 'A1.27.2 autumn_winter - 9']);
    expect(report.follow_up!.baseline).toMatchObject({ file: 'residential-2010.xlsx', period: { from: '2010-01-01', to: '2010-06-30' }, lang: 'en' });
    expect(report.follow_up!.not_rechecked).toBe(0);
    // R-03's 14 days are one new entry.
    expect(report.groups.find((g) => g.subject === 'R-03')).toMatchObject({ count: 14, follow_up: 'new', message: expect.stringContaining('2010-03-01 … 2010-03-14') });
  });

  it('shows it in every format, with the counts in the summary', async () => {
    const w = reportWords('ru');
    const terminal = await run(['audit', laterXlsx, '--baseline', earlierJson, '--lang', 'ru']);
    expect(terminal.stdout).toContain(`${w.followUp}: ${w.statuses.new} 15, ${w.statuses.persisting} 4, ${w.statuses.resolved} 2`);
    expect(terminal.stdout).toMatch(new RegExp(`A1\\.40 R-08 — .*\\[${w.statuses.persisting}\\]`));
    expect(terminal.stdout).toContain(`${w.resolvedHeading}:`);
    const md = await run(['audit', laterXlsx, '--baseline', earlierJson, '--lang', 'ru', '--format', 'md']);
    expect(md.stdout).toContain(`**${w.followUp}:** ${w.statuses.new} 15 · ${w.statuses.persisting} 4 · ${w.statuses.resolved} 2`);
    expect(md.stdout).toContain(`## ${w.resolvedHeading}`);
    expect(md.stdout).toMatch(new RegExp(`\\| ${w.statuses.new} · ${w.recurring} \\|`));
    const html = await run(['audit', laterXlsx, '--baseline', earlierJson, '--lang', 'ru', '--format', 'html']);
    expect(html.stdout).toContain(`<span class="fu fu-persisting">${w.statuses.persisting}</span>`);
    expect(html.stdout).toContain(`<section class="resolved"><h2>${w.resolvedHeading}</h2>`);
    expect(html.stdout).toContain(`<div class="stat fu-resolved"><span class="n">2</span>`);
    const xlsx = join(tmp, 'follow-up.xlsx');
    expect((await run(['audit', laterXlsx, '--baseline', earlierJson, '--lang', 'ru', '--out', xlsx])).code).toBe(1);
    const book = XLSX.read(readFileSync(xlsx), { type: 'buffer' });
    expect(book.SheetNames).toContain(w.resolvedHeading);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[w.resolvedHeading]!, { header: 1 })).toHaveLength(3);
  });

  it('refuses a baseline of another facility, a malformed one, and one of an older schema, each in one line (exit 2)', async () => {
    const dayCare = join(tmp, 'day-care.json');
    await run(['audit', 'examples/day-care-2010.xlsx', '--lang', 'en', '--out', dayCare]);
    const other = await run(['audit', laterXlsx, '--baseline', dayCare, '--lang', 'en']);
    expect(other.code).toBe(2);
    oneLine(other.stderr);
    expect(other.stderr).toMatch(/^ereje: --baseline .*day-care\.json: it audits facility DC-03 \(«.*»\), this audit is of MAU-01 \(«.*»\); give an earlier report of the same facility\.\n$/);
    expect(other.stdout).toBe('');

    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{"schema": "ereje.audit-report/1", ');
    const b = await run(['audit', laterXlsx, '--baseline', broken, '--lang', 'en']);
    expect(b.code).toBe(2);
    oneLine(b.stderr);
    expect(b.stderr).toMatch(/^ereje: --baseline .*broken\.json: not valid JSON \(.*\); give the JSON report of the earlier audit/);

    const earlier = JSON.parse(readFileSync(earlierJson, 'utf8')) as Record<string, unknown>;
    const older = join(tmp, 'older.json');
    const { groups: _groups, lang: _lang, ...withoutNewFields } = earlier;
    writeFileSync(older, JSON.stringify(withoutNewFields));
    const o = await run(['audit', laterXlsx, '--baseline', older, '--lang', 'en']);
    expect(o.code).toBe(2);
    oneLine(o.stderr);
    expect(o.stderr).toMatch(/^ereje: --baseline .*older\.json: not a report this version of ereje can read \(\/ lacks "lang"\) — written by an older ereje or edited by hand; audit that workbook again/);

    const otherSchema = join(tmp, 'schema0.json');
    writeFileSync(otherSchema, JSON.stringify({ ...earlier, schema: 'ereje.audit-report/0' }));
    const s = await run(['audit', laterXlsx, '--baseline', otherSchema, '--lang', 'kk']);
    expect(s.code).toBe(2);
    oneLine(s.stderr);
    expect(s.stderr).toContain('ereje.audit-report/0 схемасының есебі');

    const notReport = await run(['audit', laterXlsx, '--baseline', join('examples', 'expected-findings.json'), '--lang', 'en']);
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toMatch(/not an ereje audit report \(not a JSON object\)/);

    const missing = await run(['audit', laterXlsx, '--baseline', join(tmp, 'nope.json'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file \(ENOENT\)/);
  });

  it('warns when the baseline is in another language or later than the audit, and still compares', async () => {
    const kk = join(tmp, 'earlier-kk.json');
    await run(['audit', RESIDENTIAL, '--lang', 'kk', '--out', kk]);
    const r = await run(['audit', laterXlsx, '--baseline', kk, '--lang', 'en', '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ereje: warning: --baseline .*earlier-kk\.json is in kk, this report in en: resolved findings are shown in the baseline's language\.\n$/);
    expect(r.stdout).toContain(`*${reportWords('en').baselineLanguage}*`);
    expect(r.stdout).toContain('R-05 баласының');
    const later = join(tmp, 'later-period.json');
    const shifted = JSON.parse(readFileSync(laterJson, 'utf8')) as AuditReport;
    writeFileSync(later, JSON.stringify({ ...shifted, period: { from: '2010-07-01', to: '2010-12-31' }, as_of: '2010-12-31' }));
    const d = await run(['diff', later, earlierJson, '--format', 'json']);
    expect(d.stderr).toMatch(/warning: .*later-period\.json: the baseline's period starts after this audit's; check the order of the files/);
    // Still compared, finding by finding: the 15 health-log days of the later workbook are within the earlier audit's period, not found there.
    const report = JSON.parse(d.stdout) as AuditReport;
    expect(report.summary).toMatchObject({ persisting: 4, resolved: 15 });
  });

  it('never writes a report over the baseline', async () => {
    const copy = join(tmp, 'baseline-copy.json');
    writeFileSync(copy, readFileSync(earlierJson));
    const r = await run(['audit', laterXlsx, '--baseline', copy, '--out', copy, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ereje never overwrites a user's file/);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(earlierJson, 'utf8'));
  });
});

describe('ereje diff', () => {
  it('compares two JSON reports as --baseline does, in the format and language asked for', async () => {
    const viaAudit = await run(['audit', laterXlsx, '--baseline', earlierJson, '--format', 'json', '--lang', 'en']);
    const diff = await run(['diff', earlierJson, laterJson, '--format', 'json']);
    expect(diff.code).toBe(1);
    expect(diff.stderr).toBe('');
    const a = JSON.parse(viaAudit.stdout) as AuditReport, b = JSON.parse(diff.stdout) as AuditReport;
    expect(b).toEqual(a);
    // Headings in the language asked for; the messages stay in the reports' language.
    const w = reportWords('kk');
    const md = await run(['diff', earlierJson, laterJson, '--format', 'md', '--lang', 'kk']);
    expect(md.stdout).toContain(`## ${w.resolvedHeading}`);
    expect(md.stdout).toContain("Child R-05's admission file lacks");
    const terminal = await run(['diff', earlierJson, laterJson]);
    expect(terminal.stdout).toContain(`${reportWords('en').followUp}: new 15, persisting 4, resolved 2`);
    const out = join(tmp, 'diff.html');
    const h = await run(['diff', earlierJson, laterJson, '--out', out]);
    expect(h.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('<blockquote lang="kk">');
  });

  it('refuses reports of two facilities, and never writes over either report', async () => {
    const dayCare = join(tmp, 'day-care-2.json');
    await run(['audit', 'examples/day-care-2010.xlsx', '--lang', 'en', '--out', dayCare]);
    const r = await run(['diff', dayCare, laterJson, '--lang', 'en']);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/day-care-2\.json: it audits facility DC-03/);
    const before = readFileSync(laterJson, 'utf8');
    const over = await run(['diff', earlierJson, laterJson, '--out', laterJson, '--lang', 'en']);
    expect(over.code).toBe(2);
    expect(readFileSync(laterJson, 'utf8')).toBe(before);
  });
});

describe('a batch with --baseline DIR', () => {
  it('compares each workbook with the latest earlier report of its facility and sums up new and persisting findings', async () => {
    const earlierDir = join(tmp, 'earlier');
    const inputs = join(tmp, 'inputs');
    mkdirSync(inputs, { recursive: true });
    writeFileSync(join(inputs, 'residential-2010.xlsx'), laterResidential());
    writeFileSync(join(inputs, 'home-care-2010.xlsx'), readFileSync('examples/home-care-2010.xlsx'));
    expect((await run(['audit', RESIDENTIAL, 'examples/day-care-2010.xlsx', '--format', 'json', '--out', earlierDir, '--lang', 'en'])).code).toBe(1);
    writeFileSync(join(earlierDir, 'notes.json'), '{"not": "a report"}');
    const out = join(tmp, 'batch-out');
    const r = await run(['audit', inputs, '--baseline', earlierDir, '--format', 'html', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    // The stray file and the facility without an earlier report are warnings, not stops.
    expect(r.stderr).toMatch(/warning: --baseline .*notes\.json: not an ereje audit report/);
    expect(r.stderr).toMatch(/warning: home-care-2010\.xlsx: the --baseline folder has no earlier report of facility ONP-07; audited without follow-up\./);
    // A batch summary among the earlier reports is passed over without a word.
    expect(existsSync(join(earlierDir, 'summary.json'))).toBe(true);
    expect(r.stderr).not.toMatch(/--baseline \S*summary\.json/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const residential = summary.workbooks.find((b: { file: string }) => b.file === 'residential-2010.xlsx');
    expect(residential.follow_up).toEqual({ baseline: 'residential-2010.xlsx', new: 15, persisting: 4, resolved: 2 });
    expect(summary.workbooks.find((b: { file: string }) => b.file === 'home-care-2010.xlsx').follow_up).toBeNull();
    expect(summary.totals).toMatchObject({ new: 15, persisting: 4, resolved: 2 });
    expect(readFileSync(join(out, 'residential-2010.html'), 'utf8')).toContain('fu-persisting');
    // A single file cannot be the baseline of several workbooks.
    const file = await run(['audit', inputs, '--baseline', earlierJson, '--lang', 'en']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/with several workbooks give a folder of earlier reports/);
  });
});
