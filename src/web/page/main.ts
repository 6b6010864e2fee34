// The self-check page: choose or drop a workbook, follow the check, read the verdict and the report,
// fix the cells it names, save the report, switch the language, get an empty template. All work is the
// engine's (engine-port.ts); this script only shows what it answers.
import { localize, type Lang, type Localized } from '../../core/lang.ts';
import type { PageData } from '../page-data.ts';
import type { DownloadFormat, FromEngine, ReportView, ToEngine } from '../protocol.ts';
import { PAGE_TEXTS, PHASES, rulesetText, type PageTexts } from '../texts.ts';
import { startEngine, type EnginePort } from './engine-port.ts';
import { initialLang, rememberLang } from './lang.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const data = JSON.parse($('page-data').textContent!) as PageData;
const init: ToEngine = { type: 'init', pack: $('rules').textContent!.trim(), version: data.version };
// The mark build/page-html.ts put after each `<` that would end the engine's element early.
const engineSource = $('engine').textContent!.replaceAll('<\uE000', '<');

type Request = 'audit' | 'relabel' | 'download' | 'template';

/** What the page shows now; every change of language re-renders from it. */
interface State {
  lang: Lang;
  /** Requests the engine has not answered yet, by id. */
  pending: Map<number, Request>;
  /** The audit being run (its progress is shown), and the latest request whose answer is a report. */
  audit: number | null;
  latestReport: number | null;
  phase: number;
  view: ReportView | null;
  /** One line, in every language: a refused file or a fault. */
  error: Localized | null;
  /** The workbook last chosen, kept to check it again as of another day. */
  file: File | null;
}

const state: State = { lang: initialLang(data.defaultLang), pending: new Map(), audit: null, latestReport: null, phase: 0, view: null, error: null, file: null };
let nextId = 1;
let engine: EnginePort = start();

function start(): EnginePort {
  return startEngine(engineSource, init, { message: onMessage, crash: onCrash });
}

function t(): PageTexts {
  return PAGE_TEXTS[state.lang];
}

// ------------------------------------------------------------------ language

function applyLanguage(): void {
  const words = t();
  document.documentElement.lang = state.lang;
  document.title = words.htmlTitle;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const text = words[el.dataset.t as keyof PageTexts];
    if (typeof text === 'string') el.textContent = text;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
  }
  const kind = $<HTMLSelectElement>('kind');
  for (const option of kind.options) {
    const entry = data.kinds.find((k) => k.id === option.value);
    if (entry) option.textContent = entry.label[state.lang];
  }
  for (const li of document.querySelectorAll<HTMLElement>('#rulesets li[data-ruleset]')) {
    const r = data.rulesets.find((x) => `${x.id}@${x.version}` === li.dataset.ruleset);
    if (r) li.querySelector('.title')!.textContent = rulesetText(r, state.lang);
  }
  renderStatus();
  renderError();
  renderAsOfHint();
}

function setLanguage(lang: Lang): void {
  if (lang === state.lang) return;
  state.lang = lang;
  rememberLang(lang);
  applyLanguage();
  // A report on its way comes in the language it was asked in, and is then asked for again.
  if (state.view && state.audit === null) ask({ type: 'relabel', id: 0, lang }, 'relabel');
}

// ------------------------------------------------------------------ talking to the engine

type Asked = Exclude<ToEngine, { type: 'init' }>;

/** Sends a request (its `id` is given here) and remembers it until it is answered. */
function ask(message: Asked, what: Request): void {
  const id = nextId++;
  state.pending.set(id, what);
  if (what === 'audit') state.audit = id;
  if (what === 'audit' || what === 'relabel') state.latestReport = id;
  engine.send({ ...message, id } as Asked);
}

function onMessage(message: FromEngine): void {
  if (message.type === 'ready') { renderStatus(); return; }
  if (!state.pending.has(message.id)) return;
  if (message.type === 'progress') {
    if (message.id === state.audit) { state.phase = PHASES.indexOf(message.phase) + 1; renderStatus(); }
    return;
  }
  state.pending.delete(message.id);
  const wasAudit = message.id === state.audit;
  if (wasAudit) state.audit = null;
  switch (message.type) {
    case 'report':
      if (message.id !== state.latestReport) return;
      showReport(message.view, wasAudit);
      if (message.view.lang !== state.lang) ask({ type: 'relabel', id: 0, lang: state.lang }, 'relabel');
      return;
    case 'file':
      save(message.name, message.mime, message.content);
      return;
    case 'failed':
      showError(message.text, wasAudit);
      return;
    case 'crashed':
      showError(localized((w) => w.unexpected(message.detail)), wasAudit);
  }
}

function onCrash(detail: string): void {
  const wasAudit = state.audit !== null;
  state.pending.clear();
  state.audit = null;
  engine = start();
  showError(localized((w) => w.crashed(detail)), wasAudit);
}

function localized(line: (w: PageTexts) => string): Localized {
  return localize((lang) => line(PAGE_TEXTS[lang]));
}

// ------------------------------------------------------------------ checking a workbook

function check(file: File, asOf: string | null): void {
  state.file = file;
  state.error = null;
  state.phase = 0;
  if (asOf === null) { state.view = null; $('result').hidden = true; }
  renderError();
  ask({ type: 'audit', id: 0, file, name: file.name, asOf, lang: state.lang }, 'audit');
  renderStatus();
}

