import { langFromLocale, type Lang } from './lang';

/**
 * The language a reply is written in: the user's saved choice (they typed "français"/"English"), else
 * their Teams client's locale (fr-* gives French), else the configured default.
 */
export function chooseLanguage(saved: Lang | undefined, locale: string | undefined, fallback: Lang): Lang {
  return saved ?? langFromLocale(locale) ?? fallback;
}
