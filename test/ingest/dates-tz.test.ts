// Dates must mean the same day in Almaty (UTC+6) and Los Angeles (UTC−8): ingest never goes through local time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { cachedBundle } from '../cached-file.ts';

function workbookWithDates(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([['child_id', 'date']]);
  const cells: [number, string][] = [[40258, 'dd.mm.yyyy'], [40258.9999, 'dd.mm.yyyy hh:mm'], [40482, 'yyyy-mm-dd'], [40179, '']];
  cells.forEach(([v, z], i) => { ws[XLSX.utils.encode_cell({ r: i + 1, c: 0 })] = { t: 's', v: 'C' }; ws[XLSX.utils.encode_cell({ r: i + 1, c: 1 })] = z ? { t: 'n', v, z } : { t: 'n', v }; });
  ws['B6'] = { t: 's', v: '31.12.2010' };
  ws['A6'] = { t: 's', v: 'C' };
  ws['!ref'] = 'A1:B6';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'health_log');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
}

// The probe bundled into one JavaScript file (SheetJS and ereje's modules included), run by plain node:
// each child loads every module under its own TZ, as through tsx, without tsx's half a second of start.
// Bundled once per change of what it is made of (test/cached-file.ts).
const probeScript = cachedBundle('tz-probe', 'test/ingest/fixtures/tz-probe.ts');

function probe(tz: string, file: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, [probeScript, file], {
    env: { ...process.env, TZ: tz }, encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('dates across time zones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ereje-tz-'));
  const file = join(dir, 'dates.xlsx');
  writeFileSync(file, workbookWithDates());
  const expected = {
    fromFile: ['2010-03-21', '2010-03-21', '2010-10-31', '2010-01-01', '2010-12-31'],
    local: ['2010-03-21', '2010-10-31'],
    viaDates: ['2010-03-21', '2010-10-31'],
    errors: 0,
  };

  it('reads the same days under TZ=Asia/Almaty', () => {
    const result = probe('Asia/Almaty', file);
    expect(result.offsetMinutes).toBe(-360); // the zone really took effect in the child process
    expect(result).toMatchObject(expected);
  });

  it('reads the same days under TZ=America/Los_Angeles', () => {
    const result = probe('America/Los_Angeles', file);
    expect(result.offsetMinutes).toBe(420);
    expect(result).toMatchObject(expected);
  });
});
