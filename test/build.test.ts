// bin/ereje.js runs the bundle of the sources as they are now: in a copy of the project, an edited
// source file is what the next run executes (a new build, never the stale one), and --debug stack
// traces name the .ts line.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './cli/helpers.ts';

const repo = join(import.meta.dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'ereje-build-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

for (const p of ['package.json', 'tsconfig.json', 'bin', 'scripts/build.js', 'scripts/build-stamp.js', 'src', 'grammar', 'rules']) cpSync(join(repo, p), join(copy, p), { recursive: true });
mkdirSync(join(copy, 'examples'));
for (const e of ['residential-2010', 'home-care-2010', 'day-care-2010']) cpSync(join(repo, 'examples', `${e}.xlsx`), join(copy, 'examples', `${e}.xlsx`));
symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
const env = { ...process.env, EREJE_CACHE_DIR: join(copy, '.cache') };

const ereje = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'bin', 'ereje.js'), ...args], { cwd: copy, env, encoding: 'utf8' });
const builds = () => readdirSync(join(copy, 'dist'), { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);

describe('bin/ereje.js', () => {
  it('builds the sources on the first run, builds again after a source file is edited, and traces errors to .ts lines', async () => {
    const first = ereje('--help');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Rules-as-code for social-care regulation');
    expect(builds()).toHaveLength(1);
    expect(existsSync(join(copy, 'dist', builds()[0]!, 'cli.js'))).toBe(true);

    // The bundle does what the sources do: a batch in two threads (the worker is an entry of its own).
    const batch = ereje('audit', 'examples', '--jobs', '2', '--lang', 'en', '--format', 'json', '--out', 'out');
    const inProcess = await run(['audit', join(copy, 'examples'), '--jobs', '1', '--lang', 'en', '--format', 'json', '--out', join(copy, 'out-1')]);
    expect(batch.status).toBe(inProcess.code);
    expect(batch.stdout).toBe(inProcess.stdout);
    for (const f of readdirSync(join(copy, 'out'))) {
      // generated_by names the same version; everything else is the same bytes.
      expect(readFileSync(join(copy, 'out', f), 'utf8')).toBe(readFileSync(join(copy, 'out-1', f), 'utf8'));
    }

    // The stamp of a start long after the files were written (see build-stamp.js): the next starts use it
    // instead of hashing, and an edit must still be what runs.
    execFileSync(process.execPath, ['--input-type=module', '-e', `
      import { sourceFingerprint } from ${JSON.stringify(join(copy, 'scripts', 'build.js'))};
      import { writeStamp } from ${JSON.stringify(join(copy, 'scripts', 'build-stamp.js'))};
      const seen = new Map();
      writeStamp(${JSON.stringify(copy)}, sourceFingerprint(${JSON.stringify(copy)}, seen), seen, Date.now() + 60000);`]);
    expect(JSON.parse(readFileSync(join(copy, 'dist', 'current.json'), 'utf8')).fingerprint).toBe(builds()[0]);
    expect(ereje('--help').stdout).toBe(first.stdout);

    // Two edits: a text the next run must show, and an error planted where --debug must point.
    const main = join(copy, 'src', 'cli', 'main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('Rules-as-code for social-care regulation', 'Rules-as-code, edited'));
    const pack = join(copy, 'src', 'cli', 'audit-pack.ts');
    const lines = readFileSync(pack, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('export async function loadAuditPack(')) + 1;
    lines.splice(at, 0, "  throw new Error('planted for the test');");
    writeFileSync(pack, lines.join('\n'));

    const second = ereje('--help');
    expect(second.stdout).toContain('Rules-as-code, edited');
    expect(second.stderr).toBe('');
    expect(builds()).toHaveLength(2);
    const out = ereje('audit', 'examples/residential-2010.xlsx', '--debug', '--lang', 'en');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('internal error: planted for the test');
    expect(out.stderr).toMatch(new RegExp(`src/cli/audit-pack\\.ts:${at + 1}:\\d+`));
    // Unchanged sources: the build is reused.
    expect(ereje('--help').stdout).toBe(second.stdout);
    expect(builds()).toHaveLength(2);
  });

  it('is what `npm run build` makes, and the build script names the same folder', () => {
    const fingerprint = execFileSync(process.execPath, ['--input-type=module', '-e', `import { sourceFingerprint } from ${JSON.stringify(join(copy, 'scripts', 'build.js'))}; console.log(sourceFingerprint())`], { encoding: 'utf8' }).trim();
    expect(builds()).toContain(fingerprint);
  });
});
