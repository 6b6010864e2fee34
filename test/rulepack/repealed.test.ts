// A point the amending order repeals outright (its rules removed with `repeal rule`, nothing in their
// place) is `repealed` in the version's clause manifest, with what repealed it (`by`): not narrative text,
// not a duty. The manifest refuses what a repealed point cannot have, `rules check` asks for the status
// where the amendment repealed a point's rules, and coverage counts repealed points apart.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRuleFile } from '../../src/lang/index.ts';
import { renderCoverage, packCoverage } from '../../src/rulepack/coverage.ts';
import { renderInterpretations } from '../../src/rulepack/interpretations.ts';
import { annexCoverage, countPoints, parseManifest, validateManifest, type ClauseManifest } from '../../src/rulepack/manifest.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';
import { run } from '../cli/helpers.ts';

const BY = {
  kk: '2009 жылғы 20 желтоқсандағы N 12-test бұйрығының 1-тармағы: 7-тармақ алып тасталды',
  ru: 'пункт 1 приказа N 12-test от 20 декабря 2009 года: пункт 7 исключен',
  en: 'point 1 of order N 12-test of 2009-12-20: point 7 deleted',
};

/** A rule file of annex 1 with the given rules (name and clause), as the version beside the manifest. */
function ruleFile(version: string, rules: readonly (readonly [string, string])[]) {
  const text = [
    `ruleset residential version "${version}" {`,
    '  title en "t"',
    '  applies_to residential',
    '  act { issuer en "m" number "1" date 2009-07-30 title en "t" }',
    '  in_force from 2009-09-07',
    '}',
    ...rules.map(([name, clause]) => `rule ${name} {\n  clause ${clause}\n  severity major\n  scope state "x"\n  quote "q"\n  require facility.license_medical is present\n  message en "m"\n}`),
    '',
  ].join('\n');
  return parseRuleFile(text, `${version}.ereje`).file!;
}

const p = (id: string, status: string, extra: object = {}) => ({ id, status, about: { kk: `${id} тармағы`, ru: `пункт ${id}`, en: `point ${id}` }, ...extra });

function manifestOf(version: string, points: readonly object[]): { path: string; text: string; manifest: ClauseManifest } {
  const text = JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'residential', version, annex: 1, points }, null, 2);
  const parsed = parseManifest(`${version}.manifest.json`, text);
  expect(parsed.diagnostics).toEqual([]);
  return { path: `${version}.manifest.json`, text, manifest: parsed.manifest! };
}

/** The 1-based line of the first `needle` at or after the line holding `"id": "<id>"`. */
function lineOf(text: string, id: string, needle: string): number {
  const from = text.indexOf(`"id": "${id}"`);
  return text.slice(0, text.indexOf(needle, from)).split('\n').length;
}

