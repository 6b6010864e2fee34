import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { main } from '../../src/cli/main.ts';
import type { Lang } from '../../src/core/lang.ts';
import { readWorkbook } from '../../src/ingest/index.ts';
import { HELP_SHEET_NAME, sheetById, sheetsForKind } from '../../src/schema/index.ts';
import type { FacilityKind } from '../../src/schema/types.ts';
import { buildTemplate } from '../../src/template/index.ts';

/** A few valid rows per sheet, written as a person would (labels in the template's language). */
const FILL: Record<string, Record<Lang, unknown[][]>> = {
  facility: {
    kk: [['F-1', 'Мекеме', 'стационар', 'мемлекеттік', '01.01.2010', '30.06.2010']],
    ru: [['F-1', 'Учреждение', 'надомное обслуживание', 'государственная', '01.01.2010', '30.06.2010']],
    en: [['F-1', 'Centre', 'day_care', 'private', '2010-01-01', '2010-06-30']],
  },
  children: {
    kk: [['C-1', '01.02.2005', 'қыз', '10.01.2009', null, null, 'бюджет', 'мүгедек бала', 'иә', 'иә', 'G-1']],
    ru: [['C-1', '01.02.2005', 'муж', '10.01.2009', null, null, 'платно', 'ребенок-инвалид', 'да', 'нет']],
    en: [['C-1', '2005-02-01', 'f', '2009-01-10', null, null, 'budget', 'disabled', 'yes', 'yes', 'G-1']],
  },
  groups: { kk: [['G-1', '3-5', 'дағдылары жоқ', 'жоқ']], ru: [['G-1', '3-5', 'навыки отсутствуют', 'нет']], en: [['G-1', '3-5', 'none', 'no']] },
  plans: {
    kk: [['C-1', 1, '12.01.2009', '14.01.2009', '14.01.2009', 'басшы', '14.01.2009', '13.01.2010']],
    ru: [['C-1', 1, '12.01.2009', '14.01.2009', '14.01.2009', 'директор', '14.01.2009', '13.01.2010']],
    en: [['C-1', 1, '2009-01-12', '2009-01-14', '2009-01-14', 'head', '2009-01-14', '2010-01-13']],
  },
};

function fill(bytes: Uint8Array, kind: FacilityKind, lang: Lang): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  for (const sheet of sheetsForKind(kind)) {
    const rows = FILL[sheet.id]?.[lang];
    if (rows) XLSX.utils.sheet_add_aoa(wb.Sheets[sheet.labels[lang]]!, rows, { origin: 'A2' });
  }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
}

describe('buildTemplate', () => {
  const cases: [FacilityKind, Lang][] = [['residential', 'kk'], ['home_care', 'ru'], ['day_care', 'en'], ['residential', 'ru']];
  it.each(cases)('writes the %s sheets with %s headers that read back without input errors once filled', (kind, lang) => {
    const bytes = buildTemplate(kind, lang);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual([...sheetsForKind(kind).map((s) => s.labels[lang]), HELP_SHEET_NAME[lang]]);
    const children = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[sheetById('children')!.labels[lang]]!, { header: 1 });
    expect(children[0]).toEqual(sheetById('children')!.columns.map((c) => c.labels[lang]));

    const empty = readWorkbook(bytes, { file: 'template.xlsx' });
    expect(empty.errors.filter((e) => e.severity === 'error').map((e) => e.code)).toEqual(['constraint-error']); // the facility row is still empty
    expect(empty.errors.filter((e) => e.severity === 'warning')).toEqual([]);

    const filled = readWorkbook(fill(bytes, kind, lang), { file: 'filled.xlsx' });
    expect(filled.errors).toEqual([]);
    expect(filled.facility?.facility_id).toBe('F-1');
    expect(filled.tables.children!.counts).toEqual({ read: 1, accepted: 1, rejected: 0 });
  });

  it('lists every column with its type, requiredness and allowed values on the help sheet', () => {
    const wb = XLSX.read(buildTemplate('home_care', 'ru'), { type: 'array' });
    const help = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Справка']!, { header: 1 }).map((r) => r.join(' | '));
    expect(help.some((l) => l.includes('выпадающих списков'))).toBe(true);
    expect(help).toContain('Дети | Пол | одно из допустимых значений |  | м (m), ж (f) | Пол.');
    expect(help.some((l) => l.startsWith('Договоры | Код ребенка | код (текст или число) | да |'))).toBe(true);
    expect(help.some((l) => l.startsWith('Учреждение | ') && l.includes('ровно одна строка'))).toBe(true);
  });

  it.each([['ru', 'ровно одна строка'], ['kk', 'дәл бір жол'], ['en', 'exactly one data row']] as const)('says once in %s that the facility sheet holds one row', (lang, phrase) => {
    const wb = XLSX.read(buildTemplate('day_care', lang), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[HELP_SHEET_NAME[lang]]!, { header: 1 });
    const facility = rows.find((r) => r[0] === sheetById('facility')!.labels[lang] && !r[1])!;
    expect(facility[5]!.split(phrase)).toHaveLength(2);
  });

  it.each(['ru', 'kk', 'en'] as const)('keeps a %s label that holds a comma whole and separates a list\'s values by ;', (lang) => {
    const wb = XLSX.read(buildTemplate('residential', lang), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[HELP_SHEET_NAME[lang]]!, { header: 1 });
    const column = sheetById('children')!.columns.find((c) => c.id === 'contraindications')!;
    const allowed = rows.find((r) => r[1] === column.labels[lang])![4]!;
    expect(allowed).not.toContain('undefined');
    const expected = { ru: 'заболевание, требующее специализированного лечения (specialized_treatment)', kk: 'мамандандырылған емдеуді талап ететін ауру (specialized_treatment)', en: 'disease requiring specialised treatment (specialized_treatment)' }[lang];
    expect(allowed.split('; ')).toHaveLength(10);
    expect(allowed.split('; ')).toContain(expected);
    expect(allowed.split('; ')[0]).toBe({ ru: 'шизофрения с продуктивной симптоматикой (schizophrenia_productive)', kk: 'өнімді симптоматикалы шизофрения (schizophrenia_productive)', en: 'schizophrenia with productive symptoms (schizophrenia_productive)' }[lang]);
  });
});

