// Text from a workbook, a file name or a command line, made safe to echo: cut to a readable length,
// and with control characters shown rather than obeyed by a terminal.

/** How much of a value an error message, a report or a diagnostic quotes; the cell address finds the rest. */
export const QUOTED_VALUE_LENGTH = 60;

/**
 * The first `max` code points of `text` and `…` when it is longer; shorter text is returned as it is.
 * Cost follows `max`, not the text's length, and a surrogate pair is never split.
 */
export function clip(text: string, max: number = QUOTED_VALUE_LENGTH): string {
  if (text.length <= max) return text;
  let units = 0;
  let points = 0;
  for (const ch of text) {
    if (points === max) return text.slice(0, units) + '…';
    units += ch.length;
    points += 1;
  }
  return text;
}

/** `\u001b`: how a control character is shown. */
function escapedCodePoint(ch: string): string {
  return `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides and
 * isolates (which can make `xlsx.exe` read as `exe.xlsx`): what a terminal would obey rather than show.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /[\t\n\v\f\r]+/g;

/**
 * One line of text for a terminal: tabs and line breaks become a space (a name written on two lines in an
 * Excel cell stays readable), every other control character is shown escaped (`\u001b`), so text from a
 * workbook or a file name can neither drive the terminal nor split a line or a table row.
 */
export function terminalSafe(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL, escapedCodePoint);
}

