// home-care-2010.xlsx: social services at home (annex 2), Russian headers and sheet names.
import type { WorkingDayCalendar } from '../../src/calendar/index.ts';
import { addMonths, dayNumber, toYMD } from '../../src/core/date.ts';
import {
  AS_OF, ageOn, check, complaintReviews, d, documentsFor, isoWeekLabel, mondays, plansFor, quarterlyEntries,
  stayInPeriod, WorkbookData, type Row,
} from './common.ts';

const FACILITY_ID = 'ONP-07';
const WORKERS: Record<string, string> = { 'CW-1': 'Иванова Марина Петровна', 'CW-2': 'Сейтказиева Алия Нурлановна' };

function child(id: string, sex: string, born: string, admitted: string, category: string, worker: string, extra: Row = {}): Row {
  const disabled = category === 'disabled';
  return {
    child_id: id, birth_date: d(born), sex, admitted_on: d(admitted), discharged_on: null, discharge_order_no: null,
    funding: 'budget', category, disabled, has_ipr: disabled, group_id: null, subgroup_id: null, bedroom_id: null,
    care_worker_id: worker, regime_hours: null, seizures_per_month: null, contraindications: [], id_card_issued_on: null, ...extra,
  };
}

export function homeCare(cal: WorkingDayCalendar): WorkbookData {
  const data = new WorkbookData('home-care-2010.xlsx', 'home_care', 'ru');
  data.add('facility', {
    facility_id: FACILITY_ID, name: 'Отделение социальной помощи на дому детям с ограниченными возможностями г. Павлодар', kind: 'home_care',
    ownership: 'state', period_from: d('2010-01-01'), period_to: d('2010-06-30'), head_name: 'Ковалева Ирина Викторовна',
    license_social_services: 'ССУ-0034567', license_medical: null, license_education: null,
  });

  // H-01 and H-11 were registered in 2008, before annex 2 came into force, and are served on by the local
  // executive body's decision (point 16: without the point-12 documents); their registration is not judged
  // by the 2009 text (not evaluated, with the reason). Everyone else was registered under it.
  const CONTINUED = ['H-01', 'H-11'];
  const children: Row[] = [
    child('H-01', 'm', '2000-04-12', '2008-05-05', 'disabled', 'CW-1'),
    child('H-02', 'f', '2003-09-09', '2009-09-21', 'disabled', 'CW-1'),
    child('H-03', 'm', '2005-01-20', '2009-10-19', 'limited_abilities', 'CW-1'),
    child('H-04', 'f', '2002-12-01', '2009-09-14', 'disabled', 'CW-1', { funding: 'paid' }),
    child('H-05', 'm', '2007-10-10', '2009-11-02', 'at_risk', 'CW-1'),
    child('H-06', 'f', '2004-06-06', '2009-11-10', 'disabled', 'CW-2'),
    child('H-07', 'm', '2008-03-15', '2009-12-07', 'at_risk', 'CW-2'),
    child('H-08', 'f', '2001-02-02', '2009-10-05', 'limited_abilities', 'CW-2', { funding: 'paid' }),
    child('H-09', 'm', '2006-08-08', '2010-03-10', 'disabled', 'CW-2'),
    child('H-10', 'f', '1998-05-05', '2009-09-28', 'disabled', 'CW-2', { discharged_on: d('2010-04-16'), discharge_order_no: '34-о' }),
    child('H-11', 'm', '2005-05-05', '2008-01-14', 'limited_abilities', 'CW-2'),
  ];
  for (const c of children) {
    data.add('children', c);
    check((c.admitted_on as number) >= d('2009-09-07') || CONTINUED.includes(c.child_id as string), `${c.child_id} registered under the 2009 text`);
    if (c.category === 'at_risk') {
      const months = (toYMD(c.admitted_on as number).year - toYMD(c.birth_date as number).year) * 12 + toYMD(c.admitted_on as number).month - toYMD(c.birth_date as number).month;
      check(months >= 18 && ageOn(c, c.admitted_on as number) < 3, `${c.child_id} at risk aged 1.5–3 on registration`);
    }
  }
  for (const worker of Object.keys(WORKERS)) {
    const caseload = children.filter((c) => c.care_worker_id === worker && ((c.discharged_on as number | null) ?? Infinity) >= AS_OF).length;
    check(caseload >= 4 && caseload <= 6, `${worker} serves 4–6 children on the as-of date`);
  }

  data.add('staff', { staff_id: 'S-1', full_name: 'Ковалева Ирина Викторовна', position: 'head', rate: 1, hired_on: d('2006-01-10'), left_on: null });
  data.add('staff', { staff_id: 'S-2', full_name: 'Абенова Гульмира Сериковна', position: 'department_head', rate: 1, hired_on: d('2006-02-01'), left_on: null });
  data.add('staff', { staff_id: 'S-3', full_name: 'Петренко Ольга Николаевна', position: 'social_work_consultant', rate: 1, hired_on: d('2007-03-01'), left_on: null });
  data.add('staff', { staff_id: 'S-4', full_name: 'Жакупов Арман Болатович', position: 'social_work_specialist', rate: 1, hired_on: d('2008-09-01'), left_on: null });
  for (const [id, name] of Object.entries(WORKERS)) data.add('staff', { staff_id: id, full_name: name, position: 'care_social_worker', rate: 1, hired_on: d('2007-01-15'), left_on: null });

  for (const c of children) {
    const paid = c.funding === 'paid';
    data.add('contracts', {
      child_id: c.child_id, contract_no: `Д-${c.child_id}`, signed_on: c.admitted_on, valid_until: d('2010-12-31'),
      periodicity: '2 раза в неделю', service_types: 'социально-бытовые, социально-медицинские, социально-педагогические',
      social_worker: WORKERS[c.care_worker_id as string], termination_conditions: true, responsibilities: c.child_id !== 'H-04',
      payment_terms: paid ? true : null, regime: null, extension_terms: paid ? true : null,
    });
  }
  data.violation('A2.9', 'H-04', null, 'responsibilities', 'H-04\'s contract does not state the parties\' responsibilities.');

  // Point 12's list for budget-funded care; the paid children's files follow the founder's own list (point 13),
  // here the same papers; H-01 and H-11 hold only the continuation decision (point 16).
  for (const c of children) {
    if (CONTINUED.includes(c.child_id as string)) { documentsFor(data, c, ['continuation_decision']); continue; }
    const codes = ['parent_application', 'birth_certificate_copy', 'residence_certificate', 'medical_certificate', 'housing_inspection_act',
      'parent_id_copy', ...(c.disabled ? ['disability_extract'] : []), ...(c.has_ipr ? ['ipr_extract'] : []), 'pmpk_conclusion',
      ...(c.funding === 'budget' ? ['local_exec_decision'] : [])];
    documentsFor(data, c, codes, c.child_id === 'H-06' ? ['housing_inspection_act'] : []);
  }
  data.violation('A2.12', 'H-06', null, 'housing_inspection_act', 'H-06 has no housing inspection act among the documents.');

  // H-09, registered 10.03.2010: plan drafted Friday 19.03.2010 and completed Monday 29.03.2010, the 3rd
  // working day (Nauryz 22–23 March and the 24 March day off for 21 March fall in between).
  for (const c of children) {
    if (c.child_id === 'H-09') plansFor(data, c, cal, { drafts: [d('2010-03-19')], completed: { 1: d('2010-03-29') } });
    else plansFor(data, c, cal);
  }
  check(cal.workingDaysBetween(d('2010-03-19'), d('2010-03-29')) === 3, '19.03→29.03.2010 is 3 working days');
  // The department head approves the plans of CW-2's children: the head of a home-help department (point 3).
  for (const p of data.rows('plans')) if (children.find((c) => c.child_id === p.child_id)!.care_worker_id === 'CW-2') p.approved_by = 'department_head';

  for (const c of children) quarterlyEntries(data, c, 'quarterly_monitoring', (q) => (c.child_id === 'H-02' && q === 1 ? 'social_work_specialist' : 'social_work_consultant'));
  data.violation('A2.19', 'H-02', '2010-Q1', null, 'H-02\'s only Q1 monitoring entry was recorded by a social work specialist, not a social work consultant.');

  // H-07 spent 08.02–19.02.2010 in day care: home care was suspended (point 15), no visits those weeks.
  const suspension = { child_id: 'H-07', from: d('2010-02-08'), to: d('2010-02-19'), reason: 'day_care_stay' };
  data.add('suspensions', suspension);

  // Visits: two a week on working days (Tuesday and Thursday, else the next free working day of the week).
  const skipWeek = d('2010-04-12');
  for (const c of children) {
    const [from, to] = stayInPeriod(c);
    for (const monday of mondays(from, to)) {
      if (c.child_id === suspension.child_id && monday + 6 >= suspension.from && monday <= suspension.to) continue;
      const order = [1, 3, 2, 4, 0].map((k) => monday + k).filter((x) => x >= from && x <= to && cal.isWorkingDay(x));
      const wanted = c.child_id === 'H-03' && monday === skipWeek ? 1 : 2;
      for (const day of order.slice(0, wanted).sort((a, b) => a - b)) data.add('visits', { child_id: c.child_id, date: day, staff_id: c.care_worker_id });
    }
  }
  data.violation('A2.29.3', 'H-03', isoWeekLabel(skipWeek), null, 'H-03 had only one home visit in ISO week 2010-W15 (12–18.04.2010).');

  // The services journal of each month is handed to the social worker on the next working day after it
  // ends; H-05's March journal was handed over on 26.03.2010, before the month ended.
  const early = { child_id: 'H-05', month: dayNumber(2010, 3, 1), on: d('2010-03-26') };
  for (const c of children) {
    const [from, to] = stayInPeriod(c);
    for (let month = toYMD(from).month; month <= toYMD(to).month; month++) {
      const first = dayNumber(2010, month, 1);
      const handed = c.child_id === early.child_id && first === early.month ? early.on : cal.addWorkingDays(addMonths(first, 1) - 1, 1);
      data.add('services_journal', { child_id: c.child_id, month: first, handed_over_on: handed });
    }
  }
  data.violation('A2.29.4', 'H-05', '2010-03', null, 'H-05\'s services journal for March 2010 was handed to the social worker on 26.03.2010, before the month ended.');

  data.add('records', { record: 'annual_work_plan', period: '2010', present: true, numbered_bound_sealed: null });
  data.add('records', { record: 'quarterly_work_plan', period: '2010-Q1', present: true, numbered_bound_sealed: null });
  data.add('records', { record: 'quarterly_work_plan', period: '2010-Q2', present: true, numbered_bound_sealed: null });
  data.add('records', { record: 'registration_journal', period: '2010', present: true, numbered_bound_sealed: true });
  data.add('records', { record: 'complaint_book', period: null, present: true, numbered_bound_sealed: true });

  complaintReviews(data, cal,
    (monday) => (Math.round((monday - d('2010-01-04')) / 7) % 2 === 0 ? 'head' : 'department_head'),
    (month) => (month === 4 ? 'authorized_body' : month % 2 === 0 ? 'founder' : 'local_executive_body'));
  data.violation('A2.36', FACILITY_ID, '2010-04', null, 'April 2010 has no complaint-book review by the local executive body or the founder (only one by the authorised body, which annex 2 does not name).');
  return data;
}
