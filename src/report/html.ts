// The report as one self-contained HTML file: inline CSS, no scripts, no network, printable on A4.
// Every piece of text goes through `esc`, so workbook content (a facility named `<script>…`) is text.
import type { AuditReport, FindingGroup } from './types.ts';
import { consolidateFindings } from './consolidate.ts';
import { HTML_STYLE, htmlHead } from './html-style.ts';
import type { ReportWords } from './i18n.ts';
import { columnText, sheetText, subjectText } from './labels.ts';
import {
  SEVERITY_ORDER, ruleRef, rowsInSheetOrder, annexTitle, clauseCounts, consolidateNotEvaluated, entryExplanations, entryPeriods, enumText, explainLines,
  formatEvidence, formatInForce, groupByClause, groupBySubject, inputErrorCell, isWarning, itemLabel, notEvaluatedPlace, severityCounts,
  shownEvidence, verdictLine, wordsFor, type RenderOptions,
} from './view.ts';

export function renderHtml(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  const f = report.facility;
  return `${htmlHead({ lang: options.lang, title: `${esc(w.title)} — ${esc(f.name)}`, style: HTML_STYLE })}
<body>
${renderHtmlBody(report, options)}
</body>
</html>
`;
}

/** The report's content without the document around it: what the self-check page shows under its HTML_STYLE. */
export function renderHtmlBody(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  return [
    header(report, w, options),
    summary(report, w),
    findings(report, w, options),
    bySubject(report, w, options),
    resolved(report, w, options),
    notEvaluated(report, w, options),
    inputErrors(report, w, options),
    rowsRead(report, w, options),
    `<footer>${esc(w.generatedBy)} ${esc(report.generated_by.name)} ${esc(report.generated_by.version)} · ${esc(report.schema)} · sha256 ${esc(report.workbook.sha256)}</footer>`,
  ].filter((x) => x !== '').join('\n');
}

function header(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  const f = report.facility;
  const rulesets = report.rulesets.map((r) =>
    `<li><span class="mono">${esc(r.id)}@${esc(r.version)}</span> — ${esc(r.act)}; ${esc(w.inForce.toLowerCase())} ` +
    `<span class="mono">${esc(formatInForce(r, w))}</span>${r.in_force.approximate ? ` <span class="approx">(${esc(w.approximate)})</span>` : ''}</li>`,
  ).join('');
  const approxNote = report.rulesets.some((r) => r.in_force.approximate) ? `<p class="note">${esc(w.approximateNote)}</p>` : '';
  const b = report.follow_up?.baseline;
  const baseline = b === undefined ? ''
    : `\n<dt>${esc(w.baseline)}</dt><dd><span class="mono">${esc(w.baselineOf(b.file, b.period.from, b.period.to))}</span> — ${esc(w.verdict[b.result])}</dd>`;
  return `<header>
<p class="verdict verdict-${report.result}">${esc(w.status)}: ${esc(verdictLine(report, w, options.lang))}</p>
<p class="kicker">${esc(w.title)}</p>
<h1>${esc(f.name)}</h1>
<dl class="meta">
<dt>${esc(w.facilityId)}</dt><dd class="mono">${esc(f.facility_id)}</dd>
<dt>${esc(w.kind)}</dt><dd>${esc(enumText('kind', f.kind, options.lang))}</dd>
<dt>${esc(w.ownership)}</dt><dd>${esc(enumText('ownership', f.ownership, options.lang))}</dd>
<dt>${esc(w.period)}</dt><dd class="mono">${esc(report.period.from)} … ${esc(report.period.to)}</dd>
<dt>${esc(w.asOf)}</dt><dd class="mono">${esc(report.as_of)}</dd>
<dt>${esc(w.workbook)}</dt><dd class="mono">${esc(report.workbook.file)}</dd>
<dt>${esc(w.rulesets)}</dt><dd><ul class="plain">${rulesets || '<li>—</li>'}</ul></dd>${baseline}
</dl>
${approxNote}
</header>`;
}

