// Every query step and expression form, evaluated over small workbooks in both modes (fast = reference).
import { describe, expect, it } from 'vitest';
import { compile, evaluateBoth, keys, workbook } from './helpers.ts';

const HEAD = (clause = 'A1.18', severity = 'major') => `clause ${clause}\n  severity ${severity}\n  scope deadline "test"\n  quote "q"`;
const CHILD_COLS = ['child_id', 'birth_date', 'sex', 'admitted_on', 'discharged_on', 'funding', 'disabled', 'bedroom_id', 'seizures_per_month', 'contraindications'];
const child = (id: string, o: Partial<Record<string, string | number | null>> = {}) =>
  CHILD_COLS.map((c) => (c === 'child_id' ? id : c in o ? o[c] : ({ birth_date: '2003-01-01', sex: 'm', admitted_on: '2009-01-10', funding: 'budget', disabled: 'no' } as Record<string, string>)[c]) ?? null);
const children = (...rows: (string | number | null)[][]) => ({ header: CHILD_COLS, rows });

describe('deadline with working days, dated, where and join', () => {
  const rs = compile(`
rule plan-completed {
  ${HEAD()}
  for p in plans
  join c in children on c.child_id = p.child_id
  let deadline = p.drafted_on + 5 working days
  dated deadline
  where deadline within audit_period
  require p.completed_on <= deadline
  subject p.child_id
  expected "≤ {deadline}"
  actual "{p.completed_on}"
  message kk "{p.child_id}: {p.drafted_on} → {p.completed_on}" ru "{p.child_id}: {p.drafted_on}" en "Plan {p.plan_no} of {p.child_id} drafted {p.drafted_on} was completed {p.completed_on}; due {deadline}"
}`);
  const plan = (child: string, drafted: string, completed: string | null) => [child, 1, drafted, completed, '2010-01-01', '2010-12-31'];
  const wb = workbook({
    children: children(child('C-1'), child('C-2'), child('C-3'), child('C-4'), child('C-5')),
    plans: { header: ['child_id', 'plan_no', 'drafted_on', 'completed_on', 'valid_from', 'valid_to'], rows: [
      plan('C-1', '2010-02-04', '2010-02-11'), // 5 working days: on time
      plan('C-2', '2010-02-04', '2010-02-12'), // 6: late
      plan('C-3', '2010-02-04', null),         // never completed: empty fails the comparison
      plan('C-4', '2009-12-31', '2010-01-11'), // 4 working days over New Year: due 12.01.2010, in the period
      plan('C-5', '2009-12-01', null),         // due in December 2009: outside the audit period
    ] },
  });
  it('finds the late and the missing completion only', async () => {
    const ev = await evaluateBoth([rs], wb);
    expect(keys(ev)).toEqual(['C-2 - -', 'C-3 - -']);
    const late = ev.findings[0]!;
    expect(late.message.en).toBe('Plan 1 of C-2 drafted 2010-02-04 was completed 2010-02-12; due 2010-02-11');
    expect(late.message.kk).toBe('C-2: 04.02.2010 → 12.02.2010');
    expect([late.expected.en, late.actual.en]).toEqual(['≤ 2010-02-11', '2010-02-12']);
    // Dates in expected/actual read like the message's: dotted in kk/ru.
    expect([late.expected.ru, late.actual.kk]).toEqual(['≤ 11.02.2010', '12.02.2010']);
    expect(late.evidence).toEqual([
      { sheet: 'plans', row: 3, column: 'completed_on' }, { sheet: 'plans', row: 3, column: 'drafted_on' },
      { sheet: 'children', row: 3, column: 'child_id' }]);
    expect(ev.findings[1]!.message.ru).toBe('C-3: 04.02.2010');
    expect(ev.rules).toEqual([{ rule: 'residential/plan-completed', clause: 'A1.18', outcome: 'failed' }]);
  });
});

