// Checking one rule: its steps in order (each binds names for the next), the requirement, the subject
// and the message templates (placeholders must name something in scope; all three languages present).
import type { Diagnostic, LocalizedNote, LocalizedTemplate, RuleDecl, Span, Step } from './ast.ts';
import { LANGS } from '../core/lang.ts';
import { BUILTIN_NAMES } from './builtins.ts';
import {
  childEnv, column, expectBool, expectType, infer, knownSheet, lookup, namesInScope, settle,
  type Env, type RuleScope, type Ty,
} from './check-expr.ts';
import { suggestion } from '../core/did-you-mean.ts';
import { error, q, t3, warning } from './messages.ts';
import { INTERPRETATION_MARKS } from './texts.ts';
import { T, isDateRange } from './types.ts';

/** Placeholders every message may use besides the rule's own names. */
const TEMPLATE_WORDS = ['expected', 'actual', 'period', 'item', 'subject'];

export function builtinEnv(): Env {
  const env = childEnv(null);
  for (const [name, t] of BUILTIN_NAMES) env.names.set(name, t);
  return env;
}

export function checkRule(s: RuleScope, rule: RuleDecl): void {
  let env = childEnv(builtinEnv());
  for (const step of rule.steps) env = checkStep(s, step, env);
  if (rule.require.kind === 'single') {
    expectBool(s, rule.require.condition, env, t3("'require'", "'require'", "'require'"));
  } else {
    const items = new Set<string>();
    for (const entry of rule.require.entries) {
      if (items.has(entry.item)) s.diagnostics.push(error('duplicate-item', entry.span, t3(`checklist item ${entry.item} appears twice`, `пункт ${entry.item} повторяется`, `${entry.item} тармағы қайталанады`)));
      items.add(entry.item);
      if (entry.guard) expectBool(s, entry.guard, env, t3("'if'", "'if'", "'if'"));
      expectBool(s, entry.condition, env, t3(`checklist item ${entry.item}`, `пункт ${entry.item}`, `${entry.item} тармағы`));
    }
  }
  if (rule.subject) {
    const t = settle(s, infer(s, rule.subject, env), env);
    if (t.t === 'row' || t.t === 'list' || t.t === 'bool') {
      s.diagnostics.push(error('type-mismatch', rule.subject.span, t3("'subject' must be one id, code, number or text (e.g. g.group_id)", "'subject' должен быть одним кодом, числом или текстом (например g.group_id)", "'subject' бір код, сан немесе мәтін болуы керек (мысалы g.group_id)")));
    }
  }
  checkTemplate(s, rule.message, env, 'message', true);
  if (rule.expected) checkTemplate(s, rule.expected, env, 'expected', false);
  if (rule.actual) checkTemplate(s, rule.actual, env, 'actual', false);
  if (rule.note) checkNote(s.diagnostics, rule.note, 'note');
  if (rule.scope.text) checkNote(s.diagnostics, rule.scope.text, 'scope');
  checkItemLabels(s, rule);
}

/**
 * A text for people (`note`, an item's label): one string, or all three languages. A note that says it
 * is an interpretation says so in every language it is written in, so that each reader sees it.
 */
