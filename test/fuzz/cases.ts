// What the workbook fuzzer generates: a recipe (plain JSON, so a failing case prints and replays) of
// mutations applied to a base workbook, and the code that turns a recipe into the files of one CLI run.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { readZipEntries, zipOf } from '../ingest/zip-builder.ts';
import { examplesRead, smallWorkbook } from './bases.ts';

export const BASES = ['residential', 'home-care', 'day-care', 'small'] as const;
export type Base = (typeof BASES)[number];

/** Cells whose address is far out (beyond XFD, or the last row): far-cell cases, generated only with `farCells`. */
const FAR_XML_PAYLOADS = [
  '<row r="2"><c r="ZZZZZ2"><v>1</v></c></row>',
  '<row r="2"><c r="XFD2"><v>1</v></c></row>',
  '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
];
export const FORMATS = ['terminal', 'json', 'md', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export type CellSpec =
  | { readonly t: 's'; readonly v: string }
  | { readonly t: 'n'; readonly v: number }
  | { readonly t: 'b'; readonly v: boolean }
  | { readonly t: 'f'; readonly f: string; readonly v: string | number }
  | { readonly t: 'e'; readonly v: number }
  | { readonly t: 'empty' };

/** Sheet, row and column numbers are taken modulo what the workbook has, so every recipe applies to every base. */
export type Edit =
  | { readonly kind: 'cell'; readonly sheet: number; readonly row: number; readonly col: number; readonly value: CellSpec }
  | { readonly kind: 'far-cell'; readonly sheet: number; readonly row: number; readonly col: number; readonly value: CellSpec }
  | { readonly kind: 'merge'; readonly sheet: number; readonly row: number; readonly col: number; readonly rows: number; readonly cols: number }
  | { readonly kind: 'hide-sheet'; readonly sheet: number; readonly veryHidden: boolean }
  | { readonly kind: 'duplicate-sheet'; readonly sheet: number; readonly name: string }
  | { readonly kind: 'rename-sheet'; readonly sheet: number; readonly name: string }
  | { readonly kind: 'delete-sheet'; readonly sheet: number }
  | { readonly kind: 'duplicate-column'; readonly sheet: number; readonly col: number }
  | { readonly kind: 'rename-column'; readonly sheet: number; readonly col: number; readonly name: string }
  | { readonly kind: 'delete-column'; readonly sheet: number; readonly col: number }
  | { readonly kind: 'duplicate-row'; readonly sheet: number; readonly row: number; readonly times: number }
  | { readonly kind: 'delete-row'; readonly sheet: number; readonly row: number };

/** Edits of the written zip's bytes or parts (what SheetJS would refuse to write). */
export type ByteEdit =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'flip'; readonly bits: readonly (readonly [position: number, bit: number])[] }
  | { readonly kind: 'raw-sheet-name'; readonly sheet: number; readonly name: string }
  | { readonly kind: 'drop-part'; readonly part: number }
  | { readonly kind: 'garbage-part'; readonly part: number; readonly text: string }
  | { readonly kind: 'xml-inject'; readonly sheet: number; readonly where: number; readonly payload: string }
  | { readonly kind: 'date1904' };

/**
 * Raw worksheet XML that SheetJS would never write: a cell past Excel's 32,767 characters, a shared-string
 * index that does not exist, entity declarations (a billion-laughs attempt), unclosed and odd elements.
 */
