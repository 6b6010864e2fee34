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
    // One entry per subject (here the facility), with both dates; the rule pack lacks the earlier text.
    expect(ev.notEvaluated.map((n) => [n.subject, n.cause, n.reason.en])).toEqual([[
      'F-1', 'rule_pack', 'F-1: dated 2009-08-31, 2009-09-01, when no version of this ruleset in the rule pack was in force (versions: 2009-09-07 – 2010-06-30); not judged by a later text']]);
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
  it('an event before the first version is not judged by it: one not-evaluated entry per subject, the others judged', async () => {
    // The admission's date picks the version: a child admitted in 2007, under a text the pack does not
    // hold, is not judged by the 2009 one — however many of its cases there are (here, documents).
    const docs = compile(`
rule admission-documents {
  clause A1.8
  severity minor
  scope record "admission files"
  quote "q"
  for c in children
  dated c.admitted_on
  each item d in [parent_application, medical_card]
  require exists(documents x where x.child_id = c.child_id and x.document in d)
  subject c.child_id
  message "{c.child_id} lacks {d}"
}`, { from: '2009-09-07', until: '2010-12-06' });
    const wb = workbook({
      children: { header: ['child_id', 'birth_date', 'admitted_on', 'funding'], rows: [
        ['C-1', '2001-01-01', '2007-05-10', 'budget'], ['C-2', '2002-01-01', '2010-02-01', 'budget'], ['C-3', '2003-01-01', '2010-03-01', 'budget']] },
      documents: { header: ['child_id', 'document'], rows: [['C-2', 'parent_application'], ['C-2', 'medical_card'], ['C-3', 'medical_card']] },
    }, { period_from: '2010-01-01', period_to: '2010-06-30' });
    const ev = await evaluateBoth([docs], wb);
    expect(keys(ev)).toEqual(['C-3 - parent_application']);
    expect(ev.findings[0]!.version).toBe('v1');
    expect(ev.notEvaluated.map((n) => [n.subject, n.cause])).toEqual([['C-1', 'rule_pack']]);
    expect(ev.notEvaluated[0]!.reason.en).toMatch(/^C-1: dated 2007-05-10, when no version/);
    expect(ev.notEvaluated[0]!.reason.ru).toMatch(/^C-1: дата 2007-05-10/);
    expect(ev.notEvaluated[0]!.reason.kk).toMatch(/^C-1: күні 2007-05-10/);
    expect(ev.rules).toEqual([{ rule: 'residential/admission-documents', clause: 'A1.8', outcome: 'failed' }]);

    // The same with C-3's file complete: nothing failed, but C-1 was not judged, so the rule is not
    // shown to pass: not evaluated (README: "passed only when every case was judged").
    const complete = workbook({
      children: { header: ['child_id', 'birth_date', 'admitted_on', 'funding'], rows: [['C-1', '2001-01-01', '2007-05-10', 'budget'], ['C-2', '2002-01-01', '2010-02-01', 'budget']] },
      documents: { header: ['child_id', 'document'], rows: [['C-2', 'parent_application'], ['C-2', 'medical_card']] },
    }, { period_from: '2010-01-01', period_to: '2010-06-30' });
    const ev2 = await evaluateBoth([docs], complete);
    expect(keys(ev2)).toEqual([]);
    expect(ev2.notEvaluated.map((n) => n.subject)).toEqual(['C-1']);
    expect(ev2.rules).toEqual([{ rule: 'residential/admission-documents', clause: 'A1.8', outcome: 'not_evaluated' }]);
  });
  it('a finding names the version in force on its event\'s date, not on the as-of date', async () => {
    const ageRule = (min: number) => `
rule admission-age {
  clause A1.2
  severity critical
  scope state "age on admission"
  quote "q"
  for c in children
  dated c.admitted_on
  require age_years(c.birth_date, c.admitted_on) >= ${min}
  message "{c.child_id} too young"
}`;
    const old = compile(ageRule(3), { version: 'old', from: '2009-09-07', until: '2010-03-31' });
    const tighter = compile(ageRule(4), { version: 'new', from: '2010-04-01' });
    const wb = workbook({ children: { header: ['child_id', 'birth_date', 'admitted_on', 'funding'], rows: [
      ['C-1', '2007-01-01', '2010-02-01', 'budget'],   // 3 on admission: fine under "old"
      ['C-2', '2007-01-01', '2010-05-01', 'budget'],   // 3 on admission: too young under "new"
      ['C-3', '2007-06-01', '2010-02-01', 'budget'],   // 2 on admission: too young under "old"
    ] } }, { period_from: '2010-01-01', period_to: '2010-06-30' });
    const ev = await evaluateBoth([old, tighter], wb);
    expect(ev.findings.map((f) => `${f.subject} ${f.version}`)).toEqual(['C-2 new', 'C-3 old']);
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
