// The ereje grammar as a Chevrotain CST parser. Grammar only: src/lang/parse.ts turns the CST into the
// AST and src/lang/syntax-messages.ts turns the structured error payloads below into plain kk/ru/en text.
import { CstParser, EOF, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, K, Word, Identifier, StringLit, ClauseId, IsoDate, DottedDate, NumberLit, DotDot, Dot,
  LessEq, GreaterEq, NotEq, Equals, Less, Greater, Plus, Minus, Star, Slash, Intersect, LParen, RParen,
  LBracket, RBracket, LCurly, RCurly, Comma, Colon, Pipe, Underscore, RuleNameTok,
} from './tokens.ts';

/** What a syntax error carries, JSON-encoded in the Chevrotain error message. */
export interface SyntaxErrorPayload {
  readonly kind: 'mismatch' | 'no-alternative' | 'early-exit' | 'extra-input';
  readonly rule: string;
  /** Token type names that would have been accepted next. */
  readonly expected: readonly string[];
  readonly previous: string | null;
}

const names = (paths: TokenType[][][]): string[] => {
  const out = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) out.add(path[0].name);
  return [...out];
};
const prev = (t: IToken | undefined): string | null => (t && t.tokenType !== EOF && t.image ? t.image : null);

const errorPayloads: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, previous, ruleName }) =>
    JSON.stringify({ kind: 'mismatch', rule: ruleName, expected: [expected.name], previous: prev(previous) } satisfies SyntaxErrorPayload),
  buildNotAllInputParsedMessage: ({ ruleName }) =>
    JSON.stringify({ kind: 'extra-input', rule: ruleName, expected: [], previous: null } satisfies SyntaxErrorPayload),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, previous, ruleName }) =>
    JSON.stringify({ kind: 'no-alternative', rule: ruleName, expected: names(expectedPathsPerAlt), previous: prev(previous) } satisfies SyntaxErrorPayload),
  buildEarlyExitMessage: ({ expectedIterationPaths, previous, ruleName }) =>
    JSON.stringify({ kind: 'early-exit', rule: ruleName, expected: names([expectedIterationPaths]), previous: prev(previous) } satisfies SyntaxErrorPayload),
};

/** Thrown by the parser once it has saved `maxErrors` errors: reading a hopeless file further only costs time and stack. */
export class TooManySyntaxErrors extends Error {
  override readonly name = 'TooManySyntaxErrors';
}

type SaveError = (this: unknown, e: IRecognitionException) => IRecognitionException;
const saveError = (CstParser.prototype as unknown as { SAVE_ERROR: SaveError }).SAVE_ERROR;

export class ErejeParser extends CstParser {
  /** Parsing stops with TooManySyntaxErrors after this many errors (each recovery may recurse). */
  maxErrors = Infinity;

