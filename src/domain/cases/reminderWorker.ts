import { setImmediate } from 'node:timers/promises';
import { systemClock, type Timers } from '../../shared/clock';
import type { DocumentStore, PageCursor, StoredDocument } from '../store';
import type { CaseService } from './caseService';
import { keepLease } from './lease';
import { DEFAULT_OUTBOX_RETRY, type FailureVerdict, type OutboxRetry } from './outbox';
import {
  dueReminder,
  stillApplies,
  thresholdHours,
  type DueReminder,
  type ReminderPolicy,
} from './reminders';
import {
  COLLECTIONS,
  OFFICE_IDS,
  reminderJobId,
  type CaseRecord,
  type CaseStatus,
  type ReminderJob,
} from './types';

export interface ReminderWorkerOptions {
  readonly store: DocumentStore;
  readonly cases: CaseService;
  readonly policy: ReminderPolicy;
  /** Posts the reminder as a reply in the case's thread; throws when it could not. */
  remind(c: CaseRecord, reminder: DueReminder): Promise<void>;
  classify(err: unknown): FailureVerdict;
  /** Structured events for the log: case ids and codes only. */
  log?(event: string, fields: Readonly<Record<string, string | number>>): void;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly timers?: Timers;
  /** No other process shares the store (SQLite): a claim found at start is a dead process's, retried at once. */
  readonly soleWorker?: boolean;
  readonly pollMs?: number;
  /** Attempts, back-off and lease: the outbox's, since a reminder is the same kind of post. */
  readonly retry?: Partial<OutboxRetry>;
}

/** The statuses of a case still open, each read through the (office, status) index. */
const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'assigned', 'waiting'];
/** Cases read per query: a bounded slice of work between which chat turns go first. */
const PAGE_SIZE = 200;
/** A settled job is kept a while for whoever looks into a delivery, then purged; the case keeps `reminded`. */
const SETTLED_JOB_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Posts the reminders stalled cases are due. Each pass reads the open cases of each office by the
 * (office, status) index, a page at a time (never the whole collection: closed cases, the bulk of it, are
 * not read), and for each case past a threshold claims the reminder on the case itself (CaseService
 * .claimReminder: one conditional write, so two workers or two instances never both post it) before posting
 * it. The post is an outbox-like job: leased while it runs, retried with back-off when Teams fails, given up
 * after the outbox's number of attempts, and taken over when a process died holding it. A reminder is
 * therefore posted once per case and threshold across passes, restarts and instances.
 */
export class ReminderWorker {
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly retry: OutboxRetry;
  private handle: unknown;
  private running: Promise<void> | undefined;
  private stopped = false;
  private takeOverClaims = false;

  constructor(private readonly o: ReminderWorkerOptions) {
    this.now = o.now ?? (() => new Date());
    this.random = o.random ?? Math.random;
    this.timers = o.timers ?? systemClock;
    this.retry = { ...DEFAULT_OUTBOX_RETRY, ...o.retry };
  }

  start(): void {
    this.stopped = false;
    this.takeOverClaims = this.o.soleWorker === true;
    this.handle = this.timers.setInterval(() => void this.kick(), this.o.pollMs ?? 300_000);
    void this.kick();
  }

  /** Stops polling and waits for a pass under way (it stops between cases), so the store can close after. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
    await this.running;
  }

  /** Runs a pass unless one is running (a poll landing during a long pass is simply skipped). Never rejects. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pass()
      .catch((err: unknown) => {
        // The database did not answer (or similar): the next poll tries again.
        this.o.log?.('reminder.passFailed', { error: err instanceof Error ? err.name : 'unknown' });
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** One pass: jobs left unfinished first, then every open case against the thresholds. Exposed for tests. */
  async pass(): Promise<void> {
    const now = this.now();
    const takeOver = this.takeOverClaims;
    this.takeOverClaims = false;
    await this.resumeJobs(now, takeOver);
    let checked = 0;
    let claimed = 0;
    for (const office of OFFICE_IDS)
      for (const status of OPEN_STATUSES) {
        let after: PageCursor | undefined;
        do {
          if (this.stopped) return;
          const page = await this.o.store.list<CaseRecord>(COLLECTIONS.cases, {
            where: { office, status },
            order: 'createdAsc',
            limit: PAGE_SIZE,
            ...(after ? { after } : {}),
          });
          for (const doc of page) {
            if (this.stopped) return;
            checked++;
            const due = dueReminder(doc.value, now, this.o.policy);
            if (due && (await this.claimAndPost(doc.value, due, now))) claimed++;
          }
          const last = page.at(-1);
          after = page.length === PAGE_SIZE && last ? { createdAt: last.createdAt, id: last.id } : undefined;
          // SQLite answers synchronously: between pages, the chat turns waiting go first.
          if (after) await setImmediate();
        } while (after);
      }
    this.o.log?.('reminder.pass', { checked, claimed });
  }

