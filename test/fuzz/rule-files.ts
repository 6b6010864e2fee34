// Rule-file fuzzing: mutations of the real rule files (tokens and lines deleted, duplicated and swapped,
// truncation, deep nesting, huge literals, stray characters) run through `ereje rules check` and
// `ereje rules fmt`, with the invariants every case must keep:
//
// - `rules check` exits 0 (clean) or 2 (errors); `rules fmt --check` 0, 1 or 2; never an internal error,
//   a stack overflow or a stack trace;
// - the output is bounded (at most 50 diagnostics per file, source excerpts cut), whatever the input;
// - the same input gives byte-identical output;
// - the work stays within a time budget proportional to the input (very generous: it catches minutes,
//   not milliseconds, so a loaded machine cannot make it flaky);
// - a file that formats, formats to a fixed point that still parses.
//
// Used by test/fuzz/rule-files.test.ts (a quick seeded slice in `npm test`) and by a soak runner:
// `runRuleFileFuzz({ minutes, seed, saveDir })`, or directly: `npx tsx test/fuzz/rule-files.ts --minutes 10`.
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ereje_lexer } from '../../grammar/tokens.ts';
import { main } from '../../src/cli/main.ts';
import { MAX_ERRORS_PER_FILE } from '../../src/lang/index.ts';

const RULES = fileURLToPath(new URL('../../rules', import.meta.url));
const AMENDMENT = fileURLToPath(new URL('../fixtures/amendment', import.meta.url));
const PACK = 'kz/mlsp-306-o';

/** The made-up amendment of test/fixtures/amendment, laid beside the version it amends in the sandbox. */
const AMENDMENT_FILES: Record<string, string> = {
  [`${PACK}/residential/2010-test-amendment.ereje`]: join(AMENDMENT, 'residential', '2010-test-amendment.ereje'),
  [`${PACK}/residential/2010-test-amendment.manifest.json`]: join(AMENDMENT, 'residential', '2010-test-amendment.manifest.json'),
  [`${PACK}/act/test-amendment.txt`]: join(AMENDMENT, 'act', 'test-amendment.txt'),
};

/** The files mutated (relative to the pack) and the folder `rules check` is run on for each. */
export const RULE_FILE_BASES = [
  { file: `${PACK}/residential/2009-240-o.ereje`, check: `${PACK}/residential` },
  { file: `${PACK}/day-care/2009-240-o.ereje`, check: `${PACK}/day-care` },
  { file: `${PACK}/home-care/2009-240-o.ereje`, check: `${PACK}/home-care` },
  { file: `${PACK}/params/staffing-norms-26-o.ereje`, check: PACK },
  { file: `${PACK}/residential/2010-test-amendment.ereje`, check: `${PACK}/residential` },
] as const;

/** The text of a file of the sandbox as it is before any mutation. */
const original = (file: string): string => readFileSync(AMENDMENT_FILES[file] ?? join(RULES, file), 'utf8');

export type Mutation =
  | { readonly kind: 'delete-token' | 'duplicate-token' | 'delete-line' | 'duplicate-line' | 'truncate'; readonly at: number }
  | { readonly kind: 'swap-tokens' | 'swap-lines'; readonly at: number; readonly other: number }
  | { readonly kind: 'nest'; readonly at: number; readonly shape: 'paren' | 'bracket' | 'not' | 'minus' | 'and' | 'plus' | 'brace'; readonly depth: number }
  | { readonly kind: 'huge'; readonly at: number; readonly what: 'string' | 'number' | 'name' | 'rule-name' | 'comment' | 'junk' | 'line'; readonly size: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

export interface RuleFileCase { readonly base: number; readonly mutations: readonly Mutation[] }

/** Pieces inserted at random places: tokens of the language, near-misses and unicode that looks like them. */
const PIECES = [
  '{', '}', '(', ')', '[', ']', '"', '"…"', ',', ':', '|', '..', '.', '=', '!=', '<=', '!', '_', '-', '∩', '#', '\\',
  'rule', 'rule x {', 'ruleset', 'table', 'import', 'require', 'example', 'given', 'row', 'expect', 'findings', 'not', 'and', 'or',
  'for c in children', 'where', 'let', 'per full quarter q in audit_period', 'dated', 'each item', 'clause A1.2', 'quote "q"',
  'change rule', 'repeal rule', 'amends', 'in_force from 2010-01-01', '2010-02-30', '99.99.9999', '1e309', '-0', '007',
  'балалар', 'дети', '\u200b', '\u200f', '\u202e', 'e\u0301', '\ufeff', '\u00a0', '\t', '\r\n', '\n\n', '\u0000', '\u001b[31m', '🙂',
];

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function mutationArb(maxSize: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constantFrom('delete-token' as const, 'duplicate-token' as const, 'delete-line' as const, 'duplicate-line' as const, 'truncate' as const), at: position }),
    fc.record({ kind: fc.constantFrom('swap-tokens' as const, 'swap-lines' as const), at: position, other: position }),
    fc.record({ kind: fc.constant('nest' as const), at: position, shape: fc.constantFrom('paren' as const, 'bracket' as const, 'not' as const, 'minus' as const, 'and' as const, 'plus' as const, 'brace' as const), depth: fc.integer({ min: 1, max: 3000 }) }),
    fc.record({ kind: fc.constant('huge' as const), at: position, what: fc.constantFrom('string' as const, 'number' as const, 'name' as const, 'rule-name' as const, 'comment' as const, 'junk' as const, 'line' as const), size: fc.integer({ min: 100, max: maxSize }) }),
    fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 40 })) }),
  );
}

