// Placeholder until the command's issue lands; the command is registered so --help lists it.
import type { Command } from 'commander';
import type { CliIO } from '../main.ts';
import { FatalError } from '../errors.ts';

export function registerAudit(program: Command, _io: CliIO, _setExit: (code: number) => void): void {
  program.command('audit').description('(not built yet)').allowUnknownOption().action(() => {
    throw new FatalError('the audit command is not built yet');
  });
}
