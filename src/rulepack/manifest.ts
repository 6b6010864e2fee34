// Clause-coverage manifests: beside each rule file `<version>.ereje` lies `<version>.manifest.json`, which
// classifies every point and subpoint of the annex as encoded (by which rules), partly encoded (by which
// rules, and what of its duty is not), narrative, not auditable from a workbook (with the reason),
// pending (auditable, not encoded yet) or repealed (an amending order took it out of the act: with what
// did). From it, coverage is computed and checked against the rules actually written, and an amendment's
// manifest against the version it amends.
import { LANGS, type Lang } from '../core/lang.ts';
import type { Diagnostic, RuleFile, Span } from '../lang/ast.ts';

export type PointStatus = 'encoded' | 'partial' | 'narrative' | 'not-auditable' | 'pending' | 'repealed';
const POINT_STATUSES: readonly PointStatus[] = ['encoded', 'partial', 'narrative', 'not-auditable', 'pending', 'repealed'];

/** Statuses whose points name the rules that encode them (wholly or in part). */
const HAS_RULES: ReadonlySet<PointStatus> = new Set(['encoded', 'partial']);

/**
 * A description people read (`coverage --points`, docs/interpretations*.md): one text for every language,
 * or `{ "kk": "…", "ru": "…", "en": "…" }` — all three, as legal staff read Kazakh and Russian.
 */
export type ManifestText = string | Readonly<Partial<Record<Lang, string>>>;

/** The fields of a point (and of a form) that hold a ManifestText. */
const TEXT_FIELDS = ['about', 'missing', 'reason', 'note', 'by'] as const;

/** What a repealed point cannot have: it is no duty of its version, so it has no rules and nothing to check. */
const NOT_ON_REPEALED = ['rules', 'reason', 'missing'] as const;

/** A manifest text in one language (the one-string form reads the same in all). */
export function manifestText(t: ManifestText | undefined, lang: Lang): string | undefined {
  if (t === undefined) return undefined;
  if (typeof t === 'string') return t;
  return t[lang] ?? t.en ?? t.ru ?? t.kk;
}

export interface ManifestPoint {
  /** `A1.30` or `A1.30.5`. */
  readonly id: string;
  readonly status: PointStatus;
  readonly about: ManifestText;
  /** Rule names of this ruleset version (encoded and partial points). */
  readonly rules?: readonly string[];
  /** Why a point is not auditable or pending. */
  readonly reason?: ManifestText;
  /** What of a partial point's duty the rules do not check. */
  readonly missing?: ManifestText;
  /**
   * What repealed the point (repealed points only, where it is required): the amending order, its date
   * and the point of it, e.g. "point 1 of order N 999-test of 2009-12-20".
   */
  readonly by?: ManifestText;
  readonly note?: ManifestText;
}

export interface ManifestForm { readonly form: number; readonly about: ManifestText; readonly status: PointStatus; readonly reason?: ManifestText }

export interface ClauseManifest {
  readonly schema: 'ereje.clause-manifest/1';
  readonly ruleset: string;
  readonly version: string;
  readonly annex: number;
  readonly note?: ManifestText;
  readonly points: readonly ManifestPoint[];
  readonly forms?: readonly ManifestForm[];
}

/** A manifest as read from disk, with its text for pointing diagnostics at a line. */
export interface LoadedManifest {
  readonly path: string;
  readonly text: string;
  readonly manifest: ClauseManifest;
}

const POINT_ID = /^A(\d+)\.(\d+)(?:\.(\d+))?$/;

function spanOf(path: string, text: string, needle: string | null, from = 0): Span {
  const at = needle === null ? -1 : text.indexOf(needle, from);
  const offset = Math.max(0, at);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  const length = at >= 0 && needle !== null ? needle.length : 1;
  return { file: path, line, col, endLine: line, endCol: col + length, offset, length };
}

function diag(path: string, text: string, needle: string | null, code: string, en: string, ru: string, kk: string): Diagnostic {
  return { severity: 'error', code, span: spanOf(path, text, needle), message: { en, ru, kk } };
}

/** Where a point's field (`"rules"`, `"status"` …) is written: the first after the point's id, else the id. */
function fieldSpan(path: string, text: string, id: string, field: string): Span {
  const at = text.indexOf(`"${id}"`);
  if (at < 0) return spanOf(path, text, null);
  const key = text.indexOf(`"${field}"`, at);
  return key < 0 ? spanOf(path, text, `"${id}"`) : spanOf(path, text, `"${field}"`, key);
}

