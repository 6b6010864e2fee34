// Text → AST: lex, parse (with recovery, so one run reports several errors), then CST → AST.
// A file with any error yields `file: null`; the diagnostics say what to fix.
import type { IToken } from 'chevrotain';
import { ereje_parser } from '../../grammar/parser.ts';
import type { Comment, Diagnostic, RuleFile, Span } from './ast.ts';
import { buildFile } from './build-file.ts';
import type { BuildContext } from './build-expr.ts';
import { lexRuleText } from './lex.ts';
import { error, q, t3 } from './messages.ts';
import { spanAtOffset, spanBetween } from './span.ts';
import { syntaxMessage } from './syntax-messages.ts';

export interface ParseResult {
  readonly file: RuleFile | null;
  readonly diagnostics: Diagnostic[];
}

export function parseRuleFile(text: string, path: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = lexRuleText(text);
  for (const e of lexed.errors) {
    const ch = text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 1)));
    const letter = /\p{L}/u.test(ch);
    diagnostics.push(error('syntax', spanAtOffset(path, text, e.offset, e.length), letter
      ? t3(`unexpected letter ${q(ch)}: Kazakh and Russian text belongs inside quotes, names use Latin letters`,
        `неожиданная буква ${q(ch)}: казахский и русский текст пишется в кавычках, имена — латиницей`,
        `күтпеген әріп ${q(ch)}: қазақша және орысша мәтін тырнақшаға жазылады, атаулар латынша`)
      : t3(`unexpected character ${q(ch)}`, `неожиданный символ ${q(ch)}`, `күтпеген таңба ${q(ch)}`)));
  }
  for (const t of lexed.unclosed) {
    diagnostics.push(error('unclosed-text', spanBetween(path, t), t3(
      'this text in quotes is not closed: add the closing " where the text ends',
      'текст в кавычках не закрыт: добавьте закрывающую " там, где текст кончается',
      'тырнақшадағы мәтін жабылмаған: мәтін аяқталатын жерге жабатын " қойыңыз')));
  }
  const tokens = lexed.tokens as IToken[];
  ereje_parser.input = tokens;
  const cst = ereje_parser.file();
  const seenOffsets = new Set<number>();
  for (const e of ereje_parser.errors) {
    const span = errorSpan(path, text, e.token, tokens);
    if (seenOffsets.has(span.offset)) continue;   // one message per place
    seenOffsets.add(span.offset);
    diagnostics.push(error('syntax', span, syntaxMessage(e, previousToken(tokens, span.offset)?.image ?? null)));
  }
  const comments: Comment[] = lexed.comments.map((c) => ({ text: c.image, span: spanBetween(path, c) }));
  if (diagnostics.length > 0) return { file: null, diagnostics: sortDiagnostics(diagnostics) };

  const cx: BuildContext = {
    file: path,
    report: (span, code, en, ru, kk) => diagnostics.push(error(code, span, t3(en, ru, kk))),
  };
  const file = buildFile(cx, cst, path, comments, text);
  return { file: diagnostics.some((d) => d.severity === 'error') ? null : file, diagnostics: sortDiagnostics(diagnostics) };
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.offset - b.span.offset));
}

/** The token before `offset` (Chevrotain's own "previous" may already have moved on during recovery). */
function previousToken(tokens: readonly IToken[], offset: number): IToken | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < offset) lo = mid + 1; else hi = mid;
  }
  return tokens[lo - 1];
}

/** Where to point for an error: the offending token, or the end of the file for "unexpected end". */
function errorSpan(path: string, text: string, token: IToken | undefined, tokens: readonly IToken[]): Span {
  if (token && !Number.isNaN(token.startOffset) && token.tokenType?.name !== 'EOF') return spanBetween(path, token);
  const last = tokens[tokens.length - 1];
  if (last) {
    const after = (last.endOffset ?? last.startOffset) + 1;
    return spanAtOffset(path, text, Math.min(after, text.length), 1);
  }
  return spanAtOffset(path, text, text.length, 1);
}
