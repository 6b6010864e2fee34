// Clause manifests: every point of each annex classified, checked against the rules, coverage computed.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/lang/index.ts';
import { packCoverage, renderCoverage } from '../../src/rulepack/coverage.ts';
import { countPoints, parseManifest, validateManifest, type ClauseManifest } from '../../src/rulepack/manifest.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';

const pack = await loadRulePack();

describe('coverage of order 240-ө', () => {
  it('classifies every point and subpoint of the three annexes', () => {
    const rows = packCoverage(pack).map((a) => [a.ruleset, a.total, a.encoded, a.narrative, a.notAuditable, a.pending, a.auditable]);
    expect(rows).toEqual([
      ['residential', 132, 43, 68, 21, 0, 43],
      ['home-care', 103, 25, 71, 7, 0, 25],
      ['day-care', 102, 35, 50, 16, 1, 36],
    ]);
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
    expect(text).toContain('Annex 3 — day-care@2009-240-o: 102 points: 35 encoded, 50 narrative, 16 not auditable, 1 pending; auditable points encoded: 35/36 (97.2%)');
    expect(text).toMatch(/A1\.30\.5 +encoded +group-size, group-age-band, labour-subgroup-size/);
    expect(text).toMatch(/A3\.28\.10 +not auditable +no frequency is set/);
    expect(renderCoverage(packCoverage(pack), 'ru', { points: false })).toContain('проверяемых пунктов закодировано: 43/43 (100.0%)');
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

  it('rejects malformed JSON and an unknown status', () => {
    expect(parseManifest('m.json', '{').diagnostics.map((d) => d.code)).toEqual(['manifest-json']);
    const bad = JSON.stringify({ schema: 'ereje.clause-manifest/1', ruleset: 'r', version: 'v', annex: 1, points: [{ id: 'A1.1', status: 'done' }] });
    expect(parseManifest('m.json', bad).diagnostics.map((d) => d.code)).toEqual(['manifest-point']);
  });

  it('computes the share over auditable points only', () => {
    expect(countPoints([p('A1.1', 'encoded'), p('A1.2', 'pending'), p('A1.3', 'narrative'), p('A1.4', 'not-auditable')] as never))
      .toEqual({ total: 4, encoded: 1, narrative: 1, notAuditable: 1, pending: 1, auditable: 2, share: 0.5 });
    expect(countPoints([p('A1.1', 'narrative')] as never).share).toBe(1);
  });
});
