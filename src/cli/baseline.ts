// Earlier reports for follow-up inspections: `--baseline FILE` (one report), `--baseline DIR` (a folder of
// them, each workbook compared with the latest earlier report of its facility), and the two sides of
// `ereje diff`. Every report read is checked against the report's JSON Schema first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Localized } from '../core/lang.ts';
import { applyBaseline, BaselineMismatch } from '../report/follow-up.ts';
import type { AuditReport } from '../report/types.ts';
import { checkReport, REPORT_SCHEMA_ID } from '../report/validate.ts';
import { SUMMARY_SCHEMA_ID } from '../report/batch.ts';
import { isDirectory } from './audit-io.ts';
import { FatalError } from './errors.ts';
import { followUpText } from './follow-up-messages.ts';

export interface LoadedReport {
  readonly path: string;
  readonly report: AuditReport;
}

/**
 * Reads and checks one JSON report; `what` names it in messages (`--baseline old.json`, `old.json`).
 * A file that cannot be read, is not JSON, is not an ereje report, is of another schema or does not match
 * the schema is a FatalError saying which and what to do.
 */
export function readReportFile(path: string, what: string): LoadedReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new FatalError(followUpText.cannotRead(what, (err as NodeJS.ErrnoException).code ?? 'error'));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new FatalError(followUpText.notJson(what, (err as Error).message));
  }
  const check = checkReport(json);
  if (check.ok) return { path, report: check.report };
  if (check.problem === 'other-schema') throw new FatalError(followUpText.otherSchema(what, check.detail, REPORT_SCHEMA_ID));
  if (check.problem === 'not-a-report') throw new FatalError(followUpText.notReport(what, check.detail));
  throw new FatalError(followUpText.invalid(what, check.detail));
}

/** Where follow-up comes from: one report, or a folder of reports matched by facility. */
export type BaselineSource =
  | { readonly kind: 'file'; readonly path: string; readonly loaded: LoadedReport }
  | { readonly kind: 'folder'; readonly path: string; readonly reports: readonly LoadedReport[] };

/**
 * `--baseline PATH`, read before any workbook is audited. In a folder every `*.json` is read: batch
 * summaries are passed over, and any other file that is not a report this ereje reads is a warning
 * (`warn`), not a stop — a folder of last year's reports should not fail for one stray file.
 */
export function loadBaselineSource(path: string, warn: (line: Localized) => void): BaselineSource {
  if (!isDirectory(path)) return { kind: 'file', path, loaded: readReportFile(path, `--baseline ${path}`) };
  let names: string[];
  try {
    names = readdirSync(path, { withFileTypes: true }).filter((e) => e.isFile() && /\.json$/i.test(e.name)).map((e) => e.name).sort();
  } catch (err) {
    throw new FatalError(followUpText.cannotRead(`--baseline ${path}`, (err as NodeJS.ErrnoException).code ?? 'error'));
  }
  const reports: LoadedReport[] = [];
  for (const name of names) {
    const file = join(path, name);
    try {
      reports.push(readReportFile(file, `--baseline ${file}`));
    } catch (err) {
      if (!(err instanceof FatalError)) throw err;
      if (isSummary(file)) continue;
      warn({ kk: followUpText.skipped(err.text.kk).kk, ru: followUpText.skipped(err.text.ru).ru, en: followUpText.skipped(err.text.en).en });
    }
  }
  if (reports.length === 0) throw new FatalError(followUpText.folderHasNoReports(path));
  return { kind: 'folder', path, reports };
}

function isSummary(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { schema?: unknown }).schema === SUMMARY_SCHEMA_ID;
  } catch {
    return false;
  }
}

/**
 * The baseline of one audit: the file given (it must be of the same facility), or from a folder the
 * latest report of the same facility whose period does not start after this audit's (by period end,
 * then as-of date, then file name). Null when a folder has none for this facility.
 */
export function baselineFor(source: BaselineSource, current: Pick<AuditReport, 'facility' | 'period'>): LoadedReport | null {
  if (source.kind === 'file') return source.loaded;
  const candidates = source.reports.filter((r) =>
    r.report.facility.facility_id === current.facility.facility_id && r.report.period.from <= current.period.from);
  candidates.sort((a, b) => cmp(b.report.period.to, a.report.period.to) || cmp(b.report.as_of, a.report.as_of) || cmp(a.path, b.path));
  return candidates[0] ?? null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `current` compared with `baseline`: a FatalError when they are of different facilities, warnings when
 * the baseline is later than the audit or in another language.
 */
export function followUp(current: AuditReport, baseline: LoadedReport, what: string, warn: (line: Localized) => void): AuditReport {
  try {
    const out = applyBaseline(current, baseline.report);
    if (baseline.report.period.from > current.period.from) warn(followUpText.baselineLater(what));
    if (baseline.report.lang !== current.lang) warn(followUpText.otherLanguage(what, baseline.report.lang, current.lang));
    return out;
  } catch (err) {
    if (!(err instanceof BaselineMismatch)) throw err;
    const name = (f: { facility_id: string; name: string }) => `${f.facility_id} («${f.name}»)`;
    throw new FatalError(followUpText.otherFacility(what, name(err.baselineFacility), name(err.facility)));
  }
}
