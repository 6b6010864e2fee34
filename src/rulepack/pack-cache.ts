// The rule pack as `ereje audit` needs it, cached between runs. Loading a pack parses, checks, verifies
// the quotes of and compiles every rule file; an audit needs the result for one facility kind. The
// cache keeps, per rule folder(s), the checked (and, for an amendment, effective) file of every version
// that compiled, the pack's diagnostics and its quotes — everything an audit uses, so that a hit loads
// neither the parser nor the checker; the versions an audit needs are compiled from their checked
// files (the compiled form holds closures, which cannot be stored).
//
// A cache entry is used only while every file-system answer loading the pack got (each file read, by
// its content's hash; each file or folder looked for; each folder listed) is still the same, and only
// by the build of ereje that wrote it: one changed byte of a rule file, manifest, calendar or act text,
// a new rule file, or a new ereje, and the pack is loaded afresh. An entry that is corrupt or cut short
// fails its checksum and is rebuilt, never trusted. Entries are written to a temporary file and renamed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildCalendar, type CalendarFile, type WorkingDayCalendar } from '../calendar/index.ts';
import { compileRuleFile, type CompiledRuleset } from '../compile/index.ts';
import type { CheckedRuleFile, Diagnostic } from '../lang/ast.ts';
import { WORKBOOK_SCHEMA } from '../schema/index.ts';
import { defaultRulesDir } from './load.ts';
import type { RulePack } from './pack.ts';
import { KeptLoads, recordingIO, sha, stillAnswered, type Observation } from './pack-io.ts';

/** A compiled ruleset version as listed before it is compiled. */
export interface PackVersion {
  readonly id: string;
  readonly version: string;
  /** The facility kind whose workbooks it judges. */
  readonly appliesTo: string;
}

export interface AuditRulePack {
  readonly dir: string;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Every version that compiled, in the pack's order. */
  readonly versions: readonly PackVersion[];
  /** Kazakh quotes by rule id, by rule id and version, and by clause id (see quoteMap). */
  readonly quotes: ReadonlyMap<string, string>;
  /** Where each rule is written, by `ruleset/rule@version` (an amendment's inherited rules: in the version they come from). */
  readonly sources: ReadonlyMap<string, RuleSource>;
  /** The compiled versions for a facility kind (every version when null), each compiled once, on first use. */
  rulesetsFor(kind: string | null): readonly CompiledRuleset[];
  /** Whether the pack came from a cache (on disk, or loaded earlier in this process) rather than from the rule files. */
  readonly cached: boolean;
}

export interface RuleSource { readonly file: string; readonly line: number }

export interface PackCacheOptions {
  /** The cache folder; null: no cache. Default: see defaultCacheDir. */
  readonly cacheDir?: string | null;
  /**
   * Reuse a pack this process loaded before (its compiled versions included) while every file it was
   * loaded from is unchanged. Default true; the tests of the cache on disk turn it off.
   */
  readonly inProcess?: boolean;
}

/** Bumped whenever what an entry holds changes shape. */
const FORMAT = 2;
const MAGIC = Buffer.from('ereje-pack-cache\n');
/** Entries kept; the least recently used beyond this are removed when one is written. */
const MAX_ENTRIES = 32;
/** Packs kept in memory by a process (tests audit many workbooks against a few packs). */
const inProcess = new KeptLoads<AuditRulePack>(4);

declare const __EREJE_BUILD__: string | undefined;

/**
 * The build of ereje that runs: the bundle's fingerprint, or that of the sources when they run through
 * tsx — hashed once per process (the modules a process has loaded do not change under it; hashing every
 * source file took 10–20 ms per audit).
 */
function buildId(): Promise<string> {
  runningBuild ??= typeof __EREJE_BUILD__ === 'string'
    ? Promise.resolve(__EREJE_BUILD__)
    : import('../../scripts/build.js').then(({ sourceFingerprint }) => `src-${sourceFingerprint()}`);
  return runningBuild;
}
let runningBuild: Promise<string> | undefined;

