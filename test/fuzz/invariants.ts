// What must hold for every generated case, whatever the workbook holds: the exit status, the shape of a
// fatal error, byte-identical reruns, every row accounted for, cost within a budget proportional to the
// input, and nothing written outside --out.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { reportFileName } from '../../src/cli/audit-io.ts';
import { followUpText } from '../../src/cli/follow-up-messages.ts';
import { terminalSafe } from '../../src/core/text.ts';
import type { ReportFormat } from '../../src/report/index.ts';
import { reportWords } from '../../src/report/i18n.ts';
import type { AuditReport } from '../../src/report/types.ts';
import type { BuiltCase, Recipe } from './cases.ts';
import type { RunOutcome } from './runner.ts';

/** A budget proportional to the input: a generous constant for a loaded 2-core machine, plus a cost per byte of content. */
export function timeBudgetMs(contentBytes: number): number {
  return 30_000 + 20 * (contentBytes / 1024);
}

export function memoryBudgetBytes(contentBytes: number): number {
  return 600 * 1024 * 1024 + 40 * contentBytes;
}

/** The longest one fatal or warning line may be: file paths, a 60-character value and what to do. */
const MAX_LINE = 800;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

export interface Observed {
  readonly runs: readonly [RunOutcome, RunOutcome];
  readonly baselineRss: number;
  readonly strayFiles: readonly string[];
  readonly caseDir: string;
}

/** Every broken invariant, as a sentence; empty when the case passes. */
export function violations(recipe: Recipe, built: BuiltCase, observed: Observed): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  const { runs } = observed;
  for (const [k, run] of runs.entries()) {
    if (run.kind === 'timeout') { fail(`run ${k + 1} passed its time budget of ${(timeBudgetMs(built.contentBytes) / 1000).toFixed(0)} s for ${kb(built.contentBytes)} of content and was killed`); continue; }
    if (run.kind === 'died') { fail(`run ${k + 1}: the worker died (${run.detail})`); continue; }
    if (![0, 1, 2].includes(run.code)) fail(`run ${k + 1}: exit status ${run.code}`);
    const used = run.maxRssBytes - observed.baselineRss;
    if (used > memoryBudgetBytes(built.contentBytes)) fail(`run ${k + 1}: peak memory +${mb(used)} over the budget +${mb(memoryBudgetBytes(built.contentBytes))} for ${kb(built.contentBytes)} of content`);
    checkLines(run.stderr, `run ${k + 1} stderr`, fail);
    if (recipe.format === 'terminal' || recipe.folder) {
      if (RAW_CONTROL.test(run.stdout)) fail(`run ${k + 1}: a raw control character reaches the terminal on stdout`);
    }
    checkShape(recipe, built, run, k, fail);
  }
  const [a, b] = runs;
  if (a.kind === 'done' && b.kind === 'done') {
    const [outA, outB] = built.outs;
    const same = (text: string) => (outA && outB ? text.split(outB).join(outA) : text);
    if (a.code !== b.code) fail(`the same input exits ${a.code}, then ${b.code}`);
    if (a.stdout !== same(b.stdout)) fail('the same input gives different standard output');
    if (a.stderr !== same(b.stderr)) fail(`the same input gives different standard error:\n  ${a.stderr.trim()}\n  ${b.stderr.trim()}`);
    if (outA && outB && !sameTree(outA, outB)) fail(`the same input writes different ${recipe.format} files`);
    if (recipe.format === 'json') checkRows(recipe, built, outA, fail);
  }
  for (const [path, bytes] of built.inputs) {
    if (!existsSync(path) || !readFileSync(path).equals(Buffer.from(bytes))) fail(`the input ${path} was changed`);
  }
  const expectedTop = new Set(['in', 'out1', 'out2']);
  for (const entry of readdirSync(observed.caseDir)) if (!expectedTop.has(entry)) fail(`${entry} was written outside --out`);
  const inDir = join(observed.caseDir, 'in');
  for (const entry of readdirSync(inDir)) if (!built.workbookNames.includes(entry)) fail(`in/${entry} was written next to the workbooks`);
  for (const stray of observed.strayFiles) fail(`${stray} was written outside --out`);
  return problems;
}

function checkLines(stderr: string, where: string, fail: (what: string) => void): void {
  if (stderr === '') return;
  if (!stderr.endsWith('\n')) fail(`${where} does not end with a newline`);
  for (const line of stderr.replace(/\n$/, '').split('\n')) {
    if (!line.startsWith('ereje: ')) fail(`${where}: a line that is not an ereje message: ${JSON.stringify(line.slice(0, 200))}`);
    if (/internal error/.test(line)) fail(`${where}: ${line.slice(0, 300)}`);
    if (/^\s+at |\bat .*\.(ts|js):\d+:\d+/.test(line)) fail(`${where}: a stack trace: ${line.slice(0, 300)}`);
    if ([...line].length > MAX_LINE) fail(`${where}: a line of ${[...line].length} characters (at most ${MAX_LINE})`);
    if (RAW_CONTROL.test(line)) fail(`${where}: a raw control character: ${JSON.stringify(line.slice(0, 200))}`);
  }
}

