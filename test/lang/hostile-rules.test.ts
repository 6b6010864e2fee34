// Damaged and hostile rule files: `ereje rules check` answers each with short `file:line:col` diagnostics
// and exit 2 — never a stack overflow, never megabytes of output, never minutes. The first cases are the
// fuzz campaign's reproductions (test/fixtures/rule-repros), laid over a copy of the bundled rules; the
// last ones are larger versions of the same shapes, sized so that the old quadratic costs would take
// minutes where the linear ones take a second or two.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { MAX_ERRORS_PER_FILE, parseRuleFile, renderDiagnostic } from '../../src/lang/index.ts';

const rules = fileURLToPath(new URL('../../rules', import.meta.url));
const repros = fileURLToPath(new URL('../fixtures/rule-repros', import.meta.url));
const RESIDENTIAL = 'kz/mlsp-306-o/residential/2009-240-o.ereje';

const pack = mkdtempSync(join(tmpdir(), 'ereje-hostile-'));
cpSync(rules, pack, { recursive: true });
afterAll(() => rmSync(pack, { recursive: true, force: true }));

/**
 * The bundled rules with the residential file replaced by `text`: one copy for the whole file, its
 * residential file rewritten by each test (they run one after another), so that the other rule files keep
 * their paths and texts and are parsed once, as a person checking edit after edit would see them.
 */
function packWith(text: string): { dir: string; file: string } {
  writeFileSync(join(pack, RESIDENTIAL), text);
  return { dir: pack, file: join(pack, RESIDENTIAL) };
}

