// The words of the reports (headings, labels) in the three user languages, in one place so that a
// translator edits one file and every renderer (terminal, Markdown, HTML, xlsx) says the same thing.
import type { Lang } from '../core/lang.ts';
import type { Severity } from '../engine/types.ts';
import type { PeriodKind } from './periods.ts';
import type { FollowUp } from './types.ts';

export interface ReportWords {
  readonly title: string;
  readonly facility: string;
  readonly facilityId: string;
  readonly kind: string;
  readonly ownership: string;
  readonly period: string;
  readonly asOf: string;
  readonly workbook: string;
  readonly rulesets: string;
  readonly version: string;
  readonly act: string;
  readonly inForce: string;
  readonly approximate: string;
  readonly approximateNote: string;
  readonly openEnded: string;
  readonly summary: string;
  readonly rules: string;
  readonly passed: string;
  readonly failed: string;
  readonly notEvaluated: string;
  readonly findings: string;
  readonly inputErrors: string;
  /** Tag on a listed warning (an unknown column): it does not fail the audit. */
  readonly warning: string;
  readonly bySeverity: string;
  readonly byClause: string;
  readonly severity: string;
  readonly clause: string;
  readonly rule: string;
  readonly subject: string;
  readonly item: string;
  readonly message: string;
  readonly expected: string;
  readonly actual: string;
  readonly evidence: string;
  readonly reason: string;
  readonly sheet: string;
  readonly row: string;
  readonly column: string;
  readonly cell: string;
  readonly value: string;
  readonly code: string;
  readonly count: string;
  readonly rowsRead: string;
  readonly read: string;
  readonly accepted: string;
  readonly rejected: string;
  readonly noFindings: string;
  readonly noInputErrors: string;
  /** The terminal shows a few entries per rule or sheet; this line stands for the rest. */
  readonly andMore: (n: number) => string;
  readonly fullList: string;
  /** After the input-errors heading: wrong data makes findings unreliable, so it comes first. */
  readonly fixFirst: string;
  readonly allEvaluated: string;
  readonly quote: string;
  readonly annex: (n: string) => string;
  /** The verdict's word, then what it rests on (see verdictLine in view.ts). */
  readonly verdict: { readonly compliant: string; readonly non_compliant: string; readonly incomplete: string };
  readonly verdictNoFindings: string;
  readonly verdictFindings: (n: number) => string;
  /** What the workbook lacks, e.g. `sheet «Топтар», column «Болу режимі, сағат» on «Балалар»`. */
  readonly verdictLacks: (what: string) => string;
  readonly verdictSheet: (sheet: string) => string;
  readonly verdictColumn: (column: string, sheet: string) => string;
  readonly verdictInputErrors: (n: number) => string;
  /** Rules the rule pack itself cannot judge yet: stated, but the audit is not incomplete for them. */
  readonly verdictRulePack: (clauses: string) => string;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly severityMeaning: Readonly<Record<Severity, string>>;
  readonly generatedBy: string;
  readonly status: string;
  /** Column of the several-workbooks table: the exit state 0/1/2 of each workbook. */
  readonly exitState: string;
  readonly file: string;
  /** `14 days`, `3 weeks`: how many periods an entry merges. */
  readonly periodCount: (kind: PeriodKind, n: number) => string;
  readonly periods: string;
  readonly firstDay: string;
  readonly lastDay: string;
  /** Consolidated entries (one per rule and subject) as against findings (one per period). */
  readonly entries: string;
  readonly allFindings: string;
  readonly bySubject: string;
  readonly bySubjectNote: string;
  readonly facilityWide: string;
  /** Rule-pack gaps for single subjects, in the verdict: cases dated when no version was in force. */
  readonly verdictUncovered: (subjects: string, clauses: string) => string;
  readonly followUp: string;
  readonly baseline: string;
  readonly baselineOf: (file: string, from: string, to: string) => string;
  /** Column of the follow-up status (new, persisting, resolved). */
  readonly followUpStatus: string;
  readonly statuses: Readonly<Record<FollowUp | 'resolved', string>>;
  readonly recurring: string;
  readonly recurringMeaning: string;
  readonly resolvedHeading: string;
  readonly noResolved: string;
  readonly notRechecked: (n: number) => string;
  readonly baselineLanguage: string;
  readonly explanation: string;
  readonly source: string;
  readonly sawValue: string;
  /** Headings of compound conditions in an explanation. */
  readonly allOf: string;
  readonly anyOf: string;
  readonly notOf: string;
  readonly yes: string;
  readonly no: string;
  /** Operators of a rule's conditions, as a reader says them. */
  readonly operators: Readonly<Record<string, string>>;
  readonly batchTitle: string;
  readonly workbooks: string;
  readonly worstClauses: string;
  readonly worstClausesNote: string;
  readonly facilities: string;
  readonly failedWorkbooks: string;
  readonly report: string;
  readonly noBaseline: string;
}

