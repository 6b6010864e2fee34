// What a name means at a point of a rule: a row variable, a period, an item, a list value or a let.
import type { Expr, LangType, Step } from '../lang/ast.ts';

export type BindingKind =
  | { readonly kind: 'row'; readonly sheet: string }
  | { readonly kind: 'period' }
  | { readonly kind: 'item' }
  | { readonly kind: 'value'; readonly type: LangType | null }
  | { readonly kind: 'let'; readonly expr: Expr };

/** `slot`: the name's index in the case environment (an array), fixed at compile time. */
export type Binding = BindingKind & { readonly slot: number };

export type Scope = ReadonlyMap<string, Binding>;

export const BUILTINS = new Set(['audit_period', 'as_of', 'facility']);

export function bind(scope: Scope, name: string, b: BindingKind): Scope {
  let slot = 0;
  for (const x of scope.values()) slot = Math.max(slot, x.slot + 1);
  const next = new Map(scope);
  next.set(name, { ...b, slot });
  return next;
}

export function slotOf(scope: Scope, name: string): number {
  const b = scope.get(name);
  if (!b) throw new Error(`internal: ${name} is not bound`);
  return b.slot;
}

/** True when `e` reads variable `name` (used to find index keys of aggregates). */
export function mentions(e: Expr, name: string): boolean {
  switch (e.kind) {
    case 'Literal': return false;
    case 'Name': return e.name === name;
    case 'Field': return e.object === name;
    case 'Unary': return mentions(e.operand, name);
    case 'Binary': case 'Compare': return mentions(e.left, name) || mentions(e.right, name);
    case 'In': return mentions(e.value, name) || mentions(e.list, name);
    case 'EmptyTest': return mentions(e.operand, name);
    case 'DateShift': return mentions(e.date, name) || mentions(e.amount, name);
    case 'Interval': return mentions(e.from, name) || mentions(e.to, name);
    case 'Call': return e.args.some((a) => mentions(a, name));
    case 'Aggregate':
      if (e.variable === name) return false;
      return (e.where !== null && mentions(e.where, name)) || (e.select !== null && mentions(e.select, name));
    case 'TableLookup': return mentions(e.key, name);
    case 'List': return e.elements.some((a) => mentions(a, name));
  }
}

/** Every sub-expression, depth first (aggregates included). */
export function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  switch (e.kind) {
    case 'Unary': walk(e.operand, visit); break;
    case 'Binary': case 'Compare': walk(e.left, visit); walk(e.right, visit); break;
    case 'In': walk(e.value, visit); walk(e.list, visit); break;
    case 'EmptyTest': walk(e.operand, visit); break;
    case 'DateShift': walk(e.date, visit); walk(e.amount, visit); break;
    case 'Interval': walk(e.from, visit); walk(e.to, visit); break;
    case 'Call': e.args.forEach((a) => walk(a, visit)); break;
    case 'Aggregate': if (e.where) walk(e.where, visit); if (e.select) walk(e.select, visit); break;
    case 'TableLookup': walk(e.key, visit); break;
    case 'List': e.elements.forEach((a) => walk(a, visit)); break;
    default: break;
  }
}

/** The direct sub-expressions of an expression, aggregates' `where` and `select` left out. */
export function walkChildren(e: Expr, out: Expr[]): void {
  switch (e.kind) {
    case 'Unary': out.push(e.operand); break;
    case 'Binary': case 'Compare': out.push(e.left, e.right); break;
    case 'In': out.push(e.value, e.list); break;
    case 'EmptyTest': out.push(e.operand); break;
    case 'DateShift': out.push(e.date, e.amount); break;
    case 'Interval': out.push(e.from, e.to); break;
    case 'Call': out.push(...e.args); break;
    case 'TableLookup': out.push(e.key); break;
    case 'List': out.push(...e.elements); break;
    default: break;
  }
}

/**
 * The expressions of a step that choose which cases exist: a `for` over a list, a `join`'s `on`, a
 * `where`, a `per`'s `within`, an `each item`'s list or entries (a `per`'s `except` and a `let` choose none).
 */
export function caseChoosingExprs(s: Step): readonly Expr[] {
  switch (s.kind) {
    case 'For': return s.source.kind === 'sheet' ? [] : [s.source.expr];
    case 'Join': return [s.on];
    case 'Where': return [s.condition];
    case 'Per': return [s.within];
    case 'Items': return s.items.kind === 'expr' ? [s.items.expr] : s.items.entries.flatMap((en) => (en.guard ? [...en.alternatives, en.guard] : en.alternatives));
    default: return [];
  }
}
