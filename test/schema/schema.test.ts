import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMN_NAMES_EN } from '../../src/schema/column-names.ts';
import {
  columnName, columnOf, enumById, enumLabel, FACILITY_KIND_OF_RULESET, matchColumnHeader, matchEnumValue, matchSheetName, normalizeLabel,
  sheetById, sheetsForKind, WORKBOOK_SCHEMA,
} from '../../src/schema/index.ts';
import { createRowValidator, sheetJsonSchema } from '../../src/schema/json-schema.ts';

describe('the sheet contract', () => {
  it('has the 20 sheets of workbook.md, each with kk/ru/en labels and help', () => {
    expect(WORKBOOK_SCHEMA.sheets.map((s) => s.id)).toEqual([
      'facility', 'children', 'groups', 'staff', 'plans', 'journal', 'health_log', 'attendance', 'menus', 'complaint_reviews',
      'documents', 'leaves', 'referrals', 'vehicles', 'rooms', 'contracts', 'visits', 'services_journal', 'records', 'suspensions',
    ]);
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      expect(sheet.labels.en).toBe(sheet.id);
      for (const column of sheet.columns) {
        expect(column.labels.en).toBe(column.id);
        expect(column.labels.kk.length * column.labels.ru.length * column.help.kk.length * column.help.ru.length * column.help.en.length).toBeGreaterThan(0);
        if (column.type === 'enum' || column.type === 'list') expect(enumById(column.enum!), `${sheet.id}.${column.id}`).toBeDefined();
        if (column.type === 'int' || column.type === 'number') expect(column.min).toBeGreaterThanOrEqual(0);
        if (column.references) expect(columnOf(column.references.sheet, column.references.column)?.unique).toBe(true);
      }
    }
  });

  it('says for every optional column what a sheet without it means, and only for optional columns', () => {
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      for (const column of sheet.columns) {
        if (column.required) expect(column.whenAbsent, `${sheet.id}.${column.id}`).toBeUndefined();
        else expect(['empty', 'not-evaluated'], `${sheet.id}.${column.id}`).toContain(column.whenAbsent);
      }
    }
    // An empty cell means "none" here: nobody left, no contraindication …
    for (const [sheet, column] of [['children', 'discharged_on'], ['staff', 'left_on'], ['children', 'contraindications']]) {
      expect(columnOf(sheet!, column!)?.whenAbsent, `${sheet}.${column}`).toBe('empty');
    }
    // … and here an empty cell is itself a finding (a regime, a licence, an order number, a disability, a labour
    // subgroup not recorded).
    for (const [sheet, column] of [['children', 'regime_hours'], ['facility', 'license_medical'], ['children', 'discharge_order_no'], ['children', 'disabled'], ['children', 'subgroup_id']]) {
      expect(columnOf(sheet!, column!)?.whenAbsent, `${sheet}.${column}`).toBe('not-evaluated');
    }
  });

  it('gives every label one meaning within its scope', () => {
    const sheetLabels = WORKBOOK_SCHEMA.sheets.flatMap((s) => [...new Set([s.labels.kk, s.labels.ru, s.id].map(normalizeLabel))]);
    expect(new Set(sheetLabels).size).toBe(sheetLabels.length);
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      const labels = sheet.columns.flatMap((c) => [...new Set([c.labels.kk, c.labels.ru, c.id].map(normalizeLabel))]);
      expect(new Set(labels).size, sheet.id).toBe(labels.length);
    }
    for (const e of WORKBOOK_SCHEMA.enums) {
      const labels = e.values.flatMap((v) => [...new Set([v.code, ...v.labels.kk, ...v.labels.ru, ...v.labels.en].map(normalizeLabel))]);
      expect(new Set(labels).size, e.id).toBe(labels.length);
    }
  });

  it('gives every enum value a human label in each language, and still reads its code', () => {
    for (const e of WORKBOOK_SCHEMA.enums) {
      for (const v of e.values) {
        for (const lang of ['kk', 'ru', 'en'] as const) {
          expect(v.labels[lang].length, `${e.id}.${v.code} ${lang}`).toBeGreaterThan(0);
          // A snake_case code is never what a person reads.
          expect(v.labels[lang][0], `${e.id}.${v.code} ${lang}`).not.toMatch(/_/);
          expect(enumLabel(e.id, v.code, lang)).toBe(v.labels[lang][0]);
        }
        expect(matchEnumValue(e.id, v.code)).toBe(v.code);
        for (const label of v.labels.en) expect(matchEnumValue(e.id, label)).toBe(v.code);
      }
    }
    expect(enumLabel('document', 'pmpk_conclusion', 'en')).toBe('PMPK conclusion');
    expect(enumLabel('season', 'autumn_winter', 'en')).toBe('autumn-winter');
    expect(enumLabel('kind', 'home_care', 'en')).toBe('home care');
    expect(enumLabel('role', 'no_such_role', 'en')).toBeUndefined();
    expect(matchEnumValue('season', 'Autumn–Winter')).toBe('autumn_winter');
  });

  it('names every column in an English sentence, and in kk/ru by its header', () => {
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      // An entry for each column, and none for a column the sheet does not have: a missing one falls back to
      // the id, which the checks below cannot tell from a name for a one-word id (`dish`, `date`).
      expect(Object.keys(COLUMN_NAMES_EN[sheet.id] ?? {}).sort(), sheet.id).toEqual(sheet.columns.map((c) => c.id).sort());
      for (const column of sheet.columns) {
        const en = columnName(sheet.id, column.id, 'en');
        expect(en, `${sheet.id}.${column.id}`).not.toBe(column.id.includes('_') ? column.id : '');
        expect(en, `${sheet.id}.${column.id}`).not.toMatch(/_/);
        expect(columnName(sheet.id, column.id, 'kk')).toBe(column.labels.kk);
        expect(columnName(sheet.id, column.id, 'ru')).toBe(column.labels.ru);
      }
    }
    expect(Object.keys(COLUMN_NAMES_EN).sort()).toEqual(WORKBOOK_SCHEMA.sheets.map((s) => s.id).sort());
    expect(columnName('contracts', 'payment_terms', 'en')).toBe('payment terms');
    expect(columnName('contracts', 'constructor', 'en')).toBe('constructor');
  });

  it('spells out exact contract labels', () => {
    expect(sheetById('children')!.labels).toEqual({ en: 'children', kk: 'Балалар', ru: 'Дети' });
    expect(columnOf('plans', 'completed_on')!.labels).toEqual({ en: 'completed_on', kk: 'Толтырылған күні', ru: 'Дата заполнения' });
    expect(columnOf('children', 'child_id')).toMatchObject({ type: 'id', required: true, unique: true });
    expect(columnOf('visits', 'staff_id')!.references).toEqual({ sheet: 'staff', column: 'staff_id' });
    expect(columnOf('children', 'care_worker_id')!.references).toEqual({ sheet: 'staff', column: 'staff_id' });
    expect(columnOf('children', 'group_id')!.references).toEqual({ sheet: 'groups', column: 'group_id' });
    expect(columnOf('services_journal', 'month')!.type).toBe('month');
    expect(sheetById('facility')!.singleRow).toBe(true);
    // The legal review's additions (A1.40, A2.9, A2.15, A2.16, A3.41).
    expect(columnOf('children', 'discharge_extract')!.labels).toEqual({ en: 'discharge_extract', kk: 'Үзінді көшірме немесе ауыстыру эпикризі', ru: 'Выписка или переводной эпикриз' });
    for (const sheet of ['leaves', 'referrals']) expect(columnOf(sheet, 'order_no')!.labels).toEqual({ en: 'order_no', kk: 'Басшының бұйрығы', ru: 'Приказ руководителя' });
    expect(columnOf('contracts', 'regime')!.labels).toEqual({ en: 'regime', kk: 'Болу режимі', ru: 'Режим пребывания' });
    expect(columnOf('contracts', 'extension_terms')!.labels).toEqual({ en: 'extension_terms', kk: 'Шартты ұзарту шарттары', ru: 'Условия продления' });
    expect(sheetById('suspensions')!.labels).toEqual({ en: 'suspensions', kk: 'Тоқтата тұру', ru: 'Приостановления' });
    expect(columnOf('suspensions', 'reason')).toMatchObject({ type: 'enum', enum: 'suspension' });
    expect(matchEnumValue('document', 'решение местного исполнительного органа о продолжении обслуживания')).toBe('continuation_decision');
    expect(matchEnumValue('suspension', 'жартылай стационарда болу')).toBe('day_care_stay');
    // An empty cell in these would itself be a finding: a workbook without the column is not evaluated.
    for (const [sheet, column] of [['children', 'discharge_extract'], ['leaves', 'order_no'], ['referrals', 'order_no'], ['contracts', 'regime'], ['contracts', 'extension_terms']] as const) {
      expect(columnOf(sheet, column)!.whenAbsent, `${sheet}.${column}`).toBe('not-evaluated');
    }
  });

  it('puts a sheet in the templates of the annexes whose checks read it', () => {
    const ids = (k: 'residential' | 'home_care' | 'day_care') => sheetsForKind(k).map((s) => s.id);
    expect(ids('day_care')).toContain('attendance');
    expect(ids('residential')).not.toContain('attendance');
    // A1.7, A3.7 and A3.41 read contracts too (private facilities admit on a contract).
    for (const k of ['residential', 'home_care', 'day_care'] as const) expect(ids(k)).toContain('contracts');
    for (const s of ['visits', 'services_journal', 'suspensions']) {
      expect(ids('home_care')).toContain(s);
      expect(ids('residential')).not.toContain(s);
      expect(ids('day_care')).not.toContain(s);
    }
    expect(ids('residential')).toEqual(expect.arrayContaining(['leaves', 'referrals', 'vehicles', 'health_log', 'menus', 'groups']));
    expect(ids('home_care')).not.toContain('groups');
  });
});

