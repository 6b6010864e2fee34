// Text results of formulas (`<c t="str"><v>…</v></c>`) as Excel shows them. SheetJS XML-unescapes the
// `<v>` of such a cell twice (once for every `<v>`, once more for `t="str"`), so `Tom &amp;amp; Jerry`
// would read as `Tom & Jerry`. Before SheetJS sees a worksheet, each such value is decoded once here and
// written back escaped twice over, so that SheetJS's two passes give the text Excel shows.

const UTF8 = new TextDecoder();
const XML_ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const ENTITIES: Readonly<Record<string, string>> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
/** OOXML's escape for characters XML cannot hold: `_x000D_`; `_x005F_` is a literal underscore. */
const OOXML_ESCAPE = /_x([\da-fA-F]{4})_/gi;

/** One XML-unescape pass as Excel means it: entities and CDATA sections, then OOXML `_xHHHH_` escapes. */
export function decodeCellText(raw: string): string {
  let text = '';
  for (let at = 0; at < raw.length;) {
    const cdata = raw.indexOf('<![CDATA[', at);
    text += raw.slice(at, cdata < 0 ? raw.length : cdata).replace(XML_ENTITY, entity);
    if (cdata < 0) break;
    const close = raw.indexOf(']]>', cdata + 9);
    text += raw.slice(cdata + 9, close < 0 ? raw.length : close);
    at = close < 0 ? raw.length : close + 3;
  }
  return text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function entity(match: string, code: string | undefined): string {
  if (code === undefined) return ENTITIES[match.toLowerCase()] ?? match;
  const n = parseInt(code, /^&#x/i.test(match) ? 16 : 10);
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : match;
}

/** The inverse of one decoding pass: an underscore that would start an `_xHHHH_` escape, then `&`, `<`, `>`. */
export function encodeCellText(text: string): string {
  return text.replace(/_(?=x[\da-fA-F]{4}_)/gi, '_x005F_').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Where a `t="str"` value can differ between one unescape and two: an entity, an OOXML escape, a CDATA section. */
const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;

/** The worksheet with each formula text value re-escaped for SheetJS's double unescape; other bytes unchanged. */
export function protectFormulaStrings(xml: Buffer): Buffer {
  if (!xml.includes('t="str"') && !xml.includes("t='str'")) return xml;
  // A value without `&` or `_x` reads the same unescaped once or twice: only values holding one are rewritten,
  // and they are found from those characters, so a large sheet of plain text costs a few native scans.
  const suspects: number[] = [];
  for (let i = xml.indexOf(AMP); i >= 0; i = xml.indexOf(AMP, i + 1)) suspects.push(i);
  for (const escape of ['_x', '_X']) for (let i = xml.indexOf(escape); i >= 0; i = xml.indexOf(escape, i + 2)) suspects.push(i);
  if (suspects.length === 0) return xml;
  suspects.sort((a, b) => a - b);
  const ranges = xml.includes('<![CDATA[') ? scannedValueRanges(xml) : suspectValueRanges(xml, suspects);
  if (ranges.length === 0) return xml;
  const parts: Buffer[] = [];
  let copied = 0;
  for (const { start, end } of ranges) {
    const raw = UTF8.decode(xml.subarray(start, end));
    parts.push(xml.subarray(copied, start), Buffer.from(encodeCellText(encodeCellText(decodeCellText(raw))), 'utf8'));
    copied = end;
  }
  parts.push(xml.subarray(copied));
  return Buffer.concat(parts);
}

interface Range { readonly start: number; readonly end: number }

/** The tag starting at `lt`: its local name (prefix dropped), whether it closes, and where it ends. */
function tagAt(xml: Buffer, lt: number): { name: string; closing: boolean; end: number } | undefined {
  const end = xml.indexOf(GT, lt);
  if (end < 0) return undefined;
  let i = lt + 1;
  const closing = xml[i] === 0x2f;
  if (closing) i++;
  let j = i;
  while (j < end && j - i < 64 && xml[j] !== 0x20 && xml[j] !== 0x2f && xml[j] !== 0x09 && xml[j] !== 0x0a && xml[j] !== 0x0d) j++;
  const qualified = xml.toString('latin1', i, j);
  return { name: qualified.slice(qualified.indexOf(':') + 1), closing, end };
}

/**
 * The `<v>` contents of `t="str"` cells that hold one of the suspect positions. Without CDATA a value holds
 * no `<`, so the element around a position starts at the last `<` before it; the cell's start tag is found
 * a few tags further back (past its `<f>`).
 */
function suspectValueRanges(xml: Buffer, suspects: readonly number[]): Range[] {
  const ranges: Range[] = [];
  // Suspects inside one element are decided together: each stretch of text is scanned once each way.
  let decidedUntil = 0;
  for (const at of suspects) {
    if (at < decidedUntil) continue;
    const next = xml.indexOf(LT, at);
    decidedUntil = next < 0 ? xml.length : next;
    const lt = xml.lastIndexOf(LT, at);
    const value = lt < 0 ? undefined : tagAt(xml, lt);
    if (!value || value.closing || value.name !== 'v' || value.end > at || xml[value.end - 1] === 0x2f) continue;
    let cell: { tag: string } | undefined;
    for (let back = lt - 1, steps = 0; back >= 0 && steps < 6; steps++) {
      const prev = xml.lastIndexOf(LT, back);
      const tag = prev < 0 ? undefined : tagAt(xml, prev);
      if (!tag || tag.name === 'row' || tag.name === 'v' || (tag.name === 'c' && tag.closing)) break;
      if (tag.name === 'c') { cell = { tag: xml.toString('latin1', prev, tag.end + 1) }; break; }
      back = prev - 1;
    }
    if (!cell || !STR_TYPE.test(cell.tag)) continue;
    const close = xml.indexOf(LT, value.end + 1);
    if (close < 0) continue;
    ranges.push({ start: value.end + 1, end: close });
  }
  return ranges;
}

/**
 * Cell start and end tags and value start and end tags (optionally namespace-prefixed, `<x:c …>`), in one
 * left-to-right scan: linear in the worksheet's length whatever it holds. Used when the sheet has CDATA.
 */
const TOKEN = /<((?:\w+:)?)c\s[^<>]*>|<\/(?:\w+:)?c>|<(?:\w+:)?v\b[^<>]*>|<\/(?:\w+:)?v>/g;
const STR_TYPE = /\st\s*=\s*(["'])str\1/;

function scannedValueRanges(xml: Buffer): Range[] {
  // latin1 keeps one character per byte, so string offsets are byte offsets; markup is ASCII.
  const text = xml.toString('latin1');
  const ranges: Range[] = [];
  let inStrCell = false;
  let valueStart = -1;
  let valueDone = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const tag = m[0];
    if (m[1] !== undefined) {
      inStrCell = !tag.endsWith('/>') && STR_TYPE.test(tag);
      valueStart = -1;
      valueDone = false;
    } else if (tag[1] === '/' && /c>$/.test(tag)) {
      inStrCell = false;
    } else if (!inStrCell || valueDone) {
      continue;
    } else if (tag[1] !== '/') {
      if (valueStart < 0 && !tag.endsWith('/>')) valueStart = TOKEN.lastIndex;
    } else if (valueStart >= 0) {
      ranges.push({ start: valueStart, end: m.index });
      valueDone = true;
    }
  }
  return ranges;
}
