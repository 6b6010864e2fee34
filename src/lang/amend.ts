// Amendments as deltas. A file whose header says `amends "residential@2009-240-o"` holds only what an
// amending order changes: `change rule` blocks (the parts given replace the amended version's), new
// rules, `repeal rule` lines, `change table` blocks (new values with their new quote) and new tables.
// Here each such file is turned into the effective version it stands for — the amended version with the
// changes applied — an ordinary RuleFile that the checker, the compiler and the engine take like any
// other (it carries `amendment` so that listings can say which rules were inherited, changed or added).
// Pure: the files are given, nothing is read.
import { posix } from 'node:path';
import type { Amendment, Diagnostic, ImportDecl, RuleChange, RuleDecl, RuleFile, RuleOrigin, RulesetDecl, Span, TableDecl } from './ast.ts';
import { suggestion } from '../core/did-you-mean.ts';
import { q, reportInto, type Report } from './messages.ts';
import { importTarget } from './import-target.ts';

export interface AmendResult {
  /** The files with each amendment replaced by its effective version (dropped when it cannot be built). */
  readonly files: RuleFile[];
  readonly diagnostics: Diagnostic[];
}

const key = (id: string, version: string) => `${id}@${version}`;

/** The file as written that an effective file was built from (itself for an ordinary file). */
export function writtenFile(f: RuleFile): RuleFile {
  return f.amendment?.delta ?? f;
}

export function applyAmendments(files: readonly RuleFile[]): AmendResult {
  const diagnostics: Diagnostic[] = [];
  const report = reportInto(diagnostics);
  const byVersion = new Map<string, RuleFile>();
  for (const f of files) if (f.ruleset && !byVersion.has(key(f.ruleset.id, f.ruleset.version))) byVersion.set(key(f.ruleset.id, f.ruleset.version), f);
  const byPath = new Map(files.map((f) => [posix.normalize(f.path), f]));
  const memo = new Map<RuleFile, RuleFile | null>();

  const effective = (f: RuleFile, stack: readonly RuleFile[]): RuleFile | null => {
    const rs = f.ruleset;
    if (!rs?.base) return f;
    if (stack.includes(f)) {
      report(rs.base.span, 'amends-cycle', `${key(rs.id, rs.version)} amends itself through ${stack.map((s) => key(s.ruleset!.id, s.ruleset!.version)).join(' → ')}: an amendment amends an earlier version`,
        `${key(rs.id, rs.version)} изменяет сама себя через ${stack.map((s) => key(s.ruleset!.id, s.ruleset!.version)).join(' → ')}: поправка изменяет более раннюю версию`,
        `${key(rs.id, rs.version)} өзін-өзі ${stack.map((s) => key(s.ruleset!.id, s.ruleset!.version)).join(' → ')} арқылы өзгертеді: өзгеріс ертерек нұсқаны өзгертеді`);
      return null;
    }
    if (memo.has(f)) return memo.get(f)!;
    const ref = key(rs.base.id, rs.base.version);
    if (rs.base.id !== rs.id) {
      report(rs.base.span, 'amends-other-ruleset', `an amendment of ${rs.id} amends a version of ${rs.id}, not of ${rs.base.id}`,
        `поправка к ${rs.id} изменяет версию ${rs.id}, а не ${rs.base.id}`, `${rs.id} өзгерісі ${rs.base.id} нұсқасын емес, ${rs.id} нұсқасын өзгертеді`);
      memo.set(f, null);
      return null;
    }
    const base = byVersion.get(ref);
    if (!base) {
      const known = files.filter((x) => x.ruleset?.id === rs.id && x !== f).map((x) => key(x.ruleset!.id, x.ruleset!.version));
      const dym = suggestion(ref, known);
      const list = known.length > 0 ? known.join(', ') : '—';
      report(rs.base.span, 'amends-missing', `${ref}, which this file amends, is not among the rule files checked (versions of ${rs.id} found: ${list})${dym.en}; check the two folders together`,
        `${ref}, которую изменяет этот файл, нет среди проверяемых файлов правил (найденные версии ${rs.id}: ${list})${dym.ru}; проверяйте обе папки вместе`,
        `бұл файл өзгертетін ${ref} тексерілетін ереже файлдарының арасында жоқ (${rs.id} табылған нұсқалары: ${list})${dym.kk}; екі қалтаны бірге тексеріңіз`);
      memo.set(f, null);
      return null;
    }
    const b = effective(base, [...stack, f]);
    const out = b === null ? null : merge(b, base, f, byPath, report);
    memo.set(f, out);
    return out;
  };

  const out: RuleFile[] = [];
  for (const f of files) {
    if (!f.ruleset?.base) {
      notAnAmendment(f, report);
      out.push(f);
      continue;
    }
    const e = effective(f, []);
    if (e) out.push(e);
  }
  return { files: out, diagnostics };
}

