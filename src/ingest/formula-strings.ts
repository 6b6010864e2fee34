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

/**
 * Cell start and end tags and value start and end tags (optionally namespace-prefixed, `<x:c …>`), in one
 * left-to-right scan: linear in the worksheet's length whatever it holds.
 */
const TOKEN = /<((?:\w+:)?)c\s[^<>]*>|<\/(?:\w+:)?c>|<(?:\w+:)?v\b[^<>]*>|<\/(?:\w+:)?v>/g;
const STR_TYPE = /\st\s*=\s*(["'])str\1/;

/** The worksheet with each formula text value re-escaped for SheetJS's double unescape; other bytes unchanged. */
export function protectFormulaStrings(xml: Buffer): Buffer {
  if (!xml.includes('t="str"') && !xml.includes("t='str'")) return xml;
  // latin1 keeps one character per byte, so string offsets are byte offsets; markup is ASCII.
  const text = xml.toString('latin1');
  const parts: Buffer[] = [];
  let copied = 0;
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
      const raw = UTF8.decode(xml.subarray(valueStart, m.index));
      parts.push(xml.subarray(copied, valueStart), Buffer.from(encodeCellText(encodeCellText(decodeCellText(raw))), 'utf8'));
      copied = m.index;
      valueDone = true;
    }
  }
  if (parts.length === 0) return xml;
  parts.push(xml.subarray(copied));
  return Buffer.concat(parts);
}
