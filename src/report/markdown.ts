// The report as Markdown, for e-mail and tickets. Text from the workbook is escaped so that a facility
// name with `*`, `|`, `<` or a newline cannot change the document's structure or inject HTML.
import type { AuditReport } from './types.ts';
import {
  SEVERITY_ORDER, annexTitle, clauseCounts, enumText, findingTarget, formatEvidenceList, formatInForce, groupFindings,
  inputErrorCell, isWarning, severityCounts, verdictLine, wordsFor, type RenderOptions,
} from './view.ts';

export function renderMarkdown(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  const f = report.facility;
  const s = report.summary;
  const out: string[] = [];
  out.push(`**${w.status}: ${md(verdictLine(report, w, options.lang))}**`, '');
  out.push(`# ${w.title}: ${md(f.name)}`, '');
  out.push(`- **${w.facility}:** ${md(f.name)} (${md(f.facility_id)}; ${w.kind}: ${md(enumText('kind', f.kind, options.lang))}; ${w.ownership}: ${md(enumText('ownership', f.ownership, options.lang))})`);
  out.push(`- **${w.period}:** ${report.period.from} … ${report.period.to}`);
  out.push(`- **${w.asOf}:** ${report.as_of}`);
  out.push(`- **${w.workbook}:** ${md(report.workbook.file)} (sha256 \`${report.workbook.sha256.slice(0, 12)}…\`)`);
  for (const r of report.rulesets) {
    out.push(`- **${w.rulesets}:** ${md(r.id)}@${md(r.version)} — ${md(r.act)}; ${w.inForce.toLowerCase()} ${formatInForce(r, w)}`);
  }
  if (report.rulesets.some((r) => r.in_force.approximate)) out.push(`- ${w.approximateNote}`);
  out.push('', `## ${w.summary}`, '');
  out.push(table(
    [w.rules, w.passed, w.failed, w.notEvaluated, w.findings, w.inputErrors],
    [[s.rules, s.passed, s.failed, s.not_evaluated, s.findings, s.input_errors].map(String)],
  ));
  const bySev = severityCounts(report);
  out.push('', `**${w.bySeverity}:** ${SEVERITY_ORDER.map((k) => `${w.severities[k]} ${bySev[k]}`).join(' · ')}`);
  const byClause = clauseCounts(report);
  if (byClause.length > 0) out.push('', `**${w.byClause}:** ${byClause.map((c) => `${c.clause} ${c.count}`).join(' · ')}`);

  out.push('', `## ${w.findings}`, '');
  if (report.findings.length === 0) out.push(w.noFindings);
  for (const annex of groupFindings(report, options.quotes)) {
    out.push(`### ${annexTitle(annex.annex, w)}`, '');
    for (const c of annex.clauses) {
      out.push(`#### ${c.clause}`, '');
      for (const q of c.quotes) out.push(`> ${mdLine(q)}`, '');
      out.push(table(
        [w.severity, w.subject, w.message, w.expected, w.actual, w.evidence],
        c.findings.map((x) => [
          w.severities[x.severity], md(findingTarget(x)), md(x.message), md(x.expected), md(x.actual),
          md(formatEvidenceList(x.evidence)),
        ]),
      ), '');
    }
  }

  out.push(`## ${w.notEvaluated}`, '');
  if (report.not_evaluated.length === 0) out.push(w.allEvaluated, '');
  else out.push(table([w.clause, w.rule, w.reason], report.not_evaluated.map((n) => [n.clause, md(n.rule), md(n.reason)])), '');

  out.push(`## ${w.inputErrors}`, '');
  if (report.input_errors.length === 0) out.push(w.noInputErrors);
  else {
    out.push(table(
      [w.cell, w.column, w.value, w.message, w.code],
      report.input_errors.map((e) => [
        md(inputErrorCell(e)), md(e.column ?? ''), md(e.value ?? ''), md(e.message),
        md(e.code ?? '') + (isWarning(e) ? ` (${w.warning})` : ''),
      ]),
    ));
  }
  out.push('', `## ${w.rowsRead}`, '');
  out.push(table(
    [w.sheet, w.read, w.accepted, w.rejected],
    Object.entries(report.rows).map(([sheet, c]) => [md(sheet), String(c.read), String(c.accepted), String(c.rejected)]),
  ));
  out.push('', `<sub>${w.generatedBy} ${report.generated_by.name} ${md(report.generated_by.version)} · ${report.schema}</sub>`);
  return out.join('\n') + '\n';
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A run of text that GitHub and other GFM renderers could turn into a link without any markup: one holding
 * a scheme (`https://`, `ftp://`), `www.`, `mailto:`/`xmpp:` or an e-mail address. Runs end at white space,
 * backticks, `|`, `<` and `>`, so the code span such a run is shown in needs neither a longer fence nor
 * escaping, and finding them is one pass over the text.
 */
const RUN = /[^\s`|<>]+/g;
function couldAutolink(run: string): boolean {
  const lower = run.toLowerCase();
  if (lower.includes('://') || lower.includes('www.') || lower.includes('mailto:') || lower.includes('xmpp:')) return true;
  const at = run.indexOf('@');
  return at >= 0 && run.indexOf('.', at) > at;
}

/**
 * Escapes Markdown and HTML syntax, and folds newlines, so workbook text is shown literally; a URL or an
 * e-mail address is shown as code, so that no renderer makes workbook text a link.
 */
export function md(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  let out = '';
  let at = 0;
  for (const m of flat.matchAll(RUN)) {
    if (!couldAutolink(m[0])) continue;
    out += escapeMd(flat.slice(at, m.index)) + '`' + m[0] + '`';
    at = m.index + m[0].length;
  }
  return out + escapeMd(flat.slice(at));
}

function escapeMd(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `md` for text that starts a line: a leading `#`, `-`, `+` or `1.` would start a heading or a list. */
export function mdLine(text: string): string {
  return md(text).replace(/^(\s*)([#+-])/, '$1\\$2').replace(/^(\s*\d+)\./, '$1\\.');
}
