// `npm run bench`: times bare SheetJS reading, our ingest, parse+check of the rule packs, evaluation of
// every rule pack, a per-row json-rules-engine baseline, and peak memory; prints whether targets hold.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { compileRuleFile, OPERATORS, type Value } from '../src/compile/index.ts';
import { checkRuleFiles, parseRuleFile } from '../src/lang/index.ts';
import { defaultRulesDir, loadRulePack, loadRuleSources } from '../src/rulepack/index.ts';
import { WORKBOOK_SCHEMA } from '../src/schema/index.ts';
import { makeBenchWorkbook } from './make-workbook.ts';

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const holds = (ok: boolean) => (ok ? 'OK' : 'MISSED');

interface PhaseResult { time?: number; readTime?: number; maxRssBytes: number; inputErrors?: number; packs?: { id: string; time: number; findings: number; notEvaluated: number }[] }
function runPhase(phase: string, file: string): PhaseResult {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./phase.ts', import.meta.url).pathname, phase, file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

const dir = mkdtempSync(join(tmpdir(), 'ereje-bench-'));
try {
  const made = makeBenchWorkbook(300);
  const file = join(dir, 'bench.xlsx');
  writeFileSync(file, made.bytes);
  console.log(`workbook: ${made.dataRows} data rows, ${(made.bytes.length / 1024).toFixed(0)} KiB (${Object.entries(made.sheets).map(([s, n]) => `${s} ${n}`).join(', ')})`);

  // Rule packs: parse, check, compile (timed separately; warm second run shown, as the CLI pays it once).
  const rulesDir = defaultRulesDir();
  const sources = await loadRuleSources(rulesDir);
  const { calendars } = await loadRulePack(rulesDir);
  const timePack = () => {
    const t0 = performance.now();
    const parsed = sources.map((s) => parseRuleFile(s.text, s.path));
    const t1 = performance.now();
    const checked = checkRuleFiles(parsed.flatMap((p) => (p.file ? [p.file] : [])), WORKBOOK_SCHEMA);
    const t2 = performance.now();
    const rulesets = checked.checked.filter((c) => c.file.ruleset).map((c) => compileRuleFile(c, { calendars }));
    const t3 = performance.now();
    return { parse: t1 - t0, check: t2 - t1, compile: t3 - t2, rulesets };
  };
  const cold = timePack();
  const warm = timePack();
  const rules = warm.rulesets.reduce((n, r) => n + r.rules.length, 0);
  const packTotal = (p: typeof cold) => p.parse + p.check + p.compile;
  console.log(`rule packs: ${sources.length} files, ${warm.rulesets.length} rulesets, ${rules} rules`);
  console.log(`  parse ${ms(cold.parse)} + check ${ms(cold.check)} + compile ${ms(cold.compile)} = ${ms(packTotal(cold))} cold; ${ms(packTotal(warm))} warm (parse ${ms(warm.parse)}, check ${ms(warm.check)}, compile ${ms(warm.compile)})`);

  // Baseline: json-rules-engine's Engine.run per row for one compiled rule, extrapolated to rows × rules.
  const sample = warm.rulesets[0]!.rules[0]!;
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, fn] of Object.entries(OPERATORS)) engine.addOperator(name, (a: unknown, b: unknown) => fn(a as Value, b as Value));
  engine.addRule({ conditions: sample.requirements[0]!.conditions as never, event: { type: 'compliant' } });
  const facts = Object.fromEntries([...sample.facts.keys()].map((k) => [k, 1]));
  for (let i = 0; i < 500; i++) await engine.run(facts);
  const N = 5000;
  const b0 = performance.now();
  for (let i = 0; i < N; i++) await engine.run(facts);
  const perRun = (performance.now() - b0) / N;
  console.log(`json-rules-engine baseline: ${(perRun * 1000).toFixed(1)} µs per Engine.run (${sample.id}) → ${(perRun * made.dataRows * rules / 1000).toFixed(0)} s for ${made.dataRows} rows × ${rules} rules`);

  // Each phase in its own process: its peak RSS is its own.
  const base = runPhase('baseline', file);
  const read = runPhase('read', file);
  const ingest = runPhase('ingest', file);
  const audit = runPhase('audit', file);
  const ingestMem = ingest.maxRssBytes - base.maxRssBytes;
  const readMem = read.maxRssBytes - base.maxRssBytes;
  const auditMem = audit.maxRssBytes - base.maxRssBytes;
  console.log(`bare XLSX.read:          ${ms(read.time!)} (peak RSS +${mb(readMem)} over a ${mb(base.maxRssBytes)} baseline)`);
  console.log(`readWorkbook (ingest):   ${ms(audit.readTime!)} (${audit.inputErrors} input errors/warnings)`);
  for (const p of audit.packs!) console.log(`evaluate ${p.id.padEnd(24)} ${ms(p.time)} (${p.findings} findings, ${p.notEvaluated} not evaluated)`);
  console.log(`peak RSS: ingest alone +${mb(ingestMem)}; full audit +${mb(auditMem)} (ingest + all three packs; evaluation adds ${mb(Math.max(0, auditMem - ingestMem))})`);
  const evalAll = audit.packs!.reduce((s, p) => s + p.time, 0);
  const evalMax = Math.max(...audit.packs!.map((p) => p.time));
  const bare = read.time!;
  console.log('targets:');
  console.log(`  evaluation of one pack (slowest) ≤ 25% of bare read:  ${ms(evalMax)} vs ${ms(bare * 0.25)} → ${holds(evalMax <= bare * 0.25)}`);
  console.log(`  evaluation of all three packs ≤ 25% of bare read:     ${ms(evalAll)} vs ${ms(bare * 0.25)} → ${holds(evalAll <= bare * 0.25)}`);
  console.log(`  whole audit (ingest + slowest pack) ≤ 1.25 × bare read: ${ms(audit.readTime! + evalMax)} vs ${ms(bare * 1.25)} → ${holds(audit.readTime! + evalMax <= bare * 1.25)}`);
  console.log(`  peak memory < 3 × bare read's:                        +${mb(auditMem)} vs +${mb(readMem * 3)} → ${holds(auditMem < readMem * 3)}`);
  console.log(`  parse+check+compile < 100 ms (warm):                  ${ms(packTotal(warm))} → ${holds(packTotal(warm) < 100)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
