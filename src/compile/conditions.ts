// A requirement → json-rules-engine conditions. and/or/not become all/any/not; a comparison becomes
// `{fact, operator, value}` (a literal, or `{fact}` for fact-vs-fact); any other sub-expression becomes
// a derived fact named by its own text. Facts are referenced by name only (never `path`).
import type { Expr } from '../lang/ast.ts';
import { ExprCompiler } from './expr.ts';
import { flip, operatorFor, type ComparisonOp } from './operators.ts';
import { formatExpr } from '../lang/format-expr.ts';
import type { Scope } from './scope.ts';
import type { ConditionJson, ExprFn } from './types.ts';

export class ConditionCompiler {
  /** Fact name → closure; filled as conditions are compiled. */
  readonly facts = new Map<string, ExprFn>();
  readonly factExprs = new Map<string, Expr>();

  constructor(private readonly exprs: ExprCompiler, private readonly scope: Scope) {}

  top(e: Expr): { all: ConditionJson[] } | { any: ConditionJson[] } {
    const c = this.condition(e);
    if ('all' in c) return { all: [...c.all] };
    if ('any' in c) return { any: [...c.any] };
    return { all: [c] };
  }

  condition(e: Expr): ConditionJson {
    if (e.kind === 'Binary' && (e.op === 'and' || e.op === 'or')) {
      const key = e.op === 'and' ? 'all' : 'any';
      const parts: ConditionJson[] = [];
      for (const side of [e.left, e.right]) {
        const c = this.condition(side);
        if (key in c) parts.push(...(c as unknown as Record<string, ConditionJson[]>)[key]!); else parts.push(c);
      }
      return key === 'all' ? { all: parts } : { any: parts };
    }
    if (e.kind === 'Unary' && e.op === 'not') return { not: this.condition(e.operand) };
    if (e.kind === 'Compare') return this.compare(e.op, e.left, e.right);
    if (e.kind === 'In' && this.literal(e.value) !== undefined && this.literal(e.list) === undefined) {
      return { fact: this.fact(e.list), operator: e.negated ? 'listNotContains' : 'listContains', value: this.literal(e.value) };
    }
    if (e.kind === 'In') {
      const value = this.literal(e.list) ?? { fact: this.fact(e.list) };
      return { fact: this.fact(e.value), operator: e.negated ? 'notInList' : 'inList', value };
    }
    if (e.kind === 'EmptyTest') return { fact: this.fact(e.operand), operator: e.present ? 'isPresent' : 'isEmpty', value: true };
    return { fact: this.fact(e), operator: 'isTrue', value: true };
  }

  private compare(op: ComparisonOp, left: Expr, right: Expr): ConditionJson {
    if (isEmptyLiteral(right) && (op === '=' || op === '!=')) return { fact: this.fact(left), operator: op === '=' ? 'isEmpty' : 'isPresent', value: true };
    if (isEmptyLiteral(left) && (op === '=' || op === '!=')) return { fact: this.fact(right), operator: op === '=' ? 'isEmpty' : 'isPresent', value: true };
    const dates = this.exprs.isDate(left, this.scope) || this.exprs.isDate(right, this.scope);
    if (this.literal(left) !== undefined && this.literal(right) === undefined && op !== 'within') {
      return { fact: this.fact(right), operator: operatorFor(flip(op), dates), value: this.literal(left) };
    }
    const lit = this.literal(right);
    return { fact: this.fact(left), operator: operatorFor(op, dates), value: lit !== undefined ? lit : { fact: this.fact(right) } };
  }

  /** A JSON literal for e, or undefined when e must be a fact. */
  literal(e: Expr): unknown {
    if (e.kind === 'Literal') return e.type === 'empty' ? null : e.value;
    if (e.kind === 'Name' && !this.scope.has(e.name) && !['as_of', 'audit_period', 'facility'].includes(e.name)) return e.name;
    if (e.kind === 'List') {
      const parts = e.elements.map((x) => this.literal(x));
      // Dates in a list stay facts: `in` compares values as they are, and JSON holds dates as text.
      if (parts.every((p) => p !== undefined) && !e.elements.some((x) => x.kind === 'Literal' && x.type === 'date')) return parts;
    }
    if (e.kind === 'Interval' && e.from.kind === 'Literal' && e.from.type === 'date' && e.to.kind === 'Literal' && (e.to.type === 'date' || e.to.type === 'empty')) {
      return [e.from.value, e.to.type === 'empty' ? null : e.to.value];
    }
    return undefined;
  }

  fact(e: Expr): string {
    const name = formatExpr(e);
    if (!this.facts.has(name)) {
      this.facts.set(name, this.exprs.compile(e, this.scope));
      this.factExprs.set(name, e);
    }
    return name;
  }
}

function isEmptyLiteral(e: Expr): boolean {
  return e.kind === 'Literal' && e.type === 'empty';
}

/** The fact a comparison's `value` names when it is `{ fact }` (fact-vs-fact), else null (a literal). */
export function factOperand(value: unknown): string | null {
  const v = value as { fact?: unknown } | null;
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' ? v.fact : null;
}
