// day-care-2010.xlsx: semi-stationary day care (annex 3), English (canonical) headers and sheet names.
import type { WorkingDayCalendar } from '../../src/calendar/index.ts';
import {
  AS_OF, ageOn, BUDGET_DOCUMENTS_A1, check, complaintReviews, d, days, documentsFor, iso, isoWeekLabel, mondays, paidDocuments,
  PERIOD_FROM, PERIOD_TO, plansFor, quarterlyEntries, stayInPeriod, WorkbookData, type Row,
} from './common.ts';

const FACILITY_ID = 'DC-03';

function child(id: string, sex: string, born: string, admitted: string, group: string, regime: number, extra: Row = {}): Row {
  return {
    child_id: id, birth_date: d(born), sex, admitted_on: d(admitted), discharged_on: null, discharge_order_no: null,
    funding: 'budget', category: 'disabled', disabled: true, has_ipr: true, group_id: group, subgroup_id: null, bedroom_id: null,
    care_worker_id: null, regime_hours: regime, seizures_per_month: 0, contraindications: [], id_card_issued_on: null, ...extra,
  };
}

export function dayCare(cal: WorkingDayCalendar): WorkbookData {
  const data = new WorkbookData('day-care-2010.xlsx', 'day_care', 'en');
  data.add('facility', {
    facility_id: FACILITY_ID, name: 'Bota day-care centre for children with psychoneurological conditions, Almaty', kind: 'day_care',
    ownership: 'private', period_from: PERIOD_FROM, period_to: PERIOD_TO, head_name: 'Mukanova Saule Kairatovna',
    license_social_services: 'SSS-0051234', license_medical: 'ML-0077123', license_education: 'EL-0033456',
  });

  // D-08 and D-12 were admitted before annex 3 came into force: their admission (age, documents, contract)
  // is not judged by the 2009 text (not evaluated, with the reason). Everyone else was admitted under it.
  const children: Row[] = [
    child('D-01', 'm', '2005-08-15', '2009-09-28', 'DG-1', 9),
    child('D-02', 'f', '2005-11-02', '2009-09-14', 'DG-1', 10),
    child('D-03', 'm', '2006-01-20', '2009-09-21', 'DG-1', 5, { funding: 'paid', has_ipr: false }),
    child('D-04', 'f', '2006-04-04', '2010-03-01', 'DG-1', 9),
    child('D-05', 'm', '2006-06-06', '2009-09-07', 'DG-1', 9, { seizures_per_month: 2 }),
    child('D-06', 'f', '2005-10-10', '2009-10-12', 'DG-1', 10),
    child('D-07', 'm', '2006-02-14', '2009-11-16', 'DG-1', 6, { funding: 'paid' }),
    child('D-08', 'm', '2000-03-03', '2007-09-03', 'DG-2', 8),
    child('D-09', 'f', '2001-03-07', '2009-10-05', 'DG-2', 9),
    child('D-10', 'm', '1999-12-12', '2010-01-18', 'DG-2', 10),
    child('D-11', 'f', '2000-01-25', '2009-09-14', 'DG-2', 9, { discharged_on: d('2010-04-09'), discharge_order_no: '15-қ' }),
    child('D-12', 'm', '1995-05-05', '2005-05-16', 'DG-3', 10, { subgroup_id: 'S-1' }),
    child('D-13', 'f', '1994-09-09', '2009-10-12', 'DG-3', 9, { subgroup_id: 'S-1' }),
  ];
  const bands: Record<string, [number, number]> = { 'DG-1': [3, 5], 'DG-2': [9, 13], 'DG-3': [14, 18] };
  for (const c of children) {
    data.add('children', c);
    const age = ageOn(c, c.admitted_on as number);
    check(age >= 3 && age < 18, `${c.child_id} admitted aged 3–17`);
    const [lo, hi] = bands[c.group_id as string]!;
    check(ageOn(c, AS_OF) >= lo && ageOn(c, AS_OF) <= hi, `${c.child_id} inside its group's age band`);
    check((c.regime_hours as number) >= 4 && (c.regime_hours as number) <= 10, `${c.child_id} regime 4–10 h`);
    // A3.14: 9–10 h for every child except paid services in this private facility (at least 4 h).
    if (c.funding === 'budget' && c.child_id !== 'D-08') check((c.regime_hours as number) >= 9, `${c.child_id} regime 9–10 h`);
    check(c.disabled === true, `${c.child_id} is disabled`);
    check((c.admitted_on as number) >= d('2009-09-07') || ['D-08', 'D-12'].includes(c.child_id as string), `${c.child_id} admitted under the 2009 text`);
  }
  data.violation('A3.14', 'D-08', null, null, 'Budget-funded D-08 has a regime of 8 hours a day; every child but a paid one of a private facility has 9–10 hours.');

  // A private facility admits on a contract (A3.7) that states the terms of point 41 (A3.41); D-03's
  // contract leaves out the daily regime.
  for (const c of children) {
    data.add('contracts', {
      child_id: c.child_id, contract_no: `C-${(c.child_id as string).slice(2)}`, signed_on: c.admitted_on, valid_until: d('2010-12-31'),
      periodicity: 'every working day', service_types: 'rehabilitation, education, meals', social_worker: null,
      termination_conditions: true, responsibilities: true, payment_terms: c.funding === 'paid' ? true : null,
      regime: c.child_id === 'D-03' ? null : `${c.regime_hours} h a day, 08:00 onwards`, extension_terms: c.funding === 'paid' ? true : null,
    });
  }
  data.violation('A3.41', 'D-03', null, null, 'D-03\'s contract does not state the daily stay regime.');

  data.add('groups', { group_id: 'DG-1', age_band: '3-5', skill_level: 'none', labour_orientation: false });
  data.add('groups', { group_id: 'DG-2', age_band: '9-13', skill_level: 'household', labour_orientation: false });
  data.add('groups', { group_id: 'DG-3', age_band: '14-18', skill_level: 'manual', labour_orientation: true });
  check(children.filter((c) => c.group_id === 'DG-1').length === 7, 'DG-1 has 7 members');
  data.violation('A3.28.7', 'DG-1', null, null, 'Group DG-1 (skill level none) has 7 members; at most 6 are allowed.');

  for (const c of children) {
    if (c.child_id === 'D-10') plansFor(data, c, cal, { drafts: [d('2010-01-25')], completed: { 1: d('2010-02-03') } });
    else plansFor(data, c, cal);
  }
  check(cal.workingDaysBetween(d('2010-01-25'), d('2010-02-03')) === 7, 'D-10 plan completed 7 working days after drafting');
  data.violation('A3.18', 'D-10', null, null, 'D-10\'s plan 1, drafted 25.01.2010, was completed on 03.02.2010, 7 working days later (limit 5).');

  for (const c of children) documentsFor(data, c, c.funding === 'paid' ? paidDocuments(c) : [...BUDGET_DOCUMENTS_A1]);

  // Attendance on every working day of the stay; a health_log entry for every attendance day.
  for (const c of children) {
    const [from, to] = stayInPeriod(c);
    for (const day of days(from, to).filter((x) => cal.isWorkingDay(x))) {
      data.add('attendance', { child_id: c.child_id, date: day, hours: c.regime_hours });
      if (!(c.child_id === 'D-05' && day === d('2010-02-10'))) data.add('health_log', { child_id: c.child_id, date: day, observed_by: 'nurse' });
    }
  }
  data.violation('A3.26.3', 'D-05', '2010-02-10', null, 'D-05 attended on 10.02.2010 but has no health_log entry that day.');

  for (const c of children) quarterlyEntries(data, c, 'quarterly_monitoring', () => 'social_work_specialist');
  data.add('journal', { child_id: null, date: d('2010-05-20'), entry_type: 'internal_control', recorded_by: 'social_work_specialist' });

  // Weekly menus approved by the head on the Friday before the week (W20's only on its Monday).
  const lateWeek = d('2010-05-17');
  for (const monday of mondays(PERIOD_FROM, PERIOD_TO)) {
    const approved = monday === lateWeek ? monday : monday - 3;
    for (let day = 1; day <= 5; day++) {
      data.add('menus', { menu_kind: 'weekly', season: null, week_start: monday, day_no: day, meal: 'breakfast, lunch, snack', dish: `menu ${iso(monday)} day ${day}`, approved_by: 'head', approved_on: approved });
    }
  }
  data.violation('A3.25.2', FACILITY_ID, isoWeekLabel(lateWeek), null, 'The weekly menu for 2010-W20 (17–23.05.2010) was approved on 17.05.2010, not by the day before the week.');

  data.add('rooms', { room_id: 'R-1', purpose: 'group_work', passport: true });
  data.add('rooms', { room_id: 'R-2', purpose: 'individual_work', passport: true });
  data.add('records', { record: 'complaint_book', period: null, present: true, numbered_bound_sealed: true });
  complaintReviews(data, cal, () => 'head', () => 'authorized_body');
  return data;
}
