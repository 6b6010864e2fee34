// `ereje rules fmt [DIR|FILE…] [--check]`: rewrite rule files in the canonical layout.
import { Option, type Command } from 'commander';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { CliIO } from '../../main.ts';
import { FatalError } from '../../errors.ts';
import { LANGS, type Lang } from '../../../core/lang.ts';
import { capDiagnostics, formatRuleFile, renderDiagnostic } from '../../../lang/index.ts';
import { defaultRulesDir, findFiles } from '../../../rulepack/load.ts';

export function registerRulesFmt(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('fmt')
    .description('Rewrite rule files in the canonical layout (default: every file in the rules folder).')
    .argument('[paths...]', 'rule files or folders')
    .option('--check', 'change nothing; list the files that would change and exit 1 if any')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(LANGS).default('kk'))
    .action(async (paths: string[], flags: { check?: boolean; lang: Lang }) => {
      setExit(await runRulesFmt(paths.length > 0 ? paths : [defaultRulesDir()], Boolean(flags.check), flags.lang, io));
    });
}

/** Exit code: 0 nothing (left) to change, 1 `--check` found files to change, 2 a file does not parse. */
export async function runRulesFmt(paths: readonly string[], check: boolean, lang: Lang, io: CliIO): Promise<number> {
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      throw new FatalError(`no such file or folder: ${p}`);
    }
    files.push(...(isDir ? await findFiles(p, ['.ereje']) : [p]));
  }
  let code = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file).split(sep).join('/');
    const text = await readFile(file, 'utf8');
    const result = formatRuleFile(text, shown);
    if ('diagnostics' in result) {
      for (const d of capDiagnostics(result.diagnostics)) io.stderr(renderDiagnostic(d, text, lang) + '\n');
      code = 2;
      continue;
    }
    if (result.text === text) continue;
    if (check) {
      io.stdout(`${shown}\n`);
      code = Math.max(code, 1);
    } else {
      await writeFile(file, result.text, 'utf8');
      io.stdout(`formatted ${shown}\n`);
    }
  }
  return code;
}
