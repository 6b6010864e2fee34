// A worker thread of `ereje audit --jobs N`: loads the rule pack (from the pack cache the main thread
// has just filled), then audits the workbooks it is sent one at a time with auditOne, writing each
// report itself. An earlier report for follow-up (`--baseline`) is asked of the main thread, which
// holds them; the mapping file is read again here (its checked form does not cross threads intact).
import { workerData } from 'node:worker_threads';
import type { DayNumber } from '../core/date.ts';
import type { Lang } from '../core/lang.ts';
import type { ReportFormat } from '../report/formats.ts';
import type { AuditReport } from '../report/types.ts';
import { readMappingFile } from './audit-io.ts';
import { auditOne, type BatchContext, type WorkbookDone, type WorkbookTask } from './audit-one.ts';
import { loadAuditPack } from './audit-pack.ts';
import type { LoadedReport } from './baseline.ts';
import { serveTasks } from './worker-pool.ts';

/** What every worker of a batch is started with. */
export interface AuditWorkerSetup {
  readonly rulesDir: string;
  readonly asOf?: DayNumber;
  readonly lang: Lang;
  readonly mappingFile?: string;
  readonly maxBytes: number;
  readonly version: string;
  readonly explain: boolean;
  readonly format: ReportFormat;
  readonly debug: boolean;
  readonly followUp: boolean;
}

/** The question a worker asks for follow-up: the baseline of the facility and period of a report. */
export interface BaselineQuestion { readonly facility: AuditReport['facility']; readonly period: AuditReport['period'] }

const setup = workerData as AuditWorkerSetup;
const ctx: BatchContext = {
  pack: await loadAuditPack(setup.rulesDir),
  options: {
    asOf: setup.asOf, lang: setup.lang, mapping: setup.mappingFile === undefined ? undefined : readMappingFile(setup.mappingFile),
    limits: { maxUncompressedBytes: setup.maxBytes }, version: setup.version, explain: setup.explain,
  },
  maxBytes: setup.maxBytes, lang: setup.lang, format: setup.format, debug: setup.debug,
  baselineFor: null,
};

serveTasks<WorkbookTask, WorkbookDone>((task, ask) => auditOne(task, {
  ...ctx,
  baselineFor: setup.followUp
    ? async (report) => (await ask({ facility: report.facility, period: report.period } satisfies BaselineQuestion)) as LoadedReport | null
    : null,
}));
