// Text → AST: lex, parse (with recovery, so one run reports several errors), then CST → AST.
// A file with any error yields `file: null`; the diagnostics say what to fix. After a syntax error, the
// file's other rules are still read (`partial`), so that the checker can report their problems too.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { ereje_parser, TooManySyntaxErrors, type SyntaxErrorPayload } from '../../grammar/parser.ts';
import { Identifier, RuleNameTok } from '../../grammar/tokens.ts';
import type { Comment, Diagnostic, RuleFile, Span } from './ast.ts';
import { buildFile } from './build-file.ts';
import type { BuildContext } from './build-expr.ts';
import { blockIndexAt, isBlockStart, openBlockAt, tokenIndexAt, topBlocks, type TopBlock } from './blocks.ts';
import { deepNesting, lexRuleText } from './lex.ts';
import { capDiagnostics, MAX_ERRORS_PER_FILE, MAX_NAME_LENGTH, nameTooLongMessage, RECOVERY_MAX_LENGTH, tooDeep, tooDeepMessage } from './limits.ts';
import { error, q, reportInto, t3 } from './messages.ts';
import { lineIndex, spanAt, spanBetween, type LineIndex } from './span.ts';
import { syntaxMessage } from './syntax-messages.ts';
import { workbookWordAt, workbookWordMessage } from './workbook-words.ts';

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

/**
 * Clean parses of recent texts, by path and text: one process often parses the same rule file again (a
 * pack loaded for `rules test` and again for `rules check`, every in-process run of the tests). The
 * result is the same for the same path and text, and read-only (the AST's types are readonly), so the
 * same one is handed out again. Files with any diagnostic are always parsed afresh, as are large texts.
 */
const cleanParses = new Map<string, ParseResult>();
const MAX_CLEAN_PARSES = 32;
const MAX_CACHED_TEXT = 256 * 1024;

export function parseRuleFile(text: string, path: string): ParseResult {
  if (text.length > MAX_CACHED_TEXT) return parseAfresh(text, path);
  const key = `${path}\0${text}`;
  const cached = cleanParses.get(key);
  if (cached !== undefined) {
    // Most recently used last: the oldest is the first to go.
    cleanParses.delete(key);
    cleanParses.set(key, cached);
    return { ...cached, diagnostics: [] };
  }
  const result = parseAfresh(text, path);
  if (result.file !== null && result.diagnostics.length === 0 && result.partial === undefined) {
    // Shared from now on: frozen, so that a stage that wrote into it would fail loudly instead of changing another run's AST.
    deepFreeze(result.file);
    cleanParses.set(key, { ...result, diagnostics: [] });
    if (cleanParses.size > MAX_CLEAN_PARSES) cleanParses.delete(cleanParses.keys().next().value!);
  }
  return result;
}

function parseAfresh(text: string, path: string): ParseResult {
  const whole = parseOnce(text, path);
  if (whole.file !== null || !whole.diagnostics.some((d) => d.severity === 'error')) return whole.result;
  // A file that had to be read only in part has too much wrong with it for the rest to be worth checking.
  if (whole.stopped || text.length > RECOVERY_MAX_LENGTH) return whole.result;
  return { ...whole.result, ...salvage(text, path, whole) };
}

interface Attempt {
  readonly result: ParseResult;
  readonly file: RuleFile | null;
  readonly diagnostics: Diagnostic[];
  readonly tokens: readonly IToken[];
  /** Reading stopped early, after too many errors. */
  readonly stopped: boolean;
}

/** Blocks whose errors leave the rest of the file worth checking: a rule, or an amendment's change of one. */
const SALVAGEABLE: ReadonlySet<string> = new Set(['rule', 'change', 'repeal']);

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
      let i = blockIndexAt(blocks, d.span.offset);
      if (i >= 0 && d.span.offset >= blocks[i]!.end) i = -1;
      if (i > 0 && blocks[i]!.start === d.span.offset && isBlockStart(whole.tokens, d.span.offset)) i--;
      if (i < 0 && d.span.offset >= text.length && blocks.length > 0) i = blocks.length - 1;
      if (i < 0 || !SALVAGEABLE.has(blocks[i]!.kind)) return {};
      if (!broken.has(i)) { broken.add(i); grew = true; }
    }
    if (!grew) return {};
    let blanked = text;
    for (const i of [...broken].sort((a, b) => b - a)) {
      const b = blocks[i]!;
      blanked = blanked.slice(0, b.start) + blanked.slice(b.start, b.end).replace(/[^\r\n]/g, ' ') + blanked.slice(b.end);
    }
    attempt = parseOnce(blanked, path);
    if (attempt.stopped) return {};
    if (attempt.file !== null) return { partial: { file: attempt.file, skippedRules: broken.size } };
  }
  return {};
}

