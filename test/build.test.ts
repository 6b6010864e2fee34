// bin/ereje.js runs the bundle of the sources as they are now: in a copy of the project, an edited
// source file is what the next run executes (a new build, never the stale one), and --debug stack
// traces name the .ts line.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'ereje-build-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

for (const p of ['package.json', 'tsconfig.json', 'bin', 'scripts/build.js', 'src', 'grammar', 'rules']) cpSync(join(repo, p), join(copy, p), { recursive: true });
mkdirSync(join(copy, 'examples'));
cpSync(join(repo, 'examples', 'residential-2010.xlsx'), join(copy, 'examples', 'residential-2010.xlsx'));
symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
const env = { ...process.env, EREJE_CACHE_DIR: join(copy, '.cache') };

const ereje = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'bin', 'ereje.js'), ...args], { cwd: copy, env, encoding: 'utf8' });
const builds = () => readdirSync(join(copy, 'dist')).filter((n) => !n.startsWith('.'));

describe('bin/ereje.js', () => {
  it('builds the sources on the first run, and builds again after a source file is edited', () => {
    const first = ereje('--help');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Rules-as-code for social-care regulation');
    expect(builds()).toHaveLength(1);
    expect(existsSync(join(copy, 'dist', builds()[0]!, 'cli.js'))).toBe(true);

    const main = join(copy, 'src', 'cli', 'main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('Rules-as-code for social-care regulation', 'Rules-as-code, edited'));
    const second = ereje('--help');
    expect(second.stdout).toContain('Rules-as-code, edited');
    expect(second.stderr).toBe('');
    expect(builds()).toHaveLength(2);
    // Unchanged sources: the build is reused.
    expect(ereje('--help').stdout).toBe(second.stdout);
    expect(builds()).toHaveLength(2);
  });

  it('prints, with --debug, a stack trace that names the TypeScript line', () => {
    const run = join(copy, 'src', 'cli', 'audit-pack.ts');
    const lines = readFileSync(run, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('export async function loadAuditPack(')) + 1;
    lines.splice(at, 0, "  throw new Error('planted for the test');");
    writeFileSync(run, lines.join('\n'));
    const out = ereje('audit', 'examples/residential-2010.xlsx', '--debug', '--lang', 'en');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('internal error: planted for the test');
    expect(out.stderr).toMatch(new RegExp(`src/cli/audit-pack\\.ts:${at + 1}:\\d+`));
  });

  it('is what `npm run build` makes, and the build script names the same folder', () => {
    const fingerprint = execFileSync(process.execPath, ['--input-type=module', '-e', `import { sourceFingerprint } from ${JSON.stringify(join(copy, 'scripts', 'build.js'))}; console.log(sourceFingerprint())`], { encoding: 'utf8' }).trim();
    expect(builds()).toContain(fingerprint);
  });
});
