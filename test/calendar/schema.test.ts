// The calendar file's JSON Schema is compiled without checking it against JSON Schema's meta-schema
// (that check cost more than the compilation, on every `rules check`): it is checked here instead.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CALENDAR_JSON_SCHEMA } from '../../src/calendar/schema.ts';

describe('the calendar file schema', () => {
  it('is a valid JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true });
    expect(ajv.validateSchema(CALENDAR_JSON_SCHEMA)).toBe(true);
    expect(ajv.errors ?? null).toBeNull();
  });

  it('is refused by the meta-schema when it is not one (the check above can fail)', () => {
    expect(new Ajv().validateSchema({ ...CALENDAR_JSON_SCHEMA, type: 'no-such-type' })).toBe(false);
  });
});
