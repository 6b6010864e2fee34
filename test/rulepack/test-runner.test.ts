// `ereje rules test`: examples that pass, fail, carry bad input, or expect what the engine cannot judge.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulesDir, loadRuleSources } from '../../src/rulepack/load.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';
import { runRuleExamples, summarize, summaryLine } from '../../src/rulepack/test-runner.ts';
import { run as runCli } from '../cli/helpers.ts';

const RULES = `ruleset residential version "t" {
  title en "Test"
  applies_to residential
  act { issuer en "Minister" number "240-ө" date 2009-07-30 title en "Test act" }
  in_force from 2009-09-07 approximate "test"
  source "act.txt"
  calendar kz
}
rule vehicle-seat-belts {
  clause A1.27.3
  severity critical
  scope state "vehicles"
  quote "салоны қауіпсіздік белдігімен жарақталған"
  for v in vehicles
  where v.carries_musculoskeletal = yes
  require v.seat_belts = yes
  message kk "{v.vehicle_id}: белдік жоқ" ru "{v.vehicle_id}: нет ремней" en "Vehicle {v.vehicle_id} has no seat belts"

  example "right" {
    audit 2010-01-01 .. 2010-03-31
    given vehicles (vehicle_id, carries_musculoskeletal, seat_belts) {
      row "V-1", yes, no
    }
    expect findings { subject "V-1" }
  }
  example "wrong expectation" {
    audit 2010-01-01 .. 2010-03-31
    given vehicles (vehicle_id, carries_musculoskeletal, seat_belts) {
      row "V-1", yes, no
    }
    expect findings { subject "V-2" }
  }
  example "bad input" {
    audit 2010-01-01 .. 2010-03-31
    given vehicles (vehicle_id, carries_musculoskeletal, seat_belts) {
      row "V-1", maybe, no
    }
    expect no findings
  }
  example "sheet missing" {
    audit 2010-01-01 .. 2010-03-31
    expect no findings
  }
  example "sheet missing, expected so" {
    audit 2010-01-01 .. 2010-03-31
    expect not evaluated
  }
}
`;

function ruleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ereje-rules-'));
  writeFileSync(join(dir, 'test.ereje'), RULES);
  writeFileSync(join(dir, 'act.txt'), 'автокөлік құралының салоны қауіпсіздік \nбелдігімен жарақталған болуға тиіс');
  return dir;
}

describe('runRuleExamples', () => {
  it('judges each example and says why one failed', async () => {
    const pack = await loadRulePack(ruleDir());
    expect(pack.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning manifest-missing']);
    const results = await runRuleExamples(pack);
    expect(results.map((r) => [r.example, r.passed])).toEqual([
      ['right', true], ['wrong expectation', false], ['bad input', false], ['sheet missing', false], ['sheet missing, expected so', true],
    ]);
    expect(results[1]!.problems.map((p) => p.en)).toEqual(['missing finding: subject "V-2"', 'unexpected finding: subject "V-1"']);
    expect(results[2]!.problems[0]!.en).toMatch(/^example table: .*maybe/);
    expect(results[3]!.problems[0]!.en).toMatch(/^the rule was not evaluated: .*vehicles/);
    expect(summaryLine(summarize(results), 'en')).toBe('5 examples: 2 passed, 3 failed');
    expect(summaryLine(summarize(results), 'ru')).toBe('примеров: 5: прошло 2, не прошло 3');
  });
});

describe('ereje rules test', () => {
  const run = (args: string[]) => runCli(['rules', 'test', ...args]);

  it('exits 1 and names the failing examples', async () => {
    const r = await run([ruleDir(), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL residential@t/vehicle-seat-belts (A1.27.3) — wrong expectation');
    expect(r.stdout).toContain('       expected: subject "V-2"\n       actual:   subject "V-1"');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('5 examples: 2 passed, 3 failed');
    expect(r.stderr).toContain('no clause manifest beside this file');
  });

  it('exits 0 on the bundled rules, one rule selected', async () => {
    const r = await run(['--rule', 'residential/group-size', '--lang', 'kk']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('3 мысал: 3 өтті, 0 өтпеді\n');
  });
});

describe('loadRuleSources', () => {
  it('finds the bundled rule files from any working directory, sorted', async () => {
    const paths = (await loadRuleSources(defaultRulesDir())).map((s) => s.path.slice(defaultRulesDir().length));
    expect(paths).toEqual([
      '/kz/mlsp-306-o/day-care/2009-240-o.ereje',
      '/kz/mlsp-306-o/home-care/2009-240-o.ereje',
      '/kz/mlsp-306-o/params/staffing-norms-26-o.ereje',
      '/kz/mlsp-306-o/residential/2009-240-o.ereje',
    ]);
  });
});
