// Expressions back to text with the fewest parentheses the grammar's precedence allows.
import type { Expr } from './ast.ts';

// Loosest first, as in grammar/parser.ts: or, and, not, comparison, ∩, .., + -, * /, unary -, primary.
const enum P { Or = 1, And, Not, Compare, Intersect, Interval, Add, Mul, Neg, Primary }

function prec(e: Expr): P {
  switch (e.kind) {
    case 'Binary':
      return e.op === 'or' ? P.Or : e.op === 'and' ? P.And : e.op === '∩' ? P.Intersect : e.op === '+' || e.op === '-' ? P.Add : P.Mul;
    case 'Unary': return e.op === 'not' ? P.Not : P.Neg;
    case 'Compare': case 'In': case 'EmptyTest': return P.Compare;
    case 'Interval': return P.Interval;
    case 'DateShift': return P.Add;
    default: return P.Primary;
  }
}

export function quoteText(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function at(e: Expr, min: P): string {
  const s = formatExpr(e);
  return prec(e) < min ? `(${s})` : s;
}

export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'Literal':
      switch (e.type) {
        case 'number': return String(e.value);
        case 'text': return quoteText(String(e.value));
        case 'date': return String(e.value);
        case 'bool': return e.value ? 'yes' : 'no';
        case 'empty': return 'empty';
      }
      break;
    case 'Name': return e.name;
    case 'Field': return `${e.object}.${e.field}`;
    // `not (a > 5)` reads better than the equivalent `not a > 5`.
    case 'Unary': return e.op === 'not' ? `not ${at(e.operand, P.Primary)}` : `-${at(e.operand, P.Neg)}`;
    case 'Binary': {
      const p = prec(e);
      return `${at(e.left, p)} ${e.op} ${at(e.right, (p + 1) as P)}`;
    }
    case 'Compare': return `${at(e.left, P.Intersect)} ${e.op} ${at(e.right, P.Intersect)}`;
    case 'In': return `${at(e.value, P.Intersect)} ${e.negated ? 'not in' : 'in'} ${at(e.list, P.Intersect)}`;
    case 'EmptyTest': return `${at(e.operand, P.Intersect)} is ${e.present ? 'present' : 'empty'}`;
    case 'Interval': return `${at(e.from, P.Add)} .. ${at(e.to, P.Add)}`;
    case 'DateShift': {
      const unit = e.unit === 'working days' ? `working days${e.calendar ? ` on ${e.calendar}` : ''}` : e.unit;
      return `${at(e.date, P.Add)} ${e.sign > 0 ? '+' : '-'} ${at(e.amount, P.Mul)} ${unit}`;
    }
    case 'Call': return `${e.fn}(${e.args.map(formatExpr).join(', ')})`;
    case 'Aggregate':
      return `${e.fn}(${e.sheet} ${e.variable}${e.where ? ` where ${formatExpr(e.where)}` : ''}${e.select ? ` : ${formatExpr(e.select)}` : ''})`;
    case 'TableLookup': return `${e.table}[${formatExpr(e.key)}]`;
    case 'List': return `[${e.elements.map(formatExpr).join(', ')}]`;
  }
  return '';
}
