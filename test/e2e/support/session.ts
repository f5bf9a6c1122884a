import { launchBrowser, type BrowserSession } from './browser';
import { Playground } from './playground';
import { buildBot, startStack, type Stack } from './stack';

export interface PlaygroundSessionOptions {
  /** Set in this test file's environment before the stack starts; the bot process inherits it. */
  env?: Record<string, string>;
  /** Open the personal chat once the playground has loaded. */
  personalChat?: boolean;
}

/**
 * Registers the beforeAll/afterAll of a playground test file: builds the bot, starts it with the Agents
 * Playground in front (startStack), opens the playground in Chromium, and stops everything afterwards.
 * Returns a getter for the Playground, usable once the tests run.
 */
export function usePlaygroundSession(options: PlaygroundSessionOptions = {}): () => Playground {
  let stack: Stack | undefined;
  let browser: BrowserSession | undefined;
  let playground: Playground | undefined;

  beforeAll(async () => {
    buildBot();
    // jest gives each test file its own copy of process.env.
    Object.assign(process.env, options.env);
    stack = await startStack();
    browser = await launchBrowser();
    playground = new Playground(browser.page, stack.playgroundUrl);
    await playground.open();
    if (options.personalChat) await playground.openPersonalChat();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  return () => {
    if (!playground) throw new Error('The playground session has not started (see beforeAll)');
    return playground;
  };
}
