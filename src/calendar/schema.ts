// JSON Schema of a working-day calendar file (rules/calendars/<name>.json), validated with ajv.
export const CALENDAR_JSON_SCHEMA = {
  type: 'object',
  required: ['name', 'coverage', 'weekend', 'years'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    note: { type: 'string' },
    coverage: {
      type: 'object', required: ['from', 'to'], additionalProperties: false,
      properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
    },
    weekend: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, uniqueItems: true },
    years: {
      type: 'object',
      propertyNames: { pattern: '^[0-9]{4}$' },
      additionalProperties: {
        type: 'object', additionalProperties: false,
        required: ['holidays', 'substitutes', 'transfers'],
        properties: {
          note: { type: 'string' },
          holidays: { type: 'array', items: {
            type: 'object', required: ['date', 'name', 'source'], additionalProperties: false,
            properties: { date: { type: 'string', format: 'date' }, name: { type: 'string' }, source: { type: 'string', minLength: 1 } },
          } },
          substitutes: { type: 'array', items: {
            type: 'object', required: ['date', 'for', 'source'], additionalProperties: false,
            properties: { date: { type: 'string', format: 'date' }, for: { type: 'string', format: 'date' }, source: { type: 'string', minLength: 1 } },
          } },
          transfers: { type: 'array', items: {
            type: 'object', required: ['date', 'becomes', 'source'], additionalProperties: false,
            properties: {
              date: { type: 'string', format: 'date' },
              becomes: { enum: ['day_off', 'working_day'] },
              source: { type: 'string', minLength: 1 },
            },
          } },
        },
      },
    },
  },
} as const;

export interface CalendarFile {
  readonly name: string;
  readonly title?: string;
  readonly note?: string;
  readonly coverage: { readonly from: string; readonly to: string };
  readonly weekend: readonly number[];
  readonly years: Readonly<Record<string, {
    readonly note?: string;
    readonly holidays: readonly { readonly date: string; readonly name: string; readonly source: string }[];
    readonly substitutes: readonly { readonly date: string; readonly for: string; readonly source: string }[];
    readonly transfers: readonly { readonly date: string; readonly becomes: 'day_off' | 'working_day'; readonly source: string }[];
  }>>;
}
