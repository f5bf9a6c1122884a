import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Lang } from '../shared/i18n/lang';
import type { AdaptiveCardJson } from '../shared/cards/render';

export type ConversationScope = 'personal' | 'channel' | 'groupChat';

/** What a feature handler gets for one incoming activity: the Bot Framework pieces plus resolved context. */
export interface Turn {
  readonly context: TurnContext;
  readonly dc: DialogContext;
  readonly lang: Lang;
  readonly scope: ConversationScope;
  /** The message text without the bot's @mention, trimmed. */
  readonly text: string;
  sendCard(card: AdaptiveCardJson): Promise<string | undefined>;
  sendText(text: string): Promise<string | undefined>;
  /** Shows the help card (the standard answer to "no dead ends"). */
  sendHelp(): Promise<void>;
}

export function scopeOf(context: TurnContext): ConversationScope {
  const type = context.activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}
