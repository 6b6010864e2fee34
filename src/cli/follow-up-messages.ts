// The command line's lines about earlier reports (`--baseline`, `ereje diff`) and batch summaries, in kk,
// ru and en: what is wrong, with which file, and what to do.
import type { Localized } from '../core/lang.ts';

const L = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

const AGAIN = L(
  'сол жұмыс кітабын ereje-нің осы нұсқасымен қайта тексеріп (--format json), сол есеппен салыстырыңыз',
  'проверьте ту книгу этой версией ereje заново (--format json) и сравнивайте с этим отчётом',
  'audit that workbook again with this version of ereje (--format json) and compare with that report');

export const followUpText = {
  cannotRead: (what: string, code: string) => L(
    `${what}: файлды оқу мүмкін емес (${code}); алдыңғы тексерудің JSON есебін беріңіз (ereje audit … --format json).`,
    `${what}: не удаётся прочитать файл (${code}); укажите JSON-отчёт прошлой проверки (ereje audit … --format json).`,
    `${what}: cannot read the file (${code}); give the JSON report of the earlier audit (ereje audit … --format json).`),
  notJson: (what: string, why: string) => L(
    `${what}: JSON емес (${why}); алдыңғы тексерудің JSON есебін беріңіз (ereje audit … --format json).`,
    `${what}: это не JSON (${why}); укажите JSON-отчёт прошлой проверки (ereje audit … --format json).`,
    `${what}: not valid JSON (${why}); give the JSON report of the earlier audit (ereje audit … --format json).`),
  notReport: (what: string, why: string) => L(
    `${what}: ereje тексеру есебі емес (${why}); ereje audit … --format json жазған есепті беріңіз.`,
    `${what}: это не отчёт ereje о проверке (${why}); укажите отчёт, записанный ereje audit … --format json.`,
    `${what}: not an ereje audit report (${why}); give a report written by ereje audit … --format json.`),
  otherSchema: (what: string, schema: string, ours: string) => L(
    `${what}: ${schema} схемасының есебі, ereje-нің бұл нұсқасы ${ours} оқиды; ${AGAIN.kk}.`,
    `${what}: отчёт схемы ${schema}, эта версия ereje читает ${ours}; ${AGAIN.ru}.`,
    `${what}: a report of schema ${schema}, this version of ereje reads ${ours}; ${AGAIN.en}.`),
  invalid: (what: string, detail: string) => L(
    `${what}: ereje-нің бұл нұсқасы оқи алатын есеп емес (${detail}) — оны ereje-нің ескі нұсқасы жазған немесе қолмен өзгертілген; ${AGAIN.kk}.`,
    `${what}: эта версия ereje не может прочитать этот отчёт (${detail}) — он записан старой версией ereje или изменён вручную; ${AGAIN.ru}.`,
    `${what}: not a report this version of ereje can read (${detail}) — written by an older ereje or edited by hand; ${AGAIN.en}.`),
  otherFacility: (what: string, theirs: string, ours: string) => L(
    `${what}: ол ${theirs} мекемесінің тексеруі, ал бұл тексеру — ${ours}; сол мекеменің алдыңғы есебін беріңіз.`,
    `${what}: это проверка учреждения ${theirs}, а эта проверка — ${ours}; укажите прошлый отчёт того же учреждения.`,
    `${what}: it audits facility ${theirs}, this audit is of ${ours}; give an earlier report of the same facility.`),
  severalNeedFolder: (path: string) => L(
    `--baseline ${path}: бірнеше жұмыс кітабы үшін алдыңғы есептер қалтасын беріңіз (әр кітапқа мекеме коды бойынша сәйкес есеп алынады).`,
    `--baseline ${path}: для нескольких книг укажите папку прошлых отчётов (каждой книге подбирается отчёт по коду учреждения).`,
    `--baseline ${path}: with several workbooks give a folder of earlier reports (each workbook gets the report of its facility_id).`),
  folderHasNoReports: (path: string) => L(
    `--baseline ${path}: қалтада ereje-нің JSON есептері жоқ; алдыңғы тексерудің есептері бар қалтаны беріңіз.`,
    `--baseline ${path}: в папке нет JSON-отчётов ereje; укажите папку с отчётами прошлой проверки.`,
    `--baseline ${path}: the folder holds no ereje JSON reports; give the folder with the earlier audit's reports.`),
  skipped: (problem: string) => L(`ескерту: ${problem} Ол ескерілмейді.`, `предупреждение: ${problem} Он пропущен.`, `warning: ${problem} It is skipped.`),
  noBaselineFor: (file: string, facility: string) => L(
    `ескерту: ${file}: --baseline қалтасында ${facility} мекемесінің бұрынғы есебі жоқ; салыстырусыз тексерілді.`,
    `предупреждение: ${file}: в папке --baseline нет прошлого отчёта учреждения ${facility}; проверено без сравнения.`,
    `warning: ${file}: the --baseline folder has no earlier report of facility ${facility}; audited without follow-up.`),
  baselineLater: (what: string) => L(
    `ескерту: ${what}: алдыңғы есептің кезеңі осы тексеру кезеңінен кейін басталады; файлдардың ретін тексеріңіз (алдымен ертерек есеп).`,
    `предупреждение: ${what}: период прошлого отчёта начинается позже периода этой проверки; проверьте порядок файлов (сначала более ранний).`,
    `warning: ${what}: the baseline's period starts after this audit's; check the order of the files (the earlier report first).`),
  otherLanguage: (what: string, theirs: string, ours: string) => L(
    `ескерту: ${what} ${theirs} тілінде, бұл есеп ${ours} тілінде: жойылған сәйкессіздіктер алдыңғы есептің тілінде көрсетіледі.`,
    `предупреждение: ${what} на языке ${theirs}, этот отчёт на ${ours}: устранённые несоответствия показаны на языке прошлого отчёта.`,
    `warning: ${what} is in ${theirs}, this report in ${ours}: resolved findings are shown in the baseline's language.`),
  summaryClash: (name: string) => L(
    `${name}: бұл жұмыс кітабының есебі жиынтық файлымен (summary.json, summary.html) аттас болар еді; кітаптың атын өзгертіңіз.`,
    `${name}: отчёт этой книги назывался бы как файл сводки (summary.json, summary.html); переименуйте книгу.`,
    `${name}: this workbook's report would be named like the batch summary (summary.json, summary.html); rename the workbook.`),
  wroteSummary: (dir: string) => L(
    `${dir} қалтасына жиынтық жазылды (summary.json, summary.html)`,
    `в ${dir} записана сводка (summary.json, summary.html)`,
    `wrote the batch summary to ${dir} (summary.json, summary.html)`),
};
