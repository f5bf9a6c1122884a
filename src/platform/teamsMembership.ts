import { TeamsInfo, type ConversationReference } from 'botbuilder';
import type { GuidanceAdapter } from './adapter';
import { TEAMS, type TeamRecord } from './conversationRegistry';
import type { DocumentStore } from '../storage/types';

/**
 * The one Bot Framework piece of the tabs: asks Teams, through the bot's stored reference to the team,
 * whether a person belongs to it. Kept apart from the token and API code, which stay SDK-free.
 */

const CACHE_MS = 2 * 60 * 1000;

export function teamsMembership(
  adapter: GuidanceAdapter,
  botAppId: string,
  store: DocumentStore,
  now: () => number = Date.now,
): (teamId: string, aadObjectId: string) => Promise<string | undefined> {
  // A short cache: a board refresh should not cost a Teams call each time, and removals still apply within minutes.
  const cache = new Map<string, { teamsId: string | undefined; at: number }>();
  return async (teamId, aadObjectId) => {
    const key = `${teamId}\n${aadObjectId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < CACHE_MS) return hit.teamsId;
    const team = (await store.get<TeamRecord>(TEAMS, teamId))?.value;
    if (!team || !team.installed) return undefined;
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: team.serviceUrl,
      conversation: {
        id: teamId,
        isGroup: true,
        conversationType: 'channel',
        tenantId: team.tenantId,
        name: '',
      },
    };
    let teamsId: string | undefined;
    let definite = true;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      try {
        const found = await TeamsInfo.getTeamMember(context, teamId, aadObjectId);
        teamsId = found?.aadObjectId?.toLowerCase() === aadObjectId.toLowerCase() ? found.id : undefined;
      } catch (err) {
        // Teams answers 404 for someone who is not in the team; any other failure denies too, uncached.
        definite = (err as { statusCode?: number }).statusCode === 404;
      }
    });
    if (definite) cache.set(key, { teamsId, at: now() });
    return teamsId;
  };
}
