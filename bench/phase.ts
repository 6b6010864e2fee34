// One measured phase of the benchmark in its own process, so its peak RSS (getrusage maxRSS) is its own:
// `baseline` loads everything and reads the file's bytes; `read` adds a bare XLSX.read; `ingest` runs
// readWorkbook; `audit` runs readWorkbook and the evaluation of every rule pack. Prints one JSON line.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { evaluate } from '../src/engine/index.ts';
import { readWorkbook } from '../src/ingest/index.ts';
import { loadRulePack } from '../src/rulepack/index.ts';

const [phase, file] = process.argv.slice(2) as ['baseline' | 'read' | 'ingest' | 'audit', string];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const pack = await loadRulePack();
const bytes = new Uint8Array(readFileSync(file));
gc();
const out: Record<string, unknown> = { phase };
if (phase === 'read') {
  const t = performance.now();
  const wb = XLSX.read(bytes, { type: 'buffer', cellDates: false, dense: true, cellFormula: false, cellHTML: false, cellStyles: false });
  out.time = performance.now() - t;
  out.sheets = wb.SheetNames.length;
} else if (phase === 'ingest') {
  const t = performance.now();
  const wb = readWorkbook(bytes, { file });
  out.readTime = performance.now() - t;
  out.inputErrors = wb.errors.length;
} else if (phase === 'audit') {
  const t = performance.now();
  const wb = readWorkbook(bytes, { file });
  out.readTime = performance.now() - t;
  const packs: { id: string; time: number; findings: number; notEvaluated: number }[] = [];
  for (const rs of pack.rulesets) {
    // Each pack judged as if the facility were of its kind, so every pack's rules run over the big workbook.
    const asKind = { ...wb, facility: wb.facility && { ...wb.facility, kind: rs.appliesTo } };
    const e0 = performance.now();
    const ev = await evaluate([rs], asKind, { mode: 'fast' });
    packs.push({ id: `${rs.id}@${rs.version}`, time: performance.now() - e0, findings: ev.findings.length, notEvaluated: ev.notEvaluated.length });
  }
  out.packs = packs;
  out.inputErrors = wb.errors.length;
}
out.maxRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(out));
