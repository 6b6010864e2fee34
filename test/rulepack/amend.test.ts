// The amendment workflow through the CLI, on the made-up amendment of test/fixtures/amendment laid beside
// the 2009 rules as a ministry would keep it: rules check, rules test (inherited examples re-run where
// they belong), rules amend (the skeleton), rules diff between effective versions, and an audit whose
// period spans the day the amendment takes effect.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../cli/helpers.ts';
import { loadRulePack, quoteMap } from '../../src/rulepack/pack.ts';

const rules = fileURLToPath(new URL('../../rules', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/amendment', import.meta.url));
const workbook = join(fixture, 'residential-2009q4-2010q1.xlsx');
const RESIDENTIAL = 'kz/mlsp-306-o/residential';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A copy of the bundled rules with the amendment beside its base, as `rules amend` would place it. */
function packWithAmendment(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ereje-amend-'));
  dirs.push(dir);
  cpSync(rules, dir, { recursive: true });
  for (const f of ['2010-test-amendment.ereje', '2010-test-amendment.manifest.json']) cpSync(join(fixture, 'residential', f), join(dir, RESIDENTIAL, f));
  cpSync(join(fixture, 'act', 'test-amendment.txt'), join(dir, 'kz/mlsp-306-o/act/test-amendment.txt'));
  return dir;
}

describe('rules check and rules test on an amendment', () => {
  it('checks the amendment with the folder of the version it amends, and says what is missing without it', async () => {
    expect(await run(['rules', 'check', rules, fixture, '--lang', 'en'])).toMatchObject({ code: 0, stdout: 'checked 5 files, 94 rules: no errors\n' });
    const alone = await run(['rules', 'check', fixture, '--lang', 'en']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('2010-test-amendment.ereje:5:58: error: residential@2009-240-o, which this file amends, is not among the rule files checked');
    // Beside its base, one file is enough: the version it amends is found by its name.
    const dir = packWithAmendment();
    expect((await run(['rules', 'check', join(dir, RESIDENTIAL, '2010-test-amendment.ereje'), '--lang', 'en'])).code).toBe(0);
  });

  it('runs an inherited rule\'s examples against both versions, the amendment\'s own against it alone', async () => {
    const r = await run(['rules', 'test', rules, fixture, '--lang', 'en', '--verbose', '--rule', 'residential/leave-documents']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('ok'));
    expect(lines.filter((l) => l.includes('residential@2009-240-o/leave-documents')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes('residential@2010-test-amendment/leave-documents')).length).toBe(lines.filter((l) => l.includes('residential@2009-240-o/')).length);
    // The inherited examples are the 2009 file's: the report points there.
    expect(lines.find((l) => l.includes('2010-test-amendment/leave-documents'))).toMatch(/\[.*rules\/kz\/mlsp-306-o\/residential\/2009-240-o\.ereje:\d+\]$/);
    const own = await run(['rules', 'test', rules, fixture, '--lang', 'en', '--verbose', '--rule', 'residential/id-card-at-14']);
    expect(own.stdout).toMatch(/^ok {3}residential@2010-test-amendment\/id-card-at-14 \(A1\.39\) — fourteen without an ID card; thirteen; a card issued {2}\[.*2010-test-amendment\.ereje:\d+\]$/m);
    expect(own.stdout.trim().split('\n').at(-1)).toBe('1 examples: 1 passed, 0 failed');
  });

  it('lists examples no version can run once, instead of failing each (a copied file that starts later)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-copy-'));
    dirs.push(dir);
    cpSync(rules, dir, { recursive: true });
    const base = readFileSync(join(dir, RESIDENTIAL, '2009-240-o.ereje'), 'utf8');
    const copy = base.replace('version "2009-240-o"', 'version "2010-copy"')
      .replace(/in_force from 2009-09-07 approximate[\s\S]*?(?=\n {2}amends )/, 'in_force from 2010-07-01')
      .replace('supersedes "residential@2005-306-o"', 'supersedes "residential@2009-240-o"');
    writeFileSync(join(dir, RESIDENTIAL, '2010-copy.ereje'), copy);
    const r = await run(['rules', 'test', dir, '--lang', 'en']);
    expect(r.stderr).toContain('no clause manifest beside this file');
    expect(r.code).toBe(0);
    const n = (copy.match(/\n {2}example "/g) ?? []).length;
    expect(r.stdout).toContain(`${n} examples were not run: the audit period lies outside the in-force period of every version that has the rule; move it inside one, or check that the version's dates are right\n`);
    expect(r.stdout).toMatch(/\n {2}residential\/admission-age — [^\n]+ \[.*2010-copy\.ereje:\d+\]: audit 2010-01-01 \.\. 2010-\d\d-\d\d; residential@2010-copy 2010-07-01 \.\. …\n/);
    expect(r.stdout).toContain(`  … and ${n - 5} more\n`);
    expect(r.stdout).not.toContain('FAIL');
  });
});

describe('quotes for the reports', () => {
  it('are kept per version: an amendment that quotes a rule anew does not change the old version\'s quote', async () => {
    const quotes = quoteMap(await loadRulePack([rules, fixture]));
    expect(quotes.get('residential/group-size@2009-240-o')).toContain('- 6 адамнан асырмай');
    expect(quotes.get('residential/group-size@2010-test-amendment')).toContain('- 5 адамнан асырмай');
    expect(quotes.get('residential/bedroom-one-sex@2010-test-amendment')).toBe(quotes.get('residential/bedroom-one-sex@2009-240-o'));
  });
});

describe('ereje rules amend', () => {
  it('writes the skeleton and the manifest beside the version amended; the skeleton asks for what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-skeleton-'));
    dirs.push(dir);
    cpSync(rules, dir, { recursive: true });
    const r = await run(['rules', 'amend', 'residential', '--version', '2010-394-o', '--from', '01.03.2010', '--act', '394-ө', '--rules', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    const file = join(dir, RESIDENTIAL, '2010-394-o.ereje');
    expect(r.stdout).toContain('2010-394-o.ereje: the amendment of residential@2009-240-o, to fill in\n');
    expect(r.stdout).toContain("save the amending order's text as");
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('ruleset residential version "2010-394-o" amends "residential@2009-240-o" {\n');
    expect(text).toContain('    number "394-ө"\n    # date YYYY-MM-DD');
    expect(text).toContain('  in_force from 2010-03-01\n  source "../act/2010-394-o.txt"\n}');
    const manifest = JSON.parse(readFileSync(join(dir, RESIDENTIAL, '2010-394-o.manifest.json'), 'utf8')) as { version: string; ruleset: string };
    expect([manifest.ruleset, manifest.version]).toEqual(['residential', '2010-394-o']);
    // Not filled in, it does not pass: the missing date, then the missing order text, are named.
    const check = await run(['rules', 'check', dir, '--lang', 'en']);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("2010-394-o.ereje:12:3: error: the 'act' block has no 'date'; add it");
    writeFileSync(file, text.replace('    # date YYYY-MM-DD     the day it was signed', '    date 2010-02-15'));
    expect((await run(['rules', 'check', dir, '--lang', 'en'])).stderr).toContain("The act's text for quote verification (../act/2010-394-o.txt) was not found");
    writeFileSync(join(dir, 'kz/mlsp-306-o/act/2010-394-o.txt'), 'ТЕСТ');
    expect(await run(['rules', 'check', dir, '--lang', 'en'])).toMatchObject({ code: 0, stdout: 'checked 5 files, 89 rules: no errors\n' });
    // An amendment that changes nothing yet lists every rule as inherited.
    const list = await run(['rules', 'list', '--rules', dir, '--as-of', '2010-03-01', '--lang', 'en']);
    expect(list.stdout).toContain('    38 rules (inherited 38, changed 0, added 0, repealed 0):\n');
  });

  it('never overwrites a file, and refuses a version that exists or starts too early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-skeleton-'));
    dirs.push(dir);
    cpSync(rules, dir, { recursive: true });
    const target = join(dir, RESIDENTIAL, '2010-x.manifest.json');
    writeFileSync(target, 'mine');
    const r = await run(['rules', 'amend', 'residential', '--version', '2010-x', '--from', '2010-03-01', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2010-x\.manifest\.json exists already: ereje never overwrites a file/);
    expect(readFileSync(target, 'utf8')).toBe('mine');
    expect(existsSync(join(dir, RESIDENTIAL, '2010-x.ereje'))).toBe(false);
    expect((await run(['rules', 'amend', 'residential', '--version', '2009-240-o', '--from', '2010-03-01', '--rules', dir])).stderr).toContain('residential@2009-240-o exists already');
    expect((await run(['rules', 'amend', 'residential', '--version', '2010-y', '--from', '2009-01-01', '--rules', dir])).stderr)
      .toContain('--from 2009-01-01: an amendment takes effect after the version it amends, residential@2009-240-o (in force from 2009-09-07)');
    expect((await run(['rules', 'amend', 'residentail', '--version', '2010-y', '--from', '2010-03-01', '--rules', dir])).stderr)
      .toContain('there is no ruleset residentail among the rules that compile (day-care, home-care, residential)');
    expect((await run(['rules', 'amend', 'residential', '--version', '../x', '--from', '2010-03-01', '--rules', dir])).stderr).toContain("--version ../x: use letters, digits, '.', '-' and '_'");
  });
});

