// What a finding says, in each language: enum codes read as their labels (English too), items as labels
// (an enum value's, a column's in words, or the rule's own `item` label), and a rule's note in each language.
import { describe, expect, it } from 'vitest';
import { compile, evaluateBoth, workbook } from '../engine/helpers.ts';

const HEAD = (clause = 'A1.27.2') => `clause ${clause}\n  severity major\n  scope state "test"\n  quote "q"`;

describe('placeholders of enum values', () => {
  const rs = compile(`
rule seasonal-menu {
  ${HEAD()}
  note kk "Мәзір күні басшы бекіткен жолмен саналады."
       ru "День меню засчитывается по строке, утвержденной руководителем."
       en "A day counts when a row for it is approved by the head."
  for s in [spring_summer, autumn_winter]
  require exists(menus m where m.season = s and m.approved_by = head)
  subject s
  actual "{s}"
  message kk "«{s}» мәзірі жоқ" ru "Нет меню «{s}»" en "No {s} menu"
}
rule bedroom-sexes {
  ${HEAD('A1.13')}
  for b in distinct(children c where c.bedroom_id is present : c.bedroom_id)
  let sexes = distinct(children c where c.bedroom_id = b and c.sex is present : c.sex)
  require length(sexes) <= 1
  subject b
  actual "{sexes}"
  message "{b}: {sexes}"
}`);
  const wb = workbook({
    menus: { header: ['menu_kind', 'season', 'day_no', 'approved_by'], rows: [['seasonal_14_day', 'spring_summer', 1, 'head']] },
    children: { header: ['child_id', 'birth_date', 'admitted_on', 'funding', 'sex', 'bedroom_id'], rows: [
      ['C-1', '2003-01-01', '2009-01-10', 'budget', 'm', 'B-1'], ['C-2', '2003-01-01', '2009-01-10', 'budget', 'f', 'B-1']] },
  });

  it('shows a season from a list of codes by its label in kk, ru and en; the subject stays the code', async () => {
    const ev = await evaluateBoth([rs], wb);
    const menu = ev.findings.find((f) => f.rule.endsWith('/seasonal-menu'))!;
    expect(menu.subject).toBe('autumn_winter');
    expect(menu.message).toEqual({ kk: '«күз-қыс» мәзірі жоқ', ru: 'Нет меню «осень-зима»', en: 'No autumn-winter menu' });
    expect(menu.actual.en).toBe('autumn-winter');
    expect(rs.rules.find((r) => r.name === 'seasonal-menu')!.subjectEnum).toBe('season');
  });

  it('shows a list of codes as their labels', async () => {
    const ev = await evaluateBoth([rs], wb);
    const room = ev.findings.find((f) => f.rule.endsWith('/bedroom-sexes'))!;
    expect(room.actual).toEqual({ kk: 'қыз, ұл', ru: 'ж, м', en: 'girl, boy' });
    expect(rs.rules.find((r) => r.name === 'bedroom-sexes')!.subjectEnum).toBeNull();
  });

  it('exposes the note in each language, a one-string note in all three', () => {
    expect(rs.rules.find((r) => r.name === 'seasonal-menu')!.note).toEqual({
      kk: 'Мәзір күні басшы бекіткен жолмен саналады.',
      ru: 'День меню засчитывается по строке, утвержденной руководителем.',
      en: 'A day counts when a row for it is approved by the head.',
    });
    expect(rs.rules.find((r) => r.name === 'bedroom-sexes')!.note).toBeNull();
    const one = compile(`rule r {\n  ${HEAD()}\n  note "One text."\n  require exists(menus m)\n  message "x"\n}`);
    expect(one.rules[0]!.note).toEqual({ kk: 'One text.', ru: 'One text.', en: 'One text.' });
  });
});

describe('items', () => {
  const rs = compile(`
rule referral-conditions {
  ${HEAD('A1.35')}
  for r in referrals
  require {
    max_one_year: r.to <= r.from + 1 years - 1 days
    written_commitment: r.written_commitment = yes
  }
  subject r.child_id
  item max_one_year kk "бір жылға дейінгі мерзім" ru "срок до одного года" en "a term of up to one year"
  expected "{item}"
  message kk "{r.child_id}: {item}" ru "{r.child_id}: {item}" en "{r.child_id} fails: {item}"
}`);
  const wb = workbook({
    referrals: { header: ['child_id', 'from', 'to', 'organisation', 'doctor_conclusion', 'written_commitment'], rows: [
      ['C-1', '2010-02-01', '2011-02-01', 'Санаторий', 'yes', 'yes'], ['C-2', '2010-02-01', '2010-03-01', 'Санаторий', 'yes', 'no']] },
  });

  it("reads a rule's own label, else the column's name in words, in every language", async () => {
    const ev = await evaluateBoth([rs], wb);
    const [term, commitment] = ev.findings;
    expect(term!.item).toBe('max_one_year');
    expect(term!.message).toEqual({ kk: 'C-1: бір жылға дейінгі мерзім', ru: 'C-1: срок до одного года', en: 'C-1 fails: a term of up to one year' });
    expect(commitment!.item).toBe('written_commitment');
    expect(commitment!.expected).toEqual({ kk: '«жазбаша міндеттеме»', ru: '«письменное обязательство»', en: 'written commitment' });
  });
});
