// Placeholder until this subcommand's issue lands.
import type { Command } from 'commander';
import type { CliIO } from '../../main.ts';
import { FatalError } from '../../errors.ts';

export function registerRulesDiff(rules: Command, _io: CliIO, _setExit: (code: number) => void): void {
  rules.command('diff').description('(not built yet)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new FatalError('`ereje rules diff` is not built yet');
  });
}