function parseOnce(text: string, path: string): Attempt {
  const diagnostics: Diagnostic[] = [];
  const lines = lineIndex(text);
  const lexed = lexRuleText(text);
  diagnostics.push(...strayDiagnostics(path, lines, text, lexed));
  for (const t of lexed.unclosed) {
    diagnostics.push(error('unclosed-text', spanBetween(path, t), t3(
      'this text in quotes is not closed: add the closing " where the text ends',
      'текст в кавычках не закрыт: добавьте закрывающую " там, где текст кончается',
      'тырнақшадағы мәтін жабылмаған: мәтін аяқталатын жерге жабатын " қойыңыз')));
  }
  const tokens = lexed.tokens as IToken[];
  let longNames = 0;
  for (const t of tokens) {
    if (t.image.length <= MAX_NAME_LENGTH || (t.tokenType !== Identifier && t.tokenType !== RuleNameTok)) continue;
    if (++longNames <= MAX_ERRORS_PER_FILE) diagnostics.push(error('name-too-long', spanBetween(path, t), nameTooLongMessage(t.image.length)));
  }
  // The parser descends once per bracket or prefix: too deep a nesting would overflow the stack.
  const deep = deepNesting(tokens);
  for (const t of deep) diagnostics.push(error('too-deep', spanBetween(path, t), tooDeepMessage(null)));
  // Not parsed at all; salvage may still read the file with the rules that hold them blanked out.
  if (deep.length > 0) return done(null, diagnostics, tokens, false);
  ereje_parser.input = tokens;
  ereje_parser.maxErrors = MAX_ERRORS_PER_FILE;
  let cst: CstNode | null = null;
  try { cst = ereje_parser.file(); } catch (e) { if (!(e instanceof TooManySyntaxErrors)) throw e; }
  const blocks = cst === null || ereje_parser.errors.length > 0 ? topBlocks(tokens, text.length) : [];
  const seenOffsets = new Set<number>();
  for (const e of ereje_parser.errors) {
    const span = errorSpan(path, lines, text, e.token, tokens);
    if (seenOffsets.has(span.offset)) continue;   // one message per place
    seenOffsets.add(span.offset);
    diagnostics.push(error('syntax', span, notClosedMessage(e, tokens, blocks) ?? syntaxMessage(e, previousToken(tokens, span.offset)?.image ?? null)));
  }
  const comments: Comment[] = lexed.comments.map((c) => ({ text: c.image, span: spanBetween(path, c) }));
  if (cst === null) {
    const last = ereje_parser.errors[ereje_parser.errors.length - 1];
    diagnostics.push(stoppedMessage(errorSpan(path, lines, text, last?.token, tokens)));
    return done(null, diagnostics, tokens, true);
  }
  if (diagnostics.length > 0) return done(null, diagnostics, tokens, false);

  const cx: BuildContext = {
    file: path,
    report: reportInto(diagnostics),
  };
  const file = buildFile(cx, cst, path, comments, text);
  for (const { span, depth } of tooDeep(file)) diagnostics.push(error('too-deep', span, tooDeepMessage(depth)));
  return done(diagnostics.some((d) => d.severity === 'error') ? null : file, diagnostics, tokens, false);
}

/**
 * Characters no token starts with: the first MAX_ERRORS_PER_FILE + 1 placed (enough for the closing
 * "… and N more" line to appear), the rest stood for by one diagnostic that counts them.
 */
function strayDiagnostics(path: string, lines: LineIndex, text: string, lexed: ReturnType<typeof lexRuleText>): Diagnostic[] {
  const n = MAX_ERRORS_PER_FILE + 2;
  const first = [
    ...lexed.errors.slice(0, n).map((e) => ({ offset: e.offset, span: () => spanAt(path, lines, e.offset, Math.max(1, e.length)), image: text.slice(e.offset, e.offset + 1) })),
    ...lexed.junk.slice(0, n).map((j) => ({ offset: j.startOffset, span: () => spanBetween(path, j), image: j.image })),
  ].sort((a, b) => a.offset - b.offset).slice(0, n);
  const message = (x: (typeof first)[number]) => strayMessage(x.span(), x.image, namePlace(lexed.tokens, x.offset) ? text.slice(x.offset) : null);
  const out = first.slice(0, n - 1).map(message);
  const total = lexed.errors.length + lexed.junk.length;
  const next = first[n - 1];
  if (next && total > out.length) out.push({ ...message(next), omitted: total - out.length });
  return out;
}

