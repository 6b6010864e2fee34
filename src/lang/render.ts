// One diagnostic as text for a terminal: `file:line:col: error: message`, the source line, a caret line.
// A long source line is shown as an excerpt around the place (a 5 MB line of junk must not be printed
// once per diagnostic), and the line is found from the span's offset without splitting the whole text.
import type { Lang } from '../core/lang.ts';
import type { Diagnostic, Span } from './ast.ts';

/** Longest source excerpt shown under a message, in characters. */
const EXCERPT = 100;
/** How much of the line before the place an excerpt keeps. */
const LEAD = 30;
/** Longest message shown: messages quote names and texts from the file, which a damaged file can make huge. */
const MESSAGE = 1000;

/** The source line the span starts on, without its line break; undefined past the end of the text. */
function sourceLine(text: string, span: Span): string | undefined {
  const at = span.offset;
  if (at >= 0 && at <= text.length) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    if (at - start + 1 === span.col) {
      const end = text.indexOf('\n', at);
      return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    }
  }
  // A span whose offset does not match its column: find the line by number.
  let start = 0;
  for (let n = 1; n < span.line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  if (start > text.length || (start === text.length && span.line > 1 && !text.endsWith('\n'))) return undefined;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

export function renderDiagnostic(d: Diagnostic, sourceText: string, lang: Lang): string {
  const { span } = d;
  const message = d.message[lang].length > MESSAGE ? `${d.message[lang].slice(0, MESSAGE - 1)}…` : d.message[lang];
  const head = `${span.file}:${span.line}:${span.col}: ${d.severity}: ${message}`;
  const line = sourceLine(sourceText, span);
  if (line === undefined) return head;
  const start = Math.max(0, span.col - 1);
  // Carets cover the span on its first line (at least one), keeping tabs so they line up.
  const end = span.endLine === span.line ? Math.max(start + 1, span.endCol - 1) : Math.max(start + 1, line.length);
  const caretEnd = Math.min(end, Math.max(line.length, start + 1));
  if (line.length <= EXCERPT) {
    const pad = line.slice(0, start).replace(/[^\t]/g, ' ');
    return `${head}\n  ${line}\n  ${pad}${'^'.repeat(Math.max(1, caretEnd - start))}`;
  }
  const from = Math.max(0, Math.min(start - LEAD, line.length - EXCERPT));
  const to = Math.min(line.length, from + EXCERPT);
  const lead = from > 0 ? '…' : '';
  const shown = `${lead}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
  const pad = (lead + line.slice(from, start)).replace(/[^\t]/g, ' ');
  const carets = Math.max(1, Math.min(caretEnd, to) - start);
  return `${head}\n  ${shown}\n  ${pad}${'^'.repeat(carets)}`;
}

export function renderDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, lang: Lang): string {
  return ds.map((d) => renderDiagnostic(d, sources.get(d.span.file) ?? '', lang)).join('\n');
}