/**
 * `EREJE_CACHE_DIR` when set (`off`: no cache); else `node_modules/.cache/ereje` beside ereje's own
 * files when that folder can be written, else `$XDG_CACHE_HOME/ereje` (`~/.cache/ereje`). Never the
 * rules folder: it belongs to the legal staff and their version control.
 */
function defaultCacheDir(): string | null {
  const env = process.env.EREJE_CACHE_DIR;
  if (env !== undefined && env !== '') return env === 'off' ? null : resolve(env);
  const candidates = [
    join(dirname(defaultRulesDir()), 'node_modules', '.cache', 'ereje'),
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ereje'),
  ];
  for (const dir of candidates) {
    try {
      if (!statSync(dirname(dirname(dir))).isDirectory()) continue;
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // Not writable here: try the next place.
    }
  }
  return null;
}

// ------------------------------------------------------------------ the entry on disk

interface Header {
  readonly format: number;
  readonly key: string;
  readonly observations: readonly Observation[];
  readonly dir: string;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly versions: readonly (PackVersion & { readonly calendar: string | null })[];
  readonly quotes: readonly (readonly [string, string])[];
  readonly sources: readonly (readonly [string, RuleSource])[];
  readonly calendars: readonly (readonly [string, CalendarFile])[];
}

/**
 * magic, then parts (4-byte length + v8-serialized value: the header, then one checked file per
 * version), then the SHA-256 of all that came before.
 */
