// The report as one self-contained HTML file: inline CSS, no scripts, no network, printable on A4.
// Every piece of text goes through `esc`, so workbook content (a facility named `<script>…`) is text.
import type { AuditReport } from './types.ts';
import type { ReportFinding } from './build.ts';
import { HTML_STYLE } from './html-style.ts';
import {
  SEVERITY_ORDER, annexTitle, clauseCounts, enumText, formatEvidence, formatInForce, groupFindings, inputErrorCell, isWarning,
  severityCounts, verdictLine, verdictOf, wordsFor, type RenderOptions,
} from './view.ts';
import type { ReportWords } from './i18n.ts';

export function renderHtml(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  const f = report.facility;
  const body = [
    header(report, w, options),
    summary(report, w),
    findings(report, w, options),
    notEvaluated(report, w),
    inputErrors(report, w),
    rowsRead(report, w),
    `<footer>${esc(w.generatedBy)} ${esc(report.generated_by.name)} ${esc(report.generated_by.version)} · ${esc(report.schema)} · sha256 ${esc(report.workbook.sha256)}</footer>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(w.title)} — ${esc(f.name)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function header(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  const f = report.facility;
  const verdict = verdictOf(report);
  const rulesets = report.rulesets.map((r) =>
    `<li><span class="mono">${esc(r.id)}@${esc(r.version)}</span> — ${esc(r.act)}; ${esc(w.inForce.toLowerCase())} ` +
    `<span class="mono">${esc(formatInForce(r, w))}</span>${r.in_force.approximate ? ` <span class="approx">(${esc(w.approximate)})</span>` : ''}</li>`,
  ).join('');
  const approxNote = report.rulesets.some((r) => r.in_force.approximate) ? `<p class="note">${esc(w.approximateNote)}</p>` : '';
  return `<header>
<p class="verdict verdict-${verdict}">${esc(w.status)}: ${esc(verdictLine(report, w, options.lang))}</p>
<p class="kicker">${esc(w.title)}</p>
<h1>${esc(f.name)}</h1>
<dl class="meta">
<dt>${esc(w.facilityId)}</dt><dd class="mono">${esc(f.facility_id)}</dd>
<dt>${esc(w.kind)}</dt><dd>${esc(enumText('kind', f.kind, options.lang))}</dd>
<dt>${esc(w.ownership)}</dt><dd>${esc(enumText('ownership', f.ownership, options.lang))}</dd>
<dt>${esc(w.period)}</dt><dd class="mono">${esc(report.period.from)} … ${esc(report.period.to)}</dd>
<dt>${esc(w.asOf)}</dt><dd class="mono">${esc(report.as_of)}</dd>
<dt>${esc(w.workbook)}</dt><dd class="mono">${esc(report.workbook.file)}</dd>
<dt>${esc(w.rulesets)}</dt><dd><ul class="plain">${rulesets || '<li>—</li>'}</ul></dd>
</dl>
${approxNote}
</header>`;
}

function summary(report: AuditReport, w: ReportWords): string {
  const s = report.summary;
  const bySev = severityCounts(report);
  const cells = ([[w.rules, s.rules], [w.passed, s.passed], [w.failed, s.failed], [w.notEvaluated, s.not_evaluated],
    [w.findings, s.findings], [w.inputErrors, s.input_errors]] as const)
    .map(([label, n]) => `<div class="stat"><span class="n">${n}</span><span class="l">${esc(label)}</span></div>`).join('');
  const sev = SEVERITY_ORDER.map((k) =>
    `<tr><td><span class="sev sev-${k}">${esc(w.severities[k])}</span></td><td class="num">${bySev[k]}</td><td class="muted">${esc(w.severityMeaning[k])}</td></tr>`).join('');
  const clauses = clauseCounts(report).map((c) => `<tr><td class="mono">${esc(c.clause)}</td><td class="num">${c.count}</td></tr>`).join('');
  return `<section>
<h2>${esc(w.summary)}</h2>
<div class="stats">${cells}</div>
<div class="cols">
<table><caption>${esc(w.bySeverity)}</caption><thead><tr><th>${esc(w.severity)}</th><th>${esc(w.count)}</th><th></th></tr></thead><tbody>${sev}</tbody></table>
${clauses ? `<table><caption>${esc(w.byClause)}</caption><thead><tr><th>${esc(w.clause)}</th><th>${esc(w.count)}</th></tr></thead><tbody>${clauses}</tbody></table>` : ''}
</div>
</section>`;
}

function findings(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  if (report.findings.length === 0) return `<section><h2>${esc(w.findings)}</h2><p class="empty">${esc(w.noFindings)}</p></section>`;
  const annexes = groupFindings(report, options.quotes).map((a) => {
    const clauses = a.clauses.map((c) => `<div class="clause">
<h4><span class="mono">${esc(c.clause)}</span> <span class="muted">(${c.findings.length})</span></h4>
${c.quotes.map((q) => `<blockquote lang="kk"><span class="ql">${esc(w.quote)}:</span> «${esc(q)}»</blockquote>`).join('\n')}
<table class="findings"><colgroup><col class="c-subj"><col class="c-msg"><col class="c-exp"><col class="c-act"><col class="c-ev"></colgroup><thead><tr><th>${esc(w.subject)}</th><th>${esc(w.message)}</th><th>${esc(w.expected)}</th><th>${esc(w.actual)}</th><th>${esc(w.evidence)}</th></tr></thead>
<tbody>${c.findings.map((x) => findingRow(x, w)).join('')}</tbody></table>
</div>`).join('\n');
    return `<h3>${esc(annexTitle(a.annex, w))}</h3>\n${clauses}`;
  }).join('\n');
  return `<section><h2>${esc(w.findings)}</h2>\n${annexes}\n</section>`;
}

function findingRow(x: ReportFinding, w: ReportWords): string {
  const target = [
    `<span class="mono">${esc(x.subject)}</span>`,
    x.period === undefined ? '' : `<br><span class="mono muted">${esc(x.period)}</span>`,
    x.item === null ? '' : `<br><span class="mono muted">${esc(w.item)}: ${esc(x.item)}</span>`,
  ].join('');
  const evidence = x.evidence.map((e) => `<span class="mono">${esc(formatEvidence(e))}</span>`).join('<br>') || '—';
  return `<tr class="row-${x.severity}"><td><span class="sev sev-${x.severity}">${esc(w.severities[x.severity])}</span><br>${target}</td>` +
    `<td>${esc(x.message)}<br><span class="rule mono">${esc(x.rule)}</span></td>` +
    `<td>${esc(x.expected)}</td><td>${esc(x.actual)}</td><td class="ev">${evidence}</td></tr>`;
}

function notEvaluated(report: AuditReport, w: ReportWords): string {
  if (report.not_evaluated.length === 0) return `<section><h2>${esc(w.notEvaluated)}</h2><p class="empty">${esc(w.allEvaluated)}</p></section>`;
  const rows = report.not_evaluated.map((n) =>
    `<tr><td class="mono">${esc(n.clause)}</td><td class="mono">${esc(n.rule)}</td><td>${esc(n.reason)}</td></tr>`).join('');
  return `<section><h2>${esc(w.notEvaluated)}</h2>
<table><thead><tr><th>${esc(w.clause)}</th><th>${esc(w.rule)}</th><th>${esc(w.reason)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function inputErrors(report: AuditReport, w: ReportWords): string {
  if (report.input_errors.length === 0) return `<section><h2>${esc(w.inputErrors)}</h2><p class="empty">${esc(w.noInputErrors)}</p></section>`;
  const rows = report.input_errors.map((e) => `<tr${isWarning(e) ? ' class="warning"' : ''}>` +
    `<td class="mono">${esc(inputErrorCell(e))}</td><td class="mono">${esc(e.column ?? '')}</td>` +
    `<td class="mono">${esc(e.value ?? '')}</td><td>${esc(e.message)}</td>` +
    `<td class="mono muted">${esc(e.code ?? '')}${isWarning(e) ? ` (${esc(w.warning)})` : ''}</td></tr>`).join('');
  return `<section><h2>${esc(w.inputErrors)}</h2>
<table><thead><tr><th>${esc(w.cell)}</th><th>${esc(w.column)}</th><th>${esc(w.value)}</th><th>${esc(w.message)}</th><th>${esc(w.code)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function rowsRead(report: AuditReport, w: ReportWords): string {
  const rows = Object.entries(report.rows).map(([sheet, c]) =>
    `<tr><td class="mono">${esc(sheet)}</td><td class="num">${c.read}</td><td class="num">${c.accepted}</td><td class="num">${c.rejected}</td></tr>`).join('');
  return `<section class="rows"><h2>${esc(w.rowsRead)}</h2>
<table><thead><tr><th>${esc(w.sheet)}</th><th>${esc(w.read)}</th><th>${esc(w.accepted)}</th><th>${esc(w.rejected)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
