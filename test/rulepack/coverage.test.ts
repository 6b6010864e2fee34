// Clause manifests: every point of each annex classified, checked against the rules, coverage computed.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/lang/index.ts';
import { packCoverage, renderCoverage } from '../../src/rulepack/coverage.ts';
import { countPoints, parseManifest, validateManifest, type ClauseManifest } from '../../src/rulepack/manifest.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';

const pack = await loadRulePack();

describe('coverage of order 240-ө', () => {
  it('classifies every point and subpoint of the three annexes', () => {
    const rows = packCoverage(pack).map((a) => [a.ruleset, a.total, a.encoded, a.partial, a.narrative, a.notAuditable, a.pending, a.auditable]);
    expect(rows).toEqual([
      ['residential', 132, 39, 5, 68, 20, 0, 44],
      ['home-care', 103, 26, 1, 71, 5, 0, 27],
      ['day-care', 102, 34, 3, 50, 14, 1, 38],
    ]);
    // Nothing of order 240-ө is repealed in its own versions.
    expect(packCoverage(pack).map((a) => a.repealed)).toEqual([0, 0, 0]);
    // The points the legal review found only partly encoded are not counted as encoded.
    const partial = packCoverage(pack).flatMap((a) => a.points.filter((p) => p.status === 'partial').map((p) => p.id));
    expect(partial).toEqual(['A1.2', 'A1.13', 'A1.19', 'A1.23', 'A1.43', 'A2.16', 'A3.2', 'A3.19', 'A3.22']);
    for (const a of packCoverage(pack)) for (const p of a.points.filter((x) => x.status === 'partial')) expect(p.missing, p.id).toBeTruthy();
    const last = Object.fromEntries(packCoverage(pack).map((a) => [a.ruleset, a.points.filter((p) => !p.id.split('.')[2]).at(-1)!.id]));
    expect(last).toEqual({ residential: 'A1.49', 'home-care': 'A2.39', 'day-care': 'A3.42' });
  });

  it('lists every rule under its clause, and no manifest problem', () => {
    expect(pack.diagnostics.filter((d) => d.code.startsWith('manifest'))).toEqual([]);
    for (const { checked } of pack.compiled) {
      const m = pack.manifests.find((x) => x.manifest.ruleset === checked.file.ruleset!.id)!.manifest;
      const listed = new Set(m.points.flatMap((p) => p.rules ?? []));
      expect([...new Set(checked.file.rules.map((r) => r.name))].filter((n) => !listed.has(n))).toEqual([]);
    }
  });

  it('renders per annex and point with the share of auditable points encoded', () => {
    const text = renderCoverage(packCoverage(pack), 'en', { points: true });
    expect(text).toContain('Annex 3 — day-care@2009-240-o: 102 points: 34 encoded, 3 partly encoded, 50 narrative, 14 not auditable, 1 pending, 0 repealed; auditable points fully encoded: 34/38 (89.5%), partly encoded: 3');
    expect(text).toMatch(/A1\.30\.5 +encoded +group-size, group-age-band, labour-subgroup-size, labour-subgroup-member/);
    expect(text).toMatch(/A1\.43 +partly encoded +staffing-norms; not encoded: the norms of the Standard/);
    expect(text).toMatch(/A3\.28\.10 +not auditable +no frequency is set/);
    expect(renderCoverage(packCoverage(pack), 'ru', { points: false })).toContain('проверяемых пунктов закодировано полностью: 39/44 (88.6%), частично: 5');
  });

  it('describes every point in the language asked for', () => {
    const kk = renderCoverage(packCoverage(pack), 'kk', { points: true });
    const ru = renderCoverage(packCoverage(pack), 'ru', { points: true });
    expect(kk).toMatch(/A3\.28\.10 +тексерілмейді +жиілігі белгіленбеген/);
    expect(ru).toMatch(/A3\.28\.10 +не проверяем +периодичность не установлена/);
    expect(ru).toMatch(/A1\.43 +частично +staffing-norms; не закодировано: нормативы Стандарта/);
    expect(kk).toMatch(/A1\.1 +сипаттамалық +үлгі ережелердің мақсаты/);
  });

  it('gives every point, form and manifest note of the bundled pack in kk, ru and en', () => {
    for (const { manifest } of pack.manifests) {
      const texts = [manifest.note, ...manifest.points.flatMap((p) => [p.about, p.missing, p.reason, p.note]), ...(manifest.forms ?? []).flatMap((f) => [f.about, f.reason])];
      for (const t of texts.filter((x) => x !== undefined)) {
        expect(typeof t, JSON.stringify(t)).toBe('object');
        const o = t as Record<string, string>;
        expect(Object.keys(o).sort()).toEqual(['en', 'kk', 'ru']);
        // The Kazakh and Russian texts are translations, not copies of the English.
        expect(o.kk).not.toBe(o.en);
        expect(o.ru).not.toBe(o.en);
      }
    }
  });
});

