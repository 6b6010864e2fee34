// Reading a rule directory from disk: the only file I/O of the rule pack (the stages after it are pure).
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RuleSource { readonly path: string; readonly text: string }

/** The repository's `rules/` folder, found from this module's location so the CLI works from any cwd. */
export function defaultRulesDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
}

/** Every file under `dir` whose name ends with one of `suffixes`, as absolute paths, sorted. */
export async function findFiles(dir: string, suffixes: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && suffixes.some((s) => e.name.endsWith(s))) out.push(p);
    }
  };
  await walk(resolve(dir));
  // Sort by path with `/` separators, so the order (and every listing) is the same on every OS.
  return out.sort((a, b) => cmp(a.split(sep).join('/'), b.split(sep).join('/')));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** All `**\/*.ereje` files under `dir`, sorted by path; `path` is absolute. */
export async function loadRuleSources(dir: string): Promise<RuleSource[]> {
  const paths = await findFiles(dir, ['.ereje']);
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

/** A path as shown to a person: relative to `base` when it lies inside it. */
export function displayPath(path: string, base: string): string {
  const rel = relative(base, path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}
