// `ereje rules check [DIR] [--lang]`: parse and check every rule file; diagnostics to stderr, exit 2 on errors.
import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CliIO } from '../../main.ts';
import { FatalError } from '../../errors.ts';
import { LANGS, type Lang } from '../../../core/lang.ts';
import { checkRulePack, parseRuleFile, renderDiagnostic, type RulePackCheckHook, type RuleSourceText } from '../../../lang/index.ts';
import { WORKBOOK_SCHEMA } from '../../../schema/index.ts';
import { defaultRulesDir, loadRuleSources, ruleFolderProblem, type RuleSource } from '../../../rulepack/load.ts';
import { rulePackCheckHook } from '../../../rulepack/check-hook.ts';

/**
 * Later stages run by `rules check` after parse + check of `dir` (src/rulepack adds compile and quote
 * verification here). Each gets the parsed and checked files and returns more diagnostics.
 */
export const rulesCheckHooks = (dirs: readonly string[]): RulePackCheckHook[] => [rulePackCheckHook(dirs)];

export function registerRulesCheck(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('check')
    .description('Parse and check every rule file (**/*.ereje) under DIR (default: the rules folder), or one .ereje file with the files it imports and the version it amends; several folders are checked together.')
    .argument('[dirs...]', 'folders of rule files, or .ereje files')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(LANGS).default('kk'))
    .action(async (dirs: string[], flags: { lang: Lang }) => {
      setExit(await runRulesCheck(dirs.length > 0 ? dirs : [defaultRulesDir()], flags.lang, io));
    });
}

/** Returns the exit code: 0 clean (warnings allowed), 2 any error. */
export async function runRulesCheck(dirs: readonly string[], lang: Lang, io: CliIO): Promise<number> {
  const list = [...new Set(dirs)];
  const sources: RuleSourceText[] = [];
  for (const dir of list) {
    const problem = await ruleFolderProblem(dir);
    if (problem) throw new FatalError(problem);
  }
  try {
    const loaded = (await Promise.all(list.map((d) => loadRuleSources(resolve(d))))).flat();
    const unique = [...new Map(loaded.map((s) => [s.path, s])).values()];
    sources.push(...await withImports(unique));
  } catch (err) {
    throw new FatalError(`cannot read rule folder ${list.join(', ')}: ${(err as Error).message}`);
  }
  const result = checkRulePack(sources, WORKBOOK_SCHEMA, rulesCheckHooks(list.map((d) => resolve(d))));
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  // Other files (clause manifests) are read for their source line.
  const text = (file: string) => {
    if (!texts.has(file)) { try { texts.set(file, readFileSync(file, 'utf8')); } catch { texts.set(file, ''); } }
    return texts.get(file)!;
  };
  for (const d of result.diagnostics) io.stderr(renderDiagnostic(d, text(d.span.file), lang) + '\n');
  // A closing "… and N more" diagnostic stands for the N it does not show.
  const errors = result.diagnostics.reduce((n, d) => n + (d.severity === 'error' ? d.omitted ?? 1 : 0), 0);
  const n = sources.length;
  const m = result.ruleCount;
  const partly = partlyCheckedNote(lang, result.partlyChecked);
  if (errors === 0) {
    io.stdout(`${summary(lang, n, m, 0)}\n`);
    return 0;
  }
  io.stderr(`${summary(lang, n, m, errors)}${partly}\n`);
  return 2;
}

/**
 * The sources plus the files they import (a single file checked alone still sees its parameter tables),
 * each parsed once here, under the path shown to a person, so that checkRulePack need not parse it again.
 */
async function withImports(sources: RuleSource[]): Promise<RuleSourceText[]> {
  const queue = [...sources];
  const seen = new Set(queue.map((s) => s.path));
  const out: RuleSourceText[] = [];
  for (let i = 0; i < queue.length; i++) {
    const { path, text } = queue[i]!;
    // Paths as a person sees them, with `/` so imports resolve the same way on every OS.
    const shownPath = shown(path);
    const parsed = parseRuleFile(text, shownPath);
    out.push({ path: shownPath, text, parsed });
    // An amendment is checked with the version it amends: by convention `<version>.ereje` beside it.
    const base = parsed.file?.ruleset?.base;
    const targets = [
      ...(parsed.file?.imports ?? []).map((imp) => resolve(join(dirname(path), imp.from))),
      ...(base ? [resolve(join(dirname(path), `${base.version}.ereje`))] : []),
    ];
    for (const target of targets) {
      if (seen.has(target)) continue;
      seen.add(target);
      try { queue.push({ path: target, text: await readFile(target, 'utf8') }); } catch { /* reported by the checker: an unresolved import, a version amended that is not there */ }
    }
  }
  return out;
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

function summary(lang: Lang, files: number, rules: number, errors: number): string {
  if (lang === 'ru') return `проверено файлов: ${files}, правил: ${rules}: ${errors === 0 ? 'ошибок нет' : `ошибок: ${errors}`}`;
  if (lang === 'kk') return `${files} файл, ${rules} ереже тексерілді: ${errors === 0 ? 'қате жоқ' : `${errors} қате`}`;
  return `checked ${files} files, ${rules} rules: ${errors === 0 ? 'no errors' : `${errors} error${errors === 1 ? '' : 's'}`}`;
}

/** Files with syntax errors were read only in part: say how much was left unchecked. */
function partlyCheckedNote(lang: Lang, files: readonly { skippedRules: number | null }[]): string {
  if (files.length === 0) return '';
  const rules = files.reduce((n, f) => n + (f.skippedRules ?? 0), 0);
  const whole = files.filter((f) => f.skippedRules === null).length;
  const s = (n: number) => (n === 1 ? '' : 's');
  if (lang === 'ru') {
    const parts = [rules > 0 ? `правил с ошибками: ${rules}` : '', whole > 0 ? `файлов целиком: ${whole}` : ''].filter(Boolean).join(', ');
    return `; файлов с синтаксическими ошибками: ${files.length}, не проверено ${parts}`;
  }
  if (lang === 'kk') {
    const parts = [rules > 0 ? `қатесі бар ${rules} ереже` : '', whole > 0 ? `${whole} файл толығымен` : ''].filter(Boolean).join(', ');
    return `; синтаксис қателері бар ${files.length} файл: ${parts} тексерілмеді`;
  }
  const parts = [rules > 0 ? `${rules} rule${s(rules)} holding them` : '', whole > 0 ? `${whole} whole file${s(whole)}` : ''].filter(Boolean).join(' and ');
  return `; ${files.length} file${s(files.length)} with syntax errors: ${parts} not checked`;
}
