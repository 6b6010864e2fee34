// `ereje template <residential|home-care|day-care> [--lang kk|ru|en] [--out FILE] [--force]`: writes an empty workbook.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isLang } from '../../core/lang.ts';
import { FACILITY_KIND_OF_RULESET } from '../../schema/kinds.ts';
import { FatalError } from '../errors.ts';
import type { CliIO } from '../main.ts';
import { cliText } from '../messages.ts';

const KINDS = Object.keys(FACILITY_KIND_OF_RULESET);

export function registerTemplate(program: Command, io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('template')
    .description('Write an empty workbook with the sheets and headers a kind of facility needs, plus a help sheet.')
    .argument('<kind>', `facility kind: ${KINDS.join(' | ')}`)
    .option('--lang <lang>', 'language of sheet names and headers: kk | ru | en', 'kk')
    .option('--out <file>', 'where to write the .xlsx (default: <kind>-template.xlsx in the current directory)')
    .option('--force', 'replace the --out file if it exists (otherwise an existing file is left alone)')
    .addHelpText('after', '\nEnum columns have no drop-down lists (SheetJS community edition cannot write them); the help sheet lists their allowed values.')
    .action(async (kindArg: string, opts: { lang: string; out?: string; force?: boolean }) => {
      const kind = Object.hasOwn(FACILITY_KIND_OF_RULESET, kindArg) ? FACILITY_KIND_OF_RULESET[kindArg] : undefined;
      if (!kind) throw new FatalError(cliText.templateUnknownKind(kindArg, KINDS.join(', ')));
      if (!isLang(opts.lang)) throw new FatalError(cliText.templateUnknownLang(opts.lang));
      const path = resolve(opts.out ?? `${kindArg}-template.xlsx`);
      // A facility's filled-in workbook is often named like a template: it is never replaced unasked.
      if (existsSync(path) && !opts.force) throw new FatalError(cliText.templateExists(path));
      // Loaded when the command runs, so that defining it (for `ereje --help`) loads no workbook writer.
      const [{ buildTemplate }, { writeFileAtomic }] = await Promise.all([import('../../template/index.ts'), import('../audit-io.ts')]);
      try {
        writeFileAtomic(path, buildTemplate(kind, opts.lang));
      } catch (err) {
        throw new FatalError(cliText.templateCannotWrite(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message));
      }
      io.stdout(`${path}\n`);
    });
}