describe('label matching', () => {
  it('normalises trim, case and inner whitespace', () => {
    expect(normalizeLabel('  Баланың   КОДЫ \t')).toBe('баланың коды');
    expect(normalizeLabel('3–5')).toBe('3-5');
    expect(normalizeLabel('Код ребЁнка\u200B')).toBe(normalizeLabel('код ребенка'));
    // As Russian is written: ё or е, a header pasted with a zero-width space.
    expect(matchColumnHeader('children', 'Код ребёнка')).toBe('child_id');
    expect(matchColumnHeader('children', '\u200BДата рождения')).toBe('birth_date');
    expect(matchColumnHeader('children', 'Код ребенка *')).toBe('child_id');
    expect(matchColumnHeader('children', 'Туған күні:')).toBe('birth_date');
  });

  it('matches sheet names in kk, ru and canonical form, and through a mapping', () => {
    expect(matchSheetName('Балалар')).toBe('children');
    expect(matchSheetName(' дети ')).toBe('children');
    expect(matchSheetName('CHILDREN')).toBe('children');
    expect(matchSheetName('Рассмотрение  книги жалоб')).toBe('complaint_reviews');
    expect(matchSheetName('Воспитанники')).toBeUndefined();
    expect(matchSheetName('воспитанники', { sheets: { 'Воспитанники': 'children' } })).toBe('children');
    expect(matchSheetName('__proto__')).toBeUndefined();
  });

  it('matches headers within their sheet only', () => {
    expect(matchColumnHeader('children', 'Туған күні')).toBe('birth_date');
    expect(matchColumnHeader('children', 'дата рождения')).toBe('birth_date');
    expect(matchColumnHeader('children', 'birth_date')).toBe('birth_date');
    expect(matchColumnHeader('groups', 'Туған күні')).toBeUndefined();
    expect(matchColumnHeader('children', 'Д.р.', { columns: { children: { 'д.р.': 'birth_date' } } })).toBe('birth_date');
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString']) expect(matchColumnHeader('children', name)).toBeUndefined();
  });

  it('matches enum values by code and every kk/ru label, including the listed variants', () => {
    expect(matchEnumValue('sex', 'м')).toBe('m');
    expect(matchEnumValue('sex', 'МУЖ')).toBe('m');
    expect(matchEnumValue('sex', 'ер')).toBe('m');
    expect(matchEnumValue('sex', 'әйел')).toBe('f');
    expect(matchEnumValue('role', 'директор')).toBe('head');
    expect(matchEnumValue('role', 'акимат')).toBe('local_executive_body');
    expect(matchEnumValue('role', 'әлеуметтік жұмыс жөніндегі консультант')).toBe('social_work_consultant');
    expect(matchEnumValue('age_band', '14-18')).toBe('14-18');
    expect(matchEnumValue('age_band', '9 - 13')).toBeUndefined();
    expect(matchEnumValue('kind', 'Полустационар')).toBe('day_care');
    expect(matchEnumValue('funding', 'free')).toBeUndefined();
    expect(matchEnumValue('nope', 'x')).toBeUndefined();
  });

  it('maps ruleset ids to facility kinds', () => {
    expect({ ...FACILITY_KIND_OF_RULESET }).toEqual({ residential: 'residential', 'home-care': 'home_care', 'day-care': 'day_care' });
  });
});

