// Test inputs that take long to make and are always the same bytes for the same sources (a large
// generated workbook): kept in test-artifacts/ under a hash of what makes them — the files named and the
// installed packages — so that a test run makes each at most once per change of those, as
// test/web/built-page.ts keeps the self-check page. A missing or damaged file is made again.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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
