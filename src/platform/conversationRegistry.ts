import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../shared/logger';
import { safeError } from '../shared/logger';
import type { DocumentStore } from '../domain/store';
import { expiryAfterInactivity, needsRenewal } from '../shared/retention';

/** A team the bot is (or was) installed in, and how to reach it proactively. */
export interface TeamRecord {
  readonly teamId: string;
  readonly name: string;
  readonly aadGroupId?: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
  readonly installed: boolean;
}

/** How to reach a user's personal chat with the bot proactively (keyed by their Entra object id). */
export interface UserChatRecord {
  readonly userId: string;
  readonly aadObjectId: string;
  readonly conversationId: string;
  readonly tenantId: string;
  readonly serviceUrl: string;
}

export const TEAMS = 'teams';
export const USER_CHATS = 'userChats';

interface TeamsChannelData {
  team?: { id?: string; name?: string; aadGroupId?: string };
  tenant?: { id?: string };
  eventType?: string;
}

/**
 * Learns, from every inbound activity, the teams the bot is installed in and each user's personal chat,
 * refreshing the serviceUrl (it can change) so proactive posts keep working. Writes only on change.
 * A failure here never blocks the turn.
 */
export function conversationRegistry(
  store: DocumentStore,
  logger: Logger,
  retention: { readonly userChatDays: number; readonly now?: () => Date },
): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      try {
        await record(store, context, retention.userChatDays, retention.now?.() ?? new Date());
      } catch (err) {
        logger.warn(
          { event: 'registry.failed', err: safeError(err) },
          'could not record conversation reference',
        );
      }
      await next();
    },
  };
}

async function record(
  store: DocumentStore,
  context: TurnContext,
  userChatDays: number,
  now: Date,
): Promise<void> {
  const activity = context.activity;
  if (activity.channelId !== 'msteams' || !activity.serviceUrl) return;
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const tenantId = channelData.tenant?.id ?? activity.conversation?.tenantId ?? '';
  const botId = activity.recipient?.id;

  const team = channelData.team;
  if (team?.id) {
    const botRemoved =
      (activity.type === 'conversationUpdate' &&
        (activity.membersRemoved ?? []).some((m) => m.id === botId)) ||
      (activity.type === 'installationUpdate' && activity.action === 'remove') ||
      channelData.eventType === 'teamDeleted';
    const existing = await store.get<TeamRecord>(TEAMS, team.id);
    const next: TeamRecord = {
      teamId: team.id,
      name: team.name ?? existing?.value.name ?? '',
      ...((team.aadGroupId ?? existing?.value.aadGroupId)
        ? { aadGroupId: team.aadGroupId ?? existing?.value.aadGroupId }
        : {}),
      tenantId,
      serviceUrl: activity.serviceUrl,
      installed: !botRemoved,
    };
    if (!sameFields(existing?.value, next)) await store.put(TEAMS, team.id, next);
  }

  const from = activity.from;
  if (activity.conversation?.conversationType === 'personal' && from?.aadObjectId && from.id !== botId) {
    const next: UserChatRecord = {
      userId: from.id,
      aadObjectId: from.aadObjectId,
      conversationId: activity.conversation.id,
      tenantId,
      serviceUrl: activity.serviceUrl,
    };
    const existing = await store.get<UserChatRecord>(USER_CHATS, from.aadObjectId);
    // A person's chat address is kept while they use the bot and deleted after USER_RETENTION_DAYS without
    // activity; written on change, and otherwise at most weekly to push the expiry back.
    if (!sameFields(existing?.value, next) || needsRenewal(existing?.expiresAt, now, userChatDays))
      await store.put(USER_CHATS, from.aadObjectId, next, {
        expiresAt: expiryAfterInactivity(now, userChatDays),
      });
  }
}

/** The stored record already says exactly this (flat records of strings and booleans): no write needed. */
function sameFields<T extends object>(stored: T | undefined, next: T): boolean {
  if (!stored) return false;
  const keys = Object.keys(next) as (keyof T)[];
  return keys.length === Object.keys(stored).length && keys.every((key) => stored[key] === next[key]);
}