/** A point `id` lies within point `within`: the same point, or one of its subpoints. */
function isWithin(id: string, within: string): boolean {
  return id === within || id.startsWith(`${within}.`);
}

/** Parses a manifest's JSON text; a malformed manifest is a diagnostic, never a crash. */
export function parseManifest(path: string, text: string): { manifest: ClauseManifest | null; diagnostics: Diagnostic[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    return { manifest: null, diagnostics: [diag(path, text, null, 'manifest-json', `the manifest is not valid JSON: ${m}`, `манифест — не корректный JSON: ${m}`, `манифест дұрыс JSON емес: ${m}`)] };
  }
  const out: Diagnostic[] = [];
  const o = json as Partial<ClauseManifest>;
  if (o.schema !== 'ereje.clause-manifest/1' || typeof o.ruleset !== 'string' || typeof o.version !== 'string' || typeof o.annex !== 'number' || !Array.isArray(o.points)) {
    out.push(diag(path, text, null, 'manifest-shape', 'the manifest needs schema "ereje.clause-manifest/1", ruleset, version, annex and points', 'манифесту нужны schema "ereje.clause-manifest/1", ruleset, version, annex и points', 'манифестке schema "ereje.clause-manifest/1", ruleset, version, annex және points керек'));
    return { manifest: null, diagnostics: out };
  }
  for (const p of o.points) {
    if (typeof p?.id !== 'string' || !POINT_STATUSES.includes(p.status)) {
      out.push(diag(path, text, typeof p?.id === 'string' ? `"${p.id}"` : null, 'manifest-point', `point ${String(p?.id)}: status must be one of ${POINT_STATUSES.join(', ')}`, `пункт ${String(p?.id)}: статус должен быть одним из ${POINT_STATUSES.join(', ')}`, `${String(p?.id)} тармақ: мәртебесі ${POINT_STATUSES.join(', ')} бірі болуы керек`));
      continue;
    }
    for (const field of TEXT_FIELDS) out.push(...textDiagnostics(path, text, `"${p.id}"`, `${p.id} ${field}`, (p as unknown as Record<string, unknown>)[field]));
  }
  for (const f of Array.isArray(o.forms) ? o.forms : []) {
    for (const field of ['about', 'reason'] as const) out.push(...textDiagnostics(path, text, null, `form ${String(f?.form)} ${field}`, (f as unknown as Record<string, unknown> | undefined)?.[field]));
  }
  out.push(...textDiagnostics(path, text, '"note"', 'note', o.note));
  return { manifest: out.length === 0 ? (o as ClauseManifest) : null, diagnostics: out };
}

/** A text field, when given, is a non-empty string or holds kk, ru and en (and nothing else). */
function textDiagnostics(path: string, text: string, needle: string | null, what: string, value: unknown): Diagnostic[] {
  if (value === undefined) return [];
  if (typeof value === 'string' && value.trim() !== '') return [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const missing = LANGS.filter((l) => typeof o[l] !== 'string' || (o[l] as string).trim() === '');
    const extra = Object.keys(o).filter((k) => !(LANGS as readonly string[]).includes(k));
    if (missing.length === 0 && extra.length === 0) return [];
    const what3 = extra.length > 0 ? `unknown ${extra.map((k) => JSON.stringify(k)).join(', ')}` : `no text in ${missing.join(', ')}`;
    return [diag(path, text, needle, 'manifest-text', `${what}: ${what3}; give "kk", "ru" and "en"`,
      `${what}: ${extra.length > 0 ? `лишние ключи ${extra.map((k) => JSON.stringify(k)).join(', ')}` : `нет текста на ${missing.join(', ')}`}; нужны "kk", "ru" и "en"`,
      `${what}: ${extra.length > 0 ? `артық кілттер ${extra.map((k) => JSON.stringify(k)).join(', ')}` : `${missing.join(', ')} мәтіні жоқ`}; "kk", "ru" және "en" керек`)];
  }
  return [diag(path, text, needle, 'manifest-text', `${what} must be a text, or { "kk": …, "ru": …, "en": … }`,
    `${what} должно быть текстом или { "kk": …, "ru": …, "en": … }`, `${what} мәтін немесе { "kk": …, "ru": …, "en": … } болуы керек`)];
}

/**
 * Checks a manifest against its rule file: ids well-formed, of this annex, unique and in order, with no
 * point number skipped; every encoded point names existing rules; every rule's clause is listed as
 * encoded by that rule; not-auditable and pending points give a reason; a repealed point says what
 * repealed it, has no rules, reason or missing, takes its subpoints with it and is cited by no rule.
 * `amended`: the manifest of the version this one amends — a point whose rules there are all repealed
 * here, with no rule in their place, must be repealed (see repealsToMark).
 */
