// The self-check page's own words in kk, ru and en. The report inside it speaks through src/report, and
// a refused file through the command line's messages (src/cli/messages.ts): the same lines as `ereje audit`.
import type { Lang } from '../core/lang.ts';
import type { PageData } from './page-data.ts';

export interface PageTexts {
  readonly htmlTitle: string;
  readonly title: string;
  readonly intro: string;
  readonly privacy: string;
  readonly language: string;
  readonly chooseHeading: string;
  readonly fileLabel: string;
  readonly dropHint: string;
  readonly dropOne: string;
  readonly phases: Readonly<Record<Phase, string>>;
  readonly step: (n: number, of: number) => string;
  readonly stop: string;
  readonly stopped: string;
  readonly checked: (file: string) => string;
  readonly fixFirst: string;
  readonly fixFirstNote: string;
  readonly fixFirstMore: (n: number) => string;
  readonly save: string;
  readonly saveHtml: string;
  readonly saveJson: string;
  readonly saveXlsx: string;
  readonly print: string;
  readonly asOf: string;
  readonly asOfHint: (from: string, to: string) => string;
  readonly asOfAgain: string;
  readonly asOfOutside: (date: string, from: string, to: string) => string;
  readonly asOfInvalid: string;
  readonly templateHeading: string;
  readonly templateText: string;
  readonly kind: string;
  readonly templateDownload: string;
  readonly rulesHeading: string;
  /** A rule version the page carries: when it is in force, and how many rules it has. */
  readonly rulesetLine: (from: string, until: string, rules: number) => string;
  readonly sameAsCli: string;
  readonly noScript: string;
  readonly noWorker: string;
  readonly crashed: (detail: string) => string;
  readonly unexpected: (detail: string) => string;
}

export type Phase = 'file' | 'sheets' | 'rules' | 'report';
export const PHASES: readonly Phase[] = ['file', 'sheets', 'rules', 'report'];

const kk: PageTexts = {
  htmlTitle: 'ereje — жұмыс кітабын өзіндік тексеру',
  title: 'Тексеру алдында жұмыс кітабыңызды өзіңіз тексеріңіз',
  intro: 'Бұл бет мекеменің .xlsx жұмыс кітабын осы бетке енгізілген ережелер бойынша тексереді және тексеруші не табатынын, '
    + 'әр сәйкессіздікке бұйрықтың тармағын келтіре отырып көрсетеді.',
  privacy: 'Жұмыс кітабыңыз осы компьютерде қалады. Бет интернетсіз жұмыс істейді, ал браузердің өзі оған ештеңені ешқайда '
    + 'жіберуге тыйым салады: файл тек осында оқылады.',
  language: 'Тіл',
  chooseHeading: '1. Жұмыс кітабын таңдаңыз',
  fileLabel: 'Жұмыс кітабы (.xlsx)',
  dropHint: '…немесе файлды осы аймаққа сүйреп әкеліңіз.',
  dropOne: 'Бір уақытта бір жұмыс кітабын сүйреп әкеліңіз.',
  phases: { file: 'Файл оқылуда', sheets: 'Парақтар оқылуда', rules: 'Ережелер бойынша тексерілуде', report: 'Есеп жасалуда' },
  step: (n, of) => `${n}-қадам, барлығы ${of}`,
  stop: 'Тоқтату',
  stopped: 'Тексеру тоқтатылды. Тексеру үшін жұмыс кітабын қайта таңдаңыз.',
  checked: (file) => `Тексерілді: ${file}`,
  fixFirst: 'Алдымен мына ұяшықтарды түзетіңіз',
  fixFirstNote: 'Қате ұяшықтардың жолдары тексерілмейді: оларды түзетпейінше кейбір ережелер тексерілмей қалады және нәтиже «сәйкес» бола алмайды.',
  fixFirstMore: (n) => `…тағы ${n} — есептегі «Енгізу қателері» бөлімінде.`,
  save: 'Есепті сақтау',
  saveHtml: 'HTML (оқу және басып шығару үшін)',
  saveJson: 'JSON (бағдарламалар үшін)',
  saveXlsx: 'Excel (.xlsx)',
  print: 'Басып шығару',
  asOf: 'Тексеру күні',
  asOfHint: (from, to) => `Жұмыс кітабының кезеңі ішінде (${from} … ${to}); әдепкі бойынша — кезеңнің соңғы күні.`,
  asOfAgain: 'Осы күнге қайта тексеру',
  asOfOutside: (date, from, to) => `${date} жұмыс кітабының кезеңінен тыс (${from} … ${to}); кезең ішіндегі күнді таңдаңыз.`,
  asOfInvalid: 'Күнді күнтізбеден таңдаңыз немесе 31.12.2010 түрінде жазыңыз.',
  templateHeading: 'Жұмыс кітабы әлі жоқ па? Бос үлгіден бастаңыз',
  templateText: 'Үлгіде тексеру оқитын парақтар мен баған тақырыптары жоғарыда таңдалған тілде және рұқсат етілген мәндер '
    + 'жазылған анықтама парағы бар.',
  kind: 'Мекеменің түрі',
  templateDownload: 'Үлгіні жүктеп алу',
  rulesHeading: 'Осы беттегі ережелер',
  rulesetLine: (from, until, rules) => `күшінде: ${from} … ${until}; ${rules} ереже`,
  sameAsCli: 'Тексерушілердің ereje бағдарламасындағы ережелер мен тексеру дәл осындай: нәтиже бірдей болады.',
  noScript: 'Жұмыс кітабын тексеру үшін бетке JavaScript қажет. Осы файл үшін JavaScript-ті қосыңыз.',
  noWorker: 'Браузер фондық тексеруге рұқсат бермеді: үлкен жұмыс кітабы тексерілгенше бет жауап бермеуі мүмкін.',
  crashed: (detail) => `Тексеру күтпеген жерден тоқтады (${detail}); бетті қайта жүктеп, қайталап көріңіз. Файл ешқайда жіберілмеді.`,
  unexpected: (detail) => `Күтпеген қате: ${detail}. Бетті қайта жүктеп, қайталап көріңіз; қате қайталанса, осы жолды ереже әкімшісіне жіберіңіз.`,
};

