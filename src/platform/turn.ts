import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Lang } from '../shared/i18n/lang';
import type { AdaptiveCardJson } from '../shared/cards/render';
import { resolveTimeZone } from '../shared/dates';

export type ConversationScope = 'personal' | 'channel' | 'groupChat';

/** What a feature handler gets for one incoming activity: the Bot Framework pieces plus resolved context. */
export interface Turn {
  readonly context: TurnContext;
  readonly dc: DialogContext;
  readonly lang: Lang;
  /** The user's time zone, for the dates and times shown to them (see timeZoneOf). */
  readonly timeZone: string;
  readonly scope: ConversationScope;
  /** The message text without the bot's @mention, trimmed. */
  readonly text: string;
  sendCard(card: AdaptiveCardJson): Promise<string | undefined>;
  sendText(text: string): Promise<string | undefined>;
  /** Shows the help card (the standard answer to "no dead ends"). */
  sendHelp(): Promise<void>;
}

/**
 * The sender's time zone from the activity Teams sent (localTimezone, else the offset of localTimestamp — its
 * text, or rawLocalTimestamp where the SDK parsed it into a Date), else `fallback` (DEFAULT_TIME_ZONE).
 */
export function timeZoneOf(context: TurnContext, fallback: string): string {
  const activity = context.activity as {
    localTimezone?: unknown;
    localTimestamp?: unknown;
    rawLocalTimestamp?: unknown;
  };
  return resolveTimeZone(
    {
      localTimezone: activity.localTimezone,
      localTimestamp: activity.rawLocalTimestamp ?? activity.localTimestamp,
    },
    fallback,
  );
}

export function scopeOf(context: TurnContext): ConversationScope {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}
