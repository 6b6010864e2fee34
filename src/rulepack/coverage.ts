// `ereje rules coverage`: per annex and point, encoded / partly encoded / narrative / not auditable /
// pending / repealed, and the share of auditable points that are fully encoded (partly encoded points are
// counted apart, never as encoded; repealed points are no duty, so not auditable) — computed from the
// manifests beside the rule files.
import type { Lang } from '../core/lang.ts';
import { annexCoverage, manifestText, type AnnexCoverage, type ManifestText, type PointStatus } from './manifest.ts';
import type { RulePack } from './pack.ts';

/** One entry per manifest, by annex then version. */
export function packCoverage(pack: RulePack): AnnexCoverage[] {
  return pack.manifests.map((m) => annexCoverage(m.manifest))
    .sort((a, b) => a.annex - b.annex || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

/** A point status in words, per language. */
export const STATUS: Record<Lang, Record<PointStatus, string>> = {
  en: { encoded: 'encoded', partial: 'partly encoded', narrative: 'narrative', 'not-auditable': 'not auditable', pending: 'pending', repealed: 'repealed' },
  ru: { encoded: 'закодирован', partial: 'частично', narrative: 'описательный', 'not-auditable': 'не проверяем', pending: 'ожидает', repealed: 'утратил силу' },
  kk: { encoded: 'кодталған', partial: 'ішінара', narrative: 'сипаттамалық', 'not-auditable': 'тексерілмейді', pending: 'күтуде', repealed: 'күші жойылған' },
};

const WORDS = {
  en: { annex: 'Annex', points: 'points', share: 'auditable points fully encoded', partly: 'partly encoded', missing: 'not encoded', none: 'No clause manifests found in' },
  ru: { annex: 'Приложение', points: 'пунктов и подпунктов', share: 'проверяемых пунктов закодировано полностью', partly: 'частично', missing: 'не закодировано', none: 'Не найдено манифестов пунктов в' },
  kk: { annex: 'Қосымша', points: 'тармақ пен тармақша', share: 'тексерілетін тармақтар толық кодталған', partly: 'ішінара', missing: 'кодталмаған', none: 'Тармақтар манифесі табылмады:' },
} as const;

export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export function renderCoverage(annexes: readonly AnnexCoverage[], lang: Lang, opts: { points: boolean; dir?: string }): string {
  const w = WORDS[lang], st = STATUS[lang];
  if (annexes.length === 0) return `${w.none} ${opts.dir ?? ''}\n`;
  const lines: string[] = [];
  for (const a of annexes) {
    lines.push(`${w.annex} ${a.annex} — ${a.ruleset}@${a.version}: ${a.total} ${w.points}: ` +
      `${a.encoded} ${st.encoded}, ${a.partial} ${st.partial}, ${a.narrative} ${st.narrative}, ${a.notAuditable} ${st['not-auditable']}, ${a.pending} ${st.pending}, ${a.repealed} ${st.repealed}; ` +
      `${w.share}: ${a.encoded}/${a.auditable} (${percent(a.share)}), ${w.partly}: ${a.partial}`);
    if (!opts.points) continue;
    const width = Math.max(...a.points.map((p) => p.id.length));
    const statusWidth = Math.max(14, ...Object.values(st).map((s) => s.length));
    for (const p of a.points) {
      const text = (t: ManifestText | undefined) => manifestText(t, lang) ?? '';
      const detail = p.status === 'encoded' ? (p.rules ?? []).join(', ')
        : p.status === 'partial' ? `${(p.rules ?? []).join(', ')}; ${w.missing}: ${text(p.missing)}`
          : p.status === 'repealed' ? text(p.by)
            : text(p.reason ?? p.about);
      lines.push(`  ${p.id.padEnd(width)}  ${st[p.status].padEnd(statusWidth)}  ${detail}`);
    }
    lines.push('');
  }
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}
