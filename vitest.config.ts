import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Test files that replace modules or globals (vi.mock, vi.stubGlobal, …): they need a module graph of their own. */
function replacingModules(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f).split('\\').join('/'))
    .filter((f) => /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(readFileSync(f, 'utf8')));
}
const isolated = replacingModules('test');

const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // Forks: some tests change the working directory, which worker threads cannot.
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    // One test file per core. Vitest's default in a run is one fewer than the cores — a single worker
    // on a 2-core machine, where the suite then took twice as long — and these files spend part of
    // their time waiting on Chromium, child processes and worker threads.
    maxWorkers: availableParallelism(),
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache), keyed by their content:
    // a run after the first transforms only what changed (about 3 s of the main process's time on 2 cores).
    experimental: { fsModuleCache: true },
    projects: [
      {
        // The sources hold no global state: importing them (the parser, SheetJS, the schema) once per
        // worker instead of once per test file halves the suite's time.
        test: { ...shared, name: 'shared', include: ['test/**/*.test.ts'], exclude: isolated, isolate: false },
      },
      { test: { ...shared, name: 'isolated', include: isolated.length > 0 ? isolated : ['no-such-file'], isolate: true } },
    ],
  },
});
