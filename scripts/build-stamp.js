// Which build is current, answered from file metadata instead of file contents. Hashing every source
// file (scripts/build.js) costs tens of milliseconds at every start of `ereje`; after a run that hashed
// them, dist/current.json records the fingerprint together with what the file system said about every
// input file and every folder listed to find them (size, times, inode). While every one of those answers
// is still the same, no input has changed, and the recorded fingerprint is the current one; any
// difference (an edit, a new or removed file, a file replaced by a rename) sends bin/ereje.js back to
// hashing. Plain JavaScript with no import beyond node:fs and node:path: it is loaded at every start.
//
// A write to a file sets its change time to the clock's time, so an edit after the stamp was made shows
// as a new change time — unless the edit falls within the same tick of a coarse file-system clock as
// the recorded time. Hence a stamp is written only when every recorded time is older than STAMP_MARGIN_MS
// when hashing began (as git treats "racily clean" index entries): a later edit then always has
// another time. Until the files have settled, every run hashes.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const STAMP_FILE = 'current.json';
const FORMAT = 1;
/** Older than this, a file's recorded times cannot be those of a later edit (FAT's clock ticks every 2 s). */
export const STAMP_MARGIN_MS = 3000;

/** What the file system says about a path, as far as telling a change; null: nothing there. */
export function signature(path) {
  try {
    const s = statSync(path);
    return [s.isDirectory() ? 1 : 0, s.size, s.mtimeMs, s.ctimeMs, s.ino, s.dev];
  } catch {
    return null;
  }
}

const same = (a, b) => a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * The fingerprint recorded in `<root>/dist/current.json`, when every path it observed still answers
 * the same and that build's entry module is there; else null (hash the sources to know).
 */
export function stampedFingerprint(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, 'dist', STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (stamp?.format !== FORMAT || typeof stamp.fingerprint !== 'string' || !Array.isArray(stamp.observed)) return null;
  // Paths joined by hand: path.join's normalising, ~180 times, is a measurable part of a start.
  const base = root.endsWith(sep) ? root : root + sep;
  for (const [path, sig] of stamp.observed) if (!same(signature(base + path), sig)) return null;
  if (signature(join(root, 'dist', stamp.fingerprint, 'cli.js')) === null) return null;
  return stamp.fingerprint;
}

/**
 * Records `fingerprint` as the hash of the inputs `observed` (path → signature taken before the path was
 * read or listed, as sourceFingerprint gives them) when all of them are older than the margin at
 * `startedAt` (otherwise an earlier stamp no longer matches them anyway). Best effort: a folder that
 * cannot be written only means hashing at every start.
 */
export function writeStamp(root, fingerprint, observed, startedAt) {
  const old = startedAt - STAMP_MARGIN_MS;
  if (![...observed.values()].every((sig) => sig === null || (sig[2] < old && sig[3] < old))) return;
  const path = join(root, 'dist', STAMP_FILE);
  try {
    const tmp = `${path}.${process.pid}.tmp`;
    const paths = [...observed].map(([p, sig]) => [relative(root, p).split(sep).join('/'), sig]);
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, fingerprint, observed: paths }));
    renameSync(tmp, path);
  } catch {
    // Read-only or vanished dist/: the next start hashes again.
  }
}