describe('per full quarter, exists with a range index, rule-wide scope', () => {
  const rs = compile(`
rule quarterly-monitoring {
  ${HEAD('A1.19')}
  for c in children
  per full quarter q in audit_period ∩ c.admitted_on .. c.discharged_on
  require exists(journal j where j.child_id = c.child_id and j.date within q and j.entry_type = quarterly_monitoring and j.recorded_by = social_work_specialist)
  message "{c.child_id}: no monitoring in {q}"
}`);
  const wb = workbook({
    children: children(child('C-1'), child('C-2', { admitted_on: '2010-02-15', discharged_on: '2010-09-30' })),
    journal: { header: ['child_id', 'date', 'entry_type', 'recorded_by'], rows: [
      ['C-1', '2010-02-01', 'quarterly_monitoring', 'social_work_specialist'],
      ['C-1', '2010-05-01', 'quarterly_monitoring', 'nurse'],                   // wrong recorder
      ['C-1', '2010-08-01', 'quarterly_monitoring', 'social_work_specialist'],
      ['C-1', '2010-12-31', 'quarterly_monitoring', 'social_work_specialist'],
      ['C-2', '2010-06-30', 'quarterly_monitoring', 'social_work_specialist'],
    ] },
  });
  it('judges each full quarter of each stay', async () => {
    const ev = await evaluateBoth([rs], wb);
    // C-2's stay covers only Q2 and Q3 fully; C-1 misses Q2 (a nurse recorded it).
    expect(keys(ev)).toEqual(['C-1 2010-Q2 -', 'C-2 2010-Q3 -']);
    expect(ev.findings[0]!.message.en).toBe('C-1: no monitoring in 2010-Q2');
    expect(ev.findings[0]!.evidence).toEqual([{ sheet: 'children', row: 2, column: 'child_id' }, { sheet: 'journal' }]);
  });
});

describe('per day with except (leaves), health log every day in residence', () => {
  const rs = compile(`
rule daily-health {
  ${HEAD('A1.28.5')}
  for c in children
  per day d in audit_period ∩ c.admitted_on .. c.discharged_on except leaves l where l.child_id = c.child_id during l.from .. l.to
  require exists(health_log h where h.child_id = c.child_id and h.date within d)
  message "{c.child_id}: no health log on {d}"
}`);
  const days = (child: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [child, `2010-03-${String(from + i).padStart(2, '0')}`]);
  const wb = workbook({
    children: children(child('C-1', { admitted_on: '2010-03-01', discharged_on: '2010-03-10' })),
    health_log: { header: ['child_id', 'date'], rows: [...days('C-1', 1, 3), ...days('C-1', 8, 9)] },
    leaves: { header: ['child_id', 'from', 'to', 'parent_application', 'doctor_conclusion'], rows: [['C-1', '2010-03-04', '2010-03-06', 'yes', 'yes']] },
  }, { period_from: '2010-03-01', period_to: '2010-03-31' });
  it('misses only the days in residence without an entry', async () => {
    const ev = await evaluateBoth([rs], wb);
    expect(keys(ev)).toEqual(['C-1 2010-03-07 -', 'C-1 2010-03-10 -']);
  });
});

describe('each item with alternatives and a guard; checklist require', () => {
  const docs = compile(`
rule admission-documents {
  ${HEAD('A1.8', 'minor')}
  for c in children
  where c.funding = budget
  each item d in [local_exec_decision, parent_application | medical_org_petition, disability_extract if c.disabled]
  require exists(documents x where x.child_id = c.child_id and x.document in d)
  message "{c.child_id} lacks {d}"
}`);
  const contract = compile(`
rule contract-fields {
  ${HEAD('A2.9', 'minor')}
  for k in contracts
  join c in children on c.child_id = k.child_id
  require {
    periodicity: k.periodicity is present
    payment_terms if c.funding = paid: k.payment_terms = yes
  }
  subject k.child_id
  message "The contract of {k.child_id} lacks {item}"
}`, { id: 'home-care', kind: 'home_care' });
  it('one finding per missing item; an alternative satisfies its item; a false guard skips the item', async () => {
    const wb = workbook({
      children: children(child('C-1', { disabled: 'yes' }), child('C-2'), child('C-3', { funding: 'paid' })),
      documents: { header: ['child_id', 'document'], rows: [
        ['C-1', 'medical_org_petition'], ['C-2', 'local_exec_decision'], ['C-2', 'parent_application']] },
    });
    const ev = await evaluateBoth([docs], wb);
    expect(keys(ev)).toEqual(['C-1 - disability_extract', 'C-1 - local_exec_decision']);
    expect(ev.findings.map((f) => f.message.en)).toEqual(['C-1 lacks extract from the disability certificate', 'C-1 lacks decision of the local executive body']);
  });
  it('checklist entries fail separately, with the entry as item', async () => {
    const wb = workbook({
      children: children(child('C-1'), child('C-2', { funding: 'paid' })),
      contracts: { header: ['child_id', 'periodicity', 'payment_terms'], rows: [['C-1', null, null], ['C-2', 'weekly', 'no']] },
    }, { kind: 'home_care' });
    const ev = await evaluateBoth([contract], wb);
    expect(keys(ev)).toEqual(['C-1 - periodicity', 'C-2 - payment_terms']);
    // English names the column in words; kk/ru read an item as the schema's label (a column header here,
    // lower-cased mid-sentence), quoted.
    expect(ev.findings[1]!.message.en).toBe('The contract of C-2 lacks payment terms');
    expect(ev.findings[1]!.message.ru).toBe('The contract of C-2 lacks «условия оплаты»');
    expect(ev.findings[1]!.item).toBe('payment_terms');
  });
  it('alternatives of an item read as enum labels joined by "or", in every language', async () => {
    const ev = await evaluateBoth([compile(`
rule admission-documents {
  ${HEAD('A1.8', 'minor')}
  for c in children
  each item d in [parent_application | medical_org_petition]
  require exists(documents x where x.child_id = c.child_id and x.document in d)
  expected "{item}"
  message "{c.child_id}: {item}"
}`)], workbook({ children: children(child('C-1')), documents: { header: ['child_id', 'document'], rows: [] } }));
    expect(ev.findings[0]!.expected).toEqual({
      kk: '«ата-анасының өтініші» немесе «медициналық ұйымның қолдаухаты»',
      ru: '«заявление родителей» или «ходатайство медицинской организации»',
      en: "parent's application or petition of a medical organisation",
    });
    expect(ev.findings[0]!.item).toBe('parent_application|medical_org_petition');
    expect(ev.findings[0]!.message.kk).toBe('C-1: «ата-анасының өтініші» немесе «медициналық ұйымның қолдаухаты»');
  });
});

