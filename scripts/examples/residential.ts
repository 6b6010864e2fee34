// residential-2010.xlsx: a 24-hour children's psychoneurological institution (annex 1), Kazakh headers.
import type { WorkingDayCalendar } from '../../src/calendar/index.ts';
import {
  AS_OF, BUDGET_DOCUMENTS_A1, check, complaintReviews, d, days, documentsFor, ageOn, paidDocuments,
  plansFor, quarterlyEntries, stayInPeriod, WorkbookData, type Row,
} from './common.ts';

const FACILITY_ID = 'MAU-01';

function child(id: string, sex: string, born: string, admitted: string, group: string, bedroom: string, extra: Row = {}): Row {
  return {
    child_id: id, birth_date: d(born), sex, admitted_on: d(admitted), discharged_on: null, discharge_order_no: null,
    funding: 'budget', category: 'disabled', disabled: true, has_ipr: true, group_id: group, subgroup_id: null,
    bedroom_id: bedroom, care_worker_id: null, regime_hours: 24, seizures_per_month: 0, contraindications: [],
    id_card_issued_on: null, discharge_extract: null, ...extra,
  };
}

export function residential(cal: WorkingDayCalendar): WorkbookData {
  const data = new WorkbookData('residential-2010.xlsx', 'residential', 'kk');
  data.add('facility', {
    facility_id: FACILITY_ID, name: '«Мейірім» балалар психоневрологиялық медициналық-әлеуметтік мекемесі', kind: 'residential',
    ownership: 'private', period_from: d('2010-01-01'), period_to: d('2010-06-30'), head_name: 'Сәрсенбаева Гүлнар Әбілқызы',
    license_social_services: 'АӘҚ-0012345', license_medical: 'МЛ-0098765', license_education: 'БЛ-0045678',
  });

  // were admitted in 2005, under the earlier text that the rule pack does not hold: their
  // admission (age, documents, contract) and R-12's plan drafted in June 2009 are not evaluated, with the reason.
  const children: Row[] = [
    child('R-01', 'f', '2006-02-10', '2009-09-14', 'G-1', 'B-1'),
    child('R-02', 'm', '2005-09-01', '2009-09-21', 'G-1', 'B-2'),
    child('R-03', 'f', '2006-11-20', '2010-02-15', 'G-1', 'B-1'),
    child('R-04', 'm', '2001-03-01', '2009-09-14', 'G-2', 'B-2', { seizures_per_month: 3 }),
    child('R-05', 'f', '2003-05-05', '2009-10-05', 'G-2', 'B-1'),
    child('R-06', 'm', '2002-10-10', '2009-10-12', 'G-2', 'B-2', { funding: 'paid', has_ipr: false }),
    child('R-07', 'm', '1999-01-15', '2009-09-28', 'G-3', 'B-3'),
    child('R-08', 'f', '1998-07-07', '2005-11-14', 'G-3', 'B-4', { category: 'limited_abilities' }),
    child('R-09', 'm', '1997-12-01', '2009-11-02', 'G-3', 'B-3', { discharged_on: d('2010-04-20'), discharge_order_no: '12-ө', discharge_extract: true }),
    child('R-10', 'm', '1994-03-03', '2009-09-21', 'G-4', 'B-5', { subgroup_id: 'S-1', id_card_issued_on: d('2010-03-20') }),
    child('R-11', 'f', '1995-08-08', '2009-10-19', 'G-4', 'B-4', { subgroup_id: 'S-1' }),
    child('R-12', 'f', '1993-11-11', '2005-06-01', 'G-4', 'B-4', { subgroup_id: 'S-2', id_card_issued_on: d('2009-12-01') }),
  ];
  for (const c of children) {
    data.add('children', c);
    const age = ageOn(c, c.admitted_on as number);
    check(age >= 3 && age < 18, `${c.child_id} admitted aged 3–17`);
    check(ageOn(c, AS_OF) < 18, `${c.child_id} under 18 on the as-of date`);
    check(c.disabled === true, `${c.child_id} is disabled`);
    check((c.admitted_on as number) >= d('2009-09-07') || ['R-08', 'R-12'].includes(c.child_id as string), `${c.child_id} admitted under the 2009 text`);
  }
  // A private institution admits on a contract (A1.7): one per child, signed on admission.
  for (const c of children) data.add('contracts', { child_id: c.child_id, contract_no: `Ш-${(c.child_id as string).slice(2)}`, signed_on: c.admitted_on, valid_until: null });

  data.add('groups', { group_id: 'G-1', age_band: '3-5', skill_level: 'none', labour_orientation: false });
  data.add('groups', { group_id: 'G-2', age_band: '6-8', skill_level: 'self_care', labour_orientation: false });
  data.add('groups', { group_id: 'G-3', age_band: '9-13', skill_level: 'household', labour_orientation: false });
  data.add('groups', { group_id: 'G-4', age_band: '14-18', skill_level: 'manual', labour_orientation: true });
  check(ageOn(children[3]!, AS_OF) === 9, 'R-04 is 9 on the as-of date, outside band 6-8');
  data.violation('A1.30.5', 'R-04', null, null, 'R-04 (born 01.03.2001) is 9 on 30.06.2010 but is placed in group G-2 for ages 6–8.');

  const staff: [string, string, string][] = [
    ['S-01', 'Сәрсенбаева Гүлнар Әбілқызы', 'head'], ['S-02', 'Жұмабаев Ерлан Серікұлы', 'social_work_specialist'],
    ['S-03', 'Әлиева Динара Маратқызы', 'psychologist'], ['S-04', 'Оспанова Айгүл Қайратқызы', 'defectologist'],
    ['S-05', 'Нұрланова Сәуле Бекқызы', 'nurse'], ['S-06', 'Ахметов Нұрлан Асқарұлы', 'doctor'],
    ['S-07', 'Тоқтарова Жанар Ерболқызы', 'speech_therapist'],
  ];
  for (const [staff_id, full_name, position] of staff) data.add('staff', { staff_id, full_name, position, rate: 1, hired_on: d('2005-09-01'), left_on: null });

  // Plans: R-05's second plan is drafted on Thursday 04.03.2010 and completed on 12.03.2010, the 5th working
  // day because 8 March is a holiday (6 working days if the holiday were ignored).
  for (const c of children) {
    if (c.child_id === 'R-05') plansFor(data, c, cal, { drafts: [d('2009-10-12'), d('2010-03-04')], completed: { 2: d('2010-03-12') } });
    else plansFor(data, c, cal);
  }
  check(cal.workingDaysBetween(d('2010-03-04'), d('2010-03-12')) === 5, '04.03→12.03.2010 is 5 working days');

  for (const c of children) {
    documentsFor(data, c, c.funding === 'paid' ? paidDocuments(c) : BUDGET_DOCUMENTS_A1.map((x) => (c.child_id === 'R-02' && x === 'parent_application' ? 'medical_org_petition' : x)),
      c.child_id === 'R-05' ? ['pmpk_conclusion'] : []);
  }
  data.violation('A1.8', 'R-05', null, 'pmpk_conclusion', 'Budget-funded R-05 has no PMPK conclusion among the admission documents.');

  data.add('leaves', { child_id: 'R-07', from: d('2010-03-05'), to: d('2010-03-09'), parent_application: true, doctor_conclusion: false, order_no: '21-ө' });
  data.add('leaves', { child_id: 'R-08', from: d('2010-05-07'), to: d('2010-05-11'), parent_application: true, doctor_conclusion: true, order_no: null });
  data.violation('A1.34', 'R-07', null, 'doctor_conclusion', 'R-07\'s leave 05.03.2010–09.03.2010 has the parent\'s application but no doctor\'s conclusion.');
  data.violation('A1.40', 'R-08', null, null, 'R-08\'s leave 07.05.2010–11.05.2010 has no head\'s order (no order number).');
  data.add('referrals', { child_id: 'R-05', from: d('2010-02-01'), to: d('2010-02-20'), organisation: 'Облыстық балалар ауруханасы', doctor_conclusion: true, written_commitment: true, order_no: '9-ө' });

  // Health log: every day of residence; leave and referral days are absent except their first and last day.
  const away = [...data.rows('leaves'), ...data.rows('referrals')];
  for (const c of children) {
    const [from, to] = stayInPeriod(c);
    for (const day of days(from, to)) {
      if (away.some((a) => a.child_id === c.child_id && day > (a.from as number) && day < (a.to as number))) continue;
      if (c.child_id === 'R-02' && day === d('2010-05-12')) continue;
      data.add('health_log', { child_id: c.child_id, date: day, observed_by: 'nurse' });
    }
  }
  data.violation('A1.28.5', 'R-02', '2010-05-12', null, 'No health_log entry for R-02 on 12.05.2010, a day R-02 was in residence.');

  for (const c of children) {
    quarterlyEntries(data, c, 'quarterly_monitoring', () => 'social_work_specialist');
    quarterlyEntries(data, c, 'interim_assessment', () => 'defectologist', 70);
  }
  data.add('journal', { child_id: null, date: d('2010-04-15'), entry_type: 'internal_control', recorded_by: 'social_work_specialist' });

  for (const [season, approved] of [['spring_summer', '2010-02-26'], ['autumn_winter', '2009-08-28']] as const) {
    for (let day = 1; day <= 14; day++) {
      if (season === 'autumn_winter' && day === 9) continue;
      data.add('menus', { menu_kind: 'seasonal_14_day', season, week_start: null, day_no: day, meal: 'таңғы ас, түскі ас, кешкі ас', dish: `${day}-күннің мәзірі`, approved_by: 'head', approved_on: d(approved) });
    }
  }
  data.violation('A1.27.2', 'autumn_winter', null, '9', 'The autumn–winter 14-day menu has no day 9.');

  data.add('vehicles', { vehicle_id: 'V-1', carries_musculoskeletal: true, seat_belts: true });
  data.add('vehicles', { vehicle_id: 'V-2', carries_musculoskeletal: false, seat_belts: false });
  data.add('rooms', { room_id: 'K-1', purpose: 'group_work', passport: true });
  data.add('rooms', { room_id: 'K-2', purpose: 'individual_work', passport: true });
  data.add('rooms', { room_id: 'K-3', purpose: 'other', passport: false });
  data.add('records', { record: 'complaint_book', period: null, present: true, numbered_bound_sealed: true });
  data.add('records', { record: 'annual_work_plan', period: '2010', present: true, numbered_bound_sealed: null });

  complaintReviews(data, cal, () => 'head', () => 'authorized_body');
  return data;
}
