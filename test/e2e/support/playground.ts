import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { LOG_DIR, ROOT } from './stack';

/**
 * What a person does in the Agents Playground (v0.2.x), expressed with the selectors it exposes to
 * assistive technology (roles, accessible names, titles), which survive restyling better than its
 * generated class names. The one exception is `.ac-adaptiveCard`, the Adaptive Cards renderer's own
 * class, used by every Teams-like host.
 *
 * Conversation names come from .m365agentsplayground.yml.
 */
export const BOT_NAME = 'Social Media Guidance';
export const TEAM_NAME = 'Digital Services';
/**
 * Where screenshots go: test-results/screenshots (untracked) when the tests run, so a test run never
 * rewrites tracked files; `npm run screenshots` points it at docs/screenshots to refresh the README's.
 */
export const SCREENSHOT_DIR = path.resolve(
  ROOT,
  process.env.SCREENSHOT_DIR ?? path.join('test-results', 'screenshots'),
);

const CARD = '.ac-adaptiveCard';

export class Playground {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /** Loads the playground and hides its log panel, so screenshots show the conversation only. */
  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
    const hide = this.page.getByTitle('Hide log panel');
    if (await hide.isVisible()) await hide.click();
  }

  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  }

  /** The group chat, named in .m365agentsplayground.yml ("Managers"). */
  async openGroupChat(name = 'Managers'): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click();
  }

  /** A channel of the team; "General" always exists. */
  async openChannel(channel: string): Promise<void> {
    await this.page.getByRole('treeitem', { name: `${TEAM_NAME} - ${channel}` }).click();
  }

  /**
   * Types into the conversation's composer (a rich-text editor, so keystrokes rather than fill()): the first
   * textbox that is not inside a card (cards with inputs add their own; in a channel the new-post box
   * comes before the reply boxes).
   */
  private async typeInComposer(text: string): Promise<void> {
    const outsideCards = this.page.locator(
      'xpath=//*[not(ancestor-or-self::*[contains(@class,"ac-adaptiveCard")])]',
    );
    const composer = this.page.getByRole('textbox').and(outsideCards).first();
    await composer.click();
    await this.page.keyboard.type(text);
  }

  /** Sends a message in a chat (personal or group). */
  async send(text: string): Promise<void> {
    await this.typeInComposer(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  /**
   * Starts a new channel post that @mentions the bot, then `text`. The mention must be picked from
   * the suggestion menu: typed "@name" text would reach the bot without a mention entity.
   */
  async mentionBot(text: string): Promise<void> {
    await this.typeInComposer('@');
    await this.page.getByRole('menuitem', { name: BOT_NAME }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /** Every Adaptive Card in the open conversation that contains `text`. */
  cards(text: string | RegExp): Locator {
    return this.page.locator(CARD).filter({ hasText: text });
  }

  /** Waits for (the latest) card containing `text` and returns it. */
  async waitForCard(text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
    const card = this.cards(text).last();
    try {
      await card.waitFor({ state: 'visible', timeout: timeoutMs });
    } catch (error) {
      throw await this.explain(`No card containing ${String(text)} appeared`, error);
    }
    return card;
  }

  /**
   * Adds what the conversation showed (last cards' text) and a screenshot path in test-results/ to a
   * failure, since "timeout" alone does not say what the bot answered instead.
   */
  private async explain(what: string, error: unknown): Promise<Error> {
    mkdirSync(LOG_DIR, { recursive: true });
    const file = path.join(LOG_DIR, `failure-${Date.now()}.png`);
    await this.page.screenshot({ path: file }).catch(() => undefined);
    const texts = await this.page
      .locator(CARD)
      .allTextContents()
      .catch(() => []);
    const lastCards = texts
      .slice(-3)
      .map((t) => `  - ${t.slice(0, 300)}`)
      .join('\n');
    return new Error(
      `${what}. Screenshot: ${file}\nLast cards:\n${lastCards || '  (none)'}\n${(error as Error).message ?? error}`,
    );
  }

  /** Waits until a plain-text bot message containing `text` is shown. */
  async waitForText(text: string | RegExp, timeoutMs = 15_000): Promise<void> {
    await this.page.getByText(text).last().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Clicks a card's button by its title (Action.Submit / Action.Execute both render as buttons). */
  async clickCardButton(card: Locator, title: string): Promise<void> {
    await card.getByRole('button', { name: title, exact: true }).click();
  }

  /**
   * Clicks the latest button titled `title` in the conversation: a prompt's choices come as a hero card,
   * which the Playground draws outside its Adaptive Card container.
   */
  async clickLatestButton(title: string): Promise<void> {
    await this.page.getByRole('button', { name: title, exact: true }).last().click();
  }

  /** Saves a full-window screenshot as <name>.png in SCREENSHOT_DIR. */
  async screenshot(name: string, target?: Locator): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    // Let the card finish laying out (images, fonts) before the picture is taken.
    await this.page.waitForTimeout(300);
    if (target) await target.scrollIntoViewIfNeeded();
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }
}
