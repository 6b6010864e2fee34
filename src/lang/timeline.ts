// The versions of one ruleset in time. A version that amends another (`amends "x@v"`) or supersedes it
// (`supersedes "x@v"`, naming a version among the files checked) is its successor: it must start after
// its predecessor starts, and the day after its predecessor's `until` at the latest (a later start
// leaves days no version covers). From the successor's start on, the successor applies: the
// predecessor's own `until` may stay later (the day its act is repealed) without a conflict, as in the
// engine (src/engine/versions.ts: when periods overlap, the later version). Two versions of a ruleset
// that are not linked this way must not be in force on the same day. Approximate dates are checked as
// written and shown with ≈.
import type { DateStamp, Diagnostic, RuleFile, RulesetDecl, Span } from './ast.ts';
import { formatIsoDate, parseDateText, type DayNumber } from '../core/date.ts';
import { reportInto } from './messages.ts';

interface Version {
  readonly rs: RulesetDecl;
  readonly from: DayNumber | null;
  readonly until: DayNumber | null;
  /** Versions this one directly succeeds, with the word that links them. */
  readonly preds: { readonly v: Version; readonly how: 'amends' | 'supersedes' }[];
}

const day = (s: DateStamp | null): DayNumber | null => (s === null || s.iso === '' ? null : parseDateText(s.iso) ?? null);
const shown = (s: DateStamp | null, open: string): string => (s === null ? open : `${s.approximate !== undefined ? '≈' : ''}${s.iso}`);
const name = (v: Version) => `${v.rs.id}@${v.rs.version}`;
const interval = (v: Version, open: { en: string; ru: string; kk: string }, lang: 'en' | 'ru' | 'kk') =>
  `${shown(v.rs.inForce.from, '…')} .. ${shown(v.rs.inForce.until, open[lang])}`;
const OPEN = { en: 'open-ended', ru: 'бессрочно', kk: 'мерзімсіз' };
const fromSpan = (v: Version): Span => v.rs.inForce.from?.span ?? v.rs.span;

