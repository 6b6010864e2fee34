// One rule declaration → CompiledRule: case generator, requirement conditions, derived facts,
// subject, templates and evidence.
import type { Lang } from '../core/lang.ts';
import type { Expr, LocalizedNote, LocalizedTemplate, RuleDecl } from '../lang/ast.ts';
import { textIn, textsOf } from '../lang/texts.ts';
import { columnName } from '../schema/index.ts';
import type { WorkbookSchema } from '../schema/types.ts';
import { ConditionCompiler, factOperand } from './conditions.ts';
import { displayValue, enumValueLabel } from './display.ts';
import { ExprCompiler } from './expr.ts';
import { formatExpr } from '../lang/format-expr.ts';
import { rowLookups } from './lookups.ts';
import { mentions, slotOf, walk, walkChildren } from './scope.ts';
import { compileSteps } from './steps.ts';
import type { Case, CompiledRequirement, CompiledRule, ExprFn, Runtime } from './types.ts';
import { Item, RowRef, isEmptyValue, type Value } from './values.ts';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\}/g;

function keyColumnOf(schema: WorkbookSchema, sheet: string): string | null {
  const def = schema.sheets.find((s) => s.id === sheet);
  if (sheet === 'facility') return 'facility_id';
  return def?.columns.find((c) => c.unique)?.id ?? null;
}

