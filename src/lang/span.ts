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

/** A zero-based offset → span of `length` characters, computing line and column from the text. */
export function spanAtOffset(file: string, text: string, offset: number, length: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  return { file, line, col: offset - lineStart + 1, endLine: line, endCol: offset - lineStart + 1 + length, offset, length };
}
