import { LRUCache } from 'lru-cache';
import type { Clock } from '../shared/clock';

/** At most `count` messages in any `perMs` milliseconds. */
export interface PaceRule {
  readonly count: number;
  readonly perMs: number;
}

/**
 * Teams' limits for one bot in one conversation (thread): 7 messages a second, 8 in 2 seconds, 60 in 30
 * seconds. Past them Teams answers 429; keeping under them means a burst of replies is spread out instead of
 * being refused and retried.
 */
export const TEAMS_CONVERSATION_PACE: readonly PaceRule[] = [
  { count: 7, perMs: 1_000 },
  { count: 8, perMs: 2_000 },
  { count: 60, perMs: 30_000 },
];

/**
 * Teams counts messages when they reach it, not when they leave: a message delayed on the way and the next
 * one on time would arrive closer together than they were sent. Each wait is this much longer than the rule.
 */
const ARRIVAL_MARGIN_MS = 100;

/**
 * Conversations are forgotten once idle for the longest rule's period, and at most this many are tracked
 * (least recently used out: a forgotten conversation is paced from scratch, and Teams' 429, which the retry
 * honours, covers the rest).
 */
const MAX_CONVERSATIONS = 50_000;

/**
 * Spaces the bot's messages to each conversation within the rules: `take` books the earliest moment every
 * rule allows and waits until then. Bookings are per instance (several instances each pace their own sends;
 * Teams' 429 with Retry-After, which the retry policy honours, covers what they add up to).
 */
export class OutboundPacer {
  private readonly booked: LRUCache<string, number[]>;
  private readonly longestMs: number;

  constructor(
    private readonly clock: Pick<Clock, 'now' | 'sleep'>,
    private readonly rules: readonly PaceRule[] = TEAMS_CONVERSATION_PACE,
  ) {
    this.longestMs = Math.max(...rules.map((r) => r.perMs));
    this.booked = new LRUCache({ max: MAX_CONVERSATIONS, ttl: this.longestMs });
  }

  /** Waits until one more message to `conversationId` keeps within every rule, and books it. */
  async take(conversationId: string): Promise<void> {
    const now = this.clock.now().getTime();
    const times = (this.booked.get(conversationId) ?? []).filter((at) => at > now - this.longestMs);
    const at = this.earliest(times, now);
    times.push(at);
    times.sort((a, b) => a - b);
    // Kept until its last booking has left the longest rule's period.
    this.booked.set(conversationId, times, { ttl: times[times.length - 1]! - now + this.longestMs });
    if (at > now) await this.clock.sleep(at - now);
  }

  /** The first moment from `now` at which no rule has its count of bookings within its period. */
  private earliest(times: readonly number[], now: number): number {
    let at = now;
    for (let moved = true; moved;) {
      moved = false;
      for (const rule of this.rules) {
        const within = times.filter((t) => t > at - rule.perMs);
        if (within.length < rule.count) continue;
        // The booking that must leave the window first decides.
        at = within[within.length - rule.count]! + rule.perMs + ARRIVAL_MARGIN_MS;
        moved = true;
      }
    }
    return at;
  }
}
