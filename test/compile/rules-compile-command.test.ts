// `ereje rules compile [DIR] --out DIR` writes one json-rules-engine JSON file per ruleset version.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const dirs: string[] = [];
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'ereje-compile-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => { out.stdout += t; }, stderr: (t: string) => { out.stderr += t; }, isTTY: false } };
}

describe('ereje rules compile', () => {
  it('writes the bundled rule pack as json-rules-engine rules, facts by name only', async () => {
    const outDir = tmp();
    const { out, io: cli } = io();
    expect(await main(['rules', 'compile', '--out', outDir], cli)).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(['day-care@2009-240-o.json', 'home-care@2009-240-o.json', 'residential@2009-240-o.json']);
    const text = readFileSync(join(outDir, 'residential@2009-240-o.json'), 'utf8');
    const json = JSON.parse(text) as { schema: string; act: string; rules: { name: string; conditions: unknown; event: { type: string } }[] };
    expect(json.schema).toBe('ereje.compiled-ruleset/1');
    expect(json.act).toBe('Order N 240-ө of 2009-07-30');
    expect(json.rules.every((r) => r.event.type === 'compliant' && r.name.startsWith('residential/'))).toBe(true);
    expect(text).not.toMatch(/"path"/);
    expect(out.stdout).toMatch(/residential@2009-240-o\.json: \d+ rules/);
  });
  it('replaces its own earlier output, never a file ereje did not write (unless --force)', async () => {
    const outDir = tmp();
    expect(await main(['rules', 'compile', '--out', outDir], io().io)).toBe(0);
    // A re-run replaces the compiled rulesets it wrote.
    expect(await main(['rules', 'compile', '--out', outDir], io().io)).toBe(0);
    // A user's file where one would go: refused before anything is written, left as it was.
    const mine = join(outDir, 'residential@2009-240-o.json');
    writeFileSync(mine, '{"notes": "mine"}\n');
    rmSync(join(outDir, 'day-care@2009-240-o.json'));
    const { out, io: cli } = io();
    expect(await main(['rules', 'compile', '--out', outDir, '--lang', 'en'], cli)).toBe(2);
    expect(out.stderr).toMatch(/residential@2009-240-o\.json exists and is not a report ereje wrote/);
    expect(readFileSync(mine, 'utf8')).toBe('{"notes": "mine"}\n');
    expect(readdirSync(outDir)).not.toContain('day-care@2009-240-o.json');
    expect(out.stdout).toBe('');
    expect(await main(['rules', 'compile', '--out', outDir, '--force'], io().io)).toBe(0);
    expect(JSON.parse(readFileSync(mine, 'utf8')).schema).toBe('ereje.compiled-ruleset/1');
  });
  it('exits 2 and writes nothing when a rule file does not compile', async () => {
    const rulesDir = tmp(), outDir = join(tmp(), 'out');
    writeFileSync(join(rulesDir, 'bad.ereje'), 'ruleset x version "1" {\n  title en "t"\n  applies_to residential\n}\n');
    const { out, io: cli } = io();
    expect(await main(['rules', 'compile', rulesDir, '--out', outDir], cli)).toBe(2);
    expect(out.stderr).toMatch(/bad\.ereje:1:1: error: .*act/);
    expect(() => readdirSync(outDir)).toThrow();
  });
});