/** `change` and `repeal` belong in an amendment. */
function notAnAmendment(f: RuleFile, report: Report): void {
  for (const x of [...f.changes, ...f.tableChanges, ...f.repeals]) {
    const what = x.kind === 'Repeal' ? 'repeal rule' : x.kind === 'RuleChange' ? 'change rule' : 'change table';
    report(x.span, 'not-an-amendment', `'${what}' belongs in an amendment: a file whose header says which version it amends (ruleset … version "…" amends "ruleset@version")`,
      `'${what}' пишется в поправке: в файле, заголовок которого называет изменяемую версию (ruleset … version "…" amends "ruleset@версия")`,
      `'${what}' өзгеріс файлында жазылады: тақырыбы өзгертілетін нұсқаны атайтын файлда (ruleset … version "…" amends "ruleset@нұсқа")`);
  }
}

/** The tables a file can see by name: its own, and the ones it imports (with the import). */
function visibleTables(f: RuleFile, byPath: ReadonlyMap<string, RuleFile>): Map<string, { table: TableDecl; via: ImportDecl | null }> {
  const out = new Map<string, { table: TableDecl; via: ImportDecl | null }>();
  for (const t of f.tables) if (!out.has(t.name)) out.set(t.name, { table: t, via: null });
  for (const imp of f.imports) {
    const target = byPath.get(importTarget(f, imp));
    const t = target?.tables.find((x) => x.name === imp.table);
    if (t && !out.has(t.name)) out.set(t.name, { table: t, via: imp });
  }
  return out;
}

/** An import of the base in the merged amendment: the file the base named, whatever the amendment's path. */
function reimport(imp: ImportDecl, base: RuleFile, delta: RuleFile): ImportDecl {
  const target = importTarget(base, imp);
  const deltaDir = posix.dirname(posix.normalize(delta.path));
  // As written from the amendment's folder, when both paths are of one kind (posix.relative of an absolute
  // and a relative path would read the working folder).
  const from = posix.isAbsolute(deltaDir) === posix.isAbsolute(target) ? posix.relative(deltaDir, target) : target;
  return { ...imp, from: from.startsWith('.') || posix.isAbsolute(from) ? from : `./${from}`, resolved: target };
}

function mergeRule(base: RuleDecl, c: RuleChange): RuleDecl {
  const g = new Set(c.given);
  const r = c.rule;
  return {
    ...base,
    clause: g.has('clause') ? r.clause : base.clause, clauseSpan: g.has('clause') ? r.clauseSpan : base.clauseSpan,
    severity: g.has('severity') ? r.severity : base.severity,
    scope: g.has('scope') ? r.scope : base.scope,
    quote: g.has('quote') ? r.quote : base.quote, quoteSpan: g.has('quote') ? r.quoteSpan : base.quoteSpan,
    note: g.has('note') ? r.note : base.note,
    steps: g.has('steps') ? r.steps : base.steps,
    require: g.has('require') ? r.require : base.require,
    subject: g.has('subject') ? r.subject : base.subject,
    expected: g.has('expected') ? r.expected : base.expected,
    actual: g.has('actual') ? r.actual : base.actual,
    message: g.has('message') ? r.message : base.message,
    itemLabels: g.has('items') ? r.itemLabels : base.itemLabels,
    examples: g.has('examples') ? r.examples : base.examples,
    span: c.span,
  };
}