export function validateManifest(loaded: LoadedManifest, file: RuleFile | null, amended?: ClauseManifest): Diagnostic[] {
  const { path, text, manifest: m } = loaded;
  const out: Diagnostic[] = [];
  const d = (needle: string | null, code: string, en: string, ru: string, kk: string) => out.push(diag(path, text, needle, code, en, ru, kk));
  const atField = (id: string, field: string, code: string, en: string, ru: string, kk: string) => out.push({ severity: 'error', code, span: fieldSpan(path, text, id, field), message: { en, ru, kk } });
  const byId = new Map(m.points.map((p) => [p.id, p]));
  const seen = new Set<string>();
  let lastPoint = 0;
  const subpointsOf = new Map<number, number>();
  for (const p of m.points) {
    const match = POINT_ID.exec(p.id);
    const q = `"${p.id}"`;
    if (!match || Number(match[1]) !== m.annex) {
      d(q, 'manifest-id', `${p.id} is not a point of annex ${m.annex} (write A${m.annex}.<point>[.<subpoint>])`, `${p.id} — не пункт приложения ${m.annex} (пишите A${m.annex}.<пункт>[.<подпункт>])`, `${p.id} — ${m.annex}-қосымшаның тармағы емес (A${m.annex}.<тармақ>[.<тармақша>] деп жазыңыз)`);
      continue;
    }
    if (seen.has(p.id)) d(q, 'manifest-duplicate', `${p.id} is listed twice`, `${p.id} указан дважды`, `${p.id} екі рет көрсетілген`);
    seen.add(p.id);
    const point = Number(match[2]);
    if (match[3] === undefined) {
      if (point !== lastPoint + 1) d(q, 'manifest-gap', `after point ${lastPoint} comes ${point}: every point of the annex must be listed, in order`, `после пункта ${lastPoint} идет ${point}: перечислите все пункты приложения по порядку`, `${lastPoint}-тармақтан кейін ${point} келеді: қосымшаның барлық тармақтарын ретімен көрсетіңіз`);
      lastPoint = point;
    } else {
      const sub = Number(match[3]);
      const prev = subpointsOf.get(point) ?? 0;
      if (point !== lastPoint || sub !== prev + 1) d(q, 'manifest-gap', `${p.id} is out of order: list subpoints right after their point, 1, 2, 3 …`, `${p.id} не по порядку: подпункты идут сразу после пункта, 1, 2, 3 …`, `${p.id} ретсіз: тармақшалар тармағынан кейін 1, 2, 3 … ретімен жазылады`);
      subpointsOf.set(point, sub);
    }
    if ((p.status === 'not-auditable' || p.status === 'pending') && !p.reason) {
      d(q, 'manifest-reason', `${p.id} is ${p.status}: give the reason`, `${p.id} — ${p.status}: укажите причину`, `${p.id} — ${p.status}: себебін көрсетіңіз`);
    }
    if (HAS_RULES.has(p.status) && (!p.rules || p.rules.length === 0)) {
      d(q, 'manifest-rules', `${p.id} is ${p.status}: name the rules`, `${p.id} — ${p.status}: укажите правила`, `${p.id} — ${p.status}: ережелерін көрсетіңіз`);
    }
    if (p.status === 'partial' && !p.missing) {
      d(q, 'manifest-missing', `${p.id} is partial: say what of its duty is not encoded ("missing")`, `${p.id} — partial: укажите, что из его требования не закодировано ("missing")`, `${p.id} — partial: талабының не кодталмағанын көрсетіңіз ("missing")`);
    }
    if (p.status === 'repealed') {
      if (!p.by) {
        d(q, 'manifest-repealed-by', `${p.id} is repealed: say what repealed it in "by" (the amending order, its date and point), in kk, ru and en`,
          `${p.id} утратил силу: укажите в "by", что его отменило (изменяющий приказ, его дату и пункт), на kk, ru и en`,
          `${p.id} күші жойылған: оның күшін не жойғанын "by" ішінде көрсетіңіз (өзгеріс енгізетін бұйрық, оның күні мен тармағы), kk, ru және en тілдерінде`);
      }
      for (const field of NOT_ON_REPEALED) {
        if (p[field] === undefined) continue;
        if (field === 'rules') {
          atField(p.id, field, 'manifest-repealed-field', `${p.id} is repealed: a repealed point names no rules; remove "rules" (the version before this one keeps them)`,
            `${p.id} утратил силу: у утратившего силу пункта нет правил; удалите "rules" (они остаются в предыдущей версии)`,
            `${p.id} күші жойылған: күші жойылған тармақтың ережелері болмайды; "rules" жолын алып тастаңыз (олар алдыңғы нұсқада қалады)`);
        } else {
          atField(p.id, field, 'manifest-repealed-field', `${p.id} is repealed: remove "${field}" (what repealed the point goes in "by")`,
            `${p.id} утратил силу: удалите "${field}" (что отменило пункт, пишется в "by")`,
            `${p.id} күші жойылған: "${field}" жолын алып тастаңыз (тармақтың күшін не жойғаны "by" ішіне жазылады)`);
        }
      }
    } else if (p.by !== undefined) {
      atField(p.id, 'by', 'manifest-by', `${p.id} is ${p.status}: "by" says what repealed a point; remove it, or make the status "repealed"`,
        `${p.id} — ${p.status}: "by" указывает, что отменило пункт; удалите его или поставьте статус "repealed"`,
        `${p.id} — ${p.status}: "by" тармақтың күшін не жойғанын көрсетеді; оны алып тастаңыз немесе мәртебесін "repealed" етіңіз`);
    }
    const parent = match[3] === undefined ? undefined : byId.get(`A${match[1]}.${match[2]}`);
    if (parent?.status === 'repealed' && p.status !== 'repealed') {
      d(q, 'manifest-repealed-subpoint', `${p.id}: its point ${parent.id} is repealed, and with it every subpoint: make ${p.id} "repealed" too`,
        `${p.id}: пункт ${parent.id} утратил силу, а с ним и все его подпункты: поставьте ${p.id} статус "repealed"`,
        `${p.id}: ${parent.id} тармағының күші жойылған, онымен бірге барлық тармақшаларының да: ${p.id} мәртебесін де "repealed" етіңіз`);
    }
  }
  if (file === null) return out;
  const rs = file.ruleset;
  if (rs && (rs.id !== m.ruleset || rs.version !== m.version)) {
    d('"ruleset"', 'manifest-ruleset', `the manifest is for ${m.ruleset}@${m.version} but lies beside ${rs.id}@${rs.version}`, `манифест для ${m.ruleset}@${m.version}, а лежит рядом с ${rs.id}@${rs.version}`, `манифест ${m.ruleset}@${m.version} үшін, бірақ ${rs.id}@${rs.version} жанында тұр`);
  }
  const names = new Set(file.rules.map((r) => r.name));
  // The rules looked in are the file's beside the manifest: name its version, not the one a copied manifest still claims.
  const checkedAgainst = rs ? `${rs.id}@${rs.version}` : `${m.ruleset}@${m.version}`;
  const toMark = amended ? repealsToMark(m, file, amended) : [];
  for (const { point, repealed } of toMark) out.push(repealUnmarked(path, text, point, repealed, `${amended!.ruleset}@${amended!.version}`));
  for (const p of m.points) {
    // A repealed point's rules are told as a field to remove; a point still naming the rules this version
    // repealed is told once, as a point to mark repealed.
    if (p.status === 'repealed') continue;
    const told = new Set(toMark.find((x) => x.point.id === p.id)?.repealed ?? []);
    for (const r of p.rules ?? []) {
      if (!names.has(r) && !told.has(r)) d(`"${r}"`, 'manifest-unknown-rule', `${p.id} names rule ${r}, which ${checkedAgainst} does not have`, `${p.id} ссылается на правило ${r}, которого нет в ${checkedAgainst}`, `${p.id} ${r} ережесін атайды, ол ${checkedAgainst} ішінде жоқ`);
    }
  }
  const repealedPoints = m.points.filter((p) => p.status === 'repealed');
  // Each rule told once, at the narrowest repealed point it cites (a subpoint before its point).
  const narrowest = (clause: string) => repealedPoints.filter((p) => isWithin(clause, p.id)).sort((a, b) => b.id.length - a.id.length)[0];
  for (const p of repealedPoints) {
    const citing = [...new Set(file.rules.filter((r) => narrowest(r.clause) === p).map((r) => r.name))];
    if (citing.length === 0) continue;
    const list = citing.join(', '), first = citing[0]!, one = citing.length === 1;
    atField(p.id, 'status', 'manifest-repealed-has-rules',
      `${p.id} is marked repealed, but ${checkedAgainst} still has ${one ? 'a rule' : 'rules'} citing it: ${list}; repeal ${one ? 'the rule' : 'them'} ('repeal rule ${first}'${one ? '' : ' …'}) if the order repealed the point, or give the point the status of its rules`,
      `${p.id} помечен как утративший силу, но в ${checkedAgainst} есть ${one ? 'правило, которое' : 'правила, которые'} на него ${one ? 'ссылается' : 'ссылаются'}: ${list}; отмените ${one ? 'правило' : 'их'} ('repeal rule ${first}'${one ? '' : ' …'}), если приказ исключил пункт, или дайте пункту статус его правил`,
      `${p.id} күші жойылған деп белгіленген, бірақ ${checkedAgainst} ішінде оған сілтейтін ${one ? 'ереже' : 'ережелер'} бар: ${list}; бұйрық тармақты алып тастаса, ${one ? 'ережені' : 'оларды'} алып тастаңыз ('repeal rule ${first}'${one ? '' : ' …'}), әйтпесе тармаққа оның ережелерінің мәртебесін беріңіз`);
  }
  const manifestName = path.split(/[\\/]/).pop() ?? path;
  for (const rule of file.rules) {
    const clause = POINT_ID.exec(rule.clause);
    // A malformed clause id is the checker's to report, at the clause.
    if (!clause) continue;
    const at = (code: string, en: string, ru: string, kk: string) => out.push({ severity: 'error', code, span: rule.clauseSpan, message: { en, ru, kk } });
    if (Number(clause[1]) !== m.annex) {
      at('manifest-annex', `clause ${rule.clause} is in annex ${clause[1]}, but the manifest of ${m.ruleset} (${manifestName}) is for annex ${m.annex}`,
        `пункт ${rule.clause} из приложения ${clause[1]}, а манифест ${m.ruleset} (${manifestName}) — для приложения ${m.annex}`,
        `${rule.clause} тармағы ${clause[1]}-қосымшадан, ал ${m.ruleset} манифесі (${manifestName}) ${m.annex}-қосымшаға арналған`);
      continue;
    }
    if (!m.points.some((p) => p.id === rule.clause || p.id.startsWith(`${rule.clause}.`))) {
      at('manifest-unknown-clause', `clause ${rule.clause} is not a point of annex ${m.annex} in the manifest (${manifestName}): check the number against the act`,
        `пункта ${rule.clause} нет среди пунктов приложения ${m.annex} в манифесте (${manifestName}): сверьте номер с актом`,
        `${rule.clause} тармағы манифесте (${manifestName}) ${m.annex}-қосымшаның тармақтары арасында жоқ: нөмірін актімен салыстырыңыз`);
      continue;
    }
    // A rule citing a repealed point is told at the point (manifest-repealed-has-rules).
    if (repealedPoints.some((p) => isWithin(rule.clause, p.id))) continue;
    // A rule citing a point may be listed at the point or at the subpoint it quotes (A1.33 → A1.33.3).
    const listing = m.points.filter((p) => (p.id === rule.clause || p.id.startsWith(`${rule.clause}.`)) && HAS_RULES.has(p.status) && (p.rules ?? []).includes(rule.name));
    const p = byId.get(rule.clause);
    if (listing.length === 0) {
      d(p ? `"${p.id}"` : null, 'manifest-missing-rule', `rule ${rule.name} (${rule.clause}) is not listed as encoding ${rule.clause} in the manifest`, `правило ${rule.name} (${rule.clause}) не указано в манифесте как кодирующее ${rule.clause}`, `${rule.name} ережесі (${rule.clause}) манифестте ${rule.clause} кодтайтын ретінде көрсетілмеген`);
    }
  }
  return out;
}

