// The self-check page as one HTML file: its words (in the first language, before the script switches
// them), its styles, the page script (allowed by its hash), the engine's script and the rule pack as
// inert text, and a Content-Security-Policy that forbids the page, and any worker it starts, every
// request: scripts, styles, fonts, images, connections, forms, frames.
import { createHash } from 'node:crypto';
import type { Lang } from '../../core/lang.ts';
import { esc } from '../../report/html.ts';
import { HTML_STYLE, htmlHead } from '../../report/html-style.ts';
import type { PageData } from '../page-data.ts';
import { PAGE_STYLE } from '../page-style.ts';
import { LANG_NAMES, PAGE_TEXTS, rulesetText, type PageTexts } from '../texts.ts';
import { LANGS } from '../../core/lang.ts';

export interface PageParts {
  /** The page script (an IIFE): the only script the page runs itself. */
  readonly pageScript: string;
  /** The engine (an IIFE): started as a worker from a blob: URL, or loaded as a blob: script when no worker can run. */
  readonly engineScript: string;
  /** The rule pack, base64 (pack-data.ts). */
  readonly pack: string;
  readonly data: PageData;
  readonly lang: Lang;
}

/** `sha256-…` of a script's exact text, as Content-Security-Policy names it. */
export function scriptHash(script: string): string {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}

/**
 * No request of any kind: only the page script (by hash) runs, the engine runs from a blob: URL the page
 * makes of its own text, styles are inline, and nothing else may load, connect, submit or navigate a frame.
 */
export function contentSecurityPolicy(pageScript: string): string {
  return [
    "default-src 'none'",
    `script-src '${scriptHash(pageScript)}' blob:`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    "connect-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The script the page runs itself: refused if its text could end its element early (it never should). */
export function scriptText(text: string): string {
  if (/<\/script|<!--/i.test(text)) throw new Error('the page script holds </script or <!--, which would end its element early');
  return text;
}

/**
 * Marks `<` where it begins `</script` or `<!--` in the engine's text (SheetJS's strings hold `<!--`), so
 * that it cannot end or escape its element; the page takes the mark out before it runs the engine.
 */
export const ENGINE_MARK = '\uE000';

export function markedEngine(text: string): string {
  if (text.includes(ENGINE_MARK)) throw new Error('the engine script holds U+E000, the mark the page would take out of it');
  return text.replace(/<(?=\/script|!--)/gi, `<${ENGINE_MARK}`);
}

export function pageHtml(parts: PageParts): string {
  const w = PAGE_TEXTS[parts.lang];
  const t = (key: keyof PageTexts) => `data-t="${key}">${esc(w[key] as string)}`;
  const langButtons = LANGS.map((l) => `<button type="button" data-lang="${l}" lang="${l}" aria-pressed="${l === parts.lang}">${esc(LANG_NAMES[l])}</button>`).join('');
  const kinds = parts.data.kinds.map((k) => `<option value="${esc(k.id)}">${esc(k.label[parts.lang])}</option>`).join('');
  const rulesets = parts.data.rulesets.map((r) => `<li data-ruleset="${esc(`${r.id}@${r.version}`)}"><span class="mono">${esc(r.id)}@${esc(r.version)}</span> `
    + `<span class="title">${esc(rulesetText(r, parts.lang))}</span></li>`).join('');
  // `<` escaped so that no text in the data can end its element.
  const json = JSON.stringify(parts.data).replace(/</g, '\\u003c');
  return `${htmlHead({ lang: parts.lang, title: esc(w.htmlTitle), style: HTML_STYLE + PAGE_STYLE, csp: contentSecurityPolicy(parts.pageScript), noReferrer: true })}
<body>
<div class="app">
<header class="app-head">
<div class="langs" role="group" aria-labelledby="lang-label"><span class="label" id="lang-label" ${t('language')}</span>${langButtons}</div>
<p class="kicker">ereje ${esc(parts.data.version)}</p>
<h1 ${t('title')}</h1>
<p class="lead" ${t('intro')}</p>
<p class="privacy" id="privacy" ${t('privacy')}</p>
</header>
<noscript><p class="error" ${t('noScript')}</p></noscript>
<section class="pick" aria-labelledby="pick-heading">
<h2 id="pick-heading" ${t('chooseHeading')}</h2>
<div class="drop" id="drop">
<label for="file" ${t('fileLabel')}</label>
<input type="file" id="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="drop-hint privacy">
<p id="drop-hint" ${t('dropHint')}</p>
</div>
</section>
<div class="status" id="status" role="status" aria-live="polite" data-busy="false" hidden>
<progress id="progress" max="4" value="0" aria-labelledby="phase"></progress> <span id="phase"></span>
<button type="button" id="stop" ${t('stop')}</button>
</div>
<p class="error" id="error" role="alert" hidden></p>
<p class="note" id="notice" hidden ${t('noWorker')}</p>
</div>
<main id="result" hidden>
<div class="report" id="report"></div>
</main>
<div class="tools" id="tools" hidden>
<section class="fix" id="fix" aria-labelledby="fix-heading" hidden>
<h2 id="fix-heading" ${t('fixFirst')}</h2>
<p ${t('fixFirstNote')}</p>
<ul id="fix-list"></ul>
<p id="fix-more" hidden></p>
</section>
<div class="actions">
<div class="group" role="group" aria-labelledby="save-label"><span class="label" id="save-label" ${t('save')}</span>
<button type="button" data-format="html" ${t('saveHtml')}</button>
<button type="button" data-format="json" ${t('saveJson')}</button>
<button type="button" data-format="xlsx" ${t('saveXlsx')}</button>
<button type="button" id="print" ${t('print')}</button></div>
<form id="asof-form" class="group" novalidate><label class="label" for="asof" ${t('asOf')}</label>
<input type="date" id="asof" aria-describedby="asof-hint"> <button type="submit" ${t('asOfAgain')}</button>
<p class="note" id="asof-hint"></p></form>
</div>
</div>
<div class="app">
<section class="template" aria-labelledby="template-heading">
<h2 id="template-heading" ${t('templateHeading')}</h2>
<p ${t('templateText')}</p>
<div class="row"><label for="kind" ${t('kind')}</label> <select id="kind">${kinds}</select>
<button type="button" id="template" ${t('templateDownload')}</button></div>
</section>
<footer class="app-foot">
<h2 ${t('rulesHeading')}</h2>
<ul id="rulesets">${rulesets}</ul>
<p ${t('sameAsCli')}</p>
</footer>
</div>
<script type="application/json" id="page-data">${json}</script>
<script type="text/plain" id="rules">${parts.pack}</script>
<script type="text/plain" id="engine">${markedEngine(parts.engineScript)}</script>
<script>${scriptText(parts.pageScript)}</script>
</body>
</html>
`;
}
