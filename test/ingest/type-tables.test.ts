import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import { typeTables, type InputError, type RawCell, type RawTable } from '../../src/ingest/index.ts';
import { createRowValidator } from '../../src/schema/json-schema.ts';

const FACILITY: RawTable = {
  name: 'Мекеме', headerRow: 1,
  header: ['Мекеме коды', 'Атауы', 'Түрі', 'Меншік нысаны', 'Кезең басы', 'Кезең соңы'],
  rows: [['F-1', 'Мейірім', 'стационар', 'мемлекеттік', '01.01.2010', '2010-06-30']],
};

function table(name: string, header: (string | null)[], rows: RawCell[][], headerRow = 1): RawTable {
  return { name, header, rows, headerRow };
}

/** Errors and warnings other than the optional columns these small tables leave out (tested on their own below). */
function listed(wb: { errors: readonly InputError[] }): InputError[] {
  return wb.errors.filter((e) => e.code !== 'absent-column');
}

/** One column of `children` plus the required ones, so a single cell can be tried. */
function childrenWith(column: string, value: RawCell) {
  const wb = typeTables([table('children', ['child_id', 'birth_date', 'admitted_on', 'funding', column], [['C-1', '2005-01-01', '2009-01-01', 'budget', value]])]);
  const t = wb.tables.children!;
  return { value: t.rows[0]?.values[column], errors: listed(wb), counts: t.counts };
}