describe('rules diff between effective versions', () => {
  it('compares an amendment of an amendment with either version before it', async () => {
    const dir = packWithAmendment();
    writeFileSync(join(dir, RESIDENTIAL, '2010-12-o.ereje'), `ruleset residential version "2010-12-o" amends "residential@2010-test-amendment" {
  act {
    number "12-test"
    date 2010-05-20
  }
  in_force from 2010-06-01
  source "../act/test-amendment.txt"
}

change table group_size_limit {
  quote "…болмаған жағдайда - 5 адамнан асырмай; … 8 адамнан … 10 адамнан … 12 адамнан асырмай"
  self_care = 7
}

repeal rule complaint-review-weekly
`);
    const step = await run(['rules', 'diff', 'residential@2010-test-amendment', 'residential@2010-12-o', '--rules', dir, '--lang', 'en']);
    expect(step.stderr).toContain('no clause manifest beside this file');
    expect(step.code).toBe(0);
    expect(step.stdout).toContain('residential: 2010-test-amendment → 2010-12-o\n');
    expect(step.stdout).toContain('  A1.46  removed  residential/complaint-review-weekly\n');
    expect(step.stdout).toContain('  A1.30.5  parameters  group_size_limit[self_care]: 8 → 7\n');
    expect(step.stdout).not.toContain('id-card');
    const whole = await run(['rules', 'diff', 'residential@2009-240-o', 'residential@2010-12-o', '--rules', dir, '--lang', 'en', '--json']);
    const d = JSON.parse(whole.stdout) as { rules: { rule: string; change: string }[]; tables: { key: string; before: string; after: string }[] };
    expect(d.rules.map((x) => `${x.change} ${x.rule}`)).toEqual([
      'changed bedroom-one-sex', 'changed group-size', 'removed room-passports', 'changed referral-conditions', 'added id-card-at-14', 'removed id-card-at-16',
      'removed id-card-turned-16-in-period', 'removed complaint-review-monthly', 'added complaint-review-quarterly', 'removed complaint-review-weekly',
    ]);
    expect(d.tables.map((t) => `${t.key}: ${t.before} → ${t.after}`)).toEqual(['none: 6 → 5', 'self_care: 8 → 7']);
  });
});