describe('a point marked repealed in a clause manifest', () => {
  const v2 = ruleFile('v2', [['licences', 'A1.3']]);
  const check = (points: readonly object[]) => {
    const m = manifestOf('v2', points);
    return validateManifest(m, v2);
  };

  it('is accepted with what repealed it, in kk, ru and en', () => {
    expect(check([p('A1.1', 'narrative'), p('A1.2', 'repealed', { by: BY }), p('A1.3', 'encoded', { rules: ['licences'] })])).toEqual([]);
  });

  it('must say what repealed it', () => {
    const m = manifestOf('v2', [p('A1.1', 'narrative'), p('A1.2', 'repealed'), p('A1.3', 'encoded', { rules: ['licences'] })]);
    const out = validateManifest(m, v2);
    expect(out.map((d) => d.code)).toEqual(['manifest-repealed-by']);
    expect(out[0]!.span.line).toBe(lineOf(m.text, 'A1.2', '"id"'));
    expect(out[0]!.message.en).toBe('A1.2 is repealed: say what repealed it in "by" (the amending order, its date and point), in kk, ru and en');
    expect(out[0]!.message.ru).toContain('A1.2 утратил силу: укажите в "by", что его отменило');
    expect(out[0]!.message.kk).toContain('A1.2 күші жойылған: оның күшін не жойғанын "by" ішінде көрсетіңіз');
    // `by` is a text like the others: all three languages or one string.
    const half = parseManifest('m.json', JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'r', version: 'v', annex: 1, points: [p('A1.1', 'repealed', { by: { en: 'order 12' } })] }));
    expect(half.diagnostics.map((d) => d.message.en)).toEqual(['A1.1 by: no text in kk, ru; give "kk", "ru" and "en"']);
  });

  it('refuses rules, a reason and what is missing, each at its own line', () => {
    const m = manifestOf('v2', [p('A1.1', 'narrative'), p('A1.2', 'repealed', { by: BY, rules: ['licences'], reason: 'no data', missing: 'all' }), p('A1.3', 'encoded', { rules: ['licences'] })]);
    const out = validateManifest(m, v2);
    expect(out.map((d) => [d.code, d.span.line])).toEqual([
      ['manifest-repealed-field', lineOf(m.text, 'A1.2', '"rules"')],
      ['manifest-repealed-field', lineOf(m.text, 'A1.2', '"reason"')],
      ['manifest-repealed-field', lineOf(m.text, 'A1.2', '"missing"')],
    ]);
    expect(out.map((d) => d.message.en)).toEqual([
      'A1.2 is repealed: a repealed point names no rules; remove "rules" (the version before this one keeps them)',
      'A1.2 is repealed: remove "reason" (what repealed the point goes in "by")',
      'A1.2 is repealed: remove "missing" (what repealed the point goes in "by")',
    ]);
    expect(out[0]!.message.ru).toContain('удалите "rules"');
    // The rules it names, whether this version has them or not, are told once: as a field to remove.
    const gone = manifestOf('v2', [p('A1.1', 'narrative'), p('A1.2', 'repealed', { by: BY, rules: ['contract'] }), p('A1.3', 'encoded', { rules: ['licences'] })]);
    expect(validateManifest(gone, v2).map((d) => d.code)).toEqual(['manifest-repealed-field']);
    expect(out[1]!.message.kk).toContain('"reason" жолын алып тастаңыз');
  });

  it('is the only status that says what repealed it', () => {
    const m = manifestOf('v2', [p('A1.1', 'narrative', { by: BY }), p('A1.2', 'narrative'), p('A1.3', 'encoded', { rules: ['licences'] })]);
    const out = validateManifest(m, v2);
    expect(out.map((d) => [d.code, d.span.line])).toEqual([['manifest-by', lineOf(m.text, 'A1.1', '"by"')]]);
    expect(out[0]!.message.en).toBe('A1.1 is narrative: "by" says what repealed a point; remove it, or make the status "repealed"');
  });

  it('has no rule of its version citing it', () => {
    const m = manifestOf('v2', [p('A1.1', 'narrative'), p('A1.2', 'narrative'), p('A1.3', 'repealed', { by: BY })]);
    const out = validateManifest(m, v2);
    // One error, at the point's status: not also "licences is not listed".
    expect(out.map((d) => [d.code, d.span.line])).toEqual([['manifest-repealed-has-rules', lineOf(m.text, 'A1.3', '"status"')]]);
    expect(out[0]!.message.en).toBe('A1.3 is marked repealed, but residential@v2 still has a rule citing it: licences; repeal the rule (\'repeal rule licences\') if the order repealed the point, or give the point the status of its rules');
    expect(out[0]!.message.ru).toContain('A1.3 помечен как утративший силу, но в residential@v2 есть правило, которое на него ссылается: licences');
    expect(out[0]!.message.kk).toContain('A1.3 күші жойылған деп белгіленген, бірақ residential@v2 ішінде оған сілтейтін ереже бар: licences');
    // A rule citing a subpoint of the point counts too.
    const sub = ruleFile('v2', [['licences', 'A1.3'], ['contract', 'A1.2.1']]);
    const m2 = manifestOf('v2', [p('A1.1', 'narrative'), p('A1.2', 'repealed', { by: BY }), p('A1.2.1', 'repealed', { by: BY }), p('A1.3', 'encoded', { rules: ['licences'] })]);
    expect(validateManifest(m2, sub).map((d) => d.code)).toEqual(['manifest-repealed-has-rules']);
  });

  it('takes its subpoints with it', () => {
    const out = check([p('A1.1', 'narrative'), p('A1.2', 'repealed', { by: BY }), p('A1.2.1', 'narrative'), p('A1.2.2', 'repealed', { by: BY }), p('A1.3', 'encoded', { rules: ['licences'] })]);
    expect(out.map((d) => d.code)).toEqual(['manifest-repealed-subpoint']);
    expect(out[0]!.message.en).toBe('A1.2.1: its point A1.2 is repealed, and with it every subpoint: make A1.2.1 "repealed" too');
  });
});

