// Tokens of the ereje rule language. Grammar only: no semantics here.
//
// Lexing decisions (see docs/syntax-sketch.md):
// - Keywords are reserved words; they also belong to the `Word` category so that they can be used as
//   column names after a dot (`l.from`, `j.date`), in `given` column lists and in example cells.
// - Rule and ruleset names may contain `-` (`group-size`, `home-care`): right after `rule`/`ruleset`
//   one `RuleName` token is read (a custom matcher that looks at the previous token).
// - `..` is its own token and numbers need a digit after the decimal point, so `1..5` is 1, .., 5.
// - ISO dates `2010-03-21` and dotted dates `21.03.2010` are single tokens (dotted ones are accepted
//   by the parser only inside example rows). Clause ids `A1.30.5` are single tokens.
// - Kazakh/Russian letters are allowed inside strings only.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

export const Word = createToken({ name: 'Word', label: 'name', pattern: Lexer.NA });
export const Identifier = createToken({ name: 'Identifier', label: 'name', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [Word] });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });
export const StringLit = createToken({ name: 'StringLit', label: '"text"', pattern: /"(?:[^"\\]|\\.)*"/, line_breaks: true });
/** A string whose closing quote is missing: reported with a plain message instead of a lexer error. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\]|\\[^])*/, line_breaks: true });
export const ClauseId = createToken({ name: 'ClauseId', label: 'A1.30.5', pattern: /A\d+(?:\.\d+)+/ });
export const IsoDate = createToken({ name: 'IsoDate', label: '2010-03-21', pattern: /\d{4}-\d{2}-\d{2}(?![0-9])/ });
export const DottedDate = createToken({ name: 'DottedDate', label: '21.03.2010', pattern: /\d{2}\.\d{2}\.\d{4}(?![0-9])/ });
export const NumberLit = createToken({ name: 'NumberLit', label: 'number', pattern: /\d+(?:\.\d+)?/ });

/**
 * Characters that start no token (`@`, `$`, `;`, Cyrillic letters outside quotes, a lone `!` …): a run of
 * them, with the spaces between, is one token kept out of the parser's input and reported once. Without
 * it the lexer makes an error object per stray character: 10 MB of junk, millions of errors.
 */
const JUNK_CHAR = String.raw`(?:[^ \t\r\n\f\v\u00a0\ufeff#"A-Za-z0-9_.<>=!+\-*\/∩()[\]{},:|]|!(?!=))`;
const JUNK = new RegExp(`${JUNK_CHAR}+(?:[ \\t]+${JUNK_CHAR}+)*`, 'y');
function matchJunk(text: string, offset: number): RegExpExecArray | null {
  JUNK.lastIndex = offset;
  return JUNK.exec(text);
}
/** Its first characters for the lexer's dispatch table: junk below 256, and one of every 255-wide block above (how Chevrotain buckets them). */
const JUNK_START_CHARS: number[] = [
  ...Array.from({ length: 256 }, (_, i) => i).filter((i) => new RegExp(`^${JUNK_CHAR}`).test(String.fromCharCode(i))),
  ...Array.from({ length: 258 }, (_, i) => Math.min(65535, 256 + i * 255)),
];
export const Junk = createToken({
  name: 'Junk', label: 'stray characters', pattern: { exec: matchJunk } as unknown as RegExp, line_breaks: false, group: 'junk',
  start_chars_hint: JUNK_START_CHARS,
});

