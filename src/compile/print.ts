// Prints an expression back as rule-language text: the names of derived facts in compiled JSON.
import type { Expr } from '../lang/ast.ts';

const PREC: Record<string, number> = { or: 1, and: 2, not: 3, cmp: 4, '..': 5, '∩': 6, '+': 7, '-': 7, '*': 8, '/': 8 };

export function exprToText(e: Expr): string {
  return print(e, 0);
}

function wrap(text: string, prec: number, outer: number): string {
  return prec < outer ? `(${text})` : text;
}

function print(e: Expr, outer: number): string {
  switch (e.kind) {
    case 'Literal':
      if (e.type === 'text') return JSON.stringify(e.value);
      if (e.type === 'bool') return e.value ? 'yes' : 'no';
      if (e.type === 'empty') return 'empty';
      return String(e.value);
    case 'Name': return e.name;
    case 'Field': return `${e.object}.${e.field}`;
    case 'Unary': return e.op === 'not' ? wrap(`not ${print(e.operand, PREC.not!)}`, PREC.not!, outer) : `-${print(e.operand, 9)}`;
    case 'Binary': {
      const p = PREC[e.op]!;
      return wrap(`${print(e.left, p)} ${e.op} ${print(e.right, p + 1)}`, p, outer);
    }
    case 'Compare': return wrap(`${print(e.left, PREC.cmp! + 1)} ${e.op} ${print(e.right, PREC.cmp! + 1)}`, PREC.cmp!, outer);
    case 'In': return wrap(`${print(e.value, PREC.cmp! + 1)} ${e.negated ? 'not in' : 'in'} ${print(e.list, PREC.cmp! + 1)}`, PREC.cmp!, outer);
    case 'EmptyTest': return wrap(`${print(e.operand, PREC.cmp! + 1)} is ${e.present ? 'present' : 'empty'}`, PREC.cmp!, outer);
    case 'DateShift': {
      const cal = e.calendar ? ` on ${e.calendar}` : '';
      return wrap(`${print(e.date, 7)} ${e.sign > 0 ? '+' : '-'} ${print(e.amount, 8)} ${e.unit}${cal}`, 7, outer);
    }
    case 'Interval': return wrap(`${print(e.from, 6)} .. ${print(e.to, 6)}`, 5, outer);
    case 'Call': return `${e.fn}(${e.args.map((a) => print(a, 0)).join(', ')})`;
    case 'Aggregate': {
      const where = e.where ? ` where ${print(e.where, 0)}` : '';
      const select = e.select ? ` : ${print(e.select, 0)}` : '';
      return `${e.fn}(${e.sheet} ${e.variable}${where}${select})`;
    }
    case 'TableLookup': return `${e.table}[${print(e.key, 0)}]`;
    case 'List': return `[${e.elements.map((a) => print(a, 0)).join(', ')}]`;
  }
}
