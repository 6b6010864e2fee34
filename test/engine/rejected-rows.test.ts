// A row rejected for an input error is kept out of every check — so a rule that looks a row up and does
// not find it must not report a violation the rejected row may disprove: that subject is not evaluated
// (cause `workbook`: the audit is incomplete until the rows are corrected), the others are judged as before.
import { describe, expect, it } from 'vitest';
import { ExcelError } from '../../src/ingest/raw.ts';
import { compile, evaluateBoth, keys, workbook } from './helpers.ts';

const hasPlan = compile(`
rule plan-exists {
  clause A1.17
  severity major
  scope record "r"
  quote "q"
  for c in children
  require exists(plans p where p.child_id = c.child_id)
  subject c.child_id
  message "{c.child_id} has no plan"
}`);
const CHILDREN = {
  header: ['child_id', 'birth_date', 'admitted_on', 'funding'],
  rows: [['C-1', '2003-01-01', '2009-01-10', 'budget'], ['C-2', '2004-02-02', '2009-01-10', 'budget'], ['C-3', '2004-03-03', '2009-01-10', 'budget']],
};
const PLAN_HEADER = ['child_id', 'plan_no', 'drafted_on', 'valid_from', 'valid_to'];
const plan = (child: string | ExcelError | null, drafted: string) => [child, 1, drafted, '2009-02-01', '2010-01-31'];

/** The daily health-log duty (A1.28.5), with `except` steps appended to its `per` when given. */
const dailyLogRule = (except: string) => compile(`
rule daily-log {
  clause A1.28.5
  severity major
  scope periodic "each day"
  quote "q"
  for c in children
  per full day d in audit_period ∩ c.admitted_on .. c.discharged_on${except}
  require exists(health_log h where h.child_id = c.child_id and h.date within d)
  subject c.child_id
  message "{c.child_id} {period}"
}`);
const ONE_CHILD = { header: ['child_id', 'birth_date', 'admitted_on', 'funding'], rows: [['C-1', '2003-01-01', '2009-01-10', 'budget']] };

