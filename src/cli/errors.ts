// A fatal error is one clear line for the user (what, where, what to do), in the language the command
// was run in; exit code 2.
import { isLang, type Lang, type Localized } from '../core/lang.ts';

export class FatalError extends Error {
  /** The line in each user language; a plain string reads the same in all three (a path, a code). */
  readonly text: Localized;
  constructor(message: string | Localized, readonly exitCode: number = 2) {
    const text = typeof message === 'string' ? { kk: message, ru: message, en: message } : message;
    super(text.en);
    this.name = 'FatalError';
    this.text = text;
  }
}

/** `prefix` (a path, an option) before a localized text, in every language. */
export function prefixed(prefix: string, text: Localized): Localized {
  return { kk: `${prefix}${text.kk}`, ru: `${prefix}${text.ru}`, en: `${prefix}${text.en}` };
}

/**
 * The language a command line asks for (`--lang ru`, `--lang=ru`), read before commander parses it so
 * that even a line about a bad argument is in that language; the default is Kazakh, like every command's.
 */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = argv.length - 1; i >= 0; i--) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  return 'kk';
}
