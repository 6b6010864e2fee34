// `ereje rules …`: the legal staff's commands. Each subcommand lives in ./rules/<name>.ts.
import type { Command } from 'commander';
import type { CliIO } from '../main.ts';
import { registerRulesCheck } from './rules/check.ts';
import { registerRulesFmt } from './rules/fmt.ts';
import { registerRulesCompile } from './rules/compile.ts';
import { registerRulesTest } from './rules/test.ts';
import { registerRulesList } from './rules/list.ts';
import { registerRulesCoverage } from './rules/coverage.ts';
import { registerRulesDiff } from './rules/diff.ts';
import { registerRulesAmend } from './rules/amend.ts';

/** Adds the subcommands to `rules` (the group main.ts lists in `ereje --help`). */
export function registerRules(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  for (const register of [registerRulesCheck, registerRulesFmt, registerRulesCompile, registerRulesTest, registerRulesList, registerRulesCoverage, registerRulesDiff, registerRulesAmend]) {
    register(rules, io, setExit);
  }
}
