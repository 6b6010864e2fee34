// Options several commands share, defined once so their flags, choices and defaults cannot drift apart.
import { Option } from 'commander';
import { EARLIEST_DAY, EARLIEST_YEAR, parseDateText, type DayNumber } from '../core/date.ts';
import { clip } from '../core/text.ts';
import { LANGS } from '../core/lang.ts';
import { FatalError } from './errors.ts';
import { cliText } from './messages.ts';

/** `--lang kk|ru|en`, default kk; `what` says what the language applies to in this command's help. */
export function langOption(what: string): Option {
  return new Option('--lang <lang>', what).choices(LANGS).default('kk');
}

/** `--rules DIR…`: the rule folders a `rules` subcommand loads, default the bundled rules/. */
export function rulesDirsOption(what = 'rule folders (default: the bundled rules/)'): Option {
  return new Option('--rules <dir...>', what);
}

/** `--as-of` as a day; absent stays undefined, anything but a date is a fatal line saying how to write one. */
export function parseAsOf(text: string | undefined): DayNumber | undefined {
  if (text === undefined) return undefined;
  const d = parseDateText(text);
  if (d === undefined) throw new FatalError(cliText.asOfNotDate(clip(text)));
  if (d < EARLIEST_DAY) throw new FatalError(cliText.asOfTooEarly(clip(text), EARLIEST_YEAR));
  return d;
}
