// The self-check page as `npm run web` builds it, built once per change of what it is made of (src/,
// rules/, the installed packages) and shared by every test that opens it: it is kept in
// test-artifacts/web/ under a hash of its sources, so a test run builds it at most once however many
// test files ask, and not at all when nothing changed.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../src/cli/version.ts';
import { buildSelfCheckPage } from '../../src/web/build/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = join(ROOT, 'test-artifacts', 'web');

export interface BuiltPage {
  /** The page on disk, to open as file://. */
  readonly path: string;
  readonly url: string;
  readonly inputs: { readonly page: readonly string[]; readonly engine: readonly string[] };
}

function files(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function fingerprint(): string {
  const hash = createHash('sha256').update(version);
  const inputs = [...files(join(ROOT, 'src'), []), ...files(join(ROOT, 'rules'), []), join(ROOT, 'package-lock.json')].sort();
  for (const f of inputs) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Pages of earlier sources, once no test run can still be opening them. */
function prune(current: string): void {
  const hour = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(DIR)) {
    if (!name.startsWith('self-check-') || name.includes(current)) continue;
    try { if (statSync(join(DIR, name)).mtimeMs < hour) rmSync(join(DIR, name)); } catch { /* gone already */ }
  }
}

let built: Promise<BuiltPage> | undefined;

export function builtPage(): Promise<BuiltPage> {
  built ??= (async () => {
    const key = fingerprint();
    const path = join(DIR, `self-check-${key}.html`);
    const meta = join(DIR, `self-check-${key}.json`);
    if (!existsSync(path) || !existsSync(meta)) {
      const page = await buildSelfCheckPage({ version });
      mkdirSync(DIR, { recursive: true });
      // Written aside and renamed: test files building at once each end with a whole page.
      const tmp = `.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(join(DIR, `${tmp}.json`), JSON.stringify(page.inputs));
      writeFileSync(join(DIR, `${tmp}.html`), page.html);
      renameSync(join(DIR, `${tmp}.json`), meta);
      renameSync(join(DIR, `${tmp}.html`), path);
      prune(key);
    }
    return { path, url: `file://${path}`, inputs: JSON.parse(readFileSync(meta, 'utf8')) as BuiltPage['inputs'] };
  })();
  return built;
}
