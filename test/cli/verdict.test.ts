// The verdict on workbooks as facilities really make them, through the CLI: optional columns left out,
// sheets left out, title rows above the headers, misspelt names — and evidence that points into the
// workbook the user has.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.ts';
import type { AuditReport } from '../../src/report/types.ts';
import { matchColumnHeader, matchSheetName, sheetById } from '../../src/schema/index.ts';
import { schemaErrors } from '../report/fixtures.ts';
import { editZip, readZipEntries } from '../ingest/zip-builder.ts';
import { facilitySheet, licenceRules, run, xlsxBytes } from './helpers.ts';
import { columnHasData, readSheets, sheetBytes, withBlankColumns, withoutColumns, withTitleRows, type Sheets } from './workbooks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ereje-verdict-'));
const EXAMPLES = ['residential-2010', 'day-care-2010', 'home-care-2010'] as const;
let n = 0;

async function audit(bytes: Uint8Array, args: readonly string[] = [], lang: Lang = 'en'): Promise<{ code: number; report: AuditReport; path: string }> {
  const path = join(tmp, `w${++n}.xlsx`);
  writeFileSync(path, bytes);
  const r = await run(['audit', path, '--format', 'json', '--lang', lang, ...args]);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as AuditReport;
  expect(schemaErrors(report)).toBe('');
  return { code: r.code, report, path };
}

type Audited = Awaited<ReturnType<typeof audit>>;
const originals = new Map<string, Promise<{ sheets: Sheets; original: Audited }>>();
/**
 * An example's sheets as read, and its audit as it is: made once per example for the whole file, as
 * every test below compares its variants with the same workbook (the sheets are never changed in place).
 */
function example(name: (typeof EXAMPLES)[number]): Promise<{ sheets: Sheets; original: Audited }> {
  let made = originals.get(name);
  if (made === undefined) {
    const sheets = readSheets(`examples/${name}.xlsx`);
    made = audit(sheetBytes(sheets)).then((original) => ({ sheets, original }));
    originals.set(name, made);
  }
  return made;
}

/** What a finding says, without where its evidence is (leaving a column out moves the letters after it). */
const said = (r: AuditReport) => r.findings.map((f) => [f.rule, f.clause, f.subject, f.period ?? '', f.item ?? '', f.message, f.expected, f.actual].join(' | '));
const notEvaluated = (r: AuditReport) => r.not_evaluated.map((x) => [x.rule, x.cause, x.sheet ?? '', x.column ?? ''].join(' '));
const errors = (r: AuditReport) => r.input_errors.filter((e) => !['absent-column', 'rows-above-header'].includes(e.code ?? ''));

