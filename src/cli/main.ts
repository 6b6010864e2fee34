// The `ereje` command line. Each command lives in its own module under ./commands and registers itself.
// A command loads only what it uses: the modules of `audit` and `template` define their options and load
// their work when run; the `rules` commands (and the rule-language parser they need) are loaded only when
// the command line names `rules`, so that `ereje --help` and `ereje audit` never load them.
import { Command, CommanderError } from 'commander';
import { clip, terminalSafe } from '../core/text.ts';
import { FatalError, langOfArgv } from './errors.ts';
import { cliText } from './messages.ts';
import { registerAudit } from './commands/audit.ts';
import { registerDiff } from './commands/diff.ts';
import { registerTemplate } from './commands/template.ts';
import { registerWeb } from './commands/web.ts';
import { version } from './version.ts';

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  /** Standard error is a terminal: progress bars go there only then. Absent means no. */
  readonly stderrIsTTY?: boolean;
}

const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

/** The command a command line runs (`help rules` asks about `rules`): the first word that is not an option. */
function namedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** Runs the CLI and resolves to the exit code (0 compliant / 1 non-compliant or incomplete / 2 no report). */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
  const lang = langOfArgv(argv);
  const state = { exitCode: 0 };
  const program = new Command('ereje')
    .description('Rules-as-code for social-care regulation: audit facility workbooks against versioned rule files.')
    .version(version, '-V, --version')
    // Program options only before the command: `rules amend … --version V` names a version.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');
  const setExit = (code: number) => { state.exitCode = Math.max(state.exitCode, code); };
  registerAudit(program, io, setExit);
  registerDiff(program, io, setExit);
  registerTemplate(program, io, setExit);
  registerWeb(program, io, setExit);
  const rules = program.command('rules').description('Check, format, test, list, compare and amend rule files.');
  // Listed in `ereje --help` by its name and description alone; its subcommands when it is used.
  if (namedCommand(argv) === 'rules') (await import('./commands/rules.ts')).registerRules(rules, io, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0; usage errors are exit 2 (no report).
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof FatalError) {
      io.stderr(`ereje: ${terminalSafe(err.text[lang])}\n`);
      if (debug && err.stack) io.stderr(err.stack + '\n');
      return err.exitCode;
    }
    const msg = err instanceof Error ? err.message : String(err);
    io.stderr(`ereje: ${terminalSafe(cliText.internalError(clip(msg.split('\n', 1)[0]!, 200))[lang])}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
    return 2;
  }
}