describe('for over a literal list and a distinct list; info severity; facility-wide weekly duty', () => {
  it('a seasonal menu must have every day, per season', async () => {
    const rs = compile(`
rule seasonal-menu {
  ${HEAD('A1.27.2')}
  for s in [spring_summer, autumn_winter]
  each item n in [1, 2, 3]
  require exists(menus m where m.menu_kind = seasonal_14_day and m.season = s and m.day_no = n and m.approved_by = head)
  message "menu {s} lacks day {n}"
}`);
    const wb = workbook({ menus: { header: ['menu_kind', 'season', 'day_no', 'approved_by'], rows: [
      ['seasonal_14_day', 'spring_summer', 1, 'head'], ['seasonal_14_day', 'spring_summer', 2, 'head'], ['seasonal_14_day', 'spring_summer', 3, 'nurse'],
      ['seasonal_14_day', 'autumn_winter', 1, 'head'], ['seasonal_14_day', 'autumn_winter', 2, 'head'], ['seasonal_14_day', 'autumn_winter', 3, 'head']] } });
    const ev = await evaluateBoth([rs], wb);
    expect(keys(ev)).toEqual(['spring_summer - 3']);
  });
  it('info findings are advisory: the rule still passes', async () => {
    const rs = compile(`
rule bedroom-sex {
  ${HEAD('A1.13', 'info')}
  for b in distinct(children c where c.bedroom_id is present : c.bedroom_id)
  require length(distinct(children c where c.bedroom_id = b : c.sex)) <= 1
  message "bedroom {b} mixes sexes"
}`);
    const wb = workbook({ children: children(child('C-1', { bedroom_id: 'B-1' }), child('C-2', { bedroom_id: 'B-1', sex: 'f' }), child('C-3', { bedroom_id: 'B-2' }), child('C-4')) });
    const ev = await evaluateBoth([rs], wb);
    expect(keys(ev)).toEqual(['B-1 - -']);
    expect(ev.findings[0]!.severity).toBe('info');
    expect(ev.rules[0]!.outcome).toBe('passed');
  });
  it('weekly reviews by the head in every full ISO week; subject is the facility', async () => {
    const rs = compile(`
rule weekly-review {
  ${HEAD('A1.46')}
  per full week w in audit_period
  require count(complaint_reviews r where r.date within w and r.reviewer_role = head) >= 1
  message "no review by the head in {w}"
}`);
    const wb = workbook({ complaint_reviews: { header: ['date', 'reviewer_role'], rows: [
      ['2010-01-04', 'head'], ['2010-01-13', 'head'], ['2010-01-20', 'authorized_body'], ['2010-01-31', 'head']] } },
    { period_from: '2010-01-01', period_to: '2010-01-31' });
    const ev = await evaluateBoth([rs], wb);
    // 2009-W53 (28.12–03.01) is not wholly inside January; W04 (25–31 Jan) has a review on Sunday the 31st.
    expect(keys(ev)).toEqual(['F-1 2010-W03 -']);
  });
});

