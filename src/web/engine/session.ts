// The self-check page's engine: the rule pack the page carries, one workbook audited through the same
// pipeline as `ereje audit` (auditWorkbook, the same messages for a refused file), its report rendered by
// src/report, and the template of `ereje template`. It runs in a Web Worker, or in the page itself when
// the browser allows no worker; either way it answers through `post`.
import { buildCalendar, type WorkingDayCalendar } from '../../calendar/index.ts';
import { auditWorkbook, type AuditPack } from '../../cli/audit-run.ts';
import { FatalError, prefixed } from '../../cli/errors.ts';
import { cliText } from '../../cli/messages.ts';
import { compileRuleFile, type CompiledRuleset } from '../../compile/index.ts';
import { parseDateText, type DayNumber } from '../../core/date.ts';
import type { Lang } from '../../core/lang.ts';
import { formatSize } from '../../core/size.ts';
import { clip } from '../../core/text.ts';
import { evaluate, NoRulesetInForce, type Evaluation } from '../../engine/index.ts';
import { DEFAULT_INGEST_LIMITS } from '../../ingest/read-workbook.ts';
import type { IngestedWorkbook } from '../../ingest/types.ts';
import { buildReport, renderHtmlBody, renderReport, type AuditReport } from '../../report/index.ts';
import { inputErrorCell, isWarning } from '../../report/view.ts';
import { FACILITY_KIND_OF_RULESET, WORKBOOK_SCHEMA } from '../../schema/index.ts';
import { buildTemplate } from '../../template/index.ts';
import { decodePack, type PackData } from '../pack-data.ts';
import type { DownloadFormat, FromEngine, ReportView, ToEngine } from '../protocol.ts';
import type { Phase } from '../texts.ts';

type Post = (message: FromEngine, transfer?: Transferable[]) => void;

/** The largest workbook read, as `ereje audit`'s default --max-size (the page has no option to raise it). */
const MAX_BYTES = DEFAULT_INGEST_LIMITS.maxUncompressedBytes;

interface Audited {
  readonly file: string;
  readonly workbook: IngestedWorkbook;
  readonly evaluation: Evaluation;
  readonly asOf: DayNumber;
  readonly reports: Map<Lang, AuditReport>;
}

export class EngineSession {
  private pack: PackData | null = null;
  private version = '';
  private readonly compiled = new Map<number, CompiledRuleset>();
  private readonly calendars = new Map<string, WorkingDayCalendar>();
  private quotes: ReadonlyMap<string, string> = new Map();
  private last: Audited | null = null;

  constructor(private readonly post: Post) {}

  async handle(message: ToEngine): Promise<void> {
    if (message.type === 'init') {
      try {
        this.pack = decodePack(message.pack);
      } catch (err) {
        this.post({ type: 'crashed', id: 0, detail: `the rules in the page do not load: ${err instanceof Error ? err.message : String(err)}` });
        return;
      }
      this.version = message.version;
      this.quotes = new Map(this.pack.quotes);
      this.post({ type: 'ready' });
      return;
    }
    const { id } = message;
    try {
      switch (message.type) {
        case 'audit': return await this.audit(id, message.file, message.name, message.asOf, message.lang);
        case 'relabel': return this.relabel(id, message.lang);
        case 'download': return this.download(id, message.format, message.lang);
        case 'template': return this.template(id, message.kind, message.lang);
      }
    } catch (err) {
      if (err instanceof FatalError) this.post({ type: 'failed', id, text: err.text });
      else this.post({ type: 'crashed', id, detail: clip((err instanceof Error ? err.message : String(err)).split('\n', 1)[0]!, 200) });
    }
  }

  private progress(id: number, phase: Phase): void {
    this.post({ type: 'progress', id, phase });
  }

