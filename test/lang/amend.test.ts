// Amendments as deltas (src/lang/amend.ts) and the time checks between versions (src/lang/timeline.ts):
// the effective version an amendment makes, each misuse as a located error, and every time check with
// a failing case in kk, ru and en.
import { describe, expect, it } from 'vitest';
import { checkRuleFiles, formatRuleFile, parseRuleFile, renderDiagnostic, type Diagnostic, type RuleFile } from '../../src/lang/index.ts';
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';

const BASE = `ruleset residential version "2009" {
  title en "Model rules"
  applies_to residential
  act { number "240-ө" date 2009-07-30 }
  in_force from 2009-09-07 until 2010-12-06 approximate "repealed by order 394-ө"
  calendar kz
}

table group_size_limit by skill: int {
  quote "6 адамнан"
  none = 6
  self_care = 8
}

rule group-size {
  clause A1.30.5
  severity major
  scope state "groups on the as-of date"
  quote "6 адамнан"

  for g in groups
  let members = count(children c where c.group_id = g.group_id)

  require members <= group_size_limit[g.skill_level]
  subject g.group_id

  message kk "{members}" ru "{members}" en "{members}"

  example "seven" {
    audit 2010-01-01 .. 2010-06-30
    given groups (group_id, age_band, skill_level) {
      row "G-1", "6-8", none
    }
    expect no findings
  }
}

rule id-card-at-16 {
  clause A1.39
  severity minor
  scope state "children aged 16"
  quote "16 толғанда"

  for c in children
  where age_years(c.birth_date, as_of) >= 16

  require c.id_card_issued_on is present

  message kk "a" ru "b" en "c"
}

rule bedroom-one-sex {
  clause A1.13
  severity info
  scope state "bedrooms"
  quote "жынысы"

  for c in children

  require c.sex is present

  message kk "a" ru "b" en "c"
}
`;

const DELTA = `ruleset residential version "2010" amends "residential@2009" {
  act {
    number "999"
    date 2009-12-20
  }
  in_force from 2010-01-01
}

change table group_size_limit {
  quote "5 адамнан"
  none = 5
}

change rule group-size {
  quote "5 адамнан"
}

change rule bedroom-one-sex {
  severity minor

  require c.sex is present and c.bedroom_id is present
}

repeal rule id-card-at-16

rule id-card-at-14 {
  clause A1.39
  severity minor
  scope state "children aged 14"
  quote "14 толғанда"

  for c in children
  where age_years(c.birth_date, as_of) >= 14

  require c.id_card_issued_on is present

  message kk "a"
          ru "b"
          en "c"
}
`;