export function compileRule(rulesetId: string, decl: RuleDecl, exprs: ExprCompiler, schema: WorkbookSchema): CompiledRule {
  const { scope, generate } = compileSteps(decl.steps, exprs, new Map());
  const conds = new ConditionCompiler(exprs, scope);
  const requirements: CompiledRequirement[] = [];
  const requirementText = new Map<string | null, string>();
  const leafFacts = new Map<string | null, string[]>();
  const reqExprs: Expr[] = [];
  if (decl.require.kind === 'single') {
    requirements.push({ item: null, conditions: conds.top(decl.require.condition) });
    reqExprs.push(decl.require.condition);
  } else {
    for (const en of decl.require.entries) {
      const c = conds.condition(en.condition);
      const conditions = en.guard ? { any: [{ not: conds.condition(en.guard) }, c] } : { all: [c] };
      requirements.push({ item: en.item, conditions });
      reqExprs.push(en.condition);
      if (en.guard) reqExprs.push(en.guard);
    }
  }
  for (const [i, r] of requirements.entries()) {
    const e = decl.require.kind === 'single' ? decl.require.condition : decl.require.entries[i]!.condition;
    requirementText.set(r.item, formatExpr(e));
    const leaves: string[] = [];
    collectLeaves(r.conditions, leaves);
    leafFacts.set(r.item, [...new Set(leaves)]);
  }

  // Subject: explicit, else the `for` row's key, else the list value, else the facility.
  const firstFor = decl.steps.find((s) => s.kind === 'For');
  let subjectFn: ExprFn | null = decl.subject ? exprs.compile(decl.subject, scope) : null;
  const subjectIsDate = decl.subject ? exprs.isDate(decl.subject, scope) : false;
  if (!subjectFn && firstFor?.kind === 'For') {
    const v = firstFor.variable;
    const slot = slotOf(scope, v);
    if (firstFor.source.kind === 'list') subjectFn = (env) => env[slot] ?? null;
    else {
      const key = keyColumnOf(schema, firstFor.source.sheet);
      if (key) subjectFn = (env) => { const r = env[slot]; return r instanceof RowRef ? r.field(key) : null; };
    }
  }
  // A subject that is an enum code (`for s in [spring_summer, autumn_winter]`): reports show its label.
  // A name is typed by what it is bound to (the checker may have left the name itself untyped).
  const subjectName = decl.subject?.kind === 'Name' ? decl.subject.name
    : !decl.subject && firstFor?.kind === 'For' && firstFor.source.kind === 'list' ? firstFor.variable : null;
  const subjectType = subjectName !== null ? exprs.typeOf({ kind: 'Name', name: subjectName, span: decl.span }, scope)
    : decl.subject ? exprs.typeOf(decl.subject, scope) : null;
  const subjectEnumOf = (): string | null => (subjectType?.t === 'enum' ? subjectType.enum : null);
  const subjectOf = (c: Case, rt: Runtime): string => {
    const v = subjectFn ? subjectFn(c.env, rt) : null;
    if (!isEmptyValue(v)) return displayValue(v, 'en', subjectIsDate);
    return String(rt.facility.field('facility_id') ?? '');
  };

  // Placeholders, resolved once against the final scope.
  const resolvers = new Map<string, Resolver | null>();
  const resolver = (name: string) => {
    if (resolvers.has(name)) return resolvers.get(name)!;
    const [obj, field] = name.split('.');
    let r: Resolver | null = null;
    if (scope.has(obj!) || ['as_of', 'audit_period', 'facility'].includes(obj!)) {
      const e: Expr = field ? { kind: 'Field', object: obj!, field, span: decl.span } : { kind: 'Name', name: obj!, span: decl.span };
      const t = exprs.typeOf(e, scope);
      const enumId = t?.t === 'enum' ? t.enum : t?.t === 'list' && t.of.t === 'enum' ? t.of.enum : null;
      r = { fn: exprs.compile(e, scope), isDate: t?.t === 'date', enumId };
    }
    resolvers.set(name, r);
    return r;
  };
  const enumText = (enumId: string, v: Value, lang: Lang): string =>
    typeof v === 'string' && v !== '' ? enumValueLabel(schema, enumId, v, lang) : displayValue(v, lang, false);
  /** A value as people read it: an enum code (or a list of them) as its label, an item as its label. */
  const shown = (v: Value, r: Resolver, lang: Lang): string => {
    if (v instanceof Item) return itemText(v.label, lang);
    if (r.enumId !== null && Array.isArray(v) && v.length > 0) return v.map((x) => enumText(r.enumId!, x, lang)).join(', ');
    if (r.enumId !== null) return enumText(r.enumId, v, lang);
    return displayValue(v, lang, r.isDate);
  };
  const renderIn = (t: LocalizedTemplate | null, lang: Lang, c: Case, rt: Runtime, extra: Readonly<Record<string, string>>): string | null => {
    if (!t) return null;
    const text = textIn(t, lang) ?? '';
    let out = '';
    for (const part of templateParts(text)) {
      if (typeof part === 'string') { out += part; continue; }
      const name = part.name;
      if (Object.hasOwn(extra, name)) { out += extra[name]!; continue; }
      const r = resolver(name);
      out += r ? shown(r.fn(c.env, rt), r, lang) : part.whole;
    }
    return out;
  };
  // Item codes (`pmpk_conclusion`, a contract-term column, a checklist entry) read as labels in every language.
  const needs = needsOf(decl);
  const labelled = new Map(decl.itemLabels.map((l) => [l.name, l.label]));
  // The enum of each value a literal `each item` list names, as the checker typed it.
  const itemEnums = new Map<string, string>();
  for (const step of decl.steps) {
    if (step.kind !== 'Items' || step.items.kind !== 'literal') continue;
    for (const en of step.items.entries) for (const alt of en.alternatives) {
      const t = exprs.typeOf(alt, scope);
      if (alt.kind === 'Name' && t?.t === 'enum') itemEnums.set(alt.name, t.enum);
    }
  }
  const itemLabels = new Map<string, string>();
  const itemLabel = (code: string, lang: Lang): string => {
    const key = `${lang}:${code}`;
    let label = itemLabels.get(key);
    if (label === undefined) {
      label = labelOfItem(schema, code, lang, labelled.get(code), itemEnums.get(code), needs.sheets) ?? code;
      itemLabels.set(key, label);
    }
    return label;
  };
  const itemText = (item: string, lang: Lang): string => {
    if (item === '') return item;
    const or = { kk: ' немесе ', ru: ' или ', en: ' or ' }[lang];
    return item.split('/').map((part) => part.split('|').map((code) => itemLabel(code, lang)).join(or)).join(' / ');
  };
  for (const t of [decl.message, decl.expected, decl.actual]) {
    for (const text of t ? [...Object.values(t.texts), t.all ?? ''] : []) for (const m of text.matchAll(PLACEHOLDER)) resolver(m[1]!);
  }

  // Evidence: the rows the case is about, with the columns the requirement reads.
  const columnsOf = new Map<string, string[]>();
  const aggregateSheets = new Set<string>();
  const letExprs = new Map(decl.steps.flatMap((s) => (s.kind === 'Let' ? [[s.name, s.value] as const] : [])));
  const seen = new Set<string>();
  const scan = (e: Expr): void => walk(e, (x) => {
    if (x.kind === 'Field' && scope.get(x.object)?.kind !== 'let') {
      const cols = columnsOf.get(x.object) ?? [];
      if (!cols.includes(x.field)) cols.push(x.field);
      columnsOf.set(x.object, cols);
    }
    if (x.kind === 'Name' && letExprs.has(x.name) && !seen.has(x.name)) { seen.add(x.name); scan(letExprs.get(x.name)!); }
  });
  reqExprs.forEach(scan);
  // A record the requirement looks for directly (`exists(…)`, `count(…) >= 1`) is evidence about its sheet.
  for (const e of reqExprs) walk(e, (x) => { if (x.kind === 'Aggregate') aggregateSheets.add(x.sheet); });
  const slots = [...scope].map(([name, b]) => [name, b.slot] as const).sort((a, b) => a[1] - b[1]);
  const usesFacility = reqExprs.some((e) => mentions(e, 'facility'));
  const subjectField = decl.subject?.kind === 'Field' ? decl.subject : null;
  const aggregateSheetList = [...aggregateSheets].sort();
  const evidenceColumns = (name: string, sheet: string): readonly string[] => {
    const cols = columnsOf.get(name) ?? [];
    if (cols.length > 0) return cols;
    const k = subjectField?.object === name ? subjectField.field : keyColumnOf(schema, sheet);
    return k ? [k] : [];
  };
  const addEvidence = (out: { sheet: string; row?: number; column?: string }[], sheetsWithRows: string[], name: string, ref: RowRef): void => {
    if (!ref.row) return;
    if (!sheetsWithRows.includes(ref.sheet)) sheetsWithRows.push(ref.sheet);
    const cols = evidenceColumns(name, ref.sheet);
    if (cols.length === 0) out.push({ sheet: ref.sheet, row: ref.row.excelRow });
    for (const column of cols) out.push({ sheet: ref.sheet, row: ref.row.excelRow, column });
  };
  const evidenceOf = (c: Case, rt: Runtime) => {
    const out: { sheet: string; row?: number; column?: string }[] = [];
    const sheetsWithRows: string[] = [];
    for (const [name, slot] of slots) { const v = c.env[slot]; if (v instanceof RowRef) addEvidence(out, sheetsWithRows, name, v); }
    if (usesFacility) addEvidence(out, sheetsWithRows, 'facility', rt.facility);
    for (const sheet of aggregateSheetList) if (!sheetsWithRows.includes(sheet)) out.push({ sheet });
    return out;
  };

  const rule: CompiledRule = {
    id: `${rulesetId}/${decl.name}`,
    name: decl.name,
    clause: decl.clause,
    severity: decl.severity,
    scope: { kind: decl.scope.kind, text: textsOf(decl.scope.text) },
    quote: decl.quote,
    note: textsOf(decl.note),
    subjectEnum: subjectEnumOf(),
    needs,
    rowLookups: rowLookups(decl, reqExprs, exprs, scope),
    requirements,
    facts: conds.facts,
    factTypes: new Map([...conds.factExprs].map(([n, e]) => [n, exprs.typeOf(e, scope)])),
    generateCases: generate,
    subjectOf,
    renderIn,
    itemText,
    templates: { message: decl.message, expected: decl.expected, actual: decl.actual },
    evidenceOf,
    requirementText,
    leafFacts,
  };
  return rule;
}