export const DotDot = createToken({ name: 'DotDot', label: '..', pattern: /\.\./ });
export const Dot = createToken({ name: 'Dot', label: '.', pattern: /\./ });
export const LessEq = createToken({ name: 'LessEq', label: '<=', pattern: /<=/ });
export const GreaterEq = createToken({ name: 'GreaterEq', label: '>=', pattern: />=/ });
export const NotEq = createToken({ name: 'NotEq', label: '!=', pattern: /!=/ });
export const Equals = createToken({ name: 'Equals', label: '=', pattern: /=/ });
export const Less = createToken({ name: 'Less', label: '<', pattern: /</ });
export const Greater = createToken({ name: 'Greater', label: '>', pattern: />/ });
export const Plus = createToken({ name: 'Plus', label: '+', pattern: /\+/ });
export const Minus = createToken({ name: 'Minus', label: '-', pattern: /-/ });
export const Star = createToken({ name: 'Star', label: '*', pattern: /\*/ });
export const Slash = createToken({ name: 'Slash', label: '/', pattern: /\// });
export const Intersect = createToken({ name: 'Intersect', label: '∩ / intersect', pattern: Lexer.NA });
export const IntersectSign = createToken({ name: 'IntersectSign', label: '∩', pattern: /∩/, categories: [Intersect] });
export const LParen = createToken({ name: 'LParen', label: '(', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', label: ')', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', label: '[', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', label: ']', pattern: /]/ });
export const LCurly = createToken({ name: 'LCurly', label: '{', pattern: /{/ });
export const RCurly = createToken({ name: 'RCurly', label: '}', pattern: /}/ });
export const Comma = createToken({ name: 'Comma', label: ',', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', label: ':', pattern: /:/ });
export const Pipe = createToken({ name: 'Pipe', label: '|', pattern: /\|/ });
export const Underscore = createToken({ name: 'Underscore', label: '_', pattern: /_(?![A-Za-z0-9_])/ });

/** Keyword tokens by their spelling. */
export const keywords: Record<string, TokenType> = {};
function kw(word: string, extra: TokenType[] = []): TokenType {
  const t = createToken({ name: `Kw_${word}`, label: word, pattern: new RegExp(word), longer_alt: Identifier, categories: [Word, ...extra] });
  keywords[word] = t;
  return t;
}

export const KwRuleset = createToken({ name: 'Kw_ruleset', label: 'ruleset', pattern: /ruleset/, longer_alt: Identifier, categories: [Word] });
export const KwRule = createToken({ name: 'Kw_rule', label: 'rule', pattern: /rule/, longer_alt: Identifier, categories: [Word] });
keywords.ruleset = KwRuleset;
keywords.rule = KwRule;

const RULE_NAME = /[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/y;
/** A name with dashes, read only right after `rule`/`ruleset` (elsewhere `-` is minus). */
function matchRuleName(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  const prev = tokens[tokens.length - 1];
  if (!prev || (prev.tokenType !== KwRule && prev.tokenType !== KwRuleset)) return null;
  RULE_NAME.lastIndex = offset;
  return RULE_NAME.exec(text);
}
export const RuleNameTok = createToken({
  name: 'RuleName', label: 'rule-name', pattern: { exec: matchRuleName } as unknown as RegExp, line_breaks: false,
  start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'],
});

const WORDS = [
  'version', 'title', 'applies_to', 'act', 'issuer', 'number', 'date', 'registration', 'registered',
  'in_force', 'from', 'until', 'approximate', 'amends', 'supersedes', 'source', 'calendar', 'note',
  'import', 'table', 'by', 'citation', 'quote', 'clause', 'severity', 'scope', 'for', 'in', 'join',
  'on', 'where', 'let', 'per', 'full', 'except', 'during', 'dated', 'each', 'item', 'require', 'if',
  'subject', 'expected', 'actual', 'message', 'example', 'audit', 'as_of', 'given', 'row', 'param',
  'expect', 'no', 'findings', 'not', 'evaluated', 'period', 'and', 'or', 'is', 'empty', 'present',
  'within', 'yes', 'day', 'days', 'week', 'month', 'months', 'quarter', 'year', 'years', 'working',
  'kk', 'ru', 'en', 'change', 'repeal',
] as const;
for (const w of WORDS) kw(w);
kw('intersect', [Intersect]);

export const K = keywords;

// Longer keywords first so that `in_force` is not read as `in` + `_force`.
const keywordTokens = Object.entries(keywords)
  .sort((a, b) => b[0].length - a[0].length)
  .map(([, t]) => t);

const punctuation = [
  DotDot, Dot, LessEq, GreaterEq, NotEq, Equals, Less, Greater, Plus, Minus, Star, Slash, IntersectSign,
  LParen, RParen, LBracket, RBracket, LCurly, RCurly, Comma, Colon, Pipe,
];

const mainMode = [
  WhiteSpace, Comment, RuleNameTok, StringLit, UnterminatedString, ClauseId, IsoDate, DottedDate, NumberLit,
  ...punctuation, Underscore, ...keywordTokens, Identifier, Junk,
];

/** Every token type, for the parser (categories included). */
export const allTokens: TokenType[] = [Word, Intersect, ...mainMode];

/** `validate`: Chevrotain's checks of the token definitions, made by a test (see ErejeParser). */
export function createLexer(options: { readonly validate?: boolean } = {}): Lexer {
  return new Lexer(mainMode, { positionTracking: 'full', ensureOptimizations: false, skipValidations: !options.validate });
}

export const ereje_lexer = createLexer();
