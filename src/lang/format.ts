// The canonical layout of a rule file. Comments are kept: a comment on its own line goes before the
// nearest following printed line that comes from a later place in the source; a comment after code on
// the same line stays at the end of that printed line when the line is known, else moves above the next.
import type { Comment, DateStamp, Diagnostic, ExampleDecl, LocalizedNote, LocalizedTemplate, LocalizedText, RepealDecl, RuleChange, RuleDecl, RuleFile, RulePart, Span, Step, TableChange, TableDecl } from './ast.ts';
import { LANGS } from '../core/lang.ts';
import { formatExpr as fx, quoteText } from './format-expr.ts';
import { parseRuleFile } from './parse.ts';

export function formatRuleFile(text: string, path: string): { text: string } | { diagnostics: Diagnostic[] } {
  const parsed = parseRuleFile(text, path);
  if (!parsed.file) return { diagnostics: parsed.diagnostics };
  return { text: printRuleFile(parsed.file, text) };
}

interface Line { text: string; anchor: Span | null }

class Printer {
  readonly out: string[] = [];
  private pending: Comment[];
  /** Comments that follow code on their source line. */
  private readonly trailing: Set<Comment>;

  private readonly cursors = new Map<string, number>();

  constructor(comments: readonly Comment[], private readonly source: string) {
    this.pending = [...comments].sort((a, b) => a.span.offset - b.span.offset);
    this.trailing = new Set(comments.filter((c) => {
      const lineStart = source.lastIndexOf('\n', c.span.offset - 1) + 1;
      return source.slice(lineStart, c.span.offset).trim() !== '';
    }));
  }

  /** Emits one or more lines standing for source `anchor` (null: no known place; comments wait). */
  emit(indent: number, lines: readonly string[] | string, anchor: Span | null): void {
    const ls: Line[] = (typeof lines === 'string' ? [lines] : lines).map((text) => ({ text, anchor }));
    if (anchor) this.flushBefore(indent, anchor.offset);
    const pad = '  '.repeat(indent);
    for (const l of ls) this.out.push(l.text === '' ? '' : pad + l.text);
    if (anchor) this.attachTrailing(anchor);
  }

  /**
   * Where a field without its own span (`severity major`, `row …`) was written: the next line inside
   * `parent` that starts with `keyword`. Only used to keep comments next to the line they annotate.
   */
  find(keyword: string, parent: Span): Span | null {
    const key = `${parent.offset}:${keyword}`;
    const from = this.cursors.get(key) ?? parent.offset;
    const re = new RegExp(`(^|\\n)[ \\t]*(${keyword})\\b`, 'g');
    re.lastIndex = from;
    const m = re.exec(this.source);
    if (!m || m.index >= parent.offset + parent.length) return null;
    const offset = m.index + m[0].length - keyword.length;
    this.cursors.set(key, offset + keyword.length);
    const line = this.source.slice(0, offset).split('\n').length;
    return { file: parent.file, line, col: 1, endLine: line, endCol: 1, offset, length: keyword.length };
  }

  blank(): void {
    if (this.out.length > 0 && this.out[this.out.length - 1] !== '') this.out.push('');
  }

  flushBefore(indent: number, offset: number): void {
    const pad = '  '.repeat(indent);
    while (this.pending.length > 0 && this.pending[0].span.offset < offset) {
      const c = this.pending.shift()!;
      this.out.push(pad + c.text.trimEnd());
      // A blank line after a comment in the source (a section heading) stays.
      const after = this.source.slice(c.span.offset + c.span.length).match(/^[ \t\r]*\n[ \t\r]*\n/);
      if (after) this.blank();
    }
  }

  private attachTrailing(anchor: Span): void {
    const c = this.pending[0];
    if (c && this.trailing.has(c) && (c.span.line === anchor.line || c.span.line === anchor.endLine)) {
      this.pending.shift();
      this.out[this.out.length - 1] += `  ${c.text.trimEnd()}`;
    }
  }

  flushAll(indent: number): void {
    this.flushBefore(indent, Infinity);
  }
}

