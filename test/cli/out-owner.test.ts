// `--out` never replaces a user's file: an existing file at a report path is replaced only when it is a
// report ereje wrote (a re-run, a nightly script, a batch into the same folder), or with --force; an
// input is never replaced, --force or not.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { facilitySheet, licenceRules, run, xlsxBytes } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ereje-out-owner-'));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
let rules: string;

/** A folder with two facilities' one-sheet workbooks, a.xlsx (Kazakh name) and b.xlsx (Russian name). */
function facilities(name: string): { dir: string; a: string; b: string } {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const a = join(dir, 'a.xlsx'), b = join(dir, 'b.xlsx');
  writeFileSync(a, xlsxBytes({ facility: facilitySheet({ name: 'Балалар үйі №1', to: '2010-06-30' }) }));
  writeFileSync(b, xlsxBytes({ facility: facilitySheet({ name: 'Дом-интернат «Шапағат»', from: '2010-07-01', to: '2010-12-31' }) }));
  return { dir, a, b };
}

const audit = (args: readonly string[]) => run(['audit', ...args, '--rules', rules, '--jobs', '1']);
const notOurs = (path: string) =>
  `ereje: --out: ${path} exists and is not a report ereje wrote; ereje never overwrites a user's file. Choose another --out, move the file away, or add --force to replace it.\n`;

beforeAll(() => {
  rules = licenceRules(join(tmp, 'licence-rules'));
});

