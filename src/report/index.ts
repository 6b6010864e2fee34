// Reports: build the JSON report from an evaluation, then render it in the format asked for.
import type { AuditReport } from './types.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderXlsx } from './xlsx.ts';
import type { RenderOptions } from './view.ts';

export type { AuditReport } from './types.ts';
export { buildReport, reportExitCode, type BuildReportInput } from './build.ts';
export { renderTerminal } from './terminal.ts';
export { renderHtml, renderHtmlBody } from './html.ts';
export { renderMarkdown } from './markdown.ts';
export { renderXlsx } from './xlsx.ts';
export { reportWords, type ReportWords } from './i18n.ts';
export { severityCounts, type QuoteMap, type RenderOptions } from './view.ts';

import type { ReportFormat } from './formats.ts';
export { REPORT_FORMATS, type ReportFormat } from './formats.ts';

/** Two-space JSON with a final newline; key order is the order buildReport wrote them in. */
export function renderJson(report: AuditReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Text formats as a string, xlsx as bytes. */
export function renderReport(report: AuditReport, format: ReportFormat, options: RenderOptions): string | Uint8Array {
  switch (format) {
    case 'json': return renderJson(report);
    case 'md': return renderMarkdown(report, options);
    case 'html': return renderHtml(report, options);
    case 'xlsx': return renderXlsx(report, options);
  }
}
