// A file refused as a whole says what it turned out to be in the user's language: a Kazakh or Russian
// inspector with an .xlsb, a damaged zip or a too-large file reads the same specific line an English
// one does, not one sentence for every cause.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/lang.ts';
import { readWorkbook, WorkbookRejected } from '../../src/ingest/index.ts';
import type { IngestLimits } from '../../src/ingest/types.ts';
import { facilitySheet, xlsxBytes } from '../cli/helpers.ts';
import { buildZip, editZip, readZipEntries, zipOf } from './zip-builder.ts';

function rejection(bytes: Uint8Array, limits?: Partial<IngestLimits>): WorkbookRejected {
  try {
    readWorkbook(bytes, { file: 'x.xlsx', ...(limits ? { limits } : {}) });
  } catch (err) {
    if (err instanceof WorkbookRejected) return err;
    throw err;
  }
  throw new Error('not rejected');
}

const good = xlsxBytes({ facility: facilitySheet(), children: [['child_id', 'birth_date'], ['C-1', '2004-01-01']] });
const legacy = new Uint8Array(512);
legacy.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const binary = zipOf([...readZipEntries(good)].map(([name, data]) => [name.replace('workbook.xml', 'workbook.bin'), data] as const));
const bzip2 = buildZip([{ name: 'xl/workbook.xml', data: new Uint8Array([1, 2, 3]), method: 12, uncompressedSize: 10 }]);

const CASES: readonly { cause: string; reason: WorkbookRejected['reason']; bytes: Uint8Array; limits?: Partial<IngestLimits>; says: RegExp }[] = [
  { cause: 'a text file', reason: 'not-a-workbook', bytes: new TextEncoder().encode('child_id,date\nC,2010-01-01\n'), says: /zip/ },
  { cause: 'a legacy .xls', reason: 'not-a-workbook', bytes: legacy, says: /\.xls\b/ },
  { cause: 'a zip with no workbook', reason: 'not-a-workbook', bytes: zipOf([['readme.txt', 'hi']]), says: /xl\/workbook\.xml/ },
  { cause: 'an .xlsb named .xlsx', reason: 'not-a-workbook', bytes: binary, says: /\.xlsb/ },
  { cause: 'an entry failing its CRC-32', reason: 'unreadable', bytes: new Uint8Array(readFileSync('test/fixtures/hostile/crc-flip.xlsx')), says: /CRC-32/ },
  { cause: 'a missing sheet part', reason: 'unreadable', bytes: editZip(good, { 'xl/worksheets/sheet1.xml': null }), says: /«facility»|"facility"/ },
  { cause: 'an unsupported compression', reason: 'unreadable', bytes: bzip2, says: /12/ },
  { cause: 'a file over the size limit', reason: 'too-large', bytes: good, limits: { maxUncompressedBytes: 1000 }, says: /--max-size 1 / },
  { cause: 'a file over the cell limit', reason: 'too-many-cells', bytes: good, limits: { maxCells: 3 }, says: /\b3\b/ },
];

describe('a refused file, in kk, ru and en', () => {
  const refused = CASES.map((c) => ({ ...c, err: rejection(c.bytes, c.limits) }));

  it.each(refused.map((r) => [r.cause, r] as const))('%s: one specific line in each language', (_, { err, reason, says }) => {
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(err.text.en);
    for (const lang of LANGS) {
      expect(err.text[lang]).toContain('x.xlsx');
      expect(err.text[lang]).toMatch(says);
      expect(err.text[lang]).not.toMatch(/\n/);
    }
    expect(err.text.kk).toMatch(/[әғқңөұүһі]/);
    expect(err.text.ru).toMatch(/[а-яё]/);
    expect(new Set([err.text.kk, err.text.ru, err.text.en]).size).toBe(3);
  });

  it('no two causes share a sentence in any language', () => {
    for (const lang of LANGS) expect(new Set(refused.map((r) => r.err.text[lang])).size).toBe(refused.length);
  });
});