const kk: ReportWords = {
  title: 'Сәйкестік тексеруінің есебі',
  facility: 'Мекеме',
  facilityId: 'Мекеме коды',
  kind: 'Түрі',
  ownership: 'Меншік нысаны',
  period: 'Кезең',
  asOf: 'Тексеру күні',
  workbook: 'Жұмыс кітабы',
  rulesets: 'Ережелер жинақтары',
  version: 'Нұсқа',
  act: 'Акт',
  inForce: 'Күшінде',
  approximate: 'шамамен',
  approximateNote: '≈ — күні бастапқы мәтінде жоқ, шамамен көрсетілген',
  openEnded: 'мерзімсіз',
  summary: 'Қорытынды',
  rules: 'Ережелер',
  passed: 'Орындалды',
  failed: 'Бұзылды',
  notEvaluated: 'Бағаланбаған ережелер',
  findings: 'Сәйкессіздіктер',
  inputErrors: 'Деректер қателері',
  warning: 'ескерту',
  bySeverity: 'Маңыздылығы бойынша',
  byClause: 'Тармақтар бойынша',
  severity: 'Маңыздылығы',
  clause: 'Тармақ',
  rule: 'Ереже',
  subject: 'Нысан',
  item: 'Элемент',
  message: 'Сипаттама',
  expected: 'Күтілген',
  actual: 'Нақты',
  evidence: 'Дәлел',
  reason: 'Себебі',
  sheet: 'Парақ',
  row: 'Жол',
  column: 'Баған',
  cell: 'Ұяшық',
  value: 'Мәні',
  code: 'Коды',
  count: 'Саны',
  rowsRead: 'Оқылған жолдар',
  read: 'оқылды',
  accepted: 'қабылданды',
  rejected: 'қабылданбады',
  noFindings: 'Сәйкессіздік табылған жоқ.',
  noInputErrors: 'Деректер қателері жоқ.',
  andMore: (n) => `… және тағы ${n}`,
  fullList: 'толық тізім: --format html|json|md',
  fixFirst: 'алдымен осыларды түзетіңіз',
  allEvaluated: 'Барлық ережелер бағаланды.',
  quote: 'Бұйрық мәтіні',
  annex: (n) => `${n}-қосымша`,
  verdict: { compliant: 'Сәйкес', non_compliant: 'Сәйкес емес', incomplete: 'Тексеру толық емес' },
  verdictNoFindings: 'сәйкессіздік табылған жоқ',
  verdictFindings: (n) => `${n} сәйкессіздік`,
  verdictLacks: (what) => `жұмыс кітабында жоқ: ${what}`,
  verdictSheet: (sheet) => `«${sheet}» парағы`,
  verdictColumn: (column, sheet) => `«${sheet}» парағының «${column}» бағаны`,
  verdictInputErrors: (n) => `${n} деректер қатесі`,
  verdictRulePack: (clauses) => `ережелер жинағы ${clauses} тармағын әзірге бағалай алмайды`,
  severities: { critical: 'өте маңызды', major: 'маңызды', minor: 'шамалы', info: 'ақпарат' },
  severityMeaning: {
    critical: 'қабылдау шарттары, қауіпсіздік',
    major: 'мерзімдер, топ көлемі, қамту',
    minor: 'құжаттама',
    info: 'кеңес: қарау үшін көрсетіледі, бұзушылық емес',
  },
  generatedBy: 'Жасаған',
  status: 'Нәтиже',
  exitState: 'Шығу коды',
  file: 'Файл',
  periodCount: (kind, n) => `${n} ${{ day: 'күн', week: 'апта', month: 'ай', quarter: 'тоқсан', year: 'жыл', other: 'кезең' }[kind]}`,
  periods: 'Кезеңдер',
  firstDay: 'Бірінші күн',
  lastDay: 'Соңғы күн',
  entries: 'Жазбалар',
  allFindings: 'Барлық сәйкессіздіктер',
  bySubject: 'Нысандар бойынша',
  bySubjectNote: 'Әр бала, топ, қызметкер немесе мекеменің өзі бойынша сәйкессіздіктер — мекемемен бір-бірден талқылау үшін.',
  facilityWide: 'Мекеме бойынша',
  verdictUncovered: (subjects, clauses) => `${subjects} бойынша ереже пакетінің бірде-бір нұсқасы күшінде болмаған күнгі жағдайлар бағаланбады (${clauses})`,
  followUp: 'Алдыңғы тексерумен салыстыру',
  baseline: 'Алдыңғы тексеру',
  baselineOf: (file, from, to) => `${file} (${from} … ${to})`,
  followUpStatus: 'Күйі',
  statuses: { new: 'жаңа', persisting: 'сақталып отыр', resolved: 'жойылды' },
  recurring: 'қайталанған',
  recurringMeaning: 'жаңа, бірақ осы ереже осы нысан бойынша алдыңғы тексеруде де бұзылған (басқа кезеңде)',
  resolvedHeading: 'Алдыңғы тексеруден бері жойылғандар',
  noResolved: 'Алдыңғы тексерудің бірде-бір сәйкессіздігі жойылған жоқ.',
  notRechecked: (n) => `алдыңғы тексерудің ${n} сәйкессіздігі қайта тексерілмеді (кезеңі осы тексеру кезеңінен тыс немесе ережесі бұл жолы бағаланбады)`,
  baselineLanguage: 'жойылғандар алдыңғы есептің тілінде',
  explanation: 'Түсіндірме',
  source: 'Ереже мәтіні',
  sawValue: 'мәні',
  allOf: 'барлығы орындалуы тиіс:',
  anyOf: 'кемінде біреуі орындалуы тиіс:',
  notOf: 'орындалмауы тиіс:',
  yes: 'иә',
  no: 'жоқ',
  operators: {
    eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥', dateEq: '=', dateNe: '≠', dateBefore: '<', dateOnOrBefore: '≤', dateAfter: '>',
    dateOnOrAfter: '≥', within: 'ішінде', inList: 'тізімде', listContains: 'құрамында бар', listNotContains: 'құрамында жоқ', notInList: 'тізімде жоқ',
    isEmpty: 'бос', isPresent: 'толтырылған', isTrue: 'ақиқат', isFalse: 'жалған',
  },
  batchTitle: 'Бірнеше жұмыс кітабын тексерудің жиынтығы',
  workbooks: 'Жұмыс кітаптары',
  worstClauses: 'Мекемелер бойынша ең жиі бұзылған тармақтар',
  worstClausesNote: 'Сәйкессіздігі бар мекемелер саны бойынша, одан кейін маңыздылығы мен жазбалар саны бойынша.',
  facilities: 'Мекемелер',
  failedWorkbooks: 'Тексерілмеген жұмыс кітаптары',
  report: 'Есеп',
  noBaseline: 'алдыңғы тексеру жоқ',
};

