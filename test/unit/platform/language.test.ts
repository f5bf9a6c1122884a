import { chooseLanguage } from '../../../src/shared/i18n/chooseLanguage';
import { allMessageKeys, t } from '../../../src/i18n';
import { recogniseCommand } from '../../../src/platform/commands';

describe('language choice', () => {
  it('prefers the saved choice, then the locale, then the default', () => {
    expect(chooseLanguage('fr', 'en-CA', 'en')).toBe('fr');
    expect(chooseLanguage(undefined, 'fr-CA', 'en')).toBe('fr');
    expect(chooseLanguage(undefined, 'FR', 'en')).toBe('fr');
    expect(chooseLanguage(undefined, 'en-US', 'fr')).toBe('en');
    expect(chooseLanguage(undefined, 'de-DE', 'fr')).toBe('fr');
    expect(chooseLanguage(undefined, undefined, 'en')).toBe('en');
  });

  it('recognises the language switch in either language, with or without accents', () => {
    expect(recogniseCommand('français')).toEqual({ kind: 'switchLanguage', to: 'fr' });
    expect(recogniseCommand(' Francais! ')).toEqual({ kind: 'switchLanguage', to: 'fr' });
    expect(recogniseCommand('English')).toEqual({ kind: 'switchLanguage', to: 'en' });
    expect(recogniseCommand('anglais')).toEqual({ kind: 'switchLanguage', to: 'en' });
  });

  it('recognises commands exactly, so questions that contain a command word stay questions', () => {
    expect(recogniseCommand('Help')).toMatchObject({ kind: 'command', id: 'help' });
    expect(recogniseCommand('aide')).toMatchObject({ kind: 'command', id: 'help', lang: 'fr' });
    expect(recogniseCommand('Points de discussion')).toMatchObject({ id: 'talkingPoints' });
    expect(recogniseCommand('J’ai vu une publication')).toMatchObject({ id: 'sawPost' });
    expect(recogniseCommand('can you help me with a post about the election?')).toBeUndefined();
  });
});

describe('catalogues', () => {
  it('have the same keys in English and French, and no empty or identical-by-accident strings', () => {
    const en = allMessageKeys('en').sort();
    expect(allMessageKeys('fr').sort()).toEqual(en);
    for (const key of en) {
      expect(t('en', key as never).trim()).not.toBe('');
      expect(t('fr', key as never).trim()).not.toBe('');
    }
  });

  it('fill placeholders', () => {
    expect(t('fr', 'common.input.tooLong', { limit: '2 000' })).toContain('2 000');
  });
});
