// `ereje audit` on files that are not what they claim, and on batches where some workbooks fail: every
// failure is one line for that file, the batch goes on, and nothing a workbook holds can drive the terminal.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { editZip, readZipEntries, zipOf } from '../ingest/zip-builder.ts';
import { facilitySheet, licenceRules, run, xlsxBytes, type Captured } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ereje-hostile-'));
const FIXTURES = resolve('test/fixtures/hostile');
const small = () => xlsxBytes({ facility: facilitySheet({ to: '2010-06-30' }) });
// A one-rule pack the small workbook complies with (the real pack would find it incomplete: it has one sheet).
const RULES = licenceRules(join(tmp, 'licence-rules'));
const isRoot = process.getuid?.() === 0;
const linux = process.platform === 'linux';

function oneLineFatal(r: Captured, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
}

/** No ESC, BEL or other control character reaches the terminal raw (newlines end lines, nothing else). */
function noRawControls(text: string): void {
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

describe('files that are not regular files are refused without being read', () => {
  it.skipIf(!linux)('/dev/zero: one line, at once', async () => {
    oneLineFatal(await run(['audit', '/dev/zero', '--lang', 'en', '--rules', RULES]), /^ereje: \/dev\/zero: not a regular file \(a device\), so it is not read/);
  });

  it.skipIf(!linux)('a fifo as the workbook or as --mapping does not hang', async () => {
    const fifo = join(tmp, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    oneLineFatal(await run(['audit', fifo, '--lang', 'en', '--rules', RULES]), /pipe\.xlsx: not a regular file \(a pipe \(fifo\)\)/);
    const path = join(tmp, 'for-fifo-mapping.xlsx');
    writeFileSync(path, small());
    oneLineFatal(await run(['audit', path, '--mapping', fifo, '--lang', 'en', '--rules', RULES]), /^ereje: --mapping .*pipe\.xlsx: not a regular file/);
  });

  it.skipIf(!linux)('the size limit holds while reading, for a file whose size stat does not tell (/proc)', async () => {
    // /proc files report size 0 and hold kilobytes: only a limit applied while reading stops them.
    oneLineFatal(await run(['audit', '/proc/self/maps', '--max-size', '0.001', '--lang', 'en', '--rules', RULES]), /^ereje: \/proc\/self\/maps: the file is over 1 kB, more than the 1 kB limit/);
  });

  it('a folder named .xlsx given directly is audited as a folder; inside a folder it is one failed row', async () => {
    const dir = join(tmp, 'folder-entry');
    mkdirSync(join(dir, 'sub.xlsx'), { recursive: true });
    writeFileSync(join(dir, 'ok.xlsx'), small());
    const r = await run(['audit', dir, '--lang', 'en', '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ereje: .*sub\.xlsx: not a regular file \(a folder\), so it is not read; give the path of an \.xlsx workbook\.$/m);
    expect(r.stdout).toMatch(/^sub\.xlsx\s+—\s+—.*2$/m);
    expect(r.stdout).toMatch(/^ok\.xlsx\s+Балалар үйі №1.* 0$/m);
  });
});

describe('unreadable files', () => {
  it.skipIf(isRoot)('a workbook without read permission is one line, and the batch goes on (skipped as root: chmod does not stop root reading)', async () => {
    const dir = join(tmp, 'perm');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-locked.xlsx'), small());
    chmodSync(join(dir, 'a-locked.xlsx'), 0o000);
    writeFileSync(join(dir, 'b-ok.xlsx'), small());
    const r = await run(['audit', dir, '--lang', 'en', '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ereje: .*a-locked\.xlsx: cannot read the file \(permission denied\)/m);
    expect(r.stdout).toMatch(/^a-locked\.xlsx\s+—.*2$/m);
    expect(r.stdout).toMatch(/^b-ok\.xlsx\s+Балалар үйі №1.* 0$/m);
    const single = await run(['audit', join(dir, 'a-locked.xlsx'), '--lang', 'en', '--rules', RULES]);
    oneLineFatal(single, /a-locked\.xlsx: cannot read the file \(permission denied\)/);
  });

  it('a link to nothing is one line for that file, and the batch goes on', async () => {
    const dir = join(tmp, 'dangling');
    mkdirSync(dir);
    symlinkSync(join(dir, 'gone.xlsx'), join(dir, 'a-broken.xlsx'));
    writeFileSync(join(dir, 'b-ok.xlsx'), small());
    const r = await run(['audit', dir, '--lang', 'en', '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/a-broken\.xlsx: cannot read the file \(it does not exist, or is a link to nothing\)/);
    expect(r.stdout).toMatch(/^b-ok\.xlsx\s+Балалар үйі №1.* 0$/m);
  });
});

describe('folders', () => {
  it('include .xlsx files that are symbolic links to regular files', async () => {
    const elsewhere = join(tmp, 'elsewhere.xlsx');
    writeFileSync(elsewhere, small());
    const dir = join(tmp, 'links');
    mkdirSync(dir);
    symlinkSync(elsewhere, join(dir, 'linked.xlsx'));
    const out = join(tmp, 'links-out');
    const r = await run(['audit', dir, '--out', out, '--lang', 'en', '--rules', RULES]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^linked\.xlsx\s+Балалар үйі №1.* 0$/m);
    expect(readdirSync(out).sort()).toEqual(['linked.json', 'summary.html', 'summary.json']);
  });
});

describe('--mapping', () => {
  const path = join(tmp, 'own-names.xlsx');
  const [header, row] = facilitySheet({ to: '2010-06-30' });
  writeFileSync(path, xlsxBytes({ 'Our facility': [header!, row!] }));

  it('accepts a JSON file saved with a UTF-8 byte-order mark', async () => {
    const mapping = join(tmp, 'bom.json');
    writeFileSync(mapping, '\uFEFF' + JSON.stringify({ sheets: { 'Our facility': 'facility' } }));
    const r = await run(['audit', path, '--mapping', mapping, '--format', 'json', '--lang', 'en', '--rules', RULES]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('says plainly, in one line, that a YAML file must be JSON', async () => {
    const mapping = join(tmp, 'mapping.yaml');
    writeFileSync(mapping, 'sheets:\n  Our facility: facility\ncolumns:\n  facility:\n    Title: name\n');
    oneLineFatal(await run(['audit', path, '--mapping', mapping, '--lang', 'en', '--rules', RULES]), /^ereje: --mapping .*mapping\.yaml: the mapping file must be JSON, such as \{"sheets": \{"Their sheet": "children"\}\}, and this file is not; YAML and other formats are not read\.$/m);
  });
});

describe('reproductions: workbooks that carry terminal escapes', () => {
  it('ids, sheet names and values are shown escaped in the terminal summary', async () => {
    const r = await run(['audit', join(FIXTURES, 'ansi.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(1);
    noRawControls(r.stdout);
    noRawControls(r.stderr);
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007');
  });

  it('the fatal line echoes the value escaped, on one line', async () => {
    const r = await run(['audit', join(FIXTURES, 'ansi-fatal.xlsx'), '--lang', 'en']);
    oneLineFatal(r, /cannot audit without the facility row — facility!E2: "\\u001b\]0;pwned\\u0007\\u001b\[2J" in column period_from is not a date/);
    noRawControls(r.stderr);
  });

  it('a file name with escape codes and a newline neither drives the terminal nor splits the summary table', async () => {
    const dir = join(tmp, 'names');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a\u001b[2J\nline.xlsx'), small());
    writeFileSync(join(dir, 'b\u0007.xlsx'), 'not a workbook');
    const r = await run(['audit', dir, '--lang', 'en', '--rules', RULES]);
    expect(r.code).toBe(2);
    noRawControls(r.stdout);
    noRawControls(r.stderr);
    const table = r.stdout.slice(r.stdout.lastIndexOf('File'));
    expect(table.trim().split('\n')).toHaveLength(4);
    expect(table).toMatch(/^a\\u001b\[2J line\.xlsx\s+Балалар үйі №1.* 0$/m);
    expect(table).toMatch(/^b\\u0007\.xlsx\s+—.*2$/m);
    expect(r.stderr).toMatch(/^ereje: b\\u0007\.xlsx is not an \.xlsx workbook/);
  });
});

describe('--format xlsx and long texts', () => {
  it('a facility name of 40,000 characters is cut to Excel\'s 32,767 with …, and the report is written', async () => {
    // SheetJS will not write a cell over 32,767 characters, so the long name is put into the sheet's XML by hand.
    const made = xlsxBytes({ facility: facilitySheet({ to: '2010-06-30', name: 'PLACEHOLDER' }) });
    const edits = Object.fromEntries([...readZipEntries(made)].filter(([, data]) => data.includes('PLACEHOLDER'))
      .map(([name, data]) => [name, data.toString('utf8').replace('PLACEHOLDER', 'Ж'.repeat(40_000))]));
    const path = join(tmp, 'long-name.xlsx');
    writeFileSync(path, editZip(made, edits));
    const out = join(tmp, 'long-name-report.xlsx');
    const r = await run(['audit', path, '--format', 'xlsx', '--out', out, '--lang', 'en', '--rules', RULES]);
    expect(r.stderr).toMatch(/^ereje: wrote /);
    expect(r.code).toBe(0);
    const report = XLSX.read(readFileSync(out), { type: 'buffer' });
    const cells = Object.entries(report.Sheets[report.SheetNames[0]!]!).filter(([k]) => !k.startsWith('!')).map(([, c]) => String((c as XLSX.CellObject).v));
    const name = cells.find((v) => v.startsWith('ЖЖЖ')) ?? '';
    expect(name).toHaveLength(32_767);
    expect(name.endsWith('Ж…')).toBe(true);
  });

  it('the long-cell reproduction writes its xlsx report', async () => {
    const out = join(tmp, 'long-cell-report.xlsx');
    const r = await run(['audit', join(FIXTURES, 'long-cell.xlsx'), '--format', 'xlsx', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  });
});

// 200 workbooks, 17 of which cannot be read, in every report format: with two threads (xlsx) failures fall
// on both threads and among the results the pool holds back (4 per thread); in one thread (the other
// formats, to spare a worker's start) each format's writer sees every good one.
describe('a batch of 200 workbooks with 17 that cannot be read', () => {
  it('writes 183 reports, a 200-row table and a 200-row summary in every format; each failure is one line; exit 2', async () => {
    const dir = join(tmp, 'batch');
    mkdirSync(dir);
    const good = small();
    const longCell = readFileSync(join(FIXTURES, 'long-cell.xlsx'));
    const bad: [string, () => void][] = [
      ['text', () => writeFileSync(join(dir, 'bad-text.xlsx'), 'child_id,birth_date\nC-1,2003-01-01\n')],
      ['empty', () => writeFileSync(join(dir, 'bad-empty.xlsx'), '')],
      ['truncated', () => writeFileSync(join(dir, 'bad-truncated.xlsx'), good.subarray(0, good.length >> 1))],
      ['crc', () => writeFileSync(join(dir, 'bad-crc.xlsx'), readFileSync(join(FIXTURES, 'crc-flip.xlsx')))],
      ['folder', () => mkdirSync(join(dir, 'bad-folder.xlsx'))],
      ['broken link', () => symlinkSync(join(dir, 'nowhere'), join(dir, 'bad-link.xlsx'))],
      ['device link', () => symlinkSync('/dev/null', join(dir, 'bad-device.xlsx'))],
      ['legacy xls', () => writeFileSync(join(dir, 'bad-legacy.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]))],
      ['plain zip', () => writeFileSync(join(dir, 'bad-zip.xlsx'), zipOf([['readme.txt', 'not a workbook']]))],
      ['no facility', () => writeFileSync(join(dir, 'bad-no-facility.xlsx'), xlsxBytes({ rooms: [['room_id'], ['R-1']] }))],
      ['period 2015', () => writeFileSync(join(dir, 'bad-2015.xlsx'), xlsxBytes({ facility: facilitySheet({ from: '2015-01-01', to: '2015-06-30' }) }))],
      ['html', () => writeFileSync(join(dir, 'bad-html.xlsx'), '<html><body>export</body></html>')],
      ['pdf', () => writeFileSync(join(dir, 'bad-pdf.xlsx'), '%PDF-1.4\n%âãÏÓ\n')],
      ['zeros', () => writeFileSync(join(dir, 'bad-zeros.xlsx'), Buffer.alloc(4096))],
      ['pk only', () => writeFileSync(join(dir, 'bad-pk.xlsx'), 'PK\u0003\u0004')],
      ['control name', () => writeFileSync(join(dir, 'bad-\u001b[31mred.xlsx'), 'x')],
      ['--as-of before the period', () => writeFileSync(join(dir, 'bad-as-of.xlsx'), xlsxBytes({ facility: facilitySheet({ from: '2010-06-01', to: '2010-06-30' }) }))],
    ];
    expect(bad).toHaveLength(17);
    for (const [, make] of bad) make();
    for (let i = 0; i < 182; i++) writeFileSync(join(dir, `good-${String(i).padStart(3, '0')}.xlsx`), good);
    writeFileSync(join(dir, 'good-long-cell.xlsx'), longCell);
    // The two-thread run last: the main thread takes its share of the audits with its code already warm
    // from the others (about a third of a second less CPU than first, when this file starts the worker).
    for (const [format, jobs] of [['json', '1'], ['md', '1'], ['html', '1'], ['xlsx', '2']] as const) {
      const out = join(tmp, `batch-out-${format}`);
      const r = await run(['audit', dir, '--format', format, '--out', out, '--lang', 'en', '--as-of', '2010-05-31', '--jobs', jobs]);
      expect(r.code).toBe(2);
      // 183 reports and the batch summary (summary.json, summary.html).
      expect(readdirSync(out)).toHaveLength(183 + 2);
      expect(readdirSync(out).filter((f) => f.endsWith(`.${format}`) && f.startsWith('good-'))).toHaveLength(183);
      expect(readdirSync(out).filter((f) => f.startsWith('bad-'))).toEqual([]);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { workbooks: unknown[] };
      expect(summary.workbooks).toHaveLength(200);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(2 + 200);
      expect(lines.filter((l) => / 2$/.test(l))).toHaveLength(17);
      const failures = r.stderr.trim().split('\n').filter((l) => !/^ereje: wrote /.test(l));
      expect(failures).toHaveLength(17);
      for (const line of failures) {
        expect(line).toMatch(/^ereje: /);
        expect(line).not.toMatch(/internal error|\bat .*:\d+:\d+/);
        expect(line.length).toBeLessThan(400);
      }
      noRawControls(r.stdout);
      noRawControls(r.stderr);
      expect(r.stderr).toMatch(/^ereje: wrote 183 reports to /m);
    }
  }, 180_000);
});
