// Scanning an .xlsx part's XML with indexOf: tags, attributes and character data, for the readers of
// the workbook, shared-strings and worksheet parts (workbook-xml.ts, sheet-xml.ts). Anything outside
// what they read is an UnsupportedXml, and the caller reads that part with SheetJS instead.
import { decodeCellText } from './formula-strings.ts';

/** A part this reader does not read; SheetJS reads it instead. */
export class UnsupportedXml extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'UnsupportedXml';
  }
}

const UTF8 = new TextDecoder();

/** A part's bytes as text: UTF-8 (with or without a byte-order mark), as Excel and every exporter write it. */
export function xmlText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new UnsupportedXml('UTF-16 part');
  const text = UTF8.decode(bytes);
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text.slice(0, 200));
  if (declared && !/^utf-?8$/i.test(declared[1]!)) throw new UnsupportedXml(`encoding ${declared[1]}`);
  return text;
}

const GT = 62;
export const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const COLON = 58;
const BANG = 33;
const QUESTION = 63;

/** Where the tag whose `<` is at `lt` ends (its `>`), quotes respected. */
export function tagEnd(xml: string, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOTE || c === APOS) {
      const close = xml.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close;
    }
  }
  throw new UnsupportedXml('unterminated tag');
}

/** The local name of the tag whose name starts at `at` (after `<` or `</`), its namespace prefix dropped. */
export function localName(xml: string, at: number): string {
  let end = at;
  let colon = -1;
  for (; end < xml.length; end++) {
    const c = xml.charCodeAt(end);
    if (c === COLON) colon = end;
    else if (endsName(c)) break;
  }
  return xml.slice(colon < 0 ? at : colon + 1, end);
}

/** The value of attribute `name` (any namespace prefix) in the start tag xml[lt..gt], still escaped; undefined when absent. */
export function attribute(xml: string, lt: number, gt: number, name: string): string | undefined {
  const found: (string | undefined)[] = [undefined];
  attributesInto(xml, lt, gt, [name], found);
  return found[0];
}

/**
 * The values of the attributes `names` (any namespace prefix) in the start tag xml[lt..gt], still
 * escaped, into `found` (undefined where absent): one pass over the tag, for the hot loop over cells.
 */