/** Exit status, standard streams and written files agree with each other. */
function checkShape(recipe: Recipe, built: BuiltCase, run: Extract<RunOutcome, { kind: 'done' }>, k: number, fail: (what: string) => void): void {
  const out = built.outs[k as 0 | 1];
  const errLines = run.stderr === '' ? [] : run.stderr.replace(/\n$/, '').split('\n');
  if (!recipe.folder) {
    if (run.code === 2) {
      if (errLines.length !== 1) fail(`run ${k + 1}: exit 2 with ${errLines.length} lines on stderr (one expected)`);
      if (run.stdout !== '') fail(`run ${k + 1}: exit 2 with output on stdout`);
      if (out && existsSync(out)) fail(`run ${k + 1}: exit 2 but a report was written`);
    } else if (out) {
      if (!existsSync(out) || statSync(out).size === 0) fail(`run ${k + 1}: exit ${run.code} without the report ${out}`);
    } else if (run.stdout === '') fail(`run ${k + 1}: exit ${run.code} without a terminal summary`);
    return;
  }
  // A folder run: one summary row per workbook, whatever happened to it.
  const w = reportWords(recipe.lang);
  const lines = run.stdout.replace(/\n$/, '').split('\n');
  let head = -1;
  lines.forEach((l, i) => { if (l.startsWith(`${w.file}  `)) head = i; });
  if (head < 0 || !/^-+( +-+)*$/.test(lines[head + 1] ?? '')) {
    if (!(run.code === 2 && run.stdout === '' && errLines.length === 1)) fail(`run ${k + 1}: no summary table`);
    return;
  }
  const rows = lines.slice(head + 2);
  if (rows.length !== built.workbookNames.length) fail(`run ${k + 1}: ${rows.length} summary rows for ${built.workbookNames.length} workbooks`);
  const states = rows.map((r) => Number(/(\d)$/.exec(r)?.[1] ?? NaN));
  if (states.some((s) => ![0, 1, 2].includes(s))) fail(`run ${k + 1}: a summary row without an exit state`);
  if (Math.max(0, ...states) !== run.code) fail(`run ${k + 1}: exit ${run.code} but the worst row is ${Math.max(0, ...states)}`);
  const failed = states.filter((s) => s === 2).length;
  // With --out, a folder run also writes the batch summary beside the reports, and says so in one line.
  const summaryLine = out ? `ereje: ${terminalSafe(followUpText.wroteSummary(out)[recipe.lang])}` : null;
  const failureLines = errLines.filter((l) => !l.startsWith('ereje: wrote ') && !l.startsWith('ereje: warning: ') && l !== summaryLine).length;
  if (failureLines !== failed) fail(`run ${k + 1}: ${failed} rows with exit 2 but ${failureLines} failure lines on stderr`);
  if (out) {
    const written = existsSync(out) ? readdirSync(out).sort() : [];
    const names = [...built.workbookNames.filter((_, i) => states[i] !== 2).map((n) => reportFileName(n, recipe.format as ReportFormat)), 'summary.html', 'summary.json'].sort();
    if (JSON.stringify(written) !== JSON.stringify(names)) fail(`run ${k + 1}: wrote ${JSON.stringify(written)}, expected ${JSON.stringify(names)}`);
  }
}

/** Input errors about one data row's cell (a missing column or an unknown header is about the sheet). */
const ROW_ERRORS = new Set(['type-error', 'constraint-error', 'missing-cell', 'unknown-value', 'duplicate-key', 'foreign-key']);

/** Every row read is accepted or rejected, rejected rows include every row with an input error, and no row is invented. */
function checkRows(recipe: Recipe, built: BuiltCase, out: string | null, fail: (what: string) => void): void {
  const reports: [string, AuditReport][] = [];
  if (!recipe.folder && out && existsSync(out)) reports.push([built.workbookNames[0]!, JSON.parse(readFileSync(out, 'utf8')) as AuditReport]);
  if (recipe.folder && out && existsSync(out)) {
    for (const name of built.workbookNames) {
      const path = join(out, reportFileName(name, 'json'));
      if (existsSync(path)) reports.push([name, JSON.parse(readFileSync(path, 'utf8')) as AuditReport]);
    }
  }
  for (const [name, report] of reports) {
    let read = 0;
    for (const [sheet, c] of Object.entries(report.rows)) {
      if (c.read !== c.accepted + c.rejected) fail(`${name}: ${sheet} read ${c.read} ≠ accepted ${c.accepted} + rejected ${c.rejected}`);
      const errorRows = new Set(report.input_errors.filter((e) => e.sheet === sheet && ROW_ERRORS.has(e.code ?? '') && e.row !== null && e.column !== null).map((e) => e.row));
      if (errorRows.size > c.rejected) fail(`${name}: ${sheet} has input errors on ${errorRows.size} rows but only ${c.rejected} rejected`);
      read += c.read;
    }
    for (const e of report.input_errors) {
      if (e.value !== null && [...e.value].length > 61) fail(`${name}: an input error quotes ${[...e.value].length} characters of ${e.cell}`);
    }
    const path = [...built.inputs.keys()].find((p) => p.endsWith(`/${name}`)) ?? [...built.inputs.keys()][0]!;
    const present = nonEmptyRows(readFileSync(path));
    if (read > present) fail(`${name}: ${read} rows read but the workbook has only ${present} non-empty rows`);
  }
}

/** Rows with at least one non-empty cell, over every sheet, as SheetJS reads the file on its own. */
function nonEmptyRows(bytes: Buffer): number {
  const book = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false });
  let rows = 0;
  for (const name of book.SheetNames) {
    const data = (book.Sheets[name] as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    for (const row of data) if (row?.some((c) => c !== undefined && c.v !== undefined && c.v !== null && String(c.v).trim() !== '')) rows++;
  }
  return rows;
}

function sameTree(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return existsSync(a) === existsSync(b);
  if (statSync(a).isDirectory()) {
    const names = readdirSync(a).sort();
    if (JSON.stringify(names) !== JSON.stringify(readdirSync(b).sort())) return false;
    return names.every((n) => sameTree(join(a, n), join(b, n)));
  }
  return readFileSync(a).equals(readFileSync(b));
}

const kb = (n: number) => `${Math.round(n / 1024)} kB`;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
