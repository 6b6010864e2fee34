// `npm run fuzz -- --minutes N [--seed S] [--no-far-cells]`: the fuzzer's long soak. Round after round, with a
// fresh seed each, it generates workbook cases (run through the CLI in a worker) and checks the unit
// properties, until the time is up. A failing case is printed with its seed and fast-check path, and saved
// as a reproducer under fuzz-failures/ (git-ignored): the workbooks, the command, the recipe, what broke.
// Exit 0 when nothing failed, 1 otherwise.
import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Recipe } from './cases.ts';
import { saveReproducer } from './property.ts';
import { unitProperties, workbookProperty } from './properties.ts';
import { FuzzWorker } from './runner.ts';

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const minutes = Number(option('--minutes') ?? 10);
const firstSeed = option('--seed') === undefined ? undefined : Number(option('--seed'));
// Far and sparse cells (A1048576, XFD1048576, …) are in every round unless --no-far-cells leaves them out.
const farCells = !args.includes('--no-far-cells');
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('usage: npm run fuzz -- --minutes N [--seed S] [--no-far-cells]');
  process.exit(2);
}

const failuresDir = resolve('fuzz-failures');
const deadline = Date.now() + minutes * 60_000;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
let round = 0;
let cases = 0;
let unitRuns = 0;
const failures: string[] = [];
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 60_000).toFixed(1)} min`;

console.log(`ereje fuzz: soak for ${minutes} min${farCells ? ', far and sparse cells included' : ''}; failures are saved under ${failuresDir}`);
while (Date.now() < deadline) {
  round += 1;
  const seed = round === 1 && firstSeed !== undefined ? firstSeed : randomInt(2 ** 31 - 1);
  // A fresh worker per round: one case's memory never counts against the next round's budget.
  const worker = new FuzzWorker();
  let firstProblems: { recipe: Recipe; problems: readonly string[] } | undefined;
  let lastProblems: { recipe: Recipe; problems: readonly string[] } | undefined;
  const details = await fc.check(
    workbookProperty(worker, { farCells }, (recipe, problems) => { lastProblems = { recipe, problems }; firstProblems ??= lastProblems; }),
    { seed, numRuns: 10, interruptAfterTimeLimit: Math.max(1000, deadline - Date.now()) },
  );
  worker.dispose();
  cases += details.numRuns;
  if (details.failed && lastProblems) {
    const name = `${stamp}-workbooks-seed-${seed}`;
    const saved = saveReproducer(failuresDir, name, lastProblems.recipe, lastProblems.problems, seed);
    // The case as first found too: shrinking can end on a smaller case that fails another way.
    if (firstProblems && firstProblems !== lastProblems) saveReproducer(failuresDir, `${name}-as-found`, firstProblems.recipe, firstProblems.problems, seed);
    failures.push(name);
    console.log(`FAIL workbooks (seed ${seed}, path "${details.counterexamplePath}", after ${details.numRuns} cases, shrunk ${details.numShrinks} times):`);
    for (const p of lastProblems.problems) console.log(`  ${p.split('\n').join('\n  ')}`);
    console.log(`  replay: npm run fuzz -- --minutes 1 --seed ${seed}   reproducer: ${saved}/case.json`);
  }
  for (const [title, property] of Object.entries(unitProperties)) {
    if (Date.now() >= deadline) break;
    const unit = fc.check(property as fc.IProperty<unknown[]>, { seed, numRuns: 300 });
    unitRuns += unit.numRuns;
    if (unit.failed) {
      const name = `${stamp}-unit-seed-${seed}-${failures.length + 1}`;
      mkdirSync(join(failuresDir, name), { recursive: true });
      writeFileSync(join(failuresDir, name, 'case.json'), JSON.stringify({ property: title, seed, path: unit.counterexamplePath, counterexample: unit.counterexample, error: String(unit.errorInstance) }, null, 2) + '\n');
      failures.push(name);
      console.log(`FAIL ${title} (seed ${seed}, path "${unit.counterexamplePath}"): ${JSON.stringify(unit.counterexample).slice(0, 500)}`);
    }
  }
  console.log(`round ${round}: seed ${seed}, ${details.numRuns} workbook cases${details.interrupted ? ' (time up)' : ''}; ${elapsed()} elapsed, ${cases} cases and ${unitRuns} unit checks so far, ${failures.length} failure(s)`);
}
console.log(`ereje fuzz: ${cases} workbook cases and ${unitRuns} unit checks in ${elapsed()}; ${failures.length === 0 ? 'no failures' : `${failures.length} failure(s), saved under ${failuresDir}: ${failures.join(', ')}`}`);
process.exit(failures.length === 0 ? 0 : 1);