describe('optional columns the workbook leaves out', () => {
  it.each(EXAMPLES)('%s: a column whose absence means "none" reads as that column left empty; one holding nothing changes nothing', async (name) => {
    const { sheets, original } = await example(name);
    const meansNone = (c: { required?: boolean; whenAbsent?: string }) => !c.required && c.whenAbsent === 'empty';
    const removed = await audit(sheetBytes(withoutColumns(sheets, meansNone)));
    const blanked = await audit(sheetBytes(withBlankColumns(sheets, meansNone)));
    expect(said(removed.report)).toEqual(said(blanked.report));
    expect(notEvaluated(removed.report)).toEqual(notEvaluated(blanked.report));
    expect([removed.report.result, removed.code]).toEqual([blanked.report.result, blanked.code]);
    expect(errors(removed.report)).toEqual(errors(blanked.report));
    // One warning per column left out, naming it in the sheet's own language.
    const warned = removed.report.input_errors.filter((e) => e.code === 'absent-column');
    expect(warned.length).toBeGreaterThan(0);
    expect(new Set(warned.map((e) => `${e.sheet}.${e.column}`)).size).toBe(warned.length);

    const dataless = withoutColumns(sheets, (c, sheet) => meansNone(c) && !columnHasData(sheets, sheet, c.id));
    const same = await audit(sheetBytes(dataless));
    expect(said(same.report)).toEqual(said(original.report));
    expect(notEvaluated(same.report)).toEqual(notEvaluated(original.report));
    expect([same.report.result, same.code]).toEqual([original.report.result, original.code]);
  });

  it.each(EXAMPLES)('%s: a column whose empty cell would be a finding makes the rules that read it not evaluated (cause workbook), the rest unchanged', async (name) => {
    const { sheets, original } = await example(name);
    const left = await audit(sheetBytes(withoutColumns(sheets, (c) => !c.required && c.whenAbsent === 'not-evaluated')));
    expect(left.code).toBe(1);
    expect(left.report.result).not.toBe('compliant');
    const lacking = left.report.not_evaluated.filter((x) => x.column !== undefined);
    expect(lacking.length).toBeGreaterThan(0);
    for (const x of lacking) {
      expect(x.cause).toBe('workbook');
      expect(sheetById(x.sheet!)!.columns.find((c) => c.id === x.column)!.whenAbsent).toBe('not-evaluated');
    }
    const judged = new Set(left.report.not_evaluated.filter((x) => x.cause === 'workbook').map((x) => x.rule));
    expect(said(left.report)).toEqual(said(original.report).filter((_, i) => !judged.has(original.report.findings[i]!.rule)));
    if (left.report.findings.length === 0) expect(left.report.result).toBe('incomplete');
  });

  it('compliant when the one rule in force has its column; incomplete, exit 1, when the column is left out', async () => {
    const rules = licenceRules(join(tmp, 'licence-rules'));
    const [header, row] = facilitySheet({ to: '2010-06-30' });
    const withColumn = await audit(xlsxBytes({ facility: [header!, row!] }), ['--rules', rules]);
    expect([withColumn.code, withColumn.report.result]).toEqual([0, 'compliant']);
    const i = header!.indexOf('license_medical');
    const without = await audit(xlsxBytes({ facility: [header!.filter((_, k) => k !== i), row!.filter((_, k) => k !== i)] }), ['--rules', rules]);
    expect([without.code, without.report.result]).toEqual([1, 'incomplete']);
    expect(without.report.not_evaluated).toEqual([{
      rule: 'residential/licences', clause: 'A1.3', reason: 'sheet "facility" has no column "license_medical"', cause: 'workbook', sheet: 'facility', column: 'license_medical',
    }]);
    const line = (await run(['audit', without.path, '--rules', rules, '--lang', 'ru'])).stdout.split('\n')[0];
    expect(line).toBe('Результат: Проверка неполная — несоответствий не найдено; в книге нет: столбец «Медицинская лицензия» листа «Учреждение»');
  });
});