  /** True when this worker claimed the reminder (and tried to post it). */
  private async claimAndPost(c: CaseRecord, due: DueReminder, now: Date): Promise<boolean> {
    const job: ReminderJob = {
      caseId: c.caseId,
      kind: due.kind,
      state: 'posting',
      attempts: 1,
      nextAttemptAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + this.retry.leaseMs).toISOString(),
    };
    const claimed = await this.o.cases.claimReminder(
      c.caseId,
      due.kind,
      (fresh) => dueReminder(fresh, now, this.o.policy)?.kind === due.kind,
      job,
    );
    if (!claimed.ok) return false;
    const doc = await this.o.store.get<ReminderJob>(COLLECTIONS.reminders, reminderJobId(c.caseId, due.kind));
    if (doc) await this.deliver(doc, claimed.case);
    return true;
  }

  /** Jobs a failure put off (once their back-off ends) and claims whose lease lapsed (a dead process's). */
  private async resumeJobs(now: Date, takeOver: boolean): Promise<void> {
    const at = now.toISOString();
    const left = [
      ...(await this.o.store.list<ReminderJob>(COLLECTIONS.reminders, { where: { state: 'pending' } })),
      ...(await this.o.store.list<ReminderJob>(COLLECTIONS.reminders, { where: { state: 'posting' } })),
    ];
    for (const doc of left) {
      if (this.stopped) return;
      const job = doc.value;
      const dueAt = job.state === 'pending' ? job.nextAttemptAt : takeOver ? '' : (job.leaseUntil ?? '');
      if (dueAt > at) continue;
      const claimed: ReminderJob = {
        ...job,
        state: 'posting',
        attempts: job.attempts + 1,
        leaseUntil: new Date(now.getTime() + this.retry.leaseMs).toISOString(),
      };
      const version = await this.o.store.update(COLLECTIONS.reminders, doc.id, claimed, doc.version);
      if (version === undefined) continue; // another worker took it first
      const c = await this.o.cases.get(job.caseId);
      if (!c || !stillApplies(c, job.kind)) {
        // Taken, closed or purged meanwhile: the reminder would be wrong now.
        await this.settle(doc.id, { ...claimed, state: 'skipped' }, version);
        continue;
      }
      await this.deliver({ ...doc, value: claimed, version }, c);
    }
  }

  private async deliver(doc: StoredDocument<ReminderJob>, c: CaseRecord): Promise<void> {
    const job = doc.value;
    const lease = keepLease(
      { store: this.o.store, timers: this.timers, now: this.now, leaseMs: this.retry.leaseMs },
      COLLECTIONS.reminders,
      doc.id,
      job,
      doc.version,
    );
    try {
      try {
        await this.o.remind(c, { kind: job.kind, hours: thresholdHours(c, job.kind, this.o.policy) });
      } catch (err) {
        await this.failed(doc.id, job, await lease.release(), this.o.classify(err));
        return;
      }
      await this.settle(doc.id, { ...job, state: 'posted' }, await lease.release());
      this.o.log?.('case.reminded', { caseId: c.caseId, kind: job.kind, attempts: job.attempts });
    } finally {
      await lease.release();
    }
  }

  private async failed(id: string, job: ReminderJob, version: number, verdict: FailureVerdict) {
    if (verdict.retry && job.attempts < this.retry.maxAttempts) {
      const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (job.attempts - 1));
      const delay = Math.max(1000, Math.round(this.random() * ceiling));
      const { leaseUntil: _lease, ...rest } = job;
      await this.o.store.update(
        COLLECTIONS.reminders,
        id,
        {
          ...rest,
          state: 'pending',
          lastFailure: verdict.reason,
          nextAttemptAt: new Date(this.now().getTime() + delay).toISOString(),
        } satisfies ReminderJob,
        version,
      );
      this.o.log?.('case.reminderRetry', {
        caseId: job.caseId,
        kind: job.kind,
        attempts: job.attempts,
        reason: verdict.reason,
      });
      return;
    }
    await this.settle(id, { ...job, state: 'failed', lastFailure: verdict.reason }, version);
    this.o.log?.('case.reminderFailed', {
      caseId: job.caseId,
      kind: job.kind,
      attempts: job.attempts,
      reason: verdict.reason,
    });
  }

  private async settle(id: string, job: ReminderJob, version: number): Promise<void> {
    const { leaseUntil: _lease, ...settled } = job;
    await this.o.store.update(COLLECTIONS.reminders, id, settled, version, {
      expiresAt: new Date(this.now().getTime() + SETTLED_JOB_DAYS * DAY_MS).toISOString(),
    });
  }
}
