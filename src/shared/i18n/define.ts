/**
 * Each feature keeps its strings in its own module under messages/, so features can grow
 * independently; `defineMessages` makes the compiler reject a French catalogue that lacks a key
 * the English one has (or has one more).
 */
export type Catalogue = Readonly<Record<string, string>>;

export function defineMessages<const E extends Catalogue>(catalogues: {
  en: E;
  fr: { readonly [K in keyof E]: string };
}): { en: E; fr: { readonly [K in keyof E]: string } } {
  return catalogues;
}
