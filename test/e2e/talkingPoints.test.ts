import { usePlaygroundSession } from './support/session';

/**
 * A manager @mentions the bot in the team's General channel to put the talking points in front of the
 * team, in English and then in French, in the Agents Playground with the real bot behind it. Refreshes
 * (docs/screenshots/ with `npm run screenshots`) talking-points-en.png and talking-points-fr.png.
 */

jest.setTimeout(120_000);

const TITLE = {
  en: 'Talking points: personal social media',
  fr: 'Points de discussion : médias sociaux personnels',
} as const;

const playground = usePlaygroundSession();

describe('talking points posted in a channel', () => {
  it('"@bot talking points" posts the English card with its source, the French one click away', async () => {
    await playground().openChannel('General');
    await playground().mentionBot('talking points');
    const card = await playground().waitForCard(TITLE.en);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('When we join the public service, we take an oath');
    expect(text).toContain('Once something is online, it is very hard to permanently remove it');
    expect(text).toContain('No one has marked this useful for their team yet.');
    await playground().screenshot('talking-points-en', card);
  });

  it('"@bot points de discussion" posts the card in French, marked as a working translation', async () => {
    await playground().mentionBot('points de discussion');
    const card = await playground().waitForCard(TITLE.fr);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Traduction de travail');
    expect(text).toContain('Utile pour mon équipe');
    await playground().screenshot('talking-points-fr', card);
  });
});
