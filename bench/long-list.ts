// The long-list row of `npm run bench`: the day-care example with one contraindications cell of 16,000
// unknown values (`x,x,…`, 32,000 characters: as much as an Excel cell holds), audited end to end
// in this process. Reading and evaluation must stay well under a second: list parsing is linear.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { evaluate, selectVersions } from '../src/engine/index.ts';
import { readWorkbook } from '../src/ingest/index.ts';
import type { RulePack } from '../src/rulepack/index.ts';

export interface LongListTiming { readonly ms: number; readonly inputErrors: number; readonly cellLength: number }

export function longListWorkbook(values = 16_000): { bytes: Uint8Array; cellLength: number } {
  const book = XLSX.read(readFileSync(new URL('../examples/day-care-2010.xlsx', import.meta.url)), { type: 'buffer' });
  const name = book.SheetNames.find((n) => /бала|дет|children/i.test(n))!;
  const sheet = book.Sheets[name]!;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  let column = -1;
  for (let c = range.s.c; c <= range.e.c; c++) {
    const header = sheet[XLSX.utils.encode_cell({ r: range.s.r, c })];
    if (header && /contraindications|қарсы|противопоказ/i.test(String(header.v))) column = c;
  }
  if (column < 0) throw new Error('the day-care example has no contraindications column');
  const cell = Array.from({ length: values }, () => 'x').join(',');
  sheet[XLSX.utils.encode_cell({ r: range.s.r + 1, c: column })] = { t: 's', v: cell };
  return { bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array, cellLength: cell.length };
}

/** Fastest of `runs` whole audits (readWorkbook, selectVersions, evaluate) of the long-list workbook. */
export async function timeLongList(pack: RulePack, runs = 3): Promise<LongListTiming> {
  const { bytes, cellLength } = longListWorkbook();
  let best = Infinity;
  let inputErrors = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const wb = readWorkbook(bytes, { file: 'long-list.xlsx' });
    const facility = wb.facility!;
    const period = { from: facility.period_from, to: facility.period_to };
    await evaluate(selectVersions(pack.rulesets, facility.kind, period, period.to), wb);
    best = Math.min(best, performance.now() - t0);
    inputErrors = wb.errors.filter((e) => e.code === 'unknown-value').length;
  }
  return { ms: best, inputErrors, cellLength };
}