  /** The compiled versions for a facility kind (every version when no version is for it, so the error lists them), each compiled once. */
  private rulesetsFor(kind: string | null): CompiledRuleset[] {
    const pack = this.pack!;
    let wanted = pack.versions.flatMap((v, i) => (v.appliesTo === kind ? [i] : []));
    if (wanted.length === 0) wanted = pack.versions.map((_, i) => i);
    for (const i of wanted) {
      if (this.compiled.has(i)) continue;
      const name = pack.versions[i]!.calendar;
      const file = pack.calendars.find(([n]) => n === name)?.[1];
      if (name !== null && file && !this.calendars.has(name)) this.calendars.set(name, buildCalendar(file));
      this.compiled.set(i, compileRuleFile(pack.checked[i]!, { calendars: this.calendars, schema: WORKBOOK_SCHEMA }));
    }
    return wanted.map((i) => this.compiled.get(i)!);
  }

  private async audit(id: number, file: Blob, name: string, asOfText: string | null, lang: Lang): Promise<void> {
    if (!this.pack) throw new Error('the rule pack was not loaded');
    this.last = null;
    this.progress(id, 'file');
    if (file.size > MAX_BYTES) throw new FatalError(cliText.fileTooLarge(name, formatSize(file.size), formatSize(MAX_BYTES)));
    const bytes = new Uint8Array(await file.arrayBuffer());
    const asOf = asOfText === null ? undefined : parseDateText(asOfText);
    let captured: { workbook: IngestedWorkbook; evaluation: Evaluation; asOf: DayNumber } | null = null;
    // The audit's pack as `ereje audit` builds it (src/cli/audit-pack.ts), over the versions the page carries.
    const pack: AuditPack = {
      quotes: this.quotes,
      evaluate: async (workbook, on) => {
        this.progress(id, 'rules');
        try {
          const evaluation = await evaluate(this.rulesetsFor(workbook.facility?.kind ?? null), workbook, { asOf: on, explain: false });
          captured = { workbook, evaluation, asOf: on };
          this.progress(id, 'report');
          return evaluation;
        } catch (err) {
          if (err instanceof NoRulesetInForce) throw new FatalError(prefixed(`${workbook.file}: `, err.text));
          throw err;
        }
      },
    };
    this.progress(id, 'sheets');
    const { report } = await auditWorkbook(bytes, name, pack, { lang, version: this.version, ...(asOf === undefined ? {} : { asOf }) });
    this.last = { file: name, ...captured!, reports: new Map([[lang, report]]) };
    this.post({ type: 'report', id, view: this.view(report, lang) });
  }

  /** The last audit's report in `lang`: built from the same evaluation, as auditWorkbook builds it. */
  private report(lang: Lang): AuditReport {
    const last = this.last;
    if (!last) throw new Error('no workbook has been checked');
    let report = last.reports.get(lang);
    if (!report) {
      report = buildReport({ workbook: last.workbook, evaluation: last.evaluation, asOf: last.asOf, lang, version: this.version });
      last.reports.set(lang, report);
    }
    return report;
  }

  private relabel(id: number, lang: Lang): void {
    this.post({ type: 'report', id, view: this.view(this.report(lang), lang) });
  }

  private view(report: AuditReport, lang: Lang): ReportView {
    return {
      lang,
      file: report.workbook.file,
      html: renderHtmlBody(report, { lang, quotes: this.quotes }),
      verdict: report.result,
      kind: report.facility.kind,
      period: report.period,
      asOf: report.as_of,
      inputErrors: report.input_errors.filter((e) => !isWarning(e)).map((e) => ({ cell: inputErrorCell(e, lang), message: e.message })),
    };
  }

  private download(id: number, format: DownloadFormat, lang: Lang): void {
    const report = this.report(lang);
    const content = renderReport(report, format, { lang, quotes: this.quotes });
    const base = this.last!.file.replace(/\.xlsx$/i, '');
    this.post({ type: 'file', id, name: `${base}-report.${format}`, mime: MIME[format], content });
  }

  private template(id: number, kind: string, lang: Lang): void {
    const facilityKind = Object.hasOwn(FACILITY_KIND_OF_RULESET, kind) ? FACILITY_KIND_OF_RULESET[kind] : undefined;
    if (!facilityKind) throw new Error(`unknown facility kind ${clip(kind)}`);
    this.post({ type: 'file', id, name: `${kind}-template.xlsx`, mime: MIME.xlsx, content: buildTemplate(facilityKind, lang) });
  }
}

const MIME: Readonly<Record<DownloadFormat, string>> = {
  html: 'text/html;charset=utf-8',
  json: 'application/json;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
