// summary.html of a batch: what a regional inspector reads first — which facilities are non-compliant,
// how badly, what persists since the last inspection, which clauses fail across facilities, and which
// workbooks could not be audited and why. Self-contained like the reports; links only to the report
// files written beside it.
import type { BatchSummary } from './batch.ts';
import { esc, followUpStats, stat } from './html.ts';
import { HTML_STYLE, htmlHead } from './html-style.ts';
import { reportWords } from './i18n.ts';
import { enumText } from './labels.ts';
import { SEVERITY_ORDER, quoteFor, type QuoteMap } from './view.ts';

/**
 * The report's style, and the batch summary's own: A4 landscape, a wide table that scrolls on a narrow screen.
 * The facilities table's count columns have their headings set vertically: written across, ten or more of
 * them ("незначительное", "сохраняется", "Ошибки в данных") made the table wider than the A4 page, and the
 * print cut off its last columns, the exit state among them.
 */
const BATCH_STYLE = `${HTML_STYLE}
.wide { max-width: 277mm; } table.batch td, table.batch th { font-size: 9pt; } table.batch th { font-size: 8pt; padding-left: 1.2mm; padding-right: 1.2mm; }
.table-scroll { overflow-x: auto; } td.persisting { color: var(--critical); font-weight: 700; }
.wide .stats { grid-template-columns: repeat(auto-fit, minmax(24mm, 1fr)); }
table.batch td.mono, table.batch td .mono { overflow-wrap: normal; } table.batch td.nw { white-space: nowrap; }
.verdict-tag { background: none !important; }
.verdict-tag { font-weight: 600; white-space: nowrap; } .verdict-tag.verdict-compliant { color: var(--ok); }
.verdict-tag.verdict-non_compliant { color: var(--critical); } .verdict-tag.verdict-incomplete { color: var(--major); }
tr.failed td { color: var(--critical); } .quote { font-style: italic; }
table.batch td .reasons { font-size: 8pt; }
table.batch th.count { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; vertical-align: bottom; text-align: left; }
@page { size: A4 landscape; }
`;

/**
 * Under the verdict, what it rests on — the rest of the report's verdict line ("in the workbook: no sheet
 * «Visits»", "1 input error"): why a facility is incomplete, which the counts beside it cannot say.
 */
function verdictReasons(b: BatchSummary['workbooks'][number], verdictWord: string): string {
  const prefix = `${verdictWord} — `;
  const reasons = b.verdict !== null && b.verdict.startsWith(prefix) ? b.verdict.slice(prefix.length) : '';
  return reasons === '' ? '' : `<br><span class="reasons muted">${esc(reasons)}</span>`;
}

/** The facilities table's columns before its counts: file, facility, period, verdict. */
const TEXT_COLUMNS = 4;