function stop(): void {
  if (state.audit === null || engine.inPage) return;
  engine.stop();
  state.pending.clear();
  state.audit = null;
  engine = start();
  showError(localized((w) => w.stopped), true);
}

function renderStatus(): void {
  const status = $('status');
  const busy = state.audit !== null;
  status.hidden = !busy && state.view === null;
  status.dataset.busy = String(busy);
  const progress = $<HTMLProgressElement>('progress');
  progress.hidden = !busy;
  progress.max = PHASES.length;
  progress.value = state.phase;
  $('stop').hidden = !busy || engine.inPage;
  $('notice').hidden = !engine.inPage;
  const w = t();
  $('phase').textContent = busy
    ? `${state.phase > 0 ? w.phases[PHASES[state.phase - 1]!] : w.phases.file}… (${w.step(Math.max(1, state.phase), PHASES.length)})`
    : state.view ? w.checked(state.view.file) : '';
}

function showError(text: Localized, fromAudit: boolean): void {
  state.error = text;
  if (fromAudit) { state.view = null; $('result').hidden = true; }
  renderStatus();
  renderError();
}

function renderError(): void {
  const el = $('error');
  el.hidden = state.error === null;
  el.textContent = state.error === null ? '' : state.error[state.lang];
}

// ------------------------------------------------------------------ the report

function showReport(view: ReportView, fresh: boolean): void {
  state.view = view;
  state.error = null;
  renderError();
  const tools = $('tools');
  const report = $('report');
  tools.remove();
  report.innerHTML = view.html;
  report.lang = view.lang;
  // The verdict first, then the cells to fix, saving and the day of the check, then the rest of the report.
  const verdict = report.querySelector('.verdict');
  if (verdict) verdict.after(tools); else report.prepend(tools);
  tools.hidden = false;
  renderFixFirst(view);
  $<HTMLInputElement>('asof').value = view.asOf;
  $<HTMLInputElement>('asof').min = view.period.from;
  $<HTMLInputElement>('asof').max = view.period.to;
  renderAsOfHint();
  $('result').hidden = false;
  selectKind(view.kind);
  renderStatus();
  if (fresh && verdict instanceof HTMLElement) {
    verdict.tabIndex = -1;
    verdict.focus();
  }
}

const FIX_SHOWN = 10;

function renderFixFirst(view: ReportView): void {
  const box = $('fix');
  box.hidden = view.inputErrors.length === 0;
  const list = $('fix-list');
  list.replaceChildren(...view.inputErrors.slice(0, FIX_SHOWN).map((e) => {
    const li = document.createElement('li');
    const cell = document.createElement('span');
    cell.className = 'mono cell';
    cell.textContent = e.cell;
    li.append(cell, ` — ${e.message}`);
    return li;
  }));
  const more = view.inputErrors.length - FIX_SHOWN;
  $('fix-more').hidden = more <= 0;
  $('fix-more').textContent = more > 0 ? PAGE_TEXTS[view.lang].fixFirstMore(more) : '';
}

function renderAsOfHint(): void {
  const view = state.view;
  $('asof-hint').textContent = view ? t().asOfHint(dotted(view.period.from), dotted(view.period.to)) : '';
}

function dotted(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function checkAgainAsOf(event: Event): void {
  event.preventDefault();
  const view = state.view;
  if (!view || !state.file || state.audit !== null) return;
  const value = $<HTMLInputElement>('asof').value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) { showError(localized((w) => w.asOfInvalid), false); return; }
  if (value < view.period.from || value > view.period.to) {
    showError(localized((w) => w.asOfOutside(dotted(value), dotted(view.period.from), dotted(view.period.to))), false);
    return;
  }
  check(state.file, value);
}

function selectKind(kind: string): void {
  const entry = data.kinds.find((k) => k.kind === kind);
  if (entry) $<HTMLSelectElement>('kind').value = entry.id;
}

// ------------------------------------------------------------------ saving files

function save(name: string, mime: string, content: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function download(format: DownloadFormat): void {
  if (!state.view || state.audit !== null) return;
  ask({ type: 'download', id: 0, format, lang: state.lang }, 'download');
}

function downloadTemplate(): void {
  ask({ type: 'template', id: 0, kind: $<HTMLSelectElement>('kind').value, lang: state.lang }, 'template');
}

// ------------------------------------------------------------------ choosing and dropping

function wire(): void {
  const input = $<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) check(file, null);
    // The same file chosen again is a new check (after it was edited in Excel).
    input.value = '';
  });
  const drop = $('drop');
  const over = (on: boolean) => (e: DragEvent) => { e.preventDefault(); drop.classList.toggle('over', on); };
  drop.addEventListener('dragenter', over(true));
  drop.addEventListener('dragover', over(true));
  drop.addEventListener('dragleave', over(false));
  drop.addEventListener('drop', (e) => {
    over(false)(e);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length !== 1) { showError(localized((w) => w.dropOne), false); return; }
    check(files[0]!, null);
  });
  // A file dropped beside the box must not make the browser leave the page to show it.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang as Lang));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-format]')) {
    button.addEventListener('click', () => download(button.dataset.format as DownloadFormat));
  }
  $('print').addEventListener('click', () => window.print());
  $('stop').addEventListener('click', stop);
  $('asof-form').addEventListener('submit', checkAgainAsOf);
  $('template').addEventListener('click', downloadTemplate);
}

wire();
applyLanguage();
document.documentElement.dataset.ready = 'true';
