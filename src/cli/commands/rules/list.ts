// Placeholder until this subcommand's issue lands.
import type { Command } from 'commander';
import type { CliIO } from '../../main.ts';
import { FatalError } from '../../errors.ts';

export function registerRulesList(rules: Command, _io: CliIO, _setExit: (code: number) => void): void {
  rules.command('list').description('(not built yet)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new FatalError('`ereje rules list` is not built yet');
  });
}