const ru: PageTexts = {
  htmlTitle: 'ereje — самопроверка рабочей книги',
  title: 'Проверьте свою рабочую книгу перед инспекцией',
  intro: 'Эта страница проверяет книгу учреждения (.xlsx) по правилам, встроенным в страницу, и показывает, что найдёт '
    + 'проверяющий, — с пунктом приказа для каждого несоответствия.',
  privacy: 'Ваша книга остаётся на этом компьютере. Страница работает без интернета, и сам браузер запрещает ей что-либо '
    + 'куда-либо отправлять: файл читается только здесь.',
  language: 'Язык',
  chooseHeading: '1. Выберите книгу',
  fileLabel: 'Рабочая книга (.xlsx)',
  dropHint: '…или перетащите файл в эту рамку.',
  dropOne: 'Перетаскивайте по одной книге за раз.',
  phases: { file: 'Чтение файла', sheets: 'Чтение листов', rules: 'Проверка по правилам', report: 'Составление отчёта' },
  step: (n, of) => `Шаг ${n} из ${of}`,
  stop: 'Остановить',
  stopped: 'Проверка остановлена. Чтобы проверить книгу, выберите её снова.',
  checked: (file) => `Проверено: ${file}`,
  fixFirst: 'Сначала исправьте эти ячейки',
  fixFirstNote: 'Строки с ошибочными ячейками не проверяются: пока они не исправлены, часть правил остаётся непроверенной и результат не может быть «соответствует».',
  fixFirstMore: (n) => `…и ещё ${n} — в разделе отчёта «Ошибки ввода».`,
  save: 'Сохранить отчёт',
  saveHtml: 'HTML (для чтения и печати)',
  saveJson: 'JSON (для программ)',
  saveXlsx: 'Excel (.xlsx)',
  print: 'Печать',
  asOf: 'Дата проверки',
  asOfHint: (from, to) => `В пределах периода книги (${from} … ${to}); по умолчанию — последний день периода.`,
  asOfAgain: 'Проверить на эту дату',
  asOfOutside: (date, from, to) => `${date} — вне периода книги (${from} … ${to}); выберите день внутри периода.`,
  asOfInvalid: 'Выберите дату в календаре или напишите её в виде 31.12.2010.',
  templateHeading: 'Ещё нет книги? Начните с пустого шаблона',
  templateText: 'В шаблоне — листы и заголовки столбцов, которые читает проверка, на выбранном выше языке, и лист справки '
    + 'с допустимыми значениями.',
  kind: 'Тип учреждения',
  templateDownload: 'Скачать шаблон',
  rulesHeading: 'Правила на этой странице',
  rulesetLine: (from, until, rules) => `действует: ${from} … ${until}; правил: ${rules}`,
  sameAsCli: 'Правила и проверка — те же, что в программе ereje у проверяющих: результат будет тем же.',
  noScript: 'Для проверки книги странице нужен JavaScript. Включите JavaScript для этого файла.',
  noWorker: 'Браузер не разрешил фоновую проверку: пока проверяется большая книга, страница может не отвечать.',
  crashed: (detail) => `Проверка неожиданно прервалась (${detail}); перезагрузите страницу и попробуйте снова. Файл никуда не отправлялся.`,
  unexpected: (detail) => `Непредвиденная ошибка: ${detail}. Перезагрузите страницу и попробуйте снова; если ошибка повторится, пришлите эту строку администратору правил.`,
};

