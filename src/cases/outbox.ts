import { systemClock, type Timers } from '../shared/clock';
import type { DocumentStore, StoredDocument } from '../storage/types';
import type { CaseService } from './caseService';
import { COLLECTIONS, type CaseRecord, type CaseThread, type OutboxItem } from './types';
import { countDeliveryFailure } from '../telemetry/metrics';

/** What a failed post means: try again later, or stop and tell the manager (`reason` is a code, never text). */
export interface FailureVerdict {
  readonly retry: boolean;
  readonly reason: string;
}

export interface OutboxOptions {
  readonly store: DocumentStore;
  readonly cases: CaseService;
  /** Posts the case card as a new thread in the office channel (the gateway retries 429/5xx within a call). */
  post(c: CaseRecord): Promise<CaseThread>;
  classify(err: unknown): FailureVerdict;
  onPosted?(c: CaseRecord): Promise<void>;
  onUndelivered?(c: CaseRecord, reason: string): Promise<void>;
  /** Structured events for the log: case ids and codes only. */
  log?(event: string, fields: Readonly<Record<string, string | number>>): void;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly timers?: Timers;
  readonly pollMs?: number;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

/** How the outbox tries again: attempts per case, back-off between polls, and how long a claim lasts. */
export interface OutboxRetry {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly leaseMs: number;
}

/**
 * Eight attempts over about 40 minutes (5 s doubling, with jitter, up to 15 min): a Teams outage of that
 * length is rare, and the manager is told when it gives up. A claim lasts 2 minutes, longer than one
 * gateway call can take with its own retries.
 */
export const DEFAULT_OUTBOX_RETRY: OutboxRetry = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  leaseMs: 120_000,
};

/**
 * Delivers case cards from the durable outbox. An item is claimed with a conditional write
 * (pending → posting, with a lease) before the call, so two workers or two instances never post the same
 * case; it becomes 'posted' with the thread in the same batch as the case. Failures the gateway could not
 * absorb wait (exponential backoff, full jitter) across polls; a final failure marks the case undelivered.
 * A process that dies while posting leaves a lease that expires, and the item is tried again.
 */
export class OutboxWorker {
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private handle: unknown;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly o: OutboxOptions) {
    this.now = o.now ?? (() => new Date());
    this.random = o.random ?? Math.random;
    this.timers = o.timers ?? systemClock;
    this.pollMs = o.pollMs ?? 30_000;
    this.leaseMs = o.leaseMs ?? DEFAULT_OUTBOX_RETRY.leaseMs;
    this.maxAttempts = o.maxAttempts ?? DEFAULT_OUTBOX_RETRY.maxAttempts;
    this.baseDelayMs = o.baseDelayMs ?? DEFAULT_OUTBOX_RETRY.baseDelayMs;
    this.maxDelayMs = o.maxDelayMs ?? DEFAULT_OUTBOX_RETRY.maxDelayMs;
  }

  /** Picks up whatever a previous process left, then polls. */
  start(): void {
    this.stopped = false;
    this.handle = this.timers.setInterval(() => void this.kick(), this.pollMs);
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
    await this.running;
  }

  /**
   * Runs a pass now (after a case is created); passes never overlap, and a kick during one queues another.
   * Never rejects: a failed pass is logged and left to the next poll.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && !this.stopped);
      } catch (err) {
        // The database is unreachable (or similar): the next poll tries again. Callers `void` this promise,
        // so a rejection here would be unhandled and end the process.
        this.o.log?.('outbox.passFailed', { error: err instanceof Error ? err.name : 'unknown' });
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** One pass over the due items. Exposed for tests that drive the clock. */
  async pass(): Promise<void> {
    const now = this.now().toISOString();
    const candidates = [
      ...(await this.o.store.list<OutboxItem>(COLLECTIONS.outbox, { where: { state: 'pending' } })),
      ...(await this.o.store.list<OutboxItem>(COLLECTIONS.outbox, { where: { state: 'posting' } })),
    ];
    for (const doc of candidates) {
      if (this.stopped) return;
      const item = doc.value;
      const due = item.state === 'pending' ? item.nextAttemptAt <= now : (item.leaseUntil ?? '') <= now;
      if (due) await this.deliver(doc);
    }
  }

  private async deliver(doc: StoredDocument<OutboxItem>): Promise<void> {
    const { store } = this.o;
    const now = this.now();
    const claimed: OutboxItem = {
      ...doc.value,
      state: 'posting',
      attempts: doc.value.attempts + 1,
      leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
    };
    const version = await store.update(COLLECTIONS.outbox, doc.id, claimed, doc.version);
    if (version === undefined) return; // another worker claimed it first
    const c = await this.o.cases.get(claimed.caseId);
    if (!c || c.delivery !== 'pending') {
      // Purged, or already settled by an earlier pass that died before closing the item.
      await store.update(COLLECTIONS.outbox, doc.id, { ...claimed, state: 'posted' }, version);
      return;
    }
    let thread: CaseThread;
    try {
      thread = await this.o.post(c);
    } catch (err) {
      await this.failed(doc.id, claimed, version, c, this.o.classify(err));
      return;
    }
    const posted = await this.o.cases.markPosted(c.caseId, thread);
    await store.update(
      COLLECTIONS.outbox,
      doc.id,
      { ...claimed, state: 'posted', leaseUntil: undefined },
      version,
    );
    this.o.log?.('case.posted', { caseId: c.caseId, attempts: claimed.attempts });
    if (posted.ok) await this.o.onPosted?.(posted.case);
  }

  private async failed(
    id: string,
    claimed: OutboxItem,
    version: number,
    c: CaseRecord,
    verdict: FailureVerdict,
  ): Promise<void> {
    const { store } = this.o;
    if (verdict.retry && claimed.attempts < this.maxAttempts) {
      const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (claimed.attempts - 1));
      const delay = Math.max(1000, Math.round(this.random() * ceiling));
      const next: OutboxItem = {
        ...claimed,
        state: 'pending',
        leaseUntil: undefined,
        lastFailure: verdict.reason,
        nextAttemptAt: new Date(this.now().getTime() + delay).toISOString(),
      };
      await store.update(COLLECTIONS.outbox, id, next, version);
      countDeliveryFailure('retry', verdict.reason);
      this.o.log?.('case.postRetry', {
        caseId: c.caseId,
        attempts: claimed.attempts,
        reason: verdict.reason,
        delayMs: delay,
      });
      return;
    }
    await store.update(
      COLLECTIONS.outbox,
      id,
      { ...claimed, state: 'failed', lastFailure: verdict.reason },
      version,
    );
    const marked = await this.o.cases.markUndelivered(c.caseId);
    countDeliveryFailure('final', verdict.reason);
    this.o.log?.('case.undelivered', {
      caseId: c.caseId,
      attempts: claimed.attempts,
      reason: verdict.reason,
    });
    if (marked.ok) await this.o.onUndelivered?.(marked.case, verdict.reason);
  }
}
