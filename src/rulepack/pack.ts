// The one pipeline every `rules` command (and `audit`) shares: a rule directory → sources → parse →
// check → quote verification → compile → clause manifests, with every problem collected as a
// diagnostic (file:line:col, kk/ru/en) instead of stopping at the first.
import { dirname, join, posix, resolve } from 'node:path';
import { parseCalendar, type CalendarFile, type WorkingDayCalendar } from '../calendar/index.ts';
import { compileRuleFile, CompileError, type CompiledRuleset } from '../compile/index.ts';
import type { CheckedRuleFile, Diagnostic, RuleFile, Span } from '../lang/ast.ts';
import { capDiagnostics, checkRuleFiles, importTarget, parseRuleFile, readInPart } from '../lang/index.ts';
import { WORKBOOK_SCHEMA } from '../schema/index.ts';
import { defaultRulesDir } from './load.ts';
import { FS_IO, KeptLoads, recordingIO, type PackIO } from './pack-io.ts';
import { parseManifest, validateManifest, type ClauseManifest, type LoadedManifest } from './manifest.ts';
import { verifyFileQuotes } from './quotes.ts';

export interface CompiledFile { readonly checked: CheckedRuleFile; readonly ruleset: CompiledRuleset }

export interface RulePack {
  readonly dir: string;
  /** Every parsed rule file, including parameter files imported from outside `dir`. */
  readonly files: readonly RuleFile[];
  readonly checked: readonly CheckedRuleFile[];
  /** Ruleset files that compiled, with their checked form (examples and tables live there). */
  readonly compiled: readonly CompiledFile[];
  readonly rulesets: readonly CompiledRuleset[];
  readonly manifests: readonly LoadedManifest[];
  readonly calendars: ReadonlyMap<string, WorkingDayCalendar>;
  /** The calendar files the calendars were built from, by name. */
  readonly calendarFiles: ReadonlyMap<string, CalendarFile>;
  /** The act's text per rule file path (for quotes shown in reports). */
  readonly actTexts: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  /** No error diagnostics. */
  readonly ok: boolean;
}

function fileSpan(file: string): Span {
  return { file, line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, length: 0 };
}

function err(span: Span, code: string, en: string, ru: string, kk: string): Diagnostic {
  return { severity: 'error', code, span, message: { en, ru, kk } };
}

/** Parses every source, then follows imports that point outside the directory (a ruleset folder alone). */
function parseAll(dirs: readonly string[], diagnostics: Diagnostic[], partial: RuleFile[], io: PackIO): RuleFile[] {
  // All `**/*.ereje` under each folder (or the folder itself when it is one .ereje file), sorted by path.
  const sources = dirs.flatMap((d) => (io.isFile(d) ? [resolve(d)] : io.findFiles(d, ['.ereje'])));
  const files = new Map<string, RuleFile>();
  const queue = sources.map((path) => ({ path: posix.normalize(path) }));
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (files.has(next.path)) continue;
    const text = io.readText(next.path);
    const parsed = parseRuleFile(text, next.path);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.file) {
      if (parsed.partial) partial.push(parsed.partial.file);
      continue;
    }
    files.set(next.path, parsed.file);
    const base = parsed.file.ruleset?.base;
    // Imports, and the version an amendment amends when it lies beside it as `<version>.ereje`.
    const targets = [
      ...parsed.file.imports.map((imp) => importTarget({ path: next.path }, imp)),
      ...(base ? [posix.join(posix.dirname(next.path), `${base.version}.ereje`)] : []),
    ];
    for (const target of targets) if (!files.has(target) && io.exists(target)) queue.push({ path: target });
  }
  return [...files.values()];
}

/** `calendars/<name>.json` in the rule directory or a folder above it, else in the repository's rules/. */
function findCalendarFile(dir: string, name: string, io: PackIO): string | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const p = join(d, 'calendars', `${name}.json`);
    if (io.exists(p)) return p;
    if (dirname(d) === d) break;
  }
  const fallback = join(defaultRulesDir(), 'calendars', `${name}.json`);
  return io.exists(fallback) ? fallback : null;
}

