// `ereje rules check` and `ereje rules fmt` on small rule folders written by the test.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

const GOOD = `ruleset residential version "t" {
  title en "T"
  applies_to residential
  act { number "1" date 2009-07-30 }
}
rule r { clause A1.2 severity major scope state quote "q"
  require yes message kk "a" ru "b" en "c" }
`;

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ereje-lang-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

describe('ereje rules check', () => {
  // Rulesets also go through the rule pack's checks (quotes against the act, manifests), so the clean
  // cases here use parameter files, which only the front end checks.
  it('exits 0 with a one-line summary when every file is clean', async () => {
    const dir = folder({ 'a/norms.ereje': 'table t by role: int { head = 1 }\n', 'b/params.ereje': 'table u by skill: int { none = 6 }\n', 'notes.txt': 'not a rule file' });
    const r = await run(['rules', 'check', dir, '--lang', 'en']);
    expect(r).toEqual({ code: 0, out: 'checked 2 files, 0 rules: no errors\n', err: '' });
  });

  it('prints each diagnostic with its source line to stderr and exits 2', async () => {
    const dir = folder({ 'one.ereje': GOOD.replace('require yes', 'require ye') });
    const r = await run(['rules', 'check', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/one\.ereje:7:11: error: unknown name 'ye' \(did you mean '.+'\?\)|one\.ereje:7:11: error: unknown name 'ye'/);
    expect(r.err).toContain('  require ye message');
    expect(r.err).toMatch(/checked 1 files, 1 rules: \d+ errors?\n$/);
  });

  it('refuses a folder without rule files, a missing path and a file that is not a rule file (exit 2, one line)', async () => {
    const empty = folder({ 'notes.txt': 'x' });
    for (const cmd of ['check', 'test']) {
      const r = await run(['rules', cmd, empty, '--lang', 'en']);
      expect(r).toEqual({ code: 2, out: '', err: `ereje: no rule files (*.ereje) found in ${empty}\n` });
    }
    const missing = await run(['rules', 'check', join(empty, 'nope'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`ereje: ${join(empty, 'nope')} does not exist: give a folder of rule files (*.ereje) or one .ereje file\n`);
    const notRules = await run(['rules', 'check', join(empty, 'notes.txt'), '--lang', 'ru']);
    expect(notRules).toEqual({ code: 2, out: '', err: `ereje: ${join(empty, 'notes.txt')} — не папка с файлами правил (и не файл .ereje)\n` });
  });

  it('checks one .ereje file together with the files it imports', async () => {
    const dir = folder({
      'params/norms.ereje': 'table t by role: int { head = 1 }\n',
      'rs/main.ereje': 'import table t from "../params/norms.ereje"\ntable u by skill: int { none = 6 }\n',
      'rs/other.ereje': 'table v by role: int { hed = 1 }\n',
    });
    const r = await run(['rules', 'check', join(dir, 'rs', 'main.ereje'), '--lang', 'en']);
    expect(r).toEqual({ code: 0, out: 'checked 2 files, 0 rules: no errors\n', err: '' });
  });

  it('rules compile shows its errors like rules check: source line and caret', async () => {
    const dir = folder({ 'one.ereje': GOOD.replace('require yes', 'require ye') });
    const r = await run(['rules', 'compile', dir, '--out', join(dir, 'out'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("one.ereje:7:11: error: unknown name 'ye'");
    expect(r.err).toContain('  require ye message kk "a" ru "b" en "c" }\n            ^^\n');
  });

  it('says in the summary how much of a file with syntax errors was not checked', async () => {
    const dir = folder({ 'a.ereje': 'table t by role: int { head = }\n', 'b.ereje': 'table u by skill: int { none = 6 }\n' });
    const r = await run(['rules', 'check', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/checked 2 files, 0 rules: 1 error; 1 file with syntax errors: 1 whole file not checked\n$/);
  });

  it('speaks Kazakh by default', async () => {
    const dir = folder({ 'one.ereje': 'table t by role: int { head = 1 }\n' });
    expect((await run(['rules', 'check', dir])).out).toBe('1 файл, 0 ереже тексерілді: қате жоқ\n');
    const bad = folder({ 'one.ereje': 'table t by role: int { hed = 1 }\n' });
    expect((await run(['rules', 'check', bad])).err).toContain("error: 'hed' — role тізімінің коды емес ('head' болуы мүмкін бе?)");
  });
});

describe('ereje rules fmt', () => {
  it('--check lists files that would change and exits 1; fmt rewrites them; then --check is clean', async () => {
    const dir = folder({ 'one.ereje': GOOD });
    const file = join(dir, 'one.ereje');
    const check = await run(['rules', 'fmt', dir, '--check']);
    expect(check.code).toBe(1);
    expect(check.out).toContain('one.ereje');
    expect(readFileSync(file, 'utf8')).toBe(GOOD);
    expect((await run(['rules', 'fmt', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('rule r {\n  clause A1.2\n  severity major\n');
    expect(await run(['rules', 'fmt', dir, '--check'])).toEqual({ code: 0, out: '', err: '' });
  });

  it('leaves a file that does not parse alone and exits 2', async () => {
    const dir = folder({ 'bad.ereje': 'rule r {' });
    const r = await run(['rules', 'fmt', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("error: rule r (opened at 1:1) is not closed: add the missing '}' at its end");
    expect(readFileSync(join(dir, 'bad.ereje'), 'utf8')).toBe('rule r {');
  });
});
