// Plain-language syntax errors (for legal staff) from the parser's structured payloads: never token
// names, always "expected X after 'Y', but found 'Z'" in kk, ru and en.
import type { IRecognitionException } from 'chevrotain';
import type { SyntaxErrorPayload } from '../../grammar/parser.ts';
import { joinAlternatives, q, t3, type Text3 } from './messages.ts';

const TOKEN_WORDS: Record<string, Text3> = {
  Identifier: t3('a name', 'имя', 'атау'),
  Word: t3('a name', 'имя', 'атау'),
  StringLit: t3('a text in quotes', 'текст в кавычках', 'тырнақшадағы мәтін'),
  IsoDate: t3('a date like 2010-03-21', 'дата вида 2010-03-21', '2010-03-21 түріндегі күн'),
  DottedDate: t3('a date like 21.03.2010', 'дата вида 21.03.2010', '21.03.2010 түріндегі күн'),
  NumberLit: t3('a number', 'число', 'сан'),
  ClauseId: t3('a clause id like A1.30.5', 'номер пункта вида A1.30.5', 'A1.30.5 түріндегі тармақ нөмірі'),
  RuleName: t3('a name like group-size', 'имя вида group-size', 'group-size түріндегі атау'),
  Underscore: t3("'_' (not filled in)", "'_' (не заполнено)", "'_' (толтырылмаған)"),
  EOF: t3('the end of the file', 'конец файла', 'файлдың соңы'),
};

const PUNCT: Record<string, string> = {
  DotDot: '..', Dot: '.', LessEq: '<=', GreaterEq: '>=', NotEq: '!=', Equals: '=', Less: '<', Greater: '>',
  Plus: '+', Minus: '-', Star: '*', Slash: '/', Intersect: '∩', IntersectSign: '∩', LParen: '(', RParen: ')',
  LBracket: '[', RBracket: ']', LCurly: '{', RCurly: '}', Comma: ',', Colon: ':', Pipe: '|',
};

const RULE_ITEMS = 'clause, severity, scope, quote, note, for, join, where, let, per, each item, dated, require, subject, expected, actual, message, example';

/** What is expected where the parser offers many alternatives, described by the grammar rule. */
const RULE_WORDS: Record<string, Text3> = {
  file: t3("'ruleset', 'import', 'table', 'rule', 'change' or 'repeal'", "'ruleset', 'import', 'table', 'rule', 'change' или 'repeal'", "'ruleset', 'import', 'table', 'rule', 'change' немесе 'repeal'"),
  changeDecl: t3(`'rule' or 'table' after 'change', or a part of the rule (${RULE_ITEMS}) or '}'`, `'rule' или 'table' после 'change', либо часть правила (${RULE_ITEMS}) или '}'`,
    `'change' кейін 'rule' немесе 'table', не ереже бөлігі (${RULE_ITEMS}) немесе '}'`),
  ruleItem: t3(`a part of the rule (${RULE_ITEMS}) or '}'`, `часть правила (${RULE_ITEMS}) или '}'`, `ереже бөлігі (${RULE_ITEMS}) немесе '}'`),
  ruleDecl: t3(`a part of the rule (${RULE_ITEMS}) or '}'`, `часть правила (${RULE_ITEMS}) или '}'`, `ереже бөлігі (${RULE_ITEMS}) немесе '}'`),
  rulesetDecl: t3("a header field (title, applies_to, act, in_force, amends, supersedes, source, calendar, note) or '}'",
    "поле заголовка (title, applies_to, act, in_force, amends, supersedes, source, calendar, note) или '}'",
    "тақырып өрісі (title, applies_to, act, in_force, amends, supersedes, source, calendar, note) немесе '}'"),
  actBlock: t3("an act field (issuer, number, date, registration, title) or '}'", "поле акта (issuer, number, date, registration, title) или '}'",
    "акт өрісі (issuer, number, date, registration, title) немесе '}'"),
  tableDecl: t3("an entry like 'self_care = 8', 'citation', 'quote' or '}'", "запись вида 'self_care = 8', 'citation', 'quote' или '}'",
    "'self_care = 8' түріндегі жазба, 'citation', 'quote' немесе '}'"),
  exampleDecl: t3("'audit', 'given', 'param', 'expect' or '}'", "'audit', 'given', 'param', 'expect' или '}'", "'audit', 'given', 'param', 'expect' немесе '}'"),
  givenBlock: t3("'row' or '}'", "'row' или '}'", "'row' немесе '}'"),
  value: t3('a value: a number, a date, a text in quotes, a name, yes, no or empty', 'значение: число, дата, текст в кавычках, имя, yes, no или empty',
    'мән: сан, күн, тырнақшадағы мәтін, атау, yes, no немесе empty'),
  cell: t3("a cell value: a text in quotes, a number, a date, a code, or '_' for an empty cell", "значение ячейки: текст в кавычках, число, дата, код или '_' для пустой ячейки",
    "ұяшық мәні: тырнақшадағы мәтін, сан, күн, код немесе бос ұяшық үшін '_'"),
  localized: t3('kk, ru or en followed by a text in quotes', 'kk, ru или en и текст в кавычках', 'kk, ru немесе en және тырнақшадағы мәтін'),
  dateUnit: t3('days, working days, months or years', 'days, working days, months или years', 'days, working days, months немесе years'),
};

