// `rules diff` on the made-up amendment of annex 1 (test/fixtures/amendment), beside the real 2009 text.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffRulesets } from '../../src/rulepack/diff.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';
import { exampleCases } from '../../src/rulepack/test-runner.ts';
import { run as runCli } from '../cli/helpers.ts';

const fixture = fileURLToPath(new URL('../fixtures/amendment', import.meta.url));
const rules = fileURLToPath(new URL('../../rules', import.meta.url));
const pack = await loadRulePack([rules, fixture]);
const version = (v: string) => pack.compiled.find((c) => c.ruleset.id === 'residential' && c.ruleset.version === v)!.checked;

describe('the amendment fixture', () => {
  it('loads beside the bundled rules: quotes verified against its own act text, manifest valid', () => {
    expect(pack.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(pack.rulesets.filter((r) => r.id === 'residential').map((r) => r.version).sort()).toEqual(['2009-240-o', '2010-test-amendment']);
  });

  it('passes its own examples', async () => {
    const cases = exampleCases(pack, (rs) => rs === 'residential').filter((c) => c.version === '2010-test-amendment');
    expect(cases.length).toBeGreaterThan(50);
    const failed = [];
    for (const c of cases) { const r = await c.run(); if (!r.passed) failed.push(`${c.rule}: ${c.example}: ${r.problems.map((p) => p.en).join('; ')}`); }
    expect(failed).toEqual([]);
  });
});

describe('diffRulesets', () => {
  const d = diffRulesets(version('2009-240-o'), version('2010-test-amendment'));

  it('lists rules added, removed and changed, by clause', () => {
    expect(d.rules.map((r) => `${r.clause} ${r.change} ${r.rule}: ${r.fields.map((f) => f.field).join(',')}`)).toEqual([
      'A1.13 changed bedroom-one-sex: severity',
      'A1.30.5 changed group-size: quote',
      'A1.30.13 removed room-passports: ',
      'A1.35 changed referral-conditions: quote,scope,condition,message,note',
      'A1.39 added id-card-at-14: ',
      'A1.39 removed id-card-at-16: ',
      'A1.39 removed id-card-turned-16-in-period: ',
      'A1.46 removed complaint-review-monthly: ',
      'A1.46 added complaint-review-quarterly: ',
    ]);
    expect(d.rules[0]!.fields[0]).toEqual({ field: 'severity', before: 'info', after: 'minor' });
    const cond = d.rules.find((r) => r.rule === 'referral-conditions')!.fields.find((f) => f.field === 'condition')!;
    expect(cond.before).toContain('max_one_year: r.to <= r.from + 1');
    expect(cond.after).toContain('max_six_months: r.to <= r.from + 6 months');
  });

  it('lists changed parameter values and header facts', () => {
    expect(d.tables).toEqual([{ table: 'group_size_limit', key: 'none', before: '6', after: '5' }]);
    expect(d.header.map((h) => h.field)).toEqual(['act', 'in_force_from', 'in_force_until', 'supersedes', 'source']);
  });

  it('finds nothing between a version and itself', () => {
    const same = diffRulesets(version('2009-240-o'), version('2009-240-o'));
    expect([same.header, same.rules, same.tables]).toEqual([[], [], []]);
  });
});

describe('ereje rules diff', () => {
  const run = (args: string[]) => runCli(['rules', 'diff', ...args]);

  it('prints the differences grouped by clause', async () => {
    const r = await run(['residential@2009-240-o', 'residential@2010-test-amendment', '--rules', rules, fixture, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('residential: 2009-240-o → 2010-test-amendment');
    expect(r.stdout).toContain('  A1.13  changed  residential/bedroom-one-sex\n      severity: info → minor');
    expect(r.stdout).toContain('  A1.30.5  parameters  group_size_limit[none]: 6 → 5');
    // An open end of the in-force period in words, approximate dates marked as in the reports.
    expect(r.stdout).toContain('    in_force_until: ≈2010-12-06 → open-ended\n');
    expect(r.stdout).not.toContain('""');
    expect(r.stdout).toContain('        + require { max_six_months: r.to <= r.from + 6 months;');
    const ru = await run(['residential@2009-240-o', 'residential@2010-test-amendment', '--rules', rules, fixture, '--lang', 'ru']);
    expect(ru.stdout).toContain('A1.39  добавлено  residential/id-card-at-14');
    expect(ru.stdout).toContain('    in_force_until: ≈2010-12-06 → бессрочно\n');
  });

  it('says which versions exist when one is unknown (exit 2)', async () => {
    const r = await run(['residential@2009-240-o', 'residential@2011', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('residential@2011 is not among the compiled rule versions (day-care@2009-240-o, home-care@2009-240-o, residential@2009-240-o)');
  });
});