function parse(text: string, path: string): RuleFile {
  const r = parseRuleFile(text, path);
  if (!r.file) throw new Error(r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.message.en}`).join('\n'));
  return r.file;
}

const check = (...files: [string, string][]) => checkRuleFiles(files.map(([path, text]) => parse(text, path)), WORKBOOK_SCHEMA);
const shown = (ds: readonly Diagnostic[], texts: Record<string, string>, lang: 'kk' | 'ru' | 'en' = 'en') => ds.map((d) => renderDiagnostic(d, texts[d.span.file] ?? '', lang).split('\n')[0]);

describe('an amendment\'s effective version', () => {
  const { checked, diagnostics } = check(['r/2009.ereje', BASE], ['r/2010.ereje', DELTA]);
  const effective = checked.find((c) => c.file.ruleset?.version === '2010')!.file;

  it('checks clean, and is built from the base with the changes applied', () => {
    expect(diagnostics).toEqual([]);
    expect(checked.map((c) => `${c.file.ruleset!.id}@${c.file.ruleset!.version}`)).toEqual(['residential@2009', 'residential@2010']);
    expect(effective.path).toBe('r/2010.ereje');
    expect(effective.rules.map((r) => r.name)).toEqual(['group-size', 'bedroom-one-sex', 'id-card-at-14']);
    expect(Object.fromEntries(effective.amendment!.origin)).toEqual({ 'group-size': 'changed', 'bedroom-one-sex': 'changed', 'id-card-at-14': 'added' });
    expect(effective.amendment!.repealed.map((r) => `${r.clause} ${r.name}`)).toEqual(['A1.39 id-card-at-16']);
  });

  it('takes the header from the amendment, and what it does not say from the base', () => {
    const rs = effective.ruleset!;
    expect([rs.act.number, rs.inForce.from?.iso, rs.inForce.until, rs.appliesTo, rs.title.en, rs.calendar]).toEqual(['999', '2010-01-01', null, 'residential', 'Model rules', 'kz']);
    expect(rs.supersedes).toEqual(['residential@2009']);
  });

  it('replaces only the parts a change gives', () => {
    const bedroom = effective.rules.find((r) => r.name === 'bedroom-one-sex')!;
    const base = checked[0]!.file.rules.find((r) => r.name === 'bedroom-one-sex')!;
    expect(bedroom.severity).toBe('minor');
    expect(bedroom.quote).toBe('жынысы');
    expect(bedroom.steps).toBe(base.steps);
    expect(bedroom.require).not.toBe(base.require);
    const group = effective.rules.find((r) => r.name === 'group-size')!;
    expect([group.quote, group.quoteSpan.file, group.severity]).toEqual(['5 адамнан', 'r/2010.ereje', 'major']);
    // Examples are inherited when a change gives none of its own.
    expect(group.examples.map((e) => e.name)).toEqual(['seven']);
  });

  it('applies a changed table value, keeping the others, with the new quote', () => {
    const t = checked.find((c) => c.file === effective)!.tables.get('group_size_limit')!;
    expect(t.entries.map((e) => `${e.key}=${e.value && 'value' in e.value ? String(e.value.value) : '_'}`)).toEqual(['none=5', 'self_care=8']);
    expect(t.quote).toBe('5 адамнан');
  });

  it('formats as written: rules fmt keeps the delta a delta', () => {
    const formatted = formatRuleFile(DELTA, 'r/2010.ereje');
    expect('text' in formatted && formatted.text).toBe(DELTA);
  });
});

describe('misused amendments are located errors', () => {
  const codes = (r: { diagnostics: readonly Diagnostic[] }) => r.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.line}:${d.span.col}`);

  it('a change or repeal of a rule the base does not have, with a suggestion', () => {
    const text = DELTA.replace('change rule group-size', 'change rule group-sise').replace('repeal rule id-card-at-16', 'repeal rule id-card-at-61');
    const r = check(['r/2009.ereje', BASE], ['r/2010.ereje', text]);
    expect(codes(r)).toEqual(['amends-unknown-rule r/2010.ereje:14:13', 'amends-unknown-rule r/2010.ereje:24:13']);
    expect(r.diagnostics[0]!.message.en).toBe("residential@2009 has no rule 'group-sise' to change (did you mean 'group-size'?)");
    expect(r.diagnostics[1]!.message.kk).toBe("residential@2009 ішінде 'id-card-at-61' ережесі жоқ ('id-card-at-16' болуы мүмкін бе?)");
  });

  it('a new rule under a name the base has: it says to write change rule', () => {
    const text = DELTA.replace('rule id-card-at-14 {', 'rule id-card-at-16 {').replace('repeal rule id-card-at-16\n', '');
    const r = check(['r/2009.ereje', BASE], ['r/2010.ereje', text]);
    expect(codes(r)).toEqual(['amends-rule-exists r/2010.ereje:25:1']);
    expect(r.diagnostics[0]!.message.en).toContain("write 'change rule id-card-at-16 { … }' with the parts that change");
  });

  it('a changed table value without its new quote', () => {
    const r = check(['r/2009.ereje', BASE], ['r/2010.ereje', DELTA.replace('  quote "5 адамнан"\n  none = 5', '  none = 5')]);
    expect(codes(r)).toEqual(['amends-table-quote r/2010.ereje:9:14']);
    expect(r.diagnostics[0]!.message.ru).toContain('измененное значение таблицы приводится с новой цитатой');
  });

  it('change and repeal outside an amendment', () => {
    const r = check(['r/2009.ereje', `${BASE}\nrepeal rule bedroom-one-sex\n`]);
    expect(codes(r)).toEqual(['not-an-amendment r/2009.ereje:65:1']);
  });

  it('a base that is not among the files, of another ruleset, or a cycle', () => {
    const missing = check(['r/2010.ereje', DELTA]);
    expect(codes(missing)).toEqual(['amends-missing r/2010.ereje:1:43']);
    expect(shown(missing.diagnostics, { 'r/2010.ereje': DELTA }, 'en')).toEqual([
      'r/2010.ereje:1:43: error: residential@2009, which this file amends, is not among the rule files checked (versions of residential found: —); check the two folders together',
    ]);
    const other = check(['r/2009.ereje', BASE], ['r/2010.ereje', DELTA.replace('amends "residential@2009"', 'amends "home-care@2009"')]);
    expect(codes(other)).toContain('amends-other-ruleset r/2010.ereje:1:43');
    const a = DELTA.replace('version "2010" amends "residential@2009"', 'version "2010" amends "residential@2011"');
    const b = DELTA.replace('version "2010" amends "residential@2009"', 'version "2011" amends "residential@2010"').replace('2010-01-01', '2011-01-01');
    const cycle = check(['r/2010.ereje', a], ['r/2011.ereje', b]);
    expect(cycle.diagnostics.some((d) => d.code === 'amends-cycle')).toBe(true);
    expect(cycle.checked).toEqual([]);
  });

  it('an amendment without the day it takes effect', () => {
    const r = parseRuleFile(DELTA.replace('  in_force from 2010-01-01\n', ''), 'r/2010.ereje');
    expect(r.diagnostics.map((d) => d.message.en)).toEqual(["an amendment needs 'in_force from': the day the amending order takes effect"]);
  });

  it('an inherited rule that no longer fits the amended version is reported once, where it is written', () => {
    // The change replaces the steps, and the `let` that the base's requirement and message use is gone.
    const text = DELTA.replace('change rule group-size {\n  quote "5 адамнан"\n}', 'change rule group-size {\n  for g in groups\n}');
    const r = check(['r/2009.ereje', BASE], ['r/2010.ereje', text]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.line}`)).toEqual(['unknown-name r/2009.ereje:24', 'unknown-placeholder r/2009.ereje:27']);
    expect(r.checked.map((c) => c.file.ruleset!.version)).toEqual(['2009']);
  });
});

describe('time checks between versions', () => {
  const V2 = (header: string) => `ruleset residential version "2011" ${header}
rule r {
  clause A1.2
  severity major
  scope state "s"
  quote "q"

  require yes

  message kk "a" ru "b" en "c"
}
`;
  const header = (inForce: string, link = '') => `{
  title en "T"
  applies_to residential
  act { number "1" date 2010-06-01 }
  ${inForce}
  ${link}
}`;
  const run = (second: string) => {
    const texts = { 'r/2009.ereje': BASE, 'r/2011.ereje': second };
    const r = check(['r/2009.ereje', BASE], ['r/2011.ereje', second]);
    return { r, en: shown(r.diagnostics, texts, 'en'), ru: shown(r.diagnostics, texts, 'ru'), kk: shown(r.diagnostics, texts, 'kk') };
  };

  it('a successor may start while its predecessor\'s own until still runs (it ends the predecessor): no error', () => {
    expect(run(V2(header('in_force from 2010-06-01', 'supersedes "residential@2009"'))).r.diagnostics).toEqual([]);
    expect(check(['r/2009.ereje', BASE], ['r/2010.ereje', DELTA]).diagnostics).toEqual([]);
  });

  it('two versions in force on the same day, neither amending nor superseding the other', () => {
    const { r, en, ru, kk } = run(V2(header('in_force from 2010-06-01 until 2011-12-31', 'supersedes "residential@2005-306-o"')));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['timeline-overlap']);
    expect(en).toEqual([`r/2011.ereje:5:17: error: residential@2011 (in force 2010-06-01 .. 2011-12-31) and residential@2009 (2009-09-07 .. ≈2010-12-06) are both in force 2010-06-01 .. 2010-12-06: a new version says which one it amends ('amends "residential@2009"' after its version) or supersedes ('supersedes "residential@2009"'), or the two periods must not overlap`]);
    expect(ru[0]).toContain('r/2011.ereje:5:17: error: residential@2011 (действует 2010-06-01 .. 2011-12-31) и residential@2009 (2009-09-07 .. ≈2010-12-06) действуют одновременно 2010-06-01 .. 2010-12-06');
    expect(kk[0]).toContain('r/2011.ereje:5:17: error: residential@2011 (2010-06-01 .. 2011-12-31 күшінде) және residential@2009 (2009-09-07 .. ≈2010-12-06) 2010-06-01 .. 2010-12-06 аралығында қатар күшінде');
  });

  it('a gap between a version\'s until and its successor\'s from', () => {
    const { r, en, ru, kk } = run(V2(header('in_force from 2011-02-01', 'supersedes "residential@2009"')));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['timeline-gap']);
    expect(en).toEqual(['r/2011.ereje:5:17: error: no version of residential is in force 2010-12-07 .. 2011-01-31: residential@2009 ends ≈2010-12-06 and residential@2011, which supersedes it, starts 2011-02-01; correct the dates, or say which version applies between']);
    expect(ru[0]).toContain('с 2010-12-07 по 2011-01-31 не действует ни одна версия residential');
    expect(kk[0]).toContain('2010-12-07 .. 2011-01-31 аралығында residential ешбір нұсқасы күшінде емес');
  });

  it('a successor that starts before its predecessor', () => {
    const delta = DELTA.replace('in_force from 2010-01-01', 'in_force from 2009-06-01 approximate "a guess"');
    const texts = { 'r/2009.ereje': BASE, 'r/2010.ereje': delta };
    const r = check(['r/2009.ereje', BASE], ['r/2010.ereje', delta]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['timeline-order']);
    expect(shown(r.diagnostics, texts, 'en')).toEqual(['r/2010.ereje:6:17: error: residential@2010 takes effect ≈2009-06-01, not after the version it amends, residential@2009 (in force from 2009-09-07): a successor starts after its predecessor']);
    expect(shown(r.diagnostics, texts, 'ru')[0]).toContain('residential@2010 вступает в силу ≈2009-06-01, не позже версии, которую изменяет, residential@2009');
    expect(shown(r.diagnostics, texts, 'kk')[0]).toContain('residential@2010 ≈2009-06-01 күшіне енеді');
  });

  it('an amendment whose base does not exist, in the three languages', () => {
    const texts = { 'r/2010.ereje': DELTA };
    const r = check(['r/2010.ereje', DELTA]);
    expect(shown(r.diagnostics, texts, 'ru')).toEqual(['r/2010.ereje:1:43: error: residential@2009, которую изменяет этот файл, нет среди проверяемых файлов правил (найденные версии residential: —); проверяйте обе папки вместе']);
    expect(shown(r.diagnostics, texts, 'kk')).toEqual(['r/2010.ereje:1:43: error: бұл файл өзгертетін residential@2009 тексерілетін ереже файлдарының арасында жоқ (residential табылған нұсқалары: —); екі қалтаны бірге тексеріңіз']);
  });
});
