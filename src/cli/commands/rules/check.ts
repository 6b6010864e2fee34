// `ereje rules check [DIR] [--lang]`: parse and check every rule file; diagnostics to stderr, exit 2 on errors.
import { Option, type Command } from 'commander';
import { relative, resolve, sep } from 'node:path';
import type { CliIO } from '../../main.ts';
import { FatalError } from '../../errors.ts';
import { LANGS, type Lang } from '../../../core/lang.ts';
import { checkRulePack, renderDiagnostic, type RulePackCheckHook } from '../../../lang/index.ts';
import { WORKBOOK_SCHEMA } from '../../../schema/index.ts';
import { defaultRulesDir, loadRuleSources } from '../../../rulepack/load.ts';
import { rulePackCheckHook } from '../../../rulepack/check-hook.ts';

/**
 * Later stages run by `rules check` after parse + check (src/rulepack adds compile and quote
 * verification here). Each gets the parsed and checked files and returns more diagnostics.
 */
export const RULES_CHECK_HOOKS: RulePackCheckHook[] = [rulePackCheckHook];

export function registerRulesCheck(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('check')
    .description('Parse and check every rule file (**/*.ereje) under DIR (default: the rules folder).')
    .argument('[dir]', 'folder of rule files')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(LANGS).default('kk'))
    .action(async (dir: string | undefined, flags: { lang: Lang }) => {
      setExit(await runRulesCheck(dir ?? defaultRulesDir(), flags.lang, io));
    });
}

/** Returns the exit code: 0 clean (warnings allowed), 2 any error. */
export async function runRulesCheck(dir: string, lang: Lang, io: CliIO): Promise<number> {
  const abs = resolve(dir);
  let loaded;
  try {
    loaded = await loadRuleSources(abs);
  } catch (err) {
    throw new FatalError(`cannot read rule folder ${dir}: ${(err as Error).message}`);
  }
  // Paths as a person sees them, with `/` so imports resolve the same way on every OS.
  const sources = loaded.map((s) => ({ path: shown(s.path), text: s.text }));
  const result = checkRulePack(sources, WORKBOOK_SCHEMA, RULES_CHECK_HOOKS);
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  for (const d of result.diagnostics) io.stderr(renderDiagnostic(d, texts.get(d.span.file) ?? '', lang) + '\n');
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const n = sources.length;
  const m = result.ruleCount;
  if (errors === 0) {
    io.stdout(`${summary(lang, n, m, 0)}\n`);
    return 0;
  }
  io.stderr(`${summary(lang, n, m, errors)}\n`);
  return 2;
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
