import type { Middleware, TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
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
  const confirmed = new ConfirmedChats();
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      try {
        await record(store, context, retention.userChatDays, retention.now?.() ?? new Date(), confirmed);
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

/** People chatting at once whose record stays confirmed (about 300 bytes each). */
const CONFIRMED_CHATS_MAX = 1000;
/** How long a confirmed record is trusted without reading it again. */
const CONFIRMED_CHAT_TTL_MS = 10 * 60_000;

/**
 * The personal-chat records this instance has just read or written, so that a person's every message does
 * not read theirs again: their fields and expiry, for people active in the last minutes. Bounded in size and
 * age: memory does not grow with users, and a record changed or deleted elsewhere (another instance, the
 * retention purge) is read again within CONFIRMED_CHAT_TTL_MS.
 */
class ConfirmedChats {
  private readonly byUser = new LRUCache<string, { readonly fields: string; readonly expiresAt?: string }>({
    max: CONFIRMED_CHATS_MAX,
    ttl: CONFIRMED_CHAT_TTL_MS,
  });

  /** The stored record's expiry when it is known to hold exactly these fields, else undefined. */
  expiryIfSame(user: string, next: UserChatRecord): { expiresAt?: string } | undefined {
    const known = this.byUser.get(user);
    return known && known.fields === chatFields(next) ? known : undefined;
  }

  remember(user: string, record: UserChatRecord, expiresAt: string | undefined): void {
    this.byUser.set(user, { fields: chatFields(record), ...(expiresAt ? { expiresAt } : {}) });
  }
}

function chatFields(r: UserChatRecord): string {
  return `${r.userId}\n${r.conversationId}\n${r.tenantId}\n${r.serviceUrl}`;
}

async function record(
  store: DocumentStore,
  context: TurnContext,
  userChatDays: number,
  now: Date,
  confirmed: ConfirmedChats,
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
    const known = confirmed.expiryIfSame(from.aadObjectId, next);
    if (known && !needsRenewal(known.expiresAt, now, userChatDays)) return;
    const existing = await store.get<UserChatRecord>(USER_CHATS, from.aadObjectId);
    // A person's chat address is kept while they use the bot and deleted after USER_RETENTION_DAYS without
    // activity; written on change, and otherwise at most weekly to push the expiry back.
    if (!sameFields(existing?.value, next) || needsRenewal(existing?.expiresAt, now, userChatDays)) {
      const expiresAt = expiryAfterInactivity(now, userChatDays);
      await store.put(USER_CHATS, from.aadObjectId, next, { expiresAt });
      confirmed.remember(from.aadObjectId, next, expiresAt);
    } else confirmed.remember(from.aadObjectId, next, existing?.expiresAt);
  }
}

/** The stored record already says exactly this (flat records of strings and booleans): no write needed. */
function sameFields<T extends object>(stored: T | undefined, next: T): boolean {
  if (!stored) return false;
  const keys = Object.keys(next) as (keyof T)[];
  return keys.length === Object.keys(stored).length && keys.every((key) => stored[key] === next[key]);
}
