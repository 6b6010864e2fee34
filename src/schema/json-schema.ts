// JSON Schemas of typed rows (TypedRow.values), generated from the same SheetDefs that ingest parses
// with, so a typed row that disagrees with its schema is a bug in ingest, not in the workbook.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { columnName, enumById, WORKBOOK_SCHEMA } from './index.ts';
import type { ColumnDef, SheetDef, SheetId } from './types.ts';

type JsonSchema = Record<string, unknown>;

function valueSchema(column: ColumnDef): JsonSchema {
  const codes = column.enum ? enumById(column.enum)?.values.map((v) => v.code) : undefined;
  const min = column.min !== undefined ? { minimum: column.min } : {};
  switch (column.type) {
    case 'id': return { type: 'string', minLength: 1 };
    case 'text': return { type: 'string' };
    case 'enum': return { type: 'string', enum: codes ?? [] };
    case 'list': return { type: 'array', items: { type: 'string', enum: codes ?? [] }, uniqueItems: true };
    case 'int': return { type: 'integer', ...min };
    case 'number': return { type: 'number', ...min };
    case 'date':
    case 'month': return { type: 'integer', description: 'days since 1970-01-01' };
    case 'bool': return { type: 'boolean' };
  }
}

/** What a property holds, for a person reading the schema: the column's help and, for codes, each code's labels. */
function describe(sheet: SheetDef, column: ColumnDef): JsonSchema {
  const values = column.enum ? enumById(column.enum)?.values ?? [] : [];
  const codes = values.map((v) => `${v.code} = ${v.labels.en[0]} (kk: ${v.labels.kk[0]}; ru: ${v.labels.ru[0]})`);
  return {
    title: `${columnName(sheet.id, column.id, 'en')} — ${column.labels.kk} / ${column.labels.ru}`,
    description: codes.length === 0 ? column.help.en : `${column.help.en} Codes: ${codes.join('; ')}.`,
  };
}

/** The JSON Schema of one sheet's typed row. Columns may be absent (a workbook may lack them); a present required column is never null. */
export function sheetJsonSchema(sheet: SheetDef): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const column of sheet.columns) {
    const value = valueSchema(column);
    properties[column.id] = { ...describe(sheet, column), ...(column.required ? value : { anyOf: [value, { type: 'null' }] }) };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://ereje.invalid/schemas/sheets/${sheet.id}.json`,
    title: `${sheet.id}: ${sheet.labels.kk} / ${sheet.labels.ru}`,
    description: sheet.help.en,
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

export type RowValidator = (sheet: SheetId, values: unknown) => readonly string[];

/** Compiles every sheet's schema once; the returned function lists schema violations of a typed row. */
export function createRowValidator(): RowValidator {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  const validators = new Map<SheetId, ValidateFunction>();
  for (const sheet of WORKBOOK_SCHEMA.sheets) validators.set(sheet.id, ajv.compile(sheetJsonSchema(sheet)));
  return (sheet, values) => {
    const validate = validators.get(sheet);
    if (!validate) return [`unknown sheet ${sheet}`];
    // ajv reads plain objects; a null-prototype record is copied so its keys are seen the same way.
    const plain = values && typeof values === 'object' ? { ...values } : values;
    return validate(plain) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  };
}
