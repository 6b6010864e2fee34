// Worksheet cells SheetJS would read otherwise than the fast reader (sheet-xml.ts) and than Excel shows,
// rewritten before it reads them, so that a sheet SheetJS reads in the fast reader's place is read alike:
// - a formula whose result the file does not hold (no `<v>`, an empty one; with `everyFormula`, in a
//   workbook marked to be recalculated on opening, any): SheetJS reads it as empty, as 0 or as the stored
//   placeholder. It becomes the error cell Excel shows for a result not yet computed (`#GETTING_DATA`),
//   which both readers hand on as an UncomputedFormula (see raw.ts);
// - a number cell holding text (`C-1`, `21.03.2010`, from exporters that type nothing): SheetJS reads NaN
//   or the number the text starts with. It becomes a text cell;
// - a boolean cell holding neither 0/1 nor false/true: SheetJS reads false, holding nothing included. It
//   becomes a text cell, or an untyped one when empty; so does a date cell holding nothing, or a day that
//   never was (`2010-02-30`, which SheetJS rolls over into March);
// - an inline-string cell whose text is in a `<v>` instead of an `<is>`: SheetJS reads it as empty. It
//   becomes a text cell.
// Run before protectFormulaStrings, which then escapes each text cell's value for SheetJS's double unescape.
import { decodeCellText } from './formula-strings.ts';
import { GETTING_DATA } from './raw.ts';
import { holdsResult, isoDateSerial, XML_NUMBER } from './sheet-xml.ts';
import { UnsupportedXml } from './xml-scan.ts';

/** Start and end tags of a cell and of what decides its value: its formula, value and inline string (any namespace prefix). */
const TOKEN = /<(\/?)((?:[\w.-]+:)?)(c|f|v|is)(?=[\s/>])([^<>]*)>/g;
const TYPE = /\s(?:[\w.-]+:)?t\s*=\s*(["'])(.*?)\1/;
const XML_BOOLEANS = new Set(['0', '1', 'false', 'true']);

interface OpenCell {
  readonly start: number;
  readonly tagEnd: number;
  readonly prefix: string;
  readonly attributes: string;
  readonly type: string | undefined;
  formula: boolean;
  inline: boolean;
  value: string | undefined;
  valueStart: number;
}

/** The worksheet with the cells above rewritten; other bytes unchanged, and a sheet with none returned as it is. */
export function prepareCellsForSheetJs(xml: Buffer, everyFormula: boolean): Buffer {
  // latin1 keeps one character per byte, so string offsets are byte offsets; markup is ASCII.
  const text = xml.toString('latin1');
  const parts: Buffer[] = [];
  let copied = 0;
  const replace = (start: number, end: number, by: string) => {
    parts.push(xml.subarray(copied, start), Buffer.from(by, 'latin1'));
    copied = end;
  };
  let cell: OpenCell | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const [, closing, prefix, name, attributes] = m as unknown as [string, string, string, string, string];
    const selfClosing = attributes.endsWith('/');
    if (name === 'c') {
      if (closing === '' && selfClosing) {
        // A formatted cell without a value: SheetJS reads a boolean or date one as false or no date.
        const type = TYPE.exec(attributes)?.[2];
        if (type === 'b' || type === 'd') replace(m.index, TOKEN.lastIndex, startTag(prefix, attributes.slice(0, -1), undefined, true));
        cell = null;
      } else if (closing === '') {
        cell = { start: m.index, tagEnd: TOKEN.lastIndex, prefix, attributes, type: TYPE.exec(attributes)?.[2], formula: false, inline: false, value: undefined, valueStart: -1 };
      } else if (cell !== null) {
        const rewritten = rewrite(cell, everyFormula);
        if (rewritten !== null) replace(cell.start, cell.tagEnd, rewritten);
        cell = null;
      }
    } else if (cell === null || (closing !== '' && name !== 'v')) {
      continue;
    } else if (name === 'f') {
      cell.formula = true;
    } else if (name === 'is') {
      cell.inline = true;
    } else if (closing === '') {
      // `<v/>` is `<v></v>` spelt another way: an empty value, as the fast reader reads it.
      if (selfClosing) { if (cell.value === undefined && cell.valueStart < 0) cell.value = ''; }
      else if (cell.value === undefined && cell.valueStart < 0) cell.valueStart = TOKEN.lastIndex;
    } else if (cell.valueStart >= 0 && cell.value === undefined) {
      cell.value = decodeCellText(text.slice(cell.valueStart, m.index));
    }
  }
  if (parts.length === 0) return xml;
  parts.push(xml.subarray(copied));
  return Buffer.concat(parts);
}

/** The start tag (and, for an uncomputed formula, the value) to put in place of the cell's start tag; null to leave it. */
function rewrite(cell: OpenCell, everyFormula: boolean): string | null {
  const { prefix: p, attributes, type, value } = cell;
  if (cell.inline) return null;
  // The error value goes first: SheetJS reads a cell's first `<v>`, and the formula and the rest follow unchanged.
  if (cell.formula && (everyFormula || !holdsResult(value, type))) return `${startTag(p, attributes, 'e', false)}<${p}v>${GETTING_DATA}</${p}v>`;
  const empty = value === undefined || value === '';
  if ((type === undefined || type === 'n') && !empty && !XML_NUMBER.test(value)) return startTag(p, attributes, 'str', false);
  if (type === 'b' && !XML_BOOLEANS.has(value ?? '')) return startTag(p, attributes, empty ? undefined : 'str', false);
  if (type === 'd' && empty) return startTag(p, attributes, undefined, false);
  if (type === 'd' && neverWas(value!)) return startTag(p, attributes, 'str', false);
  if (type === 'inlineStr' && value !== undefined) return startTag(p, attributes, 'str', false);
  return null;
}

/** An ISO date cell's day that never was, which the fast reader hands on as its text (the date system does not change that). */
function neverWas(value: string): boolean {
  try {
    return typeof isoDateSerial(value, false) === 'string';
  } catch (err) {
    if (err instanceof UnsupportedXml) return false;
    throw err;
  }
}

function startTag(prefix: string, attributes: string, type: string | undefined, selfClosing: boolean): string {
  return `<${prefix}c${attributes.replace(TYPE, '')}${type === undefined ? '' : ` t="${type}"`}${selfClosing ? '/' : ''}>`;
}
