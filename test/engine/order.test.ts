// Same input → byte-identical output; one finding per (rule, subject, period, item); sorted by
// (clause, subject, period, item, rule).
import { describe, expect, it } from 'vitest';
import { compile, evaluateBoth, workbook } from './helpers.ts';

const RULES = [`
rule late-review {
  clause A1.46
  severity major
  scope periodic "t"
  quote "q"
  for r in complaint_reviews
  per month m in audit_period
  where r.date within m
  require r.reviewer_role = head
  subject label(m)
  message "{m}"
}`, `
rule staff-present {
  clause A1.22
  severity major
  scope state "t"
  quote "q"
  for s in staff
  require s.rate > 0
  message "{s.staff_id}"
}`, `
rule room-passport {
  clause A1.30.13
  severity minor
  scope state "t"
  quote "q"
  for r in rooms
  require r.passport = yes
  message "{r.room_id}"
}`];
const rs = compile(RULES.join('\n'));

const wb = workbook({
  // Two non-head reviews in March make two cases with one (rule, subject, period, item): one finding.
  complaint_reviews: { header: ['date', 'reviewer_role'], rows: [['2010-03-02', 'nurse'], ['2010-03-09', 'nurse'], ['2010-01-05', 'nurse'], ['2010-02-01', 'head']] },
  staff: { header: ['staff_id', 'position', 'rate'], rows: [['S-9', 'nurse', 0], ['S-10', 'nurse', 0], ['S-1', 'nurse', 1]] },
  rooms: { header: ['room_id', 'purpose', 'passport'], rows: [['R-2', 'group_work', 'no'], ['R-1', 'group_work', 'no']] },
});

describe('order and uniqueness', () => {
  it('sorts by clause (numerically by part), then subject, and keeps one finding per subject/period/item', async () => {
    const ev = await evaluateBoth([rs], wb);
    expect(ev.findings.map((f) => `${f.clause} ${f.subject}`)).toEqual([
      'A1.22 S-10', 'A1.22 S-9', 'A1.30.13 R-1', 'A1.30.13 R-2', 'A1.46 2010-01', 'A1.46 2010-03']);
    expect(ev.findings.filter((f) => f.subject === '2010-03')).toHaveLength(1);
    expect(ev.findings.find((f) => f.subject === '2010-03')!.evidence).toEqual([{ sheet: 'complaint_reviews', row: 2, column: 'reviewer_role' }]);
  });
  it('is byte-identical across runs and rule order', async () => {
    const a = JSON.stringify(await evaluateBoth([rs], wb));
    const b = JSON.stringify(await evaluateBoth([rs], wb));
    const reversed = JSON.stringify(await evaluateBoth([compile([...RULES].reverse().join('\n'))], wb));
    expect(b).toBe(a);
    expect(reversed).toBe(a);
  });
});
