// docs/workbook.md, generated from the sheet contract (`npm run docs`): what a facility's workbook must
// hold, sheet by sheet and column by column, with the enum values in kk/ru/en and what a sheet without an
// optional column means. A test fails when the committed file differs from what this writes.
import { typeWords } from '../ingest/messages.ts';
import { ENUMS } from './enums.ts';
import { HELP_SHEET_NAME, sheetById, WORKBOOK_SCHEMA } from './index.ts';
import type { ColumnDef, FacilityKind, SheetDef } from './types.ts';

const SHEETS = WORKBOOK_SCHEMA.sheets;
const KIND_NAMES: Readonly<Record<FacilityKind, string>> = { residential: 'residential', home_care: 'home care', day_care: 'day care' };
const KIND_COMMANDS: Readonly<Record<FacilityKind, string>> = { residential: 'residential', home_care: 'home-care', day_care: 'day-care' };

/** Text for a Markdown table cell: pipes escaped, no line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => cell(c) || ' ').join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function typeOf(column: ColumnDef): string {
  const base = column.type === 'enum' || column.type === 'list'
    ? `${column.type === 'list' ? 'list of ' : ''}[\`${column.enum}\`](#enum-${column.enum}) values${column.type === 'list' ? ', separated by `;` or `,`' : ''}`
    : typeWords(column.type).en;
  const extras = [
    column.min !== undefined ? `≥ ${column.min}` : '',
    column.unique ? 'unique' : '',
    column.references ? `a \`${column.references.sheet}.${column.references.column}\` of the ${sheetById(column.references.sheet)?.labels.en ?? column.references.sheet} sheet` : '',
  ].filter(Boolean);
  return [base, ...extras].join('; ');
}

/** What a sheet without the column means; the three answers are explained under "How a workbook is read". */
function whenAbsent(column: ColumnDef): string {
  if (column.required) return 'input error (`missing-column`)';
  return column.whenAbsent === 'empty' ? 'read as empty' : 'rules that read it: not evaluated';
}

function sheetSection(sheet: SheetDef): string {
  const kinds = sheet.kinds.map((k) => KIND_NAMES[k]).join(', ');
  const rows = sheet.columns.map((c) => [`\`${c.id}\``, c.labels.kk, c.labels.ru, typeOf(c), c.required ? 'yes' : '', c.help.en, whenAbsent(c)]);
  return [
    `<a id="${sheet.id}"></a>`,
    '',
    `### \`${sheet.id}\` — ${sheet.labels.kk} — ${sheet.labels.ru}`,
    '',
    `${sheet.help.en} In the templates of: ${kinds}.${sheet.register ? ' A register: present with no data row, it is taken as not filled in, and the rules that read it are not evaluated (an empty register passes nothing).' : ''}`,
    '',
    table(['column', 'Kazakh header', 'Russian header', 'type', 'required', 'what it holds', 'if the sheet lacks the column'], rows),
  ].join('\n');
}

function enumSection(id: string): string {
  const def = ENUMS.find((e) => e.id === id)!;
  const usedBy = SHEETS.flatMap((s) => s.columns.filter((c) => c.enum === id).map((c) => `\`${s.id}.${c.id}\``));
  return [
    `<a id="enum-${id}"></a>`,
    '',
    `### \`${id}\``,
    '',
    `Used by ${usedBy.join(', ')}. Write the code or any Kazakh, Russian or English label; reports show the first label of their language, JSON reports the code.`,
    '',
    table(['code', 'Kazakh', 'Russian', 'English'], def.values.map((v) => [`\`${v.code}\``, v.labels.kk.join(' / '), v.labels.ru.join(' / '), v.labels.en.join(' / ')])),
  ].join('\n');
}

