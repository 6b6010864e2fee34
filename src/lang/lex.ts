// Lexing with repair of unclosed quotes. Text in quotes may run over several lines, so a missing closing
// `"` does not stop the lexer: the text runs on to the next `"` (the opening quote of a later string),
// and everything after is read inside-out — a cascade of errors far from the mistake. The repair closes
// a string at the end of its first line when that makes the file read better, and says so once.
import { createTokenInstance, type ILexingError, type IToken } from 'chevrotain';
import { ereje_lexer, K, LBracket, LParen, Minus, RBracket, RParen, StringLit, UnterminatedString } from '../../grammar/tokens.ts';
import { ereje_parser, TooManySyntaxErrors } from '../../grammar/parser.ts';
import { MAX_ERRORS_PER_FILE, MAX_NESTING, RECOVERY_MAX_LENGTH } from './limits.ts';

export interface Lexed {
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  /** Runs of characters that start no token (grammar/tokens.ts `Junk`), each one error. */
  readonly junk: readonly IToken[];
  readonly errors: readonly ILexingError[];
  /** Strings closed by the repair (synthetic tokens covering the first line of each). */
  readonly unclosed: readonly IToken[];
}

/** Lexes `text` and repairs unclosed quotes (see above). */
export function lexRuleText(text: string): Lexed {
  let lexed = closeRunaways(text, lexAll(text));
  // Without text over several lines there is nothing to repair (and no second parse to pay for).
  if (text.length > RECOVERY_MAX_LENGTH || !lexed.tokens.some(isMultiLine)) return lexed;
  let errors = errorsOf(lexed);
  // A string that runs over a line break before the first error may have lost its closing quote:
  // try closing it at the end of its first line, and keep that reading if it has fewer errors.
  for (let round = 0; round < 5 && errors.count > 0; round++) {
    const candidates = lexed.tokens
      .filter((t) => isMultiLine(t) && t.startOffset < errors.first && !lexed.unclosed.includes(t))
      .slice(-3).reverse();
    let improved = false;
    for (const c of candidates) {
      const trial = closeRunaways(text, cutString(text, lexed, c));
      const n = errorsOf(trial);
      if (n.count < errors.count) { lexed = trial; errors = n; improved = true; break; }
    }
    if (!improved) break;
  }
  return lexed;
}

const isMultiLine = (t: IToken): boolean => t.tokenType === StringLit && /[\r\n]/.test(t.image);

function lexAll(text: string): Lexed {
  const r = ereje_lexer.tokenize(text);
  return { tokens: r.tokens, comments: (r.groups.comments ?? []) as IToken[], junk: (r.groups.junk ?? []) as IToken[], errors: r.errors, unclosed: [] };
}

/** Strings that run to the end of the file are closed at the end of their first line. */
function closeRunaways(text: string, lexed: Lexed): Lexed {
  let out = lexed;
  for (let t = out.tokens.find((x) => x.tokenType === UnterminatedString); t; t = out.tokens.find((x) => x.tokenType === UnterminatedString)) {
    out = cutString(text, out, t);
  }
  return out;
}

/** `lexed` up to the string `t`, `t` closed at the end of its first line, and the rest lexed anew. */
function cutString(text: string, lexed: Lexed, t: IToken): Lexed {
  const eol = text.slice(t.startOffset).search(/[\r\n]/);
  const lineEnd = eol < 0 ? text.length : t.startOffset + eol;
  const image = text.slice(t.startOffset, lineEnd);
  const closed = createTokenInstance(StringLit, `${image}"`, t.startOffset, lineEnd - 1, t.startLine ?? 1, t.startLine ?? 1,
    t.startColumn ?? 1, (t.startColumn ?? 1) + image.length - 1);
  const before = <T extends { startOffset?: number; offset?: number }>(x: T) => (x.startOffset ?? x.offset ?? 0) < t.startOffset;
  const rest = ereje_lexer.tokenize(text.slice(lineEnd));
  const lineShift = (t.startLine ?? 1) - 1;
  const shift = (x: IToken): IToken => ({
    ...x, startOffset: x.startOffset + lineEnd, endOffset: (x.endOffset ?? x.startOffset) + lineEnd,
    startLine: (x.startLine ?? 1) + lineShift, endLine: (x.endLine ?? 1) + lineShift,
  });
  return {
    tokens: [...lexed.tokens.filter(before), closed, ...rest.tokens.map(shift)],
    comments: [...lexed.comments.filter(before), ...((rest.groups.comments ?? []) as IToken[]).map(shift)],
    junk: [...lexed.junk.filter(before), ...((rest.groups.junk ?? []) as IToken[]).map(shift)],
    errors: [...lexed.errors.filter(before), ...rest.errors.map((e) => ({ ...e, offset: e.offset + lineEnd, line: (e.line ?? 1) + lineShift }))],
    unclosed: [...lexed.unclosed.filter((u) => u.startOffset < t.startOffset), closed],
  };
}

/** How many lexing and parsing errors `lexed` gives, and the offset of the first (one parse). */
function errorsOf(lexed: Lexed): { count: number; first: number } {
  let first = Infinity;
  for (const e of lexed.errors) first = Math.min(first, e.offset);
  for (const j of lexed.junk) first = Math.min(first, j.startOffset);
  // Too deep to parse (see deepNesting): as bad as a reading can be.
  const deep = deepNesting(lexed.tokens);
  if (deep.length > 0) return { count: Infinity, first: Math.min(first, deep[0]!.startOffset) };
  ereje_parser.input = lexed.tokens as IToken[];
  ereje_parser.maxErrors = MAX_ERRORS_PER_FILE;
  let stopped = false;
  try { ereje_parser.file(); } catch (e) { if (!(e instanceof TooManySyntaxErrors)) throw e; stopped = true; }
  const parsing = ereje_parser.errors;
  for (const e of parsing) if (!Number.isNaN(e.token?.startOffset)) first = Math.min(first, e.token.startOffset);
  // A reading that had to stop counts as worse than any that did not.
  const count = lexed.errors.length + lexed.junk.length + parsing.length + (stopped ? MAX_ERRORS_PER_FILE : 0);
  return { count, first };
}

/**
 * Tokens where brackets and `not`/`-` prefixes first nest deeper than MAX_NESTING (once per excursion
 * past the limit).
 */
export function deepNesting(tokens: readonly IToken[]): IToken[] {
  const out: IToken[] = [];
  let brackets = 0;
  let prefixes = 0;
  let over = false;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === LParen || type === LBracket) brackets++;
    else if ((type === RParen || type === RBracket) && brackets > 0) brackets--;
    prefixes = type === K.not || type === Minus ? prefixes + 1 : 0;
    const depth = brackets + prefixes;
    if (depth > MAX_NESTING && !over) { out.push(t); over = true; if (out.length > MAX_ERRORS_PER_FILE) break; }
    else if (depth <= MAX_NESTING) over = false;
  }
  return out;
}

