// One generated case end to end: its files written to a fresh folder, the two runs in the worker, every
// invariant checked. Shared by the quick slice in `npm test` and the long soak (`npm run fuzz`).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCase, type BuiltCase, type Recipe } from './cases.ts';
import { timeBudgetMs, violations } from './invariants.ts';
import type { FuzzWorker } from './runner.ts';

export interface CaseResult {
  readonly problems: readonly string[];
  readonly built: BuiltCase;
  readonly ms: number;
}

export async function runRecipe(recipe: Recipe, worker: FuzzWorker): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ereje-fuzz-case-'));
  try {
    const built = buildCase(recipe, dir);
    const deadline = timeBudgetMs(built.contentBytes);
    const t0 = performance.now();
    const first = await worker.run(built.argvs[0], deadline);
    const second = await worker.run(built.argvs[1], deadline);
    const ms = performance.now() - t0;
    const problems = violations(recipe, built, { runs: [first, second], baselineRss: worker.baselineRss, strayFiles: worker.strayFiles(), caseDir: dir });
    return { problems, built, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Saves a failing case where it can be replayed: the recipe (JSON), its input files and what broke. */
export function saveReproducer(folder: string, name: string, recipe: Recipe, problems: readonly string[], seed: number | string): string {
  const target = join(folder, name);
  mkdirSync(target, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'ereje-fuzz-repro-'));
  try {
    const built = buildCase(recipe, scratch);
    cpSync(join(scratch, 'in'), join(target, 'in'), { recursive: true, verbatimSymlinks: false });
    const argv = built.argvs[0].map((a) => a.split(scratch).join(target));
    writeFileSync(join(target, 'case.json'), JSON.stringify({ seed, problems, command: ['node', 'bin/ereje.js', ...argv], recipe }, null, 2) + '\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return target;
}
