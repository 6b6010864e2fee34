// Reading a rule directory from disk: the only file I/O of the rule pack (the stages after it are pure).
import { readdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import type { Lang } from '../core/lang.ts';
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

/** findFiles without waiting: for the synchronous checks that run as a `rules check` hook. */
export function findFilesSync(dir: string, suffixes: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try { entries = readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && suffixes.some((s) => e.name.endsWith(s))) out.push(p);
    }
  };
  walk(resolve(dir));
  return out.sort((a, b) => cmp(a.split(sep).join('/'), b.split(sep).join('/')));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** All `**\/*.ereje` files under `dir` (or `dir` itself when it is one .ereje file), sorted by path; `path` is absolute. */
export async function loadRuleSources(dir: string): Promise<RuleSource[]> {
  const paths = (await stat(dir)).isFile() ? [resolve(dir)] : await findFiles(dir, ['.ereje']);
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

/** A path as shown to a person: relative to `base` when it lies inside it. */
export function displayPath(path: string, base: string): string {
  const rel = relative(base, path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

/**
 * Why `path`, given where a folder of rule files is expected, cannot be used: it does not exist, it is
 * neither a folder nor a .ereje file, or the folder holds no rule file (probably a mistyped path).
 * Null when it can be used.
 */
export async function ruleFolderProblem(path: string): Promise<Readonly<Record<Lang, string>> | null> {
  let isDir: boolean;
  try {
    const s = await stat(path);
    if (s.isFile() && path.endsWith('.ereje')) return null;
    isDir = s.isDirectory();
  } catch {
    return {
      en: `${path} does not exist: give a folder of rule files (*.ereje) or one .ereje file`,
      ru: `${path} не существует: укажите папку с файлами правил (*.ereje) или один файл .ereje`,
      kk: `${path} жоқ: ереже файлдары (*.ereje) бар қалтаны немесе бір .ereje файлын көрсетіңіз`,
    };
  }
  if (!isDir) {
    return {
      en: `${path} is not a folder of rule files (nor a .ereje file)`,
      ru: `${path} — не папка с файлами правил (и не файл .ereje)`,
      kk: `${path} — ереже файлдарының қалтасы емес (.ereje файлы да емес)`,
    };
  }
  if ((await findFiles(path, ['.ereje'])).length > 0) return null;
  return {
    en: `no rule files (*.ereje) found in ${path}`,
    ru: `в ${path} нет файлов правил (*.ereje)`,
    kk: `${path} ішінде ереже файлдары (*.ereje) табылмады`,
  };
}
