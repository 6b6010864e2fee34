// The pack cache: a second audit loads the pack from the cache; one changed byte of a rule file, a
// manifest, the calendar or the act text (or a rule file added or removed) loads it afresh; a corrupt
// or truncated entry is rebuilt, never trusted; and the cached pack audits exactly as a fresh one.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditWorkbook } from '../../src/cli/audit-run.ts';
import { loadAuditPack } from '../../src/cli/audit-pack.ts';
import { renderJson } from '../../src/report/index.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { loadAuditRulePack } from '../../src/rulepack/pack-cache.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';

const root = mkdtempSync(join(tmpdir(), 'ereje-pack-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ACT = join(defaultRulesDir(), 'kz', 'mlsp-306-o', 'act', '000_76fe1cc4a2d2ef2d.txt');
const QUOTE = '…лицензияның, медициналық, дәрігерлік қызметке берілген лицензияның';

/** A small pack of its own (one ruleset with a manifest, a parameter file, the act, the calendar) per test. */
function smallPack(name: string): { rules: string; cache: string; file: (p: string) => string } {
  const rules = join(root, name, 'rules');
  const cache = join(root, name, 'cache');
  for (const d of ['act', 'calendars', 'residential', 'params']) mkdirSync(join(rules, d), { recursive: true });
  copyFileSync(ACT, join(rules, 'act', 'act.txt'));
  copyFileSync(join(defaultRulesDir(), 'calendars', 'kz.json'), join(rules, 'calendars', 'kz.json'));
  writeFileSync(join(rules, 'params', 'licences.ereje'), `table licence_kinds by kind: text {
  citation "Annex 1, point 3"
  residential = "social"
}
`);
  writeFileSync(join(rules, 'residential', 'v1.ereje'), `ruleset residential version "v1" {
  title en "Licences only"
  applies_to residential
  act { issuer en "Minister" number "240-ө" date 2009-07-30 title en "Test act" }
  in_force from 2009-01-01
  source "../act/act.txt"
  calendar kz
}

import table licence_kinds from "../params/licences.ereje"

rule licences {
  clause A1.3
  severity major
  scope state "the facility's licences on the as-of date"
  quote "${QUOTE}"
  require {
    license_medical: facility.license_medical is present
  }
  message "The facility has no licence recorded: {item}"
}
`);
  writeFileSync(join(rules, 'residential', 'v1.manifest.json'), JSON.stringify({
    schema: 'ereje.clause-manifest/1', ruleset: 'residential', version: 'v1', annex: 1,
    points: [
      { id: 'A1.1', status: 'narrative', about: 'purpose' },
      { id: 'A1.2', status: 'narrative', about: 'who the institution is for' },
      { id: 'A1.3', status: 'encoded', about: 'licences', rules: ['licences'] },
    ],
  }, null, 2) + '\n');
  return { rules, cache, file: (p) => join(rules, p) };
}

/** The same file with the byte at the first occurrence of `from` (one byte long) replaced by `to`. */
function changeOneByte(path: string, from: string, to: string): void {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(Buffer.from(from));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(Buffer.byteLength(from)).toBe(1);
  bytes[at] = Buffer.from(to)[0]!;
  writeFileSync(path, bytes);
}

/** The cache on disk alone: a pack loaded earlier by this process is not reused (see the last test). */
const load = (p: { rules: string; cache: string }) => loadAuditRulePack(p.rules, { cacheDir: p.cache, inProcess: false });
const errors = (pack: { diagnostics: readonly { severity: string; code: string }[] }) => pack.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('the pack cache', () => {
  it('serves the second load, with the same versions, quotes, diagnostics and compiled rules', async () => {
    const p = smallPack('same');
    const fresh = await load(p);
    expect(fresh.cached).toBe(false);
    expect(fresh.ok).toBe(true);
    const hit = await load(p);
    expect(hit.cached).toBe(true);
    expect(hit.versions).toEqual(fresh.versions);
    expect([...hit.quotes]).toEqual([...fresh.quotes]);
    expect([...hit.sources]).toEqual([...fresh.sources]);
    expect([...hit.sources.keys()]).toEqual(['residential/licences@v1']);
    expect(hit.diagnostics).toEqual(fresh.diagnostics);
    expect(hit.rulesetsFor('residential').map((r) => r.toJson())).toEqual(fresh.rulesetsFor('residential').map((r) => r.toJson()));
    expect(hit.rulesetsFor('day_care')).toEqual([]);
    // The entry lives in the cache folder, never among the rule files.
    expect(readdirSync(p.cache).filter((n) => n.endsWith('.pack'))).toHaveLength(1);
    expect(readdirSync(join(p.rules, 'residential')).sort()).toEqual(['v1.ereje', 'v1.manifest.json']);
  });

  it.each([
    ['a rule file', 'residential/v1.ereje', 'L', 'l'],
    ['a manifest', 'residential/v1.manifest.json', 'p', 'P'],
    ['the calendar', 'calendars/kz.json', 'K', 'Q'],
    ['a file a ruleset imports', 'params/licences.ereje', 'c', 'C'],
    ['the act text (outside any quote)', 'act/act.txt', '9', '8'],
  ])('is not used once one byte of %s changes', async (_what, file, from, to) => {
    const p = smallPack(`byte-${file.replace(/\W/g, '-')}`);
    await load(p);
    expect((await load(p)).cached).toBe(true);
    changeOneByte(p.file(file), from, to);
    const after = await load(p);
    expect(after.cached).toBe(false);
    // …and the entry written for the new content is used from then on.
    expect((await load(p)).cached).toBe(true);
  });

  it('reports a quote the act no longer holds after one byte of the act changes, instead of the cached verdict', async () => {
    const p = smallPack('act-quote');
    expect(errors(await load(p))).toEqual([]);
    expect((await load(p)).cached).toBe(true);
    const text = readFileSync(ACT, 'utf8');
    // Edit a letter inside the quoted passage: the quote no longer verifies.
    writeFileSync(p.file('act/act.txt'), text.replace('дәрігерлік қызметке', 'дәрігерлік қызметте'));
    const after = await load(p);
    expect(after.cached).toBe(false);
    expect(errors(after)).toEqual(['quote-mismatch']);
    expect(after.ok).toBe(false);
  });

  it('is not used when a rule file is added or removed', async () => {
    const p = smallPack('files');
    await load(p);
    writeFileSync(p.file('residential/notes.ereje'), '# notes, no rules yet\n');
    expect((await load(p)).cached).toBe(false);
    expect((await load(p)).cached).toBe(true);
    unlinkSync(p.file('residential/notes.ereje'));
    expect((await load(p)).cached).toBe(false);
  });

  it('rebuilds a truncated or corrupt entry instead of trusting it', async () => {
    const p = smallPack('corrupt');
    const fresh = await load(p);
    const entry = join(p.cache, readdirSync(p.cache).find((n) => n.endsWith('.pack'))!);
    const size = readFileSync(entry).length;
    truncateSync(entry, Math.floor(size / 2));
    const afterTruncation = await load(p);
    expect(afterTruncation.cached).toBe(false);
    expect(afterTruncation.versions).toEqual(fresh.versions);
    expect((await load(p)).cached).toBe(true);
    // One flipped byte in the middle of the serialized rules.
    const bytes = readFileSync(entry);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
    writeFileSync(entry, bytes);
    expect((await load(p)).cached).toBe(false);
    writeFileSync(entry, 'not a cache entry');
    const again = await load(p);
    expect(again.cached).toBe(false);
    expect(again.rulesetsFor('residential').map((r) => r.toJson())).toEqual(fresh.rulesetsFor('residential').map((r) => r.toJson()));
  });

  it('is not written at all when there is no cache folder', async () => {
    const p = smallPack('none');
    const a = await loadAuditRulePack(p.rules, { cacheDir: null, inProcess: false });
    const b = await loadAuditRulePack(p.rules, { cacheDir: null, inProcess: false });
    expect([a.cached, b.cached]).toEqual([false, false]);
  });

  it('reuses a pack this process loaded, compiled versions and all, until one byte of its files changes', async () => {
    const p = smallPack('in-process');
    const first = await loadAuditRulePack(p.rules, { cacheDir: null });
    const compiled = first.rulesetsFor('residential')[0];
    const again = await loadAuditRulePack(p.rules, { cacheDir: null });
    expect(again.cached).toBe(true);
    expect(again.rulesetsFor('residential')[0]).toBe(compiled);
    changeOneByte(p.file('act/act.txt'), '9', '8');
    const after = await loadAuditRulePack(p.rules, { cacheDir: null });
    expect(after.cached).toBe(false);
    expect(after.rulesetsFor('residential')[0]).not.toBe(compiled);
  });
});

describe('loadRulePack', () => {
  it('gives again the pack this process loaded while its files are unchanged, and loads afresh after one byte changes', async () => {
    const p = smallPack('load-rule-pack');
    const first = await loadRulePack(p.rules);
    expect(await loadRulePack(p.rules)).toBe(first);
    changeOneByte(p.file('residential/v1.manifest.json'), 'p', 'P');
    const after = await loadRulePack(p.rules);
    expect(after).not.toBe(first);
    expect(after.diagnostics.some((d) => d.code === 'manifest-shape')).toBe(true);
    expect(first.diagnostics.some((d) => d.code === 'manifest-shape')).toBe(false);
  });
});

describe('an audit with the cached bundled pack', () => {
  it('writes byte for byte the report of a freshly loaded pack, for every example workbook', async () => {
    const cache = join(root, 'bundled-cache');
    const examples = join(defaultRulesDir(), '..', 'examples');
    const reports = async () => {
      const pack = await loadAuditPack(defaultRulesDir(), { cacheDir: cache, inProcess: false });
      const out: string[] = [];
      for (const name of ['residential-2010.xlsx', 'home-care-2010.xlsx', 'day-care-2010.xlsx']) {
        const { report } = await auditWorkbook(new Uint8Array(readFileSync(join(examples, name))), name, pack, { lang: 'en', version: 'test' });
        out.push(renderJson(report));
      }
      return out;
    };
    const fresh = await reports();
    expect(readdirSync(cache).filter((n) => n.endsWith('.pack'))).toHaveLength(1);
    const cached = await reports();
    expect(cached).toEqual(fresh);
    expect((await loadAuditRulePack(defaultRulesDir(), { cacheDir: cache, inProcess: false })).cached).toBe(true);
  });
});
