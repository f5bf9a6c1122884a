import { systemClock, type Timers } from '../../shared/clock';
import type { DocumentStore, StoredDocument } from '../store';
import type { CaseService } from './caseService';
import { keepLease } from './lease';
import { COLLECTIONS, type CaseRecord, type CaseThread, type OutboxItem } from './types';

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
  /** A post failed and will be tried again (`retry`) or was given up (`final`): for the metrics. */
  onFailure?(outcome: 'retry' | 'final', reason: string): void;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly timers?: Timers;
  /**
   * No other process shares the store (SQLite is for one instance): a claim found at start is a dead
   * process's, and is taken over at once instead of when its lease lapses.
   */
  readonly soleWorker?: boolean;
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
 * length is rare, and the manager is told when it gives up. A claim lasts 15 seconds and is renewed every
 * 5 while the post runs, so a long gateway call (with its own retries) keeps it, and a post that was in
 * flight when its process died is tried again within 15 seconds rather than minutes.
 */
export const DEFAULT_OUTBOX_RETRY: OutboxRetry = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  leaseMs: 15_000,
};

/**
 * Delivers case cards from the durable outbox. An item is claimed with a conditional write
 * (pending → posting, with a lease) before the call, so two workers or two instances never post the same
 * case; it becomes 'posted' with the thread in the same batch as the case. Failures the gateway could not
 * absorb wait (exponential backoff, full jitter) across polls; a final failure marks the case undelivered.
 * The lease is renewed while the post runs; a process that dies while posting stops renewing, its lease
 * expires within `leaseMs`, and the item is tried again: each pass wakes the worker when the next item falls
 * due (a lapsing lease, a back-off ending) if that comes before the next poll. A sole worker (SQLite) takes
 * over its dead predecessor's claims as soon as it starts.
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
  /** The one-off wake-up for the next item due before the next poll. */
  private wake: unknown;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** Set by start() for a sole worker: the next pass takes over claims left by a dead process. */
  private takeOverClaims = false;

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
    this.takeOverClaims = this.o.soleWorker === true;
    this.handle = this.timers.setInterval(() => void this.kick(), this.pollMs);
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
    if (this.wake !== undefined) this.timers.clearTimeout(this.wake);
    this.wake = undefined;
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
    let nextDue: string | undefined;
    const takeOver = this.takeOverClaims;
    this.takeOverClaims = false;
    for (const doc of candidates) {
      if (this.stopped) return;
      const item = doc.value;
      const dueAt = item.state === 'pending' ? item.nextAttemptAt : takeOver ? '' : (item.leaseUntil ?? '');
      if (dueAt <= now) await this.deliver(doc);
      else if (nextDue === undefined || dueAt < nextDue) nextDue = dueAt;
    }
    if (nextDue !== undefined) this.wakeAt(Date.parse(nextDue));
  }

  /** Runs a pass at `atMs` if the worker is polling and that is sooner than the next poll. */
  private wakeAt(atMs: number): void {
    if (this.stopped || this.handle === undefined || !Number.isFinite(atMs)) return;
    const delay = atMs - this.now().getTime();
    if (delay >= this.pollMs) return;
    if (this.wake !== undefined) this.timers.clearTimeout(this.wake);
    this.wake = this.timers.setTimeout(
      () => {
        this.wake = undefined;
        void this.kick();
      },
      Math.max(0, delay) + 1,
    );
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
    const lease = keepLease(
      { store, timers: this.timers, now: this.now, leaseMs: this.leaseMs },
      COLLECTIONS.outbox,
      doc.id,
      claimed,
      version,
    );
    try {
      const c = await this.o.cases.get(claimed.caseId);
      if (!c || c.delivery !== 'pending') {
        // Purged, or already settled by an earlier pass that died before closing the item.
        await store.update(
          COLLECTIONS.outbox,
          doc.id,
          { ...claimed, state: 'posted' },
          await lease.release(),
        );
        return;
      }
      let thread: CaseThread;
      try {
        thread = await this.o.post(c);
      } catch (err) {
        await this.failed(doc.id, claimed, await lease.release(), c, this.o.classify(err));
        return;
      }
      const posted = await this.o.cases.markPosted(c.caseId, thread);
      await store.update(
        COLLECTIONS.outbox,
        doc.id,
        { ...claimed, state: 'posted', leaseUntil: undefined },
        await lease.release(),
      );
      this.o.log?.('case.posted', { caseId: c.caseId, attempts: claimed.attempts });
      if (posted.ok) await this.o.onPosted?.(posted.case);
    } finally {
      await lease.release();
    }
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
      this.o.onFailure?.('retry', verdict.reason);
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
    this.o.onFailure?.('final', verdict.reason);
    this.o.log?.('case.undelivered', {
      caseId: c.caseId,
      attempts: claimed.attempts,
      reason: verdict.reason,
    });
    if (marked.ok) await this.o.onUndelivered?.(marked.case, verdict.reason);
  }
}
