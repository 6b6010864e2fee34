// `ereje template <residential|home-care|day-care> [--lang kk|ru|en] [--out FILE]`: writes an empty workbook.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isLang } from '../../core/lang.ts';
import { FACILITY_KIND_OF_RULESET } from '../../schema/index.ts';
import { buildTemplate } from '../../template/index.ts';
import { FatalError } from '../errors.ts';
import type { CliIO } from '../main.ts';

const KINDS = Object.keys(FACILITY_KIND_OF_RULESET);

export function registerTemplate(program: Command, io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('template')
    .description('Write an empty workbook with the sheets and headers a kind of facility needs, plus a help sheet.')
    .argument('<kind>', `facility kind: ${KINDS.join(' | ')}`)
    .option('--lang <lang>', 'language of sheet names and headers: kk | ru | en', 'kk')
    .option('--out <file>', 'where to write the .xlsx (default: <kind>-template.xlsx in the current directory)')
    .addHelpText('after', '\nEnum columns have no drop-down lists (SheetJS community edition cannot write them); the help sheet lists their allowed values.')
    .action((kindArg: string, opts: { lang: string; out?: string }) => {
      const kind = Object.hasOwn(FACILITY_KIND_OF_RULESET, kindArg) ? FACILITY_KIND_OF_RULESET[kindArg] : undefined;
      if (!kind) throw new FatalError(`unknown facility kind "${kindArg}"; use one of: ${KINDS.join(', ')}`);
      if (!isLang(opts.lang)) throw new FatalError(`unknown language "${opts.lang}"; use kk, ru or en`);
      const path = resolve(opts.out ?? `${kindArg}-template.xlsx`);
      try {
        writeFileSync(path, buildTemplate(kind, opts.lang));
      } catch (err) {
        throw new FatalError(`cannot write ${path} (${(err as Error).message}); choose another --out path`);
      }
      io.stdout(`${path}\n`);
    });
}
