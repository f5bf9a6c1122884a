import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { NAME_RULES, safeText, safeTextIn } from '../shared/text';

interface NamedChannelData {
  team?: { name?: unknown };
  channel?: { name?: unknown };
}

/**
 * The door for text from Teams: every piece of text a person typed in an inbound activity — the message,
 * the inputs and data of a card (Action.Submit values, Action.Execute data), and the display names Teams
 * passes along — is made safe (src/shared/text.ts) before any middleware, dialog, store or card sees it.
 * Runs first in the adapter's middleware, so nothing downstream needs a sanitizer of its own.
 */
export function safeInboundText(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      makeSafe(context.activity);
      await next();
    },
  };
}

export function makeSafe(activity: Partial<Activity>): void {
  if (typeof activity.text === 'string') activity.text = safeText(activity.text);
  if (activity.value !== undefined) activity.value = safeTextIn(activity.value);
  if (typeof activity.from?.name === 'string') activity.from.name = safeText(activity.from.name, NAME_RULES);
  if (typeof activity.conversation?.name === 'string')
    activity.conversation.name = safeText(activity.conversation.name, NAME_RULES);
  const channelData = activity.channelData as NamedChannelData | undefined;
  for (const named of [channelData?.team, channelData?.channel])
    if (typeof named?.name === 'string') named.name = safeText(named.name, NAME_RULES);
}
