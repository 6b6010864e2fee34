// `--mapping FILE`: a facility's own sheet and column names → canonical ids, validated before use.
import { Ajv, type ValidateFunction } from 'ajv';
import { suggestion } from '../core/did-you-mean.ts';
import { clip } from '../core/text.ts';
import type { Lang, Localized } from '../core/lang.ts';
import { columnOf, sheetById, WORKBOOK_SCHEMA } from '../schema/index.ts';
import type { HeaderMapping } from './types.ts';

const MAPPING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sheets: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    columns: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } } },
  },
} as const;

/** A mapping that cannot be used; `text` says why in each user language (`message` is English). */
export class HeaderMappingError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'HeaderMappingError';
  }
}

const SHEET_IDS = WORKBOOK_SCHEMA.sheets.map((s) => s.id);
const TOP_KEYS = ['sheets', 'columns'];

/** The first few problems of a long list, and how many more: a mapping file can be large, its message not. */
function listed(problems: readonly string[], lang: Lang, shown = 5, total = problems.length): string {
  const more = total - shown;
  const tail = { en: `; … and ${more} more`, ru: `; … и ещё ${more}`, kk: `; … және тағы ${more}` }[lang];
  return problems.slice(0, shown).join('; ') + (more > 0 ? tail : '');
}

/** ` (did you mean "children"?)` in a language, or nothing when no id is close. */
function hint(name: string, candidates: readonly string[], lang: Lang): string {
  return suggestion(name, candidates, '"')[lang];
}

/** Copies into null-prototype records so a key like `__proto__` stays an ordinary key. */
function ownRecord<T>(source: Record<string, T>, map: (v: T) => T = (v) => v): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const key of Object.keys(source)) Object.defineProperty(out, key, { value: map(source[key]!), enumerable: true });
  return out;
}

let compiledMapping: ValidateFunction | null = null;
/** The mapping schema compiled once (compiling it costs tens of milliseconds; a batch reads the mapping in every thread). */
function mappingValidator(): ValidateFunction {
  compiledMapping ??= new Ajv({ allErrors: true }).compile(MAPPING_SCHEMA);
  return compiledMapping;
}

/**
 * Validates a parsed mapping JSON: `{ "sheets": { "Their sheet": "children" }, "columns": { "children": { "Their header": "child_id" } } }`.
 * Every target must be a canonical sheet id / a column of that sheet.
 */
export function parseHeaderMapping(json: unknown): HeaderMapping {
  const validate = mappingValidator();
  if (!validate(json)) {
    const why = (lang: Lang) => listed((validate.errors ?? []).map((e) => {
      const extra = e.keyword === 'additionalProperties' && e.instancePath === '' ? clip(String((e.params as { additionalProperty?: string }).additionalProperty ?? '')) : '';
      return `${clip(e.instancePath || '(top)')} ${e.message ?? ''}${extra ? ` "${extra}"${hint(extra, TOP_KEYS, lang)}` : ''}`.trim();
    }), lang);
    const shape = '{"sheets": {"Their sheet": "children"}, "columns": {"children": {"Their header": "child_id"}}}';
    throw new HeaderMappingError({
      en: `the mapping file is not of the form ${shape}: ${why('en')}`,
      ru: `файл сопоставления не имеет вида ${shape}: ${why('ru')}`,
      kk: `маппинг файлы ${shape} түрінде емес: ${why('kk')}`,
    });
  }
  const input = json as { sheets?: Record<string, string>; columns?: Record<string, Record<string, string>> };
  const problems: ((lang: Lang) => string)[] = [];
  for (const [theirs, ours] of Object.entries(input.sheets ?? {})) {
    if (!sheetById(ours)) {
      problems.push((lang) => `sheets["${clip(theirs)}"]: "${clip(ours)}" ${{ en: 'is not a sheet id', ru: '— не код листа', kk: '— парақ коды емес' }[lang]}${hint(ours, SHEET_IDS, lang)}`);
    }
  }
  for (const [sheet, columns] of Object.entries(input.columns ?? {})) {
    if (!sheetById(sheet)) {
      problems.push((lang) => `columns["${clip(sheet)}"]: ${{ en: 'not a sheet id', ru: 'не код листа', kk: 'парақ коды емес' }[lang]}${hint(sheet, SHEET_IDS, lang)}`);
      continue;
    }
    const ids = sheetById(sheet)!.columns.map((c) => c.id);
    for (const [theirs, ours] of Object.entries(columns)) {
      if (!columnOf(sheet, ours)) {
        problems.push((lang) => `columns["${sheet}"]["${clip(theirs)}"]: "${clip(ours)}" ${{ en: `is not a column of ${sheet}`, ru: `— не столбец листа ${sheet}`, kk: `— ${sheet} парағының бағаны емес` }[lang]}${hint(ours, ids, lang)}`);
      }
    }
  }
  if (problems.length > 0) {
    // Only the problems shown are written out (each looks for a did-you-mean).
    const list = (lang: Lang) => listed(problems.slice(0, 5).map((p) => p(lang)), lang, 5, problems.length);
    throw new HeaderMappingError({
      en: `the mapping file names unknown targets (${list('en')}); use the canonical ids listed in docs/workbook.md and the template's help sheet.`,
      ru: `в файле сопоставления неизвестные коды (${list('ru')}); используйте коды из docs/workbook.md и справочного листа шаблона.`,
      kk: `маппинг файлында белгісіз кодтар бар (${list('kk')}); docs/workbook.md пен үлгінің анықтама парағындағы кодтарды қолданыңыз.`,
    });
  }
  return {
    ...(input.sheets ? { sheets: ownRecord(input.sheets) } : {}),
    ...(input.columns ? { columns: ownRecord(input.columns, (c) => ownRecord(c)) } : {}),
  };
}
