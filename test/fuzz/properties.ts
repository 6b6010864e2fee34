// The fuzzer's properties, shared by the quick slices in `npm test` and the soak (`npm run fuzz`):
// whole workbooks through the CLI in a worker, and the pieces that echo, escape and decode hostile text
// checked directly, many times faster.
import fc from 'fast-check';
import { dayNumber, formatIsoDate, toYMD } from '../../src/core/date.ts';
import { clip, terminalSafe } from '../../src/core/text.ts';
import { protectFormulaStrings } from '../../src/ingest/formula-strings.ts';
import { readWorkbook, typeTables, WorkbookRejected } from '../../src/ingest/index.ts';
import { md } from '../../src/report/markdown.ts';
import { facilitySheet, xlsxBytes } from '../cli/helpers.ts';
import { editZip, readZipEntries } from '../ingest/zip-builder.ts';
import { cellText, recipeArbitrary, workbookBytes, workbookArbitrary, type Recipe, type RecipeOptions } from './cases.ts';
import { runRecipe } from './property.ts';
import type { FuzzWorker } from './runner.ts';

/** Every generated workbook case through the CLI, twice, with every invariant checked. */
export function workbookProperty(worker: FuzzWorker, options: RecipeOptions, onProblems?: (recipe: Recipe, problems: readonly string[]) => void): fc.IAsyncPropertyWithHooks<[Recipe]> {
  let recipes = recipeArbitrary(options);
  if (options.farCells) recipes = recipes.filter((r) => r.workbooks.some((w) => w.edits.some((e) => e.kind === 'far-cell')));
  return fc.asyncProperty(recipes, async (recipe) => {
    const { problems } = await runRecipe(recipe, worker);
    if (problems.length > 0) {
      onProblems?.(recipe, problems);
      throw new Error(problems.join('\n'));
    }
  });
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const anyText = fc.oneof(cellText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-composite', maxLength: 100 }));

const TRUSTED_BASES = ['small-deflated', 'small-stored', 'day-care-edited'] as const;

/** Properties of single functions, run in this process. */
export const unitProperties = {
  'clip keeps short text and cuts long text to a prefix of max code points and …': fc.property(anyText, fc.integer({ min: 1, max: 80 }), (text, max) => {
    const out = clip(text, max);
    const points = [...text].length;
    if (points <= max) return out === text;
    return [...out].length === max + 1 && out.endsWith('…') && text.startsWith(out.slice(0, -1)) && (LONE_SURROGATE.test(text) || !LONE_SURROGATE.test(out));
  }),

  'terminalSafe leaves no control character, keeps one line, and is idempotent': fc.property(anyText, (text) => {
    const out = terminalSafe(text);
    return !CONTROL.test(out) && !out.includes('\n') && terminalSafe(out) === out && (CONTROL.test(text) || /[\t\n\v\f\r]/.test(text) || out === text);
  }),

  'md shows every URL, www. and e-mail address inside a code span, and nothing else raw': fc.property(
    fc.array(fc.oneof(anyText, fc.constantFrom('http://a.b', 'HTTPS://X.Y/z?q=1', 'www.x.kz', 'a@b.kz', 'ftp://h/p', 'mailto:x', '`', '|', '<', '>', ' ', '\n', '&', '*', '_', '\\')), { maxLength: 12 }).map((parts) => parts.join('')),
    (text) => {
      const out = md(text);
      const outside = outsideCodeSpans(out);
      return !/\n/.test(out)
        && outside !== undefined
        && !/:\/\/|www\.|mailto:|xmpp:|@[^\s]*\./i.test(outside)
        && !/[<>|*_[\]~`\\]/.test(outside);
    },
  ),

  'day numbers round-trip for every year 1–9999, and years 0001–0099 are not 19xx': fc.property(
    fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
    (y, m, d) => {
      const day = dayNumber(y, m, d);
      const back = toYMD(day);
      return back.year === y && back.month === m && back.day === d && formatIsoDate(day).startsWith(String(y).padStart(4, '0'));
    },
  ),

  'a date before 1900 in a date column is an input error, never a date': fc.property(
    fc.integer({ min: 1, max: 1899 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean(),
    (y, m, d, dotted) => {
      const pad = (n: number, w: number) => String(n).padStart(w, '0');
      const text = dotted ? `${pad(d, 2)}.${pad(m, 2)}.${pad(y, 4)}` : `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      const wb = typeTables([{ name: 'children', headerRow: 1, header: ['child_id', 'birth_date'], rows: [['C-1', text]] }]);
      return wb.errors.some((e) => e.code === 'type-error' && e.column === 'birth_date') && wb.tables.children!.counts.rejected === 1;
    },
  ),

  'a formula text cell reads as the text Excel wrote, whatever it holds': fc.property(
    fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.constantFrom('&amp;', '_x0041_', '_x005F_x0041_', 'a<b>&c', ']]>', '&#38;', '_x00', '$$ ', 'a $& $1 $` b')),
    (text) => {
      const shown = text.replace(/\r\n?/g, '\n').trim().replace(LONE_SURROGATE, '\ufffd');
      if (shown === '' || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(shown)) return true; // text no .xlsx can hold as such
      const name = readWorkbook(formulaNameWorkbook(excelEscape(shown)), { file: 'f.xlsx' }).facility?.name;
      return name === shown.replace(/\s+$/, '');
    },
  ),

  'formula text values are found the same way from suspect characters as by scanning every cell': fc.property(
    fc.array(fc.record({
      prefix: fc.constantFrom('', 'x:'),
      type: fc.constantFrom('str', 's', 'inlineStr', 'n', 'str'),
      quote: fc.constantFrom('"', "'"),
      formula: fc.constantFrom('', '<f>A1&amp;"_x0041_"</f>', '<f/>', '<f t="shared" si="0"/>'),
      value: fc.oneof(fc.constantFrom('Tom &amp;amp; Jerry', '_x005F_x0041_', '&#38;amp;', 'plain', '', '&lt;b&gt;', 'a_X0041_b'), fc.string({ maxLength: 20 }).map((t) => t.replace(/[<>]/g, ''))),
      selfClosing: fc.boolean(),
    }), { maxLength: 8 }),
    (cells) => {
      const body = cells.map((c, i) => {
        const p = c.prefix;
        const open = `<${p}c r="A${i + 1}" t=${c.quote}${c.type}${c.quote}`;
        return c.selfClosing ? `${open}/>` : `${open}>${c.formula.replace(/<(\/?)f/g, `<$1${p}f`)}<${p}v>${c.value}</${p}v></${p}c>`;
      }).join('');
      const xml = `<worksheet><sheetData><row r="1">${body}</row></sheetData></worksheet>`;
      const targeted = protectFormulaStrings(Buffer.from(xml, 'utf8')).toString('utf8');
      const scanned = protectFormulaStrings(Buffer.from(`${xml}<![CDATA[]]>`, 'utf8')).toString('utf8');
      return `${targeted}<![CDATA[]]>` === scanned;
    },
  ),

  'a flipped bit or a truncation is refused, or changes nothing that is read': fc.property(
    fc.constantFrom(...TRUSTED_BASES), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat({ max: 7 }), fc.boolean(),
    (base, where, bit, truncate) => {
      const original = trustedBytes(base);
      const at = Math.floor(where * original.length);
      const damaged = truncate ? original.subarray(0, at) : original.map((b, i) => (i === at ? b ^ (1 << bit) : b));
      let read: string;
      try {
        read = readShape(damaged);
      } catch (err) {
        if (err instanceof WorkbookRejected) return true;
        throw err;
      }
      return read === readShape(original);
    },
  ),

  'the fast XML readers read a generated workbook as SheetJS, the reference, does': fc.property(workbookArbitrary({ farCells: true, quick: true }), (recipe) => {
    let bytes: Uint8Array;
    try {
      bytes = workbookBytes(recipe);
    } catch (err) {
      // A sheet name SheetJS will not write: no workbook to read. Any other failure is the generator's.
      if (err instanceof Error && /^Sheet name cannot|^empty sheet name/.test(err.message)) return true;
      throw err;
    }
    const fast = readOutcome(bytes, 'fast');
    const reference = readOutcome(bytes, 'sheetjs');
    if (fast !== reference) throw new Error(`the fast readers read ${fast.slice(0, 300)}…, SheetJS ${reference.slice(0, 300)}…`);
    return true;
  }),
};

/** A read's whole result as JSON: the typed tables and errors, or the refusal's reason and message. */
function readOutcome(bytes: Uint8Array, reader: 'fast' | 'sheetjs'): string {
  try {
    return JSON.stringify(readWorkbook(bytes, { file: 'w.xlsx', reader }));
  } catch (err) {
    if (err instanceof WorkbookRejected) return JSON.stringify({ rejected: err.reason, message: err.message });
    throw err;
  }
}

/**
 * The Markdown text outside code spans, as CommonMark reads it (backslash escapes count outside a span, not
 * inside one), with each escaped character dropped (a backtick or pipe left as a gap); undefined when a code
 * span is left open.
 */
function outsideCodeSpans(markdown: string): string | undefined {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!;
    if (ch === '\\' && /[\\`*_[\]|~]/.test(markdown[i + 1] ?? '')) {
      // An escaped backtick or pipe is a literal one, which no autolink (URL, www. or e-mail) runs across;
      // kept as a gap, it does not join the words beside it into one (`@SUM(A1)\`31.02.2010` is not `…@…31.02…`).
      if (/[`|]/.test(markdown[i + 1]!)) out += ' ';
      i += 1;
      continue;
    }
    if (ch === '`') {
      const close = markdown.indexOf('`', i + 1);
      if (close < 0) return undefined;
      out += ' ';
      i = close;
      continue;
    }
    out += ch;
  }
  return out;
}

/** What a reader takes from a workbook, without the file's name and hash. */
function readShape(bytes: Uint8Array): string {
  const wb = readWorkbook(bytes, { file: 'w.xlsx' });
  return JSON.stringify({ tables: wb.tables, facility: wb.facility, errors: wb.errors });
}

const trusted = new Map<string, Uint8Array>();
function trustedBytes(base: (typeof TRUSTED_BASES)[number]): Uint8Array {
  let bytes = trusted.get(base);
  if (!bytes) {
    const [wb] = fc.sample(workbookArbitrary({ farCells: false }), { seed: 7, numRuns: 1 });
    bytes = base === 'day-care-edited'
      ? workbookBytes({ ...wb!, base: 'day-care', bytes: [], disguise: null, compression: true })
      : workbookBytes({ base: 'small', edits: [], bytes: [], disguise: null, compression: base === 'small-deflated', fileName: 'w.xlsx' });
    trusted.set(base, bytes);
  }
  return bytes;
}

/** How Excel writes text into XML: `&`, `<`, `>` as entities, characters XML cannot hold and underscores that would read as an escape as `_xHHHH_`. */
function excelEscape(text: string): string {
  return text
    .replace(/_(?=x[\da-fA-F]{4}_)/g, '_x005F_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

let formulaTemplate: Uint8Array | undefined;
/** A facility sheet whose name cell is a formula (`t="str"`) with the given raw `<v>` content. */
export function formulaNameWorkbook(rawValue: string): Uint8Array {
  formulaTemplate ??= xlsxBytes({ facility: facilitySheet({ name: 'NAME-PLACEHOLDER' }) });
  const sheet = readZipEntries(formulaTemplate).get('xl/worksheets/sheet1.xml')!.toString('utf8');
  // A function, not a string, as the replacement: `$$` or `$&` in the value must stay as written.
  const xml = sheet.replace(/<c r="B2"[^>]*>.*?<\/c>/, () => `<c r="B2" t="str"><f>A2&amp;""</f><v>${rawValue}</v></c>`);
  return editZip(formulaTemplate, { 'xl/worksheets/sheet1.xml': xml });
}
