// Options several commands share, defined once so their flags, choices and defaults cannot drift apart.
import { Option } from 'commander';
import { LANGS } from '../core/lang.ts';

/** `--lang kk|ru|en`, default kk; `what` says what the language applies to in this command's help. */
export function langOption(what: string): Option {
  return new Option('--lang <lang>', what).choices(LANGS).default('kk');
}

/** `--rules DIR…`: the rule folders a `rules` subcommand loads, default the bundled rules/. */
export function rulesDirsOption(what = 'rule folders (default: the bundled rules/)'): Option {
  return new Option('--rules <dir...>', what);
}
