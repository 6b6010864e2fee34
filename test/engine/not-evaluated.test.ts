// A rule that lacks what it needs is reported not evaluated with a reason, never passed.
import { describe, expect, it } from 'vitest';
import { compile, evaluateBoth, workbook } from './helpers.ts';

const rs = compile(`
table group_size_limit by skill: int {
  none = 6
  self_care = _
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
  require members <= group_size_limit[g.skill_level]
  message "{g.group_id}: {members}"
}`);
const CHILDREN = { header: ['child_id', 'birth_date', 'admitted_on', 'discharged_on', 'funding', 'group_id'], rows: [['C-1', '2003-01-01', '2009-01-10', null, 'budget', 'G-1']] };
const groups = (skill: string) => ({ header: ['group_id', 'age_band', 'skill_level'], rows: [['G-1', '6-8', skill]] });

describe('not evaluated', () => {
  it('a sheet the rule reads is absent', async () => {
    const ev = await evaluateBoth([rs], workbook({ groups: groups('none') }));
    expect(ev.rules).toEqual([{ rule: 'residential/group-size', clause: 'A1.30.5', outcome: 'not_evaluated' }]);
    expect(ev.notEvaluated.map((n) => n.reason.en)).toEqual(['the workbook has no sheet "children"']);
    expect(ev.notEvaluated[0]!.reason.kk).toBe('Жұмыс кітабында «Балалар» парағы жоқ');
    expect(ev.notEvaluated[0]!.reason.ru).toBe('В книге нет листа «Дети»');
    expect(ev.notEvaluated[0]).toMatchObject({ cause: 'workbook', sheet: 'children' });
    expect(ev.notEvaluated[0]).not.toHaveProperty('column');
  });
  it('a column the rule reads is absent, and its absence does not mean "none"', async () => {
    const { header, rows } = CHILDREN;
    const ev = await evaluateBoth([rs], workbook({ groups: groups('none'), children: { header: header.filter((h) => h !== 'group_id'), rows: rows.map((r) => r.slice(0, 5)) } }));
    expect(ev.notEvaluated.map((n) => n.reason.en)).toEqual(['sheet "children" has no column "group_id"']);
    expect(ev.notEvaluated[0]!.reason.ru).toBe('На листе «children» нет столбца «Группа»');
    expect(ev.notEvaluated[0]).toMatchObject({ cause: 'workbook', sheet: 'children', column: 'group_id' });
    expect(ev.findings).toEqual([]);
  });
  it('a column whose absence means "none" is read as empty, and the rule is evaluated', async () => {
    const { header, rows } = CHILDREN;
    const ev = await evaluateBoth([rs], workbook({ groups: groups('none'), children: { header: header.filter((h) => h !== 'discharged_on'), rows: rows.map((r) => r.filter((_, i) => i !== 3)) } }));
    expect(ev.notEvaluated).toEqual([]);
    expect(ev.rules[0]!.outcome).toBe('passed');
  });
  it('a parameter the case needs is `_` (not filled in)', async () => {
    const ev = await evaluateBoth([rs], workbook({ groups: groups('self_care'), children: CHILDREN }));
    expect(ev.rules[0]!.outcome).toBe('not_evaluated');
    expect(ev.notEvaluated[0]!.reason.en).toMatch(/group_size_limit .*self_care/);
    expect(ev.notEvaluated[0]!.reason.ru).toMatch(/group_size_limit/);
    expect(ev.notEvaluated[0]!.cause).toBe('rule_pack');
  });
  it('the same rule passes when the case reads a filled-in entry', async () => {
    const ev = await evaluateBoth([rs], workbook({ groups: groups('none'), children: CHILDREN }));
    expect(ev.rules[0]!.outcome).toBe('passed');
    expect(ev.notEvaluated).toEqual([]);
  });
  it('every row of a needed sheet was rejected', async () => {
    const ev = await evaluateBoth([rs], workbook({ groups: groups('none'), children: { ...CHILDREN, rows: [['C-1', 'not a date', '2009-01-10', null, 'budget', 'G-1']] } }));
    expect(ev.notEvaluated.map((n) => n.reason.en)).toEqual(['all 1 rows of sheet "children" were rejected for input errors']);
    expect(ev.notEvaluated[0]).toMatchObject({ cause: 'workbook', sheet: 'children' });
  });
  it('a register the rule reads is there with its header and no row: the facility did not fill it in', async () => {
    // With no child in the register, the group-size rule would pass on nothing, and the audit say "compliant".
    const ev = await evaluateBoth([rs], workbook({ groups: groups('none'), children: { ...CHILDREN, rows: [] } }));
    expect(ev.rules).toEqual([{ rule: 'residential/group-size', clause: 'A1.30.5', outcome: 'not_evaluated' }]);
    expect(ev.notEvaluated.map((n) => n.reason.en)).toEqual(['sheet "children" has no data row — this register was not filled in, and a rule is not passed on an empty register']);
    expect(ev.notEvaluated[0]).toMatchObject({ cause: 'workbook', sheet: 'children' });
  });
  it('a table the rule reads is on two sheets with rows: the one read may be only part of it', async () => {
    // G-1's row is on the second sheet: judged on the first alone, the group-size rule would not see it.
    const ev = await evaluateBoth([rs], workbook({ children: CHILDREN, groups: groups('none'), 'Топтар': { header: ['group_id', 'age_band', 'skill_level'], rows: [['G-2', '9-13', 'none']] } }));
    expect(ev.findings).toEqual([]);
    expect(ev.rules[0]!.outcome).toBe('not_evaluated');
    expect(ev.notEvaluated.map((n) => [n.reason.en, n.cause, n.sheet])).toEqual([['one table is on several sheets: "groups", "Топтар" — the sheet read may be only part of it', 'workbook', 'groups']]);
  });
  it('a sheet that is no register may be empty: nothing to record is a record', async () => {
    const ev = await evaluateBoth([rs], workbook({ groups: { header: ['group_id', 'age_band', 'skill_level'], rows: [] }, children: { ...CHILDREN, rows: CHILDREN.rows.map((r) => [...r.slice(0, 5), null]) } }));
    expect(ev.notEvaluated).toEqual([]);
    expect(ev.rules[0]!.outcome).toBe('passed');
  });
  it('a column read through a row bound by `let k = first(…)` counts as one the rule reads', async () => {
    const terms = compile(`
rule contract-terms {
  clause A2.9
  severity minor
  scope record "r"
  quote "q"
  for c in children
  let k = first(contracts x where x.child_id = c.child_id)
  require k.periodicity is present
  subject c.child_id
  message "{c.child_id}"
}`, { id: 'home-care', kind: 'home_care' });
    const children = { header: ['child_id', 'birth_date', 'admitted_on', 'funding'], rows: [['C-1', '2003-01-01', '2009-01-10', 'budget']] };
    const ev = await evaluateBoth([terms], workbook({ children, contracts: { header: ['child_id', 'contract_no'], rows: [['C-1', 'D-1']] } }, { kind: 'home_care' }));
    expect(ev.findings).toEqual([]);
    expect(ev.notEvaluated).toEqual([expect.objectContaining({ cause: 'workbook', sheet: 'contracts', column: 'periodicity' })]);
  });
  describe('a column read only to judge a case is needed only when there is a case to judge', () => {
    const subgroups = compile(`
rule labour-subgroup-member {
  clause A1.30.5
  severity major
  scope state "as of"
  quote "q"
  for c in children
  join g in groups on g.group_id = c.group_id
  where g.labour_orientation = yes
  require c.subgroup_id is present
  message "{c.child_id}"
}`);
    const groupsWith = (labour: string) => ({ header: ['group_id', 'age_band', 'skill_level', 'labour_orientation'], rows: [['G-1', '14-18', 'manual', labour]] });
    const children = { header: ['child_id', 'birth_date', 'admitted_on', 'funding', 'group_id'], rows: [['C-1', '1995-01-01', '2009-10-01', 'budget', 'G-1']] };
    it('no labour group: nothing to judge, so the rule passes without the column', async () => {
      const ev = await evaluateBoth([subgroups], workbook({ groups: groupsWith('no'), children }));
      expect(ev.notEvaluated).toEqual([]);
      expect(ev.rules[0]!.outcome).toBe('passed');
    });
    it('a labour group with a member: the column is needed, so the rule is not evaluated (cause workbook)', async () => {
      const ev = await evaluateBoth([subgroups], workbook({ groups: groupsWith('yes'), children }));
      expect(ev.findings).toEqual([]);
      expect(ev.notEvaluated).toEqual([expect.objectContaining({ cause: 'workbook', sheet: 'children', column: 'subgroup_id' })]);
      expect(ev.rules[0]!.outcome).toBe('not_evaluated');
    });
    it('a column the query reads is needed whatever the cases: which cases exist is unknown without it', async () => {
      const disabledOnly = compile(`
rule disabled-subgroup {
  clause A1.30.5
  severity major
  scope state "as of"
  quote "q"
  for c in children
  where c.disabled = yes
  require c.subgroup_id is present
  message "{c.child_id}"
}`);
      const ev = await evaluateBoth([disabledOnly], workbook({ children }));
      expect(ev.notEvaluated.map((n) => [n.cause, n.sheet, n.column])).toEqual([['workbook', 'children', 'disabled'], ['workbook', 'children', 'subgroup_id']]);
    });
  });
});
