import { langOf, tabStrings, tr } from '../../../tabs/src/strings';

/** The tab pages' strings: both languages complete, the same placeholders, and French actually translated. */

describe('tab strings', () => {
  const en = tabStrings.en as Record<string, string>;
  const fr = tabStrings.fr as Record<string, string>;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every key in both languages, non-empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect({ key, en: en[key]!.trim().length > 0, fr: fr[key]!.trim().length > 0 }).toEqual({
        key,
        en: true,
        fr: true,
      });
      expect({ key, placeholders: placeholders(fr[key]!) }).toEqual({
        key,
        placeholders: placeholders(en[key]!),
      });
    }
  });

  it('translates everything except names that are the same in both languages', () => {
    const same = Object.keys(en).filter((key) => en[key] === fr[key]);
    // "Actions", "Conclusion", "Ombud" and "Urgent" are spelled the same in French.
    expect(same.sort()).toEqual(
      ['detail.actions', 'mine.path', 'office.ombud', 'recordOffice.ombud', 'urgency.urgent'].sort(),
    );
  });

  it('chooses French for any French locale and English otherwise', () => {
    expect(langOf('fr-ca')).toBe('fr');
    expect(langOf('FR-FR')).toBe('fr');
    expect(langOf('en-us')).toBe('en');
    expect(langOf(undefined)).toBe('en');
    expect(tr('fr', 'board.title', { office: 'Ombud' })).toBe('Tableau des cas : Ombud');
  });
});