function summary(report: AuditReport, w: ReportWords): string {
  const s = report.summary;
  const bySev = severityCounts(report);
  const cells = ([[w.rules, s.rules], [w.passed, s.passed], [w.failed, s.failed], [w.notEvaluated, s.not_evaluated],
    [w.findings, s.findings], [w.entries, report.groups.length], [w.inputErrors, s.input_errors]] as const)
    .map(([label, n]) => stat(label, n)).join('');
  const followUp = report.follow_up === undefined ? '' : `${followUpStats(s, w)}${report.follow_up.not_rechecked > 0 ? `\n<p class="note">${esc(w.notRechecked(report.follow_up.not_rechecked))}</p>` : ''}\n`;
  const sev = SEVERITY_ORDER.map((k) =>
    `<tr><td><span class="sev sev-${k}">${esc(w.severities[k])}</span></td><td class="num">${bySev[k]}</td><td class="muted">${esc(w.severityMeaning[k])}</td></tr>`).join('');
  const clauses = clauseCounts(report).map((c) => `<tr><td class="mono">${esc(c.clause)}</td><td class="num">${c.count}</td><td class="num">${c.entries}</td></tr>`).join('');
  return `<section>
<h2>${esc(w.summary)}</h2>
<div class="stats">${cells}</div>
${followUp}<div class="cols">
<table><caption>${esc(w.bySeverity)}</caption><thead><tr><th>${esc(w.severity)}</th><th>${esc(w.count)}</th><th></th></tr></thead><tbody>${sev}</tbody></table>
${clauses ? `<table><caption>${esc(w.byClause)}</caption><thead><tr><th>${esc(w.clause)}</th><th>${esc(w.findings)}</th><th>${esc(w.entries)}</th></tr></thead><tbody>${clauses}</tbody></table>` : ''}
</div>
</section>`;
}

/** One figure of a stats grid: the number, its label under it. */
export function stat(label: string, n: number, cls = ''): string {
  return `<div class="stat${cls}"><span class="n">${n}</span><span class="l">${esc(label)}</span></div>`;
}

/** The new, persisting and resolved figures of a follow-up (a report's, or a batch's totals). */
export function followUpStats(counts: { new?: number | null; persisting?: number | null; resolved?: number | null }, w: ReportWords): string {
  return `<div class="stats fu-stats">${[
    stat(w.statuses.new, counts.new ?? 0, ' fu-new'), stat(w.statuses.persisting, counts.persisting ?? 0, ' fu-persisting'),
    stat(w.statuses.resolved, counts.resolved ?? 0, ' fu-resolved'),
  ].join('')}</div>`;
}

function findings(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  if (report.findings.length === 0) return `<section><h2>${esc(w.findings)}</h2><p class="empty">${esc(w.noFindings)}</p></section>`;
  return `<section class="findings-by-clause"><h2>${esc(w.findings)}</h2>\n${entriesByClause(report.groups, report, w, options)}\n</section>`;
}

function entriesByClause(entries: readonly FindingGroup[], report: Pick<AuditReport, 'findings'> & Partial<Pick<AuditReport, 'rulesets'>>, w: ReportWords, options: RenderOptions): string {
  return groupByClause(entries, options.quotes).map((a) => {
    const clauses = a.clauses.map((c) => `<div class="clause">
<h4><span class="mono">${esc(c.clause)}</span> <span class="muted">(${c.entries.length})</span> <span class="rule mono">${esc([...new Set(c.entries.map((g) => ruleRef(g, report.rulesets)))].join(', '))}</span></h4>
${c.quotes.map((q) => `<blockquote lang="kk"><span class="ql">${esc(w.quote)}:</span> «${esc(q)}»</blockquote>`).join('\n')}
<table class="findings"><colgroup><col class="c-subj"><col class="c-msg"><col class="c-exp"><col class="c-act"><col class="c-ev"></colgroup><thead><tr><th>${esc(w.subject)}</th><th>${esc(w.message)}</th><th>${esc(w.expected)}</th><th>${esc(w.actual)}</th><th>${esc(w.evidence)}</th></tr></thead>
<tbody>${c.entries.map((g) => entryRow(g, report, w, options)).join('')}</tbody></table>
</div>`).join('\n');
    return `<h3>${esc(annexTitle(a.annex, w))}</h3>\n${clauses}`;
  }).join('\n');
}