export function printRuleFile(file: RuleFile, source: string): string {
  const p = new Printer(file.comments, source);
  const rs = file.ruleset;
  if (rs) {
    const amends = rs.base ? ` amends ${quoteText(`${rs.base.id}@${rs.base.version}`)}` : '';
    p.emit(0, `ruleset ${rs.id} version ${quoteText(rs.version)}${amends} {`, { ...rs.span, endLine: rs.span.line });
    localized(p, 1, 'title', rs.title, p.find('title', rs.span));
    if (rs.appliesTo) p.emit(1, `applies_to ${rs.appliesTo}`, p.find('applies_to', rs.span));
    const a = rs.act;
    p.emit(1, 'act {', a.span);
    localized(p, 2, 'issuer', a.issuer, p.find('issuer', a.span));
    if (a.number) p.emit(2, `number ${quoteText(a.number)}`, p.find('number', a.span));
    if (a.date.iso) p.emit(2, stamp('date ', a.date), a.date.span);
    if (a.registration !== null) {
      const reg = `registration ${quoteText(a.registration)}`;
      p.emit(2, a.registeredOn ? stamp(`${reg} registered `, a.registeredOn) : reg, a.registeredOn?.span ?? null);
    }
    localized(p, 2, 'title', a.title, p.find('title', a.span));
    p.emit(1, '}', null);
    const { from, until } = rs.inForce;
    if (from && until) p.emit(1, [...stamp('in_force from ', from), ...stamp('         until ', until)], p.find('in_force', rs.span));
    else if (from || until) p.emit(1, from ? stamp('in_force from ', from) : stamp('in_force until ', until!), p.find('in_force', rs.span));
    for (const x of rs.amends) p.emit(1, `amends ${quoteText(x)}`, p.find('amends', rs.span));
    for (const x of rs.supersedes) p.emit(1, `supersedes ${quoteText(x)}`, p.find('supersedes', rs.span));
    if (rs.source !== null) p.emit(1, `source ${quoteText(rs.source)}`, p.find('source', rs.span));
    if (rs.calendar !== null) p.emit(1, `calendar ${rs.calendar}`, p.find('calendar', rs.span));
    if (rs.note !== null) template(p, 1, 'note', rs.note);
    p.flushBefore(1, rs.span.offset + rs.span.length);
    p.emit(0, '}', null);
  }
  if (file.imports.length > 0) p.blank();
  for (const imp of file.imports) p.emit(0, `import table ${imp.table} from ${quoteText(imp.from)}`, imp.span);
  // An amendment's changes stay where they were written among the tables and the rules.
  const byPlace = (a: { span: Span }, b: { span: Span }) => a.span.offset - b.span.offset;
  for (const t of [...file.tables, ...file.tableChanges].sort(byPlace)) { p.blank(); if (t.kind === 'TableDecl') table(p, t); else tableChange(p, t); }
  for (const r of [...file.rules, ...file.changes, ...file.repeals].sort(byPlace)) {
    p.blank();
    if (r.kind === 'RuleDecl') rule(p, r);
    else if (r.kind === 'RuleChange') ruleChange(p, r);
    else repeal(p, r);
  }
  p.flushAll(0);
  while (p.out.length > 0 && p.out[p.out.length - 1] === '') p.out.pop();
  return p.out.join('\n') + '\n';
}

/** `prefix` and the date, with its `approximate` basis: one text, or one per language aligned under the first. */
function stamp(prefix: string, d: DateStamp): string[] {
  const a = d.approximate;
  const head = `${prefix}${d.iso}`;
  if (a === undefined) return [head];
  if (a.all !== undefined) return [`${head} approximate ${quoteText(a.all)}`];
  const pad = ' '.repeat(`${head} approximate `.length);
  return LANGS.filter((l) => a.texts[l] !== undefined).map((l, i) => `${i === 0 ? `${head} approximate ` : pad}${l} ${quoteText(a.texts[l]!)}`);
}

function localized(p: Printer, indent: number, keyword: string, texts: LocalizedText, anchor: Span | null): void {
  const langs = LANGS.filter((l) => texts[l] !== undefined);
  if (langs.length === 0) return;
  const pad = ' '.repeat(keyword.length + 1);
  p.emit(indent, langs.map((l, i) => `${i === 0 ? `${keyword} ` : pad}${l} ${quoteText(texts[l]!)}`), anchor);
}

