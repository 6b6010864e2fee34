// One diagnostic as text for a terminal: `file:line:col: error: message`, the source line, a caret line.
import type { Lang } from '../core/lang.ts';
import type { Diagnostic } from './ast.ts';

export function renderDiagnostic(d: Diagnostic, sourceText: string, lang: Lang): string {
  const { span } = d;
  const head = `${span.file}:${span.line}:${span.col}: ${d.severity}: ${d.message[lang]}`;
  const lines = sourceText.split(/\r?\n/);
  const line = lines[span.line - 1];
  if (line === undefined) return head;
  const start = Math.max(0, span.col - 1);
  // Carets cover the span on its first line (at least one), keeping tabs so they line up.
  const end = span.endLine === span.line ? Math.max(start + 1, span.endCol - 1) : Math.max(start + 1, line.length);
  const pad = line.slice(0, start).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, Math.min(end, Math.max(line.length, start + 1)) - start));
  return `${head}\n  ${line}\n  ${pad}${carets}`;
}

export function renderDiagnostics(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, lang: Lang): string {
  return ds.map((d) => renderDiagnostic(d, sources.get(d.span.file) ?? '', lang)).join('\n');
}
