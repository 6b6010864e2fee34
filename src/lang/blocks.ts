// The file's top-level blocks (ruleset, import, table, rule) and its open braces, read off the tokens.
// Used after a syntax error: to name the block a missing '}' left open, and to keep checking the other
// blocks of the file (a new top-level `rule` is where reading can safely start again). Lookups are by
// binary search, so a file of a million broken blocks costs no more per error than a file of ten.
import type { IToken } from 'chevrotain';
import { K, LCurly, RCurly, RuleNameTok, StringLit } from '../../grammar/tokens.ts';
import { q, t3, type Text3 } from './messages.ts';

export interface TopBlock {
  readonly kind: 'ruleset' | 'import' | 'table' | 'rule' | 'change' | 'repeal';
  readonly start: number;
  /** Offset one past the block: the next block's start, or the end of the text. */
  readonly end: number;
  /** Index of the block's first token. */
  readonly token: number;
}

/** Whether token `i` starts a top-level block. */
function startsBlock(tokens: readonly IToken[], i: number): TopBlock['kind'] | null {
  const t = tokens[i]!.tokenType, next = tokens[i + 1]?.tokenType, before = tokens[i - 1]?.tokenType;
  // `change rule x`, `repeal rule x`, `change table t`, `import table t`: one block, from the first word.
  const led = before === K.change || before === K.repeal || before === K.import;
  if (t === K.rule && next === RuleNameTok && !led) return 'rule';
  if (t === K.ruleset && next === RuleNameTok) return 'ruleset';
  if (t === K.import) return 'import';
  if (t === K.table && !led) return 'table';
  if (t === K.change && (next === K.rule || next === K.table)) return 'change';
  if (t === K.repeal && next === K.rule) return 'repeal';
  return null;
}

export function topBlocks(tokens: readonly IToken[], textLength: number): TopBlock[] {
  const starts: { kind: TopBlock['kind']; start: number; token: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = startsBlock(tokens, i);
    if (kind) starts.push({ kind, start: tokens[i]!.startOffset, token: i });
  }
  return starts.map((s, i) => ({ ...s, end: starts[i + 1]?.start ?? textLength }));
}

/** Index of the last block starting at or before `offset`, or -1. */
export function blockIndexAt(blocks: readonly TopBlock[], offset: number): number {
  let lo = 0, hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/** Index of the first token starting at or after `offset` (tokens.length if none). */
export function tokenIndexAt(tokens: readonly IToken[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Whether the token at `offset` starts a top-level block (a place a missing '}' is noticed). */
export function isBlockStart(tokens: readonly IToken[], offset: number): boolean {
  const i = tokenIndexAt(tokens, offset);
  return i < tokens.length && tokens[i]!.startOffset === offset && startsBlock(tokens, i) !== null;
}

const OPENERS = new Set<unknown>([K.rule, K.ruleset, K.table, K.act, K.example, K.given, K.require, K.findings]);
/** Words before an opener that belong to its name: `change rule x`. */
const LEADS = new Set<unknown>([K.change]);

/** The outermost block of the current top-level block still open at `offset` ('{' without its '}'), as "rule x (opened at 68:1)". */
export function openBlockAt(tokens: readonly IToken[], blocks: readonly TopBlock[], offset: number): Text3 | null {
  // Count from the last top-level block before `offset`: an earlier block's missing '}' is its own error.
  const b = blockIndexAt(blocks, offset - 1);
  const from = b < 0 ? 0 : blocks[b]!.token;
  const stack: number[] = [];
  for (let i = from; i < tokens.length && tokens[i]!.startOffset < offset; i++) {
    if (tokens[i]!.tokenType === LCurly) stack.push(i);
    else if (tokens[i]!.tokenType === RCurly) stack.pop();
  }
  if (stack.length === 0) return null;
  const brace = stack[0]!;
  let k = brace - 1;
  while (k >= 0 && brace - k < 12 && !OPENERS.has(tokens[k]!.tokenType)) k--;
  if (k < 0 || !OPENERS.has(tokens[k]!.tokenType)) k = brace;
  const opener = tokens[k]!;
  const lead = k > 0 && LEADS.has(tokens[k - 1]!.tokenType) ? tokens[k - 1]! : null;
  const name = tokens[k + 1];
  const what = opener.tokenType === LCurly ? "'{'"
    : `${lead ? `${lead.image} ` : ''}${name && name !== tokens[brace] && (name.tokenType === RuleNameTok || name.tokenType === StringLit || opener.tokenType === K.table || opener.tokenType === K.given)
      ? `${opener.image} ${name.tokenType === StringLit ? q(name.image.slice(1, -1)) : name.image}` : opener.image}`;
  const first = lead ?? opener;
  const at = `${first.startLine}:${first.startColumn}`;
  return t3(`${what} (opened at ${at})`, `${what} (открыт в ${at})`, `${what} (${at} жолында ашылған)`);
}
