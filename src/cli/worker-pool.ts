// A pool that runs numbered tasks on worker threads — and, when given `local`, on the main thread too —
// and hands back their results in task order, so that what a parallel run prints and writes is what a
// run of one job prints and writes. Memory stays bounded by the pool's size, not by the number of
// tasks: a task is started only while fewer than a few results per thread wait for an earlier, slower
// one. A worker that dies (a crash, running out of memory) fails the task it was running; the task it
// held next goes to another thread, a new worker takes its place, and the others go on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';

/**
 * Between the pool and a worker: a task and its result; and a question a worker asks while it works
 * on one (data only the main thread holds), with its answer.
 */
type ToWorker<T> = { readonly kind: 'task'; readonly index: number; readonly task: T } | { readonly kind: 'answer'; readonly id: number; readonly value: unknown };
type FromWorker<R> =
  | { readonly kind: 'ready' }
  | { readonly kind: 'result'; readonly index: number; readonly result: R }
  | { readonly kind: 'ask'; readonly id: number; readonly question: unknown };

export interface PoolOptions<T, R> {
  /** Threads working at once (at most one per task), the main thread among them when `local` is given. */
  readonly size: number;
  /** The worker's module: it answers each task with its result (see serveTasks). */
  readonly worker: URL;
  /** Given to every worker as `workerData`. */
  readonly setup: unknown;
  /** The result of a task whose worker died while running it. */
  readonly failed: (task: T, why: string) => R;
  /** Answers a worker's question (see serveTasks). */
  readonly answer?: (question: unknown) => unknown;
  /**
   * Runs a task on the main thread, which then takes a share of the tasks instead of only waiting
   * (one worker fewer to start). It should hold any failure in its result, not throw it.
   */
  readonly local?: (task: T) => Promise<R>;
}

/**
 * Tasks a worker holds at most: the one it runs and those next in its queue, so that it never waits for
 * the main thread, busy with a task of its own, to send it one. With two held, a worker given two small
 * workbooks while the main thread audited a large one sat idle for about a tenth of a batch. Near the
 * end of a batch it holds fewer (see heldAhead), lest the main thread run out of tasks while a worker
 * still queues several.
 */
const HELD_PER_WORKER = 4;

/** Results that may wait, per thread, for an earlier task still running: the memory bound of a batch. */
const WAITING_PER_THREAD = 16;

/**
 * Runs every task on the pool and calls `done` with each result in task order (the first task's first),
 * as soon as it and every task before it are done.
 */