export function renderBatchSummaryHtml(summary: BatchSummary, options: { quotes?: QuoteMap } = {}): string {
  const lang = summary.lang;
  const w = reportWords(lang);
  const t = summary.totals;
  const followUp = t.new !== null;
  const stats = [
    stat(w.workbooks, t.workbooks), stat(w.verdict.non_compliant, t.non_compliant), stat(w.verdict.incomplete, t.incomplete),
    stat(w.verdict.compliant, t.compliant), stat(w.failedWorkbooks, t.failed), stat(w.entries, t.entries),
    ...SEVERITY_ORDER.map((k) => stat(w.severities[k], t.findings[k])),
  ].join('');
  const fuStats = !followUp ? '' : followUpStats(t, w);
  const head = [w.file, w.facility, w.period, w.status, ...SEVERITY_ORDER.map((k) => w.severities[k]), w.entries, w.inputErrors,
    ...(followUp ? [w.statuses.new, w.statuses.persisting, w.statuses.resolved] : []), w.exitState];
  const rows = summary.workbooks.map((b) => {
    const file = b.report === null ? esc(b.file) : `<a href="${esc(encodeURIComponent(b.report))}">${esc(b.file)}</a>`;
    if (b.result === null) {
      return `<tr class="failed"><td class="mono">${file}</td><td colspan="${head.length - 2}">${esc(b.error ?? '')}</td><td class="num">${b.exit}</td></tr>`;
    }
    const f = b.facility!;
    const n = (x: number | null | undefined) => `<td class="num">${x ?? ''}</td>`;
    const fu = !followUp ? '' : b.follow_up === null ? `<td colspan="3" class="muted">${esc(w.noBaseline)}</td>`
      : n(b.follow_up.new) + `<td class="num${b.follow_up.persisting > 0 ? ' persisting' : ''}">${b.follow_up.persisting}</td>` + n(b.follow_up.resolved);
    return `<tr><td class="mono">${file}</td><td>${esc(f.name)}<br><span class="mono muted">${esc(f.facility_id)} · ${esc(enumText('kind', f.kind, lang))}</span></td>` +
      `<td class="mono"><span class="nw">${esc(b.period!.from)} …</span> <span class="nw">${esc(b.period!.to)}</span></td><td><span class="verdict-tag verdict-${b.result}">${esc(w.verdict[b.result])}</span>${verdictReasons(b, w.verdict[b.result])}</td>` +
      SEVERITY_ORDER.map((k) => n(b.findings![k])).join('') + n(b.entries) + n(b.input_errors) + fu + n(b.exit) + '</tr>';
  }).join('\n');
  const worst = summary.worst_clauses.map((c) => {
    const quote = quoteFor(c.rules[0] ?? '', c.clause, options.quotes);
    return `<tr class="row-${c.severity}"><td class="mono nw">${esc(c.clause)}</td><td><span class="sev sev-${c.severity}">${esc(w.severities[c.severity])}</span></td>` +
      `<td class="num">${c.facilities.length}</td><td class="mono">${c.facilities.map((f) => `<span class="nw">${esc(f)}</span>`).join(', ')}</td><td class="num">${c.entries}</td><td class="num">${c.findings}</td>` +
      (followUp ? `<td class="num">${c.persisting}</td>` : '') +
      `<td>${quote === undefined ? '' : `<span lang="kk" class="quote">«${esc(quote)}»</span><br>`}<span class="rule mono">${esc(c.rules.join(', '))}</span></td></tr>`;
  }).join('\n');
  const failed = summary.workbooks.filter((b) => b.result === null);
  return `${htmlHead({ lang, title: esc(w.batchTitle), style: BATCH_STYLE })}
<body class="wide">
<header>
<p class="kicker">${esc(w.batchTitle)}</p>
<h1>${esc(w.workbooks)}: ${t.workbooks}</h1>
</header>
<section>
<h2>${esc(w.summary)}</h2>
<div class="stats">${stats}</div>
${fuStats}
</section>
<section>
<h2>${esc(w.facilities)}</h2>
<div class="table-scroll"><table class="batch"><thead><tr>${head.map((h, i) => `<th${i >= TEXT_COLUMNS ? ' class="count"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></div>
</section>
<section>
<h2>${esc(w.worstClauses)}</h2>
<p class="note">${esc(w.worstClausesNote)}</p>
${summary.worst_clauses.length === 0 ? `<p class="empty">${esc(w.noFindings)}</p>` : `<table class="batch"><thead><tr><th>${esc(w.clause)}</th><th>${esc(w.severity)}</th><th colspan="2">${esc(w.facilities)}</th><th>${esc(w.entries)}</th><th>${esc(w.findings)}</th>${followUp ? `<th>${esc(w.statuses.persisting)}</th>` : ''}<th>${esc(w.quote)}</th></tr></thead>
<tbody>
${worst}
</tbody></table>`}
</section>
${failed.length === 0 ? '' : `<section>
<h2>${esc(w.failedWorkbooks)}</h2>
<ul>${failed.map((b) => `<li><span class="mono">${esc(b.file)}</span>: ${esc(b.error ?? '')}</li>`).join('')}</ul>
</section>`}
<footer>${esc(w.generatedBy)} ${esc(summary.generated_by.name)} ${esc(summary.generated_by.version)} · ${esc(summary.schema)}</footer>
</body>
</html>
`;
}
