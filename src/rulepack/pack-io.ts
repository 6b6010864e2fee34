// Every file-system question loading a rule pack asks, in one place: the pack cache (pack-cache.ts)
// records the answers, and a cached pack is used only while every answer is still the same.
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