describe('sheets the workbook leaves out', () => {
  it.each(EXAMPLES)('%s: without any one sheet a rule needs, exit 1, incomplete, naming the sheet', async (name) => {
    const { sheets, original } = await example(name);
    // Leave out the sheets the findings point at: what is left has nothing to find, and says why it is incomplete.
    const findingSheets = new Set(original.report.findings.flatMap((f) => f.evidence.map((e) => e.sheet)));
    findingSheets.delete('facility');
    const named = (name: string) => matchSheetName(name)!;
    const rest = Object.fromEntries(Object.entries(sheets).filter(([name]) => !findingSheets.has(named(name))));
    const base = await audit(sheetBytes(rest));
    expect([base.code, base.report.result]).toEqual([1, 'incomplete']);
    expect(base.report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    for (const s of findingSheets) expect(base.report.not_evaluated).toContainEqual(expect.objectContaining({ cause: 'workbook', sheet: s }));
    for (const name of Object.keys(rest)) {
      if (named(name) === 'facility') continue;
      const one = await audit(sheetBytes(Object.fromEntries(Object.entries(rest).filter(([other]) => other !== name))));
      expect([one.code, one.report.result], name).toEqual([1, 'incomplete']);
      expect(one.report.not_evaluated, name).toContainEqual(expect.objectContaining({ cause: 'workbook', sheet: named(name) }));
    }
  }, 120_000);

  it('says which sheet in the verdict line, in kk, ru and en', async () => {
    const sheets = readSheets('examples/day-care-2010.xlsx');
    const { path } = await audit(sheetBytes(Object.fromEntries(Object.entries(sheets).filter(([name]) => !['menus', 'health_log', 'groups', 'plans', 'children'].includes(name)))));
    const first = async (lang: Lang) => (await run(['audit', path, '--lang', lang])).stdout.split('\n')[0];
    expect(await first('en')).toBe('Result: Incomplete — no non-compliance found; the workbook lacks sheet «children», sheet «groups», sheet «plans», sheet «health_log», sheet «menus»');
    expect(await first('ru')).toBe('Результат: Проверка неполная — несоответствий не найдено; в книге нет: лист «Дети», лист «Группы», лист «Индивидуальные планы», лист «Журнал здоровья», лист «Меню»');
    expect(await first('kk')).toMatch(/^Нәтиже: Тексеру толық емес — сәйкессіздік табылған жоқ; жұмыс кітабында жоқ: «Балалар» парағы, «Топтар» парағы, /);
  });
});

describe('headers below title rows', () => {
  it.each(EXAMPLES)('%s: two title rows above every header read with no errors, the same findings, and evidence two rows down', async (name) => {
    const { sheets, original } = await example(name);
    const titled = withTitleRows(sheets, [['«Мейірім» МӘҰ — 2010 жылғы деректер'], [null, 'Дата выгрузки: 30.06.2010']]);
    const r = await audit(sheetBytes(titled));
    expect(r.report.input_errors.filter((e) => e.code !== 'rows-above-header')).toEqual(original.report.input_errors);
    expect(r.report.summary.input_errors).toBe(0);
    expect(r.report.input_errors.filter((e) => e.code === 'rows-above-header')).toHaveLength(Object.keys(sheets).length);
    expect(said(r.report)).toEqual(said(original.report));
    expect([r.code, r.report.result]).toEqual([original.code, original.report.result]);
    const rows = (x: AuditReport) => x.findings.flatMap((f) => f.evidence.map((e) => e.row));
    expect(rows(r.report)).toEqual(rows(original.report).map((row) => (row === undefined ? undefined : row + 2)));
    expectEvidenceResolves(titled, r.report);
  });
});

describe('evidence in the workbook\'s own terms', () => {
  it.each(EXAMPLES)('%s: every evidence cell names a sheet as the workbook spells it and the cell that holds the value cited', async (name) => {
    const { sheets, original: { report } } = await example(name);
    expect(report.findings.length).toBeGreaterThan(0);
    expectEvidenceResolves(sheets, report);
  });
});

/**
 * Each evidence `cell` resolves in the workbook: its sheet exists under that spelling; a cell is in the
 * cited row, under a header naming the cited column; a whole row is the cited row; a whole sheet is just
 * its name. Where a finding cites its subject's key cell (a child's code), that cell holds the subject.
 */
function expectEvidenceResolves(sheets: Sheets, report: AuditReport): void {
  let cells = 0;
  for (const f of report.findings) {
    const keyCells: unknown[] = [];
    for (const e of f.evidence) {
      const m = /^(?:'((?:[^']|'')+)'|([^!']+))(?:!(.+))?$/.exec(e.cell)!;
      expect(m, e.cell).not.toBeNull();
      const sheetName = m[1]?.replace(/''/g, "'") ?? m[2]!;
      const rows = sheets[sheetName]!;
      expect(rows, `${e.cell}: no sheet "${sheetName}"`).toBeDefined();
      expect(matchSheetName(sheetName)).toBe(e.sheet);
      const ref = m[3];
      if (e.row === undefined) { expect(ref).toBeUndefined(); continue; }
      if (e.column === undefined) { expect(ref).toBe(`${e.row}:${e.row}`); continue; }
      const at = XLSX.utils.decode_cell(ref!);
      expect(at.r + 1, e.cell).toBe(e.row);
      const header = rows.slice(0, e.row - 1).find((r) => typeof r[at.c] === 'string' && matchColumnHeader(e.sheet, r[at.c] as string) === e.column);
      expect(header, `${e.cell}: no header for ${e.column} above it`).toBeDefined();
      const value = rows[e.row - 1]?.[at.c];
      if (sheetById(e.sheet)!.columns.find((c) => c.id === e.column)?.unique) keyCells.push(value);
      cells++;
    }
    if (keyCells.length > 0) expect(keyCells, f.rule).toContain(f.subject);
  }
  expect(cells).toBeGreaterThan(0);
}