describe('failing cases a rejected row may disprove', () => {
  it('are not findings: the subject is not evaluated and the reason names the rows', async () => {
    // C-1's plan is there, but its date is written `1.1.10` (rejected); C-2 has a plan; C-3 has none.
    const plans = { header: PLAN_HEADER, rows: [plan('C-1', '1.1.10'), plan('C-2', '2009-01-20')] };
    const ev = await evaluateBoth([hasPlan], workbook({ children: CHILDREN, plans }));
    expect(keys(ev)).toEqual(['C-3 - -']);
    expect(ev.notEvaluated).toEqual([{
      rule: 'residential/plan-exists', clause: 'A1.17', subject: 'C-1', cause: 'workbook', sheet: 'plans',
      reason: {
        kk: 'ереже іздеген жазба енгізу қателеріне байланысты қабылданбаған жолдарда болуы мүмкін («plans» парағы, 2-жол); оларды түзетіп, қайта тексеріңіз',
        ru: 'искомое может быть в строках, отклонённых из-за ошибок ввода (лист «plans», стр. 2); исправьте их и проверьте снова',
        en: 'the record the rule looked for may be in rows rejected for input errors (sheet "plans", row 2); correct them and audit again',
      },
    }]);
    // A confirmed violation remains a failed rule.
    expect(ev.rules[0]!.outcome).toBe('failed');
  });

  it('bear on every subject when the rejected row\'s own code could not be read', async () => {
    // A failed lookup (#N/A), and a code no child has (Cyrillic С-1 for C-1): whose plan each is, is unknown.
    for (const code of [new ExcelError('#N/A'), 'С-1']) {
      const plans = { header: PLAN_HEADER, rows: [plan(code, '2009-01-20'), plan('C-2', '2009-01-20')] };
      const ev = await evaluateBoth([hasPlan], workbook({ children: CHILDREN, plans }));
      expect(ev.findings).toEqual([]);
      expect(ev.notEvaluated.map((n) => n.subject)).toEqual(['C-1', 'C-3']);
      expect(ev.rules[0]!.outcome).toBe('not_evaluated');
    }
  });

  it('do not come from a rejected row empty in every column the rule reads: that is no record', async () => {
    // The plan row has dates but no child code: no child's plan can be found by it, now or corrected.
    const plans = { header: PLAN_HEADER, rows: [plan(null, '2009-01-20'), plan('C-2', '2009-01-20')] };
    const ev = await evaluateBoth([hasPlan], workbook({ children: CHILDREN, plans }));
    expect(keys(ev)).toEqual(['C-1 - -', 'C-3 - -']);
    expect(ev.notEvaluated).toEqual([]);
  });

  it('do not touch a subject whose code differs from every rejected row\'s', async () => {
    const plans = { header: PLAN_HEADER, rows: [plan('C-2', 'not a date'), plan('C-2', '2009-01-20')] };
    const ev = await evaluateBoth([hasPlan], workbook({ children: CHILDREN, plans }));
    expect(keys(ev)).toEqual(['C-1 - -', 'C-3 - -']);
    expect(ev.notEvaluated).toEqual([]);
  });

  it('follow the key the case is about: a rejected child of another group bears on no group', async () => {
    const groupSize = compile(`
rule group-size {
  clause A1.30.5
  severity major
  scope state "as of"
  quote "q"
  for g in groups
  let members = count(children c where c.group_id = g.group_id)
  require members <= 1
  message "{g.group_id}: {members}"
}`);
    const groups = { header: ['group_id', 'age_band', 'skill_level'], rows: [['G-1', '6-8', 'none'], ['G-2', '6-8', 'none']] };
    const children = {
      header: ['child_id', 'birth_date', 'admitted_on', 'funding', 'group_id'],
      rows: [['C-1', '2003-01-01', '2009-01-10', 'budget', 'G-1'], ['C-2', '2003-01-01', '2009-01-10', 'budget', 'G-1'], ['C-3', 'bad date', '2009-01-10', 'budget', 'G-2']],
    };
    const ev = await evaluateBoth([groupSize], workbook({ groups, children }));
    // G-1 has two members for certain; the rejected C-3 is of G-2, which has none accepted — and passes.
    expect(keys(ev)).toEqual(['G-1 - -']);
    expect(ev.notEvaluated).toEqual([]);
  });

  it('of a sheet the rule goes through are cases nobody judged: the findings of the others stand, and the rule is not shown to pass', async () => {
    const admitted = compile(`
rule admitted-young {
  clause A1.2
  severity minor
  scope record "r"
  quote "q"
  for c in children
  require c.birth_date >= 2004-01-01
  subject c.child_id
  message "{c.child_id}"
}`);
    const children = { ...CHILDREN, rows: [...CHILDREN.rows, ['C-4', '2003-13-01', '2009-01-10', 'budget']] };
    const ev = await evaluateBoth([admitted], workbook({ children }));
    expect(keys(ev)).toEqual(['C-1 - -']);
    expect(ev.rules[0]!.outcome).toBe('failed');
    expect(ev.notEvaluated.map((n) => [n.subject, n.cause, n.sheet, n.reason.en])).toEqual([
      [undefined, 'workbook', 'children', 'rows rejected for input errors may be cases of this rule that were not judged (sheet "children", row 5); correct them and audit again'],
    ]);
    // Without C-1's violation the rule would have "passed" on C-2 and C-3 alone: C-4 was never judged.
    const young = { ...children, rows: children.rows.filter((r) => r[0] !== 'C-1') };
    const only = await evaluateBoth([admitted], workbook({ children: young }));
    expect(only.findings).toEqual([]);
    expect(only.rules[0]!.outcome).toBe('not_evaluated');
  });
});

