// Source spans from Chevrotain tokens and CST node locations. `endCol` is exclusive (one past the last
// character), `length` counts UTF-16 code units like `offset`.
import type { CstNode, CstNodeLocation, IToken } from 'chevrotain';
import type { Span } from './ast.ts';

type Located = IToken | CstNode | CstNodeLocation;

function loc(x: Located): CstNodeLocation {
  if ('image' in x) return x as unknown as CstNodeLocation;
  if ('location' in x && x.location) return x.location;
  return x as CstNodeLocation;
}

export function spanBetween(file: string, from: Located, to: Located = from): Span {
  const a = loc(from);
  const b = loc(to);
  const endOffset = b.endOffset ?? a.endOffset ?? a.startOffset;
  return {
    file,
    line: a.startLine ?? 1,
    col: a.startColumn ?? 1,
    endLine: b.endLine ?? a.startLine ?? 1,
    endCol: (b.endColumn ?? a.startColumn ?? 0) + 1,
    offset: a.startOffset,
    length: endOffset - a.startOffset + 1,
  };
}

export function mergeSpans(a: Span, b: Span): Span {
  return { file: a.file, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol, offset: a.offset, length: b.offset + b.length - a.offset };
}

/** The offsets at which the lines of a text start, for placing many offsets in one pass over the text. */
export type LineIndex = readonly number[];

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A zero-based offset → span of `length` characters (line and column by binary search in `lines`). */
export function spanAt(file: string, lines: LineIndex, offset: number, length: number): Span {
  let lo = 0, hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! <= offset) lo = mid + 1; else hi = mid;
  }
  const line = Math.max(1, lo);
  const col = offset - lines[line - 1]! + 1;
  return { file, line, col, endLine: line, endCol: col + length, offset, length };
}