const en: PageTexts = {
  htmlTitle: 'ereje — check your workbook',
  title: 'Check your workbook before an inspection',
  intro: 'This page checks a facility\'s .xlsx workbook against the rules built into it and shows what an inspector would '
    + 'find, with the clause of the order for every finding.',
  privacy: 'Your workbook stays on this computer. The page works without the internet, and the browser itself forbids it '
    + 'to send anything anywhere: the file is read here and nowhere else.',
  language: 'Language',
  chooseHeading: '1. Choose the workbook',
  fileLabel: 'Workbook (.xlsx)',
  dropHint: '…or drag the file onto this box.',
  dropOne: 'Drop one workbook at a time.',
  phases: { file: 'Reading the file', sheets: 'Reading the sheets', rules: 'Checking the rules', report: 'Writing the report' },
  step: (n, of) => `Step ${n} of ${of}`,
  stop: 'Stop',
  stopped: 'The check was stopped. Choose the workbook again to check it.',
  checked: (file) => `Checked: ${file}`,
  fixFirst: 'Fix these cells first',
  fixFirstNote: 'Rows with these cells are left out of the checks: until they are fixed, some rules stay unchecked and the result cannot be "compliant".',
  fixFirstMore: (n) => `…and ${n} more in the report's "Input errors" section.`,
  save: 'Save the report',
  saveHtml: 'HTML (to read and print)',
  saveJson: 'JSON (for programs)',
  saveXlsx: 'Excel (.xlsx)',
  print: 'Print',
  asOf: 'Check as of',
  asOfHint: (from, to) => `Within the workbook's period (${from} … ${to}); the period's last day unless you choose another.`,
  asOfAgain: 'Check as of this day',
  asOfOutside: (date, from, to) => `${date} is outside the workbook's period (${from} … ${to}); choose a day inside it.`,
  asOfInvalid: 'Choose the date in the calendar or write it as 31.12.2010.',
  templateHeading: 'No workbook yet? Start from an empty template',
  templateText: 'The template has the sheets and column headers the check reads, in the language chosen above, and a help '
    + 'sheet with the allowed values.',
  kind: 'Kind of facility',
  templateDownload: 'Download the template',
  rulesHeading: 'The rules in this page',
  rulesetLine: (from, until, rules) => `in force ${from} … ${until}; ${rules} rules`,
  sameAsCli: 'The rules and the check are those of the inspectors\' ereje program: the result is the same.',
  noScript: 'This page needs JavaScript to check a workbook. Turn JavaScript on for this file.',
  noWorker: 'The browser did not allow checking in the background: the page may not respond while a large workbook is checked.',
  crashed: (detail) => `The check stopped unexpectedly (${detail}); reload the page and try again. Your file was not sent anywhere.`,
  unexpected: (detail) => `Unexpected error: ${detail}. Reload the page and try again; if it happens again, send this line to whoever maintains the rules.`,
};

export const PAGE_TEXTS: Readonly<Record<Lang, PageTexts>> = { kk, ru, en };

/** Each language's name in itself, for the switch. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** A rule version in the page's footer: `title — act (in force from … until; N rules)`. */
export function rulesetText(r: PageData['rulesets'][number], lang: Lang): string {
  return `${r.title[lang]} — ${r.act[lang]} (${PAGE_TEXTS[lang].rulesetLine(r.from ?? '…', r.until ?? '…', r.rules)})`;
}