function loadCalendars(dir: string, files: readonly RuleFile[], diagnostics: Diagnostic[], io: PackIO): { calendars: Map<string, WorkingDayCalendar>; calendarFiles: Map<string, CalendarFile> } {
  // An amendment names no calendar of its own unless it changes it: its effective version has the base's.
  const calendars = new Map<string, WorkingDayCalendar>();
  const calendarFiles = new Map<string, CalendarFile>();
  for (const f of files) {
    const name = f.ruleset?.calendar;
    if (!name || calendars.has(name)) continue;
    const path = findCalendarFile(dir, name, io);
    if (path === null) {
      diagnostics.push(err(f.ruleset!.span, 'calendar-missing', `calendar "${name}" not found: add calendars/${name}.json to the rules folder`, `календарь "${name}" не найден: добавьте calendars/${name}.json в папку правил`, `"${name}" күнтізбесі табылмады: ережелер қалтасына calendars/${name}.json қосыңыз`));
      continue;
    }
    try {
      const json = JSON.parse(io.readText(path)) as unknown;
      calendars.set(name, parseCalendar(json));
      calendarFiles.set(name, json as CalendarFile);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      diagnostics.push(err(fileSpan(path), 'calendar-invalid', `calendar ${path}: ${m}`, `календарь ${path}: ${m}`, `${path} күнтізбесі: ${m}`));
    }
  }
  return { calendars, calendarFiles };
}

function loadActTexts(files: readonly RuleFile[], diagnostics: Diagnostic[], io: PackIO): Map<string, string> {
  const byFile = new Map<string, string>();
  const cache = new Map<string, string | null>();
  for (const f of files) {
    const rs = f.ruleset;
    if (!rs) continue;
    const sourcePath = rs.source === null ? null : posix.normalize(posix.join(posix.dirname(f.path), rs.source));
    let text: string | null = null;
    if (sourcePath !== null) {
      if (!cache.has(sourcePath)) cache.set(sourcePath, io.exists(sourcePath) ? io.readText(sourcePath) : null);
      text = cache.get(sourcePath) ?? null;
    }
    if (text !== null) byFile.set(f.path, text);
    diagnostics.push(...verifyFileQuotes(f, text, rs.source ?? ''));
  }
  return byFile;
}

/** The names of the rules a manifest says are encoded, in its order, each once. */
function manifestRules(m: ClauseManifest): string[] {
  return [...new Set(m.points.flatMap((p) => p.rules ?? []))];
}

function listed(names: readonly string[]): string {
  return names.length <= 8 ? names.join(', ') : `${names.slice(0, 8).join(', ')}, … (${names.length} in all)`;
}

/**
 * A rule file cut down to nothing (or to no `ruleset` header) beside a manifest that lists rules: the
 * rules the manifest names are defined nowhere, which must not pass as "no errors". A clause manifest
 * whose rule file is gone altogether is the same loss, told at the manifest.
 */
function lostRuleFiles(files: readonly RuleFile[], roots: RootFolders, diagnostics: Diagnostic[], io: PackIO): void {
  const dirs = new Set<string>();
  // A version defined in some other file (moved or renamed) is not lost.
  const defined = new Set(files.flatMap((f) => (f.ruleset ? [`${f.ruleset.id}@${f.ruleset.version}`] : [])));
  for (const f of files) {
    dirs.add(posix.dirname(f.path));
    if (f.ruleset) continue;
    const p = f.path.replace(/\.ereje$/, '.manifest.json');
    if (!io.exists(p)) {
      if (f.tables.length + f.imports.length + f.rules.length === 0) {
        diagnostics.push({ severity: 'warning', code: 'empty-file', span: fileSpan(f.path), message: {
          en: 'this rule file holds nothing (no ruleset, table or rule): delete it, or restore its text',
          ru: 'файл правил пуст (нет ни ruleset, ни таблиц, ни правил): удалите его или восстановите текст',
          kk: 'ереже файлы бос (ruleset те, кесте де, ереже де жоқ): оны жойыңыз немесе мәтінін қалпына келтіріңіз',
        } });
      }
      continue;
    }
    const parsed = parseManifest(p, io.readText(p));
    if (!parsed.manifest || defined.has(`${parsed.manifest.ruleset}@${parsed.manifest.version}`)) continue;
    const names = manifestRules(parsed.manifest);
    const m = parsed.manifest, name = posix.basename(p);
    const what = f.rules.length + f.tables.length === 0 ? { en: 'this rule file is empty', ru: 'файл правил пуст', kk: 'ереже файлы бос' }
      : { en: "this rule file has no 'ruleset' header", ru: "в файле правил нет заголовка 'ruleset'", kk: "ереже файлында 'ruleset' тақырыбы жоқ" };
    diagnostics.push(err(fileSpan(f.path), 'rules-lost',
      `${what.en}, but its manifest ${name} lists ${names.length} rules of ${m.ruleset}@${m.version} that no file defines: ${listed(names)}; restore the file (e.g. from version control)`,
      `${what.ru}, а его манифест ${name} перечисляет правила ${m.ruleset}@${m.version} (${names.length}), которых нет ни в одном файле: ${listed(names)}; восстановите файл (например, из системы контроля версий)`,
      `${what.kk}, ал оның ${name} манифесі ${m.ruleset}@${m.version} ережелерін (${names.length}) атайды, олар ешбір файлда жоқ: ${listed(names)}; файлды қалпына келтіріңіз (мысалы, нұсқаларды басқару жүйесінен)`));
  }
  const manifests = [
    ...[...dirs].flatMap((d) => io.readdir(d).filter((e) => e.endsWith('.manifest.json')).map((e) => posix.join(d, e))),
    ...roots.dirs.flatMap((d) => io.findFiles(d, ['.manifest.json']).map(roots.show)),
  ];
  for (const p of new Set(manifests)) {
    const ereje = p.replace(/\.manifest\.json$/, '.ereje');
    if (io.exists(ereje)) continue;
    const parsed = parseManifest(p, io.readText(p));
    if (!parsed.manifest || defined.has(`${parsed.manifest.ruleset}@${parsed.manifest.version}`)) continue;
    const names = manifestRules(parsed.manifest);
    const m = parsed.manifest, name = posix.basename(ereje);
    diagnostics.push(err(fileSpan(p), 'rules-lost',
      `there is no rule file ${name} beside this manifest: the ${names.length} rules of ${m.ruleset}@${m.version} it lists are defined nowhere: ${listed(names)}; restore the file, or delete the manifest with it`,
      `рядом с манифестом нет файла правил ${name}: правила ${m.ruleset}@${m.version} (${names.length}), которые он перечисляет, нигде не определены: ${listed(names)}; восстановите файл или удалите манифест вместе с ним`,
      `манифесттің жанында ${name} ереже файлы жоқ: ол атайтын ${m.ruleset}@${m.version} ережелері (${names.length}) ешқайда анықталмаған: ${listed(names)}; файлды қалпына келтіріңіз немесе манифесті онымен бірге жойыңыз`));
  }
}

