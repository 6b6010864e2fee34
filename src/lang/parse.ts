// Text → AST: lex, parse (with recovery, so one run reports several errors), then CST → AST.
// A file with any error yields `file: null`; the diagnostics say what to fix. After a syntax error, the
// file's other rules are still read (`partial`), so that the checker can report their problems too.
import type { IRecognitionException, IToken } from 'chevrotain';
import { ereje_parser, type SyntaxErrorPayload } from '../../grammar/parser.ts';
import type { Comment, Diagnostic, RuleFile, Span } from './ast.ts';
import { buildFile } from './build-file.ts';
import type { BuildContext } from './build-expr.ts';
import { isBlockStart, openBlockAt, topBlocks } from './blocks.ts';
import { lexRuleText } from './lex.ts';
import { error, q, reportInto, t3 } from './messages.ts';
import { spanAtOffset, spanBetween } from './span.ts';
import { syntaxMessage } from './syntax-messages.ts';

export interface ParseResult {
  readonly file: RuleFile | null;
  readonly diagnostics: Diagnostic[];
  /**
   * When the file has syntax errors: the file without the rules they are in, for checking the rest
   * (never for compiling); `skippedRules` counts the rules left out. Absent when the header, a table or
   * an import is broken (the rest would be checked against a wrong picture of the file).
   */
  readonly partial?: { readonly file: RuleFile; readonly skippedRules: number };
}

export function parseRuleFile(text: string, path: string): ParseResult {
  const whole = parseOnce(text, path);
  if (whole.file !== null || !whole.diagnostics.some((d) => d.severity === 'error')) return whole.result;
  return { ...whole.result, ...salvage(text, path, whole) };
}

interface Attempt { readonly result: ParseResult; readonly file: RuleFile | null; readonly diagnostics: Diagnostic[]; readonly tokens: readonly IToken[] }

/** Reparses with the rules that hold errors blanked out (spaces; lines and offsets stay put). */
function salvage(text: string, path: string, whole: Attempt): Pick<ParseResult, 'partial'> {
  const blocks = topBlocks(whole.tokens, text.length);
  const broken = new Set<number>();
  let attempt = whole;
  for (let round = 0; round < 4; round++) {
    let grew = false;
    for (const d of attempt.diagnostics) {
      if (d.severity !== 'error') continue;
      // A missing '}' shows at the next block's start: the block before it is the broken one.
      let i = blocks.findIndex((b) => b.start <= d.span.offset && d.span.offset < b.end);
      if (i > 0 && blocks[i]!.start === d.span.offset && isBlockStart(whole.tokens, d.span.offset)) i--;
      if (i < 0 && d.span.offset >= text.length && blocks.length > 0) i = blocks.length - 1;
      if (i < 0 || blocks[i]!.kind !== 'rule') return {};
      if (!broken.has(i)) { broken.add(i); grew = true; }
    }
    if (!grew) return {};
    let blanked = text;
    for (const i of [...broken].sort((a, b) => b - a)) {
      const b = blocks[i]!;
      blanked = blanked.slice(0, b.start) + blanked.slice(b.start, b.end).replace(/[^\r\n]/g, ' ') + blanked.slice(b.end);
    }
    attempt = parseOnce(blanked, path);
    if (attempt.file !== null) return { partial: { file: attempt.file, skippedRules: broken.size } };
  }
  return {};
}

function parseOnce(text: string, path: string): Attempt {
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
    diagnostics.push(error('syntax', span, notClosedMessage(e, tokens) ?? syntaxMessage(e, previousToken(tokens, span.offset)?.image ?? null)));
  }
  const comments: Comment[] = lexed.comments.map((c) => ({ text: c.image, span: spanBetween(path, c) }));
  if (diagnostics.length > 0) return done(null, diagnostics, tokens);

  const cx: BuildContext = {
    file: path,
    report: reportInto(diagnostics),
  };
  const file = buildFile(cx, cst, path, comments, text);
  return done(diagnostics.some((d) => d.severity === 'error') ? null : file, diagnostics, tokens);
}

function done(file: RuleFile | null, diagnostics: Diagnostic[], tokens: readonly IToken[]): Attempt {
  const sorted = sortDiagnostics(diagnostics);
  return { result: { file, diagnostics: sorted }, file, diagnostics: sorted, tokens };
}

/** A '}' missing before the next top-level block (or the end of the file): name the block left open. */
function notClosedMessage(e: IRecognitionException, tokens: readonly IToken[]): Diagnostic['message'] | null {
  let expected: readonly string[] = [];
  try { expected = (JSON.parse(e.message) as SyntaxErrorPayload).expected; } catch { /* not one of ours */ }
  if (!expected.includes('RCurly')) return null;
  const found = e.token;
  const atEnd = !found || found.tokenType?.name === 'EOF' || Number.isNaN(found.startOffset);
  if (!atEnd && !isBlockStart(tokens, found.startOffset)) return null;
  const open = openBlockAt(tokens, atEnd ? Infinity : found.startOffset);
  if (open === null) return null;
  return atEnd
    ? t3(`${open.en} is not closed: add the missing '}' at its end`, `${open.ru} не закрыт: добавьте недостающую '}' в его конце`, `${open.kk} жабылмаған: соңына жетіспейтін '}' қойыңыз`)
    : t3(`${open.en} is not closed: add the missing '}' before this line`, `${open.ru} не закрыт: добавьте недостающую '}' перед этой строкой`, `${open.kk} жабылмаған: осы жолдың алдына жетіспейтін '}' қойыңыз`);
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
