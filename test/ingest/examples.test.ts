// The committed example workbooks read cleanly, in their three languages, with dates both as Excel
// date cells and as dd.mm.yyyy text; expected-findings.json agrees with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook } from '../../src/ingest/index.ts';

const dir = join(import.meta.dirname, '..', '..', 'examples');
const EXAMPLES = [
  { file: 'residential-2010.xlsx', kind: 'residential', childrenSheet: 'Балалар' },
  { file: 'home-care-2010.xlsx', kind: 'home_care', childrenSheet: 'Дети' },
  { file: 'day-care-2010.xlsx', kind: 'day_care', childrenSheet: 'children' },
];

describe('example workbooks', () => {
  it.each(EXAMPLES)('$file reads without input errors or warnings', ({ file, kind, childrenSheet }) => {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const wb = readWorkbook(bytes, { file });
    expect(wb.errors).toEqual([]);
    expect(wb.facility).toMatchObject({ kind, period_from: 14610, period_to: 14790 });
    expect(wb.tables.children!.sheetName).toBe(childrenSheet);
    const children = wb.tables.children!.rows;
    expect(children.length).toBeLessThanOrEqual(15);
    expect(children.some((c) => c.values.discharged_on !== null && (c.values.discharged_on as number) < 14790)).toBe(true);
    expect(children.some((c) => (c.values.admitted_on as number) > 14610)).toBe(true);

    const sheet = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true }).Sheets[childrenSheet] as XLSX.WorkSheet & { '!data': XLSX.CellObject[][] };
    const admitted = sheet['!data'].slice(1).map((row) => row[3]!);
    expect(admitted.some((c) => c.t === 'n' && typeof c.z === 'string')).toBe(true);
    expect(admitted.some((c) => c.t === 's' && /^\d\d\.\d\d\.\d{4}$/.test(String(c.v)))).toBe(true);
  });

  it('lists 4–6 deliberate violations per workbook in expected-findings.json', () => {
    const expected = JSON.parse(readFileSync(join(dir, 'expected-findings.json'), 'utf8')) as { workbook: string; clause: string }[];
    for (const { file } of EXAMPLES) {
      const n = expected.filter((f) => f.workbook === file).length;
      expect(n, file).toBeGreaterThanOrEqual(4);
      expect(n, file).toBeLessThanOrEqual(6);
    }
  });
});
