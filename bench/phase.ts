// One measured phase of the benchmark in its own process, so its peak RSS (getrusage maxRSS) is its own:
// `baseline` loads everything and reads the file's bytes; `read` adds a bare XLSX.read with SheetJS's
// defaults (`{ type: 'buffer' }`, what a user of the library would write; `read-tuned` is the same with
// ingest's cell options, shown for comparison); `audit` is what `ereje audit`
// does for the workbook (readWorkbook, selectVersions for its facility kind, evaluate); `packs` reads the
// workbook and evaluates every rule pack as if the facility were of that pack's kind. Prints one JSON line.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { evaluate, selectVersions } from '../src/engine/index.ts';
import { readWorkbook } from '../src/ingest/index.ts';
import { loadRulePack } from '../src/rulepack/index.ts';

export type Phase = 'baseline' | 'read' | 'read-tuned' | 'audit' | 'packs';
export interface PackTime { id: string; time: number; cpuTime: number; findings: number; notEvaluated: number }
export interface PhaseResult {
  phase: Phase;
  maxRssBytes: number;
  /** read/read-tuned: XLSX.read; audit/packs: readWorkbook. */
  readTime?: number;
  selectTime?: number;
  evalTime?: number;
  findings?: number;
  inputErrors?: number;
  kind?: string;
  /** CPU time (user + system, all threads) of the timed part: less sensitive than wall time to other load on the machine. */
  cpuTime?: number;
  packs?: PackTime[];
}

const [phase, file] = process.argv.slice(2) as [Phase, string];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const pack = await loadRulePack();
const bytes = new Uint8Array(readFileSync(file));
gc();
const out: PhaseResult = { phase, maxRssBytes: 0 };
const cpuSince = (c: NodeJS.CpuUsage) => { const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const cpu0 = process.cpuUsage();
if (phase === 'read') {
  const t = performance.now();
  XLSX.read(bytes, { type: 'buffer' });
  out.readTime = performance.now() - t;
  out.cpuTime = cpuSince(cpu0);
} else if (phase === 'read-tuned') {
  // For comparison only: SheetJS with the cell options ingest uses (no display text, formats, styles, formulas).
  const t = performance.now();
  XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellNF: false, cellStyles: false, sheetStubs: false });
  out.readTime = performance.now() - t;
  out.cpuTime = cpuSince(cpu0);
} else if (phase === 'audit') {
  const t0 = performance.now();
  const wb = readWorkbook(bytes, { file });
  const t1 = performance.now();
  const facility = wb.facility!;
  const period = { from: facility.period_from, to: facility.period_to };
  const selected = selectVersions(pack.rulesets, facility.kind, period, period.to);
  const t2 = performance.now();
  const ev = await evaluate(selected, wb);
  const t3 = performance.now();
  out.cpuTime = cpuSince(cpu0);
  Object.assign(out, { readTime: t1 - t0, selectTime: t2 - t1, evalTime: t3 - t2, findings: ev.findings.length, inputErrors: wb.errors.length, kind: facility.kind });
} else if (phase === 'packs') {
  const t0 = performance.now();
  const wb = readWorkbook(bytes, { file });
  out.readTime = performance.now() - t0;
  const packs: PackTime[] = [];
  for (const rs of pack.rulesets) {
    // Each pack judged as if the facility were of its kind, so every pack's rules run over the big workbook.
    const asKind = { ...wb, facility: wb.facility && { ...wb.facility, kind: rs.appliesTo } };
    const c0 = process.cpuUsage();
    const e0 = performance.now();
    const ev = await evaluate([rs], asKind);
    packs.push({ id: `${rs.id}@${rs.version}`, time: performance.now() - e0, cpuTime: cpuSince(c0), findings: ev.findings.length, notEvaluated: ev.notEvaluated.length });
  }
  out.packs = packs;
}
out.maxRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(out));
