// Version selection: the versions in force during the audit period; each case judged by the version in
// force on its `dated` date; NoRulesetInForce when none applies.
import { describe, expect, it } from 'vitest';
import { evaluate, NoRulesetInForce, selectVersions } from '../../src/engine/index.ts';
import { compile, day, evaluateBoth, keys, workbook } from './helpers.ts';

// Two versions with adjacent windows; the newer one tightens the limit from 2 to 1 review-free weeks… simply:
// v1 requires ≥ 1 review by the head per full month, v2 requires ≥ 2.
const monthly = (n: number) => `
rule monthly-review {
  clause A1.46
  severity major
  scope periodic "each full month"
  quote "q"
  per full month m in audit_period
  require count(complaint_reviews r where r.date within m and r.reviewer_role = head) >= ${n}
  message "{m}: fewer than ${n} reviews"
}`;
const v1 = compile(monthly(1), { version: 'v1', from: '2009-09-07', until: '2010-06-30' });
const v2 = compile(monthly(2), { version: 'v2', from: '2010-07-01' });
const reviews = (...dates: string[]) => ({ complaint_reviews: { header: ['date', 'reviewer_role'], rows: dates.map((d) => [d, 'head']) } });

describe('ruleset versions', () => {
  it('a period straddling a version change: each month is judged by the version in force on its last day', async () => {
    const wb = workbook(reviews('2010-05-10', '2010-06-10', '2010-07-10', '2010-08-10', '2010-08-20'), { period_from: '2010-05-01', period_to: '2010-08-31' });
    const ev = await evaluateBoth([v2, v1], wb);
    expect(keys(ev)).toEqual(['F-1 2010-07 -']);
    expect(ev.rulesets.map((r) => `${r.id}@${r.version} ${r.in_force.from}..${r.in_force.until}`)).toEqual([
      'residential@v1 2009-09-07..2010-06-30', 'residential@v2 2010-07-01..null']);
    expect(ev.rules).toEqual([{ rule: 'residential/monthly-review', clause: 'A1.46', outcome: 'failed' }]);
  });
  it('cases dated where no version is in force are reported, not dropped', async () => {
    // August ends before v1 enters into force (2009-09-07); September begins before it: neither is judged.
    const wb = workbook(reviews('2009-08-10', '2009-10-10'), { period_from: '2009-08-01', period_to: '2009-10-31' });
    const ev = await evaluateBoth([v1], wb);
    expect(keys(ev)).toEqual([]);
    expect(ev.notEvaluated.map((n) => n.reason.en)).toEqual(['2 case(s) fall on dates no ruleset version covers (2009-08-31, 2009-09-01)']);
    // Nothing was shown to pass: the rule is not evaluated, not passed.
    expect(ev.rules).toEqual([{ rule: 'residential/monthly-review', clause: 'A1.46', outcome: 'not_evaluated' }]);
  });
  it('a rule that fails in judged cases is failed even when other cases were not judged', async () => {
    const wb = workbook(reviews('2009-08-10'), { period_from: '2009-08-01', period_to: '2009-10-31' });
    const ev = await evaluateBoth([v1], wb);
    expect(keys(ev)).toEqual(['F-1 2009-10 -']);
    expect(ev.rules).toEqual([{ rule: 'residential/monthly-review', clause: 'A1.46', outcome: 'failed' }]);
    expect(ev.notEvaluated).toHaveLength(1);
  });
  it('NoRulesetInForce names the nearest versions and suggests --as-of', async () => {
    const wb = workbook({}, { period_from: '2008-01-01', period_to: '2008-12-31' });
    const err = await evaluate([v1, v2], wb).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoRulesetInForce);
    expect((err as Error).message).toMatch(/residential@v1 in force 2009-09-07 \.\. 2010-06-30/);
    expect((err as Error).message).toMatch(/--as-of/);
  });
  it('an as-of date inside a version selects it even when the period is outside', async () => {
    const wb = workbook(reviews(), { period_from: '2008-01-01', period_to: '2008-01-31' });
    const chosen = selectVersions([v1, v2], 'residential', { from: day('2008-01-01'), to: day('2008-01-31') }, day('2010-01-15'));
    expect(chosen.map((v) => v.version)).toEqual(['v1']);
    const ev = await evaluateBoth([v1, v2], wb, '2010-01-15');
    expect(ev.notEvaluated).toHaveLength(1); // January 2008 itself is covered by no version
  });
  it('versions for another facility kind are not selected', () => {
    expect(() => selectVersions([v1], 'home_care', { from: day('2010-01-01'), to: day('2010-12-31') }, day('2010-12-31'))).toThrow(/kind "home_care"/);
  });
});