export function ruleFileCaseArb(maxSize = 200_000): fc.Arbitrary<RuleFileCase> {
  return fc.record({ base: fc.integer({ min: 0, max: RULE_FILE_BASES.length - 1 }), mutations: fc.array(mutationArb(maxSize), { minLength: 1, maxLength: 4 }) });
}

/** Token boundaries of a text by the real lexer (junk and comments included), in order. */
function tokenRanges(text: string): [number, number][] {
  const r = ereje_lexer.tokenize(text);
  const all = [...r.tokens, ...((r.groups.comments ?? []) as typeof r.tokens), ...((r.groups.junk ?? []) as typeof r.tokens)];
  return all.map((t) => [t.startOffset, (t.endOffset ?? t.startOffset) + 1] as [number, number]).sort((a, b) => a[0] - b[0]);
}

const pick = <T>(xs: readonly T[], at: number): T => xs[Math.min(xs.length - 1, Math.floor(at * xs.length))]!;

function huge(what: Extract<Mutation, { kind: 'huge' }>['what'], size: number): string {
  switch (what) {
    case 'string': return `"${'ж'.repeat(size)}"`;
    case 'number': return '9'.repeat(size);
    case 'name': return `n${'a'.repeat(size)}`;
    case 'rule-name': return `\nrule r${'-x'.repeat(size >> 1)} {\n  clause A1.2 severity major scope state quote "q" require yes message kk "a" ru "b" en "c"\n}\n`;
    case 'comment': return `# ${'#'.repeat(size)}\n`;
    case 'junk': return '@ $ % ^ '.repeat(Math.ceil(size / 8));
    case 'line': return `\n  where ${'x = ( ] , '.repeat(Math.ceil(size / 10))}\n`;
  }
}

function nest(shape: Extract<Mutation, { kind: 'nest' }>['shape'], depth: number): string {
  switch (shape) {
    case 'paren': return `${'('.repeat(depth)}yes${')'.repeat(depth)}`;
    case 'bracket': return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    case 'not': return `${'not '.repeat(depth)}yes`;
    case 'minus': return `${'- '.repeat(depth)}1`;
    case 'and': return Array(depth + 1).fill('yes').join(' and ');
    case 'plus': return Array(depth + 1).fill('1').join(' + ');
    case 'brace': return `${'{'.repeat(depth)}${'}'.repeat(depth)}`;
  }
}

