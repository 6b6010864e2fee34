// A batch in parallel (`ereje audit DIR --jobs N`): every good workbook's report and one failure line
// for a corrupt one, the others going on; and what a run of several jobs writes and prints is byte for
// byte what a run of one job does — reports, summary.json, summary.html, the table, the warnings, the
// follow-up against earlier reports.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startProgress } from '../../src/cli/progress.ts';
import { run, type Captured } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ereje-batch-jobs-'));
const EXAMPLES = ['residential-2010', 'home-care-2010', 'day-care-2010'];

/** A folder of the three examples (`copies`: each also under another name) and `corrupt.xlsx`: half a workbook. */
function folder(name: string, copies: boolean): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const e of EXAMPLES) {
    copyFileSync(`examples/${e}.xlsx`, join(dir, `${e}.xlsx`));
    if (copies) copyFileSync(`examples/${e}.xlsx`, join(dir, `${e}-copy.xlsx`));
  }
  const bytes = readFileSync('examples/residential-2010.xlsx');
  writeFileSync(join(dir, 'corrupt.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  return dir;
}

/** Every file a run wrote, by name, with its bytes. */
function written(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));
}

/** Two runs print the same; `outs`: the report folders each names in its last lines, the one thing that may differ. */
const same = (a: Captured, b: Captured, outs: readonly string[] = []) => {
  const plain = (r: Captured, out: string | undefined) => (out === undefined ? r.stderr : r.stderr.replaceAll(out, 'OUT'));
  expect(b.code).toBe(a.code);
  expect(b.stdout).toBe(a.stdout);
  expect(plain(b, outs[1])).toBe(plain(a, outs[0]));
};

describe('ereje audit DIR --jobs N', () => {
  const seven = folder('seven', true);
  const four = folder('four', false);

  it('writes every good workbook\'s report, with follow-up, and one failure line for the corrupt one: byte for byte as one job does', async () => {
    const earlier = join(tmp, 'earlier');
    expect((await run(['audit', ...EXAMPLES.map((e) => `examples/${e}.xlsx`), '--format', 'json', '--out', earlier, '--lang', 'en', '--jobs', '1'])).code).toBe(1);
    const outs = ['1', '2'].map((jobs) => join(tmp, `out-${jobs}`));
    const one = await run(['audit', seven, '--baseline', earlier, '--jobs', '1', '--format', 'md', '--out', outs[0]!, '--lang', 'ru']);
    const two = await run(['audit', seven, '--baseline', earlier, '--jobs', '2', '--format', 'md', '--out', outs[1]!, '--lang', 'ru']);
    expect(two.code).toBe(2);
    const reports = EXAMPLES.flatMap((e) => [`${e}-copy.md`, `${e}.md`]);
    expect(readdirSync(outs[1]!).sort()).toEqual([...reports, 'summary.html', 'summary.json'].sort());
    const failures = two.stderr.split('\n').filter((l) => l.includes('corrupt.xlsx'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^ereje: .*corrupt\.xlsx/);
    expect(two.stdout).toMatch(/^corrupt\.xlsx\s+—\s+—.*\s2$/m);
    const summary = JSON.parse(readFileSync(join(outs[1]!, 'summary.json'), 'utf8')) as {
      totals: { workbooks: number; audited: number; failed: number };
      workbooks: { file: string; follow_up: { baseline: string; persisting: number } | null }[];
    };
    expect(summary.totals).toMatchObject({ workbooks: 7, audited: 6, failed: 1 });
    // Each workbook compared with its facility's earlier report, which the main thread held for the workers.
    const copy = summary.workbooks.find((w) => w.file === 'home-care-2010-copy.xlsx')!;
    expect(copy.follow_up?.baseline).toBe('home-care-2010.xlsx');
    expect(copy.follow_up?.persisting).toBeGreaterThan(0);
    // Reports, summary.json, summary.html, the table and the lines on standard error: as one job writes them.
    same(one, two, outs);
    expect(written(outs[1]!)).toEqual(written(outs[0]!));
  });

  it('prints the same terminal summaries, in input order, when no report is written', async () => {
    const one = await run(['audit', four, '--jobs', '1', '--lang', 'kk']);
    const two = await run(['audit', four, '--jobs', '2', '--lang', 'kk']);
    same(one, two);
    expect(one.stdout.indexOf('day-care-2010.xlsx')).toBeLessThan(one.stdout.indexOf('home-care-2010.xlsx'));
  });

  it('refuses a --jobs that is not a whole number from 1', async () => {
    for (const jobs of ['0', 'two', '1.5']) {
      const r = await run(['audit', four, '--jobs', jobs, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`ereje: --jobs ${jobs}: give how many workbooks to audit at once, a whole number from 1 (default: the number of cores).\n`);
    }
  });
});

describe('the progress bar of a batch', () => {
  it('shows on a terminal the workbooks done of all, the time left and the last one done, and clears itself', () => {
    let text = '';
    const stream = Object.assign(new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } }), { isTTY: true, columns: 120 }) as unknown as NodeJS.WriteStream;
    const progress = startProgress(3, true, stream);
    progress.step('a.xlsx');
    progress.interrupt(() => { text += 'ereje: b.xlsx: a failure\n'; });
    progress.step('b.xlsx');
    progress.step('c.xlsx');
    progress.stop();
    expect(text).toMatch(/\[[░█]+\] 1\/3 \| .* left \| a\.xlsx/);
    expect(text).toContain('ereje: b.xlsx: a failure\n');
    expect(text).toMatch(/3\/3/);
  });

  it('stays silent when standard error is not a terminal', () => {
    let text = '';
    const stream = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } }) as unknown as NodeJS.WriteStream;
    const progress = startProgress(3, false, stream);
    progress.step('a.xlsx');
    progress.stop();
    expect(text).toBe('');
  });
});