describe('ereje template', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => { out.stdout += t; }, stderr: (t: string) => { out.stderr += t; }, isTTY: false } };
  };

  it('writes the file given by --out and prints its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-template-'));
    const file = join(dir, 'dc.xlsx');
    const { out, io: cli } = io();
    expect(await main(['template', 'day-care', '--lang', 'en', '--out', file], cli)).toBe(0);
    expect(out.stdout.trim()).toBe(file);
    expect(XLSX.read(readFileSync(file)).SheetNames).toContain('attendance');
  });

  it('refuses to replace an existing file unless --force, leaving its bytes as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-template-'));
    const file = join(dir, 'filled.xlsx');
    writeFileSync(file, 'a facility\'s filled-in workbook');
    const refused = io();
    expect(await main(['template', 'residential', '--out', file, '--lang', 'en'], refused.io)).toBe(2);
    expect(refused.out.stderr).toBe(`ereje: ${file} already exists; ereje does not overwrite it. Give another --out, or add --force to replace it.\n`);
    expect(readFileSync(file, 'utf8')).toBe('a facility\'s filled-in workbook');
    const forced = io();
    expect(await main(['template', 'residential', '--out', file, '--force'], forced.io)).toBe(0);
    expect(XLSX.read(readFileSync(file)).SheetNames).toContain('Балалар');
    expect(readdirSync(dir)).toEqual(['filled.xlsx']);
  });

  it('defaults to <kind>-template.xlsx in the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-template-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { out, io: cli } = io();
      expect(await main(['template', 'residential'], cli)).toBe(0);
      expect(existsSync(join(dir, 'residential-template.xlsx'))).toBe(true);
      expect(out.stdout).toContain('residential-template.xlsx');
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses an unknown kind or language with exit 2 and shows --help', async () => {
    const bad = io();
    expect(await main(['template', 'hospital', '--lang', 'en'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/unknown facility kind "hospital"; use one of: residential, home-care, day-care/);
    const kk = io();
    expect(await main(['template', 'hospital'], kk.io)).toBe(2);
    expect(kk.out.stderr).toBe('ereje: белгісіз мекеме түрі "hospital"; мыналардың бірін жазыңыз: residential, home-care, day-care.\n');
    const lang = io();
    expect(await main(['template', 'day-care', '--lang', 'de'], lang.io)).toBe(2);
    const help = io();
    expect(await main(['template', '--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/--lang <lang>/);
  });
});

describe('buildTemplate determinism', () => {
  it('writes the same bytes every time', () => {
    expect(Buffer.from(buildTemplate('home_care', 'kk')).equals(Buffer.from(buildTemplate('home_care', 'kk')))).toBe(true);
  });
});