describe('typeTables: cell types', () => {
  it('reads ids as trimmed text, numbers as their decimal text', () => {
    expect(childrenWith('group_id', '  G-1 ').value).toBe('G-1');
    expect(childrenWith('group_id', 12).value).toBe('12');
    expect(childrenWith('group_id', true).errors[0]!.code).toBe('type-error');
    // A number cell may hold NaN or INF in the XML: no code anybody wrote.
    for (const n of [NaN, Infinity, -Infinity]) expect(childrenWith('group_id', n).errors[0]!.code).toBe('type-error');
  });

  it('reads dates from ISO text, dd.mm.yyyy text, Excel serials and Date objects', () => {
    const day = dayNumber(2010, 3, 21);
    expect(childrenWith('discharged_on', '2010-03-21').value).toBe(day);
    expect(childrenWith('discharged_on', '21.03.2010').value).toBe(day);
    expect(childrenWith('discharged_on', 40258).value).toBe(day);
    expect(childrenWith('discharged_on', 40258.99).value).toBe(day);
    expect(childrenWith('discharged_on', new Date(Date.UTC(2010, 2, 21))).value).toBe(day);
    // As exports write them: a date-time saved as text, the year mark of Russian and Kazakh documents.
    for (const text of ['21.03.2010 0:00:00', '2010-03-21 00:00', '2010-03-21T00:00:00', '21.03.2010 13:45', '21.03.2010 г.', '21.03.2010г', '21.03.2010 ж.']) {
      expect(childrenWith('discharged_on', text).value, text).toBe(day);
    }
    expect(childrenWith('discharged_on', 59).value).toBe(dayNumber(1900, 2, 28));
    expect(childrenWith('discharged_on', 61).value).toBe(dayNumber(1900, 3, 1));
    for (const bad of ['31.02.2010', 'abc', '2010-3-21', '21/03/2010', '21.03.2010 около 10', '21.03.2010 25:00', 'г.', '21.03.2010 0:00 г.', 60, -5, true]) {
      const r = childrenWith('discharged_on', bad);
      expect(r.errors.map((e) => e.code), String(bad)).toEqual(['type-error']);
      expect(r.counts).toEqual({ read: 1, accepted: 0, rejected: 1 });
    }
  });

  it('reads a date and time that arithmetic left a hair short of midnight as the day Excel shows', () => {
    // `=B2+1/24` down a column of hours sums to 40257.99999999994 at midnight: Excel shows 21.03.2010 0:00,
    // and the day is not 20 March. A time a person wrote just before midnight stays on its day.
    let midnight = 40257;
    for (let hour = 0; hour < 24; hour++) midnight += 1 / 24;
    expect(midnight).toBeLessThan(40258);
    expect(childrenWith('discharged_on', midnight).value).toBe(dayNumber(2010, 3, 21));
    expect(childrenWith('discharged_on', 40257 + (86_399.9 / 86_400)).value).toBe(dayNumber(2010, 3, 20));
    const raw: RawTable = { ...table('children', ['child_id', 'birth_date', 'admitted_on', 'funding'], [['C', midnight - 1462, 0, 'budget']]), date1904: true };
    expect(typeTables([raw]).tables.children!.rows[0]!.values.birth_date).toBe(dayNumber(2010, 3, 21));
  });

  it('reads the 1904 date system when the workbook says so', () => {
    const raw: RawTable = { ...table('children', ['child_id', 'birth_date', 'admitted_on', 'funding'], [['C', 38796, 0, 'budget']]), date1904: true };
    const row = typeTables([raw]).tables.children!.rows[0]!;
    expect(row.values.birth_date).toBe(dayNumber(2010, 3, 21));
    expect(row.values.admitted_on).toBe(dayNumber(1904, 1, 1));
  });

  it('reads months as the first day of the month', () => {
    const wb = typeTables([table('services_journal', ['child_id', 'month'], [['C', '2010-03'], ['C', '17.03.2010'], ['C', 40258], ['C', '2010-13']])]);
    expect(wb.tables.services_journal!.rows.map((r) => r.values.month)).toEqual([dayNumber(2010, 3, 1), dayNumber(2010, 3, 1), dayNumber(2010, 3, 1)]);
    expect(listed(wb).map((e) => [e.code, e.cell])).toEqual([['type-error', 'services_journal!B5']]);
  });

  it('reads int and number with their bounds', () => {
    expect(childrenWith('regime_hours', '9,5').value).toBe(9.5);
    expect(childrenWith('regime_hours', 10).value).toBe(10);
    expect(childrenWith('regime_hours', -1).errors[0]!.code).toBe('constraint-error');
    expect(childrenWith('regime_hours', 'ten').errors[0]!.code).toBe('type-error');
    const plans = (v: RawCell) => typeTables([table('plans', ['child_id', 'plan_no', 'drafted_on', 'valid_from', 'valid_to'], [['C', v, '2010-01-01', '2010-01-01', '2010-12-31']])]);
    expect(plans('2').tables.plans!.rows[0]!.values.plan_no).toBe(2);
    expect(plans(2.5).errors[0]!.code).toBe('type-error');
    expect(plans('2.0').errors[0]!.code).toBe('type-error');
  });

  it('reads a number as Excel shows it, to 15 significant digits, not the floating-point noise a formula leaves', () => {
    // `=4.35*100` holds 434.99999999999994 and Excel shows 435: a whole plan number; `=1.1*3`, the code 3.3.
    const noisy = 4.35 * 100;
    expect(noisy).not.toBe(435);
    const plans = (v: RawCell) => typeTables([table('plans', ['child_id', 'plan_no', 'drafted_on', 'valid_from', 'valid_to'], [['C', v, '2010-01-01', '2010-01-01', '2010-12-31']])]);
    expect(listed(plans(noisy))).toEqual([]);
    expect(plans(noisy).tables.plans!.rows[0]!.values.plan_no).toBe(435);
    expect(childrenWith('group_id', 1.1 * 3).value).toBe('3.3');
    expect(childrenWith('regime_hours', 0.1 + 0.2).value).toBe(0.3);
    expect(childrenWith('disabled', (0.7 + 0.1) / 0.8).value).toBe(true);
    // What Excel shows of a fraction is kept: a number that is not whole stays not whole.
    expect(plans(2.5).errors[0]!.code).toBe('type-error');
    expect(childrenWith('regime_hours', 1 / 3).value).toBe(0.333333333333333);
    // Whole numbers are ids and counts, not noise: a 12-digit IIN typed as a number, or a 16-digit one, stays every digit.
    expect(childrenWith('group_id', 870412350123).value).toBe('870412350123');
    expect(childrenWith('group_id', 1234567890123456).value).toBe('1234567890123456');
    expect(childrenWith('regime_hours', 9007199254740991).value).toBe(9007199254740991);
  });

  it('reads booleans in every accepted spelling', () => {
    for (const yes of ['yes', 'YES', 'иә', 'Да', '1', 'true', '+', 1, true]) expect(childrenWith('disabled', yes).value, String(yes)).toBe(true);
    for (const no of ['no', 'жоқ', 'НЕТ', '0', 'false', '-', 0, false]) expect(childrenWith('disabled', no).value, String(no)).toBe(false);
    expect(childrenWith('disabled', 'maybe').errors[0]!.code).toBe('type-error');
    expect(childrenWith('disabled', 2).errors[0]!.code).toBe('type-error');
  });

  it('reads enums by code or label and lists split on ; and ,', () => {
    expect(childrenWith('sex', 'жен').value).toBe('f');
    expect(childrenWith('sex', 'X').errors[0]).toMatchObject({ code: 'unknown-value', value: 'X', cell: 'children!E2' });
    expect(childrenWith('contraindications', 'СПИД; tb_active, жиі ұстамалы эпилепсия').value).toEqual(['aids', 'tb_active', 'epilepsy_frequent']);
    // a label that itself holds a comma stays whole
    expect(childrenWith('contraindications', 'заболевание, требующее специализированного лечения, aids').value).toEqual(['specialized_treatment', 'aids']);
    expect(childrenWith('contraindications', 'aids; flu').errors[0]).toMatchObject({ code: 'unknown-value', value: 'aids; flu' });
  });

  it('keeps a list label that holds a comma whole, in any position and however the comma is spaced', () => {
    const ru = 'заболевание, требующее специализированного лечения';
    expect(childrenWith('contraindications', ru).value).toEqual(['specialized_treatment']);
    expect(childrenWith('contraindications', `СПИД, ${ru}`).value).toEqual(['aids', 'specialized_treatment']);
    expect(childrenWith('contraindications', `${ru}; активный туберкулез, СПИД`).value).toEqual(['specialized_treatment', 'tb_active', 'aids']);
    expect(childrenWith('contraindications', 'Заболевание ,требующее   специализированного лечения;aids').value).toEqual(['specialized_treatment', 'aids']);
    expect(childrenWith('contraindications', 'мамандандырылған емдеуді талап ететін ауру, ЖҚТБ; белсенді туберкулез').value).toEqual(['specialized_treatment', 'aids', 'tb_active']);
    expect(childrenWith('contraindications', `aids; ${ru}; aids`).value).toEqual(['aids', 'specialized_treatment']);
  });

  it('reports each unknown piece of a list cell, naming the piece, and rejects the row', () => {
    const ru = 'заболевание, требующее специализированного лечения';
    const flu = childrenWith('contraindications', `${ru}, грипп`);
    expect(flu.errors).toHaveLength(1);
    expect(flu.errors[0]).toMatchObject({ code: 'unknown-value', value: `${ru}, грипп`, cell: 'children!E2' });
    expect(flu.errors[0]!.message.en).toMatch(/^"грипп" is not an allowed value of column contraindications; use one of: schizophrenia with productive symptoms; /);
    expect(flu.errors[0]!.message.ru).toContain(`«грипп» — недопустимое значение`);
    expect(flu.errors[0]!.message.ru).toContain(`; ${ru}.`);
    expect(flu.counts).toEqual({ read: 1, accepted: 0, rejected: 1 });
    // split by ; the two halves of the label are two unknown pieces, not the label
    expect(childrenWith('contraindications', 'заболевание; требующее специализированного лечения').errors[0]!.message.en)
      .toMatch(/^"заболевание; требующее специализированного лечения" is not an allowed value/);
    expect(childrenWith('contraindications', 'grippe').errors[0]!.message.en).toMatch(/^"grippe" is not/);
  });

  it('shares one frozen list value among rows that repeat a cell', () => {
    const wb = typeTables([table('children', ['child_id', 'birth_date', 'admitted_on', 'funding', 'contraindications'], [
      ['C-1', '2005-01-01', '2009-01-01', 'budget', 'СПИД; tb_active'],
      ['C-2', '2005-01-01', '2009-01-01', 'budget', 'СПИД; tb_active'],
    ])]);
    const [a, b] = wb.tables.children!.rows.map((r) => r.values.contraindications);
    expect(a).toEqual(['aids', 'tb_active']);
    expect(b).toEqual(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('typeTables: rows, keys and references', () => {
  it('accounts for every row read: accepted + rejected, empty rows skipped', () => {
    const wb = typeTables([table('Балалар', ['Баланың коды', 'Туған күні', 'Қабылданған күні', 'Қаржыландыру'], [
      ['C-1', '2005-01-01', '2009-01-01', 'бюджет'],
      [null, '  ', null, null],
      ['C-2', '2005-01-01', null, 'бюджет'],
      ['C-3', '2005-01-01', '2009-01-01', 'ақылы'],
      ['C-1', '2006-01-01', '2009-01-01', 'бюджет'],
    ], 3)]);
    const t = wb.tables.children!;
    expect(t.counts).toEqual({ read: 4, accepted: 2, rejected: 2 });
    expect(t.rows.map((r) => [r.excelRow, r.values.child_id])).toEqual([[4, 'C-1'], [7, 'C-3']]);
    expect(listed(wb).map((e) => [e.code, e.cell, e.row])).toEqual([
      ['missing-cell', 'Балалар!C6', 6],
      ['duplicate-key', 'Балалар!A8', 8],
    ]);
    expect(listed(wb)[1]!.message.ru).toContain('строке 4');
  });

  it('checks references only against a sheet that is present, using every key it has', () => {
    const children = table('children', ['child_id', 'birth_date', 'admitted_on', 'funding', 'group_id'], [
      ['C-1', '2005-01-01', '2009-01-01', 'budget', 'G-1'],
      ['C-2', 'bad', '2009-01-01', 'budget', 'G-9'],
    ]);
    const log = table('health_log', ['child_id', 'date'], [['C-1', '2010-01-01'], ['C-2', '2010-01-01'], ['C-7', '2010-01-01']]);
    const withoutGroups = typeTables([children, log]);
    expect(listed(withoutGroups).map((e) => e.code)).toEqual(['type-error', 'foreign-key']);
    expect(listed(withoutGroups)[1]).toMatchObject({ sheet: 'health_log', cell: 'health_log!A4', value: 'C-7' });
    expect(withoutGroups.tables.health_log!.counts).toEqual({ read: 3, accepted: 2, rejected: 1 });
    const withGroups = typeTables([children, log, table('groups', ['group_id', 'age_band', 'skill_level'], [['G-1', '3-5', 'none']])]);
    expect(listed(withGroups).filter((e) => e.code === 'foreign-key').map((e) => e.cell)).toEqual(['children!E3', 'health_log!A4']);
  });

  it('says when a missing code differs from one on the referenced sheet only in look-alike Cyrillic and Latin letters', () => {
    // С-1 (Cyrillic С, a Russian keyboard layout) reads exactly as the child C-1 (Latin C) on the screen.
    const wb = typeTables([
      table('Балалар', ['child_id', 'birth_date', 'admitted_on', 'funding'], [['C-1', '2005-01-01', '2009-01-01', 'budget'], ['HK-2', '2005-01-01', '2009-01-01', 'budget']]),
      table('Денсаулық күнделігі', ['child_id', 'date'], [['\u0421-1', '2010-01-01'], ['\u041d\u041a-2', '2010-01-01'], ['C-7', '2010-01-01']]),
    ]);
    const errors = listed(wb);
    expect(errors.map((e) => [e.code, e.cell, e.value])).toEqual([
      ['foreign-key', "'Денсаулық күнделігі'!A2", '\u0421-1'], ['foreign-key', "'Денсаулық күнделігі'!A3", '\u041d\u041a-2'], ['foreign-key', "'Денсаулық күнделігі'!A4", 'C-7'],
    ]);
    expect(errors[0]!.message).toEqual({
      en: 'child_id "С-1" is not on sheet "Балалар": it looks like "C-1" there but is written with Cyrillic С; type the code in one alphabet on both sheets.',
      kk: 'Баланың коды "С-1" "Балалар" парағында жоқ: ол ондағы "C-1" сияқты көрінеді, бірақ кирилл әрпі С арқылы жазылған; кодты екі парақта да бір әліпбимен теріңіз.',
      ru: 'Кода «С-1» из столбца «Код ребенка» нет на листе «Балалар»: он выглядит как «C-1» на том листе, но в нем кириллическая С; наберите код на обоих листах одной раскладкой.',
    });
    expect(errors[1]!.message.en).toContain('looks like "HK-2" there but is written with Cyrillic Н, К;');
    expect(errors[1]!.message.ru).toContain('кириллические Н, К;');
    // A code with no twin keeps the plain message: nothing is suggested that is not there.
    expect(errors[2]!.message.en).toBe('child_id "C-7" is not on sheet "Балалар"; add it there or correct the code.');
  });

  it('names the referenced sheet as the workbook names it, in grammatical Russian', () => {
    const wb = typeTables([
      table('Дети', ['child_id', 'birth_date', 'admitted_on', 'funding', 'group_id'], [['C-1', '2005-01-01', '2009-01-01', 'budget', 'G-9']]),
      table('Группы', ['group_id', 'age_band', 'skill_level'], [['G-1', '3-5', 'none']]),
    ]);
    expect(listed(wb).map((e) => e.message)).toEqual([{
      en: 'group_id "G-9" is not on sheet "Группы"; add it there or correct the code.',
      kk: 'Топ "G-9" "Группы" парағында жоқ; оны сонда қосыңыз немесе кодты түзетіңіз.',
      ru: 'Кода «G-9» из столбца «Группа» нет на листе «Группы»; добавьте его туда или исправьте код.',
    }]);
  });

  it('reports a missing required column once and still reads the rows', () => {
    const wb = typeTables([table('plans', ['child_id', 'plan_no', 'drafted_on', 'valid_from'], [['C', 1, '2010-01-01', '2010-01-01']])]);
    expect(listed(wb)).toHaveLength(1);
    expect(listed(wb)[0]).toMatchObject({ code: 'missing-column', column: 'valid_to', severity: 'error', row: 1, cell: 'plans!1:1' });
    expect(listed(wb)[0]!.message.en).toBe('Required column valid_to is missing from the header (row 1) of sheet "plans"; add it (header "Қолданылу соңы", "Действует по" or "valid_to"). Checks that need it are not evaluated.');
    expect(listed(wb)[0]!.message.ru).toBe('В заголовке листа «plans» (строка 1) нет обязательного столбца «Действует по»; добавьте его. Проверки, которым он нужен, не выполняются.');
    expect(wb.tables.plans!.columns).toEqual(['child_id', 'plan_no', 'drafted_on', 'valid_from']);
    expect(wb.tables.plans!.counts.accepted).toBe(1);
  });

  it('lists unknown sheets, unknown and repeated columns and headerless data as warnings', () => {
    const wb = typeTables([
      table('Notes', ['anything'], [['x']]),
      table('rooms', ['room_id', 'colour', 'Кабинет', null], [['K-1', 'blue', 'K-2', 'data']]),
    ]);
    expect(listed(wb).map((e) => [e.code, e.severity, e.cell, e.value])).toEqual([
      ['blank-header', 'warning', 'rooms!D1', null],
      ['unknown-column', 'warning', 'rooms!B1', 'colour'],
      ['unknown-column', 'warning', 'rooms!C1', 'Кабинет'],
      ['unknown-sheet', 'warning', null, null],
    ]);
    expect(listed(wb)[3]).toMatchObject({ sheet: 'Notes', sheetName: 'Notes' });
    // the sheet is named as the workbook names it, in every language
    expect(listed(wb)[1]!.message.kk).toBe('"colour" бағаны "rooms" парағына жатпайды және ескерілмейді. Келісімшарт бағаны болса, атын өзгертіңіз немесе --mapping қолданыңыз.');
    expect(listed(wb)[2]!.message.en).toBe('Column "Кабинет" repeats a column already on sheet "rooms"; only the first is read. Delete or rename the copy.');
    expect(wb.tables.rooms!.rows[0]!.values.room_id).toBe('K-1');
    expect(wb.tables).not.toHaveProperty('Notes');
  });

  it('never lets a header reach an object prototype', () => {
    const wb = typeTables([table('rooms', ['room_id', '__proto__', 'constructor', 'prototype', 'hasOwnProperty'], [['K-1', 'p', 'c', 'x', 'h']])]);
    const values = wb.tables.rooms!.rows[0]!.values;
    expect(Object.getPrototypeOf(values)).toBeNull();
    expect(Object.keys(values)).toEqual(['room_id']);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'K-1')).toBe(false);
    expect(listed(wb).filter((e) => e.code === 'unknown-column')).toHaveLength(4);
    const mapped = typeTables([table('rooms', ['__proto__'], [['K-1']])], { mapping: { columns: { rooms: { ['__proto__']: 'room_id' } } } });
    expect(mapped.tables.rooms!.rows[0]!.values.room_id).toBe('K-1');
  });

  it('fills the facility from its single row and rejects extra rows', () => {
    const wb = typeTables([FACILITY]);
    expect(wb.facility).toEqual({ facility_id: 'F-1', name: 'Мейірім', kind: 'residential', ownership: 'state', period_from: dayNumber(2010, 1, 1), period_to: dayNumber(2010, 6, 30) });
    const two = typeTables([{ ...FACILITY, rows: [...FACILITY.rows, ['F-2', 'B', 'стационар', 'жеке', '01.01.2010', '30.06.2010']] }]);
    expect(listed(two).map((e) => [e.code, e.row])).toEqual([['constraint-error', 3]]);
    expect(listed(two)[0]!.message.en).toBe('Sheet "Мекеме" must have exactly one data row but has 2; keep one row and delete the others.');
    expect(two.facility).toBeNull();
    expect(listed(typeTables([{ ...FACILITY, rows: [] }]))[0]!.code).toBe('constraint-error');
    expect(typeTables([]).facility).toBeNull();
    const backwards = typeTables([{ ...FACILITY, rows: [['F-1', 'M', 'стационар', 'жеке', '01.07.2010', '30.06.2010']] }]);
    expect(listed(backwards).map((e) => [e.code, e.cell])).toEqual([['constraint-error', 'Мекеме!F2']]);
    expect(backwards.facility).toBeNull();
  });

  it('reads a workbook that mixes languages across sheets and headers', () => {
    const wb = typeTables([
      FACILITY,
      table('Дети', ['Код ребенка', 'Туған күні', 'admitted_on', 'Финансирование', 'Жынысы'], [['C-1', '01.02.2005', '2009-01-01', 'бюджет', 'м']]),
      table('health_log', ['Баланың коды', 'Дата', 'observed_by'], [['C-1', '2010-01-01', 'медбике']]),
    ]);
    expect(listed(wb)).toEqual([]);
    expect(wb.tables.children!.rows[0]!.values.sex).toBe('m');
    expect(wb.tables.health_log!.rows[0]!.values.observed_by).toBe('nurse');
  });

  it('applies a mapping file to sheet names and headers', () => {
    const wb = typeTables([table('Воспитанники', ['Шифр', 'Д.р.', 'Поступил', 'funding'], [['C-1', '2005-01-01', '2009-01-01', 'paid']])], {
      mapping: { sheets: { 'воспитанники': 'children' }, columns: { children: { 'Шифр': 'child_id', 'Д.р.': 'birth_date', 'Поступил': 'admitted_on' } } },
    });
    expect(listed(wb)).toEqual([]);
    expect(wb.tables.children!.rows[0]!.values).toMatchObject({ child_id: 'C-1', funding: 'paid' });
  });

  it('produces typed rows that satisfy the generated JSON Schemas', () => {
    const validate = createRowValidator();
    const wb = typeTables([
      FACILITY,
      table('children', ['child_id', 'birth_date', 'admitted_on', 'funding', 'contraindications', 'disabled', 'regime_hours'], [['C', 40000, '2009-01-01', 'budget', 'aids', 'да', 9]]),
      table('menus', ['menu_kind', 'day_no', 'week_start'], [['weekly', 1, '2010-01-04']]),
    ]);
    for (const t of Object.values(wb.tables)) for (const row of t!.rows) expect(validate(t!.sheet, row.values)).toEqual([]);
  });
});

describe('typeTables: workbooks as facilities make them', () => {
  const children = ['Код ребенка', 'Дата рождения', 'Дата поступления', 'Финансирование'];

  it('finds the header below title rows and lists those rows once, as a note', () => {
    const wb = typeTables([{
      name: 'Дети',
      rows: [['Список детей, 2010 год'], undefined, [null, 'на 30.06.2010'], children, ['C-1', '01.02.2005', '2009-01-01', 'бюджет']],
    }]);
    expect(listed(wb).map((e) => [e.code, e.severity, e.row, e.cell, e.value])).toEqual([
      ['rows-above-header', 'warning', 1, 'Дети!1:3', 'Список детей, 2010 год · на 30.06.2010'],
    ]);
    expect(listed(wb)[0]!.message.ru).toBe('Строки 1–3 листа «Дети» выше заголовка (строка 4) и не читаются как данные.');
    expect(wb.tables.children!.rows.map((r) => [r.excelRow, r.values.child_id])).toEqual([[5, 'C-1']]);
    expect(wb.tables.children!.columnLetters).toMatchObject({ child_id: 'A', funding: 'D' });
  });

  it('takes the row that names the most contract columns, the first on a tie, within the first 10 non-empty rows', () => {
    const rows = [['Баланың коды'], children, ['C-1', '01.02.2005', '2009-01-01', 'бюджет']];
    expect(typeTables([{ name: 'Дети', rows }]).tables.children!.rows.map((r) => r.excelRow)).toEqual([3]);
    const tooLow = [...Array.from({ length: 10 }, (_, i) => [`title ${i}`]), children, ['C-1', '01.02.2005', '2009-01-01', 'бюджет']];
    expect(listed(typeTables([{ name: 'Дети', rows: tooLow }])).map((e) => e.code)).toContain('missing-column');
  });

  it('reads an optional column the sheet lacks as empty when an empty cell means none, with one warning in the workbook\'s words', () => {
    const wb = typeTables([{ name: 'Дети', rows: [children, ['C-1', '01.02.2005', '2009-01-01', 'бюджет'], ['C-2', '01.02.2006', '2009-01-01', 'бюджет']] }]);
    const t = wb.tables.children!;
    expect(t.readAsEmpty).toContain('discharged_on');
    expect(t.readAsEmpty).toContain('contraindications');
    // regime_hours: a regime not recorded would itself be a finding, so it stays absent
    expect(t.readAsEmpty).not.toContain('regime_hours');
    expect(t.columns).not.toContain('discharged_on');
    const warning = wb.errors.find((e) => e.code === 'absent-column' && e.column === 'discharged_on')!;
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'children', sheetName: 'Дети', row: 1, cell: 'Дети!1:1' });
    expect(warning.message).toEqual({
      en: 'Column «Дата выбытия» is absent from sheet «Дети»: read as empty in all 2 rows (an empty cell means none here). Add the column if some rows have a value.',
      kk: '«Дети» парағында «Дата выбытия» бағаны жоқ: барлық 2 жолда бос деп оқылды (мұнда бос ұяшық «жоқ» дегенді білдіреді). Кейбір жолдарда мәні болса, бағанды қосыңыз.',
      ru: 'На листе «Дети» нет столбца «Дата выбытия»: во всех строках (2) он прочитан как пустой (пустая ячейка здесь означает «нет»). Если у каких-то строк есть значение, добавьте столбец.',
    });
    expect(wb.errors.filter((e) => e.code === 'absent-column' && e.column === 'discharged_on')).toHaveLength(1);
    expect(wb.errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  it('does not read an optional column as empty ("none") when a header with data under it looks like that column', () => {
    // A facility's own spelling of «Противопоказания»: its values are there, and "none" would pass the
    // contraindication rule on a child with active tuberculosis.
    for (const header of ['Противопоказания к пребыванию', 'Противопоказание', 'Қарсы айғақтамалары']) {
      const wb = typeTables([{ name: 'Дети', rows: [[...children, header], ['C-1', '01.02.2005', '2009-01-01', 'бюджет', 'активный туберкулез'], ['C-2', '01.02.2006', '2009-01-01', 'бюджет', null]] }]);
      const t = wb.tables.children!;
      expect(t.readAsEmpty, header).not.toContain('contraindications');
      expect(t.readAsEmpty, header).toContain('discharged_on');
      expect(wb.errors.filter((e) => e.column === 'contraindications'), header).toEqual([]);
      const unknown = wb.errors.find((e) => e.code === 'unknown-column')!;
      expect(unknown.severity).toBe('warning');
      expect(unknown.message.en, header).toMatch(/did you mean «.+»\? Until it is renamed, «.+» is not read as empty and the rules that read it are not evaluated\./);
      expect(unknown.message.ru, header).toContain('не читается как пустой');
    }
    // The same header with nothing under it holds nothing: the column is read as empty as before.
    const blank = typeTables([{ name: 'Дети', rows: [[...children, 'Противопоказания к пребыванию'], ['C-1', '01.02.2005', '2009-01-01', 'бюджет', null]] }]);
    expect(blank.tables.children!.readAsEmpty).toContain('contraindications');
    // A header that looks like no lacking column (a facility's own «Примечание») changes nothing.
    const note = typeTables([{ name: 'Дети', rows: [[...children, 'Примечание'], ['C-1', '01.02.2005', '2009-01-01', 'бюджет', 'переведен']] }]);
    expect(note.tables.children!.readAsEmpty).toContain('contraindications');
  });

  it('suggests the closest contract name for a misspelt sheet or column, in kk, ru and en', () => {
    const wb = typeTables([{ name: 'Детти', rows: [['Код ребенка', 'Дата рождения', 'Дата поступления', 'Финансирование'], ['C-1', '01.02.2005', '2009-01-01', 'бюджет']] }]);
    expect(wb.errors.map((e) => e.message.ru)).toEqual([expect.stringContaining('Лист «Детти» не соответствует ни одному листу контракта и пропускается — возможно, имелось в виду «Дети»?')]);
    expect(wb.errors[0]!.message.en).toContain('— did you mean «Дети»?');
    expect(wb.errors[0]!.message.kk).toContain('— «Дети» деп жазғыңыз келді ме?');
    const col = listed(typeTables([{ name: 'Балалар', rows: [['Баланың коды', 'Туған күнi', 'Қабылданған күні', 'Қаржыландыру'], ['C-1', '01.02.2005', '2009-01-01', 'бюджет']] }]));
    const unknown = col.find((e) => e.code === 'unknown-column')!;
    expect(unknown.message.kk).toContain('«Туған күні» деп жазғыңыз келді ме?');
    expect(unknown.message.en).toContain('did you mean «Туған күні»?');
    expect(unknown.message.ru).toContain('возможно, имелось в виду «Туған күні»?');
  });

  it('visits the cells a sheet holds, not every index up to its last row and column', () => {
    // One row far down with a cell in XFD: a million rows and sixteen thousand columns of nothing.
    const far: RawCell[] = [];
    far[0] = 'C-9';
    far[16383] = 'x';
    let reads = 0;
    const counted = (row: RawCell[]): RawCell[] => new Proxy(row, { get(target, key, receiver) { reads++; return Reflect.get(target, key, receiver); } });
    const rows = [children, ['C-1', '01.02.2005', '2009-01-01', 'бюджет'], far].map(counted);
    const wb = typeTables([{ name: 'Дети', rows, rowNumbers: [1, 2, 1_048_576] }]);
    expect(listed(wb).map((e) => [e.code, e.cell])).toEqual([
      ['blank-header', 'Дети!XFD1'], ['missing-cell', 'Дети!B1048576'], ['missing-cell', 'Дети!C1048576'], ['missing-cell', 'Дети!D1048576'],
    ]);
    expect(reads).toBeLessThan(1_000);
  });
});

describe('typeTables: two sheets that are one table', () => {
  const header = ['Баланың коды', 'Күні'];
  const log = (name: string, rows: RawCell[][]) => table(name, header, rows);
  const children = table('Балалар', ['child_id', 'birth_date', 'admitted_on', 'funding'], [['C-1', '2005-01-01', '2009-01-01', 'budget']]);

  it('reads the one with rows when the other is an empty leftover, and says which was ignored', () => {
    for (const order of [['Денсаулық күнделігі', 'Журнал здоровья'], ['Журнал здоровья', 'Денсаулық күнделігі']] as const) {
      const [filled, empty] = order;
      const sheets = [log(filled, [['C-1', '2010-01-04']]), log(empty, [])];
      for (const raw of [sheets, [...sheets].reverse()]) {
        const wb = typeTables([FACILITY, children, ...raw]);
        expect(wb.tables.health_log!.sheetName).toBe(filled);
        expect(wb.tables.health_log!.rows).toHaveLength(1);
        expect(wb.tables.health_log!.others).toBeUndefined();
        expect(listed(wb).map((e) => [e.code, e.sheetName, e.severity])).toEqual([['unknown-sheet', empty, 'warning']]);
      }
    }
  });

  it('reads the first when both have rows, and the error says the table may be incomplete', () => {
    const wb = typeTables([FACILITY, children, log('Денсаулық күнделігі', [['C-1', '2010-01-04']]), log('Журнал здоровья', [['C-1', '2010-01-05']])]);
    expect(wb.tables.health_log!.sheetName).toBe('Денсаулық күнделігі');
    expect(wb.tables.health_log!.others).toEqual(['Журнал здоровья']);
    const errors = listed(wb);
    expect(errors.map((e) => [e.code, e.sheet, e.sheetName, e.severity])).toEqual([['duplicate-sheet', 'health_log', 'Журнал здоровья', 'error']]);
    expect(errors[0]!.message.ru).toBe('Листы «Денсаулық күнделігі» и «Журнал здоровья» — одна и та же таблица, и в обоих есть строки; ereje читает по одному листу на таблицу, поэтому правила, которые её читают, не оцениваются. Перенесите строки одного листа в другой и удалите его.');
  });
});
