// Formula cells whose result the file does not hold, made visible to SheetJS. SheetJS reads such a cell as
// empty (or as 0 when it reads formulas), and a stored placeholder as a value; before it sees a worksheet,
// each such cell is rewritten as the error cell Excel shows for a result not yet computed (`#GETTING_DATA`),
// which it reads as an error, so that both readers hand on an UncomputedFormula (see raw.ts).
import { decodeCellText } from './formula-strings.ts';
import { GETTING_DATA } from './raw.ts';
import { holdsResult } from './sheet-xml.ts';

/** Start and end tags of a cell and of what decides its result: its formula, value and inline string (any namespace prefix). */
const TOKEN = /<(\/?)((?:[\w.-]+:)?)(c|f|v|is)(?=[\s/>])([^<>]*)>/g;
const TYPE = /\s(?:[\w.-]+:)?t\s*=\s*(["'])(.*?)\1/;

interface OpenCell {
  readonly start: number;
  readonly tagEnd: number;
  readonly prefix: string;
  readonly attributes: string;
  formula: boolean;
  inline: boolean;
  value: string | undefined;
  valueStart: number;
}

/**
 * The worksheet with each formula cell that holds no result — or, with `everyFormula` (a workbook marked
 * to be recalculated on opening), each formula cell — rewritten as a `#GETTING_DATA` error cell; other
 * bytes unchanged. A sheet without formulas is returned as it is.
 */
export function markUncomputedFormulas(xml: Buffer, everyFormula: boolean): Buffer {
  if (xml.indexOf('<f') < 0 && xml.indexOf(':f') < 0) return xml;
  // latin1 keeps one character per byte, so string offsets are byte offsets; markup is ASCII.
  const text = xml.toString('latin1');
  const parts: Buffer[] = [];
  let copied = 0;
  let cell: OpenCell | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const [, closing, prefix, name, attributes] = m as unknown as [string, string, string, string, string];
    const selfClosing = attributes.endsWith('/');
    if (name === 'c') {
      if (closing === '' && !selfClosing) {
        cell = { start: m.index, tagEnd: TOKEN.lastIndex, prefix, attributes, formula: false, inline: false, value: undefined, valueStart: -1 };
        continue;
      }
      if (closing !== '' && cell !== null && uncomputed(cell, everyFormula)) {
        parts.push(xml.subarray(copied, cell.start), Buffer.from(errorCellStart(cell), 'latin1'));
        copied = cell.tagEnd;
      }
      cell = null;
    } else if (cell === null || closing !== '' && name !== 'v') {
      continue;
    } else if (name === 'f') {
      cell.formula = true;
    } else if (name === 'is') {
      cell.inline = true;
    } else if (closing === '') {
      if (!selfClosing && cell.value === undefined && cell.valueStart < 0) cell.valueStart = TOKEN.lastIndex;
    } else if (cell.valueStart >= 0 && cell.value === undefined) {
      cell.value = decodeCellText(text.slice(cell.valueStart, m.index));
    }
  }
  if (parts.length === 0) return xml;
  parts.push(xml.subarray(copied));
  return Buffer.concat(parts);
}

function uncomputed(cell: OpenCell, everyFormula: boolean): boolean {
  return cell.formula && !cell.inline && (everyFormula || !holdsResult(cell.value, TYPE.exec(cell.attributes)?.[2]));
}

/** The cell's start tag typed as an error, followed by the error value; its formula and the rest follow unchanged (SheetJS reads the first `<v>`). */
function errorCellStart(cell: OpenCell): string {
  const p = cell.prefix;
  return `<${p}c${cell.attributes.replace(TYPE, '')} t="e"><${p}v>${GETTING_DATA}</${p}v>`;
}