export function workbookDoc(): string {
  const kinds = Object.keys(KIND_NAMES) as FacilityKind[];
  const sheetsByKind = table(
    ['sheet', 'Kazakh', 'Russian', ...kinds.map((k) => KIND_NAMES[k])],
    SHEETS.map((s) => [`[\`${s.id}\`](#${s.id})`, s.labels.kk, s.labels.ru, ...kinds.map((k) => (s.kinds.includes(k) ? '✓' : ''))]),
  );
  const enumIds = ENUMS.map((e) => e.id).filter((id) => SHEETS.some((s) => s.columns.some((c) => c.enum === id)));
  return `<!-- Generated from src/schema by \`npm run docs\`; do not edit by hand (a test fails when this file is stale). -->

# The facility workbook

What \`ereje audit\` reads: an \`.xlsx\` workbook with one sheet per table below, each with a header row and
one row per record. \`ereje template ${kinds.map((k) => KIND_COMMANDS[k]).join('|')} --lang kk|ru|en\` writes an empty
workbook with exactly these sheets and headers, and a help sheet (\`${HELP_SHEET_NAME.kk}\` / \`${HELP_SHEET_NAME.ru}\` / \`${HELP_SHEET_NAME.en}\`) that is skipped when the workbook is read.

## How a workbook is read

- **Names.** A sheet name or a header may be written in Kazakh, in Russian or as the canonical id
  (the English name below); case, repeated spaces, the kind of dash, \`ё\` or \`е\`, invisible zero-width characters and a trailing \`*\` or \`:\` do not matter, and a workbook may
  mix languages. A facility's own names can be mapped with \`--mapping FILE\`
  (\`{"sheets": {"Воспитанники": "children"}, "columns": {"children": {"Шифр": "child_id"}}}\`).
  A sheet or header that matches nothing is listed as a warning (\`unknown-sheet\`, \`unknown-column\`)
  with the closest contract name when one is close ("«Детти» — did you mean «Дети»?"). Two sheets
  that are one table (\`Балалар\` and \`Дети\`): one without rows is ignored (a warning); both with rows
  is a \`duplicate-sheet\` error, only the first is read, and the rules that read the table are not
  evaluated.
- **Header row.** The header is the row, among the first 10 non-empty rows of a sheet, that names the most
  contract columns. Rows above it (a title, a date line) are not data: they are listed once, as a
  \`rows-above-header\` note. Empty rows are skipped.
- **Required columns** (*input error* in the last column of the tables below). A required column the
  header lacks is one \`missing-column\` error for the sheet; the rules that need it are not evaluated,
  and the audit is *incomplete*.
- **Optional columns.** What a sheet without an optional column means is stated per column below:
  - *read as empty*: every row reads as if the cell were empty, because an empty cell means "none"
    (nobody left, no contraindication); one \`absent-column\` warning names the column;
  - *rules that read it: not evaluated*: an empty cell would itself be a finding (a regime, a licence
    not recorded) or means "not recorded" for something a rule judges (a child's group, a room's
    purpose), so those rules are not evaluated and the audit is *incomplete*.
- **Sheets.** A sheet that a rule in force needs but the workbook lacks makes that rule not evaluated,
  and the audit *incomplete* — never "compliant". A sheet that is there with a header and no rows
  means "no records" (no vehicles, no leaves). Without the facility sheet and its one row (the kind of
  facility and the audit period) no audit can be made at all.
- **Cells.** Each cell is read by its column's type; a value that does not fit is an input error
  naming the cell (\`Балалар!B12\`), and its row is kept out of every check. The codes and what to do
  about each are in [input-errors.md](input-errors.md). A date written as text may carry what exports
  add to it — a time (\`21.03.2010 0:00:00\`, \`2010-03-21T00:00:00\`) or the year mark \`г.\` / \`ж.\`;
  forms that could be read two ways (\`03/04/2010\`) are input errors.

| type | write |
|---|---|
${(['id', 'text', 'date', 'month', 'int', 'number', 'bool', 'enum', 'list'] as const).map((t) => `| ${t} | ${cell(typeWords(t).en)} |`).join('\n')}

## Sheets

${sheetsByKind}

${SHEETS.map(sheetSection).join('\n\n')}

## Enums

${enumIds.map(enumSection).join('\n\n')}
`;
}