describe('a point the amendment repealed, checked against the version it amends', () => {
  // The version amended encoded A1.2 by `contract` and A1.3 by `licences`; this one repealed `contract`.
  const base = manifestOf('v1', [p('A1.1', 'narrative'), p('A1.2', 'encoded', { rules: ['contract'] }), p('A1.3', 'encoded', { rules: ['licences'] })]).manifest;
  const v2 = ruleFile('v2', [['licences', 'A1.3']]);
  const check = (a2: object, file = v2, amended = base) => validateManifest(manifestOf('v2', [p('A1.1', 'narrative'), a2, p('A1.3', 'encoded', { rules: ['licences'] })]), file, amended);

  it('must be marked repealed, not narrative', () => {
    const out = check(p('A1.2', 'narrative'));
    expect(out.map((d) => d.code)).toEqual(['manifest-repeal-unmarked']);
    expect(out[0]!.message.en).toBe('A1.2: contract, the rule that encoded it in residential@v1, is repealed in this version and no rule takes its place: the point no longer applies; write "status": "repealed" and, in "by", the amending order, its date and point');
    expect(out[0]!.message.ru).toBe('A1.2: правило contract, которое кодировало его в residential@v1, в этой версии отменено, и ничто его не заменяет: пункт больше не применяется; напишите "status": "repealed" и в "by" — изменяющий приказ, его дату и пункт');
    expect(out[0]!.message.kk).toBe('A1.2: оны residential@v1 ішінде кодтаған contract ережесінің бұл нұсқада күші жойылған, оның орнына ереже жоқ: тармақ енді қолданылмайды; "status": "repealed" деп және "by" ішінде өзгеріс енгізетін бұйрықты, оның күні мен тармағын жазыңыз');
  });

  it('copied from the version amended, still naming the repealed rule: one error, that says what to write', () => {
    expect(check(p('A1.2', 'encoded', { rules: ['contract'] })).map((d) => d.code)).toEqual(['manifest-repeal-unmarked']);
    const two = manifestOf('v1', [p('A1.1', 'narrative'), p('A1.2', 'encoded', { rules: ['contract', 'contract-signed'] }), p('A1.3', 'encoded', { rules: ['licences'] })]).manifest;
    const out = check(p('A1.2', 'partial', { rules: ['contract'], missing: 'x' }), v2, two);
    expect(out.map((d) => d.code)).toEqual(['manifest-repeal-unmarked']);
    expect(out[0]!.message.en).toContain('A1.2: contract, contract-signed, the rules that encoded it in residential@v1, are repealed in this version');
  });

  it('is accepted marked repealed', () => {
    expect(check(p('A1.2', 'repealed', { by: BY }))).toEqual([]);
  });

  it('is not required where a rule of this version takes the repealed rule\'s place, or some of its rules remain', () => {
    const replaced = ruleFile('v2', [['contract-in-writing', 'A1.2'], ['licences', 'A1.3']]);
    expect(check(p('A1.2', 'encoded', { rules: ['contract-in-writing'] }), replaced)).toEqual([]);
    const two = manifestOf('v1', [p('A1.1', 'narrative'), p('A1.2', 'encoded', { rules: ['contract', 'licences'] }), p('A1.3', 'encoded', { rules: ['licences'] })]).manifest;
    expect(check(p('A1.2', 'encoded', { rules: ['licences'] }), v2, two)).toEqual([]);
  });

  it('stays repealed in an amendment of the amendment, unless a rule of the new version cites it again', () => {
    const repealed = manifestOf('v1', [p('A1.1', 'narrative'), p('A1.2', 'repealed', { by: BY }), p('A1.3', 'encoded', { rules: ['licences'] })]).manifest;
    expect(check(p('A1.2', 'narrative'), v2, repealed).map((d) => d.code)).toEqual(['manifest-repeal-unmarked']);
    expect(check(p('A1.2', 'narrative'), v2, repealed)[0]!.message.en).toBe('A1.2 is repealed in residential@v1, the version this one amends, and no rule of this version cites it: keep "status": "repealed" and its "by"');
    expect(check(p('A1.2', 'repealed', { by: BY }), v2, repealed)).toEqual([]);
    const again = ruleFile('v2', [['contract', 'A1.2'], ['licences', 'A1.3']]);
    expect(check(p('A1.2', 'encoded', { rules: ['contract'] }), again, repealed)).toEqual([]);
  });

  it('a point the version amended did not encode may be repealed, and need not be', () => {
    const narrative = manifestOf('v1', [p('A1.1', 'narrative'), p('A1.2', 'narrative'), p('A1.3', 'encoded', { rules: ['licences'] })]).manifest;
    expect(check(p('A1.2', 'repealed', { by: BY }), v2, narrative)).toEqual([]);
    expect(check(p('A1.2', 'narrative'), v2, narrative)).toEqual([]);
  });
});

