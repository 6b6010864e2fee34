// The messages between the self-check page and its engine (a Web Worker, or the page itself when the
// browser allows no worker). Everything heavy — reading the workbook, the rules, the reports — is the
// engine's; the page shows what it answers.
import type { Lang, Localized } from '../core/lang.ts';
import type { Phase } from './texts.ts';

export type DownloadFormat = 'html' | 'json' | 'xlsx';

export type ToEngine =
  /** The rule pack (see pack-data.ts) and ereje's version, for every report's `generated_by`. */
  | { readonly type: 'init'; readonly pack: string; readonly version: string }
  /** `asOf`: an ISO day inside the workbook's period; null for the period's last day (the CLI's default). */
  | { readonly type: 'audit'; readonly id: number; readonly file: Blob; readonly name: string; readonly asOf: string | null; readonly lang: Lang }
  /** The last report again, in another language (the evaluation is not repeated). */
  | { readonly type: 'relabel'; readonly id: number; readonly lang: Lang }
  | { readonly type: 'download'; readonly id: number; readonly format: DownloadFormat; readonly lang: Lang }
  /** `kind`: a ruleset-style name, `residential`, `home-care` or `day-care` (as `ereje template` takes it). */
  | { readonly type: 'template'; readonly id: number; readonly kind: string; readonly lang: Lang };

export interface ReportView {
  readonly lang: Lang;
  readonly file: string;
  /** The HTML report's content (renderHtmlBody). */
  readonly html: string;
  readonly verdict: 'compliant' | 'non_compliant' | 'incomplete';
  readonly kind: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly asOf: string;
  /** Input errors (not warnings), in the report's order: the cells to fix first. */
  readonly inputErrors: readonly { readonly cell: string; readonly message: string }[];
}

export type FromEngine =
  /** The rule pack is loaded: the engine answers from now on. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly id: number; readonly phase: Phase }
  | { readonly type: 'report'; readonly id: number; readonly view: ReportView }
  /** No report: one line in each language (a refused file, a workbook without its facility row, …). */
  | { readonly type: 'failed'; readonly id: number; readonly text: Localized }
  /** `unexpected`: a fault of the page, not of the file. */
  | { readonly type: 'crashed'; readonly id: number; readonly detail: string }
  | { readonly type: 'file'; readonly id: number; readonly name: string; readonly mime: string; readonly content: string | Uint8Array };
