// `ereje rules list`: versions, in-force dates with approximate marks, rules with clause and severity.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run as runCli } from '../cli/helpers.ts';

const fixture = fileURLToPath(new URL('../fixtures/amendment', import.meta.url));
const rules = fileURLToPath(new URL('../../rules', import.meta.url));

const list = (args: string[]) => runCli(['rules', 'list', ...args]);

describe('ereje rules list', () => {
  it('lists the three rulesets with approximate in-force dates and their basis', async () => {
    const r = await list(['--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('residential — Model rules for social services in children\'s psychoneurological medical-social institutions');
    expect(r.stdout).toContain('  2009-240-o  in force ≈2009-09-07 .. ≈2010-12-06   act N 240-ө 2009-07-30 (2009-08-28 N 5766)   facility kind: residential care (residential)   supersedes residential@2005-306-o');
    expect(r.stdout).toContain('    ≈ from 2009-09-07: Point 4 of the order: in force ten calendar days after its first official publication.');
    expect(r.stdout).toContain('    ≈ until 2010-12-06: Repealed by order N 394-ө of 2010-12-06');
    expect(r.stdout).toMatch(/ {6}A1\.30\.5 +major +residential\/group-size/);
    expect(r.stdout).toMatch(/ {6}A1\.13 +info +residential\/bedroom-one-sex/);
    expect(r.stdout).toContain('    38 rules:');
    expect(r.stdout).toContain('    22 rules:');
    expect(r.stdout).toContain('    29 rules:');
    // The reports' mark and legend for approximate dates, in the user's language.
    expect(r.stdout).not.toContain('~');
    expect(r.stdout.endsWith('\n≈ — the date is not in the source text; an approximate date is shown (its basis is given below the version)\n')).toBe(true);
    expect((await list(['--lang', 'ru'])).stdout).toContain('\n≈ — даты нет в тексте источника, указана приблизительная (основание указано под версией)\n');
  });

  it('--as-of keeps only the versions in force that day', async () => {
    const during = await list(['--as-of', '01.03.2010', '--lang', 'en']);
    expect(during.stdout.match(/^ {2}2009-240-o/gm)).toHaveLength(3);
    const before = await list(['--as-of', '2009-09-06', '--lang', 'en']);
    expect(before.stdout).toBe('No ruleset version is in force on 2009-09-06\n');
    const after = await list(['--as-of', '2010-12-07', '--lang', 'kk']);
    expect(after.stdout).toBe('Бұл күні күшіндегі нұсқа жоқ: 2010-12-07\n');
    const bad = await list(['--as-of', '31.02.2010', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of 31.02.2010: not a date; write it as 2010-10-31 or 31.10.2010.');
  });

  it('shows an amendment beside the version it amends, its rules marked inherited, changed, added or repealed', async () => {
    const r = await list(['--rules', rules, fixture, '--lang', 'en']);
    expect(r.stdout).toMatch(/residential — [^\n]*\n {2}2009-240-o [^\n]*\n(?:.*\n)*? {2}2010-test-amendment {2}in force ≈2010-01-01 \.\. open-ended[^\n]*amends residential@2009-240-o\n/);
    expect(r.stdout).toContain('    36 rules (inherited 31, changed 3, added 2, repealed 4):\n');
    expect(r.stdout).toMatch(/\n {6}A1\.13 +minor +residential\/bedroom-one-sex +changed\n/);
    expect(r.stdout).toMatch(/\n {6}A1\.2 +critical +residential\/admission-age +inherited\n/);
    expect(r.stdout).toMatch(/\n {6}A1\.39 +minor +residential\/id-card-at-14 +added\n {6}A1\.39 +minor +residential\/id-card-at-16 +repealed\n/);
    expect(r.stdout).toMatch(/\n {6}A1\.30\.13 +minor +residential\/room-passports +repealed\n/);
  });

  it('--as-of shows the effective pack of that day: per ruleset the version an audit of that day applies', async () => {
    const during = await list(['--rules', rules, fixture, '--as-of', '2010-06-01', '--lang', 'ru']);
    expect(during.stdout.startsWith('Действует на 2010-06-01\n\n')).toBe(true);
    // The base is still in force by its own dates, but from 2010-01-01 the amendment applies.
    expect(during.stdout).not.toMatch(/^ {2}2009-240-o .*тип учреждения: residential/m);
    expect(during.stdout).toMatch(/^ {2}2010-test-amendment {2}действует ≈2010-01-01 \.\. бессрочно .* изменяет residential@2009-240-o$/m);
    expect(during.stdout).toMatch(/residential\/group-size +изменено\n/);
    const before = await list(['--rules', rules, fixture, '--as-of', '2009-12-31', '--lang', 'en']);
    expect(before.stdout).toMatch(/^ {2}2009-240-o .*facility kind: residential care \(residential\)/m);
    expect(before.stdout).not.toContain('2010-test-amendment');
    const later = await list(['--rules', rules, fixture, '--as-of', '2011-01-01', '--lang', 'en']);
    expect(later.stdout).toContain('2010-test-amendment');
    expect(later.stdout).not.toContain('  2009-240-o');
  });
});