describe('coverage of repealed points', () => {
  const points = [p('A1.1', 'encoded', { rules: ['a'] }), p('A1.2', 'repealed', { by: BY }), p('A1.3', 'narrative'), p('A1.4', 'pending', { reason: 'r' })] as never;

  it('counts them apart, and not as auditable', () => {
    expect(countPoints(points)).toEqual({ total: 4, encoded: 1, partial: 0, narrative: 1, notAuditable: 0, pending: 1, repealed: 1, auditable: 2, share: 0.5, partialShare: 0.5 });
  });

  it('names them, with what repealed them, in the language asked for', () => {
    const m = { schema: 'ereje.clause-manifest/1', ruleset: 'residential', version: 'v2', annex: 1, points } as ClauseManifest;
    const en = renderCoverage([annexCoverage(m)], 'en', { points: true });
    expect(en).toContain('Annex 1 — residential@v2: 4 points: 1 encoded, 0 partly encoded, 1 narrative, 0 not auditable, 1 pending, 1 repealed; auditable points fully encoded: 1/2 (50.0%), partly encoded: 0\n');
    expect(en).toMatch(/\n {2}A1\.2 +repealed +point 1 of order N 12-test of 2009-12-20: point 7 deleted\n/);
    const ru = renderCoverage([annexCoverage(m)], 'ru', { points: true });
    expect(ru).toContain(', 1 ожидает, 1 утратил силу;');
    expect(ru).toMatch(/\n {2}A1\.2 +утратил силу +пункт 1 приказа N 12-test от 20 декабря 2009 года: пункт 7 исключен\n/);
    const kk = renderCoverage([annexCoverage(m)], 'kk', { points: true });
    expect(kk).toContain(', 1 күтуде, 1 күші жойылған;');
    expect(kk).toMatch(/\n {2}A1\.2 +күші жойылған +2009 жылғы 20 желтоқсандағы N 12-test бұйрығының 1-тармағы/);
  });
});

