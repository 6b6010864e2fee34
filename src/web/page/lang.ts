// The page's language: the one chosen last time on this computer, else the browser's first of kk, ru
// and en, else the page's own default (`ereje web --lang`, Kazakh unless told). A browser that keeps no storage for a file://
// page (or refuses it) only loses the memory of the choice.
import { isLang, type Lang } from '../../core/lang.ts';

const KEY = 'ereje.self-check.lang';

export function initialLang(fallback: Lang): Lang {
  try {
    const stored = window.localStorage.getItem(KEY);
    if (stored !== null && isLang(stored)) return stored;
  } catch {
    // No storage here: fall through to the browser's languages.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (isLang(base)) return base;
  }
  return fallback;
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(KEY, lang);
  } catch {
    // Not kept: the page still switches.
  }
}