describe('misspelt sheet and column names', () => {
  const cases: [Lang, string, string][] = [
    ['en', '— did you mean «Дети»?', '— did you mean «Дата приема»?'],
    ['ru', '— возможно, имелось в виду «Дети»?', '— возможно, имелось в виду «Дата приема»?'],
    ['kk', '— «Дети» деп жазғыңыз келді ме?', '— «Дата приема» деп жазғыңыз келді ме?'],
  ];
  it.each(cases)('get the closest contract name (%s)', async (lang, sheetHint, columnHint) => {
    const sheets = readSheets('examples/home-care-2010.xlsx');
    const renamed: Sheets = {};
    for (const [name, rows] of Object.entries(sheets)) {
      const misspelt = name === 'Сотрудники' ? rows.map((r, k) => (k === 0 ? r.map((h) => (h === 'Дата приема' ? 'Дата прима' : h)) : r)) : rows;
      renamed[name === 'Дети' ? 'Детти' : name] = misspelt;
    }
    const { report } = await audit(sheetBytes(renamed), [], lang);
    const sheet = report.input_errors.find((e) => e.code === 'unknown-sheet')!;
    const column = report.input_errors.find((e) => e.code === 'unknown-column')!;
    expect(sheet.message).toContain(sheetHint);
    expect(column.message).toContain(columnHint);
    expect(column.cell).toBe('Сотрудники!E1');
    expect(report.not_evaluated).toContainEqual(expect.objectContaining({ cause: 'workbook', sheet: 'children' }));
  });
});

describe('formulas saved without their results (openpyxl, xlsxwriter: programs that do not calculate)', () => {
  /** The workbook with the cell `ref` of its `n`th sheet replaced by `cell` (and optionally its workbook part edited). */
  function withCell(bytes: Uint8Array, n: number, ref: string, cell: string, workbookXml?: (xml: string) => string): Uint8Array {
    const entries = readZipEntries(bytes);
    const part = `xl/worksheets/sheet${n}.xml`;
    const sheet = entries.get(part)!.toString('utf8');
    const edited = sheet.replace(new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`), cell);
    expect(edited).not.toBe(sheet);
    const edits: Record<string, string> = { [part]: edited };
    if (workbookXml) edits['xl/workbook.xml'] = workbookXml(entries.get('xl/workbook.xml')!.toString('utf8'));
    return editZip(bytes, edits);
  }

  it('a discharge date whose formula has no stored result is an input error, not a child still in care every day after it', async () => {
    const { sheets, original } = await example('residential-2010');
    const children = sheets['Балалар']!;
    const row = children.findIndex((r) => r[0] === 'R-09') + 1;
    const column = String.fromCharCode(65 + children[0]!.indexOf('Шығарылған күні'));
    // As openpyxl saves a formula: an empty `<v>`.
    const { code, report } = await audit(withCell(sheetBytes(sheets), 2, `${column}${row}`, `<c r="${column}${row}" s="1"><f>DATE(2010,4,20)</f><v></v></c>`));
    expect(report.findings.filter((f) => f.subject === 'R-09')).toEqual([]);
    expect(said(report)).toEqual(said(original.report));
    expect(report.input_errors.map((e) => [e.code, e.cell, e.value])).toEqual([['type-error', `Балалар!${column}${row}`, null]]);
    expect(report.input_errors[0]!.message).toContain('holds a formula whose result is not stored in the file');
    expect([report.result, code]).toEqual(['non_compliant', 1]);
    expect(report.not_evaluated).toContainEqual(expect.objectContaining({ rule: 'residential/daily-health-log' }));
  });

  it('a licence number written by a formula in a workbook marked to be recalculated on opening is not the 0 stored for it', async () => {
    const rules = licenceRules(join(tmp, 'licence-rules-formula'));
    const licensed = xlsxBytes({ facility: facilitySheet({ to: '2010-06-30' }) });
    // As xlsxwriter saves `="M-1"`: the result 0, and the workbook marked to be recalculated by Excel.
    const bytes = withCell(licensed, 1, 'H2', '<c r="H2"><f>"M-1"</f><v>0</v></c>', (xml) => xml.replace('</workbook>', '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'));
    const path = join(tmp, 'licence-formula.xlsx');
    writeFileSync(path, bytes);
    const r = await run(['audit', path, '--rules', rules, '--format', 'json', '--lang', 'en']);
    expect(r.stdout).toBe(''); // no report at all, so none that says "compliant"
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('facility!H2: Column license_medical holds a formula whose result is not stored in the file')]);
  });
});
