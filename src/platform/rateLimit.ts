import { createHash } from 'node:crypto';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { SqlClient } from '../domain/store';

/**
 * How many messages (and card clicks) the bot takes from one person, and from one conversation, in a window.
 * Counted with rate-limiter-flexible: a fixed window per key, which PostgreSQL keeps for every instance in one
 * atomic upsert per message. 0 turns a limit off.
 */
export interface RateLimits {
  readonly userMessages: number;
  readonly conversationMessages: number;
  readonly windowSeconds: number;
}

export type LimitScope = 'user' | 'conversation';

export type Verdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly scope: LimitScope;
      /** True for the first refusal of a window only (on whichever instance it happens): say so once. */
      readonly tell: boolean;
      /** When the window ends and messages are taken again. */
      readonly retryAfterMs: number;
    };

/** Decides, before anything else is done with an activity, whether the bot takes it. */
export interface TurnLimiter {
  take(userId: string, conversationId: string): Promise<Verdict>;
}

/** The table migration 2 creates for the limiter (src/storage/postgres/migrations.ts), in its own layout. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/**
 * Limits kept in memory (one instance, SQLite), or in PostgreSQL when `shared` is given, so that several
 * instances count together. With PostgreSQL, a key over its limit is then refused from memory until its window
 * ends (no query per message of a flood), and if the database does not answer, the in-memory count decides.
 */
export function createTurnLimiter(limits: RateLimits, shared?: SqlClient): TurnLimiter {
  const limiter = (points: number, scope: LimitScope): RateLimiterAbstract | undefined => {
    if (points <= 0) return undefined;
    const base = { keyPrefix: scope, points, duration: limits.windowSeconds };
    const memory = new RateLimiterMemory(base);
    if (!shared) return memory;
    return new RateLimiterPostgres({
      ...base,
      storeClient: shared,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: memory,
    });
  };
  const users = limiter(limits.userMessages, 'user');
  const conversations = limiter(limits.conversationMessages, 'conversation');

  return {
    async take(userId, conversationId) {
      for (const [scope, counter, key] of [
        ['user', users, userId],
        ['conversation', conversations, conversationId],
      ] as const) {
        if (!counter) continue;
        try {
          await counter.consume(hashed(key));
        } catch (refusal) {
          // Anything but a RateLimiterRes is a failure of the limiter itself: the message is let through.
          if (!(refusal instanceof RateLimiterRes)) return { allowed: true };
          return {
            allowed: false,
            scope,
            tell: refusal.consumedPoints === counter.points + 1,
            retryAfterMs: refusal.msBeforeNext,
          };
        }
      }
      return { allowed: true };
    },
  };
}

/** Keys are hashed: fixed length for the table's key column, and no Teams ids in another table. */
function hashed(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 32);
}
