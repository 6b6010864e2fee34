// `ereje web [--out FILE] [--rules DIR] [--lang kk|ru|en] [--force]`: writes the self-check page, one
// HTML file a facility opens in its browser to check a workbook that never leaves the computer.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Lang, Localized } from '../../core/lang.ts';
import { FatalError } from '../errors.ts';
import type { CliIO } from '../main.ts';
import { cliText } from '../messages.ts';
import { langOption } from '../options.ts';

const cannotBuild = (why: string): Localized => ({
  kk: `өзіндік тексеру бетін құрастыру мүмкін болмады (${why}); \`npm ci\` арқылы ereje-ні қайта орнатып көріңіз.`,
  ru: `не удалось собрать страницу самопроверки (${why}); переустановите ereje командой \`npm ci\`.`,
  en: `could not build the self-check page (${why}); reinstall ereje with \`npm ci\`.`,
});

export function registerWeb(program: Command, io: CliIO, _setExit: (code: number) => void): void {
  program
    .command('web')
    .description('Write the self-check page: one HTML file, working offline, in which a facility checks its workbook in the browser '
      + '(the workbook never leaves the computer). Same rules, limits, messages and reports as `ereje audit`.')
    .option('--out <file>', 'where to write the page (default: ereje-self-check.html in the current directory)')
    .option('--rules <dir>', 'rule directory the page carries (default: the rules/ folder of ereje)')
    .addOption(langOption('language the page opens in when the browser names none of kk, ru, en'))
    .option('--force', 'replace the --out file if it exists (otherwise an existing file is left alone)')
    .action(async (opts: { out?: string; rules?: string; lang: Lang; force?: boolean }) => {
      const path = resolve(opts.out ?? 'ereje-self-check.html');
      if (existsSync(path) && !opts.force) throw new FatalError(cliText.templateExists(path));
      // Loaded when the command runs: the rule pack, the parser and esbuild are needed only to build the page.
      const [{ buildSelfCheckPage }, { writeFileAtomic }, { version }] = await Promise.all([
        import('../../web/build/index.ts'), import('../audit-io.ts'), import('../version.ts'),
      ]);
      let html: string;
      try {
        ({ html } = await buildSelfCheckPage({ version, lang: opts.lang, ...(opts.rules === undefined ? {} : { rulesDir: opts.rules }) }));
      } catch (err) {
        if (err instanceof FatalError) throw err;
        throw new FatalError(cannotBuild((err instanceof Error ? err.message : String(err)).split('\n', 1)[0]!));
      }
      try {
        writeFileAtomic(path, html);
      } catch (err) {
        throw new FatalError(cliText.templateCannotWrite(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message));
      }
      io.stderr(`ereje: ${cliText.wrote(path)[opts.lang]}\n`);
    });
}
