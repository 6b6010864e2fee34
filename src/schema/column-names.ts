// How an English sentence names each column. The English header of a column is its id (`payment_terms`:
// what English workbooks and mapping files write, so it stays); a report or a message that mentions the
// column in English uses this name instead, as Kazakh and Russian text uses the kk/ru header. A test
// checks that every column of every sheet has one.
import type { ColumnId, SheetId } from './types.ts';

export const COLUMN_NAMES_EN: Readonly<Record<SheetId, Readonly<Record<ColumnId, string>>>> = {
  facility: {
    facility_id: 'facility code', name: 'name', kind: 'kind of facility', ownership: 'form of ownership',
    period_from: 'start of the audit period', period_to: 'end of the audit period', head_name: "head's full name",
    license_social_services: 'special social services licence', license_medical: 'medical licence', license_education: 'education licence',
  },
  children: {
    child_id: 'child code', birth_date: 'date of birth', sex: 'sex', admitted_on: 'date of admission', discharged_on: 'date of discharge',
    discharge_order_no: 'discharge order number', funding: 'funding', category: 'category', disabled: 'disability',
    has_ipr: 'individual rehabilitation programme', group_id: 'group', subgroup_id: 'subgroup', bedroom_id: 'bedroom',
    care_worker_id: 'care social worker', regime_hours: 'stay regime, hours a day', seizures_per_month: 'seizures a month',
    contraindications: 'contraindications', id_card_issued_on: 'date the identity card was issued',
    discharge_extract: 'extract or transfer epicrisis',
  },
  groups: { group_id: 'group code', age_band: 'age band', skill_level: 'skill level', labour_orientation: 'labour orientation' },
  staff: { staff_id: 'staff code', full_name: 'full name', position: 'position', rate: 'staff rate', hired_on: 'date hired', left_on: 'date left' },
  plans: {
    child_id: 'child code', plan_no: 'plan number', drafted_on: 'date drafted', completed_on: 'date completed',
    approved_on: 'date of approval', approved_by: 'approved by', valid_from: 'in force from', valid_to: 'in force until',
  },
  journal: { child_id: 'child code', date: 'date', entry_type: 'kind of entry', recorded_by: 'recorded by' },
  health_log: { child_id: 'child code', date: 'date', observed_by: 'observed by' },
  attendance: { child_id: 'child code', date: 'date', hours: 'hours' },
  menus: {
    menu_kind: 'kind of menu', season: 'season', week_start: 'start of the week', day_no: 'day number', meal: 'meal', dish: 'dish',
    approved_by: 'approved by', approved_on: 'date of approval',
  },
  complaint_reviews: { date: 'date', reviewer_role: 'reviewed by', reviewer_name: "reviewer's full name" },
  documents: { child_id: 'child code', document: 'document', received_on: 'date received' },
  leaves: {
    child_id: 'child code', from: 'from', to: 'to', parent_application: "parent's application", doctor_conclusion: "doctor's conclusion",
    order_no: "head's order",
  },
  referrals: {
    child_id: 'child code', from: 'from', to: 'to', organisation: 'organisation', doctor_conclusion: "doctor's conclusion",
    written_commitment: 'written commitment', order_no: "head's order",
  },
  vehicles: { vehicle_id: 'vehicle code', carries_musculoskeletal: 'carries children with musculoskeletal disorders', seat_belts: 'seat belts' },
  rooms: { room_id: 'room', purpose: 'purpose', passport: 'room passport' },
  contracts: {
    child_id: 'child code', contract_no: 'contract number', signed_on: 'date signed', valid_until: 'term of the contract',
    periodicity: 'periodicity of services', service_types: 'kinds of services', social_worker: 'assigned social worker',
    termination_conditions: 'termination conditions', responsibilities: "parties' responsibilities", payment_terms: 'payment terms',
    regime: 'stay regime', extension_terms: 'extension terms',
  },
  visits: { child_id: 'child code', date: 'date', staff_id: 'staff code' },
  services_journal: { child_id: 'child code', month: 'month', handed_over_on: 'date handed over' },
  records: { record: 'kind of record', period: 'period', present: 'present', numbered_bound_sealed: 'numbered, bound and sealed' },
  suspensions: { child_id: 'child code', from: 'from', to: 'to', reason: 'reason' },
};
