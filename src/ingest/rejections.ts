// Why a file is refused as a whole (WorkbookRejected), in kk/ru/en: what the file turned out to be, and
// what to do about it. A detail only a program can name (a zip entry, a compression method, the reader's
// own words) is shown as it is, in brackets.
import { localize, type Lang, type Localized } from '../core/lang.ts';

export type RejectReason = 'not-a-workbook' | 'too-large' | 'too-many-cells' | 'unreadable';

export class WorkbookRejected extends Error {
  constructor(readonly reason: RejectReason, readonly text: Localized) {
    super(text.en);
    this.name = 'WorkbookRejected';
  }
}

const L = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

const MB = 1024 * 1024;
const UNITS: Record<Lang, { mb: string; gb: string }> = { kk: { mb: 'МБ', gb: 'ГБ' }, ru: { mb: 'МБ', gb: 'ГБ' }, en: { mb: 'MB', gb: 'GB' } };
function sizeText(bytes: number, lang: Lang): string {
  const u = UNITS[lang];
  return bytes / MB >= 1024 ? `${(bytes / MB / 1024).toFixed(1)} ${u.gb}` : `${Math.ceil(bytes / MB)} ${u.mb}`;
}
/** 5000000 as each language writes it: 5 000 000 (kk, ru), 5,000,000 (en). */
const count = (n: number, lang: Lang) => n.toLocaleString(lang === 'en' ? 'en' : 'ru');

/** What is damaged in a zip, for `damaged`. */
export const zipDamage = {
  zip64Directory: L('zip64 каталогы бүлінген', 'повреждён каталог zip64', 'bad zip64 directory'),
  directoryOutside: L('каталог файлдан тыс жерді көрсетеді', 'каталог указывает за пределы файла', 'the directory points outside the file'),
  directoryEntry: L('каталог жазбасы бүлінген', 'повреждена запись каталога', 'bad directory entry'),
  twoEntries: (name: string) => L(`«${name}» атты екі жазба бар`, `две записи с именем «${name}»`, `two entries named ${name}`),
  entry: (name: string) => L(`«${name}» жазбасы`, `запись «${name}»`, `entry ${name}`),
  doesNotInflate: (name: string) => L(`«${name}» жазбасы ашылмайды`, `запись «${name}» не распаковывается`, `entry ${name} does not inflate`),
  failsCrc: (name: string) => L(`«${name}» жазбасы CRC-32 тексерісінен өтпейді`, `запись «${name}» не проходит проверку CRC-32`, `entry ${name} fails its CRC-32 check`),
};