describe('per-sheet JSON Schemas', () => {
  it('are generated from the same definitions and reject rows that break them', () => {
    const schema = sheetJsonSchema(sheetById('groups')!);
    expect(Object.keys(schema.properties as object)).toEqual(['group_id', 'age_band', 'skill_level', 'labour_orientation']);
    const validate = createRowValidator();
    expect(validate('groups', { group_id: 'G-1', age_band: '3-5', skill_level: 'none', labour_orientation: null })).toEqual([]);
    const problems = validate('groups', { group_id: 'G-1', age_band: '3-7', skill_level: null }).join('\n');
    expect(problems).toMatch(/\/age_band/);
    expect(problems).toMatch(/\/skill_level/);
    expect(validate('children', { child_id: 'C', contraindications: ['aids', 'x'] }).join()).toMatch(/contraindications/);
    expect(validate('attendance', { child_id: 'C', date: 14000, hours: -1 }).join()).toMatch(/hours/);
  });
});

describe('committed sheet JSON Schemas', () => {
  it('are the ones the schema generates (run `npm run examples` after changing src/schema)', () => {
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      const file = join(import.meta.dirname, '..', '..', 'reports', 'schemas', 'sheets', `${sheet.id}.json`);
      expect(JSON.parse(readFileSync(file, 'utf8')), sheet.id).toEqual(sheetJsonSchema(sheet));
    }
  });
});