const XML_PAYLOADS = [
  `<row r="3"><c r="B3" t="inlineStr"><is><t>${'Ж'.repeat(40_000)}</t></is></c></row>`,
  `<row r="2"><c r="C2" t="inlineStr"><is><t>${Array.from({ length: 16_000 }, (_, i) => `v${i}`).join(',')}</t></is></c></row>`,
  '<row r="2"><c r="A2" t="s"><v>999999</v></c></row>',
  '<row r="2"><c r="A2" t="s"><v>-1</v></c></row>',
  '<row r="2"><c r="B2" t="d"><v>0005-06-01T00:00:00</v></c></row>',
  '<row r="2"><c r="B2" t="n"><v>1e308</v></c><c r="C2" t="n"><v>-1e308</v></c><c r="D2"><v>NaN</v></c></row>',
  '<row r="2"><c r="B2" t="str"><f>1</f><v>Tom &amp;amp; Jerry &lt;b&gt; _x001B_[2J</v></c></row>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
  '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol2;&lol2;</t></is></c></row>',
  '<row r="0"><c r="A0"><v>1</v></c></row>',
  '<row r="2"><c r="A-1"><v>2</v></c><c><v>3</v></c><c r="2A"><v>4</v></c></row>',
  '<row r="2"><c r="A2" t="b"><v>2</v></c><c r="B2" t="e"><v>#BOGUS!</v></c></row>',
  '<row r="2"><c r="A2"',
  '</sheetData></worksheet><worksheet><sheetData>',
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  '<row r="2" hidden="1" spans="1:16384"><c r="A2" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r></is></c></row>',
  // Formulas saved without their results, as openpyxl and xlsxwriter write them, and Excel's #GETTING_DATA.
  '<row r="2"><c r="A2"><f>A1</f></c><c r="B2" s="1"><f>DATE(2010,4,20)</f><v></v></c><c r="C2" t="str"><f>""</f><v></v></c><c r="D2" t="b"><f>TRUE()</f></c><c r="E2"><f t="shared" si="0"/></c><c r="F2" t="e"><v>#GETTING_DATA</v></c></row>',
];

/** Something else, named `.xlsx`. */
export const DISGUISES = ['csv', 'html', 'pdf', 'legacy-xls', 'xlsb', 'ods', 'empty', 'random', 'zip-of-text', 'json', 'utf16-text'] as const;
export type Disguise = (typeof DISGUISES)[number];

export interface WorkbookRecipe {
  readonly base: Base;
  readonly edits: readonly Edit[];
  readonly bytes: readonly ByteEdit[];
  readonly disguise: Disguise | null;
  readonly compression: boolean;
  readonly fileName: string;
}

export interface Recipe {
  readonly workbooks: readonly WorkbookRecipe[];
  /** A folder run (every workbook in one folder) rather than one workbook. */
  readonly folder: boolean;
  readonly format: Format;
  readonly lang: 'kk' | 'ru' | 'en';
  readonly asOf: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries

/** Text a facility's export or an attacker could put in a cell. */
const INTERESTING = [
  '', ' ', 'иә', 'жоқ', 'да', 'нет', 'yes', '1', '0', '-', 'бюджет', 'мемлекеттік', 'стационар', 'budget', 'residential', 'day_care', 'home_care',
  '2010-03-21', '21.03.2010', '31.02.2010', '0005-06-01', '01.06.0050', '1899-12-31', '9999-12-31', '2010-3-21', '2010-03', '03.2010',
  'C-1', 'C-001', 'G-1', 'S-1', 'F-001', 'R-01', 'D-01', 'DG-1',
  'СПИД; tb_active', 'заболевание, требующее специализированного лечения', 'x,x,x,x', 'aids; flu',
  '=1+1', '=HYPERLINK("http://evil.example","click")', '+1', '@SUM(A1)', '-2+3',
  'http://evil.example/login', 'www.evil.example', 'head@mail.kz',
  '<script>alert(1)</script>', '&amp;', 'Tom &amp; Jerry <b>', '_x0041_', ']]>', '<![CDATA[x]]>',
  '\u001b]0;pwned\u0007\u001b[2J', '\u0007', '\u009b31m', 'a\nb', 'a\r\nb', '\t',
  'مرحبا', 'שלום', '\u202eexe.xlsx', '\u200b', '\u200d', '\ufeff', 'e\u0301\u0301\u0301', 'Ж'.repeat(3) + '\u0300'.repeat(20),
  '😀', '\ud83d', 'NaN', 'Infinity', '-0', '1e308', '1,5', '1.5', ' 12 ', '１２',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

const longText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('x', 'x,', 'x, ', 'Ж', 'aids; ', 'v', '😀', '\u0301', '\u001b', ' ', 'http://a.b/'), fc.integer({ min: 100, max: 16_000 }))
    .map(([unit, n]) => unit.repeat(n).slice(0, 32_000)),
  fc.integer({ min: 100, max: 8000 }).map((n) => Array.from({ length: n }, (_, i) => `v${i}`).join(',').slice(0, 32_000)),
);

