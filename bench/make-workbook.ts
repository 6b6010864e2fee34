// A large, realistic residential workbook for the benchmark: 300 children with a daily health log for
// a year (~110k rows), plus journal, plans, documents, staff, groups, leaves, reviews, menus….
import * as XLSX from 'xlsx';

const DAY = 86_400_000;
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (t: Date, n: number) => new Date(t.getTime() + n * DAY);

/** A deterministic pseudo-random generator, so every run benchmarks the same workbook. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

export interface BenchWorkbook { readonly bytes: Uint8Array; readonly dataRows: number; readonly sheets: Record<string, number> }

export function makeBenchWorkbook(children = 300): BenchWorkbook {
  const r = rng(42);
  const start = iso(2010, 1, 1);
  const sheets: Record<string, unknown[][]> = {};
  sheets.facility = [
    ['facility_id', 'name', 'kind', 'ownership', 'period_from', 'period_to', 'head_name', 'license_social_services', 'license_medical', 'license_education'],
    ['F-BENCH', 'Benchmark facility', 'residential', 'state', start, iso(2010, 10, 31), 'Head', 'L-1', 'L-2', null],
  ];
  const skills = ['none', 'self_care', 'household', 'manual'];
  const bands = ['3-5', '6-8', '9-13', '14-18'];
  sheets.groups = [['group_id', 'age_band', 'skill_level', 'labour_orientation'],
    ...Array.from({ length: 30 }, (_, i) => [`G-${i + 1}`, bands[i % 4], skills[i % 4], i % 4 === 3 ? 'yes' : 'no'])];
  sheets.staff = [['staff_id', 'full_name', 'position', 'rate', 'hired_on', 'left_on'],
    ...Array.from({ length: 60 }, (_, i) => [`S-${i + 1}`, `Staff ${i + 1}`, ['nurse', 'social_work_specialist', 'care_social_worker', 'doctor', 'head', 'psychologist'][i % 6], 1, iso(2008, 1 + (i % 12), 1), null])];
  const childRows: unknown[][] = [];
  const health: unknown[][] = [];
  const journal: unknown[][] = [];
  const plans: unknown[][] = [];
  const documents: unknown[][] = [];
  const leaves: unknown[][] = [];
  const contracts: unknown[][] = [];
  const services: unknown[][] = [];
  const visits: unknown[][] = [];
  const attendance: unknown[][] = [];
  const docs = ['local_exec_decision', 'parent_application', 'referral', 'birth_certificate_or_id', 'taxpayer_number', 'social_id_code', 'disability_extract', 'medical_card', 'pmpk_conclusion', 'outpatient_extract', 'ipr_extract'];
  for (let c = 1; c <= children; c++) {
    const id = `C-${String(c).padStart(4, '0')}`;
    const admitted = addDays(iso(2009, 1, 1), Math.floor(r() * 500));
    const discharged = r() < 0.1 ? addDays(iso(2010, 6, 1), Math.floor(r() * 180)) : null;
    const birth = addDays(iso(1995, 1, 1), Math.floor(r() * 4000));
    childRows.push([id, birth, r() < 0.5 ? 'm' : 'f', admitted, discharged, discharged ? `P-${c}` : null, r() < 0.9 ? 'budget' : 'paid', 'disabled', 'yes', r() < 0.5 ? 'yes' : 'no',
      `G-${1 + (c % 30)}`, `SG-${1 + (c % 60)}`, `B-${1 + (c % 60)}`, `S-${3 + 6 * (c % 10)}`, r() < 0.95 ? 9 : 6, r() < 0.1 ? 3 : 0, r() < 0.02 ? 'tb_active' : null, r() < 0.7 ? addDays(birth, 16 * 365 + 30) : null, discharged ? 'yes' : null]);
    const from = admitted > start ? admitted : start;
    const to = discharged ?? iso(2010, 12, 31);
    for (let t = from; t <= to; t = addDays(t, 1)) if (r() > 0.002) health.push([id, t, 'nurse']);
    for (let q = 0; q < 4; q++) {
      journal.push([id, iso(2010, q * 3 + 2, 10), 'quarterly_monitoring', 'social_work_specialist']);
      journal.push([id, iso(2010, q * 3 + 2, 20), 'interim_assessment', 'psychologist']);
    }
    const drafted = addDays(admitted, Math.floor(r() * 20));
    plans.push([id, 1, drafted, addDays(drafted, Math.floor(r() * 9)), addDays(drafted, 9), 'head', drafted, addDays(drafted, 364)]);
    for (const d of docs) if (r() > 0.03) documents.push([id, d, admitted]);
    contracts.push([id, `K-${c}`, admitted, iso(2011, 12, 31), 'weekly', 'care', 'Worker', 'yes', 'yes', r() < 0.9 ? 'yes' : null, '9 h', c % 10 === 0 ? null : 'yes']);
    for (let m = 1; m <= 10; m++) services.push([id, iso(2010, m, 1), iso(2010, m + 1, 1)]);   // handed over when the month ends (A2.29.4)
    if (c <= 100) {
      for (let t = start; t <= iso(2010, 10, 31); t = addDays(t, 1)) {
        const wd = t.getUTCDay();
        if (wd === 1 || wd === 4) visits.push([id, t, `S-${3 + 6 * (c % 10)}`]);
        if (wd >= 1 && wd <= 5) attendance.push([id, t, 9]);
      }
    }
    if (r() < 0.3) { const l = addDays(start, Math.floor(r() * 300)); leaves.push([id, l, addDays(l, 5), 'yes', r() < 0.9 ? 'yes' : 'no', c % 7 === 0 ? null : `O-${c}`]); }
  }
  sheets.children = [['child_id', 'birth_date', 'sex', 'admitted_on', 'discharged_on', 'discharge_order_no', 'funding', 'category', 'disabled', 'has_ipr', 'group_id', 'subgroup_id', 'bedroom_id', 'care_worker_id', 'regime_hours', 'seizures_per_month', 'contraindications', 'id_card_issued_on', 'discharge_extract'], ...childRows];
  sheets.health_log = [['child_id', 'date', 'observed_by'], ...health];
  sheets.journal = [['child_id', 'date', 'entry_type', 'recorded_by'], ...journal,
    ...Array.from({ length: 12 }, (_, m) => [null, iso(2010, m + 1, 15), 'internal_control', 'social_work_specialist'])];
  sheets.plans = [['child_id', 'plan_no', 'drafted_on', 'completed_on', 'approved_on', 'approved_by', 'valid_from', 'valid_to'], ...plans];
  sheets.documents = [['child_id', 'document', 'received_on'], ...documents];
  sheets.leaves = [['child_id', 'from', 'to', 'parent_application', 'doctor_conclusion', 'order_no'], ...leaves];
  sheets.contracts = [['child_id', 'contract_no', 'signed_on', 'valid_until', 'periodicity', 'service_types', 'social_worker', 'termination_conditions', 'responsibilities', 'payment_terms', 'regime', 'extension_terms'], ...contracts];
  sheets.suspensions = [['child_id', 'from', 'to', 'reason'], ['C-0002', iso(2010, 4, 5), iso(2010, 4, 16), 'day_care_stay']];
  sheets.services_journal = [['child_id', 'month', 'handed_over_on'], ...services];
  sheets.visits = [['child_id', 'date', 'staff_id'], ...visits];
  sheets.attendance = [['child_id', 'date', 'hours'], ...attendance];
  sheets.referrals = [['child_id', 'from', 'to', 'organisation', 'doctor_conclusion', 'written_commitment', 'order_no'], ['C-0001', iso(2010, 3, 1), iso(2010, 3, 20), 'Clinic', 'yes', 'yes', 'O-1']];
  sheets.complaint_reviews = [['date', 'reviewer_role', 'reviewer_name'],
    ...Array.from({ length: 52 }, (_, w) => [addDays(iso(2010, 1, 4), w * 7 + 1), 'head', 'Head']),
    ...Array.from({ length: 12 }, (_, m) => [iso(2010, m + 1, 25), 'authorized_body', 'Body'])];
  sheets.menus = [['menu_kind', 'season', 'week_start', 'day_no', 'meal', 'dish', 'approved_by', 'approved_on'],
    ...['spring_summer', 'autumn_winter'].flatMap((s) => Array.from({ length: 14 }, (_, d) => ['seasonal_14_day', s, null, d + 1, 'lunch', 'soup', 'head', iso(2009, 12, 1)]))];
  sheets.rooms = [['room_id', 'purpose', 'passport'], ...Array.from({ length: 10 }, (_, i) => [`R-${i + 1}`, i % 2 ? 'group_work' : 'individual_work', i === 3 ? 'no' : 'yes'])];
  sheets.vehicles = [['vehicle_id', 'carries_musculoskeletal', 'seat_belts'], ['V-1', 'yes', 'yes'], ['V-2', 'yes', 'no']];
  sheets.records = [['record', 'period', 'present', 'numbered_bound_sealed'], ['complaint_book', null, 'yes', 'yes']];

  const wb = XLSX.utils.book_new();
  const counts: Record<string, number> = {};
  let dataRows = 0;
  for (const [name, aoa] of Object.entries(sheets)) {
    // Dense sheets: the same bytes as the default ones, made in less time (a test makes one per run).
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: false, dense: true }), name);
    counts[name] = aoa.length - 1;
    dataRows += aoa.length - 1;
  }
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
  return { bytes, dataRows, sheets: counts };
}
