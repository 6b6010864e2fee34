// What `ereje diff` does, loaded when the command runs (commands/diff.ts defines its options).
import type { Localized } from '../core/lang.ts';
import { terminalSafe } from '../core/text.ts';
import { renderReport, renderTerminal, reportExitCode, type QuoteMap, type ReportFormat } from '../report/index.ts';
import { defaultRulesDir } from '../rulepack/load.ts';
import { loadAuditRulePack } from '../rulepack/pack-cache.ts';
import { formatFromPath, isDirectory, refuseOverwritingInput, writeFileAtomic } from './audit-io.ts';
import { followUp, readReportFile } from './baseline.ts';
import type { DiffFlags } from './commands/diff.ts';
import { refuseReplacingForeign } from './report-owner.ts';
import { FatalError } from './errors.ts';
import type { CliIO } from './main.ts';
import { cliText } from './messages.ts';

export async function runDiff(earlierPath: string, laterPath: string, flags: DiffFlags, io: CliIO): Promise<number> {
  const format = chosenFormat(flags);
  if (flags.out !== undefined) {
    refuseOverwritingInput(flags.out, flags.out, [{ path: earlierPath }, { path: laterPath }]);
    if (flags.force !== true) refuseReplacingForeign([flags.out]);
  }
  if (format === 'xlsx' && flags.out === undefined) throw new FatalError(cliText.xlsxNeedsOut());
  const earlier = readReportFile(earlierPath, earlierPath);
  const later = readReportFile(laterPath, laterPath);
  const lang = flags.lang ?? later.report.lang;
  const warn = (line: Localized) => io.stderr(`ereje: ${terminalSafe(line[lang])}\n`);
  const report = followUp(later.report, earlier, earlierPath, warn);
  const options = { lang, quotes: await quotes(flags.rules) };
  if (flags.out !== undefined) {
    try {
      writeFileAtomic(flags.out, renderReport(report, format ?? 'json', options));
    } catch (err) {
      throw new FatalError(cliText.cannotWrite(flags.out, (err as NodeJS.ErrnoException).code ?? 'error'));
    }
    io.stderr(`ereje: ${terminalSafe(cliText.wrote(flags.out)[lang])}\n`);
  } else if (format !== undefined) {
    io.stdout(renderReport(report, format, options) as string);
  } else {
    io.stdout(renderTerminal(report, options));
  }
  return reportExitCode(report);
}

/** --format, else the --out file's extension; the two must agree. */
function chosenFormat(flags: DiffFlags): ReportFormat | undefined {
  if (flags.out === undefined) return flags.format;
  if (isDirectory(flags.out)) throw new FatalError(cliText.cannotWrite(flags.out, 'EISDIR'));
  const named = formatFromPath(flags.out);
  if (flags.format !== undefined && named !== undefined && named !== flags.format) throw new FatalError(cliText.formatContradicts(flags.format, flags.out, named));
  return flags.format ?? named ?? 'json';
}

/** The Kazakh quotes shown under each clause (from the pack cache); a rule folder that does not load only leaves them out. */
async function quotes(dir: string | undefined): Promise<QuoteMap> {
  const pack = await loadAuditRulePack(dir ?? defaultRulesDir());
  return pack.ok ? pack.quotes : new Map();
}