export const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...INTERESTING) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: longText },
);

const cellSpec: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 6, arbitrary: cellText.map((v): CellSpec => ({ t: 's', v })) },
  { weight: 2, arbitrary: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -100, max: 3_000_000 }), fc.constantFrom(0, 1, 59, 60, 61, 40_258, 2_958_465, 2_958_466, -1)).map((v): CellSpec => ({ t: 'n', v })) },
  { weight: 1, arbitrary: fc.boolean().map((v): CellSpec => ({ t: 'b', v })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('A1&"x"', 'NOW()', 'TODAY()+1', '1/0', 'HYPERLINK("http://evil.example")', 'INDIRECT("Z1")'), fc.oneof(cellText, fc.integer())).map(([f, v]): CellSpec => ({ t: 'f', f, v })) },
  { weight: 1, arbitrary: fc.constantFrom(0x00, 0x07, 0x0f, 0x17, 0x1d, 0x24, 0x2a).map((v): CellSpec => ({ t: 'e', v })) },
  { weight: 1, arbitrary: fc.constant<CellSpec>({ t: 'empty' }) },
);

/** Header texts: other columns' names (duplicates), labels, and anything at all. */
const headerName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('child_id', 'birth_date', 'group_id', 'staff_id', 'date', 'kind', 'name', 'contraindications', 'Баланың коды', 'Туған күні', 'Код ребенка', 'Дата рождения', ''),
  cellText,
);

const sheetName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('children', 'Балалар', 'Дети', 'facility', 'Мекеме', 'health_log', 'help', 'Анықтама', 'Sheet1', 'children ', 'CHILDREN'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 31 }).map((s) => s.replace(/[[\]:*?/\\]/g, '_')).filter((s) => s.trim() !== '' && s !== 'History'),
);

const index = fc.nat({ max: 1000 });

export function editArbitrary(options: RecipeOptions): fc.Arbitrary<Edit> {
  const edits: fc.Arbitrary<Edit>[] = [
    fc.record({ kind: fc.constant('cell' as const), sheet: index, row: fc.nat({ max: 400 }), col: fc.nat({ max: 30 }), value: cellSpec }),
    fc.record({ kind: fc.constant('cell' as const), sheet: index, row: fc.nat({ max: 400 }), col: fc.nat({ max: 30 }), value: cellSpec }),
    fc.record({ kind: fc.constant('merge' as const), sheet: index, row: fc.nat({ max: 50 }), col: fc.nat({ max: 20 }), rows: fc.nat({ max: 5 }), cols: fc.nat({ max: 5 }) }),
    fc.record({ kind: fc.constant('hide-sheet' as const), sheet: index, veryHidden: fc.boolean() }),
    fc.record({ kind: fc.constant('duplicate-sheet' as const), sheet: index, name: sheetName }),
    fc.record({ kind: fc.constant('rename-sheet' as const), sheet: index, name: sheetName }),
    fc.record({ kind: fc.constant('delete-sheet' as const), sheet: index }),
    fc.record({ kind: fc.constant('duplicate-column' as const), sheet: index, col: fc.nat({ max: 30 }) }),
    fc.record({ kind: fc.constant('rename-column' as const), sheet: index, col: fc.nat({ max: 30 }), name: headerName }),
    fc.record({ kind: fc.constant('delete-column' as const), sheet: index, col: fc.nat({ max: 30 }) }),
    fc.record({ kind: fc.constant('duplicate-row' as const), sheet: index, row: fc.nat({ max: 400 }), times: fc.integer({ min: 1, max: 50 }) }),
    fc.record({ kind: fc.constant('delete-row' as const), sheet: index, row: fc.nat({ max: 400 }) }),
  ];
  if (options.farCells) {
    edits.push(fc.record({
      kind: fc.constant('far-cell' as const), sheet: index,
      row: fc.oneof(fc.constant(1_048_575), fc.integer({ min: 1000, max: 1_048_575 })),
      col: fc.oneof(fc.constant(16_383), fc.constant(0), fc.integer({ min: 30, max: 16_383 })),
      value: cellSpec,
    }));
  }
  return fc.oneof(...edits);
}

