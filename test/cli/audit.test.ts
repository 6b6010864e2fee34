// `ereje audit` end to end through main(): the real rule pack and the example workbooks.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { reportWords } from '../../src/report/i18n.ts';
import type { AuditReport } from '../../src/report/types.ts';
import { schemaErrors } from '../report/fixtures.ts';
import { facilitySheet, licenceRules, run, xlsxBytes, zipBomb } from './helpers.ts';
import { CORNER_CELLS_SOURCE, cornerCellsWorkbook } from '../fixtures/corner-cells.ts';

const RESIDENTIAL = 'examples/residential-2010.xlsx';
const tmp = mkdtempSync(join(tmpdir(), 'ereje-audit-'));

interface Expected { workbook: string; clause: string; subject: string; period: string | null; item: string | null }
const expected = JSON.parse(readFileSync('examples/expected-findings.json', 'utf8')) as Expected[];
const key = (f: { clause: string; subject: string; period?: string | null; item: string | null }) =>
  `${f.clause} ${f.subject} ${f.period ?? '-'} ${f.item ?? '-'}`;

function oneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('ereje audit on the example workbooks', () => {
  it('prints a terminal summary in Kazakh by default and exits 1 for the residential example', async () => {
    const r = await run(['audit', RESIDENTIAL]);
    const kk = reportWords('kk');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${kk.facility}: «Мейірім»`);
    expect(r.stdout).toContain('2010-01-01 … 2010-06-30');
    expect(r.stdout).toContain('residential@2009-240-o');
    expect(r.stdout).toContain(`${kk.status}: ${kk.verdict.non_compliant}`);
    expect(r.stdout).toMatch(/A1\.40 R-08 — /);
    expect(r.stdout).toContain(kk.notEvaluated);
  });

  it('writes a JSON report that the schema accepts, with exactly the documented findings, byte-identical twice', async () => {
    const a = await run(['audit', RESIDENTIAL, '--format', 'json', '--lang', 'ru']);
    const b = await run(['audit', RESIDENTIAL, '--format', 'json', '--lang', 'ru']);
    expect(a.code).toBe(1);
    expect(b.stdout).toBe(a.stdout);
    const report = JSON.parse(a.stdout) as AuditReport;
    expect(schemaErrors(report)).toBe('');
    expect(report.findings.map(key).sort()).toEqual(expected.filter((e) => e.workbook === 'residential-2010.xlsx').map(key).sort());
    expect(report.findings.every((f) => /[а-яё]/i.test(f.message))).toBe(true);
    expect(report.summary.findings).toBe(report.findings.length);
    expect(report.summary.rules).toBe(report.summary.passed + report.summary.failed + report.summary.not_evaluated);
    expect(report.not_evaluated.some((n) => n.clause === 'A1.43')).toBe(true);
  });

  it('audits a folder: one report per workbook under --out, a summary table on stdout, exit = worst', async () => {
    const out = join(tmp, 'folder-out');
    const r = await run(['audit', 'examples', '--format', 'html', '--lang', 'en', '--out', out]);
    expect(r.code).toBe(1);
    const names = readdirSync('examples').filter((f) => f.endsWith('.xlsx')).sort();
    expect(readdirSync(out).sort()).toEqual([...names.map((n) => n.replace(/\.xlsx$/, '.html')), 'summary.html', 'summary.json'].sort());
    const w = reportWords('en');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${w.file}\\s+${w.facility}\\s+${w.period}`));
    expect(lines).toHaveLength(2 + names.length);
    for (const n of names) expect(r.stdout).toMatch(new RegExp(`${n.replace('.', '\\.')}.* 1$`, 'm'));
    const html = readFileSync(join(out, 'home-care-2010.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<blockquote lang="kk">');
  });

  it('writes Markdown and xlsx to files, picking the format from the extension', async () => {
    const md = join(tmp, 'r.md');
    const r1 = await run(['audit', 'examples/day-care-2010.xlsx', '--lang', 'ru', '--out', md]);
    expect(r1.code).toBe(1);
    const ru = reportWords('ru');
    expect(readFileSync(md, 'utf8')).toMatch(new RegExp(`^\\*\\*${ru.status}: ${ru.verdict.non_compliant} — .*\\*\\*\n\n# ${ru.title}: `));
    const xlsx = join(tmp, 'r.xlsx');
    const r2 = await run(['audit', 'examples/day-care-2010.xlsx', '--format', 'xlsx', '--out', xlsx]);
    expect(r2.code).toBe(1);
    const book = XLSX.read(readFileSync(xlsx), { type: 'buffer' });
    const kk = reportWords('kk');
    expect(book.SheetNames).toEqual([kk.summary, kk.findings, kk.bySubject, kk.allFindings, kk.notEvaluated, kk.inputErrors]);
  });

  it('refuses an --out extension that contradicts --format, writing nothing', async () => {
    const out = join(tmp, 'out.json');
    const r = await run(['audit', 'examples/day-care-2010.xlsx', '--lang', 'en', '--out', out, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ereje: --format md contradicts --out ${out}, whose name says json; name the file .md, or leave --format out.\n`);
    expect(existsSync(out)).toBe(false);
    const agree = await run(['audit', 'examples/day-care-2010.xlsx', '--out', join(tmp, 'same.md'), '--format', 'md']);
    expect(agree.code).toBe(1);
    expect(readFileSync(join(tmp, 'same.md'), 'utf8')).toMatch(/^\*\*/);
  });
});

describe('ereje audit on a workbook with cells in its last row and column (test/fixtures/corner-cells.ts)', () => {
  it('gives the findings of the day-care example it was made from, and names the stray cells', async () => {
    // The day-care example with `D-99` in A1048576 and `x` in XFD1048576 of the children sheet: reading
    // it once cost a visit per row and column (over 100 s); now a visit per cell.
    const cornerPath = join(tmp, 'corner-cells.xlsx');
    writeFileSync(cornerPath, cornerCellsWorkbook());
    const corner = await run(['audit', cornerPath, '--format', 'json', '--lang', 'en']);
    const example = await run(['audit', CORNER_CELLS_SOURCE, '--format', 'json', '--lang', 'en']);
    const [a, b] = [JSON.parse(corner.stdout) as AuditReport, JSON.parse(example.stdout) as AuditReport];
    expect(a.findings).toEqual(b.findings);
    // D-99, a child code with nothing else, is rejected: the rules that go through the children were
    // not shown to pass for it, and say so; everything else is the example's.
    const strayRow = (n: AuditReport['not_evaluated'][number]) => n.subject === undefined && n.sheet === 'children' && n.reason.includes('row 1048576');
    expect(a.not_evaluated.filter((n) => !strayRow(n))).toEqual(b.not_evaluated);
    expect(a.not_evaluated.filter(strayRow).length).toBeGreaterThan(0);
    expect(a.input_errors.map((e) => [e.code, e.cell])).toEqual([
      ['blank-header', 'children!XFD1'], ['missing-cell', 'children!D1048576'], ['missing-cell', 'children!B1048576'], ['missing-cell', 'children!G1048576'],
    ]);
    expect([corner.code, a.result]).toEqual([1, 'non_compliant']);
  });
});

describe('ereje audit never overwrites an input', () => {
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  const oneLine = (r: { stderr: string }) => expect(r.stderr.trim().split('\n')).toHaveLength(1);

  it('refuses --out naming the input workbook, however it is spelt or linked (exit 2, bytes unchanged)', async () => {
    const dir = join(tmp, 'clash');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const input = join(dir, 'facility.xlsx');
    copyFileSync(RESIDENTIAL, input);
    const before = sha(input);
    symlinkSync(input, join(dir, 'link.xlsx'));
    // Spelt with a literal `..` (join would fold it away), also through a folder that does not exist: the
    // kernel cannot resolve that path, but the report's folder would be made and the input replaced.
    for (const out of [input, `${dir}/sub/../facility.xlsx`, `${dir}/nowhere/../facility.xlsx`, join(dir, 'link.xlsx')]) {
      for (const format of [[], ['--format', 'xlsx']]) {
        const r = await run(['audit', input, '--out', out, ...format, '--lang', 'en']);
        expect(r.code, out).toBe(2);
        expect(r.stderr).toBe(`ereje: --out ${out}: this is the input ${input}; ereje never overwrites a user's file. Give the report another path.\n`);
        expect(r.stdout).toBe('');
      }
    }
    // Through the symbolic link as the input, too.
    const viaLink = await run(['audit', join(dir, 'link.xlsx'), '--out', input, '--lang', 'ru']);
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toMatch(/^ereje: --out .*facility\.xlsx: это входной файл .*link\.xlsx; ereje никогда не перезаписывает файлы пользователя/);
    oneLine(viaLink);
    expect(sha(input)).toBe(before);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('refuses a folder where a report would replace an input, before writing any report', async () => {
    const dir = join(tmp, 'folder-clash');
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync('examples').filter((n) => n.endsWith('.xlsx'))) copyFileSync(join('examples', f), join(dir, f));
    const before = readdirSync(dir).map((f) => [f, sha(join(dir, f))]);
    const r = await run(['audit', dir, '--format', 'xlsx', '--out', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ereje: --out .*folder-clash: the report day-care-2010\.xlsx would replace the input .*day-care-2010\.xlsx; ereje never overwrites a user's file\./);
    oneLine(r);
    expect(readdirSync(dir).map((f) => [f, sha(join(dir, f))])).toEqual(before);
    // The same folder is fine for reports that replace nothing.
    const json = await run(['audit', dir, '--format', 'json', '--out', dir]);
    expect(json.code).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(['day-care-2010.json', 'home-care-2010.json', 'residential-2010.json', 'summary.json']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => [f, sha(join(dir, f))])).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses --out naming the --mapping file', async () => {
    const mapping = join(tmp, 'names.json');
    writeFileSync(mapping, '{"sheets": {}}');
    const r = await run(['audit', RESIDENTIAL, '--mapping', mapping, '--out', mapping, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(readFileSync(mapping, 'utf8')).toBe('{"sheets": {}}');
  });

  it('with several workbooks, --out must be a folder', async () => {
    const file = join(tmp, 'several.json');
    const r = await run(['audit', RESIDENTIAL, 'examples/day-care-2010.xlsx', '--out', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ereje: --out ${file}: with several workbooks --out must be a folder (one report per workbook); give a folder.\n`);
    expect(existsSync(file)).toBe(false);
  });
});

describe('ereje audit exit codes on built workbooks', () => {
  it('0 only when every rule in force was evaluated and nothing failed', async () => {
    const path = join(tmp, 'licensed.xlsx');
    writeFileSync(path, xlsxBytes({ facility: facilitySheet({ to: '2010-06-30' }) }));
    const r = await run(['audit', path, '--rules', licenceRules(join(tmp, 'licence-rules')), '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as AuditReport;
    expect(report.result).toBe('compliant');
    expect(report.summary).toMatchObject({ rules: 1, passed: 1, not_evaluated: 0 });
  });

  it('1, incomplete, for a workbook of just the facility sheet: the rules that need the other sheets were not evaluated', async () => {
    const path = join(tmp, 'facility-only.xlsx');
    writeFileSync(path, xlsxBytes({ facility: facilitySheet({ to: '2010-06-30' }) }));
    const r = await run(['audit', path, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as AuditReport;
    expect(report.result).toBe('incomplete');
    expect(report.findings).toEqual([]);
    expect(report.not_evaluated.find((n) => n.clause === 'A1.33')).toMatchObject({ cause: 'workbook', sheet: 'children' });
    const terminal = await run(['audit', path, '--lang', 'en']);
    expect(terminal.code).toBe(1);
    expect(terminal.stdout.split('\n')[0]).toBe('Result: Incomplete — no non-compliance found; the workbook lacks sheet «children», sheet «groups», sheet «staff», sheet «plans», sheet «journal», … and 10 more');
  });

  it('1 for input errors alone, with sheet, row, column and value', async () => {
    const path = join(tmp, 'bad-date.xlsx');
    writeFileSync(path, xlsxBytes({
      facility: facilitySheet({ to: '2010-06-30' }),
      children: [['child_id', 'birth_date', 'admitted_on', 'funding'], ['C-1', '31.02.2004', '2009-01-10', 'budget']],
    }));
    const r = await run(['audit', path, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as AuditReport;
    expect(report.input_errors).toContainEqual(expect.objectContaining({ sheet: 'children', row: 2, column: 'birth_date', value: '31.02.2004' }));
  });

  it('2 with one line for a text file named .xlsx', async () => {
    const path = join(tmp, 'x.xlsx');
    writeFileSync(path, 'child_id,birth_date\nC-1,2003-01-01\n');
    const r = await run(['audit', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ereje: .*x\.xlsx is not an \.xlsx workbook/);
    const kk = await run(['audit', path]);
    expect(kk.stderr).toBe('ereje: x.xlsx — .xlsx жұмыс кітабы емес (zip каталогы табылмады); деректерді Excel-ден .xlsx ретінде сақтаңыз.\n');
    const ru = await run(['audit', path, '--lang', 'ru']);
    expect(ru.stderr).toBe('ereje: x.xlsx — не книга .xlsx (каталог zip не найден); сохраните данные из Excel в формате .xlsx.\n');
    oneLine(r.stderr);
  });

  it('2 with one line for a zip bomb', async () => {
    const path = join(tmp, 'bomb.xlsx');
    writeFileSync(path, zipBomb());
    const r = await run(['audit', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ereje: .*bomb\.xlsx.*inflates to more than its declared/);
    oneLine(r.stderr);
  });

  it('2 with one line when no ruleset is in force for the period (2015)', async () => {
    const path = join(tmp, 'f2015.xlsx');
    writeFileSync(path, xlsxBytes({ facility: facilitySheet({ from: '2015-01-01', to: '2015-06-30' }) }));
    const r = await run(['audit', path, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ereje: f2015\.xlsx: no ruleset version for "residential" is in force during 2015-01-01 \.\. 2015-06-30/);
    oneLine(r.stderr);
  });

  it('2 with one line when the rule files do not compile', async () => {
    const rules = join(tmp, 'broken-rules');
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, 'x.ereje'), 'ruleset residential version "1" { applies_to residential\n');
    const r = await run(['audit', RESIDENTIAL, '--rules', rules, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ereje: the rule files in .*broken-rules do not compile — .*x\.ereje:\d+:\d+: .*run `ereje rules check/);
    oneLine(r.stderr);
  });

  it('a bad workbook among several: reported, the others still audited, exit 2', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a-bad.xlsx'), 'not a workbook');
    writeFileSync(join(dir, 'b-ok.xlsx'), xlsxBytes({ facility: facilitySheet({ to: '2010-06-30' }) }));
    const out = join(tmp, 'mixed-out');
    const r = await run(['audit', dir, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a-bad\.xlsx is not an \.xlsx workbook/);
    expect(r.stdout).toMatch(/^a-bad\.xlsx\s+—\s+—.*2$/m);
    expect(r.stdout).toMatch(/^b-ok\.xlsx\s+Балалар үйі №1.* 1$/m);
    expect(existsSync(join(out, 'b-ok.json'))).toBe(true);
    expect(existsSync(join(out, 'a-bad.json'))).toBe(false);
  });

  it('2 with one line for a workbook over --max-size', async () => {
    const r = await run(['audit', RESIDENTIAL, '--max-size', '0.001', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/residential-2010\.xlsx: the file is \d+ kB, more than the 1 kB limit; .*raise --max-size/);
    oneLine(r.stderr);
  });

  it("reads a facility's own sheet and column names through --mapping", async () => {
    const path = join(tmp, 'own-names.xlsx');
    const [header, row] = facilitySheet({ to: '2010-06-30' });
    writeFileSync(path, xlsxBytes({ 'Our facility': [header!.map((h) => (h === 'name' ? 'Title' : h)), row!] }));
    const mapping = join(tmp, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ sheets: { 'Our facility': 'facility' }, columns: { facility: { Title: 'name' } } }));
    const without = await run(['audit', path]);
    expect(without.code).toBe(2);
    const r = await run(['audit', path, '--mapping', mapping, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as AuditReport).facility.name).toBe('Балалар үйі №1');
    expect((JSON.parse(r.stdout) as AuditReport).input_errors.filter((e) => e.code === 'unused-mapping')).toEqual([]);
  });
});
