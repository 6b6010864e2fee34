import { describe, expect, it } from 'vitest';
import { compile, evaluateBoth, keys, workbook } from './helpers.ts';

describe('smoke', () => {
  it('group size', async () => {
    const rs = compile(`
table group_size_limit by skill: int {
  none = 6
  self_care = 2
  household = 10
  manual = 12
}
rule group-size {
  clause A1.30.5
  severity major
  scope state "as of"
  quote "q"
  for g in groups
  let members = count(children c where c.group_id = g.group_id and as_of within c.admitted_on .. c.discharged_on)
  let limit = group_size_limit[g.skill_level]
  require members <= limit
  expected "≤ {limit}"
  actual "{members}"
  message kk "{g.group_id}: {members} > {limit}" ru "{g.group_id}: {members}" en "Group {g.group_id} has {members}; at most {limit} on {as_of}"
}`);
    const wb = workbook({
      groups: { header: ['group_id', 'age_band', 'skill_level'], rows: [['G-1', '6-8', 'self_care'], ['G-2', '6-8', 'none']] },
      children: { header: ['child_id', 'birth_date', 'admitted_on', 'discharged_on', 'funding', 'group_id'], rows: [
        ['C-1', '2003-01-01', '2009-01-10', null, 'budget', 'G-1'], ['C-2', '2003-01-01', '2009-01-10', null, 'budget', 'G-1'], ['C-3', '2003-01-01', '2009-01-10', null, 'budget', 'G-1'],
        ['C-4', '2003-01-01', '2009-01-10', null, 'budget', 'G-2']] },
    });
    expect(wb.errors.filter((e) => e.severity === 'error')).toEqual([]);
    const ev = await evaluateBoth([rs], wb);
    console.log(JSON.stringify(ev, null, 1));
    expect(keys(ev)).toEqual(['G-1 - -']);
  });
});