export function applyMutation(text: string, m: Mutation): string {
  const insertAt = (at: number, piece: string) => { const i = Math.floor(at * (text.length + 1)); return text.slice(0, i) + piece + text.slice(i); };
  switch (m.kind) {
    case 'truncate': return text.slice(0, Math.floor(m.at * text.length));
    case 'insert': return insertAt(m.at, m.text);
    case 'huge': return insertAt(m.at, ` ${huge(m.what, m.size)} `);
    case 'nest': {
      // Deep nesting where an expression is expected is the interesting place: after a `require`.
      const requires = [...text.matchAll(/\brequire /g)].map((x) => x.index! + x[0].length);
      if (requires.length === 0) return insertAt(m.at, nest(m.shape, m.depth));
      const i = pick(requires, m.at);
      return `${text.slice(0, i)}${nest(m.shape, m.depth)} and ${text.slice(i)}`;
    }
    case 'delete-line': case 'duplicate-line': case 'swap-lines': {
      const lines = text.split('\n');
      if (lines.length === 0) return text;
      const i = Math.floor(m.at * lines.length);
      if (m.kind === 'delete-line') lines.splice(i, 1);
      else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else if (m.kind === 'swap-lines') { const j = Math.floor(m.other * lines.length); [lines[i], lines[j]] = [lines[j]!, lines[i]!]; }
      return lines.join('\n');
    }
    case 'delete-token': case 'duplicate-token': case 'swap-tokens': {
      const ranges = tokenRanges(text);
      if (ranges.length === 0) return text;
      const [a, b] = pick(ranges, m.at);
      if (m.kind === 'delete-token') return text.slice(0, a) + text.slice(b);
      if (m.kind === 'duplicate-token') return `${text.slice(0, b)} ${text.slice(a, b)}${text.slice(b)}`;
      if (m.kind !== 'swap-tokens') return text;
      const [c, d] = pick(ranges, m.other);
      if (a === c) return text;
      const [[x1, x2], [y1, y2]] = a < c ? [[a, b], [c, d]] : [[c, d], [a, b]];
      return text.slice(0, x1) + text.slice(y1, y2) + text.slice(x2, y1) + text.slice(x1, x2) + text.slice(y2);
    }
  }
}

export function caseText(c: RuleFileCase): string {
  let text = original(RULE_FILE_BASES[c.base]!.file);
  for (const m of c.mutations) text = applyMutation(text, m);
  return text;
}

/** Bounds every output must keep, whatever the input. */
export const OUTPUT_BUDGET = 256 * 1024;
export const LINE_BUDGET = 2000;
/** Milliseconds allowed for one command on `chars` of input: catches minutes, never milliseconds. */
export const timeBudget = (chars: number): number => 30_000 + chars / 10;

export interface Run { readonly code: number; readonly out: string; readonly err: string; readonly ms: number }

async function cli(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const t = performance.now();
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, isTTY: false });
  return { code, out, err, ms: performance.now() - t };
}

/** A working copy of the bundled rules in a temporary folder; each case rewrites one file and restores it. */
export class RuleFileSandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'ereje-rule-fuzz-'));
  constructor() {
    cpSync(RULES, this.dir, { recursive: true });
    for (const [to, from] of Object.entries(AMENDMENT_FILES)) cpSync(from, join(this.dir, to));
  }
  dispose(): void { rmSync(this.dir, { recursive: true, force: true }); }

  /** Runs the case and returns what broke an invariant (empty when it held). */
  async check(c: RuleFileCase, text = caseText(c)): Promise<string[]> {
    const base = RULE_FILE_BASES[c.base]!;
    const file = join(this.dir, base.file);
    const before = original(base.file);
    const problems: string[] = [];
    try {
      writeFileSync(file, text);
      const lang = (['kk', 'ru', 'en'] as const)[text.length % 3]!;
      const check = await cli(['rules', 'check', join(this.dir, base.check), '--lang', lang]);
      problems.push(...sane('rules check', check, [0, 2], text.length));
      const again = await cli(['rules', 'check', join(this.dir, base.check), '--lang', lang]);
      if (again.code !== check.code || again.out !== check.out || again.err !== check.err) problems.push('rules check: the same input gave different output');
      const fmt = await cli(['rules', 'fmt', file, '--check', '--lang', lang]);
      problems.push(...sane('rules fmt --check', fmt, [0, 1, 2], text.length));
      if (fmt.code === 1) {
        const once = await cli(['rules', 'fmt', file]);
        problems.push(...sane('rules fmt', once, [0], text.length));
        const formatted = readFileSync(file, 'utf8');
        const twice = await cli(['rules', 'fmt', file, '--check']);
        if (twice.code !== 0) problems.push(`rules fmt: formatting is not a fixed point (second --check exits ${twice.code})`);
        if (readFileSync(file, 'utf8') !== formatted) problems.push('rules fmt --check changed the file');
      }
    } finally {
      writeFileSync(file, before);
    }
    return problems;
  }
}

