import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRuleFiles, checkRulePack, parseRuleFile, type Expr, type RuleFile } from '../../src/lang/index.ts';
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';
import type { WorkbookSchema } from '../../src/schema/types.ts';

const HEADER = `ruleset residential version "t" {
  title en "T"
  applies_to residential
  act { number "1" date 2009-07-30 }
}
`;
const parse = (text: string, path = 'rules/a.ereje'): RuleFile => {
  const r = parseRuleFile(text, path);
  if (!r.file) throw new Error(r.diagnostics.map((d) => d.message.en).join('\n'));
  return r.file;
};

describe('checkRuleFiles', () => {
  it('records what each rule reads and every expression type', () => {
    const file = parse(`${HEADER}
table limit by skill: int { none = 6 self_care = 8 household = 10 manual = 12 }
rule group-size {
  clause A1.30.5 severity major scope state quote "q"
  for g in groups
  let members = count(children c where c.group_id = g.group_id)
  require members <= limit[g.skill_level]
  message kk "{members}" ru "{members}" en "{members}"
}`);
    const { checked, diagnostics } = checkRuleFiles([file], WORKBOOK_SCHEMA);
    expect(diagnostics).toEqual([]);
    const needs = checked[0].needs.get('group-size')!;
    expect([...needs.sheets].sort()).toEqual(['children', 'groups']);
    expect([...needs.columns].sort()).toEqual(['children.group_id', 'groups.group_id', 'groups.skill_level']);
    expect([...needs.tables]).toEqual(['limit']);
    expect([...checked[0].tables.keys()]).toEqual(['limit']);
    const let0 = file.rules[0].steps[1] as { value: Expr };
    expect(checked[0].types.get(let0.value)).toEqual({ t: 'int' });
    const require = file.rules[0].require as { condition: Expr & { kind: 'Compare' } };
    expect(checked[0].types.get(require.condition.right)).toEqual({ t: 'int' });
  });

  it('resolves imports relative to the importing file and reports a missing table', () => {
    const params = parse('table norms by role: number { head = 1 }', 'rules/kz/params/norms.ereje');
    const rules = parse(`${HEADER}
import table norms from "../params/norms.ereje"
import table other from "../params/norms.ereje"
rule r {
  clause A1.43 severity major scope state quote "q"
  require norms[head] >= 1
  message kk "a" ru "b" en "c"
}`, 'rules/kz/residential/v.ereje');
    const { checked, diagnostics } = checkRuleFiles([params, rules], WORKBOOK_SCHEMA);
    expect(diagnostics.map((d) => d.message.en)).toEqual(["rules/kz/params/norms.ereje has no table 'other'"]);
    expect(checked.map((c) => c.file.path)).toEqual(['rules/kz/params/norms.ereje']);
  });

  it('reports a rule id declared in two files of one ruleset version', () => {
    const rule = `rule same {
  clause A1.2 severity major scope state quote "q"
  require yes
  message kk "a" ru "b" en "c"
}`;
    const { diagnostics } = checkRuleFiles([parse(HEADER + rule, 'a.ereje'), parse(HEADER.replace('"t"', '"u"') + rule, 'b.ereje'), parse(HEADER + rule, 'c.ereje')], WORKBOOK_SCHEMA);
    // Versions t and u, neither dated nor linked, are also both in force at once.
    expect(diagnostics.map((d) => d.code)).toEqual(['timeline-overlap', 'duplicate-ruleset', 'duplicate-rule']);
  });

  it('checks against the schema it is given (a column missing there is unknown)', () => {
    const tiny: WorkbookSchema = {
      enums: [],
      sheets: [{ id: 'rooms', labels: { en: 'rooms', kk: 'к', ru: 'к' }, kinds: ['residential'], help: { en: '', kk: '', ru: '' },
        columns: [{ id: 'room_id', type: 'id', labels: { en: 'room_id', kk: 'к', ru: 'к' }, help: { en: '', kk: '', ru: '' } }] }],
    };
    const file = parse(`${HEADER}
rule passports {
  clause A1.30.13 severity minor scope state quote "q"
  for r in rooms
  require r.passport = yes
  message kk "a" ru "b" en "c"
}`);
    const { diagnostics } = checkRuleFiles([file], tiny);
    expect(diagnostics.map((d) => d.message.en)).toEqual(["sheet rooms has no column 'passport'"]);
  });
});

describe('checkRulePack', () => {
  it('parses and checks all sources and runs later stages as hooks', () => {
    const good = { path: 'a.ereje', text: `${HEADER}rule r {\n  clause A1.2 severity major scope state quote "q"\n  require yes\n  message kk "a" ru "b" en "c"\n}\n` };
    const bad = { path: 'b.ereje', text: 'rule {' };
    const seen: number[] = [];
    const result = checkRulePack([good, bad], WORKBOOK_SCHEMA, [(r) => {
      seen.push(r.checked.length);
      return [{ severity: 'warning', code: 'hook', span: r.parsed[0].span, message: { en: 'from a hook', ru: 'из хука', kk: 'хуктан' } }];
    }]);
    expect(seen).toEqual([1]);
    expect(result.ruleCount).toBe(1);
    expect(result.diagnostics[0].code).toBe('hook');
    expect(result.diagnostics.slice(1).every((d) => d.span.file === 'b.ereje' && d.code === 'syntax')).toBe(true);
  });

  // `ereje rules check rules /tmp/amendment`: the base and its parameter file are named relative to the
  // working folder, the amendment by an absolute path (and the other way round). The base's imports,
  // inherited by the merged amendment, still name the parameter file.
  it.each([
    ['an amendment outside the working folder', 'rules/kz/mlsp-306-o', '/tmp/elsewhere'],
    ['a base outside the working folder', '/srv/rules/kz/mlsp-306-o', 'fixtures/amendment'],
  ])('resolves the base\'s imports for %s', (_, packDir, amendmentDir) => {
    const source = (from: string, path: string) => ({ path, text: readFileSync(from, 'utf8') });
    const result = checkRulePack([
      source('rules/kz/mlsp-306-o/residential/2009-240-o.ereje', `${packDir}/residential/2009-240-o.ereje`),
      source('rules/kz/mlsp-306-o/params/staffing-norms-26-o.ereje', `${packDir}/params/staffing-norms-26-o.ereje`),
      source('test/fixtures/amendment/residential/2010-test-amendment.ereje', `${amendmentDir}/residential/2010-test-amendment.ereje`),
    ], WORKBOOK_SCHEMA);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span.file}: ${d.message.en}`)).toEqual([]);
    expect(result.checked.map((c) => c.file.path)).toContain(`${amendmentDir}/residential/2010-test-amendment.ereje`);
  });
});
