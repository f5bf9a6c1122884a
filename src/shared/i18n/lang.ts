/** The two official languages every user-visible string exists in. */
export type Lang = 'en' | 'fr';

export const LANGS: readonly Lang[] = ['en', 'fr'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'fr';
}

/** Maps a BCP-47 locale (e.g. "fr-CA", "en-US") to one of our languages, or undefined when it is neither. */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}
