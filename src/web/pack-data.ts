// The rule pack as the self-check page carries it: the checked (and, for an amendment, effective) rule
// file of every version that compiled, the calendars they use, and the quotes — what the audit needs,
// prepared when the page is built, so the page holds no parser and no checker. The checked files share
// nodes and key maps by node, so they are written with devalue (which keeps both) rather than JSON, then
// deflated and base64-encoded into the page.
import { parse, stringify } from 'devalue';
import { inflateRaw } from 'pako';
import type { CalendarFile } from '../calendar/index.ts';
import type { CheckedRuleFile } from '../lang/ast.ts';

export interface PackVersionData {
  readonly id: string;
  readonly version: string;
  /** The facility kind whose workbooks it judges. */
  readonly appliesTo: string;
  readonly calendar: string | null;
}

export interface PackData {
  readonly versions: readonly PackVersionData[];
  /** One per version, in the same order. */
  readonly checked: readonly CheckedRuleFile[];
  readonly calendars: readonly (readonly [string, CalendarFile])[];
  readonly quotes: readonly (readonly [string, string])[];
}

export function encodePackText(data: PackData): string {
  return stringify(data);
}

/**
 * The page's base64 text back into the pack (deflated with Node's zlib at build time), inflated with pako,
 * which the engine already carries for workbooks (ingest-platform.ts): one inflater in the page, not two.
 */
export function decodePack(base64: string): PackData {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return parse(new TextDecoder().decode(inflateRaw(bytes))) as PackData;
}
