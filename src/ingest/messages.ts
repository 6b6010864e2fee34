// Input-error messages in kk/ru/en: what is wrong and what to do about it.
import type { Localized } from '../core/lang.ts';
import { enumById } from '../schema/index.ts';
import { differingLetters, scriptOf } from './look-alike.ts';
import type { ColumnDef, ColumnType } from '../schema/types.ts';

const TYPE_WORDS: Record<ColumnType, Localized> = {
  id: { en: 'a code (text or number)', kk: 'код (мәтін немесе сан)', ru: 'код (текст или число)' },
  text: { en: 'text', kk: 'мәтін', ru: 'текст' },
  date: { en: 'a date (an Excel date, 2010-03-21 or 21.03.2010)', kk: 'күн (Excel күні, 2010-03-21 немесе 21.03.2010)', ru: 'дата (дата Excel, 2010-03-21 или 21.03.2010)' },
  month: { en: 'a month (2010-03 or a date inside the month)', kk: 'ай (2010-03 немесе сол айдың күні)', ru: 'месяц (2010-03 или дата внутри месяца)' },
  int: { en: 'a whole number', kk: 'бүтін сан', ru: 'целое число' },
  number: { en: 'a number', kk: 'сан', ru: 'число' },
  bool: { en: 'yes/no (иә/жоқ, да/нет, 1/0, +/-)', kk: 'иә/жоқ (yes/no, да/нет, 1/0, +/-)', ru: 'да/нет (yes/no, иә/жоқ, 1/0, +/-)' },
  enum: { en: 'one of the allowed values', kk: 'рұқсат етілген мәндердің бірі', ru: 'одно из допустимых значений' },
  list: { en: 'allowed values separated by ; or ,', kk: '; немесе , арқылы бөлінген рұқсат етілген мәндер', ru: 'допустимые значения через ; или ,' },
};

export function typeWords(type: ColumnType): Localized {
  return TYPE_WORDS[type];
}

/**
 * The allowed values of an enum or list column in `lang` (the template's label of each), optionally with
 * the code in brackets. A list's values, or labels that hold a comma (`заболевание, требующее …`), are
 * separated by `; ` so that no label reads as two.
 */
export function allowedValues(column: ColumnDef, lang: keyof Localized, withCodes = false): string {
  const values = column.enum ? enumById(column.enum)?.values ?? [] : [];
  const shown = values.map((v) => {
    const label = v.labels[lang][0] ?? v.code;
    return withCodes && label !== v.code ? `${label} (${v.code})` : label;
  });
  const separator = column.type === 'list' || shown.some((l) => l.includes(',')) ? '; ' : ', ';
  return shown.join(separator);
}

export function typeErrorMessage(column: ColumnDef, value: string): Localized {
  const h = column.labels;
  const t = TYPE_WORDS[column.type];
  return {
    en: `"${value}" in column ${h.en} is not ${t.en}; correct the cell.`,
    kk: `${h.kk} бағанындағы "${value}" — ${t.kk} емес; ұяшықты түзетіңіз.`,
    ru: `«${value}» в столбце «${h.ru}» — не ${t.ru}; исправьте ячейку.`,
  };
}

export function excelErrorMessage(column: ColumnDef, value: string): Localized {
  const h = column.labels;
  return {
    en: `${value} in column ${h.en} is an Excel error (a formula that failed), not a value; correct the formula or type the value.`,
    kk: `${h.kk} бағанындағы ${value} — Excel қатесі (формула есептелмеген), мән емес; формуланы түзетіңіз немесе мәнді жазыңыз.`,
    ru: `${value} в столбце «${h.ru}» — ошибка Excel (формула не вычислилась), а не значение; исправьте формулу или введите значение.`,
  };
}

