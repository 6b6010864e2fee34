// The fuzzer's properties of single functions (quick, seeded): cutting and escaping echoed text, Markdown
// links, day numbers, formula text cells, damaged zips — and list cells, whose work is counted.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { typeTables } from '../../src/ingest/index.ts';
import * as schema from '../../src/schema/index.ts';
import { SHEETS } from '../../src/schema/sheets.ts';
import { unitProperties } from './properties.ts';

/**
 * Every lookup of a list piece goes through matchEnumValue: counting calls and characters counts the work.
 * Counted for this file only (the modules are shared with other test files in this worker: put back afterwards).
 */
const work = { calls: 0, chars: 0 };
const matchEnumValue = schema.matchEnumValue;
beforeAll(() => {
  vi.spyOn(schema, 'matchEnumValue').mockImplementation((enumId, text) => {
    work.calls += 1;
    work.chars += text.length;
    return matchEnumValue(enumId, text);
  });
});
afterAll(() => { vi.mocked(schema.matchEnumValue).mockRestore(); });

const SEED = 20_261_129;

/** Counterexamples the soak (`npm run fuzz`) found once, tried first at every run of their property. */
const FOUND: Readonly<Record<string, readonly unknown[][]>> = {
  // An escaped backtick between `@SUM(A1)` and a date: no autolink, which the check once read as one.
  'md shows every URL, www. and e-mail address inside a code span, and nothing else raw': [['@SUM(A1)`31.02.2010'], ['a@b`.kz'], ['x|y@z.kz']],
};

/**
 * Cases per property here (the soak runs 300 per round, with new seeds); fewer for the ones that read a
 * whole workbook each time (8 ms a case: 150 cases were most of this file's time).
 */
const RUNS: Readonly<Record<string, number>> = {
  'a flipped bit or a truncation is refused, or changes nothing that is read': 60,
  // A generated workbook written and read twice: ~150 ms a case.
  'the fast XML readers read a generated workbook as SheetJS, the reference, does': 8,
};

describe('properties of single functions', () => {
  for (const [name, property] of Object.entries(unitProperties)) {
    it(name, () => {
      fc.assert(property as fc.IProperty<unknown[]>, { seed: SEED, numRuns: RUNS[name] ?? 150, examples: (FOUND[name] ?? []) as unknown[][] });
    });
  }
});

describe('list cells: work linear in the cell, one input error per cell', () => {
  const listColumns = SHEETS.flatMap((s) => s.columns.filter((c) => c.type === 'list').map((c) => ({ sheet: s.id, column: c.id })));
  const piece = fc.oneof(
    fc.constantFrom('x', 'aids', 'СПИД', 'tb_active', 'заболевание', 'требующее специализированного лечения', 'активный туберкулез', '', ' ', 'v1', 'ЖҚТБ'),
    fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[,;]/g, '')),
  );
  const listCell = fc.tuple(fc.array(fc.tuple(piece, fc.constantFrom(',', ', ', ';', '; ', ' ,')), { maxLength: 3000 }), piece)
    .map(([pairs, last]) => pairs.map(([p, sep]) => p + sep).join('') + last);

  it('no list cell costs more than a small constant times its length', () => {
    fc.assert(fc.property(fc.constantFrom(...listColumns), listCell, ({ sheet, column }, cell) => {
      work.calls = 0;
      work.chars = 0;
      // The spy's own record of calls is not needed: only the counts above are.
      vi.mocked(schema.matchEnumValue).mockClear();
      const wb = typeTables([{ name: sheet, headerRow: 1, header: [column], rows: [[cell]] }]);
      const cellErrors = wb.errors.filter((e) => e.column === column);
      const pieces = cell.split(/[,;]/).length;
      expect(work.calls).toBeLessThanOrEqual(4 * pieces + 4);
      expect(work.chars).toBeLessThanOrEqual(8 * cell.length + 64);
      expect(cellErrors.length).toBeLessThanOrEqual(1);
      for (const e of cellErrors) {
        expect(e.code).toBe('unknown-value');
        expect([...(e.value ?? '')].length).toBeLessThanOrEqual(61);
        expect(e.message.en.length).toBeLessThan(700);
      }
    }), { seed: SEED, numRuns: 60 });
  });
});
