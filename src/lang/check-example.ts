// Checking a rule's examples (sheets, columns, enum cells, dates, parameters) and parameter-table values.
import type { ExampleDecl, Expr, TableDecl } from './ast.ts';
import { parseDateText } from '../core/date.ts';
import { enumLabelIndex, normalizeLabel } from '../schema/index.ts';
import { column, knownSheet, type RuleScope } from './check-expr.ts';
import { suggestion } from '../core/did-you-mean.ts';
import { reportInto, q, type Report } from './messages.ts';

export function checkExample(s: RuleScope, ex: ExampleDecl): void {
  const report = reportInto(s.diagnostics);
  if (ex.auditPeriod.from > ex.auditPeriod.to) {
    report(ex.span, 'bad-period', `example "${ex.name}": the audit period ends before it starts`, `пример "${ex.name}": период проверки заканчивается раньше начала`, `"${ex.name}" мысалы: тексеру кезеңі басталмай тұрып аяқталады`);
  }
  for (const table of ex.tables) {
    const sheet = s.sheets.get(table.sheet);
    if (!sheet) { knownSheet(s, table.sheet, table.span); continue; }
    const cols = table.columns.map((c) => {
      const def = sheet.columns.find((x) => x.id === c);
      if (!def) column(s, table.sheet, c, table.span);
      return def;
    });
    const dupes = table.columns.filter((c, i) => table.columns.indexOf(c) !== i);
    for (const d of new Set(dupes)) report(table.span, 'duplicate-column', `column ${d} is listed twice`, `столбец ${d} указан дважды`, `${d} бағаны екі рет көрсетілген`);
    for (const row of table.rows) {
      if (row.length !== table.columns.length) {
        report(table.span, 'row-width', `${table.sheet}: a row has ${row.length} values but the table has ${table.columns.length} columns`,
          `${table.sheet}: в строке ${row.length} значений, а в таблице ${table.columns.length} столбцов`,
          `${table.sheet}: жолда ${row.length} мән бар, ал кестеде ${table.columns.length} баған`);
      }
      row.forEach((cell, i) => {
        const def = cols[i];
        if (!def || cell === null) return;
        const text = String(cell);
        if ((def.type === 'date') && parseDateText(text) === undefined) {
          report(table.span, 'bad-cell', `${table.sheet}.${def.id}: ${q(text)} is not a date (write 2010-03-21 or 21.03.2010)`,
            `${table.sheet}.${def.id}: ${q(text)} — не дата (пишите 2010-03-21 или 21.03.2010)`, `${table.sheet}.${def.id}: ${q(text)} күн емес (2010-03-21 немесе 21.03.2010 деп жазыңыз)`);
        }
        if (def.type === 'enum' && def.enum) {
          const e = s.enums.get(def.enum);
          // Read as a workbook's cell is read (case, spaces, dashes, ё/е…), so an example holds what a workbook may.
          const ok = e !== undefined && enumLabelIndex(e).has(normalizeLabel(text));
          if (e && !ok) {
            const dym = suggestion(text, e.values.map((v) => v.code));
            report(table.span, 'unknown-enum-value', `${table.sheet}.${def.id}: ${q(text)} is not a ${def.enum} code${dym.en}`,
              `${table.sheet}.${def.id}: ${q(text)} — не код из списка ${def.enum}${dym.ru}`, `${table.sheet}.${def.id}: ${q(text)} — ${def.enum} тізімінің коды емес${dym.kk}`);
          }
        }
      });
    }
  }
  for (const p of ex.params) {
    const t = s.tables.get(p.table);
    if (!t) {
      const dym = suggestion(p.table, s.tables.keys());
      report(ex.span, 'unknown-table', `example "${ex.name}": there is no table ${q(p.table)}${dym.en}`, `пример "${ex.name}": нет таблицы ${q(p.table)}${dym.ru}`, `"${ex.name}" мысалы: ${q(p.table)} кестесі жоқ${dym.kk}`);
      continue;
    }
    const e = s.enums.get(t.keyEnum);
    if (e && !e.values.some((v) => v.code === p.key)) {
      const dym = suggestion(p.key, e.values.map((v) => v.code));
      report(ex.span, 'unknown-enum-value', `example "${ex.name}": ${q(p.key)} is not a ${t.keyEnum} code${dym.en}`, `пример "${ex.name}": ${q(p.key)} — не код из списка ${t.keyEnum}${dym.ru}`, `"${ex.name}" мысалы: ${q(p.key)} — ${t.keyEnum} тізімінің коды емес${dym.kk}`);
    }
    if (p.value) checkTableValue(t.valueType, p.value, report);
  }
}

/** A table value is a plain constant of the table's value type. */
export function checkTableValue(valueType: TableDecl['valueType'], v: Expr, report: Report): void {
  const negNumber = v.kind === 'Unary' && v.op === '-' && v.operand.kind === 'Literal' && v.operand.type === 'number';
  const lit = v.kind === 'Literal' ? v : null;
  const ok = valueType === 'int' ? (lit?.type === 'number' && Number.isInteger(lit.value)) || negNumber
    : valueType === 'number' ? lit?.type === 'number' || negNumber
    : valueType === 'date' ? lit?.type === 'date'
    : valueType === 'bool' ? lit?.type === 'bool'
    : lit?.type === 'text';
  if (!ok) {
    const want = { int: ['a whole number', 'целое число', 'бүтін сан'], number: ['a number', 'число', 'сан'], date: ['a date like 2010-03-21', 'дата вида 2010-03-21', '2010-03-21 түріндегі күн'], bool: ['yes or no', 'yes или no', 'yes немесе no'], text: ['a text in quotes', 'текст в кавычках', 'тырнақшадағы мәтін'] }[valueType];
    report(v.span, 'bad-table-value', `this table holds ${valueType} values: write ${want[0]}, or _ if not filled in`, `в этой таблице значения ${valueType}: пишите ${want[1]} или _, если не заполнено`, `бұл кестеде ${valueType} мәндері: ${want[2]} жазыңыз, толтырылмаса _`);
  }
}
