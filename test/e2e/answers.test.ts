import { usePlaygroundSession } from './support/session';

/**
 * A manager asks questions in their own words, in English then in French, in the Teams emulator; the
 * bot answers with the official text and its source, routes an urgent situation, declines what it does not
 * cover. Screenshots (`npm run screenshots` refreshes docs/screenshots/): answer-*.png, urgent-en.png and out-of-scope-fr.png.
 */

jest.setTimeout(120_000);

const playground = usePlaygroundSession({ personalChat: true });

describe('questions in the personal chat', () => {
  it('answers an English question with the quoted guidance and its source', async () => {
    await playground().send('Should I keep an eye on what my team posts on social media?');
    const card = await playground().waitForCard(
      /routinely monitoring employees’ public social media activity/,
    );
    const text = await card.textContent();
    expect(text).toContain(
      'must always respect their employees’ rights to privacy and freedom of expression',
    );
    expect(text).toMatch(/Source/);
    await playground().screenshot('answer-en', card);
  });

  it('answers a French question in French, marked as a working translation', async () => {
    await playground().send('Est-ce que je devrais surveiller les comptes de mes employés?');
    const card = await playground().waitForCard(/traduction de travail/i);
    expect(await card.textContent()).toMatch(/surveiller/);
    await playground().screenshot('answer-fr', card);
  });

  it('under the answer to a post a colleague showed, offers the walk-through, which starts on a click', async () => {
    await playground().send(
      'A colleague forwarded me a post by one of my employees about our minister. What should I do?',
    );
    // The answer and the offer arrive as one message of two cards; both are rendered.
    await playground().waitForCard(/From the guidance for managers/);
    const offer = await playground().waitForCard(/Would you like me to walk you through/);
    await playground().clickCardButton(offer, 'Start “I saw a post”');
    await playground().waitForCard(/Before you start/);
  });

  it('routes an urgent situation at once, with whom to call', async () => {
    await playground().send('One of my employees posted that she wants to end her life');
    const card = await playground().waitForCard(/9-8-8/);
    expect(await card.textContent()).toMatch(/9-1-1/);
    await playground().screenshot('urgent-en', card);
  });

  it('declines a question it does not cover, in French, and says what it covers', async () => {
    await playground().send('Quelle température fera-t-il demain à Ottawa?');
    const card = await playground().waitForCard(/Cette question dépasse ce que je peux faire/);
    expect(await card.textContent()).toMatch(/médias sociaux/);
    await playground().screenshot('out-of-scope-fr', card);
  });
});