/** The folders a check was asked for (searched for manifests whose rule file is gone), and how a path is shown. */
export interface RootFolders { readonly dirs: readonly string[]; readonly show: (path: string) => string }
const NO_ROOTS: RootFolders = { dirs: [], show: (p) => p };

function manifestPath(f: RuleFile): string {
  return f.path.replace(/\.ereje$/, '.manifest.json');
}

function loadManifests(files: readonly RuleFile[], roots: RootFolders, diagnostics: Diagnostic[], io: PackIO): LoadedManifest[] {
  const out: { loaded: LoadedManifest; file: RuleFile }[] = [];
  lostRuleFiles(files, roots, diagnostics, io);
  for (const f of files) {
    if (!f.ruleset) continue;
    const p = manifestPath(f);
    if (!io.exists(p)) {
      const name = posix.basename(p);
      diagnostics.push({
        severity: 'warning', code: 'manifest-missing', span: f.ruleset.span,
        message: {
          en: `no clause manifest beside this file (${name}): coverage cannot be computed`,
          ru: `рядом с файлом нет манифеста пунктов (${name}): покрытие не вычислить`,
          kk: `файлдың жанында тармақтар манифесі жоқ (${name}): қамтуды есептеу мүмкін емес`,
        },
      });
      continue;
    }
    const text = io.readText(p);
    const parsed = parseManifest(p, text);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.manifest) continue;
    out.push({ loaded: { path: p, text, manifest: parsed.manifest }, file: f });
  }
  // An amendment's manifest is checked against the manifest of the version it amends, when that one loaded.
  const byPath = new Map(out.map((x) => [x.loaded.path, x.loaded.manifest]));
  for (const { loaded, file } of out) {
    const amended = file.amendment ? byPath.get(manifestPath(file.amendment.base)) : undefined;
    diagnostics.push(...validateManifest(loaded, file, amended));
  }
  return out.map((x) => x.loaded);
}

