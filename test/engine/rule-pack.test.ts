// Differential test over the real rule packs (rules/**/*.ereje): a small generated workbook evaluated by
// every ruleset in both modes must give identical evaluations, and every rule must run.
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/ingest/index.ts';
import { loadRulePack } from '../../src/rulepack/index.ts';
import { makeBenchWorkbook } from '../../bench/make-workbook.ts';
import { evaluateBoth } from './helpers.ts';

describe('the bundled rule packs', () => {
  it('compile, and evaluate identically in fast and reference mode', async () => {
    const pack = await loadRulePack();
    expect(pack.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(pack.rulesets.map((r) => r.id).sort()).toEqual(['day-care', 'home-care', 'residential']);
    const wb = readWorkbook(makeBenchWorkbook(6).bytes, { file: 'pack.xlsx' });
    for (const rs of pack.rulesets) {
      const asKind = { ...wb, facility: wb.facility && { ...wb.facility, kind: rs.appliesTo } };
      const ev = await evaluateBoth([rs], asKind);
      expect(ev.rules).toHaveLength(rs.rules.length);
      expect(ev.findings.length).toBeGreaterThan(0);
      // Only the unfilled staffing norms (and cases dated before the act took effect) are not evaluated.
      expect(ev.rules.filter((r) => r.outcome === 'not_evaluated').map((r) => r.rule)).toEqual(rs.id === 'residential' ? ['residential/staffing-norms'] : []);
    }
  }, 120_000);
});