/** Overlaps, gaps and successors out of order among the ruleset versions of `files` (as written). */
export function checkTimeline(files: readonly RuleFile[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = reportInto(diagnostics);
  const versions = new Map<string, Version>();
  for (const f of files) {
    const rs = f.ruleset;
    if (!rs || versions.has(`${rs.id}@${rs.version}`)) continue;
    versions.set(`${rs.id}@${rs.version}`, { rs, from: day(rs.inForce.from), until: day(rs.inForce.until), preds: [] });
  }
  for (const v of versions.values()) {
    const add = (ref: string, how: 'amends' | 'supersedes') => {
      const p = versions.get(ref);
      if (p && p !== v && p.rs.id === v.rs.id && !v.preds.some((x) => x.v === p)) v.preds.push({ v: p, how });
    };
    if (v.rs.base) add(`${v.rs.base.id}@${v.rs.base.version}`, 'amends');
    for (const s of v.rs.supersedes) add(s, 'supersedes');
  }

  for (const v of versions.values()) {
    for (const { v: p, how } of v.preds) {
      if (v.from === null) {
        // An amendment without a start is already reported where its header is read.
        if (how === 'supersedes') {
          report(v.rs.span, 'timeline-no-start', `${name(v)} supersedes ${name(p)} but has no 'in_force from': add the day it takes effect`,
            `${name(v)} заменяет ${name(p)}, но не имеет 'in_force from': добавьте день вступления в силу`,
            `${name(v)} ${name(p)} нұсқасын ауыстырады, бірақ 'in_force from' жоқ: күшіне енетін күнін қосыңыз`);
        }
        continue;
      }
      const verb = how === 'amends' ? { en: 'amends', ru: 'изменяет', kk: 'өзгертеді' } : { en: 'supersedes', ru: 'заменяет', kk: 'ауыстырады' };
      if (p.from !== null && v.from <= p.from) {
        const vf = shown(v.rs.inForce.from, ''), pf = shown(p.rs.inForce.from, '');
        report(fromSpan(v), 'timeline-order', `${name(v)} takes effect ${vf}, not after the version it ${verb.en}, ${name(p)} (in force from ${pf}): a successor starts after its predecessor`,
          `${name(v)} вступает в силу ${vf}, не позже версии, которую ${verb.ru}, ${name(p)} (действует с ${pf}): следующая версия начинается после предыдущей`,
          `${name(v)} ${vf} күшіне енеді, бірақ ол ${verb.kk} ${name(p)} нұсқасынан (${pf} бастап күшінде) кейін емес: келесі нұсқа алдыңғысынан кейін басталады`);
        continue;
      }
      if (p.until !== null && p.until < v.from - 1) {
        const gapFrom = formatIsoDate(p.until + 1), gapTo = formatIsoDate(v.from - 1);
        const pu = shown(p.rs.inForce.until, ''), vf = shown(v.rs.inForce.from, '');
        report(fromSpan(v), 'timeline-gap', `no version of ${v.rs.id} is in force ${gapFrom} .. ${gapTo}: ${name(p)} ends ${pu} and ${name(v)}, which ${verb.en} it, starts ${vf}; correct the dates, or say which version applies between`,
          `с ${gapFrom} по ${gapTo} не действует ни одна версия ${v.rs.id}: ${name(p)} действует по ${pu}, а ${name(v)}, которая ее ${verb.ru}, — с ${vf}; исправьте даты или укажите, какая версия действует между ними`,
          `${gapFrom} .. ${gapTo} аралығында ${v.rs.id} ешбір нұсқасы күшінде емес: ${name(p)} ${pu} дейін, ал оны ${verb.kk} ${name(v)} ${vf} бастап; күндерді түзетіңіз немесе арадағы кезеңде қай нұсқа қолданылатынын көрсетіңіз`);
      }
    }
  }

  // Unlinked versions of one ruleset in force on the same day.
  const ancestors = (v: Version, seen = new Set<Version>()): Set<Version> => {
    for (const { v: p } of v.preds) if (!seen.has(p)) { seen.add(p); ancestors(p, seen); }
    return seen;
  };
  const all = [...versions.values()].sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity) || (name(a) < name(b) ? -1 : 1));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!, b = all[j]!;
      if (a.rs.id !== b.rs.id || ancestors(a).has(b) || ancestors(b).has(a)) continue;
      const start = Math.max(a.from ?? -Infinity, b.from ?? -Infinity);
      const end = Math.min(a.until ?? Infinity, b.until ?? Infinity);
      if (start > end) continue;
      const common = `${Number.isFinite(start) ? formatIsoDate(start) : '…'} .. ${Number.isFinite(end) ? formatIsoDate(end) : '…'}`;
      report(fromSpan(b), 'timeline-overlap', `${name(b)} (in force ${interval(b, OPEN, 'en')}) and ${name(a)} (${interval(a, OPEN, 'en')}) are both in force ${common}: a new version says which one it amends ('amends "${name(a)}"' after its version) or supersedes ('supersedes "${name(a)}"'), or the two periods must not overlap`,
        `${name(b)} (действует ${interval(b, OPEN, 'ru')}) и ${name(a)} (${interval(a, OPEN, 'ru')}) действуют одновременно ${common}: новая версия указывает, какую версию она изменяет ('amends "${name(a)}"' после версии) или заменяет ('supersedes "${name(a)}"'), иначе периоды не должны пересекаться`,
        `${name(b)} (${interval(b, OPEN, 'kk')} күшінде) және ${name(a)} (${interval(a, OPEN, 'kk')}) ${common} аралығында қатар күшінде: жаңа нұсқа қай нұсқаны өзгертетінін (нұсқасынан кейін 'amends "${name(a)}"') немесе ауыстыратынын ('supersedes "${name(a)}"') көрсетеді, әйтпесе кезеңдер қиылыспауы керек`);
    }
  }
  return diagnostics;
}