export function attributesInto(xml: string, lt: number, gt: number, names: readonly string[], found: (string | undefined)[]): void {
  for (let k = 0; k < names.length; k++) found[k] = undefined;
  let i = lt + 1;
  while (i < gt && !isSpace(xml.charCodeAt(i))) i++;
  while (i < gt) {
    while (i < gt && isSpace(xml.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < gt && xml.charCodeAt(i) !== 61 && !isSpace(xml.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < gt && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) {
      // Only the `/` of a self-closing tag ends the attributes early: a name without a value (`<c r="A2" foo
      // t="s">`, not XML) would hide the attributes after it, and `t="s"` lost reads a shared string's index as a number.
      if (nameEnd - nameStart === 1 && xml.charCodeAt(nameStart) === SLASH && nameEnd >= gt) return;
      if (nameStart >= gt) return;
      throw new UnsupportedXml('an attribute without a value');
    }
    i++;
    while (i < gt && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOS) throw new UnsupportedXml('unquoted attribute');
    const close = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
    if (close < 0 || close > gt) throw new UnsupportedXml('unterminated attribute');
    let localStart = nameStart;
    for (let k = nameStart; k < nameEnd; k++) if (xml.charCodeAt(k) === COLON) localStart = k + 1;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (nameEnd - localStart === name.length && xml.startsWith(name, localStart)) {
        // Given twice (`r="A2" x:r="C2"`), which one counts is a guess: the cell could land in another column.
        if (found[k] !== undefined) throw new UnsupportedXml(`attribute ${name} given twice`);
        found[k] = xml.slice(i + 1, close);
      }
    }
    i = close + 1;
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** A tag's name ends at white space, `>` or the `/` of a self-closing tag. */
const endsName = (c: number) => isSpace(c) || c === GT || c === SLASH;

/**
 * Character data from `from` up to the next end tag, entities, CDATA sections and OOXML `_xHHHH_`
 * escapes decoded once (as Excel shows the text), and where that end tag starts. A comment or processing
 * instruction inside the text is no part of it and the text goes on after it (`<t>C-<!-- x -->1</t>` is
 * `C-1`, not `C-`); an element inside it is not what a `<t>`, `<v>` or `<f>` holds: UnsupportedXml.
 */
export function textUntilEndTag(xml: string, from: number): { text: string; end: number } {
  let end = textEnd(xml, from);
  let raw: string;
  if (xml.charCodeAt(end + 1) === SLASH) raw = xml.slice(from, end); // the common case: text, then its end tag
  else {
    const pieces: string[] = [];
    end = scanText(xml, from, pieces);
    raw = pieces.join('');
  }
  return { text: NEEDS_DECODING.test(raw) ? decodeCellText(raw) : raw, end };
}

/** Text holding any of these needs decoding (an entity, a CDATA section, an OOXML `_xHHHH_` escape). */
const NEEDS_DECODING = /[&<_]/;

/** Where the character data from `from` ends (its end tag's `<`), found as textUntilEndTag finds it, the text not read (a formula's). */
export const endOfText = (xml: string, from: number): number => scanText(xml, from, null);

/** The first `<` from `from` outside a CDATA section (which may hold `<`). */
function textEnd(xml: string, from: number): number {
  let end = xml.indexOf('<', from);
  while (end >= 0 && xml.startsWith('<![CDATA[', end)) {
    const close = xml.indexOf(']]>', end + 9);
    if (close < 0) throw new UnsupportedXml('unterminated CDATA');
    end = xml.indexOf('<', close + 3);
  }
  if (end < 0) throw new UnsupportedXml('unterminated element');
  return end;
}

/** The raw pieces of character data from `from`, between comments and processing instructions, into `pieces`; where its end tag starts. */
function scanText(xml: string, from: number, pieces: string[] | null): number {
  for (let at = from; ;) {
    const end = textEnd(xml, at);
    pieces?.push(xml.slice(at, end));
    const next = xml.charCodeAt(end + 1);
    if (next === SLASH) return end;
    if (next !== BANG && next !== QUESTION) throw new UnsupportedXml('an element inside text');
    at = endOfOtherMarkup(xml, end) + 1;
  }
}

/** Whether the end tag whose `<` is at `lt` is `</c>` or `</x:c>` (any prefix): the cell's, checked without slicing its name. */
export function isCellEndTag(xml: string, lt: number): boolean {
  const gt = xml.indexOf('>', lt);
  return gt > lt + 2 && xml.charCodeAt(gt - 1) === 99 && (gt === lt + 3 || xml.charCodeAt(gt - 2) === COLON);
}

/** The namespace prefix (`x:`, or empty) of the tag whose `<` is at `lt`. */
export function prefixOf(xml: string, lt: number): string {
  let colon = -1;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === COLON) colon = i;
    else if (endsName(c)) break;
  }
  return colon < 0 ? '' : xml.slice(lt + 1, colon + 1);
}

/** Whether the start tag ending at `gt` closes itself (`<c r="A1"/>`). */
export const selfClosing = (xml: string, gt: number) => xml.charCodeAt(gt - 1) === SLASH;

/**
 * Where markup at `lt` that is not a start tag ends — an end tag, a comment, a processing instruction —
 * or -1 when it is a start tag. A CDATA section outside character data is not read.
 */
export function endOfOtherMarkup(xml: string, lt: number): number {
  const c = xml.charCodeAt(lt + 1);
  if (c === SLASH || c === QUESTION) return tagEnd(xml, lt);
  if (c !== BANG) return -1;
  if (!xml.startsWith('<!--', lt)) throw new UnsupportedXml('declaration between elements');
  const end = xml.indexOf('-->', lt + 4);
  if (end < 0) throw new UnsupportedXml('unterminated comment');
  return end + 2;
}