describe('an audit whose period spans the day the amendment takes effect', () => {
  it('judges each duty by the version in force on its date, and each finding names its version', async () => {
    const dir = packWithAmendment();
    const out = join(dir, 'report.json');
    const r = await run(['audit', workbook, '--rules', dir, '--format', 'json', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      findings: { rule: string; version: string; subject: string; period?: string; expected: string }[];
      rulesets: { version: string }[];
    };
    expect(report.rulesets.map((v) => v.version)).toEqual(['2009-240-o', '2010-test-amendment']);
    expect(report.findings.map((f) => `${f.version} ${f.rule} ${f.subject} ${f.period ?? ''} ${f.expected}`)).toEqual([
      '2010-test-amendment residential/group-size G-1  ≤ 5',
      '2009-240-o residential/complaint-review-monthly MAU-77 2009-11 ≥ 1 review by the authorised body',
      '2010-test-amendment residential/complaint-review-quarterly MAU-77 2010-Q1 ≥ 1 review by the authorised body',
    ]);
    // Without the amendment, the same workbook is judged by the 2009 text throughout.
    const before = join(dir, 'before.json');
    await run(['audit', workbook, '--format', 'json', '--out', before, '--lang', 'en']);
    const old = JSON.parse(readFileSync(before, 'utf8')) as { findings: { rule: string; version: string; period?: string }[] };
    expect(old.findings.map((f) => `${f.version} ${f.rule} ${f.period ?? ''}`)).toEqual([
      '2009-240-o residential/complaint-review-monthly 2009-11',
      '2009-240-o residential/complaint-review-monthly 2010-01',
      '2009-240-o residential/complaint-review-monthly 2010-02',
      '2009-240-o residential/complaint-review-monthly 2010-03',
    ]);
  });
});
