// Test helpers: rule text → compiled ruleset, small workbooks → typed tables, and evaluation in both
// modes with the differential assertion (fast must equal reference).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseCalendar, type WorkingDayCalendar } from '../../src/calendar/index.ts';
import { compileRuleFile, type CompiledRuleset } from '../../src/compile/index.ts';
import { parseDateText } from '../../src/core/date.ts';
import { evaluate, type Evaluation } from '../../src/engine/index.ts';
import { typeTables, type RawCell } from '../../src/ingest/index.ts';
import type { IngestedWorkbook } from '../../src/ingest/types.ts';
import type { CheckedRuleFile } from '../../src/lang/ast.ts';
import { checkRuleFiles, parseRuleFile } from '../../src/lang/index.ts';
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';

export const kz: WorkingDayCalendar = parseCalendar(JSON.parse(readFileSync(new URL('../../rules/calendars/kz.json', import.meta.url), 'utf8')));
export const calendars = new Map([['kz', kz]]);
export const day = (s: string): number => parseDateText(s)!;

/** The ruleset header every test file shares; `body` holds tables and rules. */
export function rulesetText(body: string, opts: { id?: string; version?: string; from?: string; until?: string; kind?: string } = {}): string {
  const until = opts.until ? ` until ${opts.until}` : '';
  return `ruleset ${opts.id ?? 'residential'} version "${opts.version ?? 'v1'}" {
  title en "Test rules"
  applies_to ${opts.kind ?? 'residential'}
  act { issuer en "Minister" number "240-ө" date 2009-07-30 title en "Test act" }
  in_force from ${opts.from ?? '2009-01-01'}${until}
  calendar kz
}
${body}`;
}

/** Parse and check rule text with the real front end (src/lang); any error diagnostic fails the test. */
export function checked(text: string, path = 'test.ereje'): CheckedRuleFile {
  const parsed = parseRuleFile(text, path);
  const result = parsed.file ? checkRuleFiles([parsed.file], WORKBOOK_SCHEMA) : { checked: [], diagnostics: [] };
  const errors = [...parsed.diagnostics, ...result.diagnostics].filter((d) => d.severity === 'error');
  if (!parsed.file || errors.length > 0) throw new Error(errors.map((d) => `${d.span.line}:${d.span.col} ${d.message.en}`).join('\n'));
  return result.checked[0]!;
}

export function compile(text: string, opts?: Parameters<typeof rulesetText>[1]): CompiledRuleset {
  return compileRuleFile(checked(rulesetText(text, opts)), { calendars });
}

type Sheet = { readonly header: readonly string[]; readonly rows: readonly (readonly RawCell[])[] };

/** A workbook from sheets written as header + rows (canonical ids; dates as ISO text). */
export function workbook(sheets: Record<string, Sheet>, facility: Partial<Record<string, RawCell>> = {}): IngestedWorkbook {
  const f = { facility_id: 'F-1', name: 'Test facility', kind: 'residential', ownership: 'state', period_from: '2010-01-01', period_to: '2010-12-31', ...facility };
  const raw = [
    { name: 'facility', header: Object.keys(f), rows: [Object.values(f) as RawCell[]], headerRow: 1 },
    ...Object.entries(sheets).map(([name, s]) => ({ name, header: [...s.header], rows: s.rows.map((r) => [...r]), headerRow: 1 })),
  ];
  return typeTables(raw);
}

/** Evaluates in both modes, asserts they agree, and returns the evaluation. */
export async function evaluateBoth(rulesets: readonly CompiledRuleset[], wb: IngestedWorkbook, asOf?: string): Promise<Evaluation> {
  const opts = asOf ? { asOf: day(asOf) } : {};
  const fast = await evaluate(rulesets, wb, { ...opts, mode: 'fast' });
  const reference = await evaluate(rulesets, wb, { ...opts, mode: 'reference' });
  expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
  return fast;
}

/** (subject, period, item) triples of the findings, the way examples state expectations. */
export const keys = (e: Evaluation): string[] => e.findings.map((f) => [f.subject, f.period ?? '-', f.item ?? '-'].join(' '));
