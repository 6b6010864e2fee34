// loadRulePack after a syntax error: the rest of the broken file is still checked (and reported), but
// only whole files are compiled.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rulepack/pack.ts';

const rules = fileURLToPath(new URL('../../rules', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ereje-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadRulePack on a file with a missing }', () => {
  it('reports the open rule and the later rules\' problems; compiles the other files only', async () => {
    cpSync(rules, dir, { recursive: true });
    const path = join(dir, 'kz/mlsp-306-o/day-care/2009-240-o.ereje');
    const text = readFileSync(path, 'utf8');
    const broken = text.replace(/(rule regime-hours \{[\s\S]*?\n)\}\n/, '$1').replace('c.admitted_on)', 'c.admited_on)');
    expect(broken).not.toBe(text);
    writeFileSync(path, broken);
    const pack = await loadRulePack(dir);
    expect(pack.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.en)).toEqual([
      expect.stringMatching(/^rule regime-hours \(opened at \d+:1\) is not closed: add the missing '\}' before this line$/),
      "sheet children has no column 'admited_on' (did you mean 'admitted_on'?)",
    ]);
    expect(pack.ok).toBe(false);
    expect(pack.files.map((f) => f.ruleset?.id ?? 'params').sort()).toEqual(['home-care', 'params', 'residential']);
    expect(pack.rulesets.map((r) => r.id).sort()).toEqual(['home-care', 'residential']);
  });
});