function byteEditArbitrary(options: RecipeOptions): fc.Arbitrary<ByteEdit> {
  return fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), bits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat({ max: 7 })), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('raw-sheet-name' as const), sheet: index, name: fc.oneof(cellText, fc.constantFrom('a'.repeat(300), '\u001b[2J\u0007', 'x\ny', '')) }),
  fc.record({ kind: fc.constant('drop-part' as const), part: index }),
  fc.record({ kind: fc.constant('garbage-part' as const), part: index, text: fc.oneof(fc.constant(''), fc.constant('<'), fc.string({ maxLength: 200 }), fc.constant('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1')) }),
  fc.record({ kind: fc.constant('xml-inject' as const), sheet: index, where: fc.double({ min: 0, max: 1, noNaN: true }), payload: fc.constantFrom(...XML_PAYLOADS, ...(options.farCells ? FAR_XML_PAYLOADS : [])) }),
  fc.record({ kind: fc.constant('date1904' as const) }),
  );
}

const fileName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('workbook.xlsx', 'Балалар үйі.xlsx', 'report.XLSX', 'a b.xlsx') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => `${s.replace(/[/\\\u0000]/g, '_')}.xlsx`).filter((s) => !s.startsWith('~$') && !s.startsWith('.') && Buffer.byteLength(s) < 200) },
  { weight: 1, arbitrary: fc.constantFrom('esc\u001b[31m.xlsx', 'new\nline.xlsx', 'bell\u0007.xlsx', '\u202eslx.exe.xlsx') },
);

export interface RecipeOptions {
  readonly farCells: boolean;
  /** The quick slice of `npm test`: mostly the small base workbook, at most two workbooks a case. */
  readonly quick?: boolean;
}

export function workbookArbitrary(options: RecipeOptions): fc.Arbitrary<WorkbookRecipe> {
  return fc.record({
    base: options.quick ? fc.oneof({ weight: 4, arbitrary: fc.constant<Base>('small') }, { weight: 1, arbitrary: fc.constantFrom(...BASES) }) : fc.constantFrom(...BASES),
    edits: fc.array(editArbitrary(options), { maxLength: 6 }),
    bytes: fc.oneof({ weight: 5, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(byteEditArbitrary(options), { minLength: 1, maxLength: 2 }) }),
    disguise: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...DISGUISES) }),
    compression: fc.boolean(),
    fileName,
  });
}

export function recipeArbitrary(options: RecipeOptions): fc.Arbitrary<Recipe> {
  return fc.record({
    workbooks: fc.array(workbookArbitrary(options), { minLength: 1, maxLength: options.quick ? 2 : 3 }),
    folder: fc.boolean(),
    format: fc.oneof({ weight: 3, arbitrary: fc.constant<Format>('json') }, { weight: 4, arbitrary: fc.constantFrom(...FORMATS) }),
    lang: fc.constantFrom('kk' as const, 'ru' as const, 'en' as const),
    asOf: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('2010-05-31', '31.12.2010', '0050-06-30', '2009-01-01', '2010-13-01') }),
  }).map((r) => (r.folder ? r : { ...r, workbooks: r.workbooks.slice(0, 1) }));
}

// ---------------------------------------------------------------------------------------------------
// Building the files

type Sheet = XLSX.WorkSheet;

function sheetAt(book: XLSX.WorkBook, n: number): { name: string; sheet: Sheet } | undefined {
  if (book.SheetNames.length === 0) return undefined;
  const name = book.SheetNames[n % book.SheetNames.length]!;
  return { name, sheet: book.Sheets[name]! };
}

