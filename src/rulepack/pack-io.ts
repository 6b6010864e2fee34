// Every file-system question loading a rule pack asks, in one place: a pack kept in memory or in the
// pack cache (pack-cache.ts) was loaded through a PackIO that recorded the answers, and is used only
// while every answer is still the same.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { findFilesSync } from './load.ts';

export interface PackIO {
  exists(path: string): boolean;
  isFile(path: string): boolean;
  /** The file's text; throws when it cannot be read. */
  readText(path: string): string;
  /** The names in a folder; empty when it cannot be read. */
  readdir(dir: string): string[];
  /** Files under `dir` ending with one of `suffixes`, as absolute paths, sorted (see findFilesSync). */
  findFiles(dir: string, suffixes: readonly string[]): string[];
}

export const FS_IO: PackIO = {
  exists: (p) => existsSync(p),
  isFile: (p) => { try { return statSync(p).isFile(); } catch { return false; } },
  readText: (p) => readFileSync(p, 'utf8'),
  readdir: (d) => { try { return readdirSync(d); } catch { return []; } },
  findFiles: (d, suffixes) => findFilesSync(d, suffixes),
};

/** A question loading asked, and its answer (a file's content by the hash of its bytes). */
export type Observation =
  | { readonly op: 'exists' | 'isFile'; readonly path: string; readonly answer: boolean }
  | { readonly op: 'read'; readonly path: string; readonly answer: string | null }
  | { readonly op: 'readdir' | 'findFiles'; readonly path: string; readonly suffixes?: readonly string[]; readonly answer: string };

export const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The answer an observation got, asked again now. */
function answerNow(o: Observation): string | boolean | null {
  switch (o.op) {
    case 'exists': return FS_IO.exists(o.path);
    case 'isFile': return FS_IO.isFile(o.path);
    // The file's bytes are hashed as read: decoding them to text only to encode them again for the hash
    // was most of the time a start spends making sure a kept pack is still current.
    case 'read': { try { return sha(readFileSync(o.path)); } catch { return null; } }
    case 'readdir': return sha(FS_IO.readdir(o.path).join('\n'));
    case 'findFiles': return sha(FS_IO.findFiles(o.path, o.suffixes ?? []).join('\n'));
  }
}

/** A PackIO that answers from the file system and remembers each question with its answer. */
export function recordingIO(): { io: PackIO; observations: () => Observation[] } {
  const seen = new Map<string, Observation>();
  const note = (o: Observation) => { seen.set(`${o.op}\0${o.path}\0${'suffixes' in o ? o.suffixes?.join('|') : ''}`, o); };
  const io: PackIO = {
    exists: (path) => { const answer = FS_IO.exists(path); note({ op: 'exists', path, answer }); return answer; },
    isFile: (path) => { const answer = FS_IO.isFile(path); note({ op: 'isFile', path, answer }); return answer; },
    readText: (path) => {
      try {
        const bytes = readFileSync(path);
        note({ op: 'read', path, answer: sha(bytes) });
        return bytes.toString('utf8');
      } catch (err) {
        note({ op: 'read', path, answer: null });
        throw err;
      }
    },
    readdir: (path) => { const names = FS_IO.readdir(path); note({ op: 'readdir', path, answer: sha(names.join('\n')) }); return names; },
    findFiles: (path, suffixes) => {
      const files = FS_IO.findFiles(path, suffixes);
      note({ op: 'findFiles', path, suffixes: [...suffixes], answer: sha(files.join('\n')) });
      return files;
    },
  };
  return { io, observations: () => [...seen.values()] };
}

/** Whether every question still gets the answer it got. */
export function stillAnswered(observations: readonly Observation[]): boolean {
  return observations.every((o) => answerNow(o) === o.answer);
}

/**
 * What this process loaded before, by key, each with the questions its loading asked: given again while
 * every answer is still the same. At most `max` are kept; the earliest kept go first.
 */
export class KeptLoads<T> {
  private readonly kept = new Map<string, { readonly value: T; readonly observations: readonly Observation[] }>();
  constructor(private readonly max: number) {}

  /** The value kept for `key`, if every file-system answer its loading got is still the same. */
  get(key: string): T | undefined {
    const earlier = this.kept.get(key);
    return earlier && stillAnswered(earlier.observations) ? earlier.value : undefined;
  }

  keep(key: string, value: T, observations: readonly Observation[]): T {
    this.kept.delete(key);
    this.kept.set(key, { value, observations });
    for (const k of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - this.max))) this.kept.delete(k);
    return value;
  }
}
