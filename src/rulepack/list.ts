// `ereje rules list`: rulesets, their versions with the act and in-force dates (approximate ones
// marked, with the basis), and each rule's clause and severity; optionally only what is in force on a day.
import { compareClauses, versionOn } from '../engine/index.ts';
import type { DayNumber } from '../core/date.ts';
import type { Lang } from '../core/lang.ts';
import type { DateStamp, RuleOrigin } from '../lang/ast.ts';
import { textIn } from '../lang/texts.ts';
import { reportWords } from '../report/i18n.ts';
import { enumLabel } from '../schema/index.ts';
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
  /** The version an amendment amends (its rules are marked inherited, changed or added). */
  readonly amends: string | null;
  readonly file: string;
  /** `origin` for an amendment's rules; a rule it repeals is listed with origin `repealed`. */
  readonly rules: readonly {
    readonly name: string; readonly clause: string; readonly severity: string; readonly origin?: RuleOrigin | 'repealed';
    /** For an inherited rule: the tables it reads whose values the amendment changes. */
    readonly readsChanged?: readonly string[];
  }[];
}

/**
 * The compiled ruleset versions of the pack, by id then in-force date. With `asOf`, the effective pack
 * on that day: per ruleset, the version an audit of that day would apply (when in-force periods overlap,
 * the later version, as in the engine).
 */
