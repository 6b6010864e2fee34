// Limits that keep a damaged or pasted rule file from stalling or crashing the checker: how deep an
// expression may nest (the parser, the checker, the compiler and the engine walk expressions
// recursively), and how many problems one file reports before the rest are only counted.
import type { Diagnostic, Expr, RuleFile, Span } from './ast.ts';
import { sortDiagnostics, t3 } from './messages.ts';

/**
 * Brackets, `not`/`-` prefixes and chained operators (`a and b and …`) may nest this deep. The real rule
 * files nest under 10 levels; the parser overflows the stack at a few hundred.
 */
export const MAX_NESTING = 64;

/** Longest name (a rule, a table, a `let`, a column); the real ones are under 30 characters. */
export const MAX_NAME_LENGTH = 64;

/** Problems shown per file; the rest are counted in one closing diagnostic ("… and 1,234 more errors"). */
export const MAX_ERRORS_PER_FILE = 50;

/**
 * A file longer than this (ten times the largest rule file) that has a syntax error is not read again
 * to repair an unclosed quote or to check the rules outside the error: each attempt costs a whole parse
 * of what is most likely a paste or an accident.
 */
export const RECOVERY_MAX_LENGTH = 1_000_000;

const grouped = (n: number) => n.toLocaleString('en-US');

export function tooDeepMessage(depth: number | null): Diagnostic['message'] {
  const how = depth === null ? `more than ${MAX_NESTING}` : grouped(depth);
  const kk = depth === null ? `${MAX_NESTING}-тен астам` : grouped(depth);
  const ru = depth === null ? `более ${MAX_NESTING}` : grouped(depth);
  return t3(
    `this expression nests ${how} levels deep (brackets, 'not', or operators like 'and' chained); at most ${MAX_NESTING} are allowed: split it into several 'where' steps, 'let' names or a 'require { … }' checklist`,
    `выражение вложено на ${ru} уровней (скобки, 'not' или цепочка операторов вроде 'and'); допускается не более ${MAX_NESTING}: разбейте его на несколько шагов 'where', имена 'let' или список 'require { … }'`,
    `өрнек ${kk} деңгейге кірістірілген (жақшалар, 'not' немесе 'and' сияқты операторлар тізбегі); ең көбі ${MAX_NESTING} рұқсат: оны бірнеше 'where' қадамына, 'let' атауларына немесе 'require { … }' тізіміне бөліңіз`);
}

export function nameTooLongMessage(length: number): Diagnostic['message'] {
  return t3(`this name is ${grouped(length)} characters long; a name may have at most ${MAX_NAME_LENGTH}`,
    `имя длиной ${grouped(length)} символов; допускается не более ${MAX_NAME_LENGTH}`,
    `бұл атау ${grouped(length)} таңбадан тұрады; атау ең көбі ${MAX_NAME_LENGTH} таңба болады`);
}

function children(e: Expr): readonly (Expr | null)[] {
  switch (e.kind) {
    case 'Unary': case 'EmptyTest': return [e.operand];
    case 'Binary': case 'Compare': return [e.left, e.right];
    case 'In': return [e.value, e.list];
    case 'DateShift': return [e.date, e.amount];
    case 'Interval': return [e.from, e.to];
    case 'Call': return e.args;
    case 'Aggregate': return [e.where, e.select];
    case 'TableLookup': return [e.key];
    case 'List': return e.elements;
    default: return [];
  }
}

/** How deep `e` nests, counted without recursion (a 10,000-term chain must not overflow the stack here). */
function exprDepth(e: Expr): number {
  let max = 0;
  const stack: [Expr, number][] = [[e, 1]];
  while (stack.length > 0) {
    const [x, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of children(x)) if (c) stack.push([c, d + 1]);
  }
  return max;
}

/** Every expression written in a file (rules, tables, example parameters), top level only. */
function topExpressions(file: RuleFile): Expr[] {
  const out: Expr[] = [];
  const add = (e: Expr | null | undefined) => { if (e) out.push(e); };
  for (const t of file.tables) for (const entry of t.entries) add(entry.value);
  for (const r of file.rules) {
    for (const s of r.steps) {
      switch (s.kind) {
        case 'For': if (s.source.kind === 'list') add(s.source.expr); break;
        case 'Join': add(s.on); break;
        case 'Where': add(s.condition); break;
        case 'Let': add(s.value); break;
        case 'Dated': add(s.date); break;
        case 'Per': add(s.within); for (const x of s.except) { add(x.where); add(x.during); } break;
        case 'Items':
          if (s.items.kind === 'expr') add(s.items.expr);
          else for (const entry of s.items.entries) { entry.alternatives.forEach(add); add(entry.guard); }
          break;
      }
    }
    if (r.require.kind === 'single') add(r.require.condition);
    else for (const entry of r.require.entries) { add(entry.guard); add(entry.condition); }
    add(r.subject);
    for (const ex of r.examples) for (const p of ex.params) add(p.value);
  }
  return out;
}

/** Expressions nesting deeper than MAX_NESTING, as (span, depth). */
export function tooDeep(file: RuleFile): { span: Span; depth: number }[] {
  const out: { span: Span; depth: number }[] = [];
  for (const e of topExpressions(file)) {
    const depth = exprDepth(e);
    if (depth > MAX_NESTING) out.push({ span: e.span, depth });
  }
  return out;
}

/**
 * At most MAX_ERRORS_PER_FILE errors per file (the first by place), then one closing diagnostic that
 * counts the rest. Warnings are kept within the same budget. The result is sorted by place.
 */
export function capDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const shown = new Map<string, number>();
  const omitted = new Map<string, { first: Diagnostic; errors: number; warnings: number }>();
  const out: Diagnostic[] = [];
  for (const d of sortDiagnostics([...ds])) {
    // "Reading stopped here" says what the count cannot: the rest of the file was not read at all.
    if (d.code === 'reading-stopped') { out.push(d); continue; }
    const n = shown.get(d.span.file) ?? 0;
    if (n < MAX_ERRORS_PER_FILE) {
      shown.set(d.span.file, n + 1);
      out.push(d);
      continue;
    }
    const o = omitted.get(d.span.file) ?? { first: d, errors: 0, warnings: 0 };
    const count = d.omitted ?? 1;
    if (d.severity === 'error') o.errors += count; else o.warnings += count;
    omitted.set(d.span.file, o);
  }
  for (const { first, errors, warnings } of omitted.values()) out.push(moreDiagnostic(first.span, errors, warnings));
  return sortDiagnostics(out);
}

/** "… and N more errors in this file" at the first one not shown. */
function moreDiagnostic(span: Span, errors: number, warnings: number): Diagnostic {
  const e = grouped(errors), w = grouped(warnings);
  const en = [errors > 0 ? `${e} more error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${w} more warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  const ru = [errors > 0 ? `ещё ошибок: ${e}` : '', warnings > 0 ? `ещё предупреждений: ${w}` : ''].filter(Boolean).join(', ');
  const kk = [errors > 0 ? `тағы ${e} қате` : '', warnings > 0 ? `тағы ${w} ескерту` : ''].filter(Boolean).join(' және ');
  return {
    severity: errors > 0 ? 'error' : 'warning', code: 'too-many-errors', span, omitted: errors > 0 ? errors : warnings,
    message: t3(`… and ${en} in this file, from here on (not shown): fix the ones above first`,
      `… и ${ru} в этом файле, начиная отсюда (не показаны): сначала исправьте те, что выше`,
      `… және осы файлда осы жерден бастап ${kk} (көрсетілмеді): алдымен жоғарыдағыларын түзетіңіз`),
  };
}