function rangeOf(sheet: Sheet): XLSX.Range {
  return sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : { s: { r: 0, c: 0 }, e: { r: 0, c: 0 } };
}

function grow(sheet: Sheet, r: number, c: number): void {
  const range = rangeOf(sheet);
  range.e.r = Math.max(range.e.r, r);
  range.e.c = Math.max(range.e.c, c);
  range.s.r = Math.min(range.s.r, r);
  range.s.c = Math.min(range.s.c, c);
  sheet['!ref'] = XLSX.utils.encode_range(range);
}

function cellObject(spec: CellSpec): XLSX.CellObject | undefined {
  switch (spec.t) {
    case 's': return { t: 's', v: spec.v };
    case 'n': return { t: 'n', v: spec.v };
    case 'b': return { t: 'b', v: spec.v };
    case 'f': return { t: typeof spec.v === 'number' ? 'n' : 'str' as 's', v: spec.v, f: spec.f };
    case 'e': return { t: 'e', v: spec.v };
    case 'empty': return undefined;
  }
}

function setCell(sheet: Sheet, r: number, c: number, spec: CellSpec): void {
  const address = XLSX.utils.encode_cell({ r, c });
  const cell = cellObject(spec);
  if (cell) { sheet[address] = cell; grow(sheet, r, c); } else delete sheet[address];
}

/** Cells of a sheet as [row, col, cell], for edits that move them. */
function cellsOf(sheet: Sheet): [number, number, XLSX.CellObject][] {
  const out: [number, number, XLSX.CellObject][] = [];
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    out.push([r, c, sheet[key] as XLSX.CellObject]);
  }
  return out;
}

function rebuild(sheet: Sheet, cells: [number, number, XLSX.CellObject][]): void {
  for (const key of Object.keys(sheet)) if (!key.startsWith('!')) delete sheet[key];
  delete sheet['!merges'];
  let range: XLSX.Range | undefined;
  for (const [r, c, cell] of cells) {
    sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    if (!range) range = { s: { r, c }, e: { r, c } };
    range.s.r = Math.min(range.s.r, r); range.s.c = Math.min(range.s.c, c);
    range.e.r = Math.max(range.e.r, r); range.e.c = Math.max(range.e.c, c);
  }
  if (range) sheet['!ref'] = XLSX.utils.encode_range(range); else delete sheet['!ref'];
}

function uniqueName(book: XLSX.WorkBook, wanted: string): string {
  const taken = new Set(book.SheetNames.map((n) => n.toLowerCase()));
  let name = wanted.slice(0, 31);
  for (let i = 2; taken.has(name.toLowerCase()) || name.trim() === ''; i++) name = `${wanted.slice(0, 27)} (${i})`;
  return name;
}