describe('a rejected row whose cells the lookup reads were read', () => {
  const dailyLog = dailyLogRule('');
  const children = ONE_CHILD;
  const LOG = ['child_id', 'date', 'observed_by'];

  it('bears only on the case its own cells could match: a log row of 2 March rejected for its observer leaves the other days findings', async () => {
    // Audited 1–4 March: observed on 1 March; the row of 2 March is rejected for an unknown observer role.
    const rows = [['C-1', '2010-03-01', 'nurse'], ['C-1', '2010-03-02', 'astronaut']];
    const ev = await evaluateBoth([dailyLog], workbook({ children, health_log: { header: LOG, rows } }, { period_from: '2010-03-01', period_to: '2010-03-04' }));
    expect(ev.findings.map((f) => f.period)).toEqual(['2010-03-03', '2010-03-04']);
    expect(ev.notEvaluated.map((n) => [n.subject, n.reason.en])).toEqual([['C-1', 'the record the rule looked for may be in rows rejected for input errors (sheet "health_log", row 3); correct them and audit again']]);
    expect(ev.rules[0]!.outcome).toBe('failed');
  });

  it('still bears on every case when a cell the lookup reads is in error: a date written 2.3.10 could be any day', async () => {
    const ev = await evaluateBoth([dailyLog], workbook({ children, health_log: { header: LOG, rows: [['C-1', '2010-03-01', 'nurse'], ['C-1', '2.3.10', 'nurse']] } }, { period_from: '2010-03-01', period_to: '2010-03-04' }));
    expect(ev.findings).toEqual([]);
    expect(ev.notEvaluated.map((n) => n.subject)).toEqual(['C-1']);
    expect(ev.rules[0]!.outcome).toBe('not_evaluated');
  });

  it('does not bear on a lookup of another kind of record: a rejected PMPK conclusion does not stand for a missing medical card', async () => {
    const hasDoc = compile(`
rule medical-card {
  clause A1.9
  severity major
  scope record "r"
  quote "q"
  for c in children
  require exists(documents x where x.child_id = c.child_id and x.document = medical_card)
  subject c.child_id
  message "{c.child_id}"
}`);
    // C-1's PMPK conclusion has a received date written 31.02.2010 (rejected); C-1 has no medical card at all.
    const documents = { header: ['child_id', 'document', 'received_on'], rows: [['C-1', 'pmpk_conclusion', '31.02.2010'], ['C-1', 'pmpk_conclusion', '2009-02-01']] };
    const ev = await evaluateBoth([hasDoc], workbook({ children, documents }));
    expect(keys(ev)).toEqual(['C-1 - -']);
    expect(ev.notEvaluated).toEqual([]);
  });
});

describe('a lookup over the sheet the rule goes through', () => {
  it('may find another row of that sheet: a rejected child of the same group bears on a child alone in it', async () => {
    const notAlone = compile(`
rule not-alone {
  clause A1.30
  severity minor
  scope record "r"
  quote "q"
  for c in children
  require exists(children o where o.group_id = c.group_id and o.child_id != c.child_id)
  subject c.child_id
  message "{c.child_id}"
}`);
    const groups = { header: ['group_id', 'age_band', 'skill_level'], rows: [['G-1', '6-8', 'none'], ['G-2', '6-8', 'none']] };
    const children = {
      header: ['child_id', 'birth_date', 'admitted_on', 'funding', 'group_id'],
      // C-3 is of G-1 but its birth date is written 30.02.2003: whether C-1 is alone is not known. C-2 is alone in G-2.
      rows: [['C-1', '2003-01-01', '2009-01-10', 'budget', 'G-1'], ['C-2', '2003-01-01', '2009-01-10', 'budget', 'G-2'], ['C-3', '30.02.2003', '2009-01-10', 'budget', 'G-1']],
    };
    const ev = await evaluateBoth([notAlone], workbook({ groups, children }));
    expect(keys(ev)).toEqual(['C-2 - -']);
    // C-1 may have company in C-3; and C-3, whose row was rejected, is a case nobody judged.
    expect(ev.notEvaluated.map((n) => [n.subject, n.sheet])).toEqual([[undefined, 'children'], ['C-1', 'children']]);
  });
});

describe('a failure no further row could mend', () => {
  const caseload = (require: string) => compile(`
rule caseload {
  clause A2.22
  severity major
  scope state "as of"
  quote "q"
  for g in groups
  let members = count(children c where c.group_id = g.group_id)
  require ${require}
  subject g.group_id
  message "{g.group_id}: {members}"
}`);
  const groups = { header: ['group_id', 'age_band', 'skill_level'], rows: [['G-1', '6-8', 'none'], ['G-2', '6-8', 'none']] };
  // G-1: two children and a third whose birth date is written 31.11.2003 (rejected); G-2: one child.
  const children = {
    header: ['child_id', 'birth_date', 'admitted_on', 'funding', 'group_id'],
    rows: [
      ['C-1', '2003-01-01', '2009-01-10', 'budget', 'G-1'], ['C-2', '2003-01-01', '2009-01-10', 'budget', 'G-1'],
      ['C-3', '31.11.2003', '2009-01-10', 'budget', 'G-1'], ['C-4', '2003-01-01', '2009-01-10', 'budget', 'G-2'],
    ],
  };

  it('is a finding: a rejected member of a group already too large cannot make it smaller', async () => {
    for (const require of ['members <= 1', 'not (members > 1)']) {
      const ev = await evaluateBoth([caseload(require)], workbook({ groups, children }));
      expect(keys(ev)).toEqual(['G-1 - -']);
      expect(ev.notEvaluated).toEqual([]);
    }
  });

  it('is not one where the row could mend it: too few members, or a range, stays not evaluated for that group', async () => {
    for (const require of ['members >= 3', 'members >= 3 and members <= 5']) {
      const ev = await evaluateBoth([caseload(require)], workbook({ groups, children }));
      // G-2 has one child and no rejected row of its own: a finding; G-1's third child may be the one.
      expect(keys(ev)).toEqual(['G-2 - -']);
      expect(ev.notEvaluated.map((n) => n.subject)).toEqual(['G-1']);
    }
  });
});