function template(p: Printer, indent: number, keyword: string, t: LocalizedTemplate | LocalizedNote): void {
  if (t.all !== undefined) p.emit(indent, `${keyword} ${quoteText(t.all)}`, t.span);
  else localized(p, indent, keyword, t.texts, t.span);
}

function table(p: Printer, t: TableDecl): void {
  p.emit(0, `table ${t.name} by ${t.keyEnum}: ${t.valueType} {`, { ...t.span, endLine: t.span.line });
  if (t.citation !== null) template(p, 1, 'citation', t.citation);
  if (t.quote !== null) p.emit(1, `quote ${quoteText(t.quote)}`, p.find('quote', t.span));
  for (const e of t.entries) p.emit(1, `${e.key} = ${e.value ? fx(e.value) : '_'}`, e.span);
  p.flushBefore(1, t.span.offset + t.span.length);
  p.emit(0, '}', null);
}

function tableChange(p: Printer, t: TableChange): void {
  p.emit(0, `change table ${t.name} {`, { ...t.span, endLine: t.span.line });
  if (t.citation !== null) template(p, 1, 'citation', t.citation);
  if (t.quote !== null) p.emit(1, `quote ${quoteText(t.quote)}`, p.find('quote', t.span));
  for (const e of t.entries) p.emit(1, `${e.key} = ${e.value ? fx(e.value) : '_'}`, e.span);
  p.flushBefore(1, t.span.offset + t.span.length);
  p.emit(0, '}', null);
}

function repeal(p: Printer, r: RepealDecl): void {
  p.emit(0, `repeal rule ${r.name}`, r.span);
}

function ruleChange(p: Printer, c: RuleChange): void {
  rule(p, c.rule, new Set(c.given), 'change rule');
}

const EVERY_PART: ReadonlySet<RulePart> = new Set(['clause', 'severity', 'scope', 'quote', 'note', 'steps', 'require', 'subject', 'items', 'expected', 'actual', 'message', 'examples']);

/** A rule, or with `given` only the parts a `change rule` block gives, in the same order and layout. */
function rule(p: Printer, r: RuleDecl, given: ReadonlySet<RulePart> = EVERY_PART, keyword = 'rule'): void {
  const has = (part: RulePart) => given.has(part);
  p.emit(0, `${keyword} ${r.name} {`, { ...r.span, endLine: r.span.line });
  if (has('clause')) p.emit(1, `clause ${r.clause}`, r.clauseSpan);
  if (has('severity')) p.emit(1, `severity ${r.severity}`, p.find('severity', r.span));
  if (has('scope')) {
    if (r.scope.text === null) p.emit(1, `scope ${r.scope.kind}`, p.find('scope', r.span));
    else template(p, 1, `scope ${r.scope.kind}`, r.scope.text);
  }
  if (has('quote')) p.emit(1, `quote ${quoteText(r.quote)}`, r.quoteSpan);
  if (has('note') && r.note !== null) template(p, 1, 'note', r.note);
  if (has('steps') && r.steps.length > 0) p.blank();
  if (has('steps')) for (const s of r.steps) step(p, s);
  if (has('require') || has('subject')) p.blank();
  const req = r.require;
  if (!has('require')) { /* an amendment keeps the requirement */ }
  else if (req.kind === 'single') p.emit(1, `require ${fx(req.condition)}`, req.span);
  else {
    p.emit(1, 'require {', { ...req.span, endLine: req.span.line });
    for (const e of req.entries) p.emit(2, `${e.item}${e.guard ? ` if ${fx(e.guard)}` : ''}: ${fx(e.condition)}`, e.span);
    p.flushBefore(2, req.span.offset + req.span.length);
    p.emit(1, '}', null);
  }
  if (has('subject') && r.subject) p.emit(1, `subject ${fx(r.subject)}`, r.subject.span);
  if (has('items') || has('expected') || has('actual') || has('message')) p.blank();
  if (has('items')) for (const l of r.itemLabels) template(p, 1, `item ${l.name}`, l.label);
  if (has('expected') && r.expected) template(p, 1, 'expected', r.expected);
  if (has('actual') && r.actual) template(p, 1, 'actual', r.actual);
  if (has('message')) template(p, 1, 'message', r.message);
  if (has('examples')) for (const ex of r.examples) { p.blank(); example(p, ex); }
  p.flushBefore(1, r.span.offset + r.span.length);
  p.emit(0, '}', null);
}

