// The worker pool behind `ereje audit --jobs N`: results in task order whatever order the workers
// finish in, a worker that dies fails only its task, a worker that cannot start fails the run's tasks
// instead of being restarted forever, no more tasks are sent ahead than a few per worker, and a worker
// can ask the main thread for what only it holds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runInOrder } from '../../src/cli/worker-pool.ts';
import type { PoolTestResult, PoolTestTask } from './fixtures/pool-worker.ts';

const tsWorker = new URL('./fixtures/pool-worker.ts', import.meta.url);
// The same worker bundled into one JavaScript file, as `npm run build` bundles ereje's own: started
// from the TypeScript sources, each worker would first load tsx (about a quarter of a second of CPU,
// a dozen times in this file). The pool's start of a TypeScript worker is the first test's, and every
// batch test's with --jobs 2.
const bundled = join(mkdtempSync(join(tmpdir(), 'ereje-pool-')), 'pool-worker.mjs');
buildSync({ entryPoints: [fileURLToPath(tsWorker)], outfile: bundled, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
let worker = pathToFileURL(bundled);
const failed = (task: PoolTestTask, why: string): PoolTestResult => ({ failed: `${task.n}: ${why}` });

async function run(tasks: PoolTestTask[], size: number, setup: object = {}, local?: (task: PoolTestTask) => Promise<PoolTestResult>, asked?: () => void): Promise<{ results: PoolTestResult[]; deliveredAt: number[] }> {
  const results: PoolTestResult[] = [];
  const deliveredAt: number[] = [];
  const answer = async (q: unknown) => { asked?.(); await new Promise((r) => setTimeout(r, 5)); return `answer to ${(q as { of: number }).of}`; };
  await runInOrder(tasks, { size, worker, setup, failed, answer, ...(local ? { local } : {}) }, (r, i) => { expect(i).toBe(results.length); results.push(r); deliveredAt.push(Date.now()); });
  return { results, deliveredAt };
}

describe('runInOrder', () => {
  it('hands back every result in task order, whichever worker finishes first (workers run from the TypeScript source, then bundled)', async () => {
    const tasks = Array.from({ length: 12 }, (_, n) => ({ n, delay: (n * 37) % 50 }));
    for (const url of [tsWorker, pathToFileURL(bundled)]) {
      worker = url;
      const { results } = await run(tasks, 2);
      expect(results.map((r) => r.square)).toEqual(tasks.map((t) => t.n * t.n));
    }
  });

  it('answers the questions a worker asks while it works on a task (data only the main thread holds)', async () => {
    const { results } = await run(Array.from({ length: 6 }, (_, n) => ({ n, ask: n % 2 === 0 })), 2);
    expect(results.map((r) => r.answer ?? null)).toEqual(['answer to 0', null, 'answer to 2', null, 'answer to 4', null]);
  });

  it('fails only the task whose worker died, and goes on with a new worker', async () => {
    const tasks = Array.from({ length: 8 }, (_, n) => ({ n, crash: n === 2 }));
    const { results } = await run(tasks, 2);
    expect(results.map((r) => r.square ?? r.failed)).toEqual([0, 1, '2: the worker stopped (exit code 7)', 9, 16, 25, 36, 49]);
  });

  it('fails every task, rather than restarting forever, when no worker can start', async () => {
    const { results } = await run(Array.from({ length: 6 }, (_, n) => ({ n })), 1, { brokenStart: true });
    expect(results).toHaveLength(6);
    for (const r of results) expect(r.failed).toMatch(/cannot start/);
  });

  it('lets the main thread take a share of the tasks, the results still in task order', async () => {
    const here: number[] = [];
    // The main thread's first task lasts until the worker is at work on one (it asks a question): both
    // do some however slow the worker is to start under load — counted, not timed.
    let workerAsked!: () => void;
    const workerWorking = new Promise<void>((resolve) => { workerAsked = resolve; });
    const local = async (t: PoolTestTask) => {
      here.push(t.n);
      await (here.length === 1 ? workerWorking : new Promise((r) => setTimeout(r, 10)));
      return { square: t.n * t.n, answer: 'main' };
    };
    const tasks = Array.from({ length: 30 }, (_, n) => ({ n, delay: 10, ask: true }));
    const { results } = await run(tasks, 2, {}, local, workerAsked);
    expect(results.map((r) => r.square)).toEqual(tasks.map((t) => t.n * t.n));
    // One worker and the main thread: both did some.
    expect(here.length).toBeGreaterThan(0);
    expect(here.length).toBeLessThan(30);
    expect(results.filter((r) => r.answer === 'main').map((r) => Math.sqrt(r.square!))).toEqual(here);
  });

  it('lets the main thread do every task when no worker can start', async () => {
    const local = async (t: PoolTestTask) => ({ square: t.n * t.n });
    const { results } = await run(Array.from({ length: 5 }, (_, n) => ({ n })), 2, { brokenStart: true }, local);
    expect(results.map((r) => r.square ?? r.failed)).toEqual([0, 1, 4, 9, 16]);
  });

  it('sends no more than a few tasks per worker ahead of a slow one', async () => {
    const tasks = [{ n: 0, delay: 400 }, ...Array.from({ length: 60 }, (_, k) => ({ n: k + 1 }))];
    const { results, deliveredAt } = await run(tasks, 2);
    const startedBeforeFirst = results.filter((r) => r.startedAt! < deliveredAt[0]!).length;
    // The slow task, and at most the window of 16 results per thread after it (not all 60).
    expect(startedBeforeFirst).toBeLessThanOrEqual(1 + 2 * 16);
    expect(results.map((r) => r.square)).toEqual(tasks.map((t) => t.n * t.n));
  });
});
