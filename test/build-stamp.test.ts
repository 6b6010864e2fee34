// dist/current.json lets bin/ereje.js skip hashing the sources while nothing it recorded has changed:
// any change to an input (an edit, a new, removed or replaced file), a stamp written while the files were
// still being edited, a damaged stamp or a missing build all send it back to hashing.
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../scripts/build.js';
import { stampedFingerprint, writeStamp, type Signature } from '../scripts/build-stamp.js';

let root: string;
/** What a start long after the files were written would see: a stamp written now counts every file as settled. */
const LATER = () => Date.now() + 60_000;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ereje-stamp-'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'grammar'));
  writeFileSync(join(root, 'package.json'), '{"name":"x","version":"0.0.1"}\n');
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export const main = () => 0;\n');
  writeFileSync(join(root, 'src', 'index.ts'), 'export {};\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Hashes the tree, "builds" it (its entry module) and stamps it; the fingerprint. */
function stamp(startedAt = LATER()): string {
  const seen = new Map<string, Signature>();
  const fingerprint = sourceFingerprint(root, seen);
  mkdirSync(join(root, 'dist', fingerprint), { recursive: true });
  writeFileSync(join(root, 'dist', fingerprint, 'cli.js'), '');
  writeStamp(root, fingerprint, seen, startedAt);
  return fingerprint;
}

describe('the build stamp', () => {
  it('gives the hashed fingerprint while nothing has changed', () => {
    const fingerprint = stamp();
    expect(stampedFingerprint(root)).toBe(fingerprint);
    expect(stampedFingerprint(root)).toBe(sourceFingerprint(root));
  });

  it('is not trusted after an edit, even one that keeps the size and the modification time', () => {
    stamp();
    const file = join(root, 'src', 'cli', 'main.ts');
    writeFileSync(file, 'export const main = () => 1;\n');
    // Same size, and the old modification time put back: the change time still tells.
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(stampedFingerprint(root)).toBeNull();
  });

  it('is not trusted after a file is added, removed or replaced, or a folder appears', () => {
    stamp();
    writeFileSync(join(root, 'src', 'cli', 'new.ts'), '');
    expect(stampedFingerprint(root)).toBeNull();

    stamp();
    rmSync(join(root, 'src', 'index.ts'));
    expect(stampedFingerprint(root)).toBeNull();

    stamp();
    writeFileSync(join(root, 'src', 'cli', 'main.ts.tmp'), 'export const main = () => 2;\n');
    renameSync(join(root, 'src', 'cli', 'main.ts.tmp'), join(root, 'src', 'cli', 'main.ts'));
    expect(stampedFingerprint(root)).toBeNull();

    stamp();
    mkdirSync(join(root, 'src', 'cli', 'sub'));
    expect(stampedFingerprint(root)).toBeNull();

    // An input that was absent (tsconfig.json) and appears.
    stamp();
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    expect(stampedFingerprint(root)).toBeNull();
  });

  it('is not written while a file is younger than the margin (an edit within the same clock tick could not be told)', () => {
    stamp(Date.now());
    expect(stampedFingerprint(root)).toBeNull();
  });

  it('is not trusted when damaged or when its build is gone', () => {
    const fingerprint = stamp();
    appendFileSync(join(root, 'dist', 'current.json'), 'x');
    expect(stampedFingerprint(root)).toBeNull();

    stamp();
    rmSync(join(root, 'dist', fingerprint, 'cli.js'));
    expect(stampedFingerprint(root)).toBeNull();
  });
});
