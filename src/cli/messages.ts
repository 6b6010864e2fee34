// The command line's own lines — fatal errors and the few notes it prints — in kk, ru and en. Each says
// what is wrong, where, and what to do.
import type { Localized } from '../core/lang.ts';

const L = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

export const cliText = {
  internalError: (why: string) => L(
    `ішкі қате: ${why} (толығырақ --debug арқылы қараңыз және бұл туралы хабарлаңыз)`,
    `внутренняя ошибка: ${why} (подробности — с --debug; сообщите о ней)`,
    `internal error: ${why} (run with --debug for details and report it)`),

  noSuchInput: (arg: string) => L(
    `${arg}: мұндай файл немесе қалта жоқ; жолды тексеріңіз (қалта берілсе, ондағы әр .xlsx тексеріледі).`,
    `${arg}: нет такого файла или папки; проверьте путь (для папки проверяется каждый .xlsx в ней).`,
    `${arg}: no such file or folder; check the path (a folder audits every .xlsx in it).`),
  folderHasNoWorkbooks: (arg: string) => L(
    `${arg}: қалтада .xlsx жұмыс кітаптары жоқ; мекеме деректерін Excel-ден .xlsx ретінде осы қалтаға сақтаңыз.`,
    `${arg}: в папке нет книг .xlsx; сохраните в неё данные учреждения из Excel в формате .xlsx.`,
    `${arg}: the folder has no .xlsx workbooks; export the facility data from Excel as .xlsx into it.`),
  cannotListFolder: (arg: string, why: Localized) => L(
    `${arg}: қалтаның ішін оқу мүмкін емес (${why.kk}).`,
    `${arg}: не удаётся прочитать содержимое папки (${why.ru}).`,
    `${arg}: cannot list the folder (${why.en}).`),
  /** `size` null: the file grew past the limit while it was read (its size was not known beforehand). */
  fileTooLarge: (path: string, size: string | null, limit: string) => L(
    `${path}: файлдың көлемі ${size ?? `${limit}-тан үлкен`}, шектен (${limit}) асады; жұмыс кітабын кезеңдерге бөліңіз немесе --max-size мәнін үлкейтіңіз.`,
    `${path}: размер файла ${size ?? `больше ${limit}`}, больше предела ${limit}; разделите книгу по периодам или увеличьте --max-size.`,
    `${path}: the file is ${size ?? `over ${limit}`}, more than the ${limit} limit; split the workbook by period or raise --max-size.`),
  mappingTooLarge: (path: string, limit: string) => L(
    `--mapping ${path}: файл ${limit}-тан үлкен; сәйкестік файлы — шағын JSON файлы.`,
    `--mapping ${path}: файл больше ${limit}; файл сопоставления — небольшой файл JSON.`,
    `--mapping ${path}: the file is over ${limit}; a mapping file is a small JSON file.`),
  mappingNotJson: (path: string, why: string) => L(
    `--mapping ${path}: сәйкестік файлы JSON болуы керек, мысалы {"sheets": {"Сіздің парағыңыз": "children"}}, ал бұл файл JSON емес${why}; YAML және басқа пішімдер оқылмайды.`,
    `--mapping ${path}: файл сопоставления должен быть в формате JSON, например {"sheets": {"Ваш лист": "children"}}, а этот файл — нет${why}; YAML и другие форматы не читаются.`,
    `--mapping ${path}: the mapping file must be JSON, such as {"sheets": {"Their sheet": "children"}}, and this file is not${why}; YAML and other formats are not read.`),
  /** Why a file was not read: not a regular file, or what the system said when it was opened or read. */
  notRegular: (kind: 'folder' | 'fifo' | 'device' | 'socket' | 'other') => {
    const what = {
      folder: ['қалта', 'папка', 'a folder'], fifo: ['арна (fifo)', 'канал (fifo)', 'a pipe (fifo)'], device: ['құрылғы', 'устройство', 'a device'],
      socket: ['сокет', 'сокет', 'a socket'], other: ['файл емес', 'не файл', 'not a file'],
    }[kind];
    return L(
      `кәдімгі файл емес (${what[0]}), сондықтан оқылмайды; .xlsx жұмыс кітабының жолын беріңіз`,
      `не обычный файл (${what[1]}), поэтому не читается; укажите путь к книге .xlsx`,
      `not a regular file (${what[2]}), so it is not read; give the path of an .xlsx workbook`);
  },
  cannotRead: (why: 'denied' | 'missing' | 'loop' | 'io' | string) => {
    if (why === 'denied') return L('файлды оқу мүмкін емес (рұқсат жоқ); оқу құқығын сұраңыз немесе файлды оқи алатын жерге көшіріңіз', 'не удаётся прочитать файл (нет доступа); запросите право на чтение или скопируйте файл туда, где можете его прочитать', 'cannot read the file (permission denied); ask for read access or copy the file somewhere you can read it');
    if (why === 'missing') return L('файлды оқу мүмкін емес (ол жоқ немесе бос сілтеме)', 'не удаётся прочитать файл (его нет, или ссылка ведёт в никуда)', 'cannot read the file (it does not exist, or is a link to nothing)');
    if (why === 'loop') return L('файлды оқу мүмкін емес (символдық сілтемелер тұйығы)', 'не удаётся прочитать файл (петля символических ссылок)', 'cannot read the file (a loop of symbolic links)');
    if (why === 'io') return L('файлды оқу мүмкін емес (енгізу-шығару қатесі: диск немесе желілік қалта істен шықты)', 'не удаётся прочитать файл (ошибка ввода-вывода: сбой диска или сетевой папки)', 'cannot read the file (an input/output error: the disk or network share failed)');
    return L(`файлды оқу мүмкін емес (${why})`, `не удаётся прочитать файл (${why})`, `cannot read the file (${why})`);
  },
  jobsNotNumber: (text: string) => L(
    `--jobs ${text}: бір уақытта қанша жұмыс кітабын тексеру керектігін 1-ден бастап бүтін санмен беріңіз (әдепкі — процессор ядроларының саны).`,
    `--jobs ${text}: укажите, сколько книг проверять одновременно, целым числом от 1 (по умолчанию — число ядер процессора).`,
    `--jobs ${text}: give how many workbooks to audit at once, a whole number from 1 (default: the number of cores).`),
  maxSize: (text: string) => L(
    `--max-size ${text}: шекті мегабайтпен, 0-ден үлкен санмен беріңіз (әдепкі 200).`,
    `--max-size ${text}: укажите предел в мегабайтах, числом больше 0 (по умолчанию 200).`,
    `--max-size ${text}: give the limit in megabytes, a number above 0 (default 200).`),

  asOfNotDate: (text: string) => L(
    `--as-of ${text}: күн емес; 2010-10-31 немесе 31.10.2010 түрінде жазыңыз.`,
    `--as-of ${text}: это не дата; напишите её как 2010-10-31 или 31.10.2010.`,
    `--as-of ${text}: not a date; write it as 2010-10-31 or 31.10.2010.`),
  asOfTooEarly: (text: string, year: number) => L(
    `--as-of ${text}: ${year} жылға дейінгі күндер қабылданбайды (жыл ешқашан 19xx деп оқылмайды); жылды толық жазыңыз: 2010-10-31 немесе 31.10.2010.`,
    `--as-of ${text}: даты ранее ${year} года не принимаются (год никогда не читается как 19xx); напишите год полностью: 2010-10-31 или 31.10.2010.`,
    `--as-of ${text}: dates before ${year} are not accepted (a year is never read as 19xx); write the year in full, as 2010-10-31 or 31.10.2010.`),
  asOfOutside: (file: string, asOf: string, before: boolean, bound: string) => L(
    `${file}: --as-of ${asOf} тексеру кезеңі ${before ? `басталғанға (${bound}) дейін` : `аяқталғаннан (${bound}) кейін`}; кезең ішіндегі күнді беріңіз немесе кезеңнің соңғы күнін алу үшін --as-of көрсетпеңіз.`,
    `${file}: --as-of ${asOf} ${before ? `раньше начала периода проверки (${bound})` : `позже конца периода проверки (${bound})`}; укажите дату внутри периода или не указывайте --as-of, чтобы взять последний день периода.`,
    `${file}: --as-of ${asOf} is ${before ? `before the audit period starts (${bound})` : `after the audit period ends (${bound})`}; give a date inside the period or leave --as-of out to use the period's last day.`),

  noFacility: (file: string, why: Localized | null) => {
    const w = why ?? L('мекеме парағы (Мекеме / Учреждение) жоқ немесе бос', 'лист учреждения (Мекеме / Учреждение) отсутствует или пуст', 'the facility sheet (Мекеме / Учреждение) is missing or empty');
    return L(
      `${file}: мекеме жолынсыз тексеру мүмкін емес — ${w.kk}; мекеме парағын толтырып (коды, атауы, түрі, меншік нысаны, кезең басы мен соңы), қайта іске қосыңыз.`,
      `${file}: без строки учреждения проверка невозможна — ${w.ru}; заполните лист учреждения (код, наименование, тип, форма собственности, начало и конец периода) и запустите снова.`,
      `${file}: cannot audit without the facility row — ${w.en}; fill in the facility sheet (facility_id, name, kind, ownership, period_from, period_to) and run again.`);
  },
  andMore: (n: number) => L(` (және тағы ${n})`, ` (и ещё ${n})`, ` (and ${n} more)`),

  /** Why ingest refused a file; English keeps the refusal's detailed text. */
  rulesDoNotCompile: (dir: string, where: string, more: number) => L(
    `${dir} ішіндегі ереже файлдары компиляцияланбайды — ${where}${more > 0 ? ` (және тағы ${more})` : ''}; барлық мәселені көру үшін \`ereje rules check ${dir}\` іске қосыңыз.`,
    `файлы правил в ${dir} не компилируются — ${where}${more > 0 ? ` (и ещё ${more})` : ''}; запустите \`ereje rules check ${dir}\`, чтобы увидеть все ошибки.`,
    `the rule files in ${dir} do not compile — ${where}${more > 0 ? ` (and ${more} more)` : ''}; run \`ereje rules check ${dir}\` to see every problem.`),
  noRuleset: (dir: string) => L(
    `${dir} ішінде ережелер жинағы жоқ (\`ruleset\` блогы бар .ereje файлы жоқ); --rules арқылы ережелер қалтасын көрсетіңіз.`,
    `в ${dir} нет набора правил (нет файла .ereje с блоком \`ruleset\`); укажите папку правил через --rules.`,
    `${dir} holds no ruleset (no .ereje file with a \`ruleset\` block); pass --rules with the folder of the rule pack.`),

  severalNeedOut: (n: number, format: string) => L(
    `${n} жұмыс кітабы және --format ${format}: әр кітапқа бір есеп үшін --out ҚАЛТА беріңіз, немесе терминалдағы қысқаша нәтижелер үшін --format көрсетпеңіз.`,
    `${n} книг и --format ${format}: укажите --out ПАПКА для отчёта по каждой книге или не указывайте --format, чтобы получить сводки в терминале.`,
    `${n} workbooks and --format ${format}: give --out DIR for one report per workbook, or leave --format out for terminal summaries.`),
  severalOutNotFolder: (out: string) => L(
    `--out ${out}: бірнеше жұмыс кітабы тексерілгенде --out қалта болуы керек (әр кітапқа бір есеп); қалтаның атын беріңіз.`,
    `--out ${out}: при проверке нескольких книг --out должен быть папкой (по отчёту на книгу); укажите папку.`,
    `--out ${out}: with several workbooks --out must be a folder (one report per workbook); give a folder.`),
  xlsxNeedsOut: () => L(
    '--format xlsx екілік жұмыс кітабын жазады: --out ФАЙЛ.xlsx беріңіз.',
    '--format xlsx записывает двоичную книгу: укажите --out ФАЙЛ.xlsx.',
    '--format xlsx writes a binary workbook: give --out FILE.xlsx.'),
  formatContradicts: (format: string, out: string, named: string) => L(
    `--format ${format} және --out ${out} сәйкес емес (файл атауы ${named} дейді); кеңейтімі ${format} файл атын беріңіз немесе --format көрсетпеңіз.`,
    `--format ${format} и --out ${out} противоречат друг другу (имя файла говорит ${named}); дайте файлу расширение .${format} или не указывайте --format.`,
    `--format ${format} contradicts --out ${out}, whose name says ${named}; name the file .${format}, or leave --format out.`),
  duplicateNames: (file: string) => L(
    `екі жұмыс кітабының аты ${file}; олардың есептері бірін-бірі басып қалады — біреуінің атын өзгертіңіз немесе оларды бөлек тексеріңіз.`,
    `две книги называются ${file}; их отчёты перезапишут друг друга — переименуйте одну или проверьте их отдельно.`,
    `two workbooks are named ${file}; their reports would overwrite each other — rename one or audit them separately.`),
  outIsInput: (out: string, input: string) => L(
    `--out ${out}: бұл — кіріс файлы ${input}; ereje пайдаланушының файлын ешқашан қайта жазбайды. Есепке басқа жол беріңіз.`,
    `--out ${out}: это входной файл ${input}; ereje никогда не перезаписывает файлы пользователя. Укажите для отчёта другой путь.`,
    `--out ${out}: this is the input ${input}; ereje never overwrites a user's file. Give the report another path.`),
  outWouldReplace: (out: string, report: string, input: string) => L(
    `--out ${out}: ${report} есебі кіріс файлы ${input} орнына жазылар еді; ereje пайдаланушының файлын ешқашан қайта жазбайды. Есептер үшін басқа қалта немесе формат таңдаңыз.`,
    `--out ${out}: отчёт ${report} заменил бы входной файл ${input}; ereje никогда не перезаписывает файлы пользователя. Выберите для отчётов другую папку или формат.`,
    `--out ${out}: the report ${report} would replace the input ${input}; ereje never overwrites a user's file. Choose another folder or format for the reports.`),
  outNotOurs: (path: string) => L(
    `--out: ${path} бар және оны ereje жазбаған; ereje пайдаланушының файлын ешқашан қайта жазбайды. Басқа --out таңдаңыз, файлды басқа жерге көшіріңіз немесе оны ауыстыру үшін --force қосыңыз.`,
    `--out: ${path} уже существует, и его записал не ereje; ereje никогда не перезаписывает файлы пользователя. Выберите другой --out, переместите файл или добавьте --force, чтобы заменить его.`,
    `--out: ${path} exists and is not a report ereje wrote; ereje never overwrites a user's file. Choose another --out, move the file away, or add --force to replace it.`),
  cannotCreateFolder: (dir: string, code: string) => L(
    `--out ${dir}: қалтаны жасау мүмкін емес (${code}); жазуға болатын қалтаны таңдаңыз.`,
    `--out ${dir}: не удаётся создать папку (${code}); выберите папку, в которую можно писать.`,
    `--out ${dir}: cannot create the folder (${code}); choose a folder you can write to.`),
  cannotWrite: (path: string, code: string) => L(
    `--out ${path}: есепті жазу мүмкін емес (${code}); жазуға болатын жолды таңдаңыз.`,
    `--out ${path}: не удаётся записать отчёт (${code}); выберите путь, доступный для записи.`,
    `--out ${path}: cannot write the report (${code}); choose a path you can write to.`),
  wrote: (path: string) => L(`жазылды: ${path}`, `записано: ${path}`, `wrote ${path}`),
  wroteReports: (n: number, dir: string) => L(`${dir} қалтасына ${n} есеп жазылды`, `в ${dir} записано отчётов: ${n}`, `wrote ${n} ${n === 1 ? 'report' : 'reports'} to ${dir}`),

  templateUnknownKind: (kind: string, kinds: string) => L(
    `белгісіз мекеме түрі "${kind}"; мыналардың бірін жазыңыз: ${kinds}.`,
    `неизвестный тип учреждения «${kind}»; укажите один из: ${kinds}.`,
    `unknown facility kind "${kind}"; use one of: ${kinds}.`),
  templateUnknownLang: (lang: string) => L(
    `белгісіз тіл "${lang}"; kk, ru немесе en жазыңыз.`,
    `неизвестный язык «${lang}»; укажите kk, ru или en.`,
    `unknown language "${lang}"; use kk, ru or en.`),
  templateExists: (path: string) => L(
    `${path} бар; ereje файлды қайта жазбайды. Басқа --out жолын беріңіз немесе ауыстыру үшін --force қосыңыз.`,
    `${path} уже существует; ereje не перезаписывает файлы. Укажите другой --out или добавьте --force, чтобы заменить его.`,
    `${path} already exists; ereje does not overwrite it. Give another --out, or add --force to replace it.`),
  templateCannotWrite: (path: string, code: string) => L(
    `${path} жазу мүмкін емес (${code}); басқа --out жолын таңдаңыз.`,
    `не удаётся записать ${path} (${code}); выберите другой путь --out.`,
    `cannot write ${path} (${code}); choose another --out path.`),

  noSuchRule: (rule: string, suggestion: string | undefined) => L(
    `--rule ${rule}: мұндай ереже жоқ${suggestion ? ` — «${suggestion}» деп жазғыңыз келді ме?` : '; `ereje rules list` ережелерді атайды.'}`,
    `--rule ${rule}: такого правила нет${suggestion ? ` — возможно, имелось в виду «${suggestion}»?` : '; правила перечисляет `ereje rules list`.'}`,
    `--rule ${rule}: no such rule${suggestion ? ` — did you mean «${suggestion}»?` : '; `ereje rules list` names the rules.'}`),
};
