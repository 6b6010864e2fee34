// A JSON report read back (a baseline, the two sides of `ereje diff`) is checked against the report's
// JSON Schema before anything trusts it: a hand-edited file or one written by an older ereje is refused
// with the first thing that is wrong, not misread.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { REPORT_SCHEMA_ID, type AuditReport } from './types.ts';

export { REPORT_SCHEMA_ID };

let validator: ValidateFunction<AuditReport> | null = null;

function compiled(): ValidateFunction<AuditReport> {
  if (validator !== null) return validator;
  const schema = JSON.parse(readFileSync(new URL('../../reports/audit-report.schema.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  (addFormatsModule as unknown as (a: Ajv2020) => Ajv2020)(ajv);
  validator = ajv.compile<AuditReport>(schema);
  return validator;
}

export type ReportCheck =
  | { readonly ok: true; readonly report: AuditReport }
  /** `schema`: the file names another report schema (or none); `invalid`: the first place the file breaks the schema. */
  | { readonly ok: false; readonly problem: 'not-a-report' | 'other-schema' | 'invalid'; readonly detail: string };

/** Checks parsed JSON against reports/audit-report.schema.json. */
export function checkReport(json: unknown): ReportCheck {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'not-a-report', detail: 'not a JSON object' };
  const schema = (json as { schema?: unknown }).schema;
  if (schema === undefined) return { ok: false, problem: 'not-a-report', detail: 'no "schema" field' };
  if (schema !== REPORT_SCHEMA_ID) return { ok: false, problem: 'other-schema', detail: typeof schema === 'string' ? schema : JSON.stringify(schema) };
  const validate = compiled();
  if (validate(json)) return { ok: true, report: json };
  const e = validate.errors?.[0];
  const where = e?.instancePath ? e.instancePath : '/';
  const what = e === undefined ? 'does not match the schema'
    : e.keyword === 'required' ? `lacks "${(e.params as { missingProperty: string }).missingProperty}"`
    : e.keyword === 'additionalProperties' ? `has an unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`
    : (e.message ?? 'does not match the schema');
  return { ok: false, problem: 'invalid', detail: `${where} ${what}` };
}
