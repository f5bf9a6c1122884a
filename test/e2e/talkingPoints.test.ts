import { launchBrowser, type BrowserSession } from './support/browser';
import { Playground } from './support/playground';
import { buildBot, startStack, type Stack } from './support/stack';

/**
 * A manager @mentions the bot in the team's General channel to put the talking points in front of the
 * team, in English and then in French, in the Agents Playground with the real bot behind it. Refreshes
 * docs/screenshots/talking-points-en.png and talking-points-fr.png.
 */

jest.setTimeout(120_000);

const TITLE = {
  en: 'Talking points: personal social media',
  fr: 'Points de discussion : médias sociaux personnels',
} as const;

let stack: Stack | undefined;
let browser: BrowserSession | undefined;
let playground: Playground;

beforeAll(async () => {
  buildBot();
  stack = await startStack();
  browser = await launchBrowser();
  playground = new Playground(browser.page, stack.playgroundUrl);
  await playground.open();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('talking points posted in a channel', () => {
  it('"@bot talking points" posts the English card with its source, the French one click away', async () => {
    await playground.openChannel('General');
    await playground.mentionBot('talking points');
    const card = await playground.waitForCard(TITLE.en);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('When we join the public service, we take an oath');
    expect(text).toContain('Once something is online, it is very hard to permanently remove it');
    expect(text).toContain('No one has marked this useful for their team yet.');
    await playground.screenshot('talking-points-en', card);
  });

  it('"@bot points de discussion" posts the card in French, marked as a working translation', async () => {
    await playground.mentionBot('points de discussion');
    const card = await playground.waitForCard(TITLE.fr);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Traduction de travail');
    expect(text).toContain('Utile pour mon équipe');
    await playground.screenshot('talking-points-fr', card);
  });
});
