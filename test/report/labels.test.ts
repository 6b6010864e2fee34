// Codes in the report's own words: labels from src/schema in the report's language, the code after them.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import { LANGS } from '../../src/core/lang.ts';
import { buildReport } from '../../src/report/build.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { columnText, enumText, itemText, labelled, sheetText, subjectText } from '../../src/report/labels.ts';
import { consolidateNotEvaluated, verdictLine } from '../../src/report/view.ts';
import { enumLabel } from '../../src/schema/index.ts';
import { L, evaluation, workbook } from './fixtures.ts';

describe('labels', () => {
  it('show an enum value by its label in the report language, the code in parentheses', () => {
    expect(enumText('kind', 'home_care', 'kk')).toBe('үйде қызмет көрсету (home_care)');
    expect(enumText('ownership', 'private', 'ru')).toBe('частная (private)');
    expect(enumText('season', 'autumn_winter', 'ru')).toBe('осень-зима (autumn_winter)');
    expect(enumText('kind', 'no_such_kind', 'kk')).toBe('no_such_kind');
    // Whatever English label the schema gives, no bare snake_case code stands in an English sentence.
    expect(enumText('kind', 'home_care', 'en')).toMatch(/^[^_]+ \(home_care\)$/);
    expect(labelled('residential', 'residential', 'en')).toBe('residential');
  });

  it('label items: document codes, contract terms (columns), alternatives and several parts', () => {
    expect(itemText('pmpk_conclusion', 'kk')).toBe(`${enumLabel('document', 'pmpk_conclusion', 'kk')} (pmpk_conclusion)`);
    expect(itemText('responsibilities', 'ru', ['contracts'])).toBe('Ответственность сторон (responsibilities)');
    expect(itemText('parent_application|medical_org_petition', 'ru'))
      .toBe('заявление родителей (parent_application) или ходатайство медицинской организации (medical_org_petition)');
    expect(itemText('9', 'kk')).toBe('9');
    expect(itemText('autumn_winter/9', 'kk')).toBe('күз-қыс (autumn_winter) / 9');
    // `other` is a value of several enums: the one a cited sheet reads wins.
    expect(itemText('other', 'ru', ['rooms'])).toBe(`${enumLabel('room_purpose', 'other', 'ru')} (other)`);
  });

  it('label a subject that is a code (a season, a role) and leave ids as they are', () => {
    expect(subjectText('autumn_winter', 'kk')).toBe('күз-қыс (autumn_winter)');
    expect(subjectText('methodologist', 'ru')).toBe('методист (methodologist)');
    expect(subjectText('R-02', 'kk')).toBe('R-02');
    expect(subjectText('MAU-01', 'ru')).toBe('MAU-01');
  });

  it('name sheets and columns by their contract names', () => {
    expect(sheetText('health_log', 'kk')).toBe('Денсаулық күнделігі');
    expect(sheetText('health_log', 'en')).toBe('health_log');
    expect(columnText('children', 'birth_date', 'ru')).toBe('Дата рождения (birth_date)');
  });
});

describe('rules not evaluated and the verdict line', () => {
  const uncovered = (rule: string, clause: string, child: string, date: string) => ({
    rule, clause, subject: child, cause: 'rule_pack' as const,
    reason: {
      kk: `${child}: күні ${date} — ол кезде ереже пакетіндегі осы ережелердің бірде-бір нұсқасы күшінде болмаған (нұсқалар: ≈2009-09-07 – ≈2010-12-06); кейінгі мәтін бойынша бағаланбайды`,
      ru: `${child}: дата ${date} — тогда не действовала ни одна версия этих правил из пакета (версии: ≈2009-09-07 – ≈2010-12-06); по более позднему тексту не оценивается`,
      en: `${child}: dated ${date}, when no version of this ruleset in the rule pack was in force (versions: ≈2009-09-07 – ≈2010-12-06); not judged by a later text`,
    },
  });
  const notEvaluated = [
    uncovered('residential/admission-age', 'A1.2', 'R-08', '2005-11-14'), uncovered('residential/admission-age', 'A1.2', 'R-12', '2005-06-01'),
    uncovered('residential/admission-documents-budget', 'A1.8', 'R-08', '2005-11-14'), uncovered('residential/admission-documents-budget', 'A1.8', 'R-12', '2005-06-01'),
    uncovered('residential/plan-approval', 'A1.18', 'R-12', '2009-07-11'),
    { rule: 'residential/staffing-norms', clause: 'A1.43', reason: L('parameter table staffing_norms has no value for methodologist'), cause: 'rule_pack' as const },
  ];

  it.each(LANGS)('merge per rule, naming each subject with what sets it apart (%s)', (lang) => {
    const r = buildReport({ workbook: workbook({ errors: [] }), evaluation: evaluation({ findings: [], notEvaluated }), asOf: dayNumber(2010, 10, 31), lang, version: '0' });
    expect(r.not_evaluated).toHaveLength(6);
    const merged = consolidateNotEvaluated(r.not_evaluated);
    // A1.2 and A1.8 name the same children for the same reason: one line.
    // What sets each apart goes beside it with its lead word, so the reason has no `…` to puzzle over.
    const dated = { kk: 'күні', ru: 'дата', en: 'dated' }[lang];
    expect(merged.map((n) => [n.clauses, n.subjects])).toEqual([
      [['A1.2', 'A1.8'], [`R-08 (${dated} 2005-11-14)`, `R-12 (${dated} 2005-06-01)`]],
      [['A1.18'], ['R-12']],
      [['A1.43'], []],
    ]);
    expect(merged[0]!.rules).toEqual(['residential/admission-age', 'residential/admission-documents-budget']);
    expect(merged[0]!.reason).toBe({
      kk: 'ол кезде ереже пакетіндегі осы ережелердің бірде-бір нұсқасы күшінде болмаған (нұсқалар: ≈2009-09-07 – ≈2010-12-06); кейінгі мәтін бойынша бағаланбайды',
      ru: 'тогда не действовала ни одна версия этих правил из пакета (версии: ≈2009-09-07 – ≈2010-12-06); по более позднему тексту не оценивается',
      en: 'when no version of this ruleset in the rule pack was in force (versions: ≈2009-09-07 – ≈2010-12-06); not judged by a later text',
    }[lang]);
    expect(merged[1]!.reason).toMatch(/2009-07-11/);
    // The verdict says what the gaps are: a rule the pack cannot evaluate, and subjects whose cases no version covers.
    const w = reportWords(lang);
    expect(verdictLine(r, w, lang)).toBe(`${w.verdict.compliant} — ${w.verdictNoFindings}; ${w.verdictRulePack('A1.43')}; ${w.verdictUncovered('R-08, R-12', 'A1.2, A1.8, A1.18')}`);
  });

  it('a longer lead stays in the reason, with … for what each subject has beside it', () => {
    const entry = (subject: string, day: string) => ({
      rule: 'residential/daily-health-log', clause: 'A1.28.5', subject, cause: 'workbook' as const,
      reason: `${subject}: rows of the health log on ${day} were rejected; correct them and audit again`,
    });
    const [merged] = consolidateNotEvaluated([entry('R-01', '2010-01-05'), entry('R-02', '2010-02-11')]);
    expect(merged!.subjects).toEqual(['R-01 (2010-01-05)', 'R-02 (2010-02-11)']);
    expect(merged!.reason).toBe('rows of the health log on … were rejected; correct them and audit again');
  });
});
