// `ereje rules amend <ruleset> --version V --from DATE [--act N] [--act-date D] [--base VERSION] [--rules DIR]`:
// writes the skeleton of an amendment beside the version it amends (and a copy of that version's clause
// manifest for the new version), never over an existing file.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { formatIsoDate } from '../../../core/date.ts';
import type { Lang } from '../../../core/lang.ts';
import { versionOn } from '../../../engine/index.ts';
import { writtenFile } from '../../../lang/index.ts';
import { amendmentSkeleton, defaultSource } from '../../../rulepack/amend-skeleton.ts';
import { loadPackReporting, shownPath } from '../../../rulepack/cli-support.ts';
import { defaultRulesDir } from '../../../rulepack/load.ts';
import { FatalError } from '../../errors.ts';
import type { CliIO } from '../../main.ts';
import { langOption, parseAsOf, rulesDirsOption } from '../../options.ts';

interface AmendFlags {
  version: string; from: string; act?: string; actDate?: string; approximate?: string; base?: string; source?: string; rules?: string[]; lang: Lang;
}

const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function registerRulesAmend(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('amend')
    .description('Write the skeleton of an amendment of RULESET: a file beside the version it amends that will hold only what the amending order changes (never overwrites a file).')
    .argument('<ruleset>', 'the ruleset amended, e.g. residential')
    .requiredOption('--version <label>', 'the new version\'s label, e.g. 2010-394-o (also the file name)')
    .requiredOption('--from <date>', 'the day the amending order takes effect (2010-03-01 or 01.03.2010)')
    .option('--approximate <basis>', 'the --from date is not in the order\'s text: say how it was arrived at')
    .option('--act <number>', 'the amending order\'s number, e.g. 394-ө')
    .option('--act-date <date>', 'the day the amending order was signed')
    .option('--base <version>', 'the version amended (default: the latest version of the ruleset)')
    .option('--source <path>', 'where the amending order\'s text will be, relative to the new file (default: ../act/<version>.txt)')
    .addOption(rulesDirsOption())
    .addOption(langOption('language of the messages'))
    .action(async (ruleset: string, flags: AmendFlags) => {
      setExit(await runRulesAmend(ruleset, flags, io));
    });
}

async function runRulesAmend(id: string, flags: AmendFlags, io: CliIO): Promise<number> {
  if (!VERSION.test(flags.version)) throw new FatalError(`--version ${flags.version}: use letters, digits, '.', '-' and '_' (it names the file), e.g. 2010-394-o`);
  const from = parseAsOf(flags.from)!;
  const actDate = flags.actDate === undefined ? undefined : formatIsoDate(parseAsOf(flags.actDate)!);
  const pack = await loadPackReporting(flags.rules ?? defaultRulesDir(), flags.lang, io.stderr);
  const versions = pack.compiled.filter((c) => c.ruleset.id === id);
  if (versions.length === 0) {
    const known = [...new Set(pack.compiled.map((c) => c.ruleset.id))].join(', ') || 'none';
    throw new FatalError(`there is no ruleset ${id} among the rules that compile (${known}); check the name, or fix the errors above first`);
  }
  const base = flags.base !== undefined
    ? versions.find((c) => c.ruleset.version === flags.base)
    : versions.find((c) => c.ruleset === versionOn(versions.map((v) => v.ruleset), Number.MAX_SAFE_INTEGER)) ?? versions.at(-1);
  if (!base) throw new FatalError(`${id}@${flags.base} is not among the versions of ${id} (${versions.map((v) => v.ruleset.version).join(', ')})`);
  if (versions.some((c) => c.ruleset.version === flags.version)) throw new FatalError(`${id}@${flags.version} exists already; choose another --version`);
  if (base.ruleset.inForce.from !== null && from <= base.ruleset.inForce.from) {
    throw new FatalError(`--from ${formatIsoDate(from)}: an amendment takes effect after the version it amends, ${id}@${base.ruleset.version} (in force from ${formatIsoDate(base.ruleset.inForce.from)})`);
  }

  const written = writtenFile(base.checked.file);
  const dir = posix.dirname(written.path);
  const file = posix.join(dir, `${flags.version}.ereje`);
  const baseManifest = written.path.replace(/\.ereje$/, '.manifest.json');
  const manifest = posix.join(dir, `${flags.version}.manifest.json`);
  const withManifest = existsSync(baseManifest);
  for (const target of [file, ...(withManifest ? [manifest] : [])]) {
    if (existsSync(target)) throw new FatalError(`${shownPath(target)} exists already: ereje never overwrites a file; choose another --version or move the file away`);
  }
  const source = flags.source ?? defaultSource(base.checked.file, flags.version);
  const text = amendmentSkeleton({
    base: base.checked.file, version: flags.version, from: formatIsoDate(from), source,
    ...(flags.approximate !== undefined ? { approximate: flags.approximate } : {}),
    ...(flags.act !== undefined ? { actNumber: flags.act } : {}),
    ...(actDate !== undefined ? { actDate } : {}),
  });
  // `wx`: fail rather than replace a file that appeared in the meantime.
  await writeFile(file, text, { flag: 'wx' });
  const lines = [`${shownPath(file)}: the amendment of ${id}@${base.ruleset.version}, to fill in`];
  if (withManifest) {
    // The text as it is, with only the version changed: the manifest's layout is its authors'.
    const text = readFileSync(baseManifest, 'utf8');
    const copy = text.replace(/("version"\s*:\s*)"(?:[^"\\]|\\.)*"/, (_, key: string) => `${key}${JSON.stringify(flags.version)}`);
    await writeFile(manifest, copy, { flag: 'wx' });
    lines.push(`${shownPath(manifest)}: the clause manifest of ${id}@${base.ruleset.version}, for the new version: update the points the order changes (each text in kk, ru and en)`);
  }
  const act = posix.normalize(posix.join(dir, source));
  if (!existsSync(act)) lines.push(`save the amending order's text as ${shownPath(act)}: the new quotes are checked against it`);
  lines.push(`then: ereje rules check${flags.rules ? ` ${flags.rules.join(' ')}` : ''}`);
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
