// Differential test over the real rule packs (rules/**/*.ereje): a small generated workbook evaluated by
// every ruleset in both modes must give identical evaluations, and every rule must run.
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/ingest/index.ts';
import { loadRulePack } from '../../src/rulepack/index.ts';
import { makeBenchWorkbook } from '../../bench/make-workbook.ts';
import { cachedFile } from '../cached-file.ts';
import { evaluateBoth } from './helpers.ts';

describe('the bundled rule packs', () => {
  it('compile, and evaluate identically in fast and reference mode', async () => {
    const pack = await loadRulePack();
    expect(pack.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(pack.rulesets.map((r) => r.id).sort()).toEqual(['day-care', 'home-care', 'residential']);
    // Made once per change of its generator, then read from test-artifacts/ (SheetJS writing it cost a tenth of a second).
    const wb = readWorkbook(cachedFile('bench-6-children.xlsx', ['bench/make-workbook.ts'], () => makeBenchWorkbook(6).bytes), { file: 'pack.xlsx' });
    for (const rs of pack.rulesets) {
      const asKind = { ...wb, facility: wb.facility && { ...wb.facility, kind: rs.appliesTo } };
      const ev = await evaluateBoth([rs], asKind);
      expect(ev.rules).toHaveLength(rs.rules.length);
      expect(ev.findings.length).toBeGreaterThan(0);
      // Every rule runs: nothing is missing from the workbook. The unfilled staffing norms are not evaluated
      // as a whole; children admitted (and plans drafted) before the act took effect, one by one.
      expect(ev.notEvaluated.filter((n) => n.cause === 'workbook')).toEqual([]);
      expect(ev.notEvaluated.filter((n) => n.subject === undefined).map((n) => n.rule)).toEqual(rs.id === 'residential' ? ['residential/staffing-norms'] : []);
      expect(ev.notEvaluated.filter((n) => n.subject !== undefined).every((n) => n.cause === 'rule_pack' && /^C-\d{4}: dated 2009-0[1-9]-/.test(n.reason.en))).toBe(true);
    }
  }, 120_000);
});