export function checkNote(out: Diagnostic[], t: LocalizedNote, field: string): void {
  if (t.all !== undefined) return;
  const missing = LANGS.filter((l) => !t.texts[l]);
  if (missing.length > 0) {
    out.push(error('missing-language', t.span, t3(`'${field}' has no text in ${missing.join(', ')}: give kk, ru and en, or one text for all`,
      `в '${field}' нет текста на ${missing.join(', ')}: нужны kk, ru и en или один текст для всех`,
      `'${field}' ішінде ${missing.join(', ')} мәтіні жоқ: kk, ru және en немесе бәріне бір мәтін беріңіз`)));
  }
  const marked = LANGS.filter((l) => t.texts[l]?.startsWith(INTERPRETATION_MARKS[l]) === true);
  const unmarked = LANGS.filter((l) => t.texts[l] !== undefined && !marked.includes(l));
  if (marked.length > 0 && unmarked.length > 0) {
    const marks = LANGS.map((l) => `${l} "${INTERPRETATION_MARKS[l]}"`).join(', ');
    out.push(error('interpretation-mark', t.span, t3(`the note is marked as an interpretation in ${marked.join(', ')} but not in ${unmarked.join(', ')}: begin every language with its mark (${marks})`,
      `заметка помечена как толкование на ${marked.join(', ')}, но не на ${unmarked.join(', ')}: начните каждый язык с его пометки (${marks})`,
      `ескертпе ${marked.join(', ')} тілінде түсіндіру деп белгіленген, ал ${unmarked.join(', ')} тілінде жоқ: әр тілді өз белгісімен бастаңыз (${marks})`)));
  }
}

/** `item NAME …` labels an item the rule has (a checklist entry or a value of a literal `each item` list). */
function checkItemLabels(s: RuleScope, rule: RuleDecl): void {
  if (rule.itemLabels.length === 0) return;
  const names = new Set<string>();
  let open = false;
  if (rule.require.kind === 'checklist') for (const e of rule.require.entries) names.add(e.item);
  for (const step of rule.steps) {
    if (step.kind !== 'Items') continue;
    if (step.items.kind === 'expr') { open = true; continue; }
    for (const en of step.items.entries) for (const alt of en.alternatives) if (alt.kind === 'Name') names.add(alt.name);
  }
  for (const l of rule.itemLabels) {
    checkNote(s.diagnostics, l.label, `item ${l.name}`);
    if (open || names.has(l.name)) continue;
    const dym = suggestion(l.name, [...names]);
    s.diagnostics.push(warning('unknown-item', l.nameSpan, t3(`rule ${rule.name} has no item ${q(l.name)} to label${dym.en}`,
      `в правиле ${rule.name} нет пункта ${q(l.name)}, который можно назвать${dym.ru}`, `${rule.name} ережесінде аталатын ${q(l.name)} тармағы жоқ${dym.kk}`)));
  }
}

function bind(s: RuleScope, env: Env, name: string, t: Ty, span: Span): void {
  if (lookup(env, name)) {
    s.diagnostics.push(error('duplicate-name', span, t3(`the name ${q(name)} is already used in this rule; pick another`, `имя ${q(name)} уже используется в этом правиле; выберите другое`, `${q(name)} атауы бұл ережеде бар; басқасын таңдаңыз`)));
  }
  env.names.set(name, t);
}