/**
 * Whether stray letters at `offset` stand where a name goes (after `.`, `in`, `given`, an operator, `(` or
 * `,`), so a workbook label there means its Latin id; elsewhere (after `kk`, `quote` …) text lacks quotes.
 */
function namePlace(tokens: readonly IToken[], offset: number): boolean {
  const before = previousToken(tokens, offset)?.image;
  return before !== undefined && ['.', 'in', 'given', '=', '!=', '<', '<=', '>', '>=', '(', ',', ':'].includes(before);
}

function strayMessage(span: Span, image: string, from: string | null): Diagnostic {
  const ch = image.slice(0, 1);
  const word = from !== null && /\p{L}/u.test(ch) ? workbookWordAt(from) : null;
  if (word) return error('syntax', span, workbookWordMessage(word.label, word.entries));
  const shown = q(image);
  const one = [...image].length === 1;
  return error('syntax', span, /\p{L}/u.test(ch)
    ? t3(`unexpected ${one ? 'letter' : 'letters'} ${shown}: Kazakh and Russian text belongs inside quotes, names use Latin letters`,
      `${one ? 'неожиданная буква' : 'неожиданные буквы'} ${shown}: казахский и русский текст пишется в кавычках, имена — латиницей`,
      `күтпеген ${one ? 'әріп' : 'әріптер'} ${shown}: қазақша және орысша мәтін тырнақшаға жазылады, атаулар латынша`)
    : t3(`unexpected ${one ? 'character' : 'characters'} ${shown}`, `${one ? 'неожиданный символ' : 'неожиданные символы'} ${shown}`, `күтпеген ${one ? 'таңба' : 'таңбалар'} ${shown}`));
}

function stoppedMessage(span: Span): Diagnostic {
  return error('reading-stopped', span, t3(
    `reading stopped here after ${MAX_ERRORS_PER_FILE} syntax errors; the rest of the file was not read: fix the errors above and check again`,
    `чтение остановлено здесь после ${MAX_ERRORS_PER_FILE} синтаксических ошибок; остаток файла не прочитан: исправьте ошибки выше и проверьте снова`,
    `${MAX_ERRORS_PER_FILE} синтаксис қатесінен кейін оқу осы жерде тоқтады; файлдың қалғаны оқылмады: жоғарыдағы қателерді түзетіп, қайта тексеріңіз`));
}

function done(file: RuleFile | null, diagnostics: Diagnostic[], tokens: readonly IToken[], stopped: boolean): Attempt {
  const sorted = capDiagnostics(diagnostics);
  return { result: { file, diagnostics: sorted }, file, diagnostics: sorted, tokens, stopped };
}

/** A '}' missing before the next top-level block (or the end of the file): name the block left open. */
function notClosedMessage(e: IRecognitionException, tokens: readonly IToken[], blocks: readonly TopBlock[]): Diagnostic['message'] | null {
  let expected: readonly string[] = [];
  try { expected = (JSON.parse(e.message) as SyntaxErrorPayload).expected; } catch { /* not one of ours */ }
  if (!expected.includes('RCurly')) return null;
  const found = e.token;
  const atEnd = !found || found.tokenType?.name === 'EOF' || Number.isNaN(found.startOffset);
  if (!atEnd && !isBlockStart(tokens, found.startOffset)) return null;
  const open = openBlockAt(tokens, blocks, atEnd ? Infinity : found.startOffset);
  if (open === null) return null;
  return atEnd
    ? t3(`${open.en} is not closed: add the missing '}' at its end`, `${open.ru} не закрыт: добавьте недостающую '}' в его конце`, `${open.kk} жабылмаған: соңына жетіспейтін '}' қойыңыз`)
    : t3(`${open.en} is not closed: add the missing '}' before this line`, `${open.ru} не закрыт: добавьте недостающую '}' перед этой строкой`, `${open.kk} жабылмаған: осы жолдың алдына жетіспейтін '}' қойыңыз`);
}

/** The token before `offset` (Chevrotain's own "previous" may already have moved on during recovery). */
function previousToken(tokens: readonly IToken[], offset: number): IToken | undefined {
  return tokens[tokenIndexAt(tokens, offset) - 1];
}

/** Where to point for an error: the offending token, or the end of the file for "unexpected end". */
function errorSpan(path: string, lines: LineIndex, text: string, token: IToken | undefined, tokens: readonly IToken[]): Span {
  if (token && !Number.isNaN(token.startOffset) && token.tokenType?.name !== 'EOF') return spanBetween(path, token);
  const last = tokens[tokens.length - 1];
  if (last) {
    const after = (last.endOffset ?? last.startOffset) + 1;
    return spanAt(path, lines, Math.min(after, text.length), 1);
  }
  return spanAt(path, lines, text.length, 1);
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