function followUpBadge(g: Pick<FindingGroup, 'follow_up' | 'recurring'>, w: ReportWords): string {
  if (g.follow_up === undefined) return '';
  const recurring = g.recurring ? ` <span class="fu fu-recurring" title="${esc(w.recurringMeaning)}">${esc(w.recurring)}</span>` : '';
  return ` <span class="fu fu-${g.follow_up}">${esc(w.statuses[g.follow_up])}</span>${recurring}`;
}

function entryRow(g: FindingGroup, report: Pick<AuditReport, 'findings'>, w: ReportWords, options: RenderOptions): string {
  const periods = entryPeriods(g, w);
  const item = itemLabel(g, options.lang);
  const target = [
    `<span class="subj">${breakable(subjectText(g.subject, options.lang))}</span>`,
    periods === '' ? '' : `<br><span class="mono muted">${esc(periods)}</span>`,
    item === '' ? '' : `<br><span class="muted">${esc(w.item)}: ${breakable(item)}</span>`,
  ].join('');
  const { shown, more } = shownEvidence(g.evidence);
  const evidence = shown.map((e) => `<span class="mono">${breakable(formatEvidence(e))}</span>`).join('<br>')
    + (more > 0 ? `<br><span class="muted">${esc(w.andMore(more))}</span>` : '');
  const row = `<tr class="row-${g.severity}"><td><span class="sev sev-${g.severity}">${esc(w.severities[g.severity])}</span>${followUpBadge(g, w)}<br>${target}</td>` +
    `<td>${breakable(g.message)}</td>` +
    `<td>${breakable(g.expected)}</td><td>${breakable(g.actual)}</td><td class="ev">${evidence || '—'}</td></tr>`;
  return row + explainRow(g, report, w);
}

function explainRow(g: FindingGroup, report: Pick<AuditReport, 'findings'>, w: ReportWords): string {
  const explanations = entryExplanations(g, report.findings);
  if (explanations.length === 0) return '';
  const blocks = explanations.map(({ explain, periods }) => {
    const which = periods.length > 0 && periods.length < g.count ? ` <span class="mono muted">(${esc(periods.join(', '))})</span>` : '';
    const lines = explainLines(explain.conditions, w).map((l) =>
      `<li class="${l.result ? 'ok' : 'fail'}" style="margin-left:${l.depth * 4}mm"><span class="mark">${l.result ? '✓' : '✗'}</span> <span class="mono">${esc(l.text)}</span></li>`).join('');
    const source = explain.source === null ? '' : ` — ${esc(w.source)}: <span class="mono">${esc(explain.source)}</span>`;
    return `<div class="why"><span class="ql">${esc(w.explanation)}</span>${which}${source}<ul class="plain">${lines}</ul></div>`;
  }).join('');
  return `<tr class="explain"><td colspan="5">${blocks}</td></tr>`;
}

function bySubject(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  if (report.groups.length === 0) return '';
  // One table, a header row per subject: a child with one finding takes two lines, not a heading and a table.
  // The message says what is wrong and when; expected, actual and evidence are in the entries by clause.
  const body = groupBySubject(report).map((s) => {
    const name = s.facility ? `${w.facilityWide}: ${report.facility.name}` : subjectText(s.subject, options.lang);
    const count = s.entries.reduce((n, g) => n + g.count, 0);
    const head = `<tr class="subject-head"><th colspan="2">${esc(name)} <span class="muted">(${count})</span>` +
      `${s.row === null || s.facility ? '' : ` <span class="mono muted">${esc(s.row)}</span>`}</th></tr>`;
    const rows = s.entries.map((g) => `<tr class="row-${g.severity}"><td><span class="mono">${esc(g.clause)}</span> <span class="sev sev-${g.severity}">${esc(w.severities[g.severity])}</span>${followUpBadge(g, w)}</td>` +
      `<td>${breakable(g.message)}</td></tr>`).join('');
    return `<tbody class="subject">${head}${rows}</tbody>`;
  }).join('\n');
  return `<section class="findings-by-subject"><h2>${esc(w.findings)}: ${esc(w.bySubject.toLowerCase())}</h2>
<p class="note">${esc(w.bySubjectNote)}</p>
<table class="by-subject"><colgroup><col class="c-cl"><col class="c-msg"></colgroup><thead><tr><th>${esc(w.clause)}</th><th>${esc(w.message)}</th></tr></thead>
${body}
</table>
</section>`;
}