interface Resolver { readonly fn: ExprFn; readonly isDate: boolean; readonly enumId: string | null }

/**
 * How the texts name one item: the rule's own `item` label, else the label of the enum value it is (the
 * enum the checker typed it as, else any enum holding the code), else the name of a column of the sheets
 * the rule reads. Kazakh and Russian quote a label, a name in the sentence (`нет условия «ответственность
 * сторон»`); English reads it as a noun phrase (`lacks the PMPK conclusion`). Null: nothing names it.
 */
function labelOfItem(schema: WorkbookSchema, code: string, lang: Lang, own: LocalizedNote | undefined, enumId: string | undefined, sheets: readonly string[]): string | null {
  const quoted = (label: string) => (lang === 'en' ? label : `«${label}»`);
  if (own) return textIn(own, lang);
  if (!/^[a-z][a-z0-9_]{2,}$/.test(code)) return null;
  const values = enumId === undefined ? schema.enums.flatMap((e) => e.values) : schema.enums.find((e) => e.id === enumId)?.values ?? [];
  const value = values.find((v) => v.code === code);
  if (value) return quoted(value.labels[lang][0] ?? code);
  const ordered = [...schema.sheets].sort((x, y) => Number(!sheets.includes(x.id)) - Number(!sheets.includes(y.id)));
  for (const sh of ordered) {
    if (!sh.columns.some((c) => c.id === code)) continue;
    const column = sh.columns.find((c) => c.id === code)!;
    return quoted(lang === 'en' ? columnName(sh.id, code, 'en') : midSentence(column.labels[lang]));
  }
  return null;
}

type TemplatePart = string | { readonly name: string; readonly whole: string };
const templatePartsCache = new Map<string, readonly TemplatePart[]>();

/** A column header (`Дәрігер қорытындысы`) inside a sentence; an acronym (`ПМПК …`) keeps its case. */
function midSentence(label: string): string {
  const [a, b] = [...label];
  return a !== undefined && b !== undefined && b === b.toLowerCase() && b !== b.toUpperCase() ? a.toLowerCase() + label.slice(a.length) : label;
}

