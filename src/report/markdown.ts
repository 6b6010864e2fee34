// The report as Markdown, for e-mail and tickets. Text from the workbook is escaped so that a facility
// name with `*`, `|`, `<` or a newline cannot change the document's structure or inject HTML.
import type { AuditReport, FindingGroup } from './types.ts';
import { consolidateFindings } from './consolidate.ts';
import type { ReportWords } from './i18n.ts';
import { columnText, sheetText } from './labels.ts';
import {
  SEVERITY_ORDER, annexTitle, clauseCounts, consolidateNotEvaluated, entryExplanations, entryTarget, enumText, explainLines, followUpText, ruleRef, rowsInSheetOrder,
  formatEvidenceList, formatInForce, groupByClause, inputErrorCell, isWarning, notEvaluatedPlace, severityCounts, verdictLine, wordsFor,
  type RenderOptions,
} from './view.ts';

export function renderMarkdown(report: AuditReport, options: RenderOptions): string {
  const w = wordsFor(options);
  const lang = options.lang;
  const f = report.facility;
  const s = report.summary;
  const out: string[] = [];
  out.push(`**${w.status}: ${md(verdictLine(report, w, lang))}**`, '');
  out.push(`# ${w.title}: ${md(f.name)}`, '');
  out.push(`- **${w.facility}:** ${md(f.name)} (${md(f.facility_id)}; ${w.kind}: ${md(enumText('kind', f.kind, lang))}; ${w.ownership}: ${md(enumText('ownership', f.ownership, lang))})`);
  out.push(`- **${w.period}:** ${report.period.from} … ${report.period.to}`);
  out.push(`- **${w.asOf}:** ${report.as_of}`);
  out.push(`- **${w.workbook}:** ${md(report.workbook.file)} (sha256 \`${report.workbook.sha256.slice(0, 12)}…\`)`);
  for (const r of report.rulesets) {
    out.push(`- **${w.rulesets}:** ${md(r.id)}@${md(r.version)} — ${md(r.act)}; ${w.inForce.toLowerCase()} ${formatInForce(r, w)}`);
  }
  if (report.rulesets.some((r) => r.in_force.approximate)) out.push(`- ${w.approximateNote}`);
  const b = report.follow_up?.baseline;
  if (b !== undefined) out.push(`- **${w.baseline}:** ${md(w.baselineOf(b.file, b.period.from, b.period.to))} (sha256 \`${b.sha256.slice(0, 12)}…\`)`);
  out.push('', `## ${w.summary}`, '');
  out.push(table(
    [w.rules, w.passed, w.failed, w.notEvaluated, w.findings, w.entries, w.inputErrors],
    [[s.rules, s.passed, s.failed, s.not_evaluated, s.findings, report.groups.length, s.input_errors].map(String)],
  ));
  const bySev = severityCounts(report);
  out.push('', `**${w.bySeverity}:** ${SEVERITY_ORDER.map((k) => `${w.severities[k]} ${bySev[k]}`).join(' · ')}`);
  const byClause = clauseCounts(report);
  if (byClause.length > 0) out.push('', `**${w.byClause}:** ${byClause.map((c) => `${c.clause} ${c.count}`).join(' · ')}`);
  if (report.follow_up !== undefined) {
    out.push('', `**${w.followUp}:** ${w.statuses.new} ${s.new ?? 0} · ${w.statuses.persisting} ${s.persisting ?? 0} · ${w.statuses.resolved} ${s.resolved ?? 0}`
      + (report.follow_up.not_rechecked > 0 ? ` — ${md(w.notRechecked(report.follow_up.not_rechecked))}` : ''));
  }

  out.push('', `## ${w.findings}`, '');
  if (report.findings.length === 0) out.push(w.noFindings, '');
  entrySections(report.groups, report, w, options, out);

  if (report.follow_up !== undefined) {
    out.push(`## ${w.resolvedHeading}`, '');
    const resolved = report.follow_up.resolved;
    if (resolved.length === 0) out.push(w.noResolved, '');
    else {
      if (report.follow_up.baseline.lang !== report.lang) out.push(`*${w.baselineLanguage}*`, '');
      entrySections(consolidateFindings(resolved), { findings: resolved }, w, options, out);
    }
  }

  out.push(`## ${w.notEvaluated}`, '');
  if (report.not_evaluated.length === 0) out.push(w.allEvaluated, '');
  else {
    out.push(table([w.clause, w.rule, w.subject, w.reason], consolidateNotEvaluated(report.not_evaluated).map((n) => {
      const place = notEvaluatedPlace(n, lang);
      return [n.clauses.join(', '), md(n.rules.join(', ')), md(n.subjects.join(', ')), md(place ? `${place}: ${n.reason}` : n.reason)];
    })), '');
  }

  out.push(`## ${w.inputErrors}`, '');
  if (report.input_errors.length === 0) out.push(w.noInputErrors);
  else {
    out.push(table(
      [w.cell, w.column, w.value, w.message, w.code],
      report.input_errors.map((e) => [
        md(inputErrorCell(e, lang)), md(e.column === null ? '' : columnText(e.sheet, e.column, lang)), md(e.value ?? ''), md(e.message),
        md(e.code ?? '') + (isWarning(e) ? ` (${w.warning})` : ''),
      ]),
    ));
  }
  out.push('', `## ${w.rowsRead}`, '');
  out.push(table(
    [w.sheet, w.read, w.accepted, w.rejected],
    rowsInSheetOrder(report.rows).map(([sheet, c]) => [md(sheetText(sheet, lang)), String(c.read), String(c.accepted), String(c.rejected)]),
  ));
  out.push('', `<sub>${w.generatedBy} ${report.generated_by.name} ${md(report.generated_by.version)} · ${report.schema}</sub>`);
  return out.join('\n') + '\n';
}