describe('ISO week 53 across a year end', () => {
  it('a stay over New Year 2015/2016 is judged in 2015-W53 (28.12.2015 – 03.01.2016)', async () => {
    const rs = compile(`
rule weekly-visits {
  clause A2.29.3
  severity major
  scope periodic "t"
  quote "q"
  for c in children
  per full week w in audit_period ∩ (c.admitted_on .. c.discharged_on)
  require length(distinct(visits v where v.child_id = c.child_id and v.date within w : v.date)) >= 2
  message "{c.child_id} {w}"
}`, { id: 'home-care', kind: 'home_care' });
    const wb = workbook({
      children: children(child('C-1', { admitted_on: '2015-12-01' })),
      visits: { header: ['child_id', 'date'], rows: [['C-1', '2015-12-21'], ['C-1', '2015-12-24'], ['C-1', '2015-12-29'], ['C-1', '2015-12-29'], ['C-1', '2016-01-05'], ['C-1', '2016-01-08']] },
    }, { kind: 'home_care', period_from: '2015-12-21', period_to: '2016-01-10' });
    const ev = await evaluateBoth([rs], wb);
    // Two visits on one day count once: 2015-W53 has one visit day.
    expect(keys(ev)).toEqual(['C-1 2015-W53 -']);
  });
});

describe('expressions: ages, lists, empty tests, aggregates, lookups, functions', () => {
  it('age on admission, contraindication lists and empty values', async () => {
    const rs = compile(`
rule age {
  ${HEAD('A1.2', 'critical')}
  for c in children
  where c.admitted_on within audit_period
  require age_years(c.birth_date, c.admitted_on) >= 3 and age_years(c.birth_date, c.admitted_on) < 18
  message "{c.child_id} was admitted aged {c.birth_date}"
}
rule contraindications {
  ${HEAD('A1.2', 'critical')}
  for c in children
  require not (epilepsy_frequent in c.contraindications or tb_active in c.contraindications) and (c.seizures_per_month is empty or c.seizures_per_month <= 5)
  message "{c.child_id}"
}`);
    const wb = workbook({ children: children(
      child('C-1', { birth_date: '2007-03-01', admitted_on: '2010-03-01' }),  // exactly 3 on admission: fine
      child('C-2', { birth_date: '2007-03-02', admitted_on: '2010-03-01' }),  // one day short of 3
      child('C-3', { birth_date: '1992-02-29', admitted_on: '2010-03-01', contraindications: 'aids; tb_active' }),  // 18 on 1 Mar 2010
      child('C-4', { seizures_per_month: 6 }),
      child('C-5', { seizures_per_month: 5, contraindications: 'venereal' }),
    ) });
    const ev = await evaluateBoth([rs], wb);
    expect(ev.findings.map((f) => `${f.rule} ${f.subject}`)).toEqual([
      'residential/age C-2', 'residential/contraindications C-3', 'residential/age C-3', 'residential/contraindications C-4']
      .sort((a, b) => (a.split(' ')[1]! < b.split(' ')[1]! ? -1 : a.split(' ')[1]! > b.split(' ')[1]! ? 1 : a < b ? -1 : 1)));
  });
  it('table lookup, sum/min/max/every/first, coalesce, min/max, days_between, working_days_between, year, label', async () => {
    const rs = compile(`
table min_rate by role: number {
  nurse = 1.5
  doctor = 0.5
}
rule staffing {
  ${HEAD('A1.43')}
  for r in [nurse, doctor]
  let total = sum(staff s where s.position = r and (s.left_on is empty or s.left_on >= as_of) : s.rate)
  let lowest = min(staff s where s.position = r : s.rate)
  let highest = max(staff s where s.position = r : s.rate)
  let newest = first(staff s where s.position = r and s.hired_on is present)
  let everyone_rated = every(staff s where s.position = r : s.rate > 0)
  require total >= min_rate[r] and everyone_rated and max(lowest, 0) <= coalesce(highest, 0)
  actual "{total} ({lowest}–{highest}); first hired {newest.hired_on}"
  message "{r}: {total} < {expected}"
}
rule periods-and-days {
  ${HEAD('A1.17')}
  for p in plans
  require days_between(p.valid_from, p.valid_to) <= 365 and working_days_between(p.valid_from, p.valid_from + 7 days) = 5 and year(p.valid_from) = 2010
  subject p.child_id
  message "{p.child_id} {p.valid_from} .. {p.valid_to}"
}`);
    const wb = workbook({
      children: children(child('C-1'), child('C-2')),
      staff: { header: ['staff_id', 'position', 'rate', 'hired_on', 'left_on'], rows: [
        ['S-1', 'nurse', 1, '2009-05-01', null], ['S-2', 'nurse', 1, null, '2010-06-30'], ['S-3', 'doctor', 0.5, '2008-01-01', null], ['S-4', 'doctor', 0, null, null]] },
      plans: { header: ['child_id', 'plan_no', 'drafted_on', 'valid_from', 'valid_to'], rows: [
        ['C-1', 1, '2010-01-05', '2010-02-01', '2011-01-31'], ['C-2', 1, '2010-01-05', '2010-03-01', '2011-03-02']] },
    });
    const ev = await evaluateBoth([rs], wb);
    expect(ev.findings.map((f) => `${f.subject}|${f.expected.en}|${f.actual.en}`)).toEqual([
      'C-2|days_between(p.valid_from, p.valid_to) <= 365 and working_days_between(p.valid_from, p.valid_from + 7 days) = 5 and year(p.valid_from) = 2010|days_between(p.valid_from, p.valid_to) = 366; working_days_between(p.valid_from, p.valid_from + 7 days) = 4; year(p.valid_from) = 2010', // 8 March 2010 is a holiday
      'doctor|total >= min_rate[r] and everyone_rated and max(lowest, 0) <= coalesce(highest, 0)|0.5 (0–0.5); first hired 2008-01-01',
      'nurse|total >= min_rate[r] and everyone_rated and max(lowest, 0) <= coalesce(highest, 0)|1 (1–1); first hired 2009-05-01',
    ]);
  });
});

