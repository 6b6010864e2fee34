// A checked rule file → CompiledRuleset (metadata + compiled rules + the portable JSON form).
import type { WorkingDayCalendar } from '../calendar/index.ts';
import { formatIsoDate, parseDateText } from '../core/date.ts';
import type { CheckedRuleFile } from '../lang/ast.ts';
import { textIn } from '../lang/texts.ts';
import { WORKBOOK_SCHEMA } from '../schema/index.ts';
import type { WorkbookSchema } from '../schema/types.ts';
import { CompileError, ExprCompiler } from './expr.ts';
import { OPERATORS } from './operators.ts';
import { compileRule } from './rule.ts';
import type { CompiledRuleset, RulesetJson } from './types.ts';

export interface CompileEnv {
  readonly calendars: ReadonlyMap<string, WorkingDayCalendar>;
  /** The workbook contract (default: the project's); gives key columns and column types. */
  readonly schema?: WorkbookSchema;
}

export function compileRuleFile(checked: CheckedRuleFile, env: CompileEnv): CompiledRuleset {
  const rs = checked.file.ruleset;
  if (!rs) throw new CompileError(`${checked.file.path}: a parameter file (no ruleset) cannot be compiled on its own`);
  const schema = env.schema ?? WORKBOOK_SCHEMA;
  if (rs.calendar && !env.calendars.has(rs.calendar)) throw new CompileError(`${checked.file.path}: calendar "${rs.calendar}" is not loaded (rules/calendars/${rs.calendar}.json)`);
  const exprs = new ExprCompiler({ types: checked.types, tables: checked.tables, calendars: env.calendars, defaultCalendar: rs.calendar, schema });
  const rules = checked.file.rules.map((r) => {
    try {
      return compileRule(rs.id, r, exprs, schema);
    } catch (err) {
      if (err instanceof CompileError) throw new CompileError(`${r.span.file}:${r.span.line}:${r.span.col}: rule ${r.name}: ${err.message}`);
      throw err;
    }
  });
  const day = (iso: string | undefined) => (iso === undefined ? null : parseDateText(iso) ?? null);
  const from = day(rs.inForce.from?.iso), until = day(rs.inForce.until?.iso);
  const inForce = {
    from, until,
    fromApproximate: textIn(rs.inForce.from?.approximate, 'en'),
    untilApproximate: textIn(rs.inForce.until?.approximate, 'en'),
  };
  const act = `Order N ${rs.act.number} of ${rs.act.date.iso}`;
  const actLabel = {
    kk: `${rs.act.date.iso} № ${rs.act.number} бұйрық`, ru: `Приказ № ${rs.act.number} от ${rs.act.date.iso}`, en: act,
  };
  return {
    id: rs.id, version: rs.version, title: rs.title, appliesTo: rs.appliesTo, act, actLabel, inForce,
    supersedes: rs.supersedes, calendar: rs.calendar, rules,
    toJson(): RulesetJson {
      return {
        schema: 'ereje.compiled-ruleset/1',
        id: rs.id, version: rs.version, applies_to: rs.appliesTo, act,
        in_force: {
          from: from === null ? null : formatIsoDate(from), until: until === null ? null : formatIsoDate(until),
          approximate: inForce.fromApproximate !== null || inForce.untilApproximate !== null,
        },
        supersedes: rs.supersedes,
        operators: Object.keys(OPERATORS),
        rules: rules.flatMap((r) => r.requirements.map((q) => ({
          name: q.item === null ? r.id : `${r.id}#${q.item}`,
          conditions: q.conditions,
          event: { type: 'compliant', params: { rule: r.id, clause: r.clause, severity: r.severity, item: q.item } },
        }))),
      };
    },
  };
}
