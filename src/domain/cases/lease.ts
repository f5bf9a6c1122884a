import type { Timers } from '../../shared/clock';
import type { DocumentStore } from '../store';

/** Renewals per lease: two may be late (a slow database, a busy event loop) before the claim lapses. */
const RENEWALS_PER_LEASE = 3;

/** A job claimed with a lease: the lease runs out at `leaseUntil` unless renewed. */
export interface Leased {
  readonly leaseUntil?: string;
}

/**
 * Keeps a claimed job's lease (the outbox's case cards, the reminders) while its post runs, renewing it every
 * leaseMs / RENEWALS_PER_LEASE with a conditional write, so a long gateway call (with its own retries) keeps
 * the claim and a process that dies stops renewing and lets another take the job over. `release` stops
 * renewing, waits for a renewal under way, and gives the document's current version for the write that
 * settles the job. A renewal that fails (the database did not answer) is left to the next one; one refused
 * (another worker took over a lease that had lapsed) stops renewing.
 */
export function keepLease<T extends Leased>(
  o: {
    readonly store: DocumentStore;
    readonly timers: Timers;
    readonly now: () => Date;
    readonly leaseMs: number;
  },
  collection: string,
  id: string,
  claimed: T,
  version: number,
): { release(): Promise<number> } {
  let current = version;
  let lost = false;
  let renewing: Promise<void> = Promise.resolve();
  const renew = () => {
    renewing = renewing.then(async () => {
      if (lost) return;
      const leaseUntil = new Date(o.now().getTime() + o.leaseMs).toISOString();
      const next = await o.store
        .update(collection, id, { ...claimed, leaseUntil }, current)
        .catch(() => current);
      if (next === undefined) lost = true;
      else current = next;
    });
  };
  const timer = o.timers.setInterval(renew, o.leaseMs / RENEWALS_PER_LEASE);
  let released: Promise<number> | undefined;
  return {
    release: () => {
      released ??= (async () => {
        o.timers.clearInterval(timer);
        await renewing;
        return current;
      })();
      return released;
    },
  };
}