describe('messages', () => {
  it('show enum codes as the schema labels in kk/ru, codes in en; booleans as words; dates per language', async () => {
    const rs = compile(`
rule paid-regime {
  clause A1.9
  severity minor
  scope state "t"
  quote "q"
  for c in children
  require c.funding = budget
  message kk "{c.child_id}: {c.funding}, {c.disabled}, {c.admitted_on}" ru "{c.child_id}: {c.funding}, {c.disabled}, {c.admitted_on}" en "{c.child_id}: {c.funding}, {c.disabled}, {c.admitted_on}"
}`);
    const ev = await evaluateBoth([rs], workbook({ children: children(child('C-1', { funding: 'paid', disabled: 'yes' })) }));
    expect(ev.findings[0]!.message).toEqual({ kk: 'C-1: ақылы, иә, 10.01.2009', ru: 'C-1: платно, да, 10.01.2009', en: 'C-1: paid, yes, 2009-01-10' });
  });

  it('render expected/actual per language; {expected} and {actual} in a message are in its language', async () => {
    const rs = compile(`
rule paid-regime {
  clause A1.9
  severity minor
  scope state "t"
  quote "q"
  for c in children
  require c.funding = budget
  expected kk "бюджет" ru "бюджет" en "budget"
  actual kk "{c.funding} қызмет" ru "{c.funding} услуга" en "{c.funding} service"
  message kk "{c.child_id}: {actual}" ru "{c.child_id}: {expected}/{actual}" en "{c.child_id}: {expected}/{actual}"
}`);
    const ev = await evaluateBoth([rs], workbook({ children: children(child('C-1', { funding: 'paid' })) }));
    const f = ev.findings[0]!;
    expect(f.expected).toEqual({ kk: 'бюджет', ru: 'бюджет', en: 'budget' });
    expect(f.actual).toEqual({ kk: 'ақылы қызмет', ru: 'платно услуга', en: 'paid service' });
    expect(f.message).toEqual({ kk: 'C-1: ақылы қызмет', ru: 'C-1: бюджет/платно услуга', en: 'C-1: budget/paid service' });
  });
});

describe('explain', () => {
  it('attaches the condition with the values compared, only when asked', async () => {
    const { evaluate } = await import('../../src/engine/index.ts');
    const rs = compile(`
rule plan-completed {
  clause A1.18
  severity major
  scope deadline "t"
  quote "q"
  for p in plans
  require p.completed_on <= p.drafted_on + 5 working days
  subject p.child_id
  message "{p.child_id}"
}`);
    const wb = workbook({
      children: children(child('C-2')),
      plans: { header: ['child_id', 'plan_no', 'drafted_on', 'completed_on', 'valid_from', 'valid_to'], rows: [['C-2', 1, '2010-02-04', '2010-02-12', '2010-01-01', '2010-12-31']] },
    });
    const plain = await evaluate([rs], wb);
    expect(plain.findings[0]!.explain).toBeUndefined();
    const explained = await evaluate([rs], wb, { explain: true });
    expect(explained.findings[0]!.explain).toEqual({ all: [{
      fact: 'p.completed_on', operator: 'dateOnOrBefore', value: { fact: 'p.drafted_on + 5 working days' },
      factValue: '2010-02-12', compareTo: '2010-02-11', result: false }], result: false });
  });
});