describe('ereje audit --out over an existing file', () => {
  it('refuses another workbook at --out and leaves it byte-identical; --force replaces it', async () => {
    const { a, b } = facilities('other-workbook');
    const before = sha(a);
    for (const format of [[], ['--format', 'xlsx']]) {
      const r = await audit([b, '--out', a, ...format, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(notOurs(a));
      expect(sha(a)).toBe(before);
    }
    const ru = await audit([b, '--out', a, '--lang', 'ru']);
    expect(ru.stderr).toMatch(/^ereje: --out: .*a\.xlsx уже существует, и его записал не ereje; .* добавьте --force, чтобы заменить его\.\n$/);
    const forced = await audit([b, '--out', a, '--force', '--lang', 'en']);
    expect(forced.code).toBe(0);
    expect(sha(a)).not.toBe(before);
    expect(XLSX.read(readFileSync(a)).Custprops).toEqual({ 'ereje-report': 'ereje.audit-report/1' });
  });

  it('refuses a user\'s own .md, .json and .html (even ones that mention ereje), and replaces them with --force', async () => {
    const { dir, b } = facilities('user-files');
    const files: Record<string, string> = {
      'notes.md': '# Тексеру жоспары\n\nereje audit b.xlsx --out notes.md\n',
      'settings.json': '{ "reports": "ereje.audit-report/1", "schema": "mine" }\n',
      'quoted.json': '[{ "schema": "ereje.audit-report/1" }]\n',
      'draft.json': '{ "schema": "ereje.audit-report/1", "notes": [\n',
      'page.html': '<!DOCTYPE html>\n<html><body><p>Отчёт проверки</p></body></html>\n',
    };
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const r = await audit([b, '--out', path, '--lang', 'en']);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toBe(notOurs(path));
      expect(readFileSync(path, 'utf8')).toBe(text);
      const forced = await audit([b, '--out', path, '--force', '--lang', 'en']);
      expect(forced.code, name).toBe(0);
      expect(readFileSync(path, 'utf8')).not.toBe(text);
    }
  });

  it('replaces its own earlier report at the same --out, in every format', async () => {
    const { dir, b } = facilities('rerun');
    for (const ext of ['json', 'md', 'html', 'xlsx']) {
      const out = join(dir, `report.${ext}`);
      expect((await audit([b, '--out', out, '--lang', 'en'])).code, ext).toBe(0);
      const first = sha(out);
      const again = await audit([b, '--out', out, '--lang', 'ru']);
      expect(again.code, ext).toBe(0);
      expect(again.stderr).toBe(`ereje: записано: ${out}\n`);
      expect(sha(out), ext).not.toBe(first);
      // The same kind of file that ereje did not write is not replaced.
      const mine = join(dir, `mine.${ext}`);
      copyFileSync(ext === 'xlsx' ? b : join('reports', 'samples', `day-care-2010.en.${ext}`), mine);
      if (ext !== 'xlsx') writeFileSync(mine, `${readFileSync(mine, 'utf8').replace(/ereje\.audit-report\/1/g, 'my notes')}`);
      const kept = sha(mine);
      expect((await audit([b, '--out', mine, '--lang', 'en'])).code, ext).toBe(2);
      expect(sha(mine), ext).toBe(kept);
    }
    // A report written to a path without a known extension is JSON, and is recognised as such.
    const plain = join(dir, 'report.out');
    expect((await audit([b, '--out', plain, '--lang', 'en'])).code).toBe(0);
    expect((await audit([b, '--out', plain, '--lang', 'kk'])).code).toBe(0);
  });

  it('a batch re-run into the same folder replaces its reports and summaries', async () => {
    const { dir } = facilities('batch-rerun');
    const out = join(tmp, 'batch-rerun-out');
    for (const format of ['html', 'md', 'xlsx', 'json']) {
      expect((await audit([dir, '--format', format, '--out', out, '--lang', 'en'])).code, format).toBe(0);
      const first = readdirSync(out).map((f) => [f, sha(join(out, f))]);
      const again = await audit([dir, '--format', format, '--out', out, '--lang', 'kk']);
      expect(again.code, format).toBe(0);
      const changed = readdirSync(out).filter((f) => first.some(([name, hash]) => name === f && hash !== sha(join(out, f))));
      expect(changed.sort(), format).toEqual([`a.${format}`, `b.${format}`, 'summary.html', 'summary.json'].filter((f, i, all) => all.indexOf(f) === i).sort());
    }
    // Once a user's file takes a report's place, the next run writes nothing, not even the reports before it.
    writeFileSync(join(out, 'b.json'), '{"mine": true}\n');
    const written = readdirSync(out).map((f) => [f, sha(join(out, f))]);
    const refused = await audit([dir, '--format', 'json', '--out', out, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(notOurs(join(out, 'b.json')));
    expect(readdirSync(out).map((f) => [f, sha(join(out, f))])).toEqual(written);
  });

  it('refuses a folder holding a file it did not write where a report or summary would go, before writing anything', async () => {
    const { dir } = facilities('foreign-in-folder');
    for (const [name, text] of [['b.json', '{"x": 1}\n'], ['summary.html', '<!DOCTYPE html><p>our summary</p>\n']] as const) {
      const out = join(tmp, `foreign-out-${name}`);
      mkdirSync(out);
      writeFileSync(join(out, name), text);
      const r = await audit([dir, '--format', 'json', '--out', out, '--lang', 'en']);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toBe(notOurs(join(out, name)));
      expect(r.stdout).toBe('');
      // Not a.json either: nothing is written when any target is refused.
      expect(readdirSync(out)).toEqual([name]);
      expect(readFileSync(join(out, name), 'utf8')).toBe(text);
      expect((await audit([dir, '--format', 'json', '--out', out, '--force'])).code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['a.json', 'b.json', 'summary.html', 'summary.json']);
    }
  });

  it('refuses, without opening it, a fifo or a folder at a report path', async () => {
    const { dir, b } = facilities('not-files');
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = await audit([b, '--out', fifo, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(notOurs(fifo));
    const out = join(tmp, 'folder-at-report-path');
    mkdirSync(join(out, 'a.json'), { recursive: true });
    const folder = await audit([dir, '--out', out, '--lang', 'en']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(notOurs(join(out, 'a.json')));
  });

  it('refuses an input at --out even with --force', async () => {
    const { dir, a, b } = facilities('input-force');
    const before = [sha(a), sha(b)];
    const r = await audit([a, '--out', a, '--force', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ereje: --out ${a}: this is the input ${a}; ereje never overwrites a user's file. Give the report another path.\n`);
    const folder = await audit([dir, '--format', 'xlsx', '--out', dir, '--force', '--lang', 'en']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/the report a\.xlsx would replace the input .*a\.xlsx; ereje never overwrites a user's file\./);
    expect([sha(a), sha(b)]).toEqual(before);
  });
});

describe('ereje diff --out over an existing file', () => {
  it('replaces its own earlier output, refuses a user\'s file unless --force, and never one of the two reports', async () => {
    const { dir, a } = facilities('diff');
    const earlier = join(dir, 'earlier.json'), later = join(dir, 'later.json');
    expect((await audit([a, '--out', earlier])).code).toBe(0);
    copyFileSync(earlier, later);
    const out = join(dir, 'follow-up.md');
    expect((await run(['diff', earlier, later, '--out', out, '--lang', 'en'])).code).toBe(0);
    const first = sha(out);
    expect((await run(['diff', earlier, later, '--out', out, '--lang', 'ru'])).code).toBe(0);
    expect(sha(out)).not.toBe(first);

    const notes = join(dir, 'notes.html');
    writeFileSync(notes, '<!DOCTYPE html><title>notes</title>\n');
    const refused = await run(['diff', earlier, later, '--out', notes, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(notOurs(notes));
    expect(readFileSync(notes, 'utf8')).toBe('<!DOCTYPE html><title>notes</title>\n');
    expect((await run(['diff', earlier, later, '--out', notes, '--force'])).code).toBe(0);
    expect(readFileSync(notes, 'utf8')).toMatch(/ereje\.audit-report\/1/);

    const before = sha(later);
    const input = await run(['diff', earlier, later, '--out', later, '--force', '--lang', 'en']);
    expect(input.code).toBe(2);
    expect(sha(later)).toBe(before);
    expect(existsSync(join(dir, 'follow-up.md'))).toBe(true);
  });
});
