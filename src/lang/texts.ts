// Texts written in a rule file for people to read, in the language they read: a note, an item's label, a
// title. A text given in one string reads the same in every language; a text given per language falls
// back to English, then Russian, then Kazakh when the language asked for is missing.
import { LANGS, type Lang, type Localized } from '../core/lang.ts';
import type { LocalizedNote, LocalizedText } from './ast.ts';

export function textIn(t: LocalizedNote | null | undefined, lang: Lang): string | null {
  if (!t) return null;
  return t.texts[lang] ?? t.all ?? fallback(t.texts);
}

/** The text in each language, or null when there is none. */
export function textsOf(t: LocalizedNote | null | undefined): Localized | null {
  if (!t) return null;
  return { kk: textIn(t, 'kk') ?? '', ru: textIn(t, 'ru') ?? '', en: textIn(t, 'en') ?? '' };
}

function fallback(texts: LocalizedText): string | null {
  return texts.en ?? texts.ru ?? texts.kk ?? null;
}

/**
 * The word a note that presents a reading of the act, rather than its words, begins with in each language
 * (`note kk "Түсіндіру: …" ru "Толкование: …" en "Interpretation: …"`).
 */
export const INTERPRETATION_MARKS: Readonly<Localized> = { kk: 'Түсіндіру', ru: 'Толкование', en: 'Interpretation' };

/** Whether a note presents an interpretation, in any of the languages it is written in. */
export function isInterpretation(t: LocalizedNote | null | undefined): boolean {
  if (!t) return false;
  if (t.all !== undefined) return LANGS.some((l) => t.all!.startsWith(INTERPRETATION_MARKS[l]));
  return LANGS.some((l) => t.texts[l]?.startsWith(INTERPRETATION_MARKS[l]) === true);
}