/** A template text split once into literal text and `{name}` placeholders (findings render thousands of times). */
function templateParts(text: string): readonly TemplatePart[] {
  let parts = templatePartsCache.get(text);
  if (parts) return parts;
  const out: TemplatePart[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ name: m[1]!, whole: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  parts = out;
  templatePartsCache.set(text, parts);
  return parts;
}

function collectLeaves(c: unknown, out: string[]): void {
  const o = c as Record<string, unknown>;
  if (Array.isArray(o.all)) o.all.forEach((x) => collectLeaves(x, out));
  else if (Array.isArray(o.any)) o.any.forEach((x) => collectLeaves(x, out));
  else if (o.not) collectLeaves(o.not, out);
  else if (typeof o.fact === 'string') {
    out.push(o.fact);
    const other = factOperand(o.value);
    if (other !== null) out.push(other);
  }
}

/** Sheets and columns a rule reads, following which sheet each variable ranges over. */
function needsOf(decl: RuleDecl): CompiledRule['needs'] {
  const sheets = new Set<string>();
  const looksUp = new Set<string>();
  const columns = new Map<string, { sheet: string; column: string }>();
  const visit = (e: Expr, vars: ReadonlyMap<string, string>): void => {
    switch (e.kind) {
      case 'Field': {
        const sheet = vars.get(e.object) ?? (e.object === 'facility' ? 'facility' : null);
        if (sheet) { sheets.add(sheet); columns.set(`${sheet}.${e.field}`, { sheet, column: e.field }); }
        return;
      }
      case 'Aggregate': {
        sheets.add(e.sheet);
        looksUp.add(e.sheet);
        const inner = new Map(vars).set(e.variable, e.sheet);
        if (e.where) visit(e.where, inner);
        if (e.select) visit(e.select, inner);
        return;
      }
      default: {
        const kids: Expr[] = [];
        walkChildren(e, kids);
        kids.forEach((k) => visit(k, vars));
      }
    }
  };
  // Steps that choose the cases: the sheets they go through or look rows up in decide which cases exist.
  const makesCases = new Set<string>();
  const chooses = (e: Expr, vars: ReadonlyMap<string, string>) => { visit(e, vars); walk(e, (x) => { if (x.kind === 'Aggregate') makesCases.add(x.sheet); }); };
  let vars = new Map<string, string>();
  for (const s of decl.steps) {
    if (s.kind === 'For') { if (s.source.kind === 'sheet') { sheets.add(s.source.sheet); makesCases.add(s.source.sheet); vars = new Map(vars).set(s.variable, s.source.sheet); } else { chooses(s.source.expr, vars); vars = new Map(vars); vars.delete(s.variable); } }
    else if (s.kind === 'Join') { sheets.add(s.sheet); makesCases.add(s.sheet); vars = new Map(vars).set(s.variable, s.sheet); chooses(s.on, vars); }
    else if (s.kind === 'Where') chooses(s.condition, vars);
    else if (s.kind === 'Let') {
      visit(s.value, vars);
      // `let k = first(contracts x where …)` binds a row: `k.periodicity` reads a column of contracts.
      if (s.value.kind === 'Aggregate' && s.value.fn === 'first' && s.value.select === null) vars = new Map(vars).set(s.name, s.value.sheet);
    }
    else if (s.kind === 'Dated') visit(s.date, vars);
    else if (s.kind === 'Per') {
      chooses(s.within, vars);
      for (const x of s.except) { sheets.add(x.sheet); looksUp.add(x.sheet); const inner = new Map(vars).set(x.variable, x.sheet); if (x.where) visit(x.where, inner); visit(x.during, inner); }
    } else if (s.kind === 'Items') {
      if (s.items.kind === 'expr') chooses(s.items.expr, vars);
      else for (const en of s.items.entries) { en.alternatives.forEach((a) => chooses(a, vars)); if (en.guard) chooses(en.guard, vars); }
    }
  }
  const caseColumns = [...columns.values()];
  if (decl.require.kind === 'single') visit(decl.require.condition, vars);
  else for (const en of decl.require.entries) { visit(en.condition, vars); if (en.guard) visit(en.guard, vars); }
  if (decl.subject) visit(decl.subject, vars);
  const bySheetColumn = (a: { sheet: string; column: string }, b: { sheet: string; column: string }) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.column < b.column ? -1 : a.column > b.column ? 1 : 0;
  return { sheets: [...sheets].sort(), columns: [...columns.values()].sort(bySheetColumn), caseColumns: caseColumns.sort(bySheetColumn), looksUp: [...looksUp].sort(), makesCases: [...makesCases].sort() };
}

