// Which ruleset versions apply to an audit, and which version judges a case on its date.
import { formatIsoDate, type DayNumber } from '../core/date.ts';
import type { Localized } from '../core/lang.ts';
import type { CompiledRuleset } from '../compile/index.ts';
import { cmp } from './findings.ts';

/** No ruleset version can judge the workbook; `text` says why in each user language (`message` is English). */
export class NoRulesetInForce extends Error {
  override readonly name = 'NoRulesetInForce';
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

const covers = (v: CompiledRuleset, d: DayNumber) => (v.inForce.from === null || v.inForce.from <= d) && (v.inForce.until === null || d <= v.inForce.until);
const window = (v: CompiledRuleset) => `${v.id}@${v.version} in force ${v.inForce.from === null ? '…' : formatIsoDate(v.inForce.from)} .. ${v.inForce.until === null ? '…' : formatIsoDate(v.inForce.until)}${v.inForce.fromApproximate || v.inForce.untilApproximate ? ' (approximate)' : ''}`;

/**
 * The versions for a facility kind whose in-force window (inclusive; `until` is the last day in force)
 * overlaps the audit period or contains `asOf`. Throws NoRulesetInForce when there are none.
 */
export function selectVersions(all: readonly CompiledRuleset[], facilityKind: string, period: { from: DayNumber; to: DayNumber }, asOf: DayNumber): CompiledRuleset[] {
  const forKind = all.filter((v) => v.appliesTo === facilityKind);
  const chosen = forKind.filter((v) =>
    ((v.inForce.from === null || v.inForce.from <= period.to) && (v.inForce.until === null || v.inForce.until >= period.from)) || covers(v, asOf));
  if (chosen.length > 0) return sortVersions(chosen);
  if (forKind.length === 0) {
    const loaded = [...new Set(all.map((v) => `${v.id} → ${v.appliesTo}`))].join(', ') || '—';
    throw new NoRulesetInForce({
      kk: `"${facilityKind}" түріндегі мекемелерге бірде-бір ережелер жинағы қолданылмайды (жүктелгендері: ${loaded})`,
      ru: `ни один набор правил не применяется к учреждениям типа «${facilityKind}» (загружены: ${loaded})`,
      en: `no ruleset applies to facilities of kind "${facilityKind}" (rulesets loaded: ${loaded === '—' ? 'none' : loaded})`,
    });
  }
  const dist = (v: CompiledRuleset) => Math.min(
    v.inForce.until !== null && v.inForce.until < period.from ? period.from - v.inForce.until : Infinity,
    v.inForce.from !== null && v.inForce.from > period.to ? v.inForce.from - period.to : Infinity);
  const nearest = [...forKind].sort((a, b) => dist(a) - dist(b)).slice(0, 2);
  const during = `${formatIsoDate(period.from)} .. ${formatIsoDate(period.to)}`;
  const near = nearest.map(window).join('; ');
  throw new NoRulesetInForce({
    kk: `"${facilityKind}" үшін ${during} кезеңінде күшіндегі ережелер нұсқасы жоқ; ең жақындары: ${near}. Нұсқа күшінде болған кезеңді тексеріңіз немесе сол нұсқаны қолдану үшін оның ішіндегі күнмен --as-of беріңіз.`,
    ru: `для «${facilityKind}» нет версии правил, действующей в ${during}; ближайшие: ${near}. Проверяйте период внутри срока действия версии или укажите --as-of с датой внутри него, чтобы применить эту версию.`,
    en: `no ruleset version for "${facilityKind}" is in force during ${during}; nearest: ${near}. ` +
      'Audit a period inside a version\'s window, or pass --as-of with a date inside one to apply that version.',
  });
}

export function sortVersions(vs: readonly CompiledRuleset[]): CompiledRuleset[] {
  // Code-point order like every other list an Evaluation holds: localeCompare would vary with the machine's ICU locale.
  return [...vs].sort((a, b) => cmp(a.id, b.id) || (a.inForce.from ?? -Infinity) - (b.inForce.from ?? -Infinity) || cmp(a.version, b.version));
}

/** The version of one ruleset id in force on d; when windows overlap on a day, the later version. */
export function versionOn(versions: readonly CompiledRuleset[], d: DayNumber): CompiledRuleset | null {
  let best: CompiledRuleset | null = null;
  for (const v of versions) if (covers(v, d) && (best === null || (v.inForce.from ?? -Infinity) >= (best.inForce.from ?? -Infinity))) best = v;
  return best;
}
