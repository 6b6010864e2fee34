// Every example written in the bundled rule files runs through ingest, compile and the engine, one
// vitest test per example, so a failure names the rule and the example.
import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rulepack/pack.ts';
import { exampleCases } from '../../src/rulepack/test-runner.ts';

const pack = await loadRulePack();

describe('the bundled rule pack', () => {
  it('loads without errors', () => {
    expect(pack.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.file}:${d.span.line} ${d.message.en}`)).toEqual([]);
    expect(pack.rulesets.map((r) => `${r.id}@${r.version}`).sort()).toEqual(['day-care@2009-240-o', 'home-care@2009-240-o', 'residential@2009-240-o']);
  });

  it('has a passing and a failing example for every rule', () => {
    const lacking: string[] = [];
    for (const { checked } of pack.compiled) {
      for (const r of checked.file.rules) {
        const kinds = new Set(r.examples.map((e) => e.expect.kind));
        if (!kinds.has('findings') || !(kinds.has('no-findings') || kinds.has('not-evaluated'))) lacking.push(`${checked.file.ruleset!.id}/${r.name}`);
      }
    }
    expect(lacking).toEqual([]);
  });
});

for (const c of exampleCases(pack)) {
  describe(`${c.ruleset}@${c.version}/${c.rule}`, () => {
    it(c.example, async () => {
      const r = await c.run();
      expect(r.problems.map((p) => p.en), `expected: ${r.expected}\nactual:   ${r.actual}`).toEqual([]);
      expect(r.passed).toBe(true);
    });
  });
}
