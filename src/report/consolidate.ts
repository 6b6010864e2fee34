// One entry per rule and subject instead of one per period: a child without a health-log entry on 90 days
// is one line with the days as ranges, not 90. The JSON report keeps every finding (scripts need them)
// and lists these groups beside them; the other formats show the groups.
import type { FindingGroup, ReportEvidence, ReportFinding } from './types.ts';
import { periodKind, periodRanges, rangesText } from './periods.ts';

/** Stands for a finding's own period inside its wording while findings are compared. */
const PERIOD = '\u0000period\u0000';

function withoutPeriod(text: string, period: string | undefined): string {
  return period === undefined || period === '' ? text : text.split(period).join(PERIOD);
}

/**
 * Groups findings (in report order) by rule, version, subject, item, severity and follow-up status, and by
 * wording with each finding's own period left out: findings that say different things (1 visit in one
 * week, none in another) stay separate entries, so an entry never states what one of its findings does not.
 * Groups keep the order of their first finding.
 */
export function consolidateFindings(findings: readonly ReportFinding[]): FindingGroup[] {
  const byKey = new Map<string, { first: ReportFinding; members: number[]; templates: readonly [string, string, string] }>();
  findings.forEach((f, i) => {
    const templates = [withoutPeriod(f.message, f.period), withoutPeriod(f.expected, f.period), withoutPeriod(f.actual, f.period)] as const;
    const key = JSON.stringify([
      f.rule, f.version, f.severity, f.subject, f.item, f.follow_up ?? null, f.recurring ?? false,
      f.period === undefined ? null : periodKind(f.period), ...templates,
    ]);
    const g = byKey.get(key);
    if (g) g.members.push(i);
    else byKey.set(key, { first: f, members: [i], templates });
  });
  return [...byKey.values()].map(({ first, members, templates }) => {
    const list = members.map((i) => findings[i]!);
    const periodic = first.period !== undefined;
    const ranges = periodic ? periodRanges(list.map((f) => f.period!)) : undefined;
    const shown = (template: string, own: string) =>
      (list.length === 1 || ranges === undefined ? own : template.split(PERIOD).join(rangesText(ranges)));
    return {
      rule: first.rule, version: first.version, clause: first.clause, severity: first.severity, subject: first.subject, item: first.item,
      ...(periodic ? { period_kind: periodKind(first.period!), periods: ranges! } : {}),
      count: list.length,
      message: shown(templates[0], first.message),
      expected: shown(templates[1], first.expected),
      actual: shown(templates[2], first.actual),
      evidence: distinctEvidence(list),
      findings: members,
      ...(first.follow_up !== undefined ? { follow_up: first.follow_up } : {}),
      ...(first.recurring ? { recurring: true as const } : {}),
    };
  });
}

function distinctEvidence(findings: readonly ReportFinding[]): ReportEvidence[] {
  const seen = new Set<string>();
  const out: ReportEvidence[] = [];
  for (const f of findings) {
    for (const e of f.evidence) {
      const key = `${e.cell}\u0000${e.column ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/** Whether an entry's wording names its periods itself (else a renderer lists them beside it). */
export function messageNamesPeriods(g: FindingGroup): boolean {
  return g.periods === undefined || g.message.includes(rangesText(g.periods));
}
