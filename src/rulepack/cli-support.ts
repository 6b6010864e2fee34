// What the `rules test|list|coverage|diff` commands share: loading the pack and printing its diagnostics.
import { readFileSync } from 'node:fs';
import type { Lang } from '../core/lang.ts';
import { renderDiagnostic } from '../lang/index.ts';
import { displayPath } from './load.ts';
import { loadRulePack, type RulePack } from './pack.ts';

/** A path relative to the working directory when inside it, with `/` separators. */
export function shownPath(path: string): string {
  return displayPath(path, process.cwd());
}

function sourceText(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}

/** Loads the pack and writes its diagnostics (errors and warnings) to `stderr`, paths as a person sees them. */
export async function loadPackReporting(dirs: string | readonly string[], lang: Lang, stderr: (t: string) => void): Promise<RulePack> {
  const pack = await loadRulePack(dirs);
  const texts = new Map<string, string>();
  for (const d of pack.diagnostics) {
    const shown = { ...d, span: { ...d.span, file: shownPath(d.span.file) } };
    if (!texts.has(d.span.file)) texts.set(d.span.file, sourceText(d.span.file));
    stderr(renderDiagnostic(shown, texts.get(d.span.file)!, lang) + '\n');
  }
  return pack;
}
