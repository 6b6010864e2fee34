// The compiled form: json-rules-engine rule JSON referencing facts by name (never `path`), and/or/not
// as all/any/not, fact-vs-fact comparisons, sub-expressions as derived facts, checklists as one rule per entry.
import { describe, expect, it } from 'vitest';
import { compileRuleFile, CompileError } from '../../src/compile/index.ts';
import { calendars, checked, compile, rulesetText } from '../engine/helpers.ts';

const rs = compile(`
rule plan-completed {
  clause A1.18
  severity major
  scope deadline "t"
  quote "q"
  for p in plans
  require p.completed_on <= p.drafted_on + 5 working days and (p.approved_by = head or not (p.approved_on is empty))
  message "x"
}
rule contract {
  clause A1.9
  severity minor
  scope record "t"
  quote "q"
  for k in contracts
  require {
    periodicity: k.periodicity is present
    payment_terms if k.payment_terms is present: 2010-01-01 < k.signed_on
  }
  message "x"
}`, { version: '2009-240-o', from: '2009-09-07' });

describe('compileRuleFile', () => {
  it('emits json-rules-engine conditions with facts by name', () => {
    const json = rs.toJson();
    expect(json.rules[0]).toEqual({
      name: 'residential/plan-completed',
      conditions: { all: [
        { fact: 'p.completed_on', operator: 'dateOnOrBefore', value: { fact: 'p.drafted_on + 5 working days' } },
        { any: [
          { fact: 'p.approved_by', operator: 'eq', value: 'head' },
          { not: { fact: 'p.approved_on', operator: 'isEmpty', value: true } },
        ] },
      ] },
      event: { type: 'compliant', params: { rule: 'residential/plan-completed', clause: 'A1.18', severity: 'major', item: null } },
    });
    expect(JSON.stringify(json)).not.toMatch(/"path"/);
    expect([...rs.rules[0]!.facts.keys()]).toEqual(['p.completed_on', 'p.drafted_on + 5 working days', 'p.approved_by', 'p.approved_on']);
  });
  it('compiles a checklist to one rule per entry, the guard as `any: [not guard, condition]`, literals flipped to the right', () => {
    const json = rs.toJson();
    expect(json.rules.slice(1).map((r) => r.name)).toEqual(['residential/contract#periodicity', 'residential/contract#payment_terms']);
    expect(json.rules[2]!.conditions).toEqual({ any: [
      { not: { fact: 'k.payment_terms', operator: 'isPresent', value: true } },
      { fact: 'k.signed_on', operator: 'dateAfter', value: '2010-01-01' },
    ] });
  });
  it('carries metadata: act label, in-force window, operators', () => {
    const json = rs.toJson();
    expect(json.act).toBe('Order N 240-ө of 2009-07-30');
    expect(json.in_force).toEqual({ from: '2009-09-07', until: null, approximate: false });
    expect(json.operators).toContain('within');
    expect(rs.rules.map((r) => r.needs)).toEqual([
      { sheets: ['plans'], columns: ['approved_by', 'approved_on', 'completed_on', 'drafted_on'].map((column) => ({ sheet: 'plans', column })), caseColumns: [], looksUp: [], makesCases: ['plans'] },
      // The requirement reads the contract's terms; no step does, so none decides which cases exist.
      { sheets: ['contracts'], columns: ['payment_terms', 'periodicity', 'signed_on'].map((column) => ({ sheet: 'contracts', column })), caseColumns: [], looksUp: [], makesCases: ['contracts'] },
    ]);
  });
  it('refuses working days without a loaded calendar', () => {
    const file = checked(rulesetText(`
rule r {
  clause A1.18
  severity major
  scope deadline "t"
  quote "q"
  for p in plans
  require p.completed_on <= p.drafted_on + 5 working days on uz
  message "x"
}`));
    expect(() => compileRuleFile(file, { calendars })).toThrow(CompileError);
    expect(() => compileRuleFile(file, { calendars })).toThrow(/calendar "uz" is not loaded/);
  });
});