/** A formula cell whose result the file does not hold (see UncomputedFormula): what Excel shows is unknown. */
export function uncomputedFormulaMessage(column: ColumnDef): Localized {
  const h = column.labels;
  return {
    en: `Column ${h.en} holds a formula whose result is not stored in the file (it was saved by a program that does not calculate formulas); open the file in Excel, or in LibreOffice with Data ▸ Calculate ▸ Recalculate Hard, save it and audit again.`,
    kk: `${h.kk} бағанында формула бар, бірақ формуланың нәтижесі файлда сақталмаған (файлды формулаларды есептемейтін бағдарлама сақтаған); файлды Excel-де немесе LibreOffice-те (Деректер ▸ Есептеу ▸ Шартсыз қайта есептеу) ашып сақтаңыз да, қайта тексеріңіз.`,
    ru: `Столбец «${h.ru}» содержит формулу, результат которой не сохранен в файле (файл сохранен программой, которая не вычисляет формулы); откройте файл в Excel или в LibreOffice (Данные ▸ Вычислить ▸ Безусловный пересчет), сохраните его и повторите проверку.`,
  };
}

export function constraintErrorMessage(column: ColumnDef, value: string): Localized {
  const min = column.min ?? 0;
  return {
    en: `${value} in column ${column.labels.en} is below the minimum ${min}; correct the cell.`,
    kk: `${column.labels.kk} бағанындағы ${value} ең кіші мәннен (${min}) кем; ұяшықты түзетіңіз.`,
    ru: `${value} в столбце «${column.labels.ru}» меньше минимума ${min}; исправьте ячейку.`,
  };
}

export function unknownValueMessage(column: ColumnDef, value: string): Localized {
  return {
    en: `"${value}" is not an allowed value of column ${column.labels.en}; use one of: ${allowedValues(column, 'en')}.`,
    kk: `"${value}" ${column.labels.kk} бағанының рұқсат етілген мәні емес; мыналардың бірін жазыңыз: ${allowedValues(column, 'kk')}.`,
    ru: `«${value}» — недопустимое значение столбца «${column.labels.ru}»; укажите одно из: ${allowedValues(column, 'ru')}.`,
  };
}

export function missingCellMessage(column: ColumnDef): Localized {
  return {
    en: `Required column ${column.labels.en} is empty; fill in ${TYPE_WORDS[column.type].en}.`,
    kk: `Міндетті ${column.labels.kk} бағаны бос; оны толтырыңыз (${TYPE_WORDS[column.type].kk}).`,
    ru: `Обязательный столбец «${column.labels.ru}» пуст; заполните его (${TYPE_WORDS[column.type].ru}).`,
  };
}

/**
 * A required cell that is empty because it lies inside merged cells: Excel shows the value of `first`
 * (`Құжаттар!A2`) across `range` (`A2:A11`), but only that cell holds it.
 */
export function mergedCellMessage(column: ColumnDef, range: string, first: string): Localized {
  return {
    en: `Required column ${column.labels.en} is empty here: the cell is inside the merged cells ${range}, and only ${first} holds the value shown; unmerge them and write the value in every row.`,
    kk: `Міндетті ${column.labels.kk} бағаны мұнда бос: ұяшық біріктірілген ${range} ұяшықтарының ішінде, көрсетілген мән тек ${first} ұяшығында; біріктіруді алып, мәнді әр жолға жазыңыз.`,
    ru: `Обязательный столбец «${column.labels.ru}» здесь пуст: ячейка входит в объединенные ячейки ${range}, и видимое значение хранится только в ${first}; отмените объединение и впишите значение в каждую строку.`,
  };
}

/** `sheetName` is the sheet's name as written in the workbook, so the user finds it under that name. */
export function missingColumnMessage(sheetName: string, headerRow: number, column: ColumnDef): Localized {
  return {
    en: `Required column ${column.labels.en} is missing from the header (row ${headerRow}) of sheet "${sheetName}"; add it (header "${column.labels.kk}", "${column.labels.ru}" or "${column.id}"). Checks that need it are not evaluated.`,
    kk: `"${sheetName}" парағының тақырып жолында (${headerRow}-жол) міндетті "${column.labels.kk}" бағаны жоқ; оны қосыңыз. Оны қажет ететін тексерулер орындалмайды.`,
    ru: `В заголовке листа «${sheetName}» (строка ${headerRow}) нет обязательного столбца «${column.labels.ru}»; добавьте его. Проверки, которым он нужен, не выполняются.`,
  };
}

