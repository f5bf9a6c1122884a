import { usePlaygroundSession } from './support/session';

/**
 * The first thing a manager does: ask for help, in English then in French, in the Teams emulator
 * (Microsoft 365 Agents Playground) with the real bot behind it. Also refreshes the README's
 * screenshots (docs/screenshots/ with `npm run screenshots`): help-en.png and help-fr.png.
 */

jest.setTimeout(120_000);

const HELP_TITLE = { en: 'What I can do', fr: 'Ce que je peux faire' } as const;

const playground = usePlaygroundSession();

describe('help in the personal chat', () => {
  it('answers "help" with the English help card', async () => {
    await playground().openPersonalChat();
    await playground().send('help');
    const card = await playground().waitForCard(HELP_TITLE.en);
    expect(await card.textContent()).toContain(
      'I quote official guidance and make no decisions about anyone.',
    );
    await playground().screenshot('help-en', card);
  });

  it('answers "aide" with the French help card', async () => {
    await playground().send('aide');
    const card = await playground().waitForCard(HELP_TITLE.fr);
    expect(await card.textContent()).toContain('Exemples de questions');
    await playground().screenshot('help-fr', card);
  });
});