function encodeEntry(header: Header, checked: readonly CheckedRuleFile[]): Buffer {
  const parts = [serialize(header), ...checked.map((c) => serialize(c))];
  const body = Buffer.concat([MAGIC, ...parts.flatMap((p) => { const n = Buffer.alloc(4); n.writeUInt32LE(p.length); return [n, p]; })]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** The header and the still-serialized checked files; null for anything but an intact entry. */
function decodeEntry(bytes: Buffer): { header: Header; parts: Buffer[] } | null {
  if (bytes.length < MAGIC.length + 32 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const body = bytes.subarray(0, bytes.length - 32);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(bytes.length - 32))) return null;
  const parts: Buffer[] = [];
  for (let at = MAGIC.length; at < body.length;) {
    if (at + 4 > body.length) return null;
    const n = body.readUInt32LE(at);
    if (at + 4 + n > body.length) return null;
    parts.push(body.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  const header = deserialize(parts.shift()!) as Header;
  if (header?.format !== FORMAT || parts.length !== header.versions.length) return null;
  return { header, parts };
}

function writeEntry(dir: string, file: string, bytes: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, join(dir, file));
    pruneEntries(dir);
  } catch {
    // A cache that cannot be written costs time, not correctness.
  }
}

function pruneEntries(dir: string): void {
  const entries = readdirSync(dir)
    .filter((n) => n.endsWith('.pack'))
    .map((n) => ({ path: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const e of entries.slice(MAX_ENTRIES)) { try { unlinkSync(e.path); } catch { /* removed by another run */ } }
}

// ------------------------------------------------------------------ the pack

/** Calendars built when a version that uses them is compiled, each once (their files were validated when the entry was written). */
function calendarsOn(files: ReadonlyMap<string, CalendarFile>): (names: readonly (string | null)[]) => Map<string, WorkingDayCalendar> {
  const built = new Map<string, WorkingDayCalendar>();
  return (names) => {
    for (const name of names) if (name !== null && !built.has(name) && files.has(name)) built.set(name, buildCalendar(files.get(name)!));
    return built;
  };
}

function fromHeader(header: Header, parts: readonly Buffer[]): AuditRulePack {
  const compiled = new Map<number, CompiledRuleset>();
  const calendars = calendarsOn(new Map(header.calendars));
  return {
    dir: header.dir, ok: header.ok, diagnostics: header.diagnostics, quotes: new Map(header.quotes), sources: new Map(header.sources), cached: true,
    versions: header.versions.map(({ id, version, appliesTo }) => ({ id, version, appliesTo })),
    rulesetsFor(kind) {
      const wanted = header.versions.flatMap((v, i) => (kind === null || v.appliesTo === kind ? [i] : []));
      const env = { calendars: calendars(wanted.map((i) => header.versions[i]!.calendar)), schema: WORKBOOK_SCHEMA };
      for (const i of wanted) if (!compiled.has(i)) compiled.set(i, compileRuleFile(deserialize(parts[i]!) as CheckedRuleFile, env));
      return wanted.map((i) => compiled.get(i)!);
    },
  };
}

/** `ruleset/rule@version` → where the rule is written. */
function ruleSources(pack: RulePack): Map<string, RuleSource> {
  const out = new Map<string, RuleSource>();
  for (const { checked, ruleset } of pack.compiled) {
    for (const r of checked.file.rules) out.set(`${ruleset.id}/${r.name}@${ruleset.version}`, { file: r.span.file, line: r.span.line });
  }
  return out;
}

function fromPack(pack: RulePack, quotes: ReadonlyMap<string, string>, sources: ReadonlyMap<string, RuleSource>): AuditRulePack {
  return {
    dir: pack.dir, ok: pack.ok, diagnostics: pack.diagnostics, quotes, sources, cached: false,
    versions: pack.rulesets.map((r) => ({ id: r.id, version: r.version, appliesTo: r.appliesTo })),
    rulesetsFor: (kind) => pack.rulesets.filter((r) => kind === null || r.appliesTo === kind),
  };
}

/**
 * The rule pack of `dir` (one folder or several) for auditing: from the cache when an entry for these
 * folders, written by this build, still matches every file it was made from; else loaded (and cached).
 */
export async function loadAuditRulePack(dir: string | readonly string[] = defaultRulesDir(), options: PackCacheOptions = {}): Promise<AuditRulePack> {
  const dirs = [...new Set((typeof dir === 'string' ? [dir] : dir).map((d) => posix.normalize(resolve(d))))];
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const key = sha(JSON.stringify({ format: FORMAT, build: await buildId(), v8: process.versions.v8, dirs }));
  const file = `${key.slice(0, 32)}.pack`;
  const remember = options.inProcess ?? true;
  const earlier = remember ? inProcess.get(key) : undefined;
  if (earlier) return { ...earlier, cached: true };
  const keep = (pack: AuditRulePack, observations: readonly Observation[]): AuditRulePack =>
    (remember ? inProcess.keep(key, pack, observations) : pack);
  if (cacheDir !== null) {
    const hit = readEntry(cacheDir, file, key);
    if (hit) return keep(hit.pack, hit.observations);
  }
  // Loaded for a miss only: the parser and the checker come with it.
  const { loadRulePack, quoteMap } = await import('./pack.ts');
  const recording = recordingIO();
  const pack = await loadRulePack(dirs, recording.io);
  const quotes = quoteMap(pack);
  const sources = ruleSources(pack);
  const observations = recording.observations();
  if (cacheDir !== null) {
    const used = new Set(pack.rulesets.map((r) => r.calendar).filter((c): c is string => c !== null));
    const header: Header = {
      format: FORMAT, key, observations, dir: pack.dir, ok: pack.ok, diagnostics: pack.diagnostics,
      versions: pack.compiled.map(({ ruleset: r }) => ({ id: r.id, version: r.version, appliesTo: r.appliesTo, calendar: r.calendar })),
      quotes: [...quotes], sources: [...sources], calendars: [...pack.calendarFiles].filter(([name]) => used.has(name)),
    };
    writeEntry(cacheDir, file, encodeEntry(header, pack.compiled.map((c) => c.checked)));
  }
  return keep(fromPack(pack, quotes, sources), observations);
}

function readEntry(cacheDir: string, file: string, key: string): { pack: AuditRulePack; observations: readonly Observation[] } | null {
  const path = join(cacheDir, file);
  let bytes: Buffer;
  try { bytes = readFileSync(path); } catch { return null; }
  let entry: ReturnType<typeof decodeEntry>;
  try { entry = decodeEntry(bytes); } catch { return null; }
  if (entry === null || entry.header.key !== key) return null;
  if (!stillAnswered(entry.header.observations)) return null;
  try { const now = new Date(); utimesSync(path, now, now); } catch { /* only the pruning order */ }
  return { pack: fromHeader(entry.header, entry.parts), observations: entry.header.observations };
}
