// CST → AST for expressions (grammar/parser.ts rules `expression` … `aggregateBody`).
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Aggregate, DateShift, Expr, Span } from './ast.ts';
import { spanBetween, mergeSpans } from './span.ts';
import type { Report } from './messages.ts';
import { isValidYMD } from '../core/date.ts';

export const AGGREGATES: ReadonlySet<string> = new Set(['count', 'sum', 'min', 'max', 'exists', 'every', 'distinct', 'first']);

/** Shared state of one file's CST → AST pass. */
export interface BuildContext {
  readonly file: string;
  readonly report: Report;
}

/** `2010-02-30` lexes as a date; make sure it is a real one. */
export function checkIsoDate(cx: BuildContext, t: IToken): void {
  const [y, m, d] = t.image.split('-').map(Number);
  if (!isValidYMD(y!, m!, d!)) {
    cx.report(spanBetween(cx.file, t), 'bad-date', `${t.image} is not a real date`, `${t.image} — несуществующая дата`, `${t.image} — мұндай күн жоқ`);
  }
}

export function nodes(n: CstNode, name: string): CstNode[] {
  return (n.children[name] as CstNode[] | undefined) ?? [];
}
export function node(n: CstNode, name: string): CstNode | undefined {
  return nodes(n, name)[0];
}
export function toks(n: CstNode, name: string): IToken[] {
  return (n.children[name] as IToken[] | undefined) ?? [];
}
export function tok(n: CstNode, name: string): IToken | undefined {
  return toks(n, name)[0];
}
/** The only child (token or node) of a node with a single alternative child, e.g. `primary`. */
export function firstChild(n: CstNode): { name: string; el: CstElement } | undefined {
  let bestName = '';
  let best: CstElement | undefined;
  let bestOffset = Infinity;
  for (const name in n.children) {
    for (const el of n.children[name]) {
      const off = 'image' in el ? el.startOffset : (el.location?.startOffset ?? 0);
      if (off < bestOffset) { bestName = name; best = el; bestOffset = off; }
    }
  }
  return best === undefined ? undefined : { name: bestName, el: best };
}