function resolved(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  const fu = report.follow_up;
  if (fu === undefined) return '';
  if (fu.resolved.length === 0) return `<section class="resolved"><h2>${esc(w.resolvedHeading)}</h2><p class="muted">${esc(w.noResolved)}</p></section>`;
  const note = fu.baseline.lang !== report.lang ? `<p class="note">${esc(w.baselineLanguage)}</p>\n` : '';
  return `<section class="resolved"><h2>${esc(w.resolvedHeading)}</h2>\n${note}${entriesByClause(consolidateFindings(fu.resolved), { findings: fu.resolved }, w, options)}\n</section>`;
}

function notEvaluated(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  if (report.not_evaluated.length === 0) return `<section><h2>${esc(w.notEvaluated)}</h2><p class="empty">${esc(w.allEvaluated)}</p></section>`;
  const rows = consolidateNotEvaluated(report.not_evaluated).map((n) => {
    const place = notEvaluatedPlace(n, options.lang);
    return `<tr><td class="mono">${n.clauses.map(esc).join('<br>')}</td><td class="mono">${n.rules.map(breakable).join('<br>')}</td><td>${n.subjects.map(breakable).join('<br>')}</td>` +
      `<td>${place ? `<span class="muted">${esc(place)}:</span> ` : ''}${breakable(n.reason)}</td></tr>`;
  }).join('');
  return `<section><h2>${esc(w.notEvaluated)}</h2>
<table class="not-evaluated"><thead><tr><th>${esc(w.clause)}</th><th>${esc(w.rule)}</th><th>${esc(w.subject)}</th><th>${esc(w.reason)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function inputErrors(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  if (report.input_errors.length === 0) return `<section><h2>${esc(w.inputErrors)}</h2><p class="empty">${esc(w.noInputErrors)}</p></section>`;
  const rows = report.input_errors.map((e) => `<tr${isWarning(e) ? ' class="warning"' : ''}>` +
    `<td class="mono">${esc(inputErrorCell(e, options.lang))}</td><td>${esc(e.column === null ? '' : columnText(e.sheet, e.column, options.lang))}</td>` +
    `<td class="mono">${esc(e.value ?? '')}</td><td>${esc(e.message)}</td>` +
    `<td class="mono muted">${esc(e.code ?? '')}${isWarning(e) ? ` (${esc(w.warning)})` : ''}</td></tr>`).join('');
  return `<section><h2>${esc(w.inputErrors)}</h2>
<table><thead><tr><th>${esc(w.cell)}</th><th>${esc(w.column)}</th><th>${esc(w.value)}</th><th>${esc(w.message)}</th><th>${esc(w.code)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function rowsRead(report: AuditReport, w: ReportWords, options: RenderOptions): string {
  const rows = rowsInSheetOrder(report.rows).map(([sheet, c]) =>
    `<tr><td>${esc(sheetText(sheet, options.lang))}</td><td class="num">${c.read}</td><td class="num">${c.accepted}</td><td class="num">${c.rejected}</td></tr>`).join('');
  return `<section class="rows"><h2>${esc(w.rowsRead)}</h2>
<table><thead><tr><th>${esc(w.sheet)}</th><th>${esc(w.read)}</th><th>${esc(w.accepted)}</th><th>${esc(w.rejected)}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/**
 * Escaped text in which codes may wrap after `_` and `/` (`pmpk_<wbr>conclusion`) rather than in the
 * middle of a word when a narrow column must break them, and dates never wrap at their hyphens.
 */
function breakable(text: string): string {
  return esc(text)
    .replace(/([_/])(?=\S)/g, '$1<wbr>')
    // A date, week, month or quarter, and a day range `12–17`, stay on one line.
    .replace(/\b\d{4}-(?:\d{2}-\d{2}|W\d{2}|Q[1-4]|\d{2})\b|\b\d{1,2}–\d{1,2}\b/g, '<span class="nw">$&</span>');
}

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
