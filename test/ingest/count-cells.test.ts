// The cell-count guard counts cell elements — `<c …>`, `<c/>`, and prefixed `<x:c …>` — and nothing
// else that starts alike (`<col>`, `<cols>`, `<x:cfRule>`), however the tags are packed: checked against
// a plain scan of every `<`, on worksheet-like text built from the pieces that could confuse it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCellElements } from '../../src/ingest/zip-guard.ts';

/** Every `<`, an optional namespace prefix of up to 12 letters and digits, then `c` and a space, `>` or `/`. */
function plainCount(xml: string): number {
  return [...xml.matchAll(/<(?:[A-Za-z0-9]{0,12}:)?c[ >/]/g)].length;
}

describe('countCellElements', () => {
  it('counts plain and prefixed cell elements, not <col> or <x:cfRule>', () => {
    const xml = '<worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/><x:c r="C1"></x:c><x:cfRule/><c>\n</c></row></sheetData></worksheet>';
    expect(countCellElements(Buffer.from(xml))).toBe(4);
    // A prefix has at most 12 letters and digits.
    expect(countCellElements(Buffer.from('<abcdefghijkl:c r="A1"/><abcdefghijklm:c r="A2"/>'))).toBe(1);
  });

  it('agrees with a plain scan on any packing of tags', () => {
    const piece = fc.constantFrom('<', 'c', ':', ' ', '>', '/', 'x', 'ab', '1', 'Z', '-', 'col', '<c ', '<x:c>', 'abcdefghijkl', 'м');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const xml = parts.join('');
      return countCellElements(Buffer.from(xml)) === plainCount(xml);
    }), { numRuns: 2000, seed: 20261129 });
  });
});
