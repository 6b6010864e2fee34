// The parent side of the fuzzer's worker: starts it, sends command lines, and kills it when a run passes
// its deadline or the worker dies (then a fresh worker takes the next case).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { builtCli } from '../../scripts/build.js';
import { smallWorkbook } from './bases.ts';

/** What the worker (worker.mjs) answers for one command line. */
export interface WorkerReply {
  readonly id: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly maxRssBytes: number;
}

export type RunOutcome =
  | ({ readonly kind: 'done' } & WorkerReply)
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'died'; readonly detail: string };

/**
 * The worker's script and the CLI it runs: the build of the sources as they are now when there is one
 * (a process that loads the sources through tsx spends most of a second of CPU transpiling them first),
 * else the sources through tsx.
 */
function workerArgs(): string[] {
  const worker = fileURLToPath(new URL('./worker.mjs', import.meta.url));
  const cli = builtCli();
  if (cli.built) return [worker, cli.url];
  // tsx is resolved from here: the worker runs in an empty folder of its own, where `--import tsx` would not find it.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/loader.mjs')).href;
  return ['--import', tsx, worker, new URL('../../src/cli/main.ts', import.meta.url).href];
}

/** How far a worker's peak RSS may rise above its baseline before it is replaced for the next run. */
const FRESH_WORKER_SLACK = 150 * 1024 * 1024;

/** Heap cap of the worker: a case that needs more dies there instead of exhausting the machine. */
const WORKER_HEAP_MB = 2048;

export class FuzzWorker {
  private child: ChildProcessWithoutNullStreams | undefined;
  private pending: ((reply: WorkerReply | Error) => void) | undefined;
  private nextId = 1;
  private stderrTail = '';
  /** The worker's working directory and TMPDIR: both must stay empty (nothing is written outside --out). */
  readonly scratch: string;
  readonly tmp: string;
  private readonly warmUpFile: string;
  private warmUps = 0;
  /** Peak RSS of the fresh worker after its first run, the baseline memory budgets are measured from. */
  baselineRss = 0;
  private lastPeakRss = 0;

  constructor() {
    const root = mkdtempSync(join(tmpdir(), 'ereje-fuzz-worker-'));
    this.scratch = join(root, 'cwd');
    this.tmp = join(root, 'tmp');
    mkdirSync(this.scratch);
    mkdirSync(this.tmp);
    const warm = join(root, 'warm-up.xlsx');
    writeFileSync(warm, XLSX.write(smallWorkbook(), { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    this.warmUpFile = warm;
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, [`--max-old-space-size=${WORKER_HEAP_MB}`, ...workerArgs()], {
      cwd: this.scratch,
      env: { ...process.env, TMPDIR: this.tmp, TMP: this.tmp, TEMP: this.tmp, NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (this.child !== child) return;
      const done = this.pending;
      this.pending = undefined;
      done?.(JSON.parse(line) as WorkerReply);
    });
    child.stderr.on('data', (d: Buffer) => { if (this.child === child) this.stderrTail = (this.stderrTail + d.toString()).slice(-2000); });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return; // a worker killed earlier: its end concerns no pending run
      const done = this.pending;
      this.pending = undefined;
      this.child = undefined;
      this.baselineRss = 0;
      done?.(new Error(`worker exited (${signal ?? code}): ${this.stderrTail.trim().split('\n').slice(-3).join(' | ')}`));
    });
    this.baselineRss = 0;
    this.stderrTail = '';
    return child;
  }

  /**
   * Runs one command line; past `deadlineMs` the worker is killed and the run is a timeout. Peak RSS only
   * grows over a process's life, so a worker whose peak has risen well above its baseline is replaced
   * first: each run's peak is then its own.
   */
  async run(argv: readonly string[], deadlineMs: number): Promise<RunOutcome> {
    if (this.child && this.lastPeakRss > this.baselineRss + FRESH_WORKER_SLACK) this.kill();
    if (!this.child) {
      this.child = this.start();
      // A fresh worker first audits a small workbook: its peak RSS after that is the baseline of memory budgets.
      const out = join(this.scratch, '..', `warm-up-${++this.warmUps}.json`);
      const warm = await this.send(this.child, ['audit', this.warmUpFile, '--format', 'json', '--out', out], 120_000);
      if (warm === 'timeout' || warm instanceof Error) return { kind: 'died', detail: `the worker did not start: ${warm === 'timeout' ? 'timeout' : warm.message}` };
      this.baselineRss = warm.maxRssBytes;
      this.lastPeakRss = warm.maxRssBytes;
    }
    const t0 = performance.now();
    const reply = await this.send(this.child, argv, deadlineMs);
    if (reply === 'timeout') {
      this.kill();
      return { kind: 'timeout', ms: performance.now() - t0 };
    }
    if (reply instanceof Error) return { kind: 'died', detail: reply.message };
    this.lastPeakRss = reply.maxRssBytes;
    return { kind: 'done', ...reply };
  }

  private send(child: ChildProcessWithoutNullStreams, argv: readonly string[], deadlineMs: number): Promise<WorkerReply | Error | 'timeout'> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.pending = undefined; resolve('timeout'); }, deadlineMs);
      this.pending = (r) => { clearTimeout(timer); resolve(r); };
      child.stdin.write(JSON.stringify({ id, argv }) + '\n');
    });
  }

  /** Anything the worker left in its working directory or TMPDIR (both must stay empty; tsx's own compile cache aside). */
  strayFiles(): string[] {
    return [...readdirSync(this.scratch).map((f) => `cwd/${f}`), ...readdirSync(this.tmp).filter((f) => !/^tsx-\d+$/.test(f)).map((f) => `TMPDIR/${f}`)];
  }

  kill(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  dispose(): void {
    this.kill();
    rmSync(join(this.scratch, '..'), { recursive: true, force: true });
  }
}