describe('validateManifest', () => {
  const ruleText = `ruleset residential version "v" {
  title en "t"
  applies_to residential
  act { issuer en "m" number "1" date 2009-07-30 title en "t" }
  in_force from 2009-09-07
}
rule licences {
  clause A1.3
  severity major
  scope state "x"
  quote "q"
  require facility.license_medical is present
  message en "m"
}
`;
  const file = parseRuleFile(ruleText, 'v.ereje').file!;
  const check = (m: Partial<ClauseManifest>) => {
    const full = { schema: 'ereje.clause-manifest/1', ruleset: 'residential', version: 'v', annex: 1, points: [], ...m };
    const text = JSON.stringify(full, null, 2);
    return validateManifest({ path: 'v.manifest.json', text, manifest: parseManifest('v.manifest.json', text).manifest! }, file).map((d) => d.code);
  };
  const p = (id: string, status: string, extra: object = {}) => ({ id, status, about: id, ...extra });

  it('accepts a complete manifest', () => {
    expect(check({ points: [p('A1.1', 'narrative'), p('A1.2', 'not-auditable', { reason: 'no data' }), p('A1.3', 'encoded', { rules: ['licences'] })] as never })).toEqual([]);
  });

  it('finds a skipped point, a subpoint out of order, a duplicate and a point of another annex', () => {
    expect(check({ points: [p('A1.1', 'narrative'), p('A1.3', 'encoded', { rules: ['licences'] }), p('A1.3.2', 'narrative'), p('A1.3', 'narrative'), p('A2.4', 'narrative')] as never }))
      .toEqual(['manifest-gap', 'manifest-gap', 'manifest-duplicate', 'manifest-gap', 'manifest-id']);
  });

  it('accepts a partial point that names its rules and what is missing, and rejects one that does not', () => {
    expect(check({ points: [p('A1.1', 'narrative'), p('A1.2', 'narrative'), p('A1.3', 'partial', { rules: ['licences'], missing: 'the education licence' })] as never })).toEqual([]);
    expect(check({ points: [p('A1.1', 'narrative'), p('A1.2', 'partial', { rules: ['licences'] }), p('A1.3', 'partial')] as never }))
      .toEqual(['manifest-missing', 'manifest-rules', 'manifest-missing', 'manifest-missing-rule']);
  });

  it('a manifest copied from another version: a rule it names is missing from the version beside it, not from the copied one', () => {
    const text = JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'residential', version: 'old', annex: 1,
      points: [{ id: 'A1.1', status: 'narrative', about: 'a' }, { id: 'A1.2', status: 'narrative', about: 'b' }, { id: 'A1.3', status: 'encoded', about: 'c', rules: ['licences', 'gone'] }] }, null, 2);
    const out = validateManifest({ path: 'v.manifest.json', text, manifest: parseManifest('v.manifest.json', text).manifest! }, file);
    expect(out.map((d) => d.code)).toEqual(['manifest-ruleset', 'manifest-unknown-rule']);
    expect(out[1]!.message.en).toBe('A1.3 names rule gone, which residential@v does not have');
  });

  it('finds a rule not listed, a listed rule that does not exist, and a missing reason', () => {
    expect(check({ points: [p('A1.1', 'pending'), p('A1.2', 'narrative'), p('A1.3', 'encoded', { rules: ['licence'] })] as never }))
      .toEqual(['manifest-reason', 'manifest-unknown-rule', 'manifest-missing-rule']);
  });

  it('reports a clause the annex does not have at the rule\'s clause line, not at the manifest', () => {
    const points = [p('A1.1', 'narrative'), p('A1.2', 'narrative'), p('A1.3', 'encoded', { rules: ['licences'] })];
    const text = JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'residential', version: 'v', annex: 1, points }, null, 2);
    const loaded = { path: 'dir/v.manifest.json', text, manifest: parseManifest('v.manifest.json', text).manifest! };
    const moved = (clause: string) => validateManifest(loaded, parseRuleFile(ruleText.replace('clause A1.3', `clause ${clause}`), 'v.ereje').file!);
    const [unknown] = moved('A1.99');
    expect(unknown).toMatchObject({ code: 'manifest-unknown-clause', span: { file: 'v.ereje', line: 8, col: 10, length: 5 } });
    expect(unknown!.message.en).toBe('clause A1.99 is not a point of annex 1 in the manifest (v.manifest.json): check the number against the act');
    expect(unknown!.message.ru).toContain('нет среди пунктов приложения 1');
    expect(moved('A2.3').map((d) => [d.code, d.span.file, d.span.line])).toEqual([['manifest-annex', 'v.ereje', 8]]);
    // A malformed id is the checker's to report.
    expect(moved('Z9')).toEqual([]);
  });

  it('accepts a text in one string or in kk, ru and en, and rejects a translation left out or a wrong key', () => {
    const three = { kk: 'заңды тұлға', ru: 'юридическое лицо', en: 'legal entity' };
    expect(check({ note: three, points: [p('A1.1', 'narrative', { about: three }), p('A1.2', 'not-auditable', { reason: three }), p('A1.3', 'encoded', { rules: ['licences'] })] } as never)).toEqual([]);
    const parsed = (m: object) => parseManifest('m.json', JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'r', version: 'v', annex: 1, points: [], ...m })).diagnostics;
    const noRu = parsed({ points: [p('A1.1', 'narrative', { about: { kk: 'а', en: 'a' } })] });
    expect(noRu.map((d) => d.code)).toEqual(['manifest-text']);
    expect(noRu[0]!.message.en).toBe('A1.1 about: no text in ru; give "kk", "ru" and "en"');
    expect(parsed({ points: [p('A1.1', 'not-auditable', { reason: { kk: 'а', ru: 'а', en: 'a', de: 'x' } })] })[0]!.message.en).toBe('A1.1 reason: unknown "de"; give "kk", "ru" and "en"');
    expect(parsed({ points: [p('A1.1', 'narrative', { about: 7 })] })[0]!.message.en).toBe('A1.1 about must be a text, or { "kk": …, "ru": …, "en": … }');
    expect(parsed({ note: { en: 'x' }, forms: [{ form: 1, about: { kk: '', ru: 'б', en: 'b' }, status: 'narrative' }] }).map((d) => d.message.en))
      .toEqual(['form 1 about: no text in kk; give "kk", "ru" and "en"', 'note: no text in kk, ru; give "kk", "ru" and "en"']);
  });

  it('rejects malformed JSON and an unknown status', () => {
    expect(parseManifest('m.json', '{').diagnostics.map((d) => d.code)).toEqual(['manifest-json']);
    const bad = JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'r', version: 'v', annex: 1, points: [{ id: 'A1.1', status: 'done' }] });
    expect(parseManifest('m.json', bad).diagnostics.map((d) => d.code)).toEqual(['manifest-point']);
  });

  it('computes the share over auditable points only, partly encoded points apart', () => {
    expect(countPoints([p('A1.1', 'encoded'), p('A1.2', 'pending'), p('A1.3', 'narrative'), p('A1.4', 'not-auditable')] as never))
      .toEqual({ total: 4, encoded: 1, partial: 0, narrative: 1, notAuditable: 1, pending: 1, repealed: 0, auditable: 2, share: 0.5, partialShare: 0.5 });
    expect(countPoints([p('A1.1', 'encoded'), p('A1.2', 'partial'), p('A1.3', 'partial'), p('A1.4', 'pending')] as never))
      .toMatchObject({ encoded: 1, partial: 2, auditable: 4, share: 0.25, partialShare: 0.75 });
    expect(countPoints([p('A1.1', 'narrative')] as never).share).toBe(1);
  });
});
