// CST → AST for declarations: ruleset header, imports, tables, rules, examples. Structural rules that
// the grammar leaves open (each field once, required fields, the order of a rule's parts) are checked here.
import type { CstNode, IToken } from 'chevrotain';
import type {
  ActDecl, Comment, DateStamp, ExampleDecl, ExampleExpectation, ExampleTable, Expr, ImportDecl, ItemEntry, ItemLabel,
  LocalizedNote, LocalizedTemplate, LocalizedText, PerStep, RepealDecl, Requirement, RuleChange, RuleDecl, RuleFile, RulePart, RulesetDecl,
  ScopeKind, Severity, Span, Step, TableChange, TableDecl,
} from './ast.ts';
import { buildExpr, checkIsoDate, node, nodes, tok, toks, unquote, firstChild, type BuildContext } from './build-expr.ts';
import { spanBetween } from './span.ts';

const SEVERITIES: readonly Severity[] = ['critical', 'major', 'minor', 'info'];
const SCOPES: readonly ScopeKind[] = ['deadline', 'periodic', 'state', 'record'];
const VALUE_TYPES: readonly TableDecl['valueType'][] = ['int', 'number', 'date', 'text', 'bool'];

export function buildFile(cx: BuildContext, cst: CstNode, path: string, comments: readonly Comment[], text: string): RuleFile {
  const rulesets = nodes(cst, 'rulesetDecl');
  for (const extra of rulesets.slice(1)) {
    cx.report(spanBetween(cx.file, extra), 'duplicate-ruleset', 'a file holds one ruleset; this is a second one',
      'в файле может быть только один ruleset; это второй', 'бір файлда бір ғана ruleset болады; бұл екіншісі');
  }
  const end = Math.max(0, text.length - 1);
  return {
    kind: 'RuleFile',
    path,
    ruleset: rulesets[0] ? buildRuleset(cx, rulesets[0]) : null,
    imports: nodes(cst, 'importDecl').map((n) => buildImport(cx, n)),
    tables: nodes(cst, 'tableDecl').map((n) => buildTable(cx, n)),
    rules: nodes(cst, 'ruleDecl').map((n) => buildRule(cx, n).rule),
    changes: nodes(cst, 'changeDecl').filter((n) => tok(n, 'Kw_rule')).map((n) => buildRuleChange(cx, n)),
    tableChanges: nodes(cst, 'changeDecl').filter((n) => tok(n, 'Kw_table')).map((n) => buildTableChange(cx, n)),
    repeals: nodes(cst, 'repealDecl').map((n) => buildRepeal(cx, n)),
    comments,
    span: { file: path, line: 1, col: 1, endLine: text.slice(0, end).split('\n').length, endCol: 1, offset: 0, length: text.length },
  };
}

// ------------------------------------------------------------------ helpers

function localized(n: CstNode): LocalizedText {
  const out: Record<string, string> = {};
  for (const lt of nodes(n, 'langText')) {
    const lang = firstChild(lt)!.el as IToken;
    out[lang.image] = unquote(tok(lt, 'StringLit')!);
  }
  return out;
}

function dateStamp(cx: BuildContext, n: CstNode): DateStamp {
  const approx = node(n, 'approximate');
  const iso = tok(n, 'IsoDate')!.image;
  checkIsoDate(cx, tok(n, 'IsoDate')!);
  return approx ? { iso, approximate: template(cx, approx), span: spanBetween(cx.file, n) } : { iso, span: spanBetween(cx.file, n) };
}

/** Reports the second and later occurrences of a field that may be given once. */
function once(cx: BuildContext, seen: Map<string, IToken>, kw: IToken): void {
  if (seen.has(kw.image)) {
    cx.report(spanBetween(cx.file, kw), 'duplicate-field', `'${kw.image}' is given twice; keep one`,
      `'${kw.image}' указано дважды; оставьте одно`, `'${kw.image}' екі рет берілген; біреуін қалдырыңыз`);
  }
  seen.set(kw.image, kw);
}

function missing(cx: BuildContext, span: Span, what: string, where: string): void {
  cx.report(span, 'missing-field', `${where} has no '${what}'; add it`, `в ${where} нет '${what}'; добавьте его`, `${where} ішінде '${what}' жоқ; оны қосыңыз`);
}

function keywordOf(n: CstNode): IToken {
  return firstChild(n)!.el as IToken;
}

