// The checker: validates parsed rule files against the workbook schema (the single source of truth for
// sheets, columns and enums) and against each other (imports, duplicate rule ids), and records each
// expression's type and what each rule reads. No I/O: imports resolve among the files given.
import { posix } from 'node:path';
import type { CheckedRuleFile, Diagnostic, Expr, LangType, RuleDecl, RuleFile, Span, TableDecl } from './ast.ts';
import type { EnumDef, SheetDef, WorkbookSchema } from '../schema/types.ts';
import { suggestion } from '../core/did-you-mean.ts';
import { q, reportInto, type Report } from './messages.ts';
import { sortDiagnostics } from './messages.ts';
import { type RuleScope } from './check-expr.ts';
import { checkNote, checkRule } from './check-rule.ts';
import { checkExample, checkTableValue } from './check-example.ts';
import { applyAmendments } from './amend.ts';
import { checkTimeline } from './timeline.ts';
import { importTarget } from './import-target.ts';

export interface CheckResult {
  readonly checked: CheckedRuleFile[];
  readonly diagnostics: Diagnostic[];
}

export interface SchemaIndex {
  readonly schema: WorkbookSchema;
  readonly sheets: ReadonlyMap<string, SheetDef>;
  readonly enums: ReadonlyMap<string, EnumDef>;
}

export function indexSchema(schema: WorkbookSchema): SchemaIndex {
  return { schema, sheets: new Map(schema.sheets.map((s) => [s.id, s])), enums: new Map(schema.enums.map((e) => [e.id, e])) };
}

const CLAUSE_ID = /^A(\d+)\.(\d+)(?:\.(\d+))?$/;

export function checkRuleFiles(files: readonly RuleFile[], schema: WorkbookSchema): CheckResult {
  const ix = indexSchema(schema);
  // Amendments are checked as the versions they make: the amended version with the changes applied.
  const amended = applyAmendments(files);
  const diagnostics: Diagnostic[] = [...amended.diagnostics, ...checkTimeline(files)];
  const byPath = new Map(files.map((f) => [posix.normalize(f.path), f]));
  const ruleIds = new Map<string, RuleDecl>();
  const rulesets = new Map<string, RuleFile>();
  const checked: CheckedRuleFile[] = [];
  for (const file of amended.files) {
    const fileDiagnostics: Diagnostic[] = [];
    const report = reportInto(fileDiagnostics);
    const rs = file.ruleset;
    if (rs) {
      const key = `${rs.id}@${rs.version}`;
      const other = rulesets.get(key);
      if (other) report(rs.span, 'duplicate-ruleset', `ruleset ${key} is also declared in ${other.path}`, `ruleset ${key} объявлен также в ${other.path}`, `ruleset ${key} ${other.path} файлында да жарияланған`);
      else rulesets.set(key, file);
      checkAppliesTo(ix, rs.appliesTo, rs.span, report);
      if (rs.note) checkNote(fileDiagnostics, rs.note, 'note');
      for (const d of [rs.inForce.from, rs.inForce.until]) if (d?.approximate) checkNote(fileDiagnostics, d.approximate, 'approximate');
    } else if (file.rules.length > 0) {
      report(file.rules[0].span, 'no-ruleset', "rules must be in a file that starts with a 'ruleset' header", "правила должны быть в файле с заголовком 'ruleset'", "ережелер 'ruleset' тақырыбы бар файлда болуы керек");
    }
    const tables = resolveTables(ix, file, byPath, report);
    for (const t of [...file.tables, ...file.tableChanges]) if (t.citation) checkNote(fileDiagnostics, t.citation, 'citation');
    const types = new Map<Expr, LangType>();
    const needs = new Map<string, { sheets: Set<string>; columns: Set<string>; tables: Set<string> }>();
    const annex = rulesetAnnex(file);
    for (const rule of file.rules) {
      const id = `${rs ? `${rs.id}@${rs.version}` : file.path}/${rule.name}`;
      const dup = ruleIds.get(id);
      if (dup) report(rule.span, 'duplicate-rule', `rule ${rule.name} is declared twice in ruleset ${rs?.id ?? ''} (first at ${dup.span.file}:${dup.span.line})`,
        `правило ${rule.name} объявлено дважды в ruleset ${rs?.id ?? ''} (впервые: ${dup.span.file}:${dup.span.line})`,
        `${rule.name} ережесі ${rs?.id ?? ''} ruleset ішінде екі рет жарияланған (алғашқысы: ${dup.span.file}:${dup.span.line})`);
      else ruleIds.set(id, rule);
      checkClause(rule, annex, rs?.id ?? null, report);
      const scope: RuleScope = {
        schema, sheets: ix.sheets, enums: ix.enums, tables, hasCalendar: Boolean(rs?.calendar), types,
        needs: { sheets: new Set(), columns: new Set(), tables: new Set() }, diagnostics: fileDiagnostics, resolved: new Set(),
      };
      checkRule(scope, rule);
      for (const ex of rule.examples) checkExample(scope, ex);
      needs.set(rule.name, scope.needs);
    }
    diagnostics.push(...fileDiagnostics);
    if (!fileDiagnostics.some((d) => d.severity === 'error')) checked.push({ file, types, needs, tables });
  }
  return { checked, diagnostics: sortDiagnostics(once(diagnostics)) };
}

