// Builds the self-check page: the rule pack loaded, checked and compiled here (so the page needs no
// parser), its checked files packed for the page, the two scripts bundled, all in one HTML file.
// `ereje web` and `npm run web` both call buildSelfCheckPage.
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { formatIsoDate } from '../../core/date.ts';
import { localize, type Lang } from '../../core/lang.ts';
import { FatalError } from '../../cli/errors.ts';
import { cliText } from '../../cli/messages.ts';
import { refuseUncompiledPack } from '../../cli/audit-pack.ts';
import { loadRulePack, quoteMap, type RulePack } from '../../rulepack/pack.ts';
import { enumLabel, FACILITY_KIND_OF_RULESET } from '../../schema/index.ts';
import { encodePackText, type PackData } from '../pack-data.ts';
import type { PageData } from '../page-data.ts';
import { bundle } from './bundle.ts';
import { pageHtml } from './page-html.ts';

/**
 * The package's root: this module lies two folders below it, in src/web/build/ or, bundled, in
 * dist/<build>/ (whose chunks are as deep), so the sources the page is bundled from are found either way.
 */
export function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, ...(here.endsWith(join('src', 'web', 'build')) ? ['..', '..', '..'] : ['..', '..']));
}

export interface SelfCheckOptions {
  /** The rule folder; default the bundled rules/. */
  readonly rulesDir?: string;
  /** ereje's version, written into every report the page makes (`generated_by`). */
  readonly version: string;
  /** The page's language when the browser names none of kk, ru, en and none was chosen before; default kk. */
  readonly lang?: Lang;
}

export interface SelfCheckPage {
  readonly html: string;
  /** Modules in each script, relative to the package root. */
  readonly inputs: { readonly page: readonly string[]; readonly engine: readonly string[] };
  readonly sizes: { readonly page: number; readonly engine: number; readonly pack: number };
}

export async function buildSelfCheckPage(options: SelfCheckOptions): Promise<SelfCheckPage> {
  const root = packageRoot();
  const rulesDir = resolve(options.rulesDir ?? join(root, 'rules'));
  const pack = await loadRulePack(rulesDir);
  refuseBrokenPack(pack, options.rulesDir ?? 'rules');
  const [page, engine] = await Promise.all([bundle(root, 'src/web/page/main.ts'), bundle(root, 'src/web/engine/entry.ts')]);
  const packText = packForPage(pack, rulesDir);
  const lang = options.lang ?? 'kk';
  const html = pageHtml({ pageScript: page.code, engineScript: engine.code, pack: packText, data: pageData(pack, options.version, lang), lang });
  return { html, inputs: { page: page.inputs, engine: engine.inputs }, sizes: { page: page.code.length, engine: engine.code.length, pack: packText.length } };
}

/** The same refusal as `ereje audit` makes of a rule pack that does not compile, or holds no ruleset. */
function refuseBrokenPack(pack: RulePack, dir: string): void {
  refuseUncompiledPack(pack, dir);
  if (pack.rulesets.length === 0) throw new FatalError(cliText.noRuleset(dir));
}

/**
 * The pack as the page carries it (pack-data.ts): deflated, base64. Paths in it name the rule files
 * from the rule folder's parent (`rules/kz/…`), not from wherever the page was built.
 */
function packForPage(pack: RulePack, rulesDir: string): string {
  const used = new Set(pack.rulesets.map((r) => r.calendar).filter((c): c is string => c !== null));
  const data: PackData = {
    versions: pack.compiled.map(({ ruleset: r }) => ({ id: r.id, version: r.version, appliesTo: r.appliesTo, calendar: r.calendar })),
    checked: pack.compiled.map((c) => c.checked),
    calendars: [...pack.calendarFiles].filter(([name]) => used.has(name)),
    quotes: [...quoteMap(pack)],
  };
  const prefix = `${posix.dirname(rulesDir.split('\\').join('/'))}/`;
  const text = encodePackText(data).split(prefix).join('');
  return deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');
}

function pageData(pack: RulePack, version: string, defaultLang: Lang): PageData {
  return {
    version,
    defaultLang,
    kinds: Object.entries(FACILITY_KIND_OF_RULESET).map(([id, kind]) => ({ id, kind, label: localize((lang) => enumLabel('kind', kind, lang) ?? kind) })),
    rulesets: pack.rulesets.map((r) => ({
      id: r.id,
      version: r.version,
      title: localize((lang) => r.title[lang] ?? r.title.en ?? r.title.kk ?? r.id),
      act: localize((lang) => r.actLabel[lang]),
      from: r.inForce.from === null ? null : formatIsoDate(r.inForce.from),
      until: r.inForce.until === null ? null : formatIsoDate(r.inForce.until),
      rules: r.rules.length,
    })),
  };
}