/** `base` (effective) with `delta` applied; `written` is the base as written. */
function merge(base: RuleFile, written: RuleFile, delta: RuleFile, byPath: ReadonlyMap<string, RuleFile>, report: Report): RuleFile {
  const rs = delta.ruleset!, brs = base.ruleset!;
  const ref = key(brs.id, brs.version);
  const baseNames = base.rules.map((r) => r.name);
  const baseRules = new Map(base.rules.map((r) => [r.name, r]));
  const unknown = (span: Span, what: string, name: string) => {
    const dym = suggestion(name, baseNames);
    report(span, 'amends-unknown-rule', `${ref} has no rule ${q(name)} to ${what}${dym.en}`, `в ${ref} нет правила ${q(name)}${dym.ru}`, `${ref} ішінде ${q(name)} ережесі жоқ${dym.kk}`);
  };

  const changes = new Map<string, RuleChange>();
  for (const c of delta.changes) {
    if (!baseRules.has(c.name)) { unknown(c.nameSpan, 'change', c.name); continue; }
    if (changes.has(c.name)) { twice(report, c.nameSpan, c.name); continue; }
    changes.set(c.name, c);
  }
  const repeals = new Map<string, Span>();
  for (const r of delta.repeals) {
    if (!baseRules.has(r.name)) { unknown(r.nameSpan, 'repeal', r.name); continue; }
    if (repeals.has(r.name) || changes.has(r.name)) { twice(report, r.nameSpan, r.name); continue; }
    repeals.set(r.name, r.span);
  }
  for (const r of delta.rules) {
    if (!baseRules.has(r.name)) continue;
    report(r.span, 'amends-rule-exists', `${ref} already has a rule ${r.name}: to give it a new wording write 'change rule ${r.name} { … }' with the parts that change`,
      `в ${ref} уже есть правило ${r.name}: чтобы изложить его в новой редакции, пишите 'change rule ${r.name} { … }' с изменяемыми частями`,
      `${ref} ішінде ${r.name} ережесі бар: оны жаңа редакцияда жазу үшін өзгеретін бөліктерімен 'change rule ${r.name} { … }' деп жазыңыз`);
  }

  const origin = new Map<string, RuleOrigin>();
  const repealed: Amendment['repealed'][number][] = [];
  const rules: RuleDecl[] = [];
  for (const r of base.rules) {
    if (repeals.has(r.name)) { repealed.push({ name: r.name, clause: r.clause, span: repeals.get(r.name)! }); continue; }
    const c = changes.get(r.name);
    rules.push(c ? mergeRule(r, c) : r);
    origin.set(r.name, c ? 'changed' : 'inherited');
  }
  for (const r of delta.rules) {
    if (baseRules.has(r.name)) continue;
    rules.push(r);
    origin.set(r.name, 'added');
  }

  // Tables: changed values replace the amended version's; an imported table that changes becomes the
  // amendment's own (the parameter file it came from stays as it is for the versions that import it).
  const visible = visibleTables(base, byPath);
  const changedTables = new Map<string, TableDecl>();
  for (const tc of delta.tableChanges) {
    const old = visible.get(tc.name);
    if (!old) {
      const dym = suggestion(tc.name, visible.keys());
      report(tc.nameSpan, 'amends-unknown-table', `${ref} has no table ${q(tc.name)} to change${dym.en}; a new table is written 'table ${tc.name} by …: … { … }'`,
        `в ${ref} нет таблицы ${q(tc.name)}${dym.ru}; новая таблица пишется 'table ${tc.name} by …: … { … }'`,
        `${ref} ішінде ${q(tc.name)} кестесі жоқ${dym.kk}; жаңа кесте 'table ${tc.name} by …: … { … }' деп жазылады`);
      continue;
    }
    if (changedTables.has(tc.name)) { twice(report, tc.nameSpan, tc.name); continue; }
    if (tc.quote === null) {
      report(tc.nameSpan, 'amends-table-quote', `a changed table value comes with its new quote: add 'quote "…"' with the amending order's words for the new values`,
        `измененное значение таблицы приводится с новой цитатой: добавьте 'quote "…"' со словами изменяющего приказа о новых значениях`,
        `кестенің өзгерген мәні жаңа дәйексөзімен беріледі: жаңа мәндер туралы өзгеріс енгізетін бұйрықтың сөздерімен 'quote "…"' қосыңыз`);
    }
    const entries = [
      ...old.table.entries.map((e) => tc.entries.find((x) => x.key === e.key) ?? e),
      ...tc.entries.filter((x) => !old.table.entries.some((e) => e.key === x.key)),
    ];
    changedTables.set(tc.name, { ...old.table, citation: tc.citation ?? old.table.citation, quote: tc.quote ?? old.table.quote, entries, span: tc.span });
  }
  for (const t of delta.tables) {
    if (!visible.has(t.name)) continue;
    report(t.span, 'amends-table-exists', `${ref} already has a table ${t.name}: to change its values write 'change table ${t.name} { quote "…" key = value }'`,
      `в ${ref} уже есть таблица ${t.name}: чтобы изменить ее значения, пишите 'change table ${t.name} { quote "…" ключ = значение }'`,
      `${ref} ішінде ${t.name} кестесі бар: мәндерін өзгерту үшін 'change table ${t.name} { quote "…" кілт = мән }' деп жазыңыз`);
  }
  const tables = [
    ...base.tables.map((t) => changedTables.get(t.name) ?? t),
    ...[...changedTables.values()].filter((t) => visible.get(t.name)?.via !== null),
    ...delta.tables.filter((t) => !visible.has(t.name)),
  ];
  const imports = [
    ...base.imports.filter((i) => !changedTables.has(i.table)).map((i) => reimport(i, base, delta)),
    ...delta.imports,
  ];

  if (rs.appliesTo && rs.appliesTo !== brs.appliesTo) {
    report(rs.span, 'amends-applies-to', `an amendment keeps the kind of facility of the version it amends (${brs.appliesTo}), not ${rs.appliesTo}`,
      `поправка сохраняет тип учреждения изменяемой версии (${brs.appliesTo}), а не ${rs.appliesTo}`,
      `өзгеріс өзгертілетін нұсқаның мекеме түрін (${brs.appliesTo}) сақтайды, ${rs.appliesTo} емес`);
  }
  const ruleset: RulesetDecl = {
    ...rs,
    title: Object.keys(rs.title).length > 0 ? rs.title : brs.title,
    appliesTo: brs.appliesTo,
    supersedes: [ref, ...rs.supersedes.filter((s) => s !== ref)],
    calendar: rs.calendar ?? brs.calendar,
  };
  const chain = [delta, ...(base.amendment?.chain ?? [written])];
  return {
    kind: 'RuleFile', path: delta.path, ruleset, imports, tables, rules, changes: [], tableChanges: [], repeals: [],
    comments: [], span: delta.span,
    amendment: { delta, base, chain, origin, repealed, changedTables: [...changedTables.keys()] },
  };
}

function twice(report: Report, span: Span, name: string): void {
  report(span, 'amends-twice', `${name} is changed or repealed twice in this amendment; keep one`,
    `${name} изменено или отменено в этой поправке дважды; оставьте одно`, `${name} бұл өзгерісте екі рет өзгертілген немесе алынып тасталған; біреуін қалдырыңыз`);
}