  /**
   * Alternatives of each OR, built once: under tsx every `{ ALT: () => … }` literal costs a closure and a
   * name-setting call on each parse step, which made parsing several times slower.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly alt: Record<string, any> = {};

  /**
   * `validate`: Chevrotain's checks of the grammar itself (ambiguities, left recursion, …). They cost
   * about as much as building the parser, on every run, and the grammar does not change between runs:
   * a test builds the parser with them (test/lang/grammar.test.ts); ereje builds it without.
   */
  constructor(options: { readonly validate?: boolean } = {}) {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'full', errorMessageProvider: errorPayloads, skipValidations: !options.validate });
    this.performSelfAnalysis();
  }

  /** Chevrotain's hook for every syntax error it records. */
  SAVE_ERROR(e: IRecognitionException): IRecognitionException {
    const saved = saveError.call(this, e);
    // `errors` copies the list; Chevrotain keeps it in `_errors` (reset with each new input).
    if ((this as unknown as { _errors: unknown[] })._errors.length >= this.maxErrors) throw new TooManySyntaxErrors(`${this.maxErrors} syntax errors`);
    return saved;
  }

  // ------------------------------------------------------------ file
  file = this.RULE('file', () => {
    this.MANY(() => this.OR(this.alt.a1 ??= [
      { ALT: () => this.SUBRULE(this.rulesetDecl) },
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.tableDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.changeDecl) },
      { ALT: () => this.SUBRULE(this.repealDecl) },
    ]));
  });

  rulesetDecl = this.RULE('rulesetDecl', () => {
    this.CONSUME(K.ruleset);
    this.CONSUME(RuleNameTok);
    this.CONSUME(K.version);
    this.CONSUME(StringLit);
    // An amendment: this file holds only what changes in the version named here.
    this.OPTION(() => { this.CONSUME(K.amends); this.CONSUME1(StringLit, { LABEL: 'base' }); });
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.rulesetField));
    this.CONSUME(RCurly);
  });

  rulesetField = this.RULE('rulesetField', () => {
    this.OR(this.alt.a2 ??= [
      { ALT: () => { this.CONSUME(K.title); this.SUBRULE(this.localized); } },
      { ALT: () => { this.CONSUME(K.applies_to); this.CONSUME(Identifier); } },
      { ALT: () => this.SUBRULE(this.actBlock) },
      { ALT: () => this.SUBRULE(this.inForce) },
      { ALT: () => { this.CONSUME(K.amends); this.CONSUME1(StringLit); } },
      { ALT: () => { this.CONSUME(K.supersedes); this.CONSUME2(StringLit); } },
      { ALT: () => { this.CONSUME(K.source); this.CONSUME3(StringLit); } },
      { ALT: () => { this.CONSUME(K.calendar); this.CONSUME1(Identifier); } },
      // One text, or one per language like `title` (`note kk "…" ru "…" en "…"`).
      { ALT: () => { this.CONSUME(K.note); this.SUBRULE(this.template, { LABEL: 'note' }); } },
    ]);
  });

  actBlock = this.RULE('actBlock', () => {
    this.CONSUME(K.act);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.actField));
    this.CONSUME(RCurly);
  });

  actField = this.RULE('actField', () => {
    this.OR(this.alt.a3 ??= [
      { ALT: () => { this.CONSUME(K.issuer); this.SUBRULE(this.localized); } },
      { ALT: () => { this.CONSUME(K.number); this.CONSUME(StringLit); } },
      { ALT: () => { this.CONSUME(K.date); this.SUBRULE(this.dateStamp); } },
      { ALT: () => {
        this.CONSUME(K.registration); this.CONSUME1(StringLit);
        this.OPTION(() => { this.CONSUME(K.registered); this.SUBRULE1(this.dateStamp, { LABEL: 'registeredOn' }); });
      } },
      { ALT: () => { this.CONSUME(K.title); this.SUBRULE1(this.localized); } },
    ]);
  });

  inForce = this.RULE('inForce', () => {
    this.CONSUME(K.in_force);
    this.OPTION(() => { this.CONSUME(K.from); this.SUBRULE(this.dateStamp, { LABEL: 'from' }); });
    this.OPTION1(() => { this.CONSUME(K.until); this.SUBRULE1(this.dateStamp, { LABEL: 'until' }); });
  });

  dateStamp = this.RULE('dateStamp', () => {
    this.CONSUME(IsoDate);
    this.OPTION(() => { this.CONSUME(K.approximate); this.SUBRULE(this.template, { LABEL: 'approximate' }); });
  });

  localized = this.RULE('localized', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.langText));
  });

  langText = this.RULE('langText', () => {
    this.OR(this.alt.a4 ??= [
      { ALT: () => this.CONSUME(K.kk) },
      { ALT: () => this.CONSUME(K.ru) },
      { ALT: () => this.CONSUME(K.en) },
    ]);
    this.CONSUME(StringLit);
  });

  importDecl = this.RULE('importDecl', () => {
    this.CONSUME(K.import);
    this.CONSUME(K.table);
    this.CONSUME(Identifier);
    this.CONSUME(K.from);
    this.CONSUME(StringLit);
  });

  tableDecl = this.RULE('tableDecl', () => {
    this.CONSUME(K.table);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(K.by);
    this.CONSUME1(Identifier, { LABEL: 'keyEnum' });
    this.CONSUME(Colon);
    this.CONSUME(Word, { LABEL: 'valueType' });
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alt.a5 ??= [
      { ALT: () => { this.CONSUME(K.citation); this.SUBRULE(this.template, { LABEL: 'citation' }); } },
      { ALT: () => { this.CONSUME(K.quote); this.CONSUME1(StringLit, { LABEL: 'quote' }); } },
      { ALT: () => this.SUBRULE(this.tableEntry) },
    ]));
    this.CONSUME(RCurly);
  });

  tableEntry = this.RULE('tableEntry', () => {
    this.CONSUME(Identifier);
    this.CONSUME(Equals);
    this.SUBRULE(this.valueOrBlank);
  });

  valueOrBlank = this.RULE('valueOrBlank', () => {
    this.OR(this.alt.a6 ??= [
      { ALT: () => this.CONSUME(Underscore) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  // ------------------------------------------------------------ amendments
  /** `change rule NAME { … }` (the parts given replace the amended version's) or `change table NAME { … }`. */
  changeDecl = this.RULE('changeDecl', () => {
    this.CONSUME(K.change);
    this.OR(this.alt.a29 ??= [
      { ALT: () => {
        this.CONSUME(K.rule);
        this.CONSUME(RuleNameTok);
        this.CONSUME(LCurly);
        this.MANY(() => this.SUBRULE(this.ruleItem));
        this.CONSUME(RCurly);
      } },
      { ALT: () => {
        this.CONSUME(K.table);
        this.CONSUME(Identifier, { LABEL: 'name' });
        this.CONSUME1(LCurly);
        this.MANY1(() => this.OR1(this.alt.a30 ??= [
          { ALT: () => { this.CONSUME(K.citation); this.SUBRULE(this.template, { LABEL: 'citation' }); } },
          { ALT: () => { this.CONSUME(K.quote); this.CONSUME1(StringLit, { LABEL: 'quote' }); } },
          { ALT: () => this.SUBRULE(this.tableEntry) },
        ]));
        this.CONSUME1(RCurly);
      } },
    ]);
  });

  /** `repeal rule NAME`: the amended version's rule is not part of this one. */
  repealDecl = this.RULE('repealDecl', () => {
    this.CONSUME(K.repeal);
    this.CONSUME(K.rule);
    this.CONSUME(RuleNameTok);
  });

  // ------------------------------------------------------------ rules
  ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(K.rule);
    this.CONSUME(RuleNameTok);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.ruleItem));
    this.CONSUME(RCurly);
  });

  ruleItem = this.RULE('ruleItem', () => {
    this.OR(this.alt.a7 ??= [
      { ALT: () => { this.CONSUME(K.clause); this.OR1(this.alt.a8 ??= [
        { ALT: () => this.CONSUME(ClauseId) }, { ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(NumberLit) },
      ]); } },
      { ALT: () => { this.CONSUME(K.severity); this.CONSUME1(Identifier, { LABEL: 'severity' }); } },
      { ALT: () => { this.CONSUME(K.scope); this.CONSUME2(Identifier, { LABEL: 'scope' }); this.OPTION(() => this.SUBRULE5(this.template, { LABEL: 'scopeText' })); } },
      { ALT: () => { this.CONSUME(K.quote); this.CONSUME1(StringLit, { LABEL: 'quote' }); } },
      { ALT: () => { this.CONSUME(K.note); this.SUBRULE3(this.template, { LABEL: 'note' }); } },
      { ALT: () => this.SUBRULE(this.forStep) },
      { ALT: () => this.SUBRULE(this.joinStep) },
      { ALT: () => this.SUBRULE(this.whereStep) },
      { ALT: () => this.SUBRULE(this.letStep) },
      { ALT: () => this.SUBRULE(this.perStep) },
      { ALT: () => this.SUBRULE(this.eachStep) },
      { ALT: () => this.SUBRULE(this.datedStep) },
      { ALT: () => this.SUBRULE(this.requireClause) },
      { ALT: () => { this.CONSUME(K.subject); this.SUBRULE(this.expression, { LABEL: 'subject' }); } },
      { ALT: () => { this.CONSUME(K.expected); this.SUBRULE(this.template, { LABEL: 'expected' }); } },
      { ALT: () => { this.CONSUME(K.actual); this.SUBRULE1(this.template, { LABEL: 'actual' }); } },
      { ALT: () => { this.CONSUME(K.message); this.SUBRULE2(this.template, { LABEL: 'message' }); } },
      // `item max_one_year kk "…" ru "…" en "…"`: how the texts name an item that is no enum value or column.
      { ALT: () => { this.CONSUME(K.item); this.CONSUME3(Identifier, { LABEL: 'itemName' }); this.SUBRULE4(this.template, { LABEL: 'itemLabel' }); } },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
    ]);
  });

  template = this.RULE('template', () => {
    this.OR(this.alt.a9 ??= [
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.SUBRULE(this.localized) },
    ]);
  });

  forStep = this.RULE('forStep', () => {
    this.CONSUME(K.for);
    this.CONSUME(Identifier);
    this.CONSUME(K.in);
    this.SUBRULE(this.expression);
  });

  joinStep = this.RULE('joinStep', () => {
    this.CONSUME(K.join);
    this.CONSUME(Identifier, { LABEL: 'variable' });
    this.CONSUME(K.in);
    this.CONSUME1(Identifier, { LABEL: 'sheet' });
    this.CONSUME(K.on);
    this.SUBRULE(this.expression);
  });

  whereStep = this.RULE('whereStep', () => {
    this.CONSUME(K.where);
    this.SUBRULE(this.expression);
  });

  letStep = this.RULE('letStep', () => {
    this.CONSUME(K.let);
    this.CONSUME(Identifier);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  datedStep = this.RULE('datedStep', () => {
    this.CONSUME(K.dated);
    this.SUBRULE(this.expression);
  });

  perStep = this.RULE('perStep', () => {
    this.CONSUME(K.per);
    this.OPTION(() => this.CONSUME(K.full));
    this.OR(this.alt.a10 ??= [
      { ALT: () => this.CONSUME(K.day, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.week, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.month, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.quarter, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.year, { LABEL: 'unit' }) },
    ]);
    this.CONSUME(Identifier);
    this.CONSUME(K.in);
    this.SUBRULE(this.expression);
    this.MANY(() => this.SUBRULE(this.exceptClause));
  });

  exceptClause = this.RULE('exceptClause', () => {
    this.CONSUME(K.except);
    this.CONSUME(Identifier, { LABEL: 'sheet' });
    this.CONSUME1(Identifier, { LABEL: 'variable' });
    this.OPTION(() => { this.CONSUME(K.where); this.SUBRULE(this.expression, { LABEL: 'where' }); });
    this.CONSUME(K.during);
    this.SUBRULE1(this.expression, { LABEL: 'during' });
  });

  eachStep = this.RULE('eachStep', () => {
    this.CONSUME(K.each);
    this.CONSUME(K.item);
    this.CONSUME(Identifier);
    this.CONSUME(K.in);
    this.OR(this.alt.a11 ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => {
          this.CONSUME(LBracket);
          this.SUBRULE(this.itemEntry);
          this.MANY(() => { this.CONSUME(Comma); this.SUBRULE1(this.itemEntry); });
          this.CONSUME(RBracket);
        } },
        { ALT: () => this.SUBRULE(this.expression) },
      ],
    });
  });

  itemEntry = this.RULE('itemEntry', () => {
    this.SUBRULE(this.expression, { LABEL: 'alternative' });
    this.MANY(() => { this.CONSUME(Pipe); this.SUBRULE1(this.expression, { LABEL: 'alternative' }); });
    this.OPTION(() => { this.CONSUME(K.if); this.SUBRULE2(this.expression, { LABEL: 'guard' }); });
  });

  requireClause = this.RULE('requireClause', () => {
    this.CONSUME(K.require);
    this.OR(this.alt.a12 ??= [
      { ALT: () => { this.CONSUME(LCurly); this.MANY(() => this.SUBRULE(this.checkEntry)); this.CONSUME(RCurly); } },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  checkEntry = this.RULE('checkEntry', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => { this.CONSUME(K.if); this.SUBRULE(this.expression, { LABEL: 'guard' }); });
    this.CONSUME(Colon);
    this.SUBRULE1(this.expression, { LABEL: 'condition' });
  });

  // ------------------------------------------------------------ examples
  exampleDecl = this.RULE('exampleDecl', () => {
    this.CONSUME(K.example);
    this.CONSUME(StringLit);
    this.CONSUME(LCurly);
    this.MANY(() => this.OR(this.alt.a13 ??= [
      { ALT: () => this.SUBRULE(this.auditLine) },
      { ALT: () => this.SUBRULE(this.givenBlock) },
      { ALT: () => this.SUBRULE(this.paramLine) },
      { ALT: () => this.SUBRULE(this.expectLine) },
    ]));
    this.CONSUME(RCurly);
  });

  auditLine = this.RULE('auditLine', () => {
    this.CONSUME(K.audit);
    this.CONSUME(IsoDate, { LABEL: 'from' });
    this.CONSUME(DotDot);
    this.CONSUME1(IsoDate, { LABEL: 'to' });
    this.OPTION(() => { this.CONSUME(K.as_of); this.CONSUME2(IsoDate, { LABEL: 'asOf' }); });
  });

  givenBlock = this.RULE('givenBlock', () => {
    this.CONSUME(K.given);
    this.CONSUME(Identifier);
    this.CONSUME(LParen);
    this.CONSUME(Word, { LABEL: 'column' });
    this.MANY(() => { this.CONSUME(Comma); this.CONSUME1(Word, { LABEL: 'column' }); });
    this.CONSUME(RParen);
    this.CONSUME(LCurly);
    this.MANY1(() => this.SUBRULE(this.exampleRow));
    this.CONSUME(RCurly);
  });

  exampleRow = this.RULE('exampleRow', () => {
    this.CONSUME(K.row);
    this.SUBRULE(this.cell);
    this.MANY(() => { this.CONSUME(Comma); this.SUBRULE1(this.cell); });
  });

  cell = this.RULE('cell', () => {
    this.OR(this.alt.a14 ??= [
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => { this.OPTION(() => this.CONSUME(Minus)); this.CONSUME(NumberLit); } },
      { ALT: () => this.CONSUME(IsoDate) },
      { ALT: () => this.CONSUME(DottedDate) },
      { ALT: () => this.CONSUME(Underscore) },
      { ALT: () => this.CONSUME(Word) },
    ]);
  });

  paramLine = this.RULE('paramLine', () => {
    this.CONSUME(K.param);
    this.CONSUME(Identifier, { LABEL: 'table' });
    this.CONSUME1(Identifier, { LABEL: 'key' });
    this.CONSUME(Equals);
    this.SUBRULE(this.valueOrBlank);
  });

  expectLine = this.RULE('expectLine', () => {
    this.CONSUME(K.expect);
    this.OR(this.alt.a15 ??= [
      { ALT: () => { this.CONSUME(K.no); this.CONSUME(K.findings); } },
      { ALT: () => { this.CONSUME(K.not); this.CONSUME(K.evaluated); } },
      { ALT: () => {
        this.CONSUME1(K.findings, { LABEL: 'someFindings' });
        this.CONSUME(LCurly);
        this.MANY(() => this.SUBRULE(this.expectedFinding));
        this.CONSUME(RCurly);
      } },
    ]);
  });

  expectedFinding = this.RULE('expectedFinding', () => {
    this.CONSUME(K.subject);
    this.SUBRULE(this.findingValue, { LABEL: 'subject' });
    this.OPTION(() => { this.CONSUME(K.period); this.SUBRULE1(this.findingValue, { LABEL: 'period' }); });
    this.OPTION1(() => { this.CONSUME(K.item); this.SUBRULE2(this.findingValue, { LABEL: 'item' }); });
  });

  findingValue = this.RULE('findingValue', () => {
    this.OR(this.alt.a16 ??= [
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.CONSUME(NumberLit) },
      { ALT: () => this.CONSUME(IsoDate) },
      { ALT: () => this.CONSUME(Identifier) },
    ]);
  });

  // ------------------------------------------------------------ expressions (loosest first)
  expression = this.RULE('expression', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operand' });
    this.MANY(() => { this.CONSUME(K.or); this.SUBRULE1(this.andExpr, { LABEL: 'operand' }); });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operand' });
    this.MANY(() => { this.CONSUME(K.and); this.SUBRULE1(this.notExpr, { LABEL: 'operand' }); });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR(this.alt.a17 ??= [
      { ALT: () => { this.CONSUME(K.not); this.SUBRULE(this.notExpr); } },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.intersectExpr, { LABEL: 'left' });
    this.OPTION(() => this.OR(this.alt.a18 ??= [
      { ALT: () => {
        this.OR1(this.alt.a19 ??= [
          { ALT: () => this.CONSUME(Equals, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(NotEq, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(LessEq, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(GreaterEq, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(Less, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(Greater, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(K.within, { LABEL: 'op' }) },
        ]);
        this.SUBRULE1(this.intersectExpr, { LABEL: 'right' });
      } },
      { ALT: () => {
        this.OPTION1(() => this.CONSUME(K.not, { LABEL: 'negated' }));
        this.CONSUME(K.in);
        this.SUBRULE2(this.intersectExpr, { LABEL: 'list' });
      } },
      { ALT: () => {
        this.CONSUME(K.is);
        this.OR2(this.alt.a20 ??= [
          { ALT: () => this.CONSUME(K.empty, { LABEL: 'test' }) },
          { ALT: () => this.CONSUME(K.present, { LABEL: 'test' }) },
        ]);
      } },
    ]));
  });

  intersectExpr = this.RULE('intersectExpr', () => {
    this.SUBRULE(this.intervalExpr, { LABEL: 'operand' });
    this.MANY(() => { this.CONSUME(Intersect); this.SUBRULE1(this.intervalExpr, { LABEL: 'operand' }); });
  });

  intervalExpr = this.RULE('intervalExpr', () => {
    this.SUBRULE(this.additive, { LABEL: 'from' });
    this.OPTION(() => { this.CONSUME(DotDot); this.SUBRULE1(this.additive, { LABEL: 'to' }); });
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => this.SUBRULE(this.additiveTail));
  });

  additiveTail = this.RULE('additiveTail', () => {
    this.OR(this.alt.a21 ??= [
      { ALT: () => this.CONSUME(Plus, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(Minus, { LABEL: 'op' }) },
    ]);
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.OPTION(() => this.SUBRULE(this.dateUnit));
  });

  dateUnit = this.RULE('dateUnit', () => {
    this.OR(this.alt.a22 ??= [
      { ALT: () => this.CONSUME(K.days, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.day, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.months, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.month, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.years, { LABEL: 'unit' }) },
      { ALT: () => this.CONSUME(K.year, { LABEL: 'unit' }) },
      { ALT: () => {
        this.CONSUME(K.working);
        this.OR1(this.alt.a23 ??= [
          { ALT: () => this.CONSUME1(K.days, { LABEL: 'unit' }) },
          { ALT: () => this.CONSUME1(K.day, { LABEL: 'unit' }) },
        ]);
        this.OPTION(() => { this.CONSUME(K.on); this.CONSUME(Identifier, { LABEL: 'calendar' }); });
      } },
    ]);
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR(this.alt.a24 ??= [
        { ALT: () => this.CONSUME(Star, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(Slash, { LABEL: 'op' }) },
      ]);
      this.SUBRULE1(this.unary, { LABEL: 'operand' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR(this.alt.a25 ??= [
      { ALT: () => { this.CONSUME(Minus); this.SUBRULE(this.unary); } },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR(this.alt.a26 ??= [
      { ALT: () => this.CONSUME(NumberLit) },
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.CONSUME(IsoDate) },
      { ALT: () => this.CONSUME(K.yes) },
      { ALT: () => this.CONSUME(K.no) },
      { ALT: () => this.CONSUME(K.empty) },
      { ALT: () => this.CONSUME(K.as_of) },
      { ALT: () => { this.CONSUME(LParen); this.SUBRULE(this.expression); this.CONSUME(RParen); } },
      { ALT: () => this.SUBRULE(this.listLiteral) },
      { ALT: () => { this.CONSUME(K.year, { LABEL: 'fn' }); this.SUBRULE(this.callArgs); } },
      { ALT: () => this.SUBRULE(this.nameExpr) },
    ]);
  });

  listLiteral = this.RULE('listLiteral', () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => { this.CONSUME(Comma); this.SUBRULE1(this.expression); });
    });
    this.CONSUME(RBracket);
  });

  nameExpr = this.RULE('nameExpr', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => this.OR(this.alt.a27 ??= [
      { ALT: () => this.SUBRULE(this.callArgs) },
      { ALT: () => { this.CONSUME(LBracket); this.SUBRULE(this.expression, { LABEL: 'key' }); this.CONSUME(RBracket); } },
      { ALT: () => { this.CONSUME(Dot); this.CONSUME(Word, { LABEL: 'field' }); } },
    ]));
  });

  callArgs = this.RULE('callArgs', () => {
    this.CONSUME(LParen);
    this.OPTION(() => this.OR(this.alt.a28 ??= [
      { ALT: () => this.SUBRULE(this.aggregateBody) },
      { ALT: () => {
        this.SUBRULE(this.expression, { LABEL: 'arg' });
        this.MANY(() => { this.CONSUME(Comma); this.SUBRULE1(this.expression, { LABEL: 'arg' }); });
      } },
    ]));
    this.CONSUME(RParen);
  });

  aggregateBody = this.RULE('aggregateBody', () => {
    this.CONSUME(Identifier, { LABEL: 'sheet' });
    this.CONSUME1(Identifier, { LABEL: 'variable' });
    this.OPTION(() => { this.CONSUME(K.where); this.SUBRULE(this.expression, { LABEL: 'where' }); });
    this.OPTION1(() => { this.CONSUME(Colon); this.SUBRULE1(this.expression, { LABEL: 'select' }); });
  });
}

/** The grammar object is stateless between inputs (the input is reset per parse), so one is shared. */
export const ereje_parser = new ErejeParser();

/** Token types by name, for error messages. */
export const tokenTypesByName: ReadonlyMap<string, TokenType> = new Map(allTokens.map((t) => [t.name, t]));
export { DottedDate, Underscore, StringLit };