export function duplicateKeyMessage(column: ColumnDef, value: string, firstRow: number): Localized {
  return {
    en: `${column.labels.en} "${value}" already appears in row ${firstRow}; give each row its own code or remove the duplicate.`,
    kk: `${column.labels.kk} "${value}" ${firstRow}-жолда бар; әр жолға бөлек код беріңіз немесе қайталануды жойыңыз.`,
    ru: `${column.labels.ru} «${value}» уже есть в строке ${firstRow}; дайте каждой строке свой код или удалите повтор.`,
  };
}

/**
 * `targetName` is the referenced sheet's name as written in the workbook. `twin`: a code on the referenced sheet that differs from `value` only in look-alike Cyrillic and Latin
 * letters (`Р-02` against `R-02`): the two read the same on the screen, so the message says which letters differ.
 */
export function foreignKeyMessage(column: ColumnDef, value: string, targetName: string, twin?: string): Localized {
  if (twin !== undefined) {
    const letters = differingLetters(value, twin);
    const script = scriptOf(letters[0] ?? value);
    const en = `${script} ${letters.join(', ')}`;
    const ru = `${script === 'Cyrillic' ? 'кириллическ' : 'латинск'}${letters.length === 1 ? 'ая' : 'ие'} ${letters.join(', ')}`;
    const kk = `${script === 'Cyrillic' ? 'кирилл' : 'латын'} әрпі ${letters.join(', ')}`;
    return {
      en: `${column.labels.en} "${value}" is not on sheet "${targetName}": it looks like "${twin}" there but is written with ${en}; type the code in one alphabet on both sheets.`,
      kk: `${column.labels.kk} "${value}" "${targetName}" парағында жоқ: ол ондағы "${twin}" сияқты көрінеді, бірақ ${kk} арқылы жазылған; кодты екі парақта да бір әліпбимен теріңіз.`,
      ru: `Кода «${value}» из столбца «${column.labels.ru}» нет на листе «${targetName}»: он выглядит как «${twin}» на том листе, но в нем ${ru}; наберите код на обоих листах одной раскладкой.`,
    };
  }
  return {
    en: `${column.labels.en} "${value}" is not on sheet "${targetName}"; add it there or correct the code.`,
    kk: `${column.labels.kk} "${value}" "${targetName}" парағында жоқ; оны сонда қосыңыз немесе кодты түзетіңіз.`,
    // "Кода … нет": the column's label (Группа, Код ребенка) cannot be declined in a template, the word "код" can.
    ru: `Кода «${value}» из столбца «${column.labels.ru}» нет на листе «${targetName}»; добавьте его туда или исправьте код.`,
  };
}

export function singleRowMessage(sheetName: string, count: number): Localized {
  return count === 0
    ? {
        en: `Sheet "${sheetName}" has no data row; fill in one row below the header.`,
        kk: `"${sheetName}" парағында деректер жолы жоқ; тақырыптың астына бір жол толтырыңыз.`,
        ru: `На листе «${sheetName}» нет строки данных; заполните одну строку под заголовком.`,
      }
    : {
        en: `Sheet "${sheetName}" must have exactly one data row but has ${count}; keep one row and delete the others.`,
        kk: `"${sheetName}" парағында дәл бір жол болуы керек, бірақ ${count} жол бар; біреуін қалдырып, қалғанын жойыңыз.`,
        ru: `На листе «${sheetName}» должна быть ровно одна строка данных, а их ${count}; оставьте одну, остальные удалите.`,
      };
}

/** " — did you mean «Дети»?" in each language; a full stop when nothing is close. */
function didYouMean(candidate: string | undefined): Localized {
  if (candidate === undefined) return { en: '.', kk: '.', ru: '.' };
  return { en: ` — did you mean «${candidate}»?`, kk: ` — «${candidate}» деп жазғыңыз келді ме?`, ru: ` — возможно, имелось в виду «${candidate}»?` };
}

/**
 * `notRead`: the header looks like an optional column the sheet lacks, so that column is not read as
 * empty and the rules reading it are not evaluated until the header is renamed.
 */
