// A lawyer writes what the workbook's headings say; the error names the Latin id to write instead, in
// each language, and only where a name goes (after `kk` the text just lacks its quotes).
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/lang/index.ts';

const file = (require: string) => `ruleset residential version "t" {
  title kk "Балалар"
  applies_to residential
  act { number "240-ө" date 2009-07-30 }
}
rule r {
  clause A1.35
  severity major
  scope record en "referrals"
  quote "жіберу"
  for r in referrals
  require ${require}
  subject r.child_id
}
`;
const first = (text: string) => parseRuleFile(text, 'r.ereje').diagnostics[0]!.message;

describe('workbook labels written as names', () => {
  it('a Russian column heading names the column id, in en, ru and kk', () => {
    const m = first(file('r.С <= r.from + 1 years'));
    expect(m.en).toBe("'С' is the workbook's heading of column from (sheets leaves, referrals, suspensions): in a rule file write from");
    expect(m.ru).toContain('заголовок столбца from');
    expect(m.kk).toContain('from деп жазыңыз');
  });

  it('a Kazakh heading of two words is found whole', () => {
    expect(first(file('r.Жазбаша міндеттеме = yes')).en).toContain('column written_commitment (sheet referrals)');
  });

  it('a Kazakh sheet name after in names the sheet id', () => {
    expect(first(file('r.to <= r.from').replace('for r in referrals', 'for r in Басқа ұйымға жіберу')).en)
      .toBe("'Басқа ұйымға жіберу' is the workbook's name of sheet referrals: in a rule file write referrals");
  });

  it('words that are no label keep the general message', () => {
    expect(first(file('r.Қандайда бір = yes')).en).toMatch(/^unexpected letters 'Қандайда бір': Kazakh/);
  });

  it('a label where a text goes is a text without quotes, not a name', () => {
    expect(first(file('r.to <= r.from').replace('title kk "Балалар"', 'title kk Балалар')).en)
      .toMatch(/^unexpected letters 'Балалар': Kazakh and Russian text belongs inside quotes/);
  });
});