function checkStep(s: RuleScope, step: Step, env: Env): Env {
  const next = childEnv(env);
  switch (step.kind) {
    case 'For': {
      if (step.source.kind === 'sheet') {
        const ok = knownSheet(s, step.source.sheet, step.span);
        bind(s, next, step.variable, ok ? { t: 'row', sheet: step.source.sheet } : T.any, step.span);
      } else {
        const t = infer(s, step.source.expr, env);
        let elem: Ty = T.any;
        if (t.t === 'codes') elem = t;
        else if (t.t === 'list') elem = t.of;
        else if (t.t !== 'any') s.diagnostics.push(error('type-mismatch', step.source.expr.span, t3("'for … in' needs a sheet or a list", "'for … in' требует лист или список", "'for … in' парақты немесе тізімді қажет етеді")));
        bind(s, next, step.variable, elem, step.span);
      }
      break;
    }
    case 'Join': {
      const ok = knownSheet(s, step.sheet, step.span);
      bind(s, next, step.variable, ok ? { t: 'row', sheet: step.sheet } : T.any, step.span);
      expectBool(s, step.on, next, t3("'join … on'", "'join … on'", "'join … on'"));
      break;
    }
    case 'Where': expectBool(s, step.condition, env, t3("'where'", "'where'", "'where'")); break;
    case 'Let': bind(s, next, step.name, infer(s, step.value, env), step.span); break;
    case 'Dated': expectType(s, step.date, env, (t) => t.t === 'date', t3('a date', 'дата', 'күн'), t3("'dated'", "'dated'", "'dated'")); break;
    case 'Per': {
      expectType(s, step.within, env, isDateRange, t3('a period or a date range a .. b', 'период или диапазон дат a .. b', 'кезең немесе a .. b күндер аралығы'), t3("'per … in'", "'per … in'", "'per … in'"));
      for (const ex of step.except) {
        const inner = childEnv(env);
        inner.names.set(ex.variable, knownSheet(s, ex.sheet, ex.span) ? { t: 'row', sheet: ex.sheet } : T.any);
        if (ex.where) expectBool(s, ex.where, inner, t3("'except … where'", "'except … where'", "'except … where'"));
        expectType(s, ex.during, inner, isDateRange, t3('a date range a .. b', 'диапазон дат a .. b', 'a .. b күндер аралығы'), t3("'during'", "'during'", "'during'"));
      }
      bind(s, next, step.variable, { t: 'period', unit: step.unit }, step.span);
      break;
    }
    case 'Items': {
      if (step.items.kind === 'expr') {
        const t = settle(s, infer(s, step.items.expr, env), env);
        if (t.t !== 'list' && t.t !== 'any') s.diagnostics.push(error('type-mismatch', step.items.expr.span, t3("'each item … in' needs a list", "'each item … in' требует список", "'each item … in' тізімді қажет етеді")));
        bind(s, next, step.variable, T.item, step.span);
      } else {
        const refs = [];
        for (const entry of step.items.entries) {
          if (entry.guard) expectBool(s, entry.guard, env, t3("'if'", "'if'", "'if'"));
          for (const alt of entry.alternatives) {
            const t = infer(s, alt, env);
            if (t.t === 'codes') refs.push(...t.refs);
          }
        }
        bind(s, next, step.variable, refs.length > 0 ? { t: 'codes', refs, item: true } : T.item, step.span);
      }
      break;
    }
  }
  return next;
}

function checkTemplate(s: RuleScope, tpl: LocalizedTemplate, env: Env, field: string, allLanguages: boolean): void {
  if (tpl.all === undefined && (allLanguages || Object.keys(tpl.texts).length > 0)) {
    const missing = LANGS.filter((l) => !tpl.texts[l]);
    if (missing.length > 0) {
      s.diagnostics.push(error('missing-language', tpl.span, t3(`'${field}' has no text in ${missing.join(', ')}: give kk, ru and en`,
        `в '${field}' нет текста на ${missing.join(', ')}: нужны kk, ru и en`, `'${field}' ішінде ${missing.join(', ')} мәтіні жоқ: kk, ru және en керек`)));
    }
  }
  const texts = new Set(Object.values(tpl.texts));
  if (tpl.all !== undefined) texts.add(tpl.all);
  const seen = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
      const ph = m[1].trim();
      if (seen.has(ph)) continue;
      seen.add(ph);
      checkPlaceholder(s, ph, env, tpl.span);
    }
  }
}

function checkPlaceholder(s: RuleScope, ph: string, env: Env, span: Span): void {
  const [head, field, ...rest] = ph.split('.');
  const t = lookup(env, head);
  if (rest.length === 0 && field === undefined && (t || TEMPLATE_WORDS.includes(head))) return;
  if (t && field !== undefined && rest.length === 0) {
    if (t.t === 'row') { if (column(s, t.sheet, field, span)) s.needs.columns.add(`${t.sheet}.${field}`); return; }
  }
  const dym = suggestion(ph, [...namesInScope(env), ...TEMPLATE_WORDS]);
  s.diagnostics.push(error('unknown-placeholder', span, t3(`the placeholder {${ph}} names nothing in this rule${dym.en}`,
    `подстановка {${ph}} не называет ничего в этом правиле${dym.ru}`, `{${ph}} орны бұл ережедегі ештеңені атамайды${dym.kk}`)));
}

