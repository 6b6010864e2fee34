// The workbook fuzzer's quick, seeded slice (the long soak is `npm run fuzz -- --minutes N`): generated
// workbooks — cell values of every type and size, unicode, formulas, merged, hidden, duplicated, renamed and
// missing sheets and columns, damaged zips, other formats named .xlsx — run twice through the CLI in a
// worker process, and every invariant of invariants.ts checked on each.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { workbookProperty } from './properties.ts';
import { FuzzWorker } from './runner.ts';

/** Fixed, so `npm test` is repeatable; the soak draws new seeds. */
export const QUICK_SEED = 20_261_129;
const QUICK_RUNS = Number(process.env.EREJE_FUZZ_RUNS ?? 4);

describe('workbook fuzzer (quick seeded slice)', () => {
  const worker = new FuzzWorker();
  afterAll(() => worker.dispose());

  it(`holds every invariant on ${QUICK_RUNS} generated cases (seed ${QUICK_SEED})`, async () => {
    await fc.assert(workbookProperty(worker, { farCells: false, quick: true }), { seed: QUICK_SEED, numRuns: QUICK_RUNS, endOnFailure: true });
  }, 600_000);

  it('holds every invariant, within budget, with far and sparse cells (A1048576, XFD1048576, …)', async () => {
    await fc.assert(workbookProperty(worker, { farCells: true, quick: true }), { seed: QUICK_SEED, numRuns: 4, endOnFailure: true });
  }, 600_000);
});