/** Entries by annex and clause: the order's Kazakh text, a table of entries, then their explanations. */
function entrySections(entries: readonly FindingGroup[], report: Pick<AuditReport, 'findings'> & Partial<Pick<AuditReport, 'rulesets'>>, w: ReportWords, options: RenderOptions, out: string[]): void {
  const withStatus = entries.some((g) => g.follow_up !== undefined);
  for (const annex of groupByClause(entries, options.quotes)) {
    out.push(`### ${annexTitle(annex.annex, w)}`, '');
    for (const c of annex.clauses) {
      // Which version judged the entries, when the audit used more than one (an amendment within the period).
      const refs = [...new Set(c.entries.map((g) => ruleRef(g, report.rulesets)))];
      out.push(`#### ${c.clause}${refs.some((r) => r.includes('@')) ? ` — ${md(refs.join(', '))}` : ''}`, '');
      for (const q of c.quotes) out.push(`> ${mdLine(q)}`, '');
      out.push(table(
        [w.severity, w.subject, w.message, w.expected, w.actual, w.evidence, ...(withStatus ? [w.followUpStatus] : [])],
        c.entries.map((g) => [
          w.severities[g.severity], md(entryTarget(g, w, options.lang)), md(g.message), md(g.expected), md(g.actual),
          md(formatEvidenceList(g.evidence, w)), ...(withStatus ? [md(followUpText(g, w) ?? '')] : []),
        ]),
      ), '');
      for (const g of c.entries) {
        for (const { explain, periods } of entryExplanations(g, report.findings)) {
          const which = periods.length > 0 && periods.length < g.count ? ` (${periods.join(', ')})` : '';
          out.push(`*${w.explanation}* — ${md(entryTarget(g, w, options.lang))}${md(which)}${explain.source ? ` — ${w.source}: \`${explain.source}\`` : ''}`, '');
          for (const line of explainLines(explain.conditions, w)) out.push(`${'  '.repeat(line.depth)}- ${line.result ? '✓' : '✗'} ${md(line.text)}`);
          out.push('');
        }
      }
    }
  }
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