const ru: ReportWords = {
  title: 'Отчёт о проверке соответствия',
  facility: 'Учреждение',
  facilityId: 'Код учреждения',
  kind: 'Тип',
  ownership: 'Форма собственности',
  period: 'Период',
  asOf: 'Дата проверки',
  workbook: 'Рабочая книга',
  rulesets: 'Наборы правил',
  version: 'Версия',
  act: 'Акт',
  inForce: 'Действует',
  approximate: 'приблизительно',
  approximateNote: '≈ — даты нет в тексте источника, указана приблизительная',
  openEnded: 'бессрочно',
  summary: 'Итоги',
  rules: 'Правила',
  passed: 'Соблюдено',
  failed: 'Нарушено',
  notEvaluated: 'Не проверенные правила',
  findings: 'Несоответствия',
  inputErrors: 'Ошибки в данных',
  warning: 'предупреждение',
  bySeverity: 'По значимости',
  byClause: 'По пунктам',
  severity: 'Значимость',
  clause: 'Пункт',
  rule: 'Правило',
  subject: 'Объект',
  item: 'Элемент',
  message: 'Описание',
  expected: 'Ожидалось',
  actual: 'Фактически',
  evidence: 'Где',
  reason: 'Причина',
  sheet: 'Лист',
  row: 'Строка',
  column: 'Столбец',
  cell: 'Ячейка',
  value: 'Значение',
  code: 'Код',
  count: 'Количество',
  rowsRead: 'Прочитанные строки',
  read: 'прочитано',
  accepted: 'принято',
  rejected: 'отклонено',
  noFindings: 'Несоответствий не найдено.',
  noInputErrors: 'Ошибок в данных нет.',
  andMore: (n) => `… и ещё ${n}`,
  fullList: 'полный список: --format html|json|md',
  fixFirst: 'исправьте их в первую очередь',
  allEvaluated: 'Все правила проверены.',
  quote: 'Текст приказа',
  annex: (n) => `Приложение ${n}`,
  verdict: { compliant: 'Соответствует', non_compliant: 'Не соответствует', incomplete: 'Проверка неполная' },
  verdictNoFindings: 'несоответствий не найдено',
  verdictFindings: (n) => `несоответствий: ${n}`,
  verdictLacks: (what) => `в книге нет: ${what}`,
  verdictSheet: (sheet) => `лист «${sheet}»`,
  verdictColumn: (column, sheet) => `столбец «${column}» листа «${sheet}»`,
  verdictInputErrors: (n) => `ошибок в данных: ${n}`,
  verdictRulePack: (clauses) => `набор правил пока не может проверить п. ${clauses}`,
  severities: { critical: 'критическое', major: 'существенное', minor: 'незначительное', info: 'к сведению' },
  severityMeaning: {
    critical: 'условия приёма, безопасность',
    major: 'сроки, наполняемость групп, охват',
    minor: 'документация',
    info: 'рекомендация: показано для проверки, не нарушение',
  },
  generatedBy: 'Сформировано',
  status: 'Результат',
  exitState: 'Код выхода',
  file: 'Файл',
  periodCount: (kind, n) => `${n} ${ruPlural(n, ({
    day: ['день', 'дня', 'дней'], week: ['неделя', 'недели', 'недель'], month: ['месяц', 'месяца', 'месяцев'],
    quarter: ['квартал', 'квартала', 'кварталов'], year: ['год', 'года', 'лет'], other: ['период', 'периода', 'периодов'],
  } satisfies Record<PeriodKind, readonly [string, string, string]>)[kind])}`,
  periods: 'Периоды',
  firstDay: 'Первый день',
  lastDay: 'Последний день',
  entries: 'Записи',
  allFindings: 'Все несоответствия',
  bySubject: 'По объектам',
  bySubjectNote: 'Несоответствия по каждому ребенку, группе, сотруднику или по учреждению в целом — чтобы обсуждать их с учреждением по одному.',
  facilityWide: 'По учреждению',
  verdictUncovered: (subjects, clauses) => `случаи ${subjects}, датированные временем, когда не действовала ни одна версия из пакета правил, не оценены (п. ${clauses})`,
  followUp: 'Сравнение с прошлой проверкой',
  baseline: 'Прошлая проверка',
  baselineOf: (file, from, to) => `${file} (${from} … ${to})`,
  followUpStatus: 'Статус',
  statuses: { new: 'новое', persisting: 'сохраняется', resolved: 'устранено' },
  recurring: 'повторное',
  recurringMeaning: 'новое, но это правило нарушалось по этому объекту и в прошлую проверку (в другой период)',
  resolvedHeading: 'Устранено с прошлой проверки',
  noResolved: 'Ни одно несоответствие прошлой проверки не устранено.',
  notRechecked: (n) => `не перепроверено несоответствий прошлой проверки: ${n} (их период вне периода этой проверки или правило сейчас не проверялось)`,
  baselineLanguage: 'устранённые — на языке прошлого отчёта',
  explanation: 'Обоснование',
  source: 'Текст правила',
  sawValue: 'значение',
  allOf: 'должны выполняться все:',
  anyOf: 'должно выполняться хотя бы одно:',
  notOf: 'не должно выполняться:',
  yes: 'да',
  no: 'нет',
  operators: {
    eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥', dateEq: '=', dateNe: '≠', dateBefore: '<', dateOnOrBefore: '≤', dateAfter: '>',
    dateOnOrAfter: '≥', within: 'в пределах', inList: 'в списке', listContains: 'содержит', listNotContains: 'не содержит', notInList: 'не в списке',
    isEmpty: 'пусто', isPresent: 'заполнено', isTrue: 'истинно', isFalse: 'ложно',
  },
  batchTitle: 'Сводка проверки нескольких книг',
  workbooks: 'Рабочие книги',
  worstClauses: 'Чаще всего нарушаемые пункты по учреждениям',
  worstClausesNote: 'По числу учреждений с несоответствиями, затем по значимости и числу записей.',
  facilities: 'Учреждения',
  failedWorkbooks: 'Непроверенные книги',
  report: 'Отчёт',
  noBaseline: 'прошлой проверки нет',
};