export interface PostCheck {
  readonly compiled: CompiledFile[];
  readonly manifests: LoadedManifest[];
  readonly calendars: Map<string, WorkingDayCalendar>;
  readonly calendarFiles: Map<string, CalendarFile>;
  readonly actTexts: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

/**
 * What follows parse + check: quote verification against each ruleset's act, compile (files without
 * errors), and the clause manifests beside the ruleset files. Synchronous, so `rules check` can run
 * it as a hook. `priorErrors`: files that already have errors are not compiled.
 */
export function afterCheck(dir: string, files: readonly RuleFile[], checked: readonly CheckedRuleFile[], priorErrors: readonly Diagnostic[], roots: RootFolders = NO_ROOTS, io: PackIO = FS_IO): PostCheck {
  const diagnostics: Diagnostic[] = [];
  const actTexts = loadActTexts(files, diagnostics, io);
  const { calendars, calendarFiles } = loadCalendars(dir, [...files, ...checked.map((c) => c.file)], diagnostics, io);
  const failed = new Set([...priorErrors, ...diagnostics].filter((d) => d.severity === 'error').map((d) => d.span.file));
  const compiled: CompiledFile[] = [];
  for (const c of checked) {
    if (!c.file.ruleset || failed.has(c.file.path)) continue;
    try {
      compiled.push({ checked: c, ruleset: compileRuleFile(c, { calendars, schema: WORKBOOK_SCHEMA }) });
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      diagnostics.push(err(c.file.ruleset.span, 'compile', e.message, e.message, e.message));
    }
  }
  // An amendment's manifest describes the version it makes (effective), not the file as written; an
  // amendment that could not be built has nothing to compare its manifest with.
  const effective = new Map(checked.filter((c) => c.file.amendment).map((c) => [c.file.amendment!.delta, c.file]));
  const manifests = loadManifests(files.flatMap((f) => (f.ruleset?.base ? (effective.has(f) ? [effective.get(f)!] : []) : [f])), roots, diagnostics, io);
  // One message per place: a clause the checker already flagged (another annex) is not flagged again.
  const flagged = new Set(priorErrors.filter((d) => d.severity === 'error').map((d) => `${d.span.file}:${d.span.offset}`));
  return { compiled, manifests, calendars, calendarFiles, actTexts, diagnostics: diagnostics.filter((d) => !flagged.has(`${d.span.file}:${d.span.offset}`)) };
}

/** Packs this process loaded, by folders, with what loading each asked (at most a few). */
const loaded = new KeptLoads<RulePack>(4);

/**
 * Loads, checks, verifies and compiles every rule file under `dir` (or several folders, e.g. the bundled
 * rules plus a folder with an amendment); never throws for a rule problem. A pack this process loaded
 * before is given again while every file it was loaded from is unchanged (the pack is read-only); `io`
 * given: loaded afresh through it.
 */
export async function loadRulePack(dir: string | readonly string[] = defaultRulesDir(), io?: PackIO): Promise<RulePack> {
  const dirs = [...new Set((typeof dir === 'string' ? [dir] : dir).map((d) => posix.normalize(resolve(d))))];
  if (io !== undefined) return loadAfresh(dirs, io);
  const key = dirs.join('\0');
  const earlier = loaded.get(key);
  if (earlier) return earlier;
  const recording = recordingIO();
  const pack = await loadAfresh(dirs, recording.io);
  return loaded.keep(key, pack, recording.observations());
}

async function loadAfresh(dirs: readonly string[], io: PackIO): Promise<RulePack> {
  const root = dirs[0] ?? posix.normalize(resolve(defaultRulesDir()));
  const diagnostics: Diagnostic[] = [];
  const missing = dirs.filter((d) => !io.exists(d));
  if (missing.length > 0) {
    for (const m of missing) diagnostics.push(err(fileSpan(m), 'rules-dir-missing', `the rules folder ${m} does not exist`, `папка правил ${m} не существует`, `${m} ережелер қалтасы жоқ`));
    return { dir: root, files: [], checked: [], compiled: [], rulesets: [], manifests: [], calendars: new Map(), calendarFiles: new Map(), actTexts: new Map(), diagnostics, ok: false };
  }
  // The rules outside a syntax error are checked too (reported), never compiled.
  const partial: RuleFile[] = [];
  const files = parseAll(dirs, diagnostics, partial, io);
  const all = checkRuleFiles([...files, ...partial], WORKBOOK_SCHEMA);
  diagnostics.push(...all.diagnostics);
  const check = { checked: all.checked.filter((c) => !readInPart(c.file, new Set(partial))) };
  const { compiled, manifests, calendars, calendarFiles, actTexts, diagnostics: later } = afterCheck(root, files, check.checked, diagnostics, { dirs, show: (p) => p }, io);
  diagnostics.push(...later);
  const shown = capDiagnostics(diagnostics);
  return {
    dir: root, files, checked: check.checked, compiled, rulesets: compiled.map((c) => c.ruleset), manifests, calendars, calendarFiles, actTexts,
    diagnostics: shown, ok: !shown.some((d) => d.severity === 'error'),
  };
}

/**
 * Kazakh quotes by rule id (`residential/group-size`), by rule id and version
 * (`residential/group-size@2010-x`: an amendment may quote a rule anew) and by clause id, for the reports.
 */
export function quoteMap(pack: RulePack): Map<string, string> {
  const out = new Map<string, string>();
  for (const { ruleset } of pack.compiled) {
    for (const r of ruleset.rules) {
      out.set(r.id, r.quote);
      out.set(`${r.id}@${ruleset.version}`, r.quote);
      if (!out.has(r.clause)) out.set(r.clause, r.quote);
    }
  }
  return out;
}