/**
 * The points of this version that the version it amends (`amended`) encoded, whose rules are all gone
 * from this version with none in their place (no rule of this version cites the point, and the manifest
 * lists none of this version's rules at it), or that it had repealed and no rule cites again — but that
 * this manifest does not mark repealed. `repealed`: the rules of the point this version no longer has.
 * A point the version amended did not encode may be repealed too; nothing here can tell that it must.
 */
export function repealsToMark(m: ClauseManifest, file: RuleFile, amended: ClauseManifest): { point: ManifestPoint; repealed: string[] }[] {
  const names = new Set(file.rules.map((r) => r.name));
  const byId = new Map(m.points.map((p) => [p.id, p]));
  const out: { point: ManifestPoint; repealed: string[] }[] = [];
  for (const before of amended.points) {
    const point = byId.get(before.id);
    if (!point || point.status === 'repealed') continue;
    const had = HAS_RULES.has(before.status) ? [...new Set(before.rules ?? [])] : [];
    if (before.status !== 'repealed' && had.length === 0) continue;
    if (had.some((r) => names.has(r))) continue;
    const replaced = file.rules.some((r) => isWithin(r.clause, before.id)) || (point.rules ?? []).some((r) => names.has(r));
    if (!replaced) out.push({ point, repealed: had });
  }
  return out;
}

