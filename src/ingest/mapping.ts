// `--mapping FILE`: a facility's own sheet and column names → canonical ids, validated before use.
import { Ajv } from 'ajv';
import { clip } from '../core/text.ts';
import { columnOf, sheetById } from '../schema/index.ts';
import type { HeaderMapping } from './types.ts';

const MAPPING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sheets: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    columns: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } } },
  },
} as const;

export class HeaderMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeaderMappingError';
  }
}

/** The first few problems of a long list, and how many more: a mapping file can be large, its message not. */
function listed(problems: readonly string[], shown = 5): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join('; ') + (more > 0 ? `; … and ${more} more` : '');
}

/** Copies into null-prototype records so a key like `__proto__` stays an ordinary key. */
function ownRecord<T>(source: Record<string, T>, map: (v: T) => T = (v) => v): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  for (const key of Object.keys(source)) Object.defineProperty(out, key, { value: map(source[key]!), enumerable: true });
  return out;
}

/**
 * Validates a parsed mapping JSON: `{ "sheets": { "Their sheet": "children" }, "columns": { "children": { "Their header": "child_id" } } }`.
 * Every target must be a canonical sheet id / a column of that sheet.
 */
export function parseHeaderMapping(json: unknown): HeaderMapping {
  const validate = new Ajv({ allErrors: true }).compile(MAPPING_SCHEMA);
  if (!validate(json)) {
    const why = listed((validate.errors ?? []).map((e) => `${clip(e.instancePath || '(top)')} ${e.message ?? ''}`.trim()));
    throw new HeaderMappingError(`the mapping file is not of the form {"sheets": {"Their sheet": "children"}, "columns": {"children": {"Their header": "child_id"}}}: ${why}`);
  }
  const input = json as { sheets?: Record<string, string>; columns?: Record<string, Record<string, string>> };
  const problems: string[] = [];
  for (const [theirs, ours] of Object.entries(input.sheets ?? {})) {
    if (!sheetById(ours)) problems.push(`sheets["${clip(theirs)}"]: "${clip(ours)}" is not a sheet id`);
  }
  for (const [sheet, columns] of Object.entries(input.columns ?? {})) {
    if (!sheetById(sheet)) { problems.push(`columns["${clip(sheet)}"]: not a sheet id`); continue; }
    for (const [theirs, ours] of Object.entries(columns)) {
      if (!columnOf(sheet, ours)) problems.push(`columns["${sheet}"]["${clip(theirs)}"]: "${clip(ours)}" is not a column of ${sheet}`);
    }
  }
  if (problems.length > 0) {
    throw new HeaderMappingError(`the mapping file names unknown targets (${listed(problems)}); use the canonical ids listed in docs/input-errors.md and the template's help sheet.`);
  }
  return {
    ...(input.sheets ? { sheets: ownRecord(input.sheets) } : {}),
    ...(input.columns ? { columns: ownRecord(input.columns, (c) => ownRecord(c)) } : {}),
  };
}
