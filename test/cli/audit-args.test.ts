// `ereje audit` argument errors: each is exit 2 with one line on stderr and nothing on stdout.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ereje-audit-args-'));
const some = join(dir, 'a.xlsx');
writeFileSync(some, 'not used');

function expectOneLineFatal(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('ereje audit arguments', () => {
  it('a missing file', async () => {
    expectOneLineFatal(await run(['audit', join(dir, 'nope.xlsx'), '--lang', 'en']), /^ereje: .*nope\.xlsx: no such file or folder; check the path/);
  });

  it('an unknown --format', async () => {
    const r = await run(['audit', some, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/'pdf' is invalid\. Allowed choices are json, md, html, xlsx/);
  });

  it('an unknown --lang', async () => {
    const r = await run(['audit', some, '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are kk, ru, en/);
  });

  it('an --as-of that is not a date', async () => {
    expectOneLineFatal(await run(['audit', some, '--as-of', '31.02.2010', '--lang', 'en']), /^ereje: --as-of 31\.02\.2010: not a date; write it as 2010-10-31 or 31\.10\.2010/);
  });

  it('a --max-size that is not a positive number', async () => {
    expectOneLineFatal(await run(['audit', some, '--max-size', 'lots', '--lang', 'en']), /--max-size lots: give the limit in megabytes/);
  });

  it('a --mapping file that is not JSON', async () => {
    const m = join(dir, 'm.json');
    writeFileSync(m, '{ nope');
    expectOneLineFatal(await run(['audit', some, '--mapping', m, '--lang', 'en']), /--mapping .*m\.json: the mapping file must be JSON/);
  });

  it('a folder with no workbooks', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ereje-empty-'));
    expectOneLineFatal(await run(['audit', empty, '--lang', 'en']), /the folder has no \.xlsx workbooks/);
  });

  it('several workbooks with --format but no --out', async () => {
    const b = join(dir, 'b.xlsx');
    writeFileSync(b, 'x');
    expectOneLineFatal(await run(['audit', some, b, '--format', 'json', '--lang', 'en']), /2 workbooks and --format json: give --out DIR/);
  });

  it('--format xlsx without --out', async () => {
    expectOneLineFatal(await run(['audit', some, '--format', 'xlsx', '--lang', 'en']), /--format xlsx writes a binary workbook: give --out FILE\.xlsx/);
  });

  it('says it in the chosen language, with no English wrapper (Kazakh by default)', async () => {
    const kk = await run(['audit', join(dir, 'nope.xlsx')]);
    expectOneLineFatal(kk, /^ereje: .*nope\.xlsx: мұндай файл немесе қалта жоқ; жолды тексеріңіз/);
    expect(kk.stderr.replace(/^ereje: /, '').replace(/\S*nope\.xlsx/, '').replace('.xlsx', '')).not.toMatch(/[A-Za-z]{3,}/);
    const ru = await run(['audit', some, '--as-of', '31.02.2010', '--lang', 'ru']);
    expectOneLineFatal(ru, /^ereje: --as-of 31\.02\.2010: это не дата; напишите её как 2010-10-31 или 31\.10\.2010\.$/m);
    const sizeKk = await run(['audit', some, '--max-size', 'lots', '--lang=kk']);
    expectOneLineFatal(sizeKk, /^ereje: --max-size lots: шекті мегабайтпен/);
    const several = await run(['audit', some, some.replace('a.xlsx', 'b.xlsx'), '--format', 'md', '--lang', 'ru']);
    expectOneLineFatal(several, /^ereje: 2 книг и --format md: укажите --out ПАПКА/);
  });

  it('prints a stack only with --debug', async () => {
    const r = await run(['audit', join(dir, 'nope.xlsx'), '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('two workbooks of one name: refused before anything is read when their reports would share a folder, audited when printed', async () => {
    for (const sub of ['north', 'south']) {
      mkdirSync(join(dir, sub), { recursive: true });
      copyFileSync('examples/day-care-2010.xlsx', join(dir, sub, 'Day-care.xlsx'));
    }
    const a = join(dir, 'north', 'Day-care.xlsx');
    const b = join(dir, 'south', 'Day-care.xlsx');
    const out = join(dir, 'same-name-out');
    expectOneLineFatal(await run(['audit', a, b, '--lang', 'en', '--format', 'json', '--out', out]), /two workbooks are named Day-care\.xlsx; their reports would overwrite each other/);
    expect(existsSync(out)).toBe(false);
    // Case alone differs: on Windows and macOS the two report files would be one.
    copyFileSync('examples/day-care-2010.xlsx', join(dir, 'south', 'day-care.xlsx'));
    expectOneLineFatal(await run(['audit', a, join(dir, 'south', 'day-care.xlsx'), '--lang', 'en', '--format', 'json', '--out', out]), /two workbooks are named/);
    // Nothing is written: the terminal summaries of both, one after the other.
    const printed = await run(['audit', a, b, '--lang', 'en']);
    expect(printed.code).toBe(1);
    expect(printed.stdout.match(/Day-care\.xlsx/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