export async function runInOrder<T, R>(tasks: readonly T[], options: PoolOptions<T, R>, done: (result: R, index: number) => void | Promise<void>): Promise<void> {
  if (tasks.length === 0) return;
  const threads = Math.max(1, Math.min(options.size, tasks.length));
  const local = options.local;
  const workerCount = local === undefined ? threads : threads - 1;
  /** Results may wait for an earlier task this many; beyond that no new task is started. */
  const window = threads * WAITING_PER_THREAD;
  const waiting = new Map<number, R>();
  /** Tasks taken back from a worker that died before starting them: started again first. */
  const again: number[] = [];
  let next = 0;
  let emitted = 0;
  let settle!: (err?: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => { settle = (err) => (err === undefined ? resolve() : reject(err)); });
  let failure: unknown;
  /** Each worker (once ready: set up, waiting for tasks) and the tasks it holds, the running one first. */
  const workers = new Map<Worker, number[]>();
  const ready = new Set<Worker>();
  /** Wakes the main thread's loop when it waits for the window to move or a task to come back. */
  const waiter: { wake: (() => void) | null } = { wake: null };
  const fail = (err: unknown) => { failure ??= err; settle(err); waiter.wake?.(); };

  const available = () => failure === undefined && (again.length > 0 || (next < tasks.length && next < emitted + window));
  const take = () => (again.length > 0 ? again.shift()! : next++);
  /** Tasks a worker may hold now: fewer as the tasks not yet started run out, down to one and the next. */
  const heldAhead = () => Math.min(HELD_PER_WORKER, Math.max(2, Math.ceil((again.length + tasks.length - next) / threads)));

  const deliver = async () => {
    while (waiting.has(emitted)) {
      const result = waiting.get(emitted)!;
      waiting.delete(emitted);
      await done(result, emitted);
      emitted++;
    }
  };
  // Results are delivered one at a time, in order, even when they arrive together.
  let delivering = Promise.resolve();
  const arrived = (index: number, result: R) => {
    waiting.set(index, result);
    delivering = delivering.then(deliver).then(() => {
      if (emitted === tasks.length) settle();
      else for (const w of workers.keys()) feed(w);
      waiter.wake?.();
    }).catch(fail);
  };

  /** Workers lost since a task last finished: a worker that cannot even start is not replaced forever. */
  let lostInARow = 0;
  const feed = (w: Worker) => {
    const held = workers.get(w);
    while (held !== undefined && ready.has(w) && held.length < heldAhead() && available()) {
      const index = take();
      held.push(index);
      w.postMessage({ kind: 'task', index, task: tasks[index]! } satisfies ToWorker<T>);
    }
  };
  const start = () => {
    const w = spawn(options.worker, options.setup);
    workers.set(w, []);
    w.on('message', (m: FromWorker<R>) => {
      if (m.kind === 'ready') {
        ready.add(w);
        feed(w);
        return;
      }
      if (m.kind === 'ask') {
        Promise.resolve(options.answer?.(m.question)).then((value) => w.postMessage({ kind: 'answer', id: m.id, value } satisfies ToWorker<T>)).catch(fail);
        return;
      }
      lostInARow = 0;
      const held = workers.get(w);
      held?.splice(held.indexOf(m.index), 1);
      arrived(m.index, m.result);
      feed(w);
    });
    w.on('error', (err) => lost(w, err instanceof Error ? err.message : String(err)));
    w.on('exit', (code) => lost(w, `the worker stopped (exit code ${code})`));
  };
  const lost = (w: Worker, why: string) => {
    const held = workers.get(w);
    if (held === undefined) return;
    workers.delete(w);
    const [running, ...queued] = held;
    if (running !== undefined) arrived(running, options.failed(tasks[running]!, why));
    again.unshift(...queued);
    // A worker that died before it was ready (or before finishing a task) counts towards giving up.
    if (!ready.delete(w) || running !== undefined) lostInARow++;
    if (lostInARow > threads) {
      // Workers die before finishing anything: none is started again. The main thread, if it takes
      // tasks, does the rest; else every task not started fails for the same reason.
      if (local === undefined) {
        while (again.length > 0 || next < tasks.length) { const k = again.length > 0 ? again.shift()! : next++; arrived(k, options.failed(tasks[k]!, why)); }
      }
      waiter.wake?.();
      return;
    }
    // A replacement, while there is work left for it.
    if (failure === undefined && (again.length > 0 || next < tasks.length)) start();
    waiter.wake?.();
  };

  const runLocal = async (run: (task: T) => Promise<R>) => {
    while (failure === undefined && emitted < tasks.length) {
      if (!available()) {
        // Wait for a result to be delivered (the window moves) or a task to be taken back.
        await new Promise<void>((resolve) => { waiter.wake = resolve; });
        waiter.wake = null;
        continue;
      }
      const index = take();
      arrived(index, await run(tasks[index]!));
      // Let the workers' results in between two tasks of this thread.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  for (let i = 0; i < workerCount; i++) start();
  try {
    await Promise.all([finished, local === undefined ? null : runLocal(local).catch(fail)]);
  } finally {
    waiter.wake?.();
    const all = [...workers.keys()];
    workers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/**
 * A worker for `url`. Built, the modules are JavaScript; run from the TypeScript sources (tests, tsx),
 * the worker first registers tsx, as the process that started it did.
 */
function spawn(url: URL, setup: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: setup });
  // tsx's ES module API (require.resolve would give its CommonJS build, which cannot register from here).
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const api = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(join(dirname(pkg), api)).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData: setup });
}

/**
 * In a worker: answers each task with `handle`'s result (which should hold any failure, not throw it),
 * one task after the other. `ask` puts a question to the pool's `answer` in the main thread.
 */
export function serveTasks<T, R>(handle: (task: T, ask: (question: unknown) => Promise<unknown>) => Promise<R>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks runs in a worker thread');
  const pending = new Map<number, (value: unknown) => void>();
  let asked = 0;
  const ask = (question: unknown) => new Promise<unknown>((resolve) => {
    const id = ++asked;
    pending.set(id, resolve);
    port.postMessage({ kind: 'ask', id, question } satisfies FromWorker<R>);
  });
  let queue = Promise.resolve();
  port.postMessage({ kind: 'ready' } satisfies FromWorker<R>);
  port.on('message', (m: ToWorker<T>) => {
    if (m.kind === 'answer') {
      pending.get(m.id)?.(m.value);
      pending.delete(m.id);
      return;
    }
    queue = queue.then(() => handle(m.task, ask)).then((result) => port.postMessage({ kind: 'result', index: m.index, result } satisfies FromWorker<R>));
  });
}
