// `npm run bench`: every speed target of ereje, each printed with its target and PASS/FAIL.
//
// Whole commands are timed as a user runs them — `node bin/ereje.js …` in its own process, wall time,
// the median of RUNS runs (BENCH_RUNS, default 5) — after making sure the build exists (as `npm ci`
// leaves it) and, for audits, after one run that fills the pack cache (the state of every audit but
// the first). Then, in-process, the phases of one audit of the ~110k-row bench workbook (each phase in
// its own process so that its peak memory is its own), and finally one run of `npm test`.
// `npm run bench -- --no-test` leaves out the test suite, `--only=<row,…>` times only some rows.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { ensureBuild } from '../scripts/build.js';
import { compileRuleFile, OPERATORS, type Value } from '../src/compile/index.ts';
import { checkRuleFiles, parseRuleFile } from '../src/lang/index.ts';
import { defaultRulesDir, loadRulePack, loadRuleSources } from '../src/rulepack/index.ts';
import { WORKBOOK_SCHEMA } from '../src/schema/index.ts';
import { timeLongList } from './long-list.ts';
import { makeBenchWorkbook } from './make-workbook.ts';
import type { Phase, PhaseResult } from './phase.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'ereje.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (row: string) => only === undefined || only.includes(row);
/** Runs one group of rows; a row that cannot be measured is a FAIL line with the reason, and the others go on. */
async function rows(name: string, what: string, measure: () => void | Promise<void>): Promise<void> {
  if (!wanted(name)) return;
  try {
    await measure();
  } catch (err) {
    line(what, 'not measured', '—', false, (err instanceof Error ? err.message : String(err)).split('\n')[0]!);
  }
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: readonly number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

const results: { ok: boolean; text: string }[] = [];
function line(what: string, value: string, target: string, ok: boolean, detail = ''): void {
  const text = `  ${ok ? 'PASS' : 'FAIL'}  ${what.padEnd(58)} ${value} vs ${target}${detail ? `  ${detail}` : ''}`;
  results.push({ ok, text });
  console.log(text);
}

/**
 * Wall time of one process; `okCodes` are the exit codes it may end with (an audit with findings exits 1).
 * `cpu`: the CPU time of the whole process (every thread: main, workers, V8's compiler and collector),
 * when the command was started with `--require cpu-at-exit.cjs`.
 */
function timeProcess(argv: readonly string[], env: NodeJS.ProcessEnv = {}, okCodes: readonly number[] = [0]): { wall: number; cpu: number | null } {
  const t = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const wall = performance.now() - t;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`${argv.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  const cpu = /^ereje-bench-cpu (\d+(?:\.\d+)?)$/m.exec(r.stderr ?? '');
  return { wall, cpu: cpu ? Number(cpu[1]) : null };
}
const ereje = (...a: string[]) => [process.execPath, bin, ...a];
/** The same, with the process's CPU time reported at its exit (see cpu-at-exit.cjs). */
const erejeCpu = (...a: string[]) => [process.execPath, '--require', join(import.meta.dirname, 'cpu-at-exit.cjs'), bin, ...a];
interface Timed { median: number; runs: number[]; cpu: number[] }
/** Runs each command RUNS times, alternating between them (load on a shared machine hits all alike); the medians. */
function medians(commands: readonly { argv: readonly string[]; env?: NodeJS.ProcessEnv; codes?: readonly number[] }[], runs = RUNS): Timed[] {
  const timed = commands.map((): Timed => ({ median: 0, runs: [], cpu: [] }));
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const { wall, cpu } = timeProcess(c.argv, c.env, c.codes);
      timed[k]!.runs.push(wall);
      if (cpu !== null) timed[k]!.cpu.push(cpu);
    });
  }
  for (const t of timed) t.median = median(t.runs);
  return timed;
}
const list = (xs: readonly number[]) => `[${xs.map((x) => x.toFixed(0)).join(', ')}]`;

function runPhase(phase: Phase, file: string): PhaseResult {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'phase.ts'), phase, file], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`phase ${phase}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as PhaseResult;
}

const dir = mkdtempSync(join(tmpdir(), 'ereje-bench-'));
try {
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min); node ${process.version}`);
  const t0 = performance.now();
  const built = dirname((await ensureBuild()).file);
  console.log(`build: ${built.replace(root + '/', '')} (${ms(performance.now() - t0)}; made now when the sources changed since the last build)`);
  const cache = join(dir, 'cache');
  const warm = { EREJE_CACHE_DIR: cache };
  const made = makeBenchWorkbook(300);
  const big = join(dir, 'bench.xlsx');
  writeFileSync(big, made.bytes);
  console.log(`bench workbook: ${made.dataRows} data rows, ${(made.bytes.length / 1024).toFixed(0)} KiB (${Object.entries(made.sheets).map(([s, n]) => `${s} ${n}`).join(', ')})`);
  const example = join(root, 'examples', 'residential-2010.xlsx');

  console.log(`\nwhole commands, wall time of \`node bin/ereje.js …\` in its own process, median of ${RUNS}:`);
  await rows('start', 'ereje --version, --help', () => {
    const [version, help] = medians([{ argv: ereje('--version') }, { argv: ereje('--help') }]);
    line('ereje --version', ms(version!.median), '100 ms', version!.median <= 100, list(version!.runs));
    line('ereje --help', ms(help!.median), '100 ms', help!.median <= 100, list(help!.runs));
  });
  await rows('audit', 'audit of examples/residential-2010.xlsx', () => {
    timeProcess(ereje('audit', example), warm, [0, 1]);
    const [audit] = medians([{ argv: ereje('audit', example), env: warm, codes: [0, 1] }]);
    line('audit of examples/residential-2010.xlsx (pack cache filled)', ms(audit!.median), '400 ms', audit!.median <= 400, list(audit!.runs));
    const [cold] = medians([{ argv: ereje('audit', example), env: { EREJE_CACHE_DIR: 'off' }, codes: [0, 1] }], Math.min(RUNS, 3));
    console.log(`        (the same audit with no pack cache, as the very first audit runs: ${ms(cold!.median)} ${list(cold!.runs)}; not a target)`);
  });
  await rows('check', 'rules check of the whole pack', () => {
    const [check] = medians([{ argv: ereje('rules', 'check'), env: { EREJE_CACHE_DIR: 'off' } }]);
    line('rules check of the whole pack (no cache)', ms(check!.median), '600 ms', check!.median <= 600, list(check!.runs));
  });
  await rows('big', 'audit of the bench workbook vs bare XLSX.readFile', () => {
    // A bare SheetJS read of the same file, as a user of the library would write it, in its own process.
    const bare = join(dir, 'bare-read.cjs');
    writeFileSync(bare, `require(${JSON.stringify(join(root, 'node_modules', 'xlsx'))}).readFile(process.argv[2]);\n`);
    timeProcess(ereje('audit', big), warm, [0, 1]);
    const [read, audit] = medians([{ argv: [process.execPath, bare, big] }, { argv: ereje('audit', big), env: warm, codes: [0, 1] }]);
    line(`audit of the ${made.dataRows}-row workbook ≤ 0.8 × bare XLSX.readFile`, ms(audit!.median), `${ms(read!.median * 0.8)} (bare read ${ms(read!.median)})`, audit!.median <= read!.median * 0.8,
      `audit ${list(audit!.runs)}, read ${list(read!.runs)}`);
  });
  await rows('batch', '200 workbooks, --jobs 2 vs --jobs 1', () => {
    // 200 workbooks of the examples' size (the three examples, copied), reports written as JSON.
    const folder = join(dir, 'batch');
    mkdirSync(folder);
    const examples = readdirSync(join(root, 'examples')).filter((n) => n.endsWith('.xlsx')).sort();
    for (let i = 0; i < 200; i++) copyFileSync(join(root, 'examples', examples[i % examples.length]!), join(folder, `${String(i + 1).padStart(3, '0')}-${examples[i % examples.length]}`));
    const batch = (jobs: number) => ({ argv: erejeCpu('audit', folder, '--jobs', String(jobs), '--format', 'json', '--out', join(dir, `out-${jobs}`)), env: warm, codes: [0, 1] });
    timeProcess(batch(1).argv, warm, [0, 1]);
    const runs = Math.min(RUNS, 3);
    const [one, two] = medians([batch(1), batch(2)], runs);
    const speedup = one!.median / two!.median;
    line('200 example-size workbooks: --jobs 2 throughput ≥ 1.7 × --jobs 1', `${speedup.toFixed(2)}×`, '1.70×', speedup >= 1.7,
      `--jobs 1 ${ms(one!.median)} ${list(one!.runs)}, --jobs 2 ${ms(two!.median)} ${list(two!.runs)} (median of ${runs})`);
    // How many cores each run kept busy. `--jobs 1` is not one core's work: V8 compiles its hot code and
    // collects its garbage on helper threads, which run on the second core. Two cores cannot give a run
    // more than 2 × (wall / CPU) of --jobs 1's throughput unless it spends less CPU than --jobs 1 does.
    const cpu1 = median(one!.cpu);
    const cpu2 = median(two!.cpu);
    if (one!.cpu.length === runs && two!.cpu.length === runs) {
      console.log(`        (CPU time, every thread: --jobs 1 ${ms(cpu1)} = ${(cpu1 / one!.median).toFixed(2)} cores busy, --jobs 2 ${ms(cpu2)} = ${(cpu2 / two!.median).toFixed(2)} cores busy;` +
        ` ceiling on 2 cores for a run spending --jobs 1's CPU: 2 × ${ms(one!.median)} / ${ms(cpu1)} = ${((2 * one!.median) / cpu1).toFixed(2)}×; not a target)`);
    }
    // --jobs 1 held to one core (Linux's taskset), the throughput a second core is measured against when
    // --jobs 1 cannot borrow it.
    if (spawnSync('taskset', ['-c', '0', 'true']).status === 0) {
      const [pinned] = medians([{ argv: ['taskset', '-c', '0', ...batch(1).argv], env: warm, codes: [0, 1] }], runs);
      console.log(`        (--jobs 1 held to one core by taskset: ${ms(pinned!.median)} ${list(pinned!.runs)}; --jobs 2 on two cores runs ${(pinned!.median / two!.median).toFixed(2)}× as fast; not a target)`);
    }
    // The yardstick: what a second thread gives here to a job of the same kind with none of an audit's
    // start-up, compilation or coordination (see parallel-reference.ts); the times the job reports itself.
    const reference = (threads: number) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'parallel-reference.ts'), String(threads)], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`parallel-reference.ts ${threads}: ${r.stderr}`);
      return Number(r.stdout.trim());
    };
    const alone: number[] = [];
    const paired: number[] = [];
    for (let i = 0; i < runs; i++) { alone.push(reference(1)); paired.push(reference(2)); }
    console.log(`        (this machine's yardstick: a job of the same kind with no start-up, compilation or coordination runs ${(median(alone) / median(paired)).toFixed(2)}× as fast on 2 threads as on 1 — 1 thread ${list(alone)}, 2 threads ${list(paired)} ms; not a target)`);
  });

  await rows('phases', 'phases of one audit', () => phases(made, big));

  if (!args.includes('--no-test')) await rows('test', 'npm test', () => {
    console.log('\nthe test suite, one run:');
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    const elapsed = performance.now() - t;
    const summary = (r.stdout ?? '').split('\n').filter((l) => /Test Files|Tests {2}|Duration/.test(l)).map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).join('; ');
    line('npm test', ms(elapsed), '30000 ms', elapsed <= 30_000 && r.status === 0, `${r.status === 0 ? '' : `FAILED (exit ${r.status}); `}${summary}`);
  });

  console.log(`\n${results.filter((r) => r.ok).length} of ${results.length} targets met${results.every((r) => r.ok) ? '' : ':'}`);
  for (const r of results.filter((x) => !x.ok)) console.log(r.text);
  console.log(`(load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}: on a busy machine wall times are longer than on a quiet one)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The phases of one audit of the bench workbook, in-process: a bare XLSX.read, the whole audit (ingest
 * + version selection + evaluation), every pack's evaluation, parse+check+compile of the rule packs, a
 * per-row json-rules-engine baseline, and peak memory.
 */
async function phases(made: { dataRows: number }, file: string): Promise<void> {
  const PHASE_RUNS = 3;
  const fastest = (runs: PhaseResult[], time: (r: PhaseResult) => number) => runs.reduce((a, b) => (time(b) < time(a) ? b : a));
  const flist = (runs: PhaseResult[], time: (r: PhaseResult) => number) => runs.map((r) => ms(time(r))).join(', ');
  console.log(`\nphases of one audit of the bench workbook, in-process (each timed phase runs ${PHASE_RUNS}× in its own process, alternating; the fastest wall time is used (CPU time, user+system of all threads incl. GC, shown for context); memory is peak RSS over a baseline process that loads everything and the file's bytes):`);

  // Rule packs: parse, check, compile (timed separately; the first, cold run and the fastest warm one shown).
  const rulesDir = defaultRulesDir();
  const sources = await loadRuleSources(rulesDir);
  const { calendars } = await loadRulePack(rulesDir);
  const packTotal = (p: { parse: number; check: number; compile: number }) => p.parse + p.check + p.compile;
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
  const warm = Array.from({ length: 5 }, timePack).reduce((a, b) => (packTotal(b) < packTotal(a) ? b : a));
  const rules = warm.rulesets.reduce((n, r) => n + r.rules.length, 0);
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

  const base = runPhase('baseline', file);
  const reads: PhaseResult[] = [];
  const audits: PhaseResult[] = [];
  const packRuns: PhaseResult[] = [];
  for (let i = 0; i < PHASE_RUNS; i++) { reads.push(runPhase('read', file)); audits.push(runPhase('audit', file)); packRuns.push(runPhase('packs', file)); }
  const packs = { ...packRuns[0]!, packs: packRuns[0]!.packs!.map((_, i) => packRuns.map((r) => r.packs![i]!).reduce((a, b) => (b.time < a.time ? b : a))) };
  const tuned = runPhase('read-tuned', file);
  const auditTime = (r: PhaseResult) => r.readTime! + r.selectTime! + r.evalTime!;
  const read = fastest(reads, (r) => r.readTime!);
  const audit = fastest(audits, auditTime);
  const readMem = Math.max(...reads.map((r) => r.maxRssBytes)) - base.maxRssBytes;
  const auditMem = Math.max(...audits.map((r) => r.maxRssBytes)) - base.maxRssBytes;
  const bare = read.readTime!;
  console.log(`bare XLSX.read(buf, { type: 'buffer' }) (SheetJS defaults): ${ms(bare)} [${flist(reads, (r) => r.readTime!)}; CPU ${flist(reads, (r) => r.cpuTime!)}], peak RSS +${mb(readMem)}`);
  console.log(`  (for comparison, XLSX.read with ingest's cell options — dense, no formulas/HTML/text/formats/styles/stubs: ${ms(tuned.readTime!)}, peak RSS +${mb(tuned.maxRssBytes - base.maxRssBytes)}; not a target)`);
  console.log(`whole audit of the ${audit.kind} workbook: ${ms(auditTime(audit))} [${flist(audits, auditTime)}; CPU ${flist(audits, (r) => r.cpuTime!)}], peak RSS +${mb(auditMem)}`);
  console.log(`  readWorkbook (ingest) ${ms(audit.readTime!)}, selectVersions ${ms(audit.selectTime!)}, evaluate ${ms(audit.evalTime!)} (${audit.findings} findings, ${audit.inputErrors} input errors/warnings)`);
  console.log(`every pack over the same workbook (as if the facility were of the pack's kind, in one process after readWorkbook; fastest of ${PHASE_RUNS} per pack):`);
  for (const p of packs.packs!) console.log(`  evaluate ${p.id.padEnd(24)} ${ms(p.time)} (CPU ${ms(p.cpuTime)}; ${p.findings} findings, ${p.notEvaluated} not evaluated)`);
  const evalAll = packs.packs!.reduce((s, p) => s + p.time, 0);
  console.log(`  all three packs ${ms(evalAll)}`);
  const longList = await timeLongList(await loadRulePack(rulesDir));
  console.log(`day-care example with one list cell of 16,000 unknown values (${longList.cellLength.toLocaleString('en')} characters): whole audit ${ms(longList.ms)} (fastest of 3), ${longList.inputErrors} unknown-value error(s)`);
  line(`evaluation of the ${audit.kind} pack ≤ 25% of bare read`, ms(audit.evalTime!), ms(bare * 0.25), audit.evalTime! <= bare * 0.25);
  // "Every rule pack … at most 25% of a bare read": each pack, as an audit evaluates only its facility's
  // kind. The three together over one workbook is no audit's work; shown for information.
  const slowest = packs.packs!.reduce((a, b) => (b.time > a.time ? b : a));
  line(`evaluation of each pack ≤ 25% of bare read (slowest: ${slowest.id})`, ms(slowest.time), ms(bare * 0.25), slowest.time <= bare * 0.25);
  console.log(`        (all three packs over the same workbook: ${ms(evalAll)}, ${(100 * evalAll / bare).toFixed(0)}% of the bare read; not a target: an audit evaluates one pack)`);
  line('whole audit in-process ≤ 1.25 × bare read', ms(auditTime(audit)), ms(bare * 1.25), auditTime(audit) <= bare * 1.25);
  line('peak memory of the audit < 3 × bare read\'s', `+${mb(auditMem)}`, `+${mb(readMem * 3)}`, auditMem < readMem * 3);
  line('parse+check+compile < 100 ms (warm, fastest of 5)', ms(packTotal(warm)), '100 ms', packTotal(warm) < 100);
  line('16,000-value list cell: audit well under 1 s, one error', `${ms(longList.ms)}, ${longList.inputErrors} error(s)`, '250 ms, 1', longList.ms < 250 && longList.inputErrors === 1);
}