function repealUnmarked(path: string, text: string, point: ManifestPoint, repealed: readonly string[], amendedRef: string): Diagnostic {
  const id = point.id, list = repealed.join(', ');
  const span = spanOf(path, text, `"${id}"`);
  if (repealed.length === 0) {
    return { severity: 'error', code: 'manifest-repeal-unmarked', span, message: {
      en: `${id} is repealed in ${amendedRef}, the version this one amends, and no rule of this version cites it: keep "status": "repealed" and its "by"`,
      ru: `${id} утратил силу в ${amendedRef}, версии, которую изменяет эта, и ни одно правило этой версии на него не ссылается: оставьте "status": "repealed" и его "by"`,
      kk: `${id} тармағының күші ${amendedRef} ішінде, яғни осы нұсқа өзгертетін нұсқада жойылған, және бұл нұсқаның ешбір ережесі оған сілтемейді: "status": "repealed" мәртебесі мен оның "by" жолын қалдырыңыз`,
    } };
  }
  const one = repealed.length === 1;
  return { severity: 'error', code: 'manifest-repeal-unmarked', span, message: {
    en: `${id}: ${list}, ${one ? 'the rule that encoded it' : 'the rules that encoded it'} in ${amendedRef}, ${one ? 'is' : 'are'} repealed in this version and no rule takes ${one ? 'its' : 'their'} place: the point no longer applies; write "status": "repealed" and, in "by", the amending order, its date and point`,
    ru: `${id}: ${one ? 'правило' : 'правила'} ${list}, ${one ? 'которое кодировало' : 'которые кодировали'} его в ${amendedRef}, в этой версии ${one ? 'отменено' : 'отменены'}, и ничто ${one ? 'его' : 'их'} не заменяет: пункт больше не применяется; напишите "status": "repealed" и в "by" — изменяющий приказ, его дату и пункт`,
    kk: `${id}: оны ${amendedRef} ішінде кодтаған ${list} ${one ? 'ережесінің' : 'ережелерінің'} бұл нұсқада күші жойылған, ${one ? 'оның' : 'олардың'} орнына ереже жоқ: тармақ енді қолданылмайды; "status": "repealed" деп және "by" ішінде өзгеріс енгізетін бұйрықты, оның күні мен тармағын жазыңыз`,
  } };
}