export function unknownColumnMessage(sheetName: string, headerText: string, duplicate: boolean, suggestion?: string, notRead = false): Localized {
  const hint = didYouMean(suggestion);
  if (notRead && suggestion !== undefined) {
    return {
      en: `Column "${headerText}" is not part of sheet "${sheetName}" and is ignored${hint.en} Until it is renamed, «${suggestion}» is not read as empty and the rules that read it are not evaluated. Rename it, or map it with --mapping.`,
      kk: `"${headerText}" бағаны "${sheetName}" парағына жатпайды және ескерілмейді${hint.kk} Аты өзгертілгенше «${suggestion}» бос деп оқылмайды, оны оқитын ережелер бағаланбайды. Атын өзгертіңіз немесе --mapping қолданыңыз.`,
      ru: `Столбец «${headerText}» не относится к листу «${sheetName}» и пропускается${hint.ru} Пока он не переименован, «${suggestion}» не читается как пустой, и правила, которые его читают, не оцениваются. Переименуйте его или укажите в --mapping.`,
    };
  }
  return duplicate
    ? {
        en: `Column "${headerText}" repeats a column already on sheet "${sheetName}"; only the first is read. Delete or rename the copy.`,
        kk: `"${headerText}" бағаны "${sheetName}" парағында қайталанады; тек біріншісі оқылады. Көшірмесін жойыңыз.`,
        ru: `Столбец «${headerText}» повторяет уже имеющийся на листе «${sheetName}»; читается только первый. Удалите копию.`,
      }
    : {
        en: `Column "${headerText}" is not part of sheet "${sheetName}" and is ignored${hint.en} Rename it, or map it with --mapping if it is one of the contract's columns.`,
        kk: `"${headerText}" бағаны "${sheetName}" парағына жатпайды және ескерілмейді${hint.kk} Келісімшарт бағаны болса, атын өзгертіңіз немесе --mapping қолданыңыз.`,
        ru: `Столбец «${headerText}» не относится к листу «${sheetName}» и пропускается${hint.ru} Если это столбец контракта, переименуйте его или укажите в --mapping.`,
      };
}

/** Two sheets with rows are one table of the contract: neither is read as the whole of it. */
export function duplicateSheetMessage(name: string, first: string): Localized {
  return {
    en: `Sheets "${first}" and "${name}" are the same table and both have rows; ereje reads one sheet per table, so the rules that read it are not evaluated. Move the rows of one into the other and delete it.`,
    kk: `"${first}" және "${name}" парақтары — бір кесте, екеуінде де жолдар бар; ereje әр кестеден бір парақ оқиды, сондықтан оны оқитын ережелер бағаланбайды. Бірінің жолдарын екіншісіне көшіріп, оны жойыңыз.`,
    ru: `Листы «${first}» и «${name}» — одна и та же таблица, и в обоих есть строки; ereje читает по одному листу на таблицу, поэтому правила, которые её читают, не оцениваются. Перенесите строки одного листа в другой и удалите его.`,
  };
}

export function unknownSheetMessage(name: string, duplicateOf: string | null, suggestion?: string): Localized {
  const hint = didYouMean(suggestion);
  return duplicateOf !== null
    ? {
        en: `Sheet "${name}" is a second ${duplicateOf} sheet and is ignored; merge it into the first one.`,
        kk: `"${name}" парағы екінші ${duplicateOf} парағы, ол ескерілмейді; біріншісіне біріктіріңіз.`,
        ru: `Лист «${name}» — второй лист ${duplicateOf}, он пропускается; объедините его с первым.`,
      }
    : {
        en: `Sheet "${name}" matches no sheet of the contract and is ignored${hint.en} Rename it, or map it with --mapping if it should be read.`,
        kk: `"${name}" парағы келісімшарттың ешбір парағына сәйкес келмейді және ескерілмейді${hint.kk} Оқылуы керек болса, атын өзгертіңіз немесе --mapping қолданыңыз.`,
        ru: `Лист «${name}» не соответствует ни одному листу контракта и пропускается${hint.ru} Если его нужно читать, переименуйте его или укажите в --mapping.`,
      };
}

