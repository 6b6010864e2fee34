// A pool of worker threads that runs numbered tasks and hands back their results in task order, so
// that what a parallel run prints and writes is what a run of one job prints and writes. Memory stays
// bounded by the pool's size, not by the number of tasks: a task is sent only while fewer than a few
// results per worker wait for an earlier, slower one. A worker that dies (a crash, running out of
// memory) fails the one task it held; a new worker takes its place and the others go on.
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
type FromWorker<R> = { readonly kind: 'result'; readonly index: number; readonly result: R } | { readonly kind: 'ask'; readonly id: number; readonly question: unknown };

export interface PoolOptions<T, R> {
  /** Worker threads (at most one per task). */
  readonly size: number;
  /** The worker's module: it answers each TaskMessage with a ResultMessage (see serveTasks). */
  readonly worker: URL;
  /** Given to every worker as `workerData`. */
  readonly setup: unknown;
  /** The result of a task whose worker died while it held it. */
  readonly failed: (task: T, why: string) => R;
  /** Answers a worker's question (see serveTasks). */
  readonly answer?: (question: unknown) => unknown;
}

/**
 * Runs every task on the pool and calls `done` with each result in task order (the first task's first),
 * as soon as it and every task before it are done.
 */
export async function runInOrder<T, R>(tasks: readonly T[], options: PoolOptions<T, R>, done: (result: R, index: number) => void | Promise<void>): Promise<void> {
  const size = Math.max(1, Math.min(options.size, tasks.length));
  /** Results may wait for an earlier task this many per worker; beyond that no new task is sent. */
  const window = size * 4;
  const waiting = new Map<number, R>();
  let next = 0;
  let emitted = 0;
  let settle!: (err?: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => { settle = (err) => (err === undefined ? resolve() : reject(err)); });
  let failure: unknown;
  const workers = new Set<Worker>();

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
      else for (const w of workers) feed(w);
    }).catch((err: unknown) => { failure ??= err; settle(err); });
  };

  const holding = new Map<Worker, number>();
  /** Workers lost since a task last finished: a worker that cannot even start is not replaced forever. */
  let lostInARow = 0;
  const feed = (w: Worker) => {
    if (failure !== undefined || holding.has(w) || next >= tasks.length || next >= emitted + window) return;
    const index = next++;
    holding.set(w, index);
    w.postMessage({ kind: 'task', index, task: tasks[index]! } satisfies ToWorker<T>);
  };
  const start = () => {
    const w = spawn(options.worker, options.setup);
    workers.add(w);
    w.on('message', (m: FromWorker<R>) => {
      if (m.kind === 'ask') {
        Promise.resolve(options.answer?.(m.question))
          .then((value) => w.postMessage({ kind: 'answer', id: m.id, value } satisfies ToWorker<T>))
          .catch((err: unknown) => { failure ??= err; settle(err); });
        return;
      }
      lostInARow = 0;
      holding.delete(w);
      arrived(m.index, m.result);
      feed(w);
    });
    w.on('error', (err) => lost(w, err instanceof Error ? err.message : String(err)));
    w.on('exit', (code) => lost(w, `the worker stopped (exit code ${code})`));
    feed(w);
  };
  const lost = (w: Worker, why: string) => {
    if (!workers.delete(w)) return;
    const index = holding.get(w);
    holding.delete(w);
    if (index !== undefined) arrived(index, options.failed(tasks[index]!, why));
    if (++lostInARow > size) {
      // Workers die before finishing anything: every task not yet sent fails for the same reason.
      while (next < tasks.length) { const k = next++; arrived(k, options.failed(tasks[k]!, why)); }
      return;
    }
    // A replacement, while there is work left for it.
    if (failure === undefined && next < tasks.length) start();
  };

  if (tasks.length === 0) return;
  for (let i = 0; i < size; i++) start();
  try {
    await finished;
  } finally {
    const all = [...workers];
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
 * In a worker: answers each task with `handle`'s result (which should hold any failure, not throw it).
 * `ask` puts a question to the pool's `answer` in the main thread.
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
  port.on('message', (m: ToWorker<T>) => {
    if (m.kind === 'answer') {
      pending.get(m.id)?.(m.value);
      pending.delete(m.id);
      return;
    }
    void handle(m.task, ask).then((result) => port.postMessage({ kind: 'result', index: m.index, result } satisfies FromWorker<R>));
  });
}
