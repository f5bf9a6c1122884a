/**
 * Retention of what the bot keeps about a person between conversations (their saved preferences, their
 * personal chat's address): kept while they use the bot, deleted after a period without activity, and
 * rebuilt the next time they write. Activity reads rarely change these documents, so their expiry is
 * pushed back on use, at most once a week per person, instead of on every turn.
 */

const DAY_MS = 86_400_000;
/** How stale an expiry may get before a turn renews it: a write per person per week at most. */
const RENEW_AFTER_DAYS = 7;

export function expiryAfterInactivity(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}

/** True when a document used now should have its expiry pushed back (missing, or renewed over a week ago). */
export function needsRenewal(expiresAt: string | undefined, now: Date, days: number): boolean {
  if (!expiresAt) return true;
  return Date.parse(expiresAt) < now.getTime() + (days - RENEW_AFTER_DAYS) * DAY_MS;
}
