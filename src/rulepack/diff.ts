// Clause-level differences between two versions of a ruleset: which rules were added or removed, and for
// rules in both, what changed — clause, quote, severity, scope, the query and requirement (as rule text),
// messages — plus changed parameter-table values and changed header facts (act, in-force dates).
import { exprToText } from '../compile/index.ts';
import { compareClauses } from '../engine/index.ts';
import type { CheckedRuleFile, Expr, LocalizedNote, RuleDecl, Step, TableDecl } from '../lang/ast.ts';

export type RuleField = 'clause' | 'quote' | 'severity' | 'scope' | 'condition' | 'subject' | 'message' | 'note';

export interface FieldChange { readonly field: string; readonly before: string; readonly after: string }

export interface RuleDiff {
  readonly rule: string;
  /** The clause in the newer version (the older one for a removed rule). */
  readonly clause: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly fields: readonly FieldChange[];
}

export interface TableValueChange { readonly table: string; readonly key: string; readonly before: string | null; readonly after: string | null }

export interface RulesetDiff {
  readonly ruleset: string;
  readonly from: string;
  readonly to: string;
  readonly header: readonly FieldChange[];
  readonly rules: readonly RuleDiff[];
  readonly tables: readonly TableValueChange[];
}

const ex = (e: Expr | null): string => (e === null ? '' : exprToText(e));

export function stepText(s: Step): string {
  switch (s.kind) {
    case 'For': return `for ${s.variable} in ${s.source.kind === 'sheet' ? s.source.sheet : ex(s.source.expr)}`;
    case 'Join': return `join ${s.variable} in ${s.sheet} on ${ex(s.on)}`;
    case 'Where': return `where ${ex(s.condition)}`;
    case 'Let': return `let ${s.name} = ${ex(s.value)}`;
    case 'Dated': return `dated ${ex(s.date)}`;
    case 'Per': {
      const except = s.except.map((x) => ` except ${x.sheet} ${x.variable}${x.where ? ` where ${ex(x.where)}` : ''} during ${ex(x.during)}`).join('');
      return `per ${s.full ? 'full ' : ''}${s.unit} ${s.variable} in ${ex(s.within)}${except}`;
    }
    case 'Items': {
      if (s.items.kind === 'expr') return `each item ${s.variable} in ${ex(s.items.expr)}`;
      const entries = s.items.entries.map((e) => e.alternatives.map(ex).join(' | ') + (e.guard ? ` if ${ex(e.guard)}` : ''));
      return `each item ${s.variable} in [${entries.join(', ')}]`;
    }
  }
}

/** The rule's query and requirement as rule-language text, one step a line. */
export function conditionText(r: RuleDecl): string {
  const req = r.require.kind === 'single'
    ? `require ${ex(r.require.condition)}`
    : `require { ${r.require.entries.map((e) => `${e.item}${e.guard ? ` if ${ex(e.guard)}` : ''}: ${ex(e.condition)}`).join('; ')} }`;
  return [...r.steps.map(stepText), req].join('\n');
}

function messageText(r: RuleDecl): string {
  const items = r.itemLabels.map((i) => `item ${i.name}: ${i.label.all ?? (['kk', 'ru', 'en'] as const).map((l) => `${l} ${JSON.stringify(i.label.texts[l] ?? '')}`).join(' ')}`);
  return [(['kk', 'ru', 'en'] as const).map((l) => `${l}: ${r.message.texts[l] ?? r.message.all ?? ''}`).join('\n'), ...items].join('\n');
}

/** A note or label as one text: the one string, or each language on its line. */
function localizedText(t: LocalizedNote | null): string {
  if (t === null) return '';
  return t.all ?? (['kk', 'ru', 'en'] as const).filter((l) => t.texts[l] !== undefined).map((l) => `${l}: ${t.texts[l]}`).join('\n');
}

function ruleFields(r: RuleDecl): Record<RuleField, string> {
  return {
    clause: r.clause, quote: r.quote, severity: r.severity,
    scope: `${r.scope.kind}${r.scope.text ? ` ${r.scope.text.all !== undefined ? JSON.stringify(r.scope.text.all) : (['kk', 'ru', 'en'] as const).map((l) => `${l} ${JSON.stringify(r.scope.text!.texts[l] ?? '')}`).join(' ')}` : ''}`,
    condition: conditionText(r), subject: ex(r.subject), message: messageText(r), note: localizedText(r.note),
  };
}

const FIELDS: readonly RuleField[] = ['clause', 'quote', 'severity', 'scope', 'condition', 'subject', 'message', 'note'];

function tableValues(t: TableDecl): Map<string, string | null> {
  return new Map(t.entries.map((e) => [e.key, e.value === null ? null : ex(e.value)]));
}

function headerFacts(c: CheckedRuleFile): Record<string, string> {
  const rs = c.file.ruleset!;
  const d = (s: { iso: string; approximate?: unknown } | null) => (s === null ? '' : `${s.approximate ? '≈' : ''}${s.iso}`);
  return {
    act: `N ${rs.act.number} of ${rs.act.date.iso}${rs.act.registration ? `, registered ${rs.act.registeredOn?.iso ?? ''} as N ${rs.act.registration}` : ''}`,
    in_force_from: d(rs.inForce.from), in_force_until: d(rs.inForce.until),
    applies_to: rs.appliesTo, supersedes: rs.supersedes.join(', '), source: rs.source ?? '', calendar: rs.calendar ?? '',
  };
}

