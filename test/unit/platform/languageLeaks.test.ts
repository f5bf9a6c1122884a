import { allMessageKeys, t, type Lang } from '../../../src/i18n';
import { tabStrings } from '../../../tabs/src/strings';

/**
 * No line of one language in the other's catalogue, and French typography in French: what a reader of one
 * official language would notice first. Word lists are short on purpose: function words that are never
 * names, brands or commands in the other language.
 */

const MARKERS: Record<Lang, RegExp> = {
  // English words that never occur in a French sentence
  en: /\b(the|and|you|your|please|with|this|that|which|should|would|could|been|have|has)\b/i,
  // French words that never occur in an English sentence
  fr: /\b(les|des|vous|votre|vos|est|pour|une|avec|dans|sur|pas|qui|être|été|cette|aux|du)\b/i,
};

/**
 * A colon glued to the word before it (a time such as 14:30 is not punctuation). Canadian French (the
 * Translation Bureau's Writing Tools) spaces the colon but not « ? », « ! » or « ; », so only the colon is checked.
 */
const TIGHT_COLON = /[^\s\u00a0\u202f\d]:/;

/** What a string says, without its {placeholders}, links and addresses (which are not in any language). */
function prose(text: string): string {
  return text
    .replace(/\{[a-zA-Z]+\}/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/https?:\/\/\S+/g, ' ');
}

const keys = allMessageKeys('en');
/** Every string a person reads, bot and tabs alike, by language. */
const strings: Record<Lang, [string, string][]> = {
  en: [
    ...keys.map((k): [string, string] => [k, t('en', k as never)]),
    ...Object.entries(tabStrings.en).map(([k, v]): [string, string] => [`tabs.${k}`, v]),
  ],
  fr: [
    ...keys.map((k): [string, string] => [k, t('fr', k as never)]),
    ...Object.entries(tabStrings.fr).map(([k, v]): [string, string] => [`tabs.${k}`, v]),
  ],
};
const leaks = (lang: Lang, test: RegExp) =>
  strings[lang].filter(([, text]) => test.test(prose(text))).map(([k, text]) => `${k}: ${text}`);

describe('each catalogue speaks its own language', () => {
  it('has no English sentence in French messages', () => {
    expect(leaks('fr', MARKERS.en)).toEqual([]);
  });

  it('has no French sentence in English messages', () => {
    expect(leaks('en', MARKERS.fr)).toEqual([]);
  });

  it('puts a space before the colon in French, as Canadian French typography wants', () => {
    expect(leaks('fr', TIGHT_COLON)).toEqual([]);
  });

  it('does not catch what it should not: the check itself finds a planted leak', () => {
    expect(MARKERS.en.test(prose('Votre demande a été envoyée to the office.'))).toBe(true);
    expect(MARKERS.fr.test(prose('Your request was sent pour le bureau.'))).toBe(true);
    expect(MARKERS.en.test(prose('Ouvrir [Teams](https://teams.microsoft.com/l/the-chat) : {name}'))).toBe(
      false,
    );
    expect(TIGHT_COLON.test('Demande envoyée: merci')).toBe(true);
    expect(TIGHT_COLON.test('Demande envoyée : merci, à 14:30.')).toBe(false);
  });
});