/** Each problem once: a rule an amendment inherits is checked again in the amended version, at the same place. */
function once(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.span.file}\u0000${d.span.offset}\u0000${d.code}\u0000${d.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function checkAppliesTo(ix: SchemaIndex, kind: string, span: Span, report: Report): void {
  const kinds = ix.enums.get('kind');
  if (kinds && !kinds.values.some((v) => v.code === kind)) {
    const dym = suggestion(kind, kinds.values.map((v) => v.code));
    report(span, 'unknown-enum-value', `applies_to ${q(kind)} is not a facility kind${dym.en}`, `applies_to ${q(kind)} — не тип учреждения${dym.ru}`, `applies_to ${q(kind)} — мекеме түрі емес${dym.kk}`);
  }
}

/** The annex a ruleset's rules belong to: the one most of its clause ids name (they should all agree). */
export function rulesetAnnex(file: RuleFile): string | null {
  const counts = new Map<string, number>();
  for (const r of file.rules) {
    const m = CLAUSE_ID.exec(r.clause);
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [annex, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = annex;
  return best;
}

function checkClause(rule: RuleDecl, annex: string | null, ruleset: string | null, report: Report): void {
  const m = CLAUSE_ID.exec(rule.clause);
  if (!m) {
    report(rule.clauseSpan, 'bad-clause', `${q(rule.clause)} is not a clause id: write A<annex>.<point>[.<subpoint>], e.g. A1.30.5`,
      `${q(rule.clause)} — не номер пункта: пишите A<приложение>.<пункт>[.<подпункт>], например A1.30.5`,
      `${q(rule.clause)} — тармақ нөмірі емес: A<қосымша>.<тармақ>[.<тармақша>] деп жазыңыз, мысалы A1.30.5`);
  } else if (annex !== null && m[1] !== annex) {
    report(rule.clauseSpan, 'clause-annex', `clause ${rule.clause} is in annex ${m[1]}, but the rules of ruleset ${ruleset ?? ''} are in annex ${annex}`,
      `пункт ${rule.clause} из приложения ${m[1]}, а правила ruleset ${ruleset ?? ''} — из приложения ${annex}`,
      `${rule.clause} тармағы ${m[1]}-қосымшадан, ал ${ruleset ?? ''} ruleset ережелері ${annex}-қосымшадан`);
  }
}

/** Inline tables and imported ones, checked; imports resolve relative to the importing file. */
function resolveTables(ix: SchemaIndex, file: RuleFile, byPath: ReadonlyMap<string, RuleFile>, report: Report): Map<string, TableDecl> {
  const tables = new Map<string, TableDecl>();
  const add = (t: TableDecl, span: Span) => {
    if (tables.has(t.name)) report(span, 'duplicate-table', `table ${t.name} is declared twice`, `таблица ${t.name} объявлена дважды`, `${t.name} кестесі екі рет жарияланған`);
    else tables.set(t.name, t);
  };
  for (const t of file.tables) { checkTable(ix, t, report); add(t, t.span); }
  for (const imp of file.imports) {
    const target = importTarget(file, imp);
    const other = byPath.get(target);
    if (!other) {
      report(imp.span, 'unresolved-import', `there is no rule file '${target}' among the files checked`, `среди проверяемых файлов нет '${target}'`, `тексерілетін файлдар арасында '${target}' жоқ`);
      continue;
    }
    const t = other.tables.find((x) => x.name === imp.table);
    if (!t) {
      const dym = suggestion(imp.table, other.tables.map((x) => x.name));
      report(imp.span, 'unresolved-import', `${other.path} has no table ${q(imp.table)}${dym.en}`, `в ${other.path} нет таблицы ${q(imp.table)}${dym.ru}`, `${other.path} файлында ${q(imp.table)} кестесі жоқ${dym.kk}`);
      continue;
    }
    add(t, imp.span);
  }
  return tables;
}

function checkTable(ix: SchemaIndex, t: TableDecl, report: Report): void {
  const e = ix.enums.get(t.keyEnum);
  if (!e) {
    const dym = suggestion(t.keyEnum, ix.enums.keys());
    report(t.span, 'unknown-enum', `table ${t.name}: there is no list of codes ${q(t.keyEnum)}${dym.en}`, `таблица ${t.name}: нет списка кодов ${q(t.keyEnum)}${dym.ru}`, `${t.name} кестесі: ${q(t.keyEnum)} кодтар тізімі жоқ${dym.kk}`);
  }
  const seen = new Set<string>();
  for (const entry of t.entries) {
    if (seen.has(entry.key)) report(entry.span, 'duplicate-key', `key ${entry.key} appears twice in table ${t.name}`, `ключ ${entry.key} дважды в таблице ${t.name}`, `${entry.key} кілті ${t.name} кестесінде екі рет`);
    seen.add(entry.key);
    if (e && !e.values.some((v) => v.code === entry.key)) {
      const dym = suggestion(entry.key, e.values.map((v) => v.code));
      report(entry.span, 'unknown-enum-value', `${q(entry.key)} is not a ${t.keyEnum} code${dym.en}`, `${q(entry.key)} — не код из списка ${t.keyEnum}${dym.ru}`, `${q(entry.key)} — ${t.keyEnum} тізімінің коды емес${dym.kk}`);
    }
    if (entry.value) checkTableValue(t.valueType, entry.value, report);
  }
}
