// `ereje rules compile [DIR] --out DIR`: writes each ruleset version's json-rules-engine rules as JSON.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CalendarError, parseCalendar, type WorkingDayCalendar } from '../../../calendar/index.ts';
import { compileRulePack } from '../../../compile/index.ts';
import { defaultRulesDir, displayPath, findFiles, loadRuleSources } from '../../../rulepack/load.ts';
import type { CliIO } from '../../main.ts';
import { FatalError } from '../../errors.ts';

/** Every `calendars/*.json` under the rules folder, by file name (`kz.json` → `kz`). */
export async function loadCalendars(rulesDir: string): Promise<Map<string, WorkingDayCalendar>> {
  const out = new Map<string, WorkingDayCalendar>();
  const paths = (await findFiles(rulesDir, ['.json'])).filter((p) => basename(resolve(p, '..')) === 'calendars');
  for (const path of paths) {
    try {
      out.set(basename(path, '.json'), parseCalendar(JSON.parse(await readFile(path, 'utf8'))));
    } catch (err) {
      if (err instanceof CalendarError || err instanceof SyntaxError) throw new FatalError(`${path}: ${err.message}; fix the calendar file`);
      throw err;
    }
  }
  return out;
}

export function registerRulesCompile(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('compile')
    .description('compile the rule files to json-rules-engine JSON, one file per ruleset version')
    .argument('[dir]', 'folder with rule files (default: the bundled rules/)')
    .requiredOption('--out <dir>', 'folder to write <ruleset>@<version>.json into')
    .action(async (dirArg: string | undefined, opts: { out: string }) => {
      const dir = resolve(dirArg ?? defaultRulesDir());
      const sources = await loadRuleSources(dir).catch((err: Error) => { throw new FatalError(`cannot read rule files in ${dir}: ${err.message}`); });
      if (sources.length === 0) throw new FatalError(`no .ereje files in ${dir}; pass the rules folder`);
      // A rule folder without its own calendars/ uses the bundled ones.
      let calendars = await loadCalendars(dir);
      if (calendars.size === 0) calendars = await loadCalendars(defaultRulesDir());
      const pack = compileRulePack(sources, { calendars });
      for (const d of pack.diagnostics) io.stderr(`${displayPath(d.span.file, process.cwd())}:${d.span.line}:${d.span.col}: ${d.severity}: ${d.message.en}\n`);
      if (pack.rulesets.length === 0) { setExit(2); return; }
      await mkdir(opts.out, { recursive: true });
      for (const rs of pack.rulesets) {
        const path = join(opts.out, `${rs.id}@${rs.version}.json`);
        await writeFile(path, JSON.stringify(rs.toJson(), null, 2) + '\n');
        io.stdout(`${path}: ${rs.rules.length} rules\n`);
      }
      setExit(0);
    });
}
