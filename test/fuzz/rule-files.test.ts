// A quick, seeded slice of the rule-file fuzzer (test/fuzz/rule-files.ts): a fixed seed, so a failure
// here is reproducible; the long soak (`npm run fuzz`) runs the same properties with random seeds and
// many more cases. Six cases here: each checks a whole ruleset twice and formats it, a quarter second.
import { describe, expect, it } from 'vitest';
import { applyMutation, LINE_BUDGET, OUTPUT_BUDGET, runRuleFileFuzz, RuleFileSandbox, sane, timeBudget } from './rule-files.ts';

describe('rule-file fuzzing', () => {
  it('keeps every invariant on a seeded slice of mutated rule files', async () => {
    const lines: string[] = [];
    const { runs, failure } = await runRuleFileFuzz({ seed: 20261129, runs: 6, maxSize: 100_000, log: (l) => lines.push(l) });
    expect(failure?.problems ?? []).toEqual([]);
    expect(runs).toBe(6);
  });

  it('catches what it is meant to catch (the checks are not vacuous)', async () => {
    const ok = { code: 2, out: '', err: 'a.ereje:1:1: error: x\n', ms: 10 };
    expect(sane('check', ok, [0, 2], 100)).toEqual([]);
    expect(sane('check', { ...ok, code: 1 }, [0, 2], 100)).toEqual(['check: exit 1, expected one of 0, 2']);
    expect(sane('check', { ...ok, err: 'ereje: internal error: Maximum call stack size exceeded' }, [0, 2], 100)).toHaveLength(1);
    expect(sane('check', { ...ok, err: 'Error: x\n    at f (/a/b.ts:1:2)\n' }, [0, 2], 100)).toHaveLength(1);
    expect(sane('check', { ...ok, err: 'x'.repeat(OUTPUT_BUDGET + 1) }, [0, 2], 100)).toHaveLength(2);
    expect(sane('check', { ...ok, err: `${'y'.repeat(LINE_BUDGET + 1)}\n` }, [0, 2], 100)).toHaveLength(1);
    expect(sane('check', { ...ok, ms: timeBudget(1_000_000) + 1 }, [0, 2], 1_000_000)).toHaveLength(1);
    expect(applyMutation('rule a {\n}\n', { kind: 'swap-lines', at: 0, other: 0.6 })).toBe('}\nrule a {\n');
    expect(applyMutation('require x', { kind: 'nest', at: 0, shape: 'paren', depth: 2 })).toBe('require ((yes)) and x');
    const sandbox = new RuleFileSandbox();
    try {
      expect(await sandbox.check({ base: 0, mutations: [] }, 'table t by role: int { head = 1 }\n')).toEqual([]);
    } finally {
      sandbox.dispose();
    }
  });
});
