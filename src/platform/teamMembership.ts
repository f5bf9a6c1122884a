import { LRUCache } from 'lru-cache';
import { MEMBERSHIP } from '../shared/limits';
import { safeError, type Logger } from '../shared/logger';
import type { ConversationMember } from './connectorGateway';
import { statusOf } from './retry';

/** A team, as the bot reaches it: its id and the Bot Connector endpoint of its tenant. */
export interface TeamRef {
  readonly teamId: string;
  readonly serviceUrl: string;
}

/** Someone whose membership is checked: their Entra object id, their Teams id (29:…), or both. */
export type Person =
  | { readonly aadObjectId: string; readonly teamsId?: string }
  | { readonly aadObjectId?: undefined; readonly teamsId: string };

/** Asks Teams for a member of a team; a 404 means "not a member" (src/platform/connectorGateway.ts). */
export type MemberLookup = (team: TeamRef, userId: string) => Promise<ConversationMember>;

/**
 * The one place the bot asks Teams whether someone belongs to a team: the office's card actions and its
 * channel registration, the case board tab, and the teams offered for posting talking points. Answers are
 * cached per person and team (LRU, bounded, with a time to live); a failure other than "not a member" denies
 * and is not remembered.
 */
export class TeamMembership {
  private readonly cache: LRUCache<string, { readonly member: ConversationMember | null }>;

  constructor(
    private readonly lookup: MemberLookup,
    private readonly logger: Logger,
    private readonly limits: typeof MEMBERSHIP = MEMBERSHIP,
  ) {
    this.cache = new LRUCache({ max: limits.maxEntries, ttl: limits.ttlMs });
  }

  /**
   * The person as a member of the team, or undefined if they are not one (or Teams could not say).
   * `fresh` asks Teams even if an answer is cached (a privileged action such as registering a channel).
   */
  async member(
    team: TeamRef,
    person: Person,
    { fresh = false }: { fresh?: boolean } = {},
  ): Promise<ConversationMember | undefined> {
    const aad = person.aadObjectId?.toLowerCase();
    const key = `${team.teamId}\n${aad ?? person.teamsId}`;
    const cached = fresh ? undefined : this.cache.get(key);
    if (cached) return cached.member ?? undefined;
    let member: ConversationMember | undefined;
    try {
      // Teams always accepts the Teams id; the answer must then be the same person as the object id says.
      const found = await this.lookup(team, (person.teamsId ?? person.aadObjectId)!);
      const same =
        aad === undefined || found.aadObjectId === undefined || found.aadObjectId.toLowerCase() === aad;
      member = same ? found : undefined;
    } catch (err) {
      if (statusOf(err) !== 404) {
        this.logger.info(
          { event: 'membership.unconfirmed', err: safeError(err) },
          'membership not confirmed',
        );
        return undefined;
      }
    }
    this.cache.set(key, { member: member ?? null });
    return member;
  }

  /**
   * The teams among `teams` the person belongs to. At most `maxTeamsPerRequest` are checked (in the order
   * given), a few at a time, so that one request never costs more than a bounded number of Teams calls.
   */
  async teamsOf<T extends TeamRef>(person: Person, teams: readonly T[]): Promise<T[]> {
    const checked = teams.slice(0, this.limits.maxTeamsPerRequest);
    if (checked.length < teams.length)
      this.logger.info(
        { event: 'membership.teamsCapped', teams: teams.length, checked: checked.length },
        'too many teams to check in one request',
      );
    const found: (T | undefined)[] = new Array<T | undefined>(checked.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < checked.length; i = next++)
        found[i] = (await this.member(checked[i]!, person)) ? checked[i] : undefined;
    };
    await Promise.all(Array.from({ length: Math.min(this.limits.concurrency, checked.length) }, worker));
    return found.filter((team): team is T => team !== undefined);
  }
}
