import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that replace modules or globals (vi.mock, vi.stubGlobal, …): they need a module graph of their own. */
function replacingModules(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f).split('\\').join('/'))
    .filter((f) => /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(readFileSync(f, 'utf8')));
}
const isolated = replacingModules('test');

/**
 * The files that take longest, started first so that the two workers end together instead of one
 * finishing a long file alone at the end: the browser suites (Chromium, most of it spent waiting on the
 * browser), the batch of 200 workbooks in four formats, the huge rule files, and the build test (two
 * esbuild builds and a dozen processes). Vitest's own order puts the isolated project's files first
 * and, in a fresh checkout without its record of durations, the larger test files first.
 *
 * The isolated project's files go last: the pool starts workers of another project when the next file
 * belongs to one, so those files in the middle made the shared project's two workers end and two new
 * ones start, each importing vitest and the sources again (about a second of CPU apiece); last, they
 * cost only their own two forks.
 */
const STARTED_FIRST = ['test/browser.test.ts', 'test/cli/hostile-files.test.ts', 'test/lang/hostile-rules.test.ts', 'test/build.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      if (f.project.name === 'isolated') return STARTED_FIRST.length + 1;
      const at = STARTED_FIRST.indexOf(relative(this.ctx.config.root, f.moduleId).split('\\').join('/'));
      return at < 0 ? STARTED_FIRST.length : at;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}

const shared = {
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // Forks: some tests change the working directory, which worker threads cannot.
  pool: 'forks' as const,
  globalSetup: ['test/global-setup.ts'],
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
    sequence: { sequencer: LongestFirst },
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