/** What about one command's result breaks an invariant. */
export function sane(what: string, r: Run, codes: readonly number[], chars: number): string[] {
  const out: string[] = [];
  const all = r.out + r.err;
  if (!codes.includes(r.code)) out.push(`${what}: exit ${r.code}, expected one of ${codes.join(', ')}`);
  if (/internal error|Maximum call stack|\n\s+at .*:\d+:\d+\)?\n/.test(all)) out.push(`${what}: an internal error or a stack trace: ${all.slice(0, 300)}`);
  if (all.length > OUTPUT_BUDGET) out.push(`${what}: ${all.length} characters of output (budget ${OUTPUT_BUDGET})`);
  const long = all.split('\n').find((l) => l.length > LINE_BUDGET);
  if (long !== undefined) out.push(`${what}: a line of ${long.length} characters: ${long.slice(0, 200)}…`);
  const heads = r.err.split('\n').filter((l) => /:\d+:\d+: (error|warning): /.test(l)).length;
  if (heads > 5 * (MAX_ERRORS_PER_FILE + 2)) out.push(`${what}: ${heads} diagnostics shown`);
  if (r.ms > timeBudget(chars)) out.push(`${what}: ${Math.round(r.ms)} ms for ${chars} characters (budget ${Math.round(timeBudget(chars))} ms)`);
  return out;
}

export interface FuzzOptions {
  readonly seed?: number;
  /** Stop after this many cases … */
  readonly runs?: number;
  /** … or after this many minutes (whichever comes first). */
  readonly minutes?: number;
  /** Largest huge literal, in characters. */
  readonly maxSize?: number;
  /** Where a failing case is saved (its text, and the case as JSON with its seed). */
  readonly saveDir?: string;
  readonly log?: (line: string) => void;
}

export interface FuzzFailure { readonly seed: number; readonly case: RuleFileCase; readonly problems: readonly string[]; readonly saved: string | null }

/** Runs mutated rule files until `runs` or `minutes` is reached; returns the first failure, shrunk. */
export async function runRuleFileFuzz(options: FuzzOptions = {}): Promise<{ runs: number; failure: FuzzFailure | null }> {
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const sandbox = new RuleFileSandbox();
  let runs = 0;
  let last: string[] = [];
  try {
    const details = await fc.check(fc.asyncProperty(ruleFileCaseArb(options.maxSize), async (c) => {
      runs++;
      last = await sandbox.check(c);
      return last.length === 0;
    }), {
      seed, numRuns: options.runs ?? 1_000_000_000,
      ...(options.minutes === undefined ? {} : { interruptAfterTimeLimit: options.minutes * 60_000 }),
    });
    if (!details.failed || !details.counterexample) {
      options.log?.(`rule files: ${runs} cases, seed ${seed}: no failure`);
      return { runs, failure: null };
    }
    const [c] = details.counterexample;
    const problems = await sandbox.check(c);
    let saved: string | null = null;
    if (options.saveDir) {
      mkdirSync(options.saveDir, { recursive: true });
      saved = join(options.saveDir, `rule-file-${seed}.ereje`);
      writeFileSync(saved, caseText(c));
      writeFileSync(`${saved}.json`, JSON.stringify({ seed, path: details.counterexamplePath, base: RULE_FILE_BASES[c.base]!.file, case: c, problems }, null, 2) + '\n');
    }
    options.log?.(`rule files: FAILED after ${runs} cases, seed ${seed} (replay with --seed ${seed}): ${(problems.length ? problems : last).join('; ')}${saved ? `\n  reproducer: ${saved}` : ''}`);
    return { runs, failure: { seed, case: c, problems: problems.length ? problems : last, saved } };
  } finally {
    sandbox.dispose();
  }
}

// `npx tsx test/fuzz/rule-files.ts [--minutes N] [--seed S] [--runs N] [--out DIR]`
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const result = await runRuleFileFuzz({
    minutes: num('--minutes') ?? (num('--runs') === undefined ? 1 : undefined), runs: num('--runs'), seed: num('--seed'),
    maxSize: num('--max-size') ?? 2_000_000, saveDir: arg('--out') ?? join(dirname(fileURLToPath(import.meta.url)), 'failures'),
    log: (l) => console.log(l),
  });
  process.exitCode = result.failure ? 1 : 0;
}
