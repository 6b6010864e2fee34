// Every file of reports/samples/, made through the same code paths as `ereje audit`: `npm run reports`
// writes them and test/report/samples.test.ts checks that the committed ones are current.
// - <example>.<lang>.{json,md,html,xlsx} for every example workbook, in Kazakh, Russian and English;
// - residential-2010-recheck.<lang>.* — a follow-up audit (--baseline residential-2010.<lang>.json) of the
//   residential example's facility after it fixed two findings, kept four and left days of its health
//   log unrecorded (consolidated entries, new / persisting / recurring / resolved);
// - home-care-2010.explain.en.{json,md,html} — `--explain`: each finding's conditions and values;
// - batch-summary.<lang>.{json,html} — the summary.json / summary.html of a batch of all of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditWorkbook, type AuditPack } from '../../src/cli/audit-run.ts';
import { version } from '../../src/cli/version.ts';
import { LANGS, type Lang } from '../../src/core/lang.ts';
import { renderBatchSummaryHtml } from '../../src/report/batch-html.ts';
import { buildBatchSummary, type BatchOutcome } from '../../src/report/batch.ts';
import { applyBaseline } from '../../src/report/follow-up.ts';
import { renderReport, type AuditReport, type ReportFormat } from '../../src/report/index.ts';
import { d, loadCalendar, renderWorkbook, type WorkbookData } from '../examples/common.ts';
import { residential } from '../examples/residential.ts';

const FORMATS: readonly ReportFormat[] = ['json', 'md', 'html', 'xlsx'];

/** File name → content, in the order they are made; `log` hears one line per workbook. */
export async function makeSamples(root: string, pack: AuditPack, log: (line: string) => void = () => {}): Promise<Map<string, string | Uint8Array>> {
  const examplesDir = join(root, 'examples');
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.xlsx')).sort();
  if (examples.length === 0) throw new Error(`no .xlsx in ${examplesDir}; run \`npm run examples\` first`);
  const files = new Map<string, string | Uint8Array>();
  const write = (name: string, report: AuditReport, lang: Lang, formats: readonly ReportFormat[] = FORMATS): string => {
    for (const format of formats) files.set(`${name}.${lang}.${format}`, renderReport(report, format, { lang, quotes: pack.quotes }));
    return `${name}.${lang}.html`;
  };

  const outcomes = new Map<Lang, BatchOutcome[]>(LANGS.map((lang) => [lang, []]));
  const earlier = new Map<Lang, AuditReport>();
  for (const file of examples) {
    const bytes = new Uint8Array(readFileSync(join(examplesDir, file)));
    const base = file.replace(/\.xlsx$/, '');
    for (const lang of LANGS) {
      const { report, exitCode } = await auditWorkbook(bytes, file, pack, { lang, version });
      outcomes.get(lang)!.push({ file, report, exitCode, reportFile: write(base, report, lang) });
      if (base === 'residential-2010') earlier.set(lang, report);
      if (lang === 'en') {
        const s = report.summary;
        log(`${file}: exit ${exitCode}, ${s.findings} findings in ${report.groups.length} entries, ${s.not_evaluated} not evaluated, ${s.input_errors} input errors`);
      }
    }
  }

  // The follow-up audit: the same facility and period, the workbook as it was handed in again.
  const recheck = recheckWorkbook(root);
  for (const lang of LANGS) {
    const { report, exitCode } = await auditWorkbook(recheck, 'residential-2010-recheck.xlsx', pack, { lang, version });
    const followed = applyBaseline(report, earlier.get(lang)!);
    outcomes.get(lang)!.push({ file: 'residential-2010-recheck.xlsx', report: followed, exitCode, reportFile: write('residential-2010-recheck', followed, lang) });
    if (lang === 'en') {
      const s = followed.summary;
      log(`residential-2010-recheck.xlsx: exit ${exitCode}, ${s.findings} findings in ${followed.groups.length} entries; new ${s.new}, persisting ${s.persisting}, resolved ${s.resolved}`);
    }
  }

  const homeCare = new Uint8Array(readFileSync(join(examplesDir, 'home-care-2010.xlsx')));
  const explained = await auditWorkbook(homeCare, 'home-care-2010.xlsx', pack, { lang: 'en', version, explain: true });
  write('home-care-2010.explain', explained.report, 'en', ['json', 'md', 'html']);

  for (const lang of LANGS) {
    const summary = buildBatchSummary(outcomes.get(lang)!, { lang, version });
    files.set(`batch-summary.${lang}.json`, JSON.stringify(summary, null, 2) + '\n');
    files.set(`batch-summary.${lang}.html`, renderBatchSummaryHtml(summary, { quotes: pack.quotes }));
  }
  return files;
}

/**
 * The residential example handed in again for the same period: R-05's PMPK conclusion and day 9 of the
 * autumn–winter menu added (two findings resolved); R-02's 12 May, R-04's group, R-07's and R-08's leaves
 * unchanged (persisting); and health-log days left unrecorded — R-03 on 1–14 March, R-06 on every weekend
 * from February to May, R-02 also on 20 May (new, R-02's recurring).
 */
export function recheckWorkbook(root: string): Uint8Array {
  const data: WorkbookData = residential(loadCalendar(join(root, 'rules', 'calendars', 'kz.json')));
  data.add('documents', { child_id: 'R-05', document: 'pmpk_conclusion', received_on: d('2009-10-02') });
  data.add('menus', {
    menu_kind: 'seasonal_14_day', season: 'autumn_winter', week_start: null, day_no: 9, meal: 'таңғы ас, түскі ас, кешкі ас',
    dish: '9-күннің мәзірі', approved_by: 'head', approved_on: d('2009-08-28'),
  });
  const weekend = (day: number) => ((day + 3) % 7) >= 5;
  const unrecorded = (child: string, day: number) =>
    (child === 'R-03' && day >= d('2010-03-01') && day <= d('2010-03-14'))
    || (child === 'R-06' && day >= d('2010-02-01') && day <= d('2010-05-31') && weekend(day))
    || (child === 'R-02' && day === d('2010-05-20'));
  const log = data.rows('health_log');
  data.sheets.set('health_log', log.filter((r) => !unrecorded(r.child_id as string, r.date as number)));
  return renderWorkbook(data);
}
