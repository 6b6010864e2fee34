// `ereje rules list`: rulesets, their versions with the act and in-force dates (approximate ones
// marked, with the basis), and each rule's clause and severity; optionally only what is in force on a day.
import { compareClauses } from '../engine/index.ts';
import { parseDateText, type DayNumber } from '../core/date.ts';
import type { Lang } from '../core/lang.ts';
import type { DateStamp, RuleFile } from '../lang/ast.ts';
import { reportWords } from '../report/i18n.ts';
import type { RulePack } from './pack.ts';

export interface VersionListing {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly appliesTo: string;
  readonly act: string;
  readonly from: DateStamp | null;
  readonly until: DateStamp | null;
  readonly supersedes: readonly string[];
  readonly file: string;
  readonly rules: readonly { readonly name: string; readonly clause: string; readonly severity: string }[];
}

function inForceOn(f: RuleFile, d: DayNumber): boolean {
  const from = f.ruleset!.inForce.from, until = f.ruleset!.inForce.until;
  const a = from === null ? null : parseDateText(from.iso)!, b = until === null ? null : parseDateText(until.iso)!;
  return (a === null || a <= d) && (b === null || d <= b);
}

/** The compiled ruleset versions of the pack, by id then in-force date; with `asOf`, only those in force that day. */
export function listRulesets(pack: RulePack, lang: Lang, asOf?: DayNumber): VersionListing[] {
  const out: VersionListing[] = [];
  for (const { checked } of pack.compiled) {
    const f = checked.file, rs = f.ruleset!;
    if (asOf !== undefined && !inForceOn(f, asOf)) continue;
    out.push({
      id: rs.id, version: rs.version, title: rs.title[lang] ?? rs.title.en ?? rs.title.kk ?? '', appliesTo: rs.appliesTo,
      act: `N ${rs.act.number} ${rs.act.date.iso}${rs.act.registration ? ` (${rs.act.registeredOn?.iso ?? ''} N ${rs.act.registration})` : ''}`,
      from: rs.inForce.from, until: rs.inForce.until, supersedes: rs.supersedes, file: f.path,
      rules: f.rules.map((r) => ({ name: r.name, clause: r.clause, severity: r.severity }))
        .sort((a, b) => compareClauses(a.clause, b.clause) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.from?.iso ?? '') < (b.from?.iso ?? '') ? -1 : 1));
}

const WORDS = {
  en: { act: 'act', kind: 'facility kind', inForce: 'in force', from: 'from', until: 'until', open: 'open-ended', approx: 'approximate', supersedes: 'supersedes', rules: 'rules', none: 'No ruleset version is in force on', noneAll: 'No rulesets found in', basis: 'its basis is given below the version' },
  ru: { act: 'акт', kind: 'тип учреждения', inForce: 'действует', from: 'с', until: 'по', open: 'бессрочно', approx: 'приблизительно', supersedes: 'заменяет', rules: 'правил', none: 'Ни одна версия не действует на', noneAll: 'Нет наборов правил в', basis: 'основание указано под версией' },
  kk: { act: 'акт', kind: 'мекеме түрі', inForce: 'күшінде', from: 'бастап', until: 'дейін', open: 'мерзімсіз', approx: 'шамамен', supersedes: 'ауыстырады', rules: 'ереже', none: 'Бұл күні күшіндегі нұсқа жоқ:', noneAll: 'Ереже жиынтықтары табылмады:', basis: 'негіздемесі нұсқаның астында' },
} as const;

/** Approximate dates carry the reports' mark, ≈, explained by the same legend. */
const APPROX = '≈';
const stamp = (s: DateStamp | null) => (s === null ? null : `${s.approximate ? APPROX : ''}${s.iso}`);

export function renderList(listing: readonly VersionListing[], lang: Lang, asOf?: string, dir?: string): string {
  const w = WORDS[lang];
  if (listing.length === 0) return asOf ? `${w.none} ${asOf}\n` : `${w.noneAll} ${dir ?? ''}\n`;
  const lines: string[] = [];
  let lastId = '';
  for (const v of listing) {
    if (v.id !== lastId) { lines.push(`${v.id} — ${v.title}`); lastId = v.id; }
    const from = stamp(v.from), until = stamp(v.until);
    lines.push(`  ${v.version}  ${w.inForce} ${from ?? '…'} .. ${until ?? w.open}   ${w.act} ${v.act}   ${w.kind}: ${v.appliesTo}${v.supersedes.length ? `   ${w.supersedes} ${v.supersedes.join(', ')}` : ''}`);
    for (const [label, s] of [[w.from, v.from], [w.until, v.until]] as const) {
      if (s?.approximate) lines.push(`    ${APPROX} ${label} ${s.iso}: ${s.approximate}`);
    }
    lines.push(`    ${v.rules.length} ${w.rules}:`);
    const width = Math.max(...v.rules.map((r) => r.clause.length));
    for (const r of v.rules) lines.push(`      ${r.clause.padEnd(width)}  ${r.severity.padEnd(8)}  ${v.id}/${r.name}`);
  }
  lines.push('', `${reportWords(lang).approximateNote} (${w.basis})`);
  return lines.join('\n') + '\n';
}