function applyEdit(book: XLSX.WorkBook, edit: Edit): void {
  const at = 'sheet' in edit ? sheetAt(book, edit.sheet) : undefined;
  if (!at) return;
  const { name, sheet } = at;
  const range = rangeOf(sheet);
  const row = (n: number) => range.s.r + (n % (range.e.r - range.s.r + 3));
  const col = (n: number) => range.s.c + (n % (range.e.c - range.s.c + 3));
  switch (edit.kind) {
    case 'cell': setCell(sheet, row(edit.row), col(edit.col), edit.value); return;
    case 'far-cell': return; // written into the sheet's XML after SheetJS (which would walk the whole range)
    case 'merge': {
      const r = row(edit.row), c = col(edit.col);
      (sheet['!merges'] ??= []).push({ s: { r, c }, e: { r: r + edit.rows, c: c + edit.cols } });
      return;
    }
    case 'hide-sheet': {
      book.Workbook ??= {};
      book.Workbook.Sheets ??= book.SheetNames.map(() => ({}));
      const i = book.SheetNames.indexOf(name);
      book.Workbook.Sheets[i] = { ...book.Workbook.Sheets[i], Hidden: edit.veryHidden ? 2 : 1 };
      return;
    }
    case 'duplicate-sheet':
      XLSX.utils.book_append_sheet(book, structuredClone(sheet), uniqueName(book, edit.name));
      return;
    case 'rename-sheet': {
      const to = uniqueName(book, edit.name);
      const i = book.SheetNames.indexOf(name);
      book.SheetNames[i] = to;
      delete book.Sheets[name];
      book.Sheets[to] = sheet;
      return;
    }
    case 'delete-sheet': {
      if (book.SheetNames.length < 2) return;
      const i = book.SheetNames.indexOf(name);
      book.SheetNames.splice(i, 1);
      delete book.Sheets[name];
      if (book.Workbook?.Sheets) book.Workbook.Sheets.splice(i, 1);
      return;
    }
    case 'duplicate-column': {
      const c = col(edit.col);
      rebuild(sheet, cellsOf(sheet).flatMap(([r, cc, cell]) => (cc < c ? [[r, cc, cell]] : cc === c ? [[r, cc, cell], [r, cc + 1, { ...cell }]] : [[r, cc + 1, cell]])));
      return;
    }
    case 'rename-column': setCell(sheet, range.s.r, col(edit.col), { t: 's', v: edit.name }); return;
    case 'delete-column': {
      const c = col(edit.col);
      rebuild(sheet, cellsOf(sheet).flatMap(([r, cc, cell]) => (cc < c ? [[r, cc, cell]] : cc === c ? [] : [[r, cc - 1, cell]])));
      return;
    }
    case 'duplicate-row': {
      const r0 = row(edit.row);
      const n = edit.times;
      rebuild(sheet, cellsOf(sheet).flatMap(([r, c, cell]) => (r < r0 ? [[r, c, cell]]
        : r === r0 ? Array.from({ length: n + 1 }, (_, k) => [r + k, c, { ...cell }] as [number, number, XLSX.CellObject])
        : [[r + n, c, cell]])));
      return;
    }
    case 'delete-row': {
      const r0 = row(edit.row);
      rebuild(sheet, cellsOf(sheet).flatMap(([r, c, cell]) => (r < r0 ? [[r, c, cell]] : r === r0 ? [] : [[r - 1, c, cell]])));
      return;
    }
  }
}