function step(p: Printer, s: Step): void {
  switch (s.kind) {
    case 'For': p.emit(1, `for ${s.variable} in ${s.source.kind === 'sheet' ? s.source.sheet : fx(s.source.expr)}`, s.span); break;
    case 'Join': p.emit(1, `join ${s.variable} in ${s.sheet} on ${fx(s.on)}`, s.span); break;
    case 'Where': p.emit(1, `where ${fx(s.condition)}`, s.span); break;
    case 'Let': p.emit(1, `let ${s.name} = ${fx(s.value)}`, s.span); break;
    case 'Dated': p.emit(1, `dated ${fx(s.date)}`, s.span); break;
    case 'Per': {
      const head = `per ${s.full ? 'full ' : ''}${s.unit} ${s.variable} in ${fx(s.within)}`;
      const excepts = s.except.map((e) => `  except ${e.sheet} ${e.variable}${e.where ? ` where ${fx(e.where)}` : ''} during ${fx(e.during)}`);
      p.emit(1, [head, ...excepts], s.span);
      break;
    }
    case 'Items': {
      const head = `each item ${s.variable} in `;
      if (s.items.kind === 'expr') { p.emit(1, head + fx(s.items.expr), s.span); break; }
      const entries = s.items.entries.map((e) => e.alternatives.map(fx).join(' | ') + (e.guard ? ` if ${fx(e.guard)}` : ''));
      const oneLine = `${head}[${entries.join(', ')}]`;
      if (oneLine.length <= 100) p.emit(1, oneLine, s.span);
      else p.emit(1, [`${head}[`, ...entries.map((e, i) => `  ${e}${i < entries.length - 1 ? ',' : ''}`), ']'], s.span);
      break;
    }
  }
}

function cell(v: string | number | boolean | null): string {
  if (v === null) return '_';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) && v !== '_') return v;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) || /^\d{2}\.\d{2}\.\d{4}$/.test(v)) return v;
  return quoteText(v);
}

function example(p: Printer, ex: ExampleDecl): void {
  p.emit(1, `example ${quoteText(ex.name)} {`, { ...ex.span, endLine: ex.span.line });
  p.emit(2, `audit ${ex.auditPeriod.from} .. ${ex.auditPeriod.to}${ex.asOf ? ` as_of ${ex.asOf}` : ''}`, p.find('audit', ex.span));
  for (const t of ex.tables) {
    p.emit(2, `given ${t.sheet} (${t.columns.join(', ')}) {`, { ...t.span, endLine: t.span.line });
    for (const row of t.rows) p.emit(3, `row ${row.map(cell).join(', ')}`, p.find('row', t.span));
    p.flushBefore(3, t.span.offset + t.span.length);
    p.emit(2, '}', null);
  }
  for (const prm of ex.params) p.emit(2, `param ${prm.table} ${prm.key} = ${prm.value ? fx(prm.value) : '_'}`, p.find('param', ex.span));
  const e = ex.expect;
  const at = p.find('expect', ex.span);
  if (e.kind === 'no-findings') p.emit(2, 'expect no findings', at);
  else if (e.kind === 'not-evaluated') p.emit(2, 'expect not evaluated', at);
  else if (e.findings.length === 1) p.emit(2, `expect findings { ${finding(e.findings[0])} }`, at);
  else {
    p.emit(2, 'expect findings {', at);
    for (const f of e.findings) {
      p.emit(3, finding(f), f.span);
    }
    p.emit(2, '}', null);
  }
  p.flushBefore(2, ex.span.offset + ex.span.length);
  p.emit(1, '}', null);
}

function finding(f: { subject: string; period: string | null; item: string | null }): string {
  return `subject ${quoteText(f.subject)}${f.period !== null ? ` period ${quoteText(f.period)}` : ''}${f.item !== null ? ` item ${quoteText(f.item)}` : ''}`;
}