export const rejection = {
  legacyXls: (file: string) => L(
    `${file} — ескі .xls пішіміндегі (немесе құпиясөзбен қорғалған) файл; оны Excel-де ашып, құпиясөзсіз .xlsx ретінде сақтаңыз.`,
    `${file} — файл старого формата .xls (или защищённый паролем); откройте его в Excel и сохраните как .xlsx без пароля.`,
    `${file} is a legacy .xls (or password-protected) file; open it in Excel and save it as .xlsx without a password.`),
  notZip: (file: string) => L(
    `${file} — .xlsx жұмыс кітабы емес (zip каталогы табылмады); деректерді Excel-ден .xlsx ретінде сақтаңыз.`,
    `${file} — не книга .xlsx (каталог zip не найден); сохраните данные из Excel в формате .xlsx.`,
    `${file} is not an .xlsx workbook (no zip directory found); export the data from Excel as .xlsx.`),
  xlsbNamedXlsx: (file: string) => L(
    `${file} — .xlsx деп аталған Excel екілік кітабы (.xlsb); оны Excel-де ашып, .xlsx ретінде сақтаңыз.`,
    `${file} — двоичная книга Excel (.xlsb), названная .xlsx; откройте её в Excel и сохраните как .xlsx.`,
    `${file} is not a readable .xlsx workbook: it is an Excel binary workbook (.xlsb) named .xlsx; open it in Excel and save it as .xlsx.`),
  zipNotWorkbook: (file: string) => L(
    `${file} — zip файлы, бірақ .xlsx жұмыс кітабы емес (xl/workbook.xml жоқ); деректерді Excel-ден .xlsx ретінде сақтаңыз.`,
    `${file} — zip-архив, но не книга .xlsx (нет xl/workbook.xml); сохраните данные из Excel в формате .xlsx.`,
    `${file} is a zip file but not a readable .xlsx workbook (no xl/workbook.xml); export the data from Excel as .xlsx.`),
  passwordProtected: (file: string) => L(
    `${file} құпиясөзбен қорғалған; оны құпиясөзсіз қайта сақтаңыз.`,
    `${file} защищён паролем; сохраните его снова без пароля.`,
    `${file} is password-protected; save it again without a password.`),
  damaged: (file: string, what: Localized) => L(
    `${file} — бүлінген .xlsx файлы (${what.kk}); түпнұсқасын Excel-де ашып, қайтадан .xlsx ретінде сақтаңыз немесе жаңа көшірмесін сұраңыз.`,
    `${file} — повреждённый файл .xlsx (${what.ru}); откройте оригинал в Excel и сохраните снова как .xlsx или запросите новую копию.`,
    `${file} is a damaged .xlsx file (${what.en}); open the original in Excel and save it again as .xlsx, or ask for a fresh copy.`),
  unsupportedCompression: (file: string, method: number) => L(
    `${file} қолдау көрсетілмейтін zip сығу әдісін қолданады (${method}-әдіс); оны Excel-де ашып, қайтадан .xlsx ретінде сақтаңыз.`,
    `${file} использует неподдерживаемый метод сжатия zip (метод ${method}); откройте его в Excel и сохраните снова как .xlsx.`,
    `${file} uses an unsupported zip compression (method ${method}); open it in Excel and save it again as .xlsx.`),
  storedPastDeclared: (file: string, entry: string, limit: number) => localize((lang) => ({
    kk: `${file}: «${entry}» жазбасы жарияланған көлемінен үлкен немесе ${sizeText(limit, lang)} шегінен асады; файлды Excel-ден қайта сақтаңыз.`,
    ru: `${file}: запись «${entry}» больше заявленного размера или превышает предел ${sizeText(limit, lang)}; сохраните файл из Excel заново.`,
    en: `${file}: stored entry ${entry} is larger than declared or past the ${sizeText(limit, lang)} limit; export the file again from Excel.`,
  })[lang]),
  inflatesPastDeclared: (file: string, entry: string, declared: number, limit: number) => localize((lang) => ({
    kk: `${file}: «${entry}» жазбасы ашылғанда жарияланған ${sizeText(declared, lang)} көлемінен (немесе ${sizeText(limit, lang)} шегінен) асады; файл бүлінген немесе зиянды — оны Excel-ден қайта сақтаңыз.`,
    ru: `${file}: запись «${entry}» распаковывается больше заявленных ${sizeText(declared, lang)} (или предела ${sizeText(limit, lang)}); файл повреждён или вредоносен — сохраните его из Excel заново.`,
    en: `${file}: entry ${entry} inflates to more than its declared ${sizeText(declared, lang)} (or past the ${sizeText(limit, lang)} limit); the file is corrupt or hostile — export it again from Excel.`,
  })[lang]),
  tooLarge: (file: string, bytes: number, limit: number) => localize((lang) => {
    const raise = Math.ceil(bytes / MB);
    return {
      kk: `${file} ашылған күйінде ${sizeText(bytes, lang)} болатынын жариялайды, бұл ${sizeText(limit, lang)} шегінен асады; файл шынайы болса, шекті --max-size ${raise} (МБ) арқылы арттырыңыз.`,
      ru: `${file} заявляет ${sizeText(bytes, lang)} в распакованном виде — больше предела ${sizeText(limit, lang)}; если файл подлинный, увеличьте предел: --max-size ${raise} (МБ).`,
      en: `${file} declares ${sizeText(bytes, lang)} uncompressed, over the ${sizeText(limit, lang)} limit; if the file is genuine, pass --max-size ${raise} (MB) to raise it.`,
    }[lang];
  }),
  tooManyCells: (file: string, cells: number, limit: number) => localize((lang) => ({
    kk: `${file} ішінде ${count(limit, lang)} ұяшықтан көп (әзірге ${count(cells, lang)}); жұмыс кітабын кезеңдерге бөліңіз (немесе пайдаланылмайтын пішімделген жолдар мен бағандарды жойыңыз) де, бөліктерін жеке тексеріңіз.`,
    ru: `В ${file} больше ${count(limit, lang)} ячеек (уже ${count(cells, lang)}); разделите книгу по периодам (или удалите неиспользуемые отформатированные строки и столбцы) и проверьте части отдельно.`,
    en: `${file} has more than ${count(limit, lang)} cells (${count(cells, lang)} so far); split the workbook by period (or remove unused formatted rows and columns) and audit the parts.`,
  })[lang]),
  missingSheetPart: (file: string, sheet: string) => L(
    `${file} оқылмайды: «${sheet}» парағы сақталған бөлік жоқ немесе бүлінген; оны Excel-де ашып, қайтадан .xlsx ретінде сақтаңыз.`,
    `${file} не читается: части файла с листом «${sheet}» нет или она повреждена; откройте его в Excel и сохраните снова как .xlsx.`,
    `${file} is not a readable .xlsx workbook: the part holding sheet "${sheet}" is missing or damaged; open it in Excel and save it again as .xlsx.`),
  unreadable: (file: string, why: string) => L(
    `${file} жұмыс кітабы ретінде оқылмады (${why}); оны Excel-де ашып, қайтадан .xlsx ретінде сақтаңыз.`,
    `${file} не удалось прочитать как книгу (${why}); откройте его в Excel и сохраните снова как .xlsx.`,
    `${file} could not be read as a workbook (${why}); open it in Excel and save it again as .xlsx.`),
};