function applyByteEdit(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  switch (edit.kind) {
    case 'truncate': return bytes.subarray(0, Math.floor(bytes.length * edit.at));
    case 'flip': {
      const out = new Uint8Array(bytes);
      for (const [position, bit] of edit.bits) if (out.length > 0) out[Math.floor(position * out.length)]! ^= 1 << bit;
      return out;
    }
    default: {
      let entries: Map<string, Buffer>;
      try {
        entries = readZipEntries(bytes);
      } catch {
        return bytes; // an earlier edit already broke the zip
      }
      const names = [...entries.keys()];
      if (edit.kind === 'drop-part') entries.delete(names[edit.part % names.length]!);
      else if (edit.kind === 'garbage-part') entries.set(names[edit.part % names.length]!, Buffer.from(edit.text, 'utf8'));
      else if (edit.kind === 'date1904') {
        const xml = entries.get('xl/workbook.xml')?.toString('utf8');
        if (!xml) return bytes;
        entries.set('xl/workbook.xml', Buffer.from(/<workbookPr\b/.test(xml) ? xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"') : xml.replace(/<sheets>/, '<workbookPr date1904="1"/><sheets>'), 'utf8'));
      } else if (edit.kind === 'xml-inject') {
        const sheets = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
        if (sheets.length === 0) return bytes;
        const part = sheets[edit.sheet % sheets.length]!;
        const xml = entries.get(part)!.toString('utf8');
        // At a tag boundary: before a `<row`, or anywhere for the payloads that break the XML on purpose.
        const boundaries = [...xml.matchAll(/<row\b|<\/sheetData>|<sheetData>/g)].map((m) => m.index + (m[0] === '<sheetData>' ? m[0].length : 0));
        const at = edit.payload.startsWith('<!DOCTYPE') ? xml.indexOf('<worksheet') : boundaries[Math.floor(edit.where * boundaries.length)] ?? xml.length;
        entries.set(part, Buffer.from(xml.slice(0, Math.max(0, at)) + edit.payload + xml.slice(Math.max(0, at)), 'utf8'));
      } else {
        const xml = entries.get('xl/workbook.xml')?.toString('utf8');
        if (!xml) return bytes;
        let i = 0;
        const target = edit.sheet;
        const count = (xml.match(/<sheet\b/g) ?? []).length || 1;
        entries.set('xl/workbook.xml', Buffer.from(xml.replace(/(<sheet\b[^>]*?\bname=")([^"]*)(")/g, (m, a: string, _b: string, c: string) => (i++ === target % count ? a + edit.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;') + c : m)), 'utf8'));
      }
      return zipOf(entries);
    }
  }
}

function disguised(kind: Disguise, seedText: string): Uint8Array {
  const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  switch (kind) {
    case 'csv': return text('child_id,birth_date\nC-1,2003-01-01\n');
    case 'html': return text(`<html><body><table><tr><td>${seedText}</td></tr></table></body></html>`);
    case 'pdf': return text('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    case 'legacy-xls': return new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    case 'xlsb': {
      const wb = smallWorkbook();
      return XLSX.write(wb, { type: 'buffer', bookType: 'xlsb' }) as Uint8Array;
    }
    case 'ods': return XLSX.write(smallWorkbook(), { type: 'buffer', bookType: 'ods' }) as Uint8Array;
    case 'empty': return new Uint8Array(0);
    case 'random': return new Uint8Array(Buffer.from(seedText.repeat(50), 'utf8'));
    case 'zip-of-text': return zipOf([['readme.txt', seedText], ['xl/readme.xml', '<x/>']]);
    case 'json': return text(JSON.stringify({ facility: { name: seedText } }));
    case 'utf16-text': return new Uint8Array(Buffer.from('\ufeffchild_id\tbirth_date\n', 'utf16le'));
  }
}

/** The bytes of one generated workbook (or of the other thing it is disguised as). */
export function workbookBytes(recipe: WorkbookRecipe): Uint8Array {
  if (recipe.disguise !== null) return disguised(recipe.disguise, recipe.fileName);
  const book = structuredClone(recipe.base === 'small' ? smallWorkbook() : examplesRead()[recipe.base]);
  for (const edit of recipe.edits) applyEdit(book, edit);
  let bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: recipe.compression }) as Uint8Array;
  const far = recipe.edits.filter((e): e is Extract<Edit, { kind: 'far-cell' }> => e.kind === 'far-cell');
  if (far.length > 0) bytes = withFarCells(bytes, book, far);
  for (const edit of recipe.bytes) bytes = applyByteEdit(bytes, edit);
  return bytes;
}

/**
 * Far cells (A1048576, XFD1048576) written into the sheets' XML the way Excel writes them: a last `<row>`
 * and a `<dimension>` that spans the whole sheet. Each goes below the sheet's last row.
 */
function withFarCells(bytes: Uint8Array, book: XLSX.WorkBook, far: readonly Extract<Edit, { kind: 'far-cell' }>[]): Uint8Array {
  const entries = readZipEntries(bytes);
  const bySheet = new Map<number, Extract<Edit, { kind: 'far-cell' }>[]>();
  for (const e of far) {
    if (book.SheetNames.length === 0) break;
    const i = e.sheet % book.SheetNames.length;
    bySheet.set(i, [...(bySheet.get(i) ?? []), e]);
  }
  for (const [i, edits] of bySheet) {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    let xml = entries.get(part)?.toString('utf8');
    if (xml === undefined) continue;
    const last = rangeOf(book.Sheets[book.SheetNames[i]!]!).e.r;
    let row = last + 1;
    let maxCol = rangeOf(book.Sheets[book.SheetNames[i]!]!).e.c;
    const rows: string[] = [];
    for (const e of [...edits].sort((a, b) => a.row - b.row)) {
      row = Math.min(1_048_575, Math.max(row + 1, e.row));
      maxCol = Math.max(maxCol, e.col);
      const ref = XLSX.utils.encode_cell({ r: row, c: e.col });
      rows.push(`<row r="${row + 1}">${farCellXml(ref, e.value)}</row>`);
      if (row === 1_048_575) break;
    }
    const dimension = `A1:${XLSX.utils.encode_cell({ r: row, c: maxCol })}`;
    xml = xml.replace(/<dimension ref="[^"]*"\/>/, () => `<dimension ref="${dimension}"/>`);
    xml = xml.includes('</sheetData>') ? xml.replace('</sheetData>', () => `${rows.join('')}</sheetData>`) : xml.replace('<sheetData/>', () => `<sheetData>${rows.join('')}</sheetData>`);
    entries.set(part, Buffer.from(xml, 'utf8'));
  }
  return zipOf(entries);
}

function farCellXml(ref: string, spec: CellSpec): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  switch (spec.t) {
    case 's': return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(spec.v)}</t></is></c>`;
    case 'n': return `<c r="${ref}"><v>${spec.v}</v></c>`;
    case 'b': return `<c r="${ref}" t="b"><v>${spec.v ? 1 : 0}</v></c>`;
    case 'f': return `<c r="${ref}" t="str"><f>${escape(spec.f)}</f><v>${escape(String(spec.v))}</v></c>`;
    case 'e': return `<c r="${ref}" t="e"><v>#N/A</v></c>`;
    case 'empty': return `<c r="${ref}"/>`;
  }
}

export interface BuiltCase {
  /** The command lines of the two runs: the same input, each writing to its own output. */
  readonly argvs: readonly [readonly string[], readonly string[]];
  /** The workbook files as written: path → bytes (a path may also be a link to another). */
  readonly inputs: ReadonlyMap<string, Uint8Array>;
  /** The two output locations of the two runs (a file, a folder, or none for the terminal summary). */
  readonly outs: readonly [string | null, string | null];
  readonly workbookNames: readonly string[];
  /** Total bytes of the inputs and of what they declare uncompressed: the content a budget is proportional to. */
  readonly contentBytes: number;
}

/** Writes the case's workbooks under `dir/in` and returns the two command lines to run (same input, two outputs). */
export function buildCase(recipe: Recipe, dir: string): BuiltCase {
  const inDir = join(dir, 'in');
  mkdirSync(inDir, { recursive: true });
  const inputs = new Map<string, Uint8Array>();
  const names: string[] = [];
  let content = 0;
  recipe.workbooks.forEach((w, i) => {
    let name = w.fileName;
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) name = `${i}-${name}`;
    names.push(name);
    const bytes = workbookBytes(w);
    const path = join(inDir, name);
    writeFileSync(path, bytes);
    inputs.set(path, bytes);
    content += bytes.length + declaredUncompressed(bytes);
  });
  if (recipe.folder && recipe.workbooks.length > 1) {
    // A folder run also meets a symbolic link to one of its workbooks.
    const link = join(inDir, 'zz-link.xlsx');
    symlinkSync(join(inDir, names[0]!), link);
    names.push('zz-link.xlsx');
  }
  const target = recipe.folder ? inDir : join(inDir, names[0]!);
  const base = ['audit', target, '--lang', recipe.lang, ...(recipe.asOf ? ['--as-of', recipe.asOf] : [])];
  const several = recipe.folder;
  const out = (k: number): string | null => {
    if (recipe.format === 'terminal') return null;
    return several ? join(dir, `out${k}`) : join(dir, `out${k}`, `report.${recipe.format}`);
  };
  const outs: [string | null, string | null] = [out(1), out(2)];
  const argv = (k: 0 | 1) => (recipe.format === 'terminal' ? base : [...base, '--format', recipe.format, '--out', outs[k]!]);
  // In the order a folder run lists them (and its summary table shows them).
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { argvs: [argv(0), argv(1)], inputs, outs, workbookNames: names, contentBytes: content };
}

/** The uncompressed size a zip declares (0 for anything that is not a readable zip). */
function declaredUncompressed(bytes: Uint8Array): number {
  try {
    let total = 0;
    for (const data of readZipEntries(bytes).values()) total += data.length;
    return total;
  } catch {
    return 0;
  }
}