const en: ReportWords = {
  title: 'Compliance audit report',
  facility: 'Facility',
  facilityId: 'Facility id',
  kind: 'Kind',
  ownership: 'Ownership',
  period: 'Period',
  asOf: 'As of',
  workbook: 'Workbook',
  rulesets: 'Rulesets',
  version: 'Version',
  act: 'Act',
  inForce: 'In force',
  approximate: 'approximate',
  approximateNote: '≈ — the date is not in the source text; an approximate date is shown',
  openEnded: 'open-ended',
  summary: 'Summary',
  rules: 'Rules',
  passed: 'Passed',
  failed: 'Failed',
  notEvaluated: 'Rules not evaluated',
  findings: 'Findings',
  inputErrors: 'Input errors',
  warning: 'warning',
  bySeverity: 'By severity',
  byClause: 'By clause',
  severity: 'Severity',
  clause: 'Clause',
  rule: 'Rule',
  subject: 'Subject',
  item: 'Item',
  message: 'Message',
  expected: 'Expected',
  actual: 'Actual',
  evidence: 'Evidence',
  reason: 'Reason',
  sheet: 'Sheet',
  row: 'Row',
  column: 'Column',
  cell: 'Cell',
  value: 'Value',
  code: 'Code',
  count: 'Count',
  rowsRead: 'Rows read',
  read: 'read',
  accepted: 'accepted',
  rejected: 'rejected',
  noFindings: 'No findings.',
  noInputErrors: 'No input errors.',
  andMore: (n) => `… and ${n} more`,
  fullList: 'full list: --format html|json|md',
  fixFirst: 'fix these first',
  allEvaluated: 'Every rule was evaluated.',
  quote: 'Text of the order',
  annex: (n) => `Annex ${n}`,
  verdict: { compliant: 'Compliant', non_compliant: 'Non-compliant', incomplete: 'Incomplete' },
  verdictNoFindings: 'no non-compliance found',
  verdictFindings: (n) => `${n} finding${n === 1 ? '' : 's'}`,
  verdictLacks: (what) => `the workbook lacks ${what}`,
  verdictSheet: (sheet) => `sheet «${sheet}»`,
  verdictColumn: (column, sheet) => `column «${column}» on sheet «${sheet}»`,
  verdictInputErrors: (n) => `${n} input error${n === 1 ? '' : 's'}`,
  verdictRulePack: (clauses) => `the rule pack cannot yet evaluate ${clauses}`,
  severities: { critical: 'critical', major: 'major', minor: 'minor', info: 'info' },
  severityMeaning: {
    critical: 'eligibility, safety',
    major: 'timeliness, sizes, coverage',
    minor: 'paperwork',
    info: 'advisory: shown for review, never a violation',
  },
  generatedBy: 'Generated by',
  status: 'Result',
  exitState: 'Exit',
  file: 'File',
  periodCount: (kind, n) => `${n} ${{ day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year', other: 'period' }[kind]}${n === 1 ? '' : 's'}`,
  periods: 'Periods',
  firstDay: 'First day',
  lastDay: 'Last day',
  entries: 'Entries',
  allFindings: 'All findings',
  bySubject: 'By subject',
  bySubjectNote: 'Findings for each child, group, staff member, or the facility as a whole — to go through with the facility one at a time.',
  facilityWide: 'Facility-wide',
  verdictUncovered: (subjects, clauses) => `cases of ${subjects} dated when no version in the rule pack was in force were not judged (${clauses})`,
  followUp: 'Follow-up',
  baseline: 'Baseline',
  baselineOf: (file, from, to) => `${file} (${from} … ${to})`,
  followUpStatus: 'Status',
  statuses: { new: 'new', persisting: 'persisting', resolved: 'resolved' },
  recurring: 'recurring',
  recurringMeaning: 'new, but this rule failed for this subject in the baseline too (another period)',
  resolvedHeading: 'Resolved since the baseline',
  noResolved: 'No finding of the baseline was resolved.',
  notRechecked: (n) => `${n} baseline finding${n === 1 ? ' was' : 's were'} not rechecked (period outside this audit's, or rule not evaluated this time)`,
  baselineLanguage: 'resolved findings in the baseline report\'s language',
  explanation: 'Explanation',
  source: 'Rule text',
  sawValue: 'value',
  allOf: 'all of:',
  anyOf: 'any of:',
  notOf: 'not:',
  yes: 'yes',
  no: 'no',
  operators: {
    eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥', dateEq: '=', dateNe: '≠', dateBefore: '<', dateOnOrBefore: '≤', dateAfter: '>',
    dateOnOrAfter: '≥', within: 'within', inList: 'in', listContains: 'contains', listNotContains: 'does not contain', notInList: 'not in',
    isEmpty: 'is empty', isPresent: 'is filled in', isTrue: 'holds', isFalse: 'does not hold',
  },
  batchTitle: 'Batch audit summary',
  workbooks: 'Workbooks',
  worstClauses: 'Worst clauses across facilities',
  worstClausesNote: 'By the number of facilities with findings, then severity and entries.',
  facilities: 'Facilities',
  failedWorkbooks: 'Workbooks not audited',
  report: 'Report',
  noBaseline: 'no baseline',
};

/** Russian noun after a number: 1 день, 2 дня, 5 дней, 21 день, 11 дней. */
function ruPlural(n: number, forms: readonly [string, string, string]): string {
  const ten = n % 10, hundred = n % 100;
  if (ten === 1 && hundred !== 11) return forms[0];
  if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return forms[1];
  return forms[2];
}

const WORDS: Readonly<Record<Lang, ReportWords>> = { kk, ru, en };

export function reportWords(lang: Lang): ReportWords {
  return WORDS[lang];
}
