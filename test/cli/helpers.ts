// Test helpers for the audit CLI: captured io, workbooks built with SheetJS, and a hand-made zip
// (a zip bomb whose entry inflates far beyond what it declares, built with ingest's test zip writer).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { main, type CliIO } from '../../src/cli/main.ts';
import { buildZip } from '../ingest/zip-builder.ts';

export interface Captured { code: number; stdout: string; stderr: string }

export async function run(argv: readonly string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, stderrIsTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export type Rows = readonly (readonly unknown[])[];

/** An .xlsx with the given sheets; row 1 of each is the header. */
export function xlsxBytes(sheets: Readonly<Record<string, Rows>>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    // Dense (rows of cells): the same bytes as the default sheet, written faster.
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows.map((r) => [...r]), { dense: true }), name);
  }
  const buf = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return new Uint8Array(buf);
}

export const FACILITY_HEADER = ['facility_id', 'name', 'kind', 'ownership', 'period_from', 'period_to',
  'license_social_services', 'license_medical', 'license_education'] as const;

export function facilitySheet(over: { name?: string; from?: string; to?: string; kind?: string } = {}): Rows {
  return [
    FACILITY_HEADER,
    ['F-001', over.name ?? 'Балалар үйі №1', over.kind ?? 'residential', 'state', over.from ?? '2010-01-01', over.to ?? '2010-10-31',
      'L-1', 'M-1', 'E-1'],
  ];
}

/** A tiny file (tens of kB) whose one worksheet declares 1 kB but inflates to 64 MB of spaces. */
export function zipBomb(): Uint8Array {
  const deflated = (text: string | Buffer) => {
    const raw = typeof text === 'string' ? Buffer.from(text) : text;
    return { data: new Uint8Array(deflateRawSync(raw)), method: 8, uncompressedSize: raw.length };
  };
  return buildZip([
    { name: '[Content_Types].xml', ...deflated('<Types/>') },
    { name: 'xl/workbook.xml', ...deflated('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: spaces64MB(), method: 8, uncompressedSize: 1024 },
  ]);
}

/**
 * 64 MB of spaces, deflated: one deflated megabyte flushed to a byte boundary, 64 times, then an empty
 * final block: it inflates to what deflating the 64 MB whole does, made in a fraction of the time.
 */
function spaces64MB(): Uint8Array {
  const megabyte = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: constants.Z_FULL_FLUSH });
  return new Uint8Array(Buffer.concat([...Array.from({ length: 64 }, () => megabyte), Buffer.from([0x03, 0x00])]));
}

/**
 * A one-rule pack (A1.3: a medical licence is recorded) under `dir`, quoting the real act, so that a
 * workbook of just the facility sheet can be audited as fully evaluated — and compliant.
 */
export function licenceRules(dir: string): string {
  mkdirSync(join(dir, 'act'), { recursive: true });
  mkdirSync(join(dir, 'residential'), { recursive: true });
  copyFileSync('rules/kz/mlsp-306-o/act/000_76fe1cc4a2d2ef2d.txt', join(dir, 'act', 'act.txt'));
  writeFileSync(join(dir, 'residential', 'v1.ereje'), `ruleset residential version "v1" {
  title en "Licences only"
  applies_to residential
  act { issuer en "Minister" number "240-ө" date 2009-07-30 title en "Test act" }
  in_force from 2009-01-01
  source "../act/act.txt"
}

rule licences {
  clause A1.3
  severity major
  scope state "the facility's licences on the as-of date"
  quote "…лицензияның, медициналық, дәрігерлік қызметке берілген лицензияның, сондай-ақ білім беру қызметін жүргізу құқығына берілген лицензияның негізінде жүзеге асырады"
  require {
    license_medical: facility.license_medical is present
  }
  message "The facility has no licence recorded: {item}"
}
`);
  return dir;
}