// ------------------------------------------------------------------ ruleset

function buildRuleset(cx: BuildContext, n: CstNode): RulesetDecl {
  const span = spanBetween(cx.file, n);
  const seen = new Map<string, IToken>();
  let title: LocalizedText = {};
  let appliesTo = '';
  let act: ActDecl | null = null;
  let inForce: RulesetDecl['inForce'] = { from: null, until: null };
  const amends: string[] = [];
  const supersedes: string[] = [];
  let source: string | null = null;
  let calendar: string | null = null;
  let note: LocalizedNote | null = null;
  for (const f of nodes(n, 'rulesetField')) {
    const sub = node(f, 'actBlock') ?? node(f, 'inForce');
    const kw = sub ? keywordOf(sub) : keywordOf(f);
    if (kw.image !== 'amends' && kw.image !== 'supersedes') once(cx, seen, kw);
    const str = tok(f, 'StringLit');
    switch (kw.image) {
      case 'title': title = localized(node(f, 'localized')!); break;
      case 'applies_to': appliesTo = tok(f, 'Identifier')!.image; break;
      case 'act': act = buildAct(cx, sub!); break;
      case 'in_force': {
        const from = node(sub!, 'from');
        const until = node(sub!, 'until');
        inForce = { from: from ? dateStamp(cx, from) : null, until: until ? dateStamp(cx, until) : null };
        break;
      }
      case 'amends': amends.push(unquote(str!)); break;
      case 'supersedes': supersedes.push(unquote(str!)); break;
      case 'source': source = unquote(str!); break;
      case 'calendar': calendar = tok(f, 'Identifier')!.image; break;
      case 'note': note = template(cx, node(f, 'note')!); break;
    }
  }
  const where = 'the ruleset header';
  const base = baseRef(cx, tok(n, 'base'));
  // An amendment keeps the title and the kind of facility of the version it amends, unless it says otherwise.
  if (!seen.has('title') && !tok(n, 'base')) missing(cx, span, 'title', where);
  if (!seen.has('applies_to') && !tok(n, 'base')) missing(cx, span, 'applies_to', where);
  if (!act) missing(cx, span, 'act', where);
  if (tok(n, 'base') && inForce.from === null) {
    cx.report(span, 'missing-field', "an amendment needs 'in_force from': the day the amending order takes effect",
      "поправке нужно 'in_force from': день, когда вносящий изменения приказ вступает в силу",
      "өзгеріске 'in_force from' керек: өзгеріс енгізетін бұйрық күшіне енетін күн");
  }
  const emptyDate: DateStamp = { iso: '', span };
  return {
    kind: 'RulesetDecl', id: tok(n, 'RuleName')!.image, version: unquote(tok(n, 'StringLit')!), title, appliesTo,
    act: act ?? { issuer: {}, number: '', date: emptyDate, registration: null, registeredOn: null, title: {}, span },
    inForce, amends, base, supersedes, source, calendar, note, span,
  };
}

