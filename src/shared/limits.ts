/**
 * Limits every part of the bot shares, each defined once, with why it is what it is.
 */

/**
 * Team membership checks (src/platform/teamMembership.ts). Each check is a Bot Connector call that someone
 * is waiting for, so the answers are kept for a minute per person and team (a busy triage session or a board
 * refresh does not call Teams on each click, and a removal from the team still applies within the minute),
 * and one request checks at most `maxTeamsPerRequest` teams, four at a time: at ~300 ms a call that is under
 * 2 s, and far below Teams' limits for one bot. The cache holds at most `maxEntries` answers (about 2 MB).
 */
export const MEMBERSHIP = {
  ttlMs: 60_000,
  maxEntries: 10_000,
  maxTeamsPerRequest: 25,
  concurrency: 4,
} as const;

/**
 * Actions on one card. Teams' store validation allows at most six actions on a card; every card the bot
 * sends keeps within it (more choices are listed by number, to type).
 */
export const MAX_CARD_ACTIONS = 6;

/**
 * Buttons in one action bar: the Adaptive Cards default host configuration shows five (`actions.maxActions`),
 * so a choice card shows four options and its Cancel, and lists the rest by number.
 */
export const MAX_ACTION_BAR_BUTTONS = 5;

/**
 * The longest question read, in characters. Past it the bot says it read only this much, and answers from
 * it. 2,000 rather than 1,000: people tell a story and put the question last ("…what should I do?"), and a
 * cut at 1,000 could drop it while the bot claimed to have read 2,000; the answerer's work stays bounded
 * (its regular expressions see at most four times this): a 2,000-character story was answered in 5.5 ms,
 * against 3.6 ms at 1,000 (200 runs each, on this 2-core machine under a load of 8).
 */
export const MAX_QUESTION_CHARS = 2000;