/**
 * An optional column the sheet does not have, read as empty in every row (an empty cell means "none"
 * there). `shown` names the column as the workbook would: in the language of the sheet's other headers.
 */
export function absentColumnMessage(sheetName: string, shown: Localized, rows: number): Localized {
  return {
    en: `Column «${shown.en}» is absent from sheet «${sheetName}»: read as empty in ${rows === 1 ? 'its one row' : `all ${rows} rows`} (an empty cell means none here). Add the column if some rows have a value.`,
    kk: `«${sheetName}» парағында «${shown.kk}» бағаны жоқ: барлық ${rows} жолда бос деп оқылды (мұнда бос ұяшық «жоқ» дегенді білдіреді). Кейбір жолдарда мәні болса, бағанды қосыңыз.`,
    ru: `На листе «${sheetName}» нет столбца «${shown.ru}»: во всех строках (${rows}) он прочитан как пустой (пустая ячейка здесь означает «нет»). Если у каких-то строк есть значение, добавьте столбец.`,
  };
}

/** Rows above the header (a title, a date line): skipped, listed once. `first` … `last` are Excel rows. */
export function rowsAboveHeaderMessage(sheetName: string, first: number, last: number, headerRow: number): Localized {
  const rows = first === last ? String(first) : `${first}–${last}`;
  return {
    en: `Row${first === last ? '' : 's'} ${rows} of sheet «${sheetName}» ${first === last ? 'is' : 'are'} above the header (row ${headerRow}) and not read as data.`,
    kk: `«${sheetName}» парағының ${rows}-жол${first === last ? 'ы' : 'дары'} тақырып жолынан (${headerRow}-жол) жоғары, деректер ретінде оқылмайды.`,
    ru: `Строк${first === last ? 'а' : 'и'} ${rows} листа «${sheetName}» выше заголовка (строка ${headerRow}) и не чита${first === last ? 'е' : 'ю'}тся как данные.`,
  };
}

/** A `--mapping` name that no sheet or header of the workbook has: the mapping entry does nothing. */
export function unusedMappingMessage(theirs: string, where: string | null, suggestion?: string): Localized {
  const hint = didYouMean(suggestion);
  return where === null
    ? {
        en: `The --mapping file names sheet "${theirs}", which the workbook does not have${hint.en} Correct the name in the mapping file.`,
        kk: `--mapping файлында "${theirs}" парағы аталған, бірақ жұмыс кітабында ол жоқ${hint.kk} Маппинг файлындағы атауды түзетіңіз.`,
        ru: `В файле --mapping указан лист «${theirs}», которого нет в книге${hint.ru} Исправьте название в файле сопоставления.`,
      }
    : {
        en: `The --mapping file names column "${theirs}" of sheet "${where}", which the sheet's header does not have${hint.en} Correct the name in the mapping file.`,
        kk: `--mapping файлында "${where}" парағының "${theirs}" бағаны аталған, бірақ парақтың тақырыбында ол жоқ${hint.kk} Маппинг файлындағы атауды түзетіңіз.`,
        ru: `В файле --mapping указан столбец «${theirs}» листа «${where}», которого нет в заголовке листа${hint.ru} Исправьте название в файле сопоставления.`,
      };
}

export function blankHeaderMessage(): Localized {
  return {
    en: 'This column has data but no header, so it is ignored; write the column\'s name in the header row.',
    kk: 'Бағанда деректер бар, бірақ тақырыбы жоқ, сондықтан ол ескерілмейді; тақырып жолына бағанның атын жазыңыз.',
    ru: 'В столбце есть данные, но нет заголовка, поэтому он пропускается; впишите название столбца в строку заголовка.',
  };
}

export function periodOrderMessage(value: string): Localized {
  return {
    en: `The audit period ends (${value}) before it starts; correct period_from or period_to.`,
    kk: `Тексеру кезеңі (${value}) басталмай тұрып аяқталады; кезең басын немесе соңын түзетіңіз.`,
    ru: `Период проверки заканчивается (${value}) раньше, чем начинается; исправьте начало или конец периода.`,
  };
}
