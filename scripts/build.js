// The build: src/ (TypeScript, the source) bundled by esbuild into dist/<fingerprint>/, where the
// fingerprint is a hash of everything the bundle is made from (src/, grammar/, package.json, tsconfig,
// the installed dependencies, this file). bin/ereje.js runs dist/<fingerprint of the tree as it is now>/
// and builds it first when it is missing, so a build can never be stale: an edited source file has
// another fingerprint, hence another folder. Plain JavaScript, so that bin/ereje.js can use it without
// a TypeScript loader. `npm ci` runs it through `prepare`; `node scripts/build.js` runs it by hand.
// Hashing the inputs takes tens of milliseconds; dist/current.json (see build-stamp.js) lets a start
// whose inputs are untouched since the last hash skip it.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { signature, writeStamp } from './build-stamp.js';

/** The package's root folder (the one holding package.json). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Entry points: the CLI, and the module each worker thread of a batch audit runs. Chunks land beside
 * them in dist/<fingerprint>/: a module there is as deep below the root as one in src/<folder>/, so
 * paths found from `import.meta.url` (the bundled rules/, package.json) are the same in both.
 */
const ENTRIES = { cli: 'src/cli/main.ts', 'audit-worker': 'src/cli/audit-worker.ts' };

/**
 * Besides the current build, the newest few are kept, and any younger than a few minutes: a run that
 * started from an older build loads its chunks from there during its first moments.
 */
const KEEP_BUILDS = 3;
const KEEP_MS = 10 * 60 * 1000;

/** Lists the files under `dir`; `seen` gets each folder's signature, taken before it is listed. */
function walk(dir, out, seen) {
  seen?.set(dir, signature(dir));
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out, seen);
    else if (e.isFile()) out.push(p);
  }
}

/** The files a build is made from, sorted; `seen` (see walk) gets what was looked for to find them. */
export function buildInputs(root = ROOT, seen = undefined) {
  const files = [];
  walk(join(root, 'src'), files, seen);
  walk(join(root, 'grammar'), files, seen);
  const code = files.filter((f) => /\.(ts|js|mjs|json)$/.test(f));
  // The dependencies bundled in: npm's record of what is installed (falls back to the lock file).
  const npmRecord = join(root, 'node_modules', '.package-lock.json');
  seen?.set(npmRecord, signature(npmRecord));
  const installed = existsSync(npmRecord) ? npmRecord : join(root, 'package-lock.json');
  const candidates = [join(root, 'package.json'), join(root, 'tsconfig.json'), fileURLToPath(import.meta.url), installed];
  // An absent one is recorded too: its appearing changes the inputs.
  for (const f of candidates) seen?.set(f, signature(f));
  const more = candidates.filter((f) => existsSync(f));
  return [...code, ...more].sort();
}

/**
 * A hash of the build's inputs (paths and contents): the name of the folder in dist/ it is built into.
 * `seen`, when given, gets the signature of every input (taken before it is read) and of every folder listed.
 */
export function sourceFingerprint(root = ROOT, seen = undefined) {
  const hash = createHash('sha256');
  for (const f of buildInputs(root, seen)) {
    seen?.set(f, signature(f));
    hash.update(relative(root, f).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The build of the tree as it is now, made first when missing (see build), and recorded in
 * dist/current.json so that the next start can tell it is still current without hashing (see
 * build-stamp.js).
 */
export async function ensureBuild(root = ROOT) {
  const startedAt = Date.now();
  const seen = new Map();
  const fingerprint = sourceFingerprint(root, seen);
  await build(root, fingerprint);
  writeStamp(root, fingerprint, seen, startedAt);
  return builtCli(root, fingerprint);
}

/** The CLI's entry module for the tree as it is now, and whether it has been built. */
export function builtCli(root = ROOT, fingerprint = sourceFingerprint(root)) {
  const file = join(root, 'dist', fingerprint, 'cli.js');
  return { file, url: pathToFileURL(file).href, fingerprint, built: existsSync(file) };
}

/**
 * Bundles src/ into dist/<fingerprint>/ (ESM, code split so that each command loads only the modules it
 * uses, with source maps so that `--debug` stack traces name .ts lines). The bundle is written into a
 * fresh folder and renamed into place, so a run never sees half a build, and two processes building at
 * once both end with the same complete folder.
 */
export async function build(root = ROOT, fingerprint = sourceFingerprint(root)) {
  const target = join(root, 'dist', fingerprint);
  if (existsSync(join(target, 'cli.js'))) return target;
  const { build: esbuild } = await import('esbuild');
  mkdirSync(join(root, 'dist'), { recursive: true });
  const tmp = join(root, 'dist', `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, join(root, v)])),
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      chunkNames: '[name]-[hash]',
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'error',
      // The CommonJS dependencies (commander, ajv, …) call require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __erejeCreateRequire } from 'node:module'; const require = __erejeCreateRequire(import.meta.url);" },
      define: { __EREJE_BUILD__: JSON.stringify(fingerprint) },
      // Used by the build itself (when the sources run through tsx), never by a built ereje.
      external: ['esbuild'],
    });
    try {
      renameSync(tmp, target);
    } catch (err) {
      // Another process finished the same build first: its folder is as good as ours.
      if (!existsSync(join(target, 'cli.js'))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(join(root, 'dist'), fingerprint);
  return target;
}

/** Removes old builds (and leftovers of interrupted ones), keeping the current one and the newest few. */
function prune(distDir, current) {
  const now = Date.now();
  utimesSync(join(distDir, current), new Date(), new Date());
  const others = readdirSync(distDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ name: e.name, path: join(distDir, e.name), mtime: statSync(join(distDir, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const builds = others.filter((b) => !b.name.startsWith('.tmp-'));
  for (const b of others) {
    const old = now - b.mtime > KEEP_MS;
    // An interrupted build's folder, or a build beyond the newest few.
    if (old && (b.name.startsWith('.tmp-') || builds.indexOf(b) >= KEEP_BUILDS)) rmSync(b.path, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = performance.now();
  const { file } = await ensureBuild();
  const out = dirname(file);
  console.log(`ereje: built ${relative(process.cwd(), out) || out} in ${Math.round(performance.now() - t)} ms`);
}