export function listRulesets(pack: RulePack, lang: Lang, asOf?: DayNumber): VersionListing[] {
  const out: VersionListing[] = [];
  const inForce = asOf === undefined ? null : new Set(
    [...new Set(pack.rulesets.map((r) => r.id))].map((id) => versionOn(pack.rulesets.filter((r) => r.id === id), asOf)).filter((v) => v !== null),
  );
  for (const { checked, ruleset } of pack.compiled) {
    const f = checked.file, rs = f.ruleset!;
    if (inForce !== null && !inForce.has(ruleset)) continue;
    const amendment = f.amendment;
    const rules = [
      ...f.rules.map((r) => {
        if (!amendment) return { name: r.name, clause: r.clause, severity: r.severity };
        const origin = amendment.origin.get(r.name)!;
        const reads = [...(checked.needs.get(r.name)?.tables ?? [])].filter((t) => amendment.changedTables.includes(t)).sort();
        return { name: r.name, clause: r.clause, severity: r.severity, origin, ...(origin === 'inherited' && reads.length > 0 ? { readsChanged: reads } : {}) };
      }),
      ...(amendment?.repealed ?? []).map((r) => ({ name: r.name, clause: r.clause, severity: amendment!.base.rules.find((x) => x.name === r.name)?.severity ?? '', origin: 'repealed' as const })),
    ];
    out.push({
      id: rs.id, version: rs.version, title: rs.title[lang] ?? rs.title.en ?? rs.title.kk ?? '', appliesTo: rs.appliesTo,
      act: `N ${rs.act.number} ${rs.act.date.iso}${rs.act.registration ? ` (${rs.act.registeredOn?.iso ?? ''} N ${rs.act.registration})` : ''}`,
      from: rs.inForce.from, until: rs.inForce.until, file: f.path,
      amends: rs.base ? `${rs.base.id}@${rs.base.version}` : null,
      supersedes: rs.base ? rs.supersedes.filter((x) => x !== `${rs.base!.id}@${rs.base!.version}`) : rs.supersedes,
      rules: rules.sort((a, b) => compareClauses(a.clause, b.clause) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.from?.iso ?? '') < (b.from?.iso ?? '') ? -1 : 1));
}

const WORDS = {
  en: {
    act: 'act', kind: 'facility kind', inForce: 'in force', from: 'from', until: 'until', open: 'open-ended', approx: 'approximate', supersedes: 'supersedes', amends: 'amends', rules: 'rules', none: 'No ruleset version is in force on', noneAll: 'No rulesets found in', basis: 'its basis is given below the version',
    inherited: 'inherited', changed: 'changed', added: 'added', repealed: 'repealed', effective: 'In force on', reads: 'reads changed values of',
  },
  ru: {
    act: 'акт', kind: 'тип учреждения', inForce: 'действует', from: 'с', until: 'по', open: 'бессрочно', approx: 'приблизительно', supersedes: 'заменяет', amends: 'изменяет', rules: 'правил', none: 'Ни одна версия не действует на', noneAll: 'Нет наборов правил в', basis: 'основание указано под версией',
    inherited: 'унаследовано', changed: 'изменено', added: 'добавлено', repealed: 'отменено', effective: 'Действует на', reads: 'читает измененные значения',
  },
  kk: {
    act: 'акт', kind: 'мекеме түрі', inForce: 'күшінде', from: 'бастап', until: 'дейін', open: 'мерзімсіз', approx: 'шамамен', supersedes: 'ауыстырады', amends: 'өзгертеді', rules: 'ереже', none: 'Бұл күні күшіндегі нұсқа жоқ:', noneAll: 'Ереже жиынтықтары табылмады:', basis: 'негіздемесі нұсқаның астында',
    inherited: 'мұраланған', changed: 'өзгертілген', added: 'қосылған', repealed: 'алынып тасталған', effective: 'Күшінде:', reads: 'өзгерген мәндерін оқиды:',
  },
} as const;

/** Approximate dates carry the reports' mark, ≈, explained by the same legend. */
const APPROX = '≈';
const stamp = (s: DateStamp | null) => (s === null ? null : `${s.approximate ? APPROX : ''}${s.iso}`);

export function renderList(listing: readonly VersionListing[], lang: Lang, asOf?: string, dir?: string): string {
  const w = WORDS[lang];
  if (listing.length === 0) return asOf ? `${w.none} ${asOf}\n` : `${w.noneAll} ${dir ?? ''}\n`;
  const lines: string[] = asOf ? [`${w.effective} ${asOf}`, ''] : [];
  let lastId = '';
  for (const v of listing) {
    if (v.id !== lastId) { lines.push(`${v.id} — ${v.title}`); lastId = v.id; }
    const from = stamp(v.from), until = stamp(v.until);
    lines.push(`  ${v.version}  ${w.inForce} ${from ?? '…'} .. ${until ?? w.open}   ${w.act} ${v.act}   ${w.kind}: ${enumLabel('kind', v.appliesTo, lang) ?? v.appliesTo} (${v.appliesTo})${v.amends ? `   ${w.amends} ${v.amends}` : ''}${v.supersedes.length ? `   ${w.supersedes} ${v.supersedes.join(', ')}` : ''}`);
    for (const [label, s] of [[w.from, v.from], [w.until, v.until]] as const) {
      if (s?.approximate) lines.push(`    ${APPROX} ${label} ${s.iso}: ${textIn(s.approximate, lang)}`);
    }
    const inEffect = v.rules.filter((r) => r.origin !== 'repealed');
    const counts = v.amends === null ? '' : ` (${(['inherited', 'changed', 'added', 'repealed'] as const).map((o) => `${w[o]} ${v.rules.filter((r) => r.origin === o).length}`).join(', ')})`;
    lines.push(`    ${inEffect.length} ${w.rules}${counts}:`);
    const width = Math.max(...v.rules.map((r) => r.clause.length));
    const nameWidth = Math.max(...v.rules.map((r) => v.id.length + 1 + r.name.length));
    for (const r of v.rules) {
      const reads = r.readsChanged ? `; ${w.reads} ${r.readsChanged.join(', ')}` : '';
      const line = `      ${r.clause.padEnd(width)}  ${r.severity.padEnd(8)}  ${`${v.id}/${r.name}`.padEnd(r.origin ? nameWidth : 0)}${r.origin ? `  ${w[r.origin]}${reads}` : ''}`;
      lines.push(line.trimEnd());
    }
  }
  lines.push('', `${reportWords(lang).approximateNote} (${w.basis})`);
  return lines.join('\n') + '\n';
}