/** Text inside quotes: `\"` and `\\` are the escapes; other backslashes are kept as written. */
export function unquote(t: IToken): string {
  return t.image.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

export function buildExpr(cx: BuildContext, n: CstNode): Expr {
  const span = spanBetween(cx.file, n);
  switch (n.name) {
    case 'expression': return foldBinary(cx, nodes(n, 'operand'), 'or');
    case 'andExpr': return foldBinary(cx, nodes(n, 'operand'), 'and');
    case 'notExpr': {
      const inner = node(n, 'notExpr');
      if (inner) return { kind: 'Unary', op: 'not', operand: buildExpr(cx, inner), span };
      return buildExpr(cx, node(n, 'comparison')!);
    }
    case 'comparison': return buildComparison(cx, n, span);
    case 'intersectExpr': return foldBinary(cx, nodes(n, 'operand'), '∩');
    case 'intervalExpr': {
      const from = buildExpr(cx, node(n, 'from')!);
      const to = node(n, 'to');
      return to ? { kind: 'Interval', from, to: buildExpr(cx, to), span } : from;
    }
    case 'additive': return buildAdditive(cx, n);
    case 'multiplicative': {
      const operands = nodes(n, 'operand').map((o) => buildExpr(cx, o));
      const ops = toks(n, 'op');
      return operands.reduce((left, right, i) => ({
        kind: 'Binary', op: ops[i - 1].image as '*' | '/', left, right, span: mergeSpans(left.span, right.span),
      }));
    }
    case 'unary': {
      const inner = node(n, 'unary');
      if (inner) return { kind: 'Unary', op: '-', operand: buildExpr(cx, inner), span };
      return buildExpr(cx, node(n, 'primary')!);
    }
    case 'primary': return buildPrimary(cx, n, span);
    case 'listLiteral': return { kind: 'List', elements: nodes(n, 'expression').map((e) => buildExpr(cx, e)), span };
    case 'nameExpr': return buildName(cx, n, span);
    default: throw new Error(`unexpected CST node ${n.name}`);
  }
}

function foldBinary(cx: BuildContext, operands: CstNode[], op: 'and' | 'or' | '∩'): Expr {
  return operands.map((o) => buildExpr(cx, o)).reduce((left, right) => ({
    kind: 'Binary', op, left, right, span: mergeSpans(left.span, right.span),
  }));
}

function buildComparison(cx: BuildContext, n: CstNode, span: Span): Expr {
  const left = buildExpr(cx, node(n, 'left')!);
  const op = tok(n, 'op');
  if (op) {
    const right = buildExpr(cx, node(n, 'right')!);
    return { kind: 'Compare', op: op.image as '=' | '!=' | '<' | '<=' | '>' | '>=' | 'within', left, right, span };
  }
  const list = node(n, 'list');
  if (list) return { kind: 'In', negated: tok(n, 'negated') !== undefined, value: left, list: buildExpr(cx, list), span };
  const test = tok(n, 'test');
  if (test) return { kind: 'EmptyTest', present: test.image === 'present', operand: left, span };
  return left;
}

const UNITS: Record<string, DateShift['unit']> = { day: 'days', days: 'days', month: 'months', months: 'months', year: 'years', years: 'years' };

function buildAdditive(cx: BuildContext, n: CstNode): Expr {
  let left = buildExpr(cx, node(n, 'operand')!);
  for (const tail of nodes(n, 'additiveTail')) {
    const op = tok(tail, 'op')!.image as '+' | '-';
    const right = buildExpr(cx, node(tail, 'operand')!);
    const unitNode = node(tail, 'dateUnit');
    const span = mergeSpans(left.span, spanBetween(cx.file, tail));
    if (unitNode) {
      const working = tok(unitNode, 'Kw_working') !== undefined;
      const unit = working ? 'working days' : UNITS[tok(unitNode, 'unit')!.image];
      const calendar = tok(unitNode, 'calendar')?.image ?? null;
      left = { kind: 'DateShift', date: left, sign: op === '+' ? 1 : -1, amount: right, unit, calendar, span };
    } else {
      left = { kind: 'Binary', op, left, right, span };
    }
  }
  return left;
}

function buildPrimary(cx: BuildContext, n: CstNode, span: Span): Expr {
  const c = firstChild(n)!;
  if (!('image' in c.el)) {
    if (c.name === 'callArgs') return buildCall(cx, 'year', c.el, span);
    return buildExpr(cx, c.el);
  }
  const t = c.el;
  switch (c.name) {
    case 'NumberLit': return { kind: 'Literal', type: 'number', value: Number(t.image), span };
    case 'StringLit': return { kind: 'Literal', type: 'text', value: unquote(t), span };
    case 'IsoDate': checkIsoDate(cx, t); return { kind: 'Literal', type: 'date', value: t.image, span };
    case 'Kw_yes': return { kind: 'Literal', type: 'bool', value: true, span };
    case 'Kw_no': return { kind: 'Literal', type: 'bool', value: false, span };
    case 'Kw_empty': return { kind: 'Literal', type: 'empty', value: null, span };
    case 'Kw_as_of': return { kind: 'Name', name: 'as_of', span };
    case 'LParen': return buildExpr(cx, node(n, 'expression')!);
    case 'fn': return buildCall(cx, 'year', node(n, 'callArgs')!, span);
    default: throw new Error(`unexpected primary ${c.name}`);
  }
}

function buildName(cx: BuildContext, n: CstNode, span: Span): Expr {
  const name = tok(n, 'Identifier')!.image;
  const args = node(n, 'callArgs');
  if (args) return buildCall(cx, name, args, span);
  const key = node(n, 'key');
  if (key) return { kind: 'TableLookup', table: name, key: buildExpr(cx, key), span };
  const field = tok(n, 'field');
  if (field) return { kind: 'Field', object: name, field: field.image, span };
  return { kind: 'Name', name, span };
}

function buildCall(cx: BuildContext, fn: string, args: CstNode, span: Span): Expr {
  const agg = node(args, 'aggregateBody');
  if (agg) {
    const sheet = tok(agg, 'sheet')!;
    if (!AGGREGATES.has(fn)) {
      cx.report(span, 'unknown-aggregate',
        `'${fn}(${sheet.image} …)' is not a counting function: use count, exists, every, first, sum, min, max or distinct`,
        `'${fn}(${sheet.image} …)' не является функцией подсчёта: используйте count, exists, every, first, sum, min, max или distinct`,
        `'${fn}(${sheet.image} …)' санау функциясы емес: count, exists, every, first, sum, min, max немесе distinct қолданыңыз`);
    }
    const where = node(agg, 'where');
    const select = node(agg, 'select');
    return {
      kind: 'Aggregate', fn: fn as Aggregate['fn'], sheet: sheet.image, variable: tok(agg, 'variable')!.image,
      where: where ? buildExpr(cx, where) : null, select: select ? buildExpr(cx, select) : null, span,
    };
  }
  return { kind: 'Call', fn, args: nodes(args, 'arg').map((a) => buildExpr(cx, a)), span };
}