describe('the reason of a subject withheld for several rejected rows', () => {
  it('names them all, in Kazakh in the plural', async () => {
    const plans = { header: PLAN_HEADER, rows: [plan('C-1', '1.1.10'), plan('C-1', '2.1.10'), plan('C-2', '2009-01-20')] };
    const ev = await evaluateBoth([hasPlan], workbook({ children: CHILDREN, plans }));
    expect(ev.notEvaluated.map((n) => [n.subject, n.reason.kk, n.reason.ru])).toEqual([[
      'C-1',
      'ереже іздеген жазба енгізу қателеріне байланысты қабылданбаған жолдарда болуы мүмкін («plans» парағы, 2, 3-жолдар); оларды түзетіп, қайта тексеріңіз',
      'искомое может быть в строках, отклонённых из-за ошибок ввода (лист «plans», стр. 2, 3); исправьте их и проверьте снова',
    ]]);
  });
});

describe('a rejected row the lookup cannot read through', () => {
  it('withholds its own case only, and does not make the rule not evaluated: a date before the calendar', async () => {
    const planInTime = compile(`
rule plan-in-time {
  clause A1.17
  severity major
  scope record "r"
  quote "q"
  for c in children
  require exists(plans p where p.child_id = c.child_id and p.drafted_on + 5 working days >= c.admitted_on)
  subject c.child_id
  message "{c.child_id}"
}`);
    // C-1's plan is rejected for its number ('first'); its date, read, lies before the working-day calendar.
    const plans = { header: PLAN_HEADER, rows: [['C-1', 'first', '1990-01-10', '2009-02-01', '2010-01-31'], plan('C-2', '2009-01-12')] };
    const ev = await evaluateBoth([planInTime], workbook({ children: CHILDREN, plans }));
    expect(keys(ev)).toEqual(['C-3 - -']);
    expect(ev.notEvaluated.map((n) => [n.subject, n.cause])).toEqual([['C-1', 'workbook']]);
    expect(ev.rules[0]!.outcome).toBe('failed');
  });
});

describe('a rejected row of a per … except', () => {
  const dailyLog = dailyLogRule('\n    except leaves l where l.child_id = c.child_id during l.from .. l.to');
  const children = ONE_CHILD;
  const healthLog = { header: ['child_id', 'date'], rows: [['C-1', '2010-03-01']] };
  const LEAVES = ['child_id', 'from', 'to', 'parent_application'];
  const period = { period_from: '2010-03-01', period_to: '2010-03-05' };

  it('bears on the days its dates cover: a leave of 2–3 March rejected for its application leaves 4–5 March findings', async () => {
    const leaves = { header: LEAVES, rows: [['C-1', '2010-03-02', '2010-03-03', 'maybe'], ['C-1', '2009-05-01', '2009-05-02', 'yes']] };
    const ev = await evaluateBoth([dailyLog], workbook({ children, health_log: healthLog, leaves }, period));
    expect(ev.findings.map((f) => f.period)).toEqual(['2010-03-04', '2010-03-05']);
    expect(ev.notEvaluated.map((n) => [n.subject, n.sheet])).toEqual([['C-1', 'leaves']]);
  });

  it('bears on every day when its dates are in error', async () => {
    const leaves = { header: LEAVES, rows: [['C-1', '2.3.10', '2010-03-03', 'yes'], ['C-1', '2009-05-01', '2009-05-02', 'yes']] };
    const ev = await evaluateBoth([dailyLog], workbook({ children, health_log: healthLog, leaves }, period));
    expect(ev.findings).toEqual([]);
    expect(ev.notEvaluated.map((n) => n.subject)).toEqual(['C-1']);
  });
});