const COMPARISONS = new Set(['Equals', 'NotEq', 'Less', 'LessEq', 'Greater', 'GreaterEq', 'Kw_within']);

const EXPRESSION_RULES = new Set(['expression', 'andExpr', 'notExpr', 'comparison', 'intersectExpr', 'intervalExpr', 'additive', 'additiveTail', 'multiplicative', 'unary', 'primary', 'valueOrBlank']);

function describeToken(name: string): Text3 {
  const w = TOKEN_WORDS[name];
  if (w) return w;
  if (PUNCT[name]) return t3(`'${PUNCT[name]}'`, `'${PUNCT[name]}'`, `'${PUNCT[name]}'`);
  const word = name.startsWith('Kw_') ? name.slice(3) : name;
  return t3(`'${word}'`, `'${word}'`, `'${word}'`);
}

function describeExpected(p: SyntaxErrorPayload): Text3 {
  // A list that ends where a closing brace is expected means an unknown part inside the block.
  if (p.kind === 'mismatch' && p.expected[0] === 'RCurly' && RULE_WORDS[p.rule]) return RULE_WORDS[p.rule];
  if (p.kind === 'extra-input') return RULE_WORDS.file;
  if (p.kind !== 'mismatch' && EXPRESSION_RULES.has(p.rule)) return RULE_WORDS.value;
  if (p.kind !== 'mismatch' && RULE_WORDS[p.rule]) return RULE_WORDS[p.rule];
  const uniq = [...new Set(p.expected)];
  if (uniq.length > 6) return RULE_WORDS.value;
  return joinAlternatives(uniq.map(describeToken));
}

function describeFound(e: IRecognitionException, nameExpected: boolean): Text3 {
  const t = e.token;
  if (!t || t.tokenType?.name === 'EOF' || Number.isNaN(t.startOffset)) return TOKEN_WORDS.EOF;
  if (t.tokenType.name === 'DottedDate') {
    return t3(`${q(t.image)} (write dates as 2010-03-21; 21.03.2010 is only for example rows)`,
      `${q(t.image)} (пишите даты как 2010-03-21; 21.03.2010 — только в строках примеров)`,
      `${q(t.image)} (күнді 2010-03-21 түрінде жазыңыз; 21.03.2010 тек мысал жолдарында)`);
  }
  if (nameExpected && t.tokenType.name.startsWith('Kw_')) {
    return t3(`${q(t.image)} (a reserved word: it cannot be used as a name here)`, `${q(t.image)} (зарезервированное слово: здесь его нельзя использовать как имя)`,
      `${q(t.image)} (сақталған сөз: мұнда оны атау ретінде қолдануға болмайды)`);
  }
  return t3(q(t.image), q(t.image), q(t.image));
}

/** The message of a Chevrotain syntax error in three languages. */
export function syntaxMessage(e: IRecognitionException, previous: string | null): Text3 {
  let p: SyntaxErrorPayload;
  try {
    p = JSON.parse(e.message) as SyntaxErrorPayload;
  } catch {
    p = { kind: 'mismatch', rule: '', expected: [], previous: null };
  }
  p = { ...p, previous };
  const found0 = e.token?.tokenType?.name ?? '';
  if (COMPARISONS.has(found0) && (p.rule === 'ruleDecl' || p.rule === 'ruleItem' || EXPRESSION_RULES.has(p.rule))) {
    return t3(`a comparison cannot follow another comparison ('${e.token.image}'): write 'a < b and b < c'`,
      `сравнение не может следовать за другим сравнением ('${e.token.image}'): пишите 'a < b and b < c'`,
      `салыстыру басқа салыстырудан кейін тұра алмайды ('${e.token.image}'): 'a < b and b < c' деп жазыңыз`);
  }
  const exp = describeExpected(p);
  const found = describeFound(e, p.expected.includes('Identifier') || p.expected.includes('Word'));
  if (p.kind === 'extra-input') {
    return t3(`expected ${exp.en}, but found ${found.en}`, `ожидается ${exp.ru}, но найдено ${found.ru}`, `${exp.kk} күтілген еді, бірақ ${found.kk} табылды`);
  }
  if (p.previous !== null) {
    const prev = q(p.previous);
    return t3(`expected ${exp.en} after ${prev}, but found ${found.en}`, `после ${prev} ожидается ${exp.ru}, но найдено ${found.ru}`,
      `${prev} кейін ${exp.kk} күтілген еді, бірақ ${found.kk} табылды`);
  }
  return t3(`expected ${exp.en}, but found ${found.en}`, `ожидается ${exp.ru}, но найдено ${found.ru}`, `${exp.kk} күтілген еді, бірақ ${found.kk} табылды`);
}
