// Test inputs that take long to make and are always the same bytes for the same sources (a large
// generated workbook, a script bundled for plain node): kept in test-artifacts/ under a hash of what makes
// them — the files named or bundled and the installed packages — so that a test run makes each at most
// once per change of those, as test/web/built-page.ts keeps the self-check page. A missing or damaged
// file is made again.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, version as esbuildVersion } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'test-artifacts', 'cached');

/**
 * The bytes `make` returns, from the file kept for `name` when every one of `sources` (paths from the
 * repository's root; the installed packages are always included) is as it was when it was made.
 */
export function cachedFile(name: string, sources: readonly string[], make: () => Uint8Array): Uint8Array {
  const hash = createHash('sha256').update(name).update('\0');
  for (const f of [...sources, 'package-lock.json']) hash.update(relative(ROOT, join(ROOT, f))).update('\0').update(readFileSync(join(ROOT, f))).update('\0');
  const key = hash.digest('hex').slice(0, 16);
  const path = join(DIR, `${name}-${key}`);
  try {
    const kept = readFileSync(path);
    // The file ends with the hash of its content: a torn or edited file is not used.
    const body = kept.subarray(0, kept.length - 32);
    if (kept.length >= 32 && createHash('sha256').update(body).digest().equals(kept.subarray(kept.length - 32))) return new Uint8Array(body);
  } catch {
    // Not made yet.
  }
  const bytes = make();
  mkdirSync(DIR, { recursive: true });
  // Written aside and renamed: test files making it at once each end with a whole file.
  const tmp = join(DIR, `.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, Buffer.concat([bytes, createHash('sha256').update(bytes).digest()]));
  renameSync(tmp, path);
  // Those made from earlier sources are not wanted again.
  for (const old of readdirSync(DIR)) if (old.startsWith(`${name}-`) && join(DIR, old) !== path) rmSync(join(DIR, old), { force: true });
  return bytes;
}

/**
 * The path of `entry` (from the repository's root) bundled by esbuild into one JavaScript file that plain
 * node runs (`banner` put before it), kept in test-artifacts/cached/ with the list of files it was made from: built again when any
 * of them, the installed packages or esbuild's version changed (a bundle of SheetJS or date-holidays
 * costs esbuild about a fifth of a second of CPU; checking the list, a few milliseconds).
 */
export function cachedBundle(name: string, entry: string, banner = ''): string {
  const out = join(DIR, `${name}.mjs`);
  const record = join(DIR, `${name}.inputs.json`);
  const keyOf = (inputs: readonly string[]): string | null => {
    const hash = createHash('sha256').update(esbuildVersion).update('\0').update(entry).update('\0').update(banner).update('\0');
    try {
      for (const f of [...inputs, 'package-lock.json']) hash.update(f).update('\0').update(readFileSync(join(ROOT, f))).update('\0');
    } catch {
      return null;   // an input is gone: build again
    }
    return hash.digest('hex');
  };
  const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  try {
    const kept = JSON.parse(readFileSync(record, 'utf8')) as { inputs: string[]; key: string; bundle: string };
    if (kept.key === keyOf(kept.inputs) && kept.bundle === digest(out)) return out;
  } catch {
    // Not built yet, or its record or bundle is unreadable.
  }
  mkdirSync(DIR, { recursive: true });
  // Written aside and renamed: test files building it at once each end with a whole file.
  const tmp = join(DIR, `.${randomBytes(4).toString('hex')}`);
  const { metafile } = buildSync({
    entryPoints: [join(ROOT, entry)], outfile: `${tmp}.mjs`, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error', metafile: true, absWorkingDir: ROOT,
    ...(banner === '' ? {} : { banner: { js: banner } }),
  });
  const inputs = Object.keys(metafile.inputs).sort();
  writeFileSync(`${tmp}.json`, JSON.stringify({ inputs, key: keyOf(inputs), bundle: digest(`${tmp}.mjs`) }));
  renameSync(`${tmp}.mjs`, out);
  renameSync(`${tmp}.json`, record);
  return out;
}