async function check(dir: string, lang = 'en'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['rules', 'check', dir, '--lang', lang], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

const repro = (name: string) => readFileSync(join(repros, name, 'residential', '2009-240-o.ereje'), 'utf8');
/** The `file:line:col: error: …` lines of an output. */
const heads = (err: string) => err.split('\n').filter((l) => /:\d+:\d+: (error|warning): /.test(l));

function expectSane(r: { code: number; err: string }, maxBytes = 64 * 1024): void {
  expect(r.code).toBe(2);
  expect(r.err).not.toMatch(/Maximum call stack|internal error|\n\s+at /);
  expect(r.err.length).toBeLessThan(maxBytes);
}

describe('the fuzz campaign\'s damaged rule files', () => {
  it('400 nested parentheses: one located error, and the file\'s other rules are still checked', async () => {
    const { dir, file } = packWith(repro('paren400'));
    const r = await check(dir);
    expectSane(r);
    expect(heads(r.err)).toEqual([`${file}:84:75: error: this expression nests more than 64 levels deep (brackets, 'not', or operators like 'and' chained); at most 64 are allowed: split it into several 'where' steps, 'let' names or a 'require { … }' checklist`]);
    expect(r.err).toContain('1 rule holding them not checked');
    // The source line (400 parentheses) is shown as an excerpt around the place.
    const excerpt = r.err.split('\n')[1]!;
    expect(excerpt.length).toBeLessThan(110);
    expect(excerpt).toMatch(/^ {2}…\(+…$/);
  });

  it('a 1,000-term `and` chain: the same error, with the depth counted', async () => {
    const { dir, file } = packWith(repro('and1000'));
    const r = await check(dir, 'ru');
    expectSane(r);
    expect(heads(r.err)).toEqual([`${file}:84:11: error: выражение вложено на 1,001 уровней (скобки, 'not' или цепочка операторов вроде 'and'); допускается не более 64: разбейте его на несколько шагов 'where', имена 'let' или список 'require { … }'`]);
  });

  it('5 KB of junk on one line: one short error for the whole run (was 20 MB of output)', async () => {
    const { dir, file } = packWith(repro('garbage5k'));
    const r = await check(dir, 'kk');
    expectSane(r, 2000);
    expect(heads(r.err)).toEqual([`${file}:1678:1: error: күтпеген таңбалар '@ $ % ^ @ $ % ^ @ $ % ^ @ $…'`]);
  });

  it('50 KB of unclosed `rule x {`: stops reading after 50 errors and says so', async () => {
    const { dir, file } = packWith(repro('open50k'));
    const r = await check(dir);
    expectSane(r);
    const h = heads(r.err);
    expect(h).toHaveLength(MAX_ERRORS_PER_FILE + 1);
    expect(h[0]).toBe(`${file}:1679:1: error: rule x (opened at 1678:1) is not closed: add the missing '}' before this line`);
    expect(h.at(-1)).toBe(`${file}:1728:1: error: reading stopped here after 50 syntax errors; the rest of the file was not read: fix the errors above and check again`);
    expect(r.err).toMatch(/checked 4 files, \d+ rules: 51 errors; 1 file with syntax errors: 1 whole file not checked\n$/);
  });

  it('a rule file truncated to nothing: an error naming the rules its manifest lists', async () => {
    const { dir, file } = packWith(repro('empty-file'));
    expect(repro('empty-file')).toBe('');
    const r = await check(dir);
    expectSane(r);
    expect(heads(r.err)).toHaveLength(1);
    expect(heads(r.err)[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: error: this rule file is empty, but its manifest 2009-240-o\\.manifest\\.json lists \\d+ rules of residential@2009-240-o that no file defines: admission-age, contraindications, .*, … \\(\\d+ in all\\); restore the file`));
    const kk = await check(dir, 'kk');
    expect(kk.err).toContain('ереже файлы бос, ал оның 2009-240-o.manifest.json манифесі residential@2009-240-o ережелерін');
  });

  it('a manifest whose rule file is gone is the same loss, told at the manifest', async () => {
    const { dir } = packWith('');
    rmSync(join(dir, RESIDENTIAL));
    const r = await check(dir);
    expectSane(r);
    expect(heads(r.err)[0]).toMatch(/residential\/2009-240-o\.manifest\.json:1:1: error: there is no rule file 2009-240-o\.ereje beside this manifest: the \d+ rules of residential@2009-240-o it lists are defined nowhere/);
  });
});

describe('larger versions of the same shapes', () => {
  const base = readFileSync(join(rules, RESIDENTIAL), 'utf8');

  it('1 MB of junk and stray tokens on one line: a bounded report, the same twice', async () => {
    const { dir } = packWith(`${base}\n${'x = ( ] , @ $ "a" 12 -- ; '.repeat(40_000)}`);
    const first = await check(dir);
    expectSane(first);
    expect(heads(first.err).length).toBeLessThanOrEqual(MAX_ERRORS_PER_FILE + 1);
    expect(first.err).toMatch(/… and [\d,]+ more errors in this file, from here on \(not shown\)/);
    // Every source excerpt is cut to a readable length.
    for (const line of first.err.split('\n')) expect(line.length).toBeLessThan(400);
    expect(await check(dir)).toEqual(first);
  });

  it('100,000 unclosed `rule x {` lines parse in linear time (was quadratic: hours at this size)', () => {
    const text = `${base}\n${'rule x {\n'.repeat(100_000)}`;
    const r = parseRuleFile(text, 'big.ereje');
    expect(r.file).toBeNull();
    expect(r.diagnostics.at(-1)!.code).toBe('reading-stopped');
  });

  it('a 30,000-term `and` chain and 100,000 nested brackets are errors, not stack overflows', () => {
    // 30,000 terms: twice the depth at which a walk taking one stack frame per level overflows (about
    // 14,000 in Node's default stack), while the chain is read in a fraction of a second; each term is
    // a whole comparison, so 100,000 of them took seconds, mostly collecting the garbage of their tree.
    const chain = base.replace('require age >= 3 and age < 18', `require ${'age >= 3 and '.repeat(30_000)}age < 18`);
    const deep = parseRuleFile(chain, 'chain.ereje');
    expect(deep.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    expect(deep.diagnostics[0]!.message.en).toContain('nests 30,002 levels deep');
    const brackets = parseRuleFile(base.replace('require age >= 3 and age < 18', `require ${'['.repeat(100_000)}`), 'brackets.ereje');
    expect(brackets.diagnostics.some((d) => d.code === 'too-deep')).toBe(true);
    const nots = parseRuleFile(base.replace('require age >= 3 and age < 18', `require ${'not '.repeat(100_000)}age < 3`), 'not.ereje');
    expect(nots.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    // Found by the fuzzer: a stray quote at the top makes the quote repair try readings of its own,
    // which must not parse the deep nesting either.
    const quoted = parseRuleFile(`"${base.replace('require age >= 3 and age < 18', `require ${'('.repeat(552)}yes${')'.repeat(552)} and age < 18`)}`, 'quoted.ereje');
    expect(quoted.diagnostics.some((d) => d.code === 'too-deep')).toBe(true);
    // Nesting within the limit is fine.
    const ok = parseRuleFile(base.replace('require age >= 3 and age < 18', `require ${'('.repeat(60)}age >= 3${')'.repeat(60)} and age < 18`), 'ok.ereje');
    expect(ok.diagnostics).toEqual([]);
  });
});

describe('renderDiagnostic on a very long line', () => {
  it('shows an excerpt around the place with the caret under it', () => {
    const text = `${'a'.repeat(5000)} @ ${'b'.repeat(5000)}`;
    const d = parseRuleFile(text, 'x.ereje').diagnostics.find((x) => x.message.en.includes("'@'"))!;
    const [, line, caret] = renderDiagnostic(d, text, 'en').split('\n');
    expect(line!.length).toBeLessThanOrEqual(104);
    expect(line!.startsWith('  …a')).toBe(true);
    expect(line!.endsWith('b…')).toBe(true);
    expect(line![caret!.indexOf('^')]).toBe('@');
  });
});