/** Compares two checked versions of one ruleset (`a` the older). */
export function diffRulesets(a: CheckedRuleFile, b: CheckedRuleFile): RulesetDiff {
  const ra = a.file.ruleset!, rb = b.file.ruleset!;
  const header: FieldChange[] = [];
  const ha = headerFacts(a), hb = headerFacts(b);
  for (const k of Object.keys(ha)) if (ha[k] !== hb[k]) header.push({ field: k, before: ha[k]!, after: hb[k]! });

  const rules: RuleDiff[] = [];
  const before = new Map(a.file.rules.map((r) => [r.name, r]));
  const after = new Map(b.file.rules.map((r) => [r.name, r]));
  for (const [name, r] of before) if (!after.has(name)) rules.push({ rule: name, clause: r.clause, change: 'removed', fields: [] });
  for (const [name, r] of after) {
    const old = before.get(name);
    if (!old) { rules.push({ rule: name, clause: r.clause, change: 'added', fields: [] }); continue; }
    const fa = ruleFields(old), fb = ruleFields(r);
    const fields = FIELDS.filter((f) => fa[f] !== fb[f]).map((f) => ({ field: f, before: fa[f], after: fb[f] }));
    if (fields.length > 0) rules.push({ rule: name, clause: r.clause, change: 'changed', fields });
  }
  rules.sort((x, y) => compareClauses(x.clause, y.clause) || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0));

  const tables: TableValueChange[] = [];
  const names = [...new Set([...a.tables.keys(), ...b.tables.keys()])].sort();
  for (const t of names) {
    const va = a.tables.has(t) ? tableValues(a.tables.get(t)!) : new Map<string, string | null>();
    const vb = b.tables.has(t) ? tableValues(b.tables.get(t)!) : new Map<string, string | null>();
    for (const key of [...new Set([...va.keys(), ...vb.keys()])]) {
      const x = va.has(key) ? va.get(key)! : null, y = vb.has(key) ? vb.get(key)! : null;
      if (x !== y || va.has(key) !== vb.has(key)) tables.push({ table: t, key, before: x, after: y });
    }
  }
  return { ruleset: rb.id, from: ra.version, to: rb.version, header, rules, tables };
}

const DIFF_WORDS = {
  en: { header: 'header', added: 'added', removed: 'removed', changed: 'changed', params: 'parameters', none: 'no differences', unset: '_ (not filled in)', absent: '(absent)', open: 'open-ended', noDate: 'not given', blank: '(none)' },
  ru: { header: 'заголовок', added: 'добавлено', removed: 'удалено', changed: 'изменено', params: 'параметры', none: 'различий нет', unset: '_ (не заполнено)', absent: '(нет)', open: 'бессрочно', noDate: 'не указано', blank: '(нет)' },
  kk: { header: 'тақырып', added: 'қосылды', removed: 'алынып тасталды', changed: 'өзгерді', params: 'параметрлер', none: 'айырмашылық жоқ', unset: '_ (толтырылмаған)', absent: '(жоқ)', open: 'мерзімсіз', noDate: 'көрсетілмеген', blank: '(жоқ)' },
} as const;

/** An empty value in words: an open end of the in-force period, a start not given, or nothing. */
function shownValue(field: string, value: string, w: (typeof DIFF_WORDS)[keyof typeof DIFF_WORDS]): string {
  if (value !== '') return value;
  return field === 'in_force_until' ? w.open : field === 'in_force_from' ? w.noDate : w.blank;
}

function fieldLines(f: FieldChange, indent: string, w: (typeof DIFF_WORDS)[keyof typeof DIFF_WORDS]): string[] {
  if (!f.before.includes('\n') && !f.after.includes('\n')) return [`${indent}${f.field}: ${shownValue(f.field, f.before, w)} → ${shownValue(f.field, f.after, w)}`];
  const a = f.before.split('\n'), b = f.after.split('\n');
  const out = [`${indent}${f.field}:`];
  for (const l of a) if (!b.includes(l)) out.push(`${indent}  - ${l}`);
  for (const l of b) if (!a.includes(l)) out.push(`${indent}  + ${l}`);
  return out;
}

/** The diff as text, grouped by clause, in the user's language (quotes and rule text stay as written). */
export function renderDiff(d: RulesetDiff, lang: 'kk' | 'ru' | 'en', tableClauses: ReadonlyMap<string, string> = new Map()): string {
  const w = DIFF_WORDS[lang];
  const lines = [`${d.ruleset}: ${d.from} → ${d.to}`];
  if (d.header.length > 0) {
    lines.push(`  ${w.header}`);
    for (const f of d.header) lines.push(...fieldLines(f, '    ', w));
  }
  for (const r of d.rules) {
    lines.push(`  ${r.clause}  ${w[r.change]}  ${d.ruleset}/${r.rule}`);
    for (const f of r.fields) lines.push(...fieldLines(f, '      ', w));
  }
  for (const t of d.tables) {
    const v = (x: string | null) => (x === null ? w.unset : x);
    const clause = tableClauses.get(t.table);
    lines.push(`  ${clause ? `${clause}  ` : ''}${w.params}  ${t.table}[${t.key}]: ${v(t.before)} → ${v(t.after)}`);
  }
  if (d.header.length + d.rules.length + d.tables.length === 0) lines.push(`  ${w.none}`);
  return lines.join('\n') + '\n';
}

/** Each parameter table of a version → the clause of the first rule that looks it up. */
export function tableClausesOf(c: CheckedRuleFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of c.file.rules) {
    const text = conditionText(r);
    for (const t of c.tables.keys()) if (!out.has(t) && text.includes(`${t}[`)) out.set(t, r.clause);
  }
  return out;
}