/** `amends "residential@2009-240-o"` after the version: the ruleset version an amendment changes. */
function baseRef(cx: BuildContext, t: IToken | undefined): RulesetDecl['base'] {
  if (!t) return null;
  const ref = unquote(t);
  const m = /^([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)@(.+)$/.exec(ref);
  const span = spanBetween(cx.file, t);
  if (!m) {
    cx.report(span, 'bad-amends', `write the version amended as "ruleset@version", e.g. "residential@2009-240-o"`,
      `пишите изменяемую версию как "ruleset@версия", например "residential@2009-240-o"`,
      `өзгертілетін нұсқаны "ruleset@нұсқа" түрінде жазыңыз, мысалы "residential@2009-240-o"`);
    return null;
  }
  return { id: m[1]!, version: m[2]!, span };
}

function buildAct(cx: BuildContext, n: CstNode): ActDecl {
  const span = spanBetween(cx.file, n);
  const seen = new Map<string, IToken>();
  let issuer: LocalizedText = {};
  let title: LocalizedText = {};
  let number = '';
  let date: DateStamp | null = null;
  let registration: string | null = null;
  let registeredOn: DateStamp | null = null;
  for (const f of nodes(n, 'actField')) {
    const kw = keywordOf(f);
    once(cx, seen, kw);
    switch (kw.image) {
      case 'issuer': issuer = localized(node(f, 'localized')!); break;
      case 'title': title = localized(node(f, 'localized')!); break;
      case 'number': number = unquote(tok(f, 'StringLit')!); break;
      case 'date': date = dateStamp(cx, node(f, 'dateStamp')!); break;
      case 'registration': {
        registration = unquote(tok(f, 'StringLit')!);
        const on = node(f, 'registeredOn');
        registeredOn = on ? dateStamp(cx, on) : null;
        break;
      }
    }
  }
  if (!seen.has('number')) missing(cx, span, 'number', "the 'act' block");
  if (!date) missing(cx, span, 'date', "the 'act' block");
  return { issuer, number, date: date ?? { iso: '', span }, registration, registeredOn, title, span };
}

function buildImport(cx: BuildContext, n: CstNode): ImportDecl {
  return { kind: 'ImportDecl', table: tok(n, 'Identifier')!.image, from: unquote(tok(n, 'StringLit')!), span: spanBetween(cx.file, n) };
}

function buildTable(cx: BuildContext, n: CstNode): TableDecl {
  const span = spanBetween(cx.file, n);
  const vt = tok(n, 'valueType')!;
  if (!(VALUE_TYPES as readonly string[]).includes(vt.image)) {
    cx.report(spanBetween(cx.file, vt), 'bad-value-type', `'${vt.image}' is not a value type: use int, number, date, text or bool`,
      `'${vt.image}' — не тип значения: используйте int, number, date, text или bool`,
      `'${vt.image}' мән түрі емес: int, number, date, text немесе bool қолданыңыз`);
  }
  const citations = nodes(n, 'citation');
  const quotes = toks(n, 'quote');
  for (const extra of [...citations.slice(1), ...quotes.slice(1)]) {
    cx.report(spanBetween(cx.file, extra), 'duplicate-field', 'given twice in this table; keep one', 'указано дважды в этой таблице; оставьте одно', 'бұл кестеде екі рет берілген; біреуін қалдырыңыз');
  }
  return {
    kind: 'TableDecl', name: tok(n, 'name')!.image, keyEnum: tok(n, 'keyEnum')!.image, valueType: vt.image as TableDecl['valueType'],
    citation: citations[0] ? template(cx, citations[0]) : null, quote: quotes[0] ? unquote(quotes[0]) : null,
    entries: nodes(n, 'tableEntry').map((e) => ({ key: tok(e, 'Identifier')!.image, value: valueOrBlank(cx, node(e, 'valueOrBlank')!), span: spanBetween(cx.file, e) })),
    span,
  };
}

function valueOrBlank(cx: BuildContext, n: CstNode): Expr | null {
  const e = node(n, 'expression');
  return e ? buildExpr(cx, e) : null;
}

// ------------------------------------------------------------------ rules

/** Parts of a rule in the order they must appear; parts of one phase may come in any order. */
const PHASE: Record<string, number> = {
  clause: 0, severity: 0, scope: 0, quote: 0, note: 0,
  for: 1, join: 1, where: 1, let: 1, per: 1, each: 1, dated: 1,
  require: 2, subject: 3, item: 3, expected: 3, actual: 3, message: 3, example: 4,
};

/** Which parts of a rule were written (steps and examples as a whole). */
function partsGiven(seen: ReadonlyMap<string, IToken>, steps: number, examples: number): RulePart[] {
  const parts: RulePart[] = (['clause', 'severity', 'scope', 'quote', 'note', 'require', 'subject', 'expected', 'actual', 'message'] as const).filter((p) => seen.has(p));
  if (seen.has('item')) parts.push('items');
  if (steps > 0) parts.push('steps');
  if (examples > 0) parts.push('examples');
  return parts;
}

function buildRuleChange(cx: BuildContext, n: CstNode): RuleChange {
  const { rule, given } = buildRule(cx, n, true);
  const name = tok(n, 'RuleName')!;
  return { kind: 'RuleChange', name: rule.name, nameSpan: spanBetween(cx.file, name), rule, given, span: rule.span };
}

function buildTableChange(cx: BuildContext, n: CstNode): TableChange {
  const citations = nodes(n, 'citation');
  const quotes = toks(n, 'quote');
  for (const extra of [...citations.slice(1), ...quotes.slice(1)]) {
    cx.report(spanBetween(cx.file, extra), 'duplicate-field', 'given twice in this table; keep one', 'указано дважды в этой таблице; оставьте одно', 'бұл кестеде екі рет берілген; біреуін қалдырыңыз');
  }
  const name = tok(n, 'name')!;
  return {
    kind: 'TableChange', name: name.image, nameSpan: spanBetween(cx.file, name),
    citation: citations[0] ? template(cx, citations[0]) : null, quote: quotes[0] ? unquote(quotes[0]) : null,
    entries: nodes(n, 'tableEntry').map((e) => ({ key: tok(e, 'Identifier')!.image, value: valueOrBlank(cx, node(e, 'valueOrBlank')!), span: spanBetween(cx.file, e) })),
    span: spanBetween(cx.file, n),
  };
}

function buildRepeal(cx: BuildContext, n: CstNode): RepealDecl {
  const name = tok(n, 'RuleName')!;
  return { kind: 'Repeal', name: name.image, nameSpan: spanBetween(cx.file, name), span: spanBetween(cx.file, n) };
}

/** A rule, or with `partial` the parts of one that a `change rule` block gives (nothing is required). */
function buildRule(cx: BuildContext, n: CstNode, partial = false): { rule: RuleDecl; given: RulePart[] } {
  const span = spanBetween(cx.file, n);
  const seen = new Map<string, IToken>();
  const steps: Step[] = [];
  const examples: ExampleDecl[] = [];
  let clause: IToken | undefined;
  let severity: Severity = 'major';
  let scope: RuleDecl['scope'] = { kind: 'state', text: null };
  let quote: IToken | undefined;
  let note: LocalizedNote | null = null;
  const itemLabels: ItemLabel[] = [];
  let require: Requirement | undefined;
  let subject: Expr | null = null;
  let expected: LocalizedTemplate | null = null;
  let actual: LocalizedTemplate | null = null;
  let message: LocalizedTemplate | undefined;
  let latest: { phase: number; kw: IToken } | null = null;
  for (const item of nodes(n, 'ruleItem')) {
    const c = firstChild(item)!;
    const sub = 'image' in c.el ? undefined : c.el;
    const kw = sub ? keywordOf(sub) : (c.el as IToken);
    const phase = PHASE[kw.image];
    if (latest && phase < latest.phase) {
      cx.report(spanBetween(cx.file, kw), 'rule-order', `'${kw.image}' must come before '${latest.kw.image}' (order: header fields, steps, require, subject/expected/actual/message, examples)`,
        `'${kw.image}' должно стоять перед '${latest.kw.image}' (порядок: поля заголовка, шаги, require, subject/expected/actual/message, примеры)`,
        `'${kw.image}' '${latest.kw.image}' алдында тұруы керек (реті: тақырып өрістері, қадамдар, require, subject/expected/actual/message, мысалдар)`);
    } else if (!latest || phase > latest.phase) {
      latest = { phase, kw };
    }
    if (phase !== 1 && phase !== 4 && kw.image !== 'item') once(cx, seen, kw);
    else if (kw.image === 'item') seen.set('item', kw);
    switch (kw.image) {
      case 'clause': clause = tok(item, 'ClauseId') ?? tok(item, 'Identifier') ?? tok(item, 'NumberLit'); break;
      case 'severity': {
        const s = tok(item, 'severity')!;
        if ((SEVERITIES as readonly string[]).includes(s.image)) severity = s.image as Severity;
        else cx.report(spanBetween(cx.file, s), 'bad-severity', `'${s.image}' is not a severity: use critical, major, minor or info`,
          `'${s.image}' — не уровень важности: используйте critical, major, minor или info`,
          `'${s.image}' маңыздылық деңгейі емес: critical, major, minor немесе info қолданыңыз`);
        break;
      }
      case 'scope': {
        const s = tok(item, 'scope')!;
        const txt = node(item, 'scopeText');
        if ((SCOPES as readonly string[]).includes(s.image)) scope = { kind: s.image as ScopeKind, text: txt ? template(cx, txt) : null };
        else cx.report(spanBetween(cx.file, s), 'bad-scope', `'${s.image}' is not a scope: use deadline, periodic, state or record`,
          `'${s.image}' — не охват: используйте deadline, periodic, state или record`,
          `'${s.image}' қамту түрі емес: deadline, periodic, state немесе record қолданыңыз`);
        break;
      }
      case 'quote': quote = tok(item, 'quote'); break;
      case 'note': note = template(cx, node(item, 'note')!); break;
      case 'item': itemLabels.push(itemLabel(cx, item, itemLabels)); break;
      case 'require': require = buildRequire(cx, sub!); break;
      case 'subject': subject = buildExpr(cx, node(item, 'subject')!); break;
      case 'expected': expected = template(cx, node(item, 'expected')!); break;
      case 'actual': actual = template(cx, node(item, 'actual')!); break;
      case 'message': message = template(cx, node(item, 'message')!); break;
      case 'example': examples.push(buildExample(cx, sub!)); break;
      default: steps.push(buildStep(cx, sub!));
    }
  }
  const where = `rule ${tok(n, 'RuleName')?.image ?? ''}`;
  const absent = partial ? [] : ['clause', 'severity', 'scope', 'quote', 'require', 'message'].filter((f) => !seen.has(f));
  if (absent.length === 1) missing(cx, span, absent[0], where);
  else if (absent.length > 1) {
    const list = absent.map((f) => `'${f}'`).join(', ');
    cx.report(span, 'missing-field', `${where} has no ${list}; add them`, `в ${where} нет ${list}; добавьте их`, `${where} ішінде ${list} жоқ; оларды қосыңыз`);
  }
  const rule: RuleDecl = {
    kind: 'RuleDecl', name: tok(n, 'RuleName')!.image,
    clause: clause?.image ?? '', clauseSpan: clause ? spanBetween(cx.file, clause) : span,
    quote: quote ? unquote(quote) : '', quoteSpan: quote ? spanBetween(cx.file, quote) : span,
    severity, scope, note, steps,
    require: require ?? { kind: 'checklist', entries: [], span },
    subject, itemLabels, expected, actual, message: message ?? { texts: {}, span }, examples, span,
  };
  return { rule, given: partsGiven(seen, steps.length, examples.length) };
}

/** `item NAME kk "…" ru "…" en "…"`; the same item twice is reported at the second. */
function itemLabel(cx: BuildContext, n: CstNode, before: readonly ItemLabel[]): ItemLabel {
  const name = tok(n, 'itemName')!;
  if (before.some((x) => x.name === name.image)) {
    cx.report(spanBetween(cx.file, name), 'duplicate-field', `the item ${name.image} is labelled twice; keep one`,
      `пункт ${name.image} назван дважды; оставьте одно`, `${name.image} тармағы екі рет аталған; біреуін қалдырыңыз`);
  }
  return { name: name.image, nameSpan: spanBetween(cx.file, name), label: template(cx, node(n, 'itemLabel')!), span: spanBetween(cx.file, n) };
}

function template(cx: BuildContext, n: CstNode): LocalizedTemplate {
  const span = spanBetween(cx.file, n);
  const s = tok(n, 'StringLit');
  if (s) {
    const all = unquote(s);
    return { texts: { kk: all, ru: all, en: all }, all, span };
  }
  return { texts: localized(node(n, 'localized')!), span };
}

function buildStep(cx: BuildContext, n: CstNode): Step {
  const span = spanBetween(cx.file, n);
  const expr = (label = 'expression') => buildExpr(cx, node(n, label)!);
  switch (n.name) {
    case 'forStep': {
      const source = expr();
      return {
        kind: 'For', variable: tok(n, 'Identifier')!.image, span,
        source: source.kind === 'Name' ? { kind: 'sheet', sheet: source.name } : { kind: 'list', expr: source },
      };
    }
    case 'joinStep': return { kind: 'Join', variable: tok(n, 'variable')!.image, sheet: tok(n, 'sheet')!.image, on: expr(), span };
    case 'whereStep': return { kind: 'Where', condition: expr(), span };
    case 'letStep': return { kind: 'Let', name: tok(n, 'Identifier')!.image, value: expr(), span };
    case 'datedStep': return { kind: 'Dated', date: expr(), span };
    case 'perStep': return {
      kind: 'Per', full: tok(n, 'Kw_full') !== undefined, unit: tok(n, 'unit')!.image as PerStep['unit'],
      variable: tok(n, 'Identifier')!.image, within: expr(), span,
      except: nodes(n, 'exceptClause').map((e) => {
        const w = node(e, 'where');
        return { variable: tok(e, 'variable')!.image, sheet: tok(e, 'sheet')!.image, where: w ? buildExpr(cx, w) : null, during: buildExpr(cx, node(e, 'during')!), span: spanBetween(cx.file, e) };
      }),
    };
    case 'eachStep': {
      const entries = nodes(n, 'itemEntry');
      return {
        kind: 'Items', variable: tok(n, 'Identifier')!.image, span,
        items: entries.length > 0 || tok(n, 'LBracket')
          ? { kind: 'literal', entries: entries.map((e) => itemEntry(cx, e)) }
          : { kind: 'expr', expr: expr() },
      };
    }
    default: throw new Error(`unexpected step ${n.name}`);
  }
}

function itemEntry(cx: BuildContext, n: CstNode): ItemEntry {
  const guard = node(n, 'guard');
  return { alternatives: nodes(n, 'alternative').map((a) => buildExpr(cx, a)), guard: guard ? buildExpr(cx, guard) : null, span: spanBetween(cx.file, n) };
}

function buildRequire(cx: BuildContext, n: CstNode): Requirement {
  const span = spanBetween(cx.file, n);
  const e = node(n, 'expression');
  if (e) return { kind: 'single', condition: buildExpr(cx, e), span };
  return {
    kind: 'checklist', span,
    entries: nodes(n, 'checkEntry').map((c) => {
      const guard = node(c, 'guard');
      return { item: tok(c, 'Identifier')!.image, guard: guard ? buildExpr(cx, guard) : null, condition: buildExpr(cx, node(c, 'condition')!), span: spanBetween(cx.file, c) };
    }),
  };
}

// ------------------------------------------------------------------ examples

function buildExample(cx: BuildContext, n: CstNode): ExampleDecl {
  const span = spanBetween(cx.file, n);
  const name = unquote(tok(n, 'StringLit')!);
  const audits = nodes(n, 'auditLine');
  const expects = nodes(n, 'expectLine');
  const where = `example "${name}"`;
  if (audits.length === 0) missing(cx, span, 'audit', where);
  if (expects.length === 0) missing(cx, span, 'expect', where);
  for (const extra of [...audits.slice(1), ...expects.slice(1)]) once(cx, new Map([[keywordOf(extra).image, keywordOf(extra)]]), keywordOf(extra));
  const audit = audits[0];
  if (audit) for (const t of [...toks(audit, 'from'), ...toks(audit, 'to'), ...toks(audit, 'asOf')]) checkIsoDate(cx, t);
  return {
    name, span,
    auditPeriod: { from: audit ? tok(audit, 'from')!.image : '', to: audit ? tok(audit, 'to')!.image : '' },
    asOf: audit ? (tok(audit, 'asOf')?.image ?? null) : null,
    tables: nodes(n, 'givenBlock').map((g) => buildGiven(cx, g)),
    params: nodes(n, 'paramLine').map((p) => ({ table: tok(p, 'table')!.image, key: tok(p, 'key')!.image, value: valueOrBlank(cx, node(p, 'valueOrBlank')!) })),
    expect: expects[0] ? buildExpect(cx, expects[0]) : { kind: 'no-findings' },
  };
}

function buildGiven(cx: BuildContext, n: CstNode): ExampleTable {
  const columns = toks(n, 'column').map((c) => c.image);
  const rows = nodes(n, 'exampleRow').map((r) => nodes(r, 'cell').map(cellValue));
  return { sheet: tok(n, 'Identifier')!.image, columns, rows, span: spanBetween(cx.file, n) };
}

function cellValue(n: CstNode): string | number | boolean | null {
  const c = firstChild(n)!;
  const t = c.el as IToken;
  switch (c.name) {
    case 'StringLit': return unquote(t);
    case 'Minus': return -Number(tok(n, 'NumberLit')!.image);
    case 'NumberLit': return Number(t.image);
    case 'Underscore': return null;
    default: return t.image;     // dates as written, enum codes, yes/no
  }
}

function buildExpect(cx: BuildContext, n: CstNode): ExampleExpectation {
  if (tok(n, 'Kw_no')) return { kind: 'no-findings' };
  if (tok(n, 'Kw_evaluated')) return { kind: 'not-evaluated' };
  const value = (f: CstNode, label: string): string | null => {
    const v = node(f, label);
    if (!v) return null;
    const t = firstChild(v)!.el as IToken;
    return t.tokenType.name === 'StringLit' ? unquote(t) : t.image;
  };
  return {
    kind: 'findings',
    findings: nodes(n, 'expectedFinding').map((f) => ({ subject: value(f, 'subject') ?? '', period: value(f, 'period'), item: value(f, 'item'), span: spanBetween(cx.file, f) })),
  };
}