describe('in a rule pack: an amendment that repeals a point', () => {
  const root = mkdtempSync(join(tmpdir(), 'ereje-repealed-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const ACT = join(defaultRulesDir(), 'kz', 'mlsp-306-o', 'act', '000_76fe1cc4a2d2ef2d.txt');
  const rule = (name: string, clause: string, quote: string) => `rule ${name} {
  clause ${clause}
  severity major
  scope state "the facility on the as-of date"
  quote "${quote}"
  require facility.license_medical is present
  message "${name}"
}
`;
  const points = (a7: object) => [
    p('A1.1', 'narrative'), p('A1.2', 'narrative'), p('A1.3', 'encoded', { rules: ['licences'] }), p('A1.4', 'narrative'),
    p('A1.5', 'narrative'), p('A1.6', 'narrative'), a7,
  ];

  /** Version v1 (licences, A1.3; private-contract, A1.7) and v2, which repeals private-contract, with v2's point A1.7 as given. */
  function pack(name: string, a7: object): string {
    const dir = join(root, name);
    for (const d of ['act', 'calendars', 'residential']) mkdirSync(join(dir, d), { recursive: true });
    copyFileSync(ACT, join(dir, 'act', 'act.txt'));
    copyFileSync(join(defaultRulesDir(), 'calendars', 'kz.json'), join(dir, 'calendars', 'kz.json'));
    writeFileSync(join(dir, 'residential', 'v1.ereje'), `ruleset residential version "v1" {
  title en "Two points"
  applies_to residential
  act { issuer en "Minister" number "240-ө" date 2009-07-30 title en "Test act" }
  in_force from 2009-09-07
  source "../act/act.txt"
  calendar kz
}

${rule('licences', 'A1.3', '…лицензияның, медициналық, дәрігерлік қызметке берілген лицензияның')}
${rule('private-contract', 'A1.7', 'Меншік нысаны жеке МӘҰ балаларды қабылдауды шарт негізінде жүзеге асырады')}`);
    writeFileSync(join(dir, 'residential', 'v2.ereje'), `ruleset residential version "v2" amends "residential@v1" {
  act { number "12-test" date 2009-12-20 }
  in_force from 2010-01-01
  source "../act/act.txt"
}

repeal rule private-contract
`);
    const manifest = (version: string, a7x: object) => JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'residential', version, annex: 1, points: points(a7x) }, null, 2) + '\n';
    writeFileSync(join(dir, 'residential', 'v1.manifest.json'), manifest('v1', p('A1.7', 'encoded', { rules: ['private-contract'] })));
    writeFileSync(join(dir, 'residential', 'v2.manifest.json'), manifest('v2', a7));
    return dir;
  }

  it('passes marked repealed; its coverage names the point repealed, and the interpretations say by what', async () => {
    const dir = pack('marked', p('A1.7', 'repealed', { by: BY }));
    const loaded = await loadRulePack(dir);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(await run(['rules', 'check', dir, '--lang', 'en'])).toMatchObject({ code: 0, stdout: 'checked 2 files, 2 rules: no errors\n' });
    const rows = packCoverage(loaded).map((a) => [a.version, a.encoded, a.repealed, a.auditable]);
    expect(rows).toEqual([['v1', 2, 0, 2], ['v2', 1, 1, 1]]);
    const coverage = await run(['rules', 'coverage', '--rules', dir, '--lang', 'en']);
    expect(coverage.stdout).toMatch(/\n {2}A1\.7 +repealed +point 1 of order N 12-test of 2009-12-20: point 7 deleted\n/);
    const en = renderInterpretations(loaded, { base: dir, command: 'npm run interpretations', lang: 'en' });
    expect(en).toContain('### Points repealed\n\n- **A1.7** point A1.7. Repealed by: point 1 of order N 12-test of 2009-12-20: point 7 deleted\n');
    const ru = renderInterpretations(loaded, { base: dir, command: 'npm run interpretations', lang: 'ru' });
    expect(ru).toContain('### Пункты, утратившие силу\n\n- **A1.7** пункт A1.7. Отменен: пункт 1 приказа N 12-test от 20 декабря 2009 года: пункт 7 исключен\n');
    const kk = renderInterpretations(loaded, { base: dir, command: 'npm run interpretations', lang: 'kk' });
    expect(kk).toContain('### Күші жойылған тармақтар\n\n- **A1.7** A1.7 тармағы. Күшін жойған: 2009 жылғы 20 желтоқсандағы N 12-test бұйрығының 1-тармағы');
  });

  it('fails marked narrative, at the point in the manifest, in the language asked for', async () => {
    const dir = pack('narrative', p('A1.7', 'narrative'));
    const en = await run(['rules', 'check', dir, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('residential/v2.manifest.json:');
    expect(en.stderr).toMatch(/v2\.manifest\.json:\d+:\d+: error: A1\.7: private-contract, the rule that encoded it in residential@v1, is repealed in this version and no rule takes its place: the point no longer applies; write "status": "repealed"/);
    expect(en.stderr).toContain('"id": "A1.7"');
    const ru = await run(['rules', 'check', dir, '--lang', 'ru']);
    expect(ru.stderr).toContain('A1.7: правило private-contract, которое кодировало его в residential@v1, в этой версии отменено');
    const kk = await run(['rules', 'check', dir, '--lang', 'kk']);
    expect(kk.stderr).toContain('A1.7: оны residential@v1 ішінде кодтаған private-contract ережесінің бұл нұсқада күші жойылған');
  });

  it('fails when a rule of the version still cites a point marked repealed', async () => {
    const dir = pack('cited', p('A1.7', 'repealed', { by: BY }));
    writeFileSync(join(dir, 'residential', 'v2.ereje'), `ruleset residential version "v2" amends "residential@v1" {
  act { number "12-test" date 2009-12-20 }
  in_force from 2010-01-01
  source "../act/act.txt"
}
`);
    const en = await run(['rules', 'check', dir, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/v2\.manifest\.json:\d+:\d+: error: A1\.7 is marked repealed, but residential@v2 still has a rule citing it: private-contract;/);
    expect(en.stderr).not.toContain('is not listed as encoding');
  });
});

describe('the made-up amendment of annex 1 (test/fixtures/amendment), which deletes subpoint 30.13', () => {
  const fixture = join(import.meta.dirname, '..', 'fixtures', 'amendment');

  it('marks A1.30.13 repealed by order 999-test; its coverage counts it apart from the 2009 text', async () => {
    const loaded = await loadRulePack([defaultRulesDir(), fixture]);
    expect(loaded.ok).toBe(true);
    const residential = packCoverage(loaded).filter((a) => a.ruleset === 'residential');
    expect(residential.map((a) => [a.version, a.encoded, a.repealed, a.auditable])).toEqual([['2009-240-o', 39, 0, 44], ['2010-test-amendment', 38, 1, 43]]);
    expect(residential[1]!.points.filter((x) => x.status === 'repealed').map((x) => [x.id, x.by && typeof x.by === 'object' ? x.by.en : x.by]))
      .toEqual([['A1.30.13', 'point 1 of order N 999-test of 2009-12-20: subpoint 13) of point 30 deleted']]);
  });

  it('fails with the point marked narrative instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ereje-repealed-fixture-'));
    try {
      cpSync(defaultRulesDir(), dir, { recursive: true });
      const residential = join(dir, 'kz', 'mlsp-306-o', 'residential');
      copyFileSync(join(fixture, 'residential', '2010-test-amendment.ereje'), join(residential, '2010-test-amendment.ereje'));
      copyFileSync(join(fixture, 'act', 'test-amendment.txt'), join(dir, 'kz', 'mlsp-306-o', 'act', 'test-amendment.txt'));
      const text = readFileSync(join(fixture, 'residential', '2010-test-amendment.manifest.json'), 'utf8');
      const narrative = text.replace('"id": "A1.30.13",\n      "status": "repealed"', '"id": "A1.30.13",\n      "status": "narrative"').replace(/,\n {6}"by": \{[^}]*\}/, '');
      expect(narrative).not.toBe(text);
      writeFileSync(join(residential, '2010-test-amendment.manifest.json'), narrative);
      const r = await run(['rules', 'check', dir, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/2010-test-amendment\.manifest\.json:1106:13: error: A1\.30\.13: room-passports, the rule that encoded it in residential@2009-240-o, is repealed in this version/);
      expect(r.stderr).toContain('checked 5 files, 94 rules: 1 error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
