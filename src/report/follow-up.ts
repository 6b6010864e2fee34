// Follow-up inspections: an audit compared with an earlier audit of the same facility. Every finding is
// `new` or `persisting`; what the earlier audit found and this one, looking again, did not is `resolved`.
// Findings match on (rule, subject, period, item), as docs/report.md says.
import type { AuditReport, ReportFinding } from './types.ts';
import { consolidateFindings } from './consolidate.ts';
import { periodWithin } from './periods.ts';

export class BaselineMismatch extends Error {
  override readonly name = 'BaselineMismatch';
  constructor(readonly baselineFacility: { facility_id: string; name: string }, readonly facility: { facility_id: string; name: string }) {
    super(`the baseline audits facility ${baselineFacility.facility_id}, this audit ${facility.facility_id}`);
  }
}

function matchKey(f: ReportFinding): string {
  return JSON.stringify([f.rule, f.subject, f.period ?? null, f.item]);
}

/** The finding without the marks of an earlier comparison or an explanation: as the baseline found it. */
function plain(f: ReportFinding): ReportFinding {
  const { follow_up: _f, recurring: _r, explain: _e, ...rest } = f;
  return rest;
}

/**
 * `current` with every finding marked against `baseline`, the summary counting new, persisting and
 * resolved findings, and `follow_up` naming the baseline and listing the resolved findings. A baseline
 * finding this audit could not look at again — its period is not inside this audit's period, or its rule
 * (or its subject under the rule) was not evaluated this time — is counted as not rechecked, never as
 * resolved. Throws BaselineMismatch when the two audits are of different facilities.
 */
export function applyBaseline(current: AuditReport, baseline: AuditReport): AuditReport {
  if (baseline.facility.facility_id !== current.facility.facility_id) throw new BaselineMismatch(baseline.facility, current.facility);
  const before = new Set(baseline.findings.map(matchKey));
  const failedBefore = new Set(baseline.findings.map((f) => JSON.stringify([f.rule, f.subject])));
  const findings = current.findings.map((f): ReportFinding => {
    const base = plain(f);
    if (before.has(matchKey(f))) return { ...base, follow_up: 'persisting', ...(f.explain ? { explain: f.explain } : {}) };
    const recurring = failedBefore.has(JSON.stringify([f.rule, f.subject]));
    return { ...base, follow_up: 'new', ...(recurring ? { recurring: true as const } : {}), ...(f.explain ? { explain: f.explain } : {}) };
  });
  const now = new Set(current.findings.map(matchKey));
  const notEvaluatedRules = new Set(current.not_evaluated.filter((n) => n.subject === undefined).map((n) => n.rule));
  const notEvaluatedSubjects = new Set(current.not_evaluated.filter((n) => n.subject !== undefined).map((n) => JSON.stringify([n.rule, n.subject])));
  const rechecked = (f: ReportFinding) =>
    (f.period === undefined || periodWithin(f.period, current.period.from, current.period.to))
    && !notEvaluatedRules.has(f.rule) && !notEvaluatedSubjects.has(JSON.stringify([f.rule, f.subject]));
  const gone = baseline.findings.filter((f) => !now.has(matchKey(f)));
  const resolved = gone.filter(rechecked).map(plain);
  const persisting = findings.filter((f) => f.follow_up === 'persisting').length;
  const { follow_up: _old, ...rest } = current;
  return {
    ...rest,
    summary: { ...stripFollowUpCounts(current.summary), new: findings.length - persisting, persisting, resolved: resolved.length },
    findings,
    groups: consolidateFindings(findings),
    follow_up: {
      baseline: {
        file: baseline.workbook.file, sha256: baseline.workbook.sha256, lang: baseline.lang,
        period: { from: baseline.period.from, to: baseline.period.to }, as_of: baseline.as_of, result: baseline.result,
      },
      not_rechecked: gone.length - resolved.length,
      resolved,
    },
  };
}

function stripFollowUpCounts(s: AuditReport['summary']): AuditReport['summary'] {
  const { new: _n, persisting: _p, resolved: _r, ...rest } = s;
  return rest;
}
