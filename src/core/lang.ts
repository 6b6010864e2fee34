// The three languages users read: Kazakh, Russian, English.
export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

/** Text in each user language. */
export type Localized = Record<Lang, string>;

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/** The same text made in each user language. */
export function localize(text: (lang: Lang) => string): Localized {
  return { kk: text('kk'), ru: text('ru'), en: text('en') };
}
