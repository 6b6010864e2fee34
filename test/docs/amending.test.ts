// docs/amending.md is run, not just read: in a copy of the project's rules, every `$ ereje …` command of
// its console blocks runs in order and must print what the guide shows (a line `…` stands for any
// lines, a `…` inside a line for any text) with the exit status shown (`[exit N]`, else 0); every file
// the guide writes (```ereje PATH, ```diff PATH) is written, and must equal the fixture it stands for.
// A ```diff block is `git diff` hunks (`@@ -line,count +line,count @@`, then ` `, `-` and `+` lines):
// each applies where its header says, to the lines it shows, as `git apply` would.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { squeeze } from '../../src/rulepack/quotes.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(join(root, 'docs', 'amending.md'), 'utf8');
const fixture = join(root, 'test', 'fixtures', 'amendment');

interface Block { readonly lang: string; readonly path: string | null; readonly body: string }

interface Hunk { readonly oldStart: number; readonly oldCount: number; readonly newCount: number; readonly old: string[]; readonly new: string[] }

/** The hunks of a ```diff block; a line that is no hunk header, context, removal or addition fails. */
function hunks(body: string): Hunk[] {
  const out: { oldStart: number; oldCount: number; newCount: number; old: string[]; new: string[] }[] = [];
  for (const line of body.replace(/\n$/, '').split('\n')) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@/.exec(line);
    if (header) {
      out.push({ oldStart: Number(header[1]), oldCount: Number(header[2]), newCount: Number(header[4]), old: [], new: [] });
      continue;
    }
    const hunk = out.at(-1);
    expect(hunk, `a diff line before any @@ header: ${line}`).toBeDefined();
    expect(line[0], `not a diff line: ${line}`).toMatch(/^[ +-]$/);
    if (line[0] !== '+') hunk!.old.push(line.slice(1));
    if (line[0] !== '-') hunk!.new.push(line.slice(1));
  }
  return out;
}

/** `text` with the hunks applied; each must find its lines where its header says. */
function applyHunks(text: string, diff: readonly Hunk[]): string {
  const lines = text.split('\n');
  for (const h of [...diff].sort((a, b) => b.oldStart - a.oldStart)) {
    expect([h.old.length, h.new.length]).toEqual([h.oldCount, h.newCount]);
    expect(lines.slice(h.oldStart - 1, h.oldStart - 1 + h.oldCount), `the hunk at line ${h.oldStart}`).toEqual(h.old);
    lines.splice(h.oldStart - 1, h.oldCount, ...h.new);
  }
  return lines.join('\n');
}

function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+)(?: (\S+))?\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, path: m[2] ?? null, body: m[3]! }));
}

/** A command line as a shell would split it (double quotes only, which is all the guide uses). */
function argv(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!));
}

/** Whether `actual` lines match `expected`: a line `…` matches any lines, a `…` inside a line any text. */
function matches(expected: readonly string[], actual: readonly string[]): boolean {
  const line = (e: string, a: string) => new RegExp(`^${e.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(a);
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let r: boolean;
    if (i === expected.length) r = j === actual.length;
    else if (expected[i] === '…') r = go(i + 1, j) || (j < actual.length && go(i, j + 1));
    else r = j < actual.length && line(expected[i]!, actual[j]!) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

const sandbox = mkdtempSync(join(tmpdir(), 'ereje-doc-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('docs/amending.md', () => {
  it('runs as written on a copy of the rules: every command prints what the guide shows', async () => {
    cpSync(join(root, 'rules'), join(sandbox, 'rules'), { recursive: true });
    mkdirSync(join(sandbox, 'test', 'fixtures', 'amendment'), { recursive: true });
    cpSync(join(fixture, 'residential-2009q4-2010q1.xlsx'), join(sandbox, 'test', 'fixtures', 'amendment', 'residential-2009q4-2010q1.xlsx'));
    // Section 2: the amending order's text, saved beside the act.
    cpSync(join(fixture, 'act', 'test-amendment.txt'), join(sandbox, 'rules', 'kz', 'mlsp-306-o', 'act', 'test-amendment.txt'));

    const cwd = process.cwd();
    process.chdir(sandbox);
    let commands = 0;
    try {
      for (const b of blocks(doc)) {
        if (b.lang === 'ereje' && b.path) {
          // The amendment as the guide shows it is the fixture, word for word.
          expect(b.body).toBe(readFileSync(join(fixture, 'residential', '2010-test-amendment.ereje'), 'utf8'));
          writeFileSync(join(sandbox, b.path), b.body);
        } else if (b.lang === 'diff' && b.path) {
          const file = join(sandbox, b.path);
          const text = applyHunks(readFileSync(file, 'utf8'), hunks(b.body));
          writeFileSync(file, text);
          expect(text).toBe(readFileSync(join(fixture, 'residential', '2010-test-amendment.manifest.json'), 'utf8'));
        } else if (b.lang === 'console') {
          const steps = b.body.split(/^(?=\$ )/m);
          for (const step of steps) {
            const [command, ...rest] = step.replace(/\n$/, '').split('\n');
            expect(command!.startsWith('$ ereje ')).toBe(true);
            const exit = rest.at(-1)?.match(/^\[exit (\d)\]$/);
            const expected = exit ? rest.slice(0, -1) : rest;
            let out = '';
            const code = await main(argv(command!.slice(2)).slice(1), { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, isTTY: false });
            const actual = out.replace(/\n$/, '').split('\n');
            expect({ command, code, matched: matches(expected, actual) }, `output:\n${out}`).toEqual({ command, code: exit ? Number(exit[1]) : 0, matched: true });
            commands++;
          }
        }
      }
    } finally {
      process.chdir(cwd);
    }
    expect(commands).toBeGreaterThanOrEqual(9);
    // The report the last command wrote names, for each finding, the version that judged it.
    const report = JSON.parse(readFileSync(join(sandbox, 'report.json'), 'utf8')) as { findings: { version: string; period?: string }[] };
    expect(report.findings.map((f) => `${f.version} ${f.period ?? ''}`.trim())).toEqual(['2010-test-amendment', '2009-240-o 2009-11', '2010-test-amendment 2010-Q1']);
  });

  it('quotes the made-up order as it is', () => {
    const order = squeeze(readFileSync(join(fixture, 'act', 'test-amendment.txt'), 'utf8'));
    const excerpt = blocks(doc).find((b) => b.lang === 'text')!.body;
    // Every part of the excerpt between elisions is the order's, word for word (line breaks aside).
    const parts = excerpt.split('…').map(squeeze).filter(Boolean);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    for (const part of parts) expect(order).toContain(part);
  });
});