export interface CoverageCounts {
  readonly total: number;
  /** Points whose whole duty is checked. */
  readonly encoded: number;
  /** Points whose duty is checked only in part (counted apart from `encoded`, never as fully encoded). */
  readonly partial: number;
  readonly narrative: number;
  readonly notAuditable: number;
  readonly pending: number;
  /** Points an amending order took out of the act: no duty, so not auditable. */
  readonly repealed: number;
  /** Points a workbook can show (encoded + partial + pending). */
  readonly auditable: number;
  /** Fully encoded / auditable, 0–1 (1 when nothing is auditable). */
  readonly share: number;
  /** (Fully + partly encoded) / auditable, 0–1. */
  readonly partialShare: number;
}

export interface AnnexCoverage extends CoverageCounts {
  readonly ruleset: string;
  readonly version: string;
  readonly annex: number;
  readonly points: readonly ManifestPoint[];
}

export function countPoints(points: readonly ManifestPoint[]): CoverageCounts {
  const n = (s: PointStatus) => points.filter((p) => p.status === s).length;
  const encoded = n('encoded'), partial = n('partial'), pending = n('pending');
  const auditable = encoded + partial + pending;
  return {
    total: points.length, encoded, partial, narrative: n('narrative'), notAuditable: n('not-auditable'), pending, repealed: n('repealed'), auditable,
    share: auditable === 0 ? 1 : encoded / auditable,
    partialShare: auditable === 0 ? 1 : (encoded + partial) / auditable,
  };
}

export function annexCoverage(m: ClauseManifest): AnnexCoverage {
  return { ruleset: m.ruleset, version: m.version, annex: m.annex, points: m.points, ...countPoints(m.points) };
}
