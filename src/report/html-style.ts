// The HTML report's stylesheet, inlined into every report so the file needs nothing else to display
// or print. System fonts only (no web fonts: no network); A4 with margins for printing.
export const HTML_STYLE = `
:root { --ink: #1d2330; --muted: #5b6472; --line: #d5d9e0; --bg: #f6f7f9;
  --critical: #a4161a; --major: #c2570c; --minor: #8a6d00; --info: #2a5d9f; --ok: #1e7a3c; --new: #6b2fa3; }
* { box-sizing: border-box; }
html { font: 10.5pt/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 12mm 8mm; }
h1 { font-size: 18pt; margin: 0 0 4mm; line-height: 1.2; overflow-wrap: anywhere; }
h2 { font-size: 13pt; margin: 7mm 0 3mm; padding-bottom: 1mm; border-bottom: 2px solid var(--ink); }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
h4 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
.kicker { text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-size: 9pt; margin: 0 0 1mm; }
.mono { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: 9pt; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
ul.plain { list-style: none; margin: 0; padding: 0; }
.approx { color: var(--major); font-style: italic; }
.note { color: var(--muted); font-size: 9pt; margin: 2mm 0 0; }
.verdict { margin: 0 0 4mm; padding: 2.5mm 4mm; border-radius: 2mm; font-weight: 600; border: 1px solid; }
.verdict-compliant { color: var(--ok); background: #eaf6ee; }
.verdict-non_compliant { color: var(--critical); background: #fbeaea; }
.verdict-incomplete { color: var(--major); background: #fdf1e7; }
.stats { display: grid; grid-template-columns: repeat(7, 1fr); gap: 2mm; margin-bottom: 3mm; }
.fu-stats { grid-template-columns: repeat(3, 1fr); max-width: 100mm; }
.stat { background: var(--bg); border: 1px solid var(--line); border-radius: 1.5mm; padding: 2mm; text-align: center; }
.stat .n { display: block; font-size: 15pt; font-weight: 700; }
.stat .l { display: block; font-size: 8pt; color: var(--muted); }
.cols { display: flex; gap: 6mm; align-items: flex-start; flex-wrap: wrap; }
.cols table { width: auto; min-width: 60mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9.5pt; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
th, td { border: 1px solid var(--line); padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
thead th { background: var(--bg); font-weight: 600; font-size: 9pt; }
table.findings, table.by-subject, table.not-evaluated { table-layout: fixed; }
table.findings col.c-subj { width: 18%; } table.findings col.c-msg { width: 32%; }
table.findings col.c-exp { width: 17%; } table.findings col.c-act { width: 15%; } table.findings col.c-ev { width: 18%; }
table.by-subject col.c-cl { width: 22%; } table.by-subject col.c-msg { width: 78%; }
table.not-evaluated th:nth-child(1) { width: 10%; } table.not-evaluated th:nth-child(2) { width: 24%; } table.not-evaluated th:nth-child(3) { width: 22%; }
td .mono, td.mono { overflow-wrap: anywhere; }
.subj { font-weight: 600; }
.nw { white-space: nowrap; }
tr.explain td { background: #fbfbfc; border-top: 0; padding-top: .6mm; }
.why { font-size: 8.5pt; margin: .5mm 0; }
.why ul { margin: .5mm 0 0; }
.why li .mark { display: inline-block; width: 3.5mm; font-weight: 700; }
.why li.fail .mark { color: var(--critical); } .why li.ok .mark { color: var(--ok); }
.fu { display: inline-block; padding: 0 1.2mm; border-radius: 1mm; font-size: 8pt; font-weight: 600; border: 1px solid; white-space: nowrap; }
.fu-new { color: var(--new); } .fu-persisting { color: var(--critical); background: #fbeaea; } .fu-resolved { color: var(--ok); } .fu-recurring { color: var(--major); }
.stat.fu-new .n { color: var(--new); } .stat.fu-persisting .n { color: var(--critical); } .stat.fu-resolved .n { color: var(--ok); }
tr.subject-head th { background: #eef0f4; font-size: 10pt; padding-top: 1.6mm; }
td.ev .mono { font-size: 8pt; }
h4 .rule { font-weight: 400; margin-left: 1.5mm; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; padding: .2mm 1.5mm; border-radius: 1mm; font-size: 8.5pt; font-weight: 600; color: #fff; white-space: nowrap; }
.sev-critical { background: var(--critical); } .sev-major { background: var(--major); }
.sev-minor { background: var(--minor); } .sev-info { background: var(--info); }
tr.row-critical td:first-child { border-left: 3px solid var(--critical); }
tr.row-major td:first-child { border-left: 3px solid var(--major); }
tr.row-minor td:first-child { border-left: 3px solid var(--minor); }
tr.row-info td:first-child { border-left: 3px solid var(--info); }
tr.warning td { color: var(--muted); }
.rule { color: var(--muted); font-size: 8pt; }
blockquote { margin: 1mm 0 2mm; padding: 1.5mm 3mm; border-left: 3px solid var(--line); background: var(--bg); font-style: italic; }
blockquote .ql { font-style: normal; color: var(--muted); font-size: 8.5pt; }
.empty { color: var(--ok); }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--line); color: var(--muted); font-size: 8pt; overflow-wrap: anywhere; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { font-size: 9.5pt; }
  th, td { padding: .8mm 1.5mm; }
  table { font-size: 9pt; }
  h2 { margin-top: 5mm; } h3 { margin-top: 3mm; } h4 { margin-top: 2.5mm; }
  body { max-width: none; padding: 0; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, blockquote, .stat { break-inside: avoid; page-break-inside: avoid; }
  h3 + table, h4 + table { break-before: avoid; }
  thead { display: table-header-group; }
  .verdict, .sev, .fu, thead th, .stat, blockquote, tr.explain td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** What a report forbids: every request; only its own inline styles apply. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The start of a self-contained HTML document, up to `</head>`: its language, its policy (a report's by
 * default), its title (already escaped) and its inline style — the same head for every page ereje writes.
 */
export function htmlHead(head: { lang: string; title: string; style: string; csp?: string; noReferrer?: boolean }): string {
  return `<!DOCTYPE html>
<html lang="${head.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${head.csp ?? REPORT_CSP}">
${head.noReferrer === true ? '<meta name="referrer" content="no-referrer">\n' : ''}<title>${head.title}</title>
<style>${head.style}</style>
</head>`;
}
