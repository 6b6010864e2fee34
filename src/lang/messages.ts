// Small helpers for diagnostics in the three user languages.
import type { Lang } from '../core/lang.ts';
import type { Diagnostic, Span } from './ast.ts';

export type Text3 = Readonly<Record<Lang, string>>;

/** A message in English, Russian and Kazakh (argument order: en, ru, kk). */
export function t3(en: string, ru: string, kk: string): Text3 {
  return { en, ru, kk };
}

/** Diagnostics by place: by file, then by offset (in place; the array is returned). */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : a.span.offset - b.span.offset));
}

export function error(code: string, span: Span, message: Text3): Diagnostic {
  return { severity: 'error', code, span, message };
}

/** Reports an error in the three languages (argument order: en, ru, kk). */
export type Report = (span: Span, code: string, en: string, ru: string, kk: string) => void;

/** A Report that adds each error to `into`. */
export function reportInto(into: Diagnostic[]): Report {
  return (span, code, en, ru, kk) => { into.push(error(code, span, t3(en, ru, kk))); };
}

export function warning(code: string, span: Span, message: Text3): Diagnostic {
  return { severity: 'warning', code, span, message };
}

/** "a, b or c" in each language. */
export function joinAlternatives(items: readonly Text3[]): Text3 {
  const join = (lang: Lang, or: string) => {
    const xs = items.map((i) => i[lang]);
    return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${or} ${xs[xs.length - 1]}`;
  };
  return { en: join('en', 'or'), ru: join('ru', 'или'), kk: join('kk', 'немесе') };
}

/** Quote a piece of source text for a message, shortened. */
export function q(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return `'${oneLine.length > 30 ? oneLine.slice(0, 27) + '…' : oneLine}'`;
}
