import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { BatchOperation, DocumentStore } from '../store';
import { cutToLength } from '../../shared/text';
import { counterId, formatCaseId } from './caseIds';
import {
  COLLECTIONS,
  type Actor,
  type AuditAction,
  type AuditEntry,
  type CaseRecord,
  type CaseThread,
  type ContactPreference,
  type OfficeId,
  type Outcome,
  type OutboxItem,
  type ReminderJob,
  type ReminderKind,
  type Urgency,
  REMINDER_KINDS,
  reminderJobId,
} from './types';

/** Longest summary, question, answer or note kept: enough to explain, too short to paste a thread into. */
export const MAX_CASE_TEXT = 1500;
const DAY_MS = 86_400_000;
/**
 * How long an idempotency key is kept unless told otherwise: a key naming an activity only needs to outlive
 * Teams' re-deliveries (minutes), so a day is generous. A key naming a draft is kept as long as the dialog
 * state holding the draft (see `keyDays`).
 */
const DEFAULT_KEY_DAYS = 1;
const MAX_WRITE_ATTEMPTS = 8;
/** Cases purged per read: bounded work per round of the retention timer. */
const PURGE_BATCH = 50;

export interface NewCase {
  readonly office: OfficeId;
  readonly manager: Actor;
  readonly managerLang: 'en' | 'fr';
  readonly summary: string;
  readonly urgency: Urgency;
  readonly contact: ContactPreference;
  readonly attachedRecord?: string;
  /**
   * What makes a confirmation the same one: the draft's id (a second "Send it" for it, after a crash, a double
   * click or from another device, finds the first case), or for older drafts the confirming activity.
   */
  readonly idempotencyKey: string;
}

export type Refusal =
  | { readonly ok: false; readonly reason: 'notFound' }
  | { readonly ok: false; readonly reason: 'closed'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'taken'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'notAssignee'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'alreadyAnswered'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'noteRequired'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'reopenExpired'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'notClosed'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'notDue'; readonly case: CaseRecord }
  | { readonly ok: false; readonly reason: 'notOwner' };

export type Changed = { readonly ok: true; readonly case: CaseRecord };
export type ChangeResult = Changed | Refusal;

type Mutation =
  | {
      readonly next: CaseRecord;
      readonly audit: readonly AuditAction[];
      readonly actor: string;
      readonly expiresAt?: string;
      readonly extra?: readonly BatchOperation[];
    }
  | Refusal;

/**
 * Case text at its field limit. The text itself was made safe where it entered the bot (src/shared/text.ts,
 * applied to messages, card inputs and the tab API), so this only trims and cuts.
 */
export function fitCaseText(text: string): string {
  return cutToLength(text.trim(), MAX_CASE_TEXT);
}

/** Keys are per manager: another person's request with the same key is another request. */
function keyIdOf(managerAadObjectId: string, idempotencyKey: string): string {
  return `${managerAadObjectId}:${idempotencyKey}`;
}

export function auditId(caseId: string, seq: number): string {
  return `${caseId}:${String(seq).padStart(4, '0')}`;
}

/**
 * The case lifecycle over the document store. Every change is one conditional write of the case plus
 * its audit lines in a single batch: two officers acting at once cannot both win, and the history can
 * never disagree with the case.
 */
export class CaseService {
  private readonly now: () => Date;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: {
      readonly retentionDays: number;
      readonly now?: () => Date;
      /** Days an idempotency key is kept: at least as long as whatever may repeat the request can. */
      readonly keyDays?: number;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Creates the case, its first audit line and its outbox item atomically with the next number of the
   * office's yearly counter, once per idempotency key. Managers confirming at the same moment queue on the
   * counter rather than racing for it, so none is turned away however busy the office is.
   */
  async create(input: NewCase): Promise<{ case: CaseRecord; created: boolean }> {
    const keyId = keyIdOf(input.manager.aadObjectId, input.idempotencyKey);
    const known = await this.fromKey(keyId);
    if (known) return { case: known, created: false };
    const now = this.now();
    const at = now.toISOString();
    const year = now.getUTCFullYear();
    const counter = { collection: COLLECTIONS.counters, id: counterId(input.office, year) };
    let record: CaseRecord | undefined;
    const result = await this.store.numberedBatch(counter, (number) => {
      const caseId = formatCaseId(input.office, year, number);
      record = {
        caseId,
        office: input.office,
        year,
        number,
        manager: input.manager,
        managerAadObjectId: input.manager.aadObjectId,
        managerLang: input.managerLang,
        summary: fitCaseText(input.summary),
        urgency: input.urgency,
        contact: input.contact,
        ...(input.attachedRecord ? { attachedRecord: fitCaseText(input.attachedRecord) } : {}),
        status: 'new',
        delivery: 'pending',
        questions: [],
        createdAt: at,
        updatedAt: at,
        auditSeq: 1,
      };
      const outbox: OutboxItem = { caseId, state: 'pending', attempts: 0, nextAttemptAt: at };
      return [
        {
          op: 'insert',
          collection: COLLECTIONS.keys,
          id: keyId,
          value: { caseId },
          options: {
            expiresAt: new Date(
              now.getTime() + (this.options.keyDays ?? DEFAULT_KEY_DAYS) * DAY_MS,
            ).toISOString(),
          },
        },
        { op: 'insert', collection: COLLECTIONS.cases, id: caseId, value: record },
        this.auditOp(caseId, 0, 'created', input.manager.aadObjectId, at),
        { op: 'insert', collection: COLLECTIONS.outbox, id: caseId, value: outbox },
      ];
    });
    if (result.ok) return { case: record!, created: true };
    if (result.failedIndex === 0) {
      // The same confirmation was handled by another delivery meanwhile (it held the counter first): its case.
      const existing = await this.fromKey(keyId);
      if (existing) return { case: existing, created: false };
    }
    // The number came from the counter under its lock, so a clash on the case itself means a damaged counter.
    throw new Error('Could not create the case: its number is already taken');
  }

  /** The case a manager's request with this idempotency key created, if it did. */
  forKey(managerAadObjectId: string, idempotencyKey: string): Promise<CaseRecord | undefined> {
    return this.fromKey(keyIdOf(managerAadObjectId, idempotencyKey));
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    return (await this.store.get<CaseRecord>(COLLECTIONS.cases, caseId))?.value;
  }

  /** The manager's cases, newest first (by the case's own clock, so ties within a millisecond stay ordered). */
  async listForManager(aadObjectId: string, limit = 20): Promise<CaseRecord[]> {
    const docs = await this.store.list<CaseRecord>(COLLECTIONS.cases, {
      where: { managerAadObjectId: aadObjectId },
      order: 'createdDesc',
      limit,
    });
    return docs
      .map((d) => d.value)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.caseId.localeCompare(a.caseId));
  }

  async auditTrail(caseId: string): Promise<AuditEntry[]> {
    const docs = await this.store.list<AuditEntry>(COLLECTIONS.audit, { where: { caseId } });
    return docs.map((d) => d.value).sort((a, b) => a.seq - b.seq);
  }

  /** The card reached the office channel. */
  markPosted(caseId: string, thread: CaseThread): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => ({
      next: { ...c, delivery: 'posted', thread, updatedAt: at },
      audit: ['posted'],
      actor: 'system',
    }));
  }

  /** The card could not be posted (bot removed from the team, or no channel): the manager must be told. */
  markUndelivered(caseId: string): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => ({
      next: { ...c, delivery: 'undelivered', updatedAt: at },
      audit: ['undelivered'],
      actor: 'system',
    }));
  }

  /**
   * Puts an undelivered case back in the outbox (its office's channel was registered again), so a case
   * refused with 403 still reaches the office once the bot is back. Returns false if it is not undelivered.
   */
  async requeue(caseId: string): Promise<boolean> {
    const result = await this.mutate(caseId, (c, at) =>
      c.delivery !== 'undelivered'
        ? { ok: false, reason: 'notFound' }
        : {
            next: { ...c, delivery: 'pending', updatedAt: at },
            audit: [],
            actor: 'system',
            extra: [
              {
                op: 'put',
                collection: COLLECTIONS.outbox,
                id: caseId,
                value: { caseId, state: 'pending', attempts: 0, nextAttemptAt: at } satisfies OutboxItem,
              },
            ],
          },
    );
    return result.ok;
  }

  /** Cases of an office that could not be delivered. */
  async undelivered(office: OfficeId): Promise<CaseRecord[]> {
    const docs = await this.store.list<CaseRecord>(COLLECTIONS.cases, {
      where: { office, delivery: 'undelivered' },
    });
    return docs.map((d) => d.value);
  }

  /**
   * Assigns the case to `officer`. `seenAssignee` is who the card showed when they clicked: if someone
   * else took the case since, the click is refused and the card shows who has it (first click wins).
   */
  assign(caseId: string, officer: Actor, seenAssignee: string | undefined): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => {
      if (c.status === 'closed') return { ok: false, reason: 'closed', case: c };
      const current = c.assignee?.aadObjectId;
      if (current === officer.aadObjectId) return { ok: false, reason: 'taken', case: c };
      if (current !== undefined && current !== seenAssignee) return { ok: false, reason: 'taken', case: c };
      return {
        next: {
          ...c,
          assignee: officer,
          status: c.status === 'waiting' ? 'waiting' : 'assigned',
          updatedAt: at,
        },
        audit: ['assigned'],
        actor: officer.aadObjectId,
      };
    });
  }

  requestInformation(caseId: string, officer: Actor, question: string): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => {
      if (c.status === 'closed') return { ok: false, reason: 'closed', case: c };
      if (c.assignee && c.assignee.aadObjectId !== officer.aadObjectId)
        return { ok: false, reason: 'notAssignee', case: c };
      return {
        next: {
          ...c,
          // Asking a question on an unassigned case takes it: someone must own the follow-up.
          assignee: c.assignee ?? officer,
          status: 'waiting',
          questions: [
            ...c.questions,
            {
              id: randomUUID().slice(0, 8),
              question: fitCaseText(question),
              askedBy: officer.aadObjectId,
              askedAt: at,
            },
          ],
          updatedAt: at,
        },
        audit: c.assignee ? ['informationRequested'] : ['assigned', 'informationRequested'],
        actor: officer.aadObjectId,
      };
    });
  }

  /** The manager's answer to one question; only the case's manager may answer, once. */
  answer(
    caseId: string,
    managerAadObjectId: string,
    questionId: string,
    answer: string,
  ): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => {
      if (c.managerAadObjectId !== managerAadObjectId) return { ok: false, reason: 'notOwner' };
      if (c.status === 'closed') return { ok: false, reason: 'closed', case: c };
      const question = c.questions.find((q) => q.id === questionId);
      if (!question) return { ok: false, reason: 'notFound' };
      if (question.answer !== undefined) return { ok: false, reason: 'alreadyAnswered', case: c };
      const questions = c.questions.map((q) =>
        q.id === questionId ? { ...q, answer: fitCaseText(answer), answeredAt: at } : q,
      );
      const stillWaiting = questions.some((q) => q.answer === undefined);
      return {
        next: { ...c, questions, status: stillWaiting ? 'waiting' : 'assigned', updatedAt: at },
        audit: ['answered'],
        actor: managerAadObjectId,
      };
    });
  }

  close(caseId: string, officer: Actor, outcome: Outcome, note: string): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => {
      if (c.status === 'closed') return { ok: false, reason: 'closed', case: c };
      if (c.assignee && c.assignee.aadObjectId !== officer.aadObjectId)
        return { ok: false, reason: 'notAssignee', case: c };
      const cleaned = fitCaseText(note);
      // An urgent or time-sensitive case is not closed without a word on what was done.
      if (c.urgency !== 'routine' && !cleaned) return { ok: false, reason: 'noteRequired', case: c };
      const purgeAt = new Date(Date.parse(at) + this.options.retentionDays * DAY_MS).toISOString();
      return {
        next: {
          ...c,
          assignee: c.assignee ?? officer,
          status: 'closed',
          outcome,
          ...(cleaned ? { closeNote: cleaned } : {}),
          closedAt: at,
          purgeAt,
          updatedAt: at,
        },
        audit: c.assignee ? ['closed'] : ['assigned', 'closed'],
        actor: officer.aadObjectId,
        expiresAt: purgeAt,
      };
    });
  }

  /**
   * The assignee hands the case back to the office: nobody has it, and it is new again (or still waiting for
   * the manager's answer to an open question).
   */
  release(caseId: string, officer: Actor): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => {
      if (c.status === 'closed') return { ok: false, reason: 'closed', case: c };
      if (c.assignee?.aadObjectId !== officer.aadObjectId)
        return { ok: false, reason: 'notAssignee', case: c };
      const { assignee: _released, ...rest } = c;
      return {
        next: { ...rest, status: c.status === 'waiting' ? 'waiting' : 'new', updatedAt: at },
        audit: ['unassigned'],
        actor: officer.aadObjectId,
      };
    });
  }

  /**
   * A closed case opened again by someone of the office within `withinDays` of its closing: it is theirs,
   * its outcome and note are cleared, and it is no longer due for deletion.
   */
  reopen(caseId: string, officer: Actor, withinDays: number): Promise<ChangeResult> {
    return this.mutate(caseId, (c, at) => {
      if (c.status !== 'closed' || !c.closedAt) return { ok: false, reason: 'notClosed', case: c };
      if (Date.parse(at) - Date.parse(c.closedAt) > withinDays * DAY_MS)
        return { ok: false, reason: 'reopenExpired', case: c };
      const { outcome: _o, closeNote: _n, closedAt: _c, purgeAt: _p, ...open } = c;
      return {
        next: { ...open, assignee: officer, status: 'assigned', updatedAt: at },
        audit: ['reopened'],
        actor: officer.aadObjectId,
      };
    });
  }

  /**
   * Records that a reminder is being posted for the case, once: the case lists the reminder and its audit
   * log says so, and the reminder's delivery job is written in the same batch, all under the case's version
   * check, so two workers (or two instances) deciding at once cannot both claim it. `stillDue` decides again
   * on the case as stored (someone may have taken it since it was read). The case's `updatedAt` is left
   * alone: a reminder is not activity on the case.
   */
  claimReminder(
    caseId: string,
    kind: ReminderKind,
    stillDue: (c: CaseRecord) => boolean,
    job: ReminderJob,
  ): Promise<ChangeResult> {
    return this.mutate(caseId, (c) => {
      if (c.reminded?.includes(kind) || !stillDue(c)) return { ok: false, reason: 'notDue', case: c };
      return {
        next: { ...c, reminded: [...(c.reminded ?? []), kind] },
        audit: ['reminded'],
        actor: 'system',
        extra: [
          { op: 'put', collection: COLLECTIONS.reminders, id: reminderJobId(caseId, kind), value: job },
        ],
      };
    });
  }

  /**
   * Deletes closed cases past their retention, with their audit lines and outbox item, leaving one
   * "purged" line (case id and time only) as the proof. Runs before the store's generic purge.
   */
  async purgeDue(): Promise<string[]> {
    const now = this.now().toISOString();
    const purged: string[] = [];
    // Due cases come by the retention index, a bounded batch at a time: the work is what is due, never
    // the whole collection. A batch that purges nothing (every case in it refused) ends the run.
    for (let done = false; !done;) {
      const due = await this.store.list<CaseRecord>(COLLECTIONS.cases, {
        expiredBy: now,
        limit: PURGE_BATCH,
      });
      const before = purged.length;
      await this.purgeCases(
        due
          .map((d) => d.value)
          .filter((c) => c.status === 'closed' && c.purgeAt !== undefined && c.purgeAt <= now),
        now,
        purged,
      );
      done = due.length < PURGE_BATCH || purged.length === before;
      // SQLite answers synchronously, so without this the whole purge would run in one go and every chat
      // turn would wait for it: between batches, the turns waiting go first.
      if (!done) await setImmediate();
    }
    return purged;
  }

  private async purgeCases(due: readonly CaseRecord[], now: string, purged: string[]): Promise<void> {
    for (const c of due) {
      const audits = await this.store.list<AuditEntry>(COLLECTIONS.audit, { where: { caseId: c.caseId } });
      const result = await this.store.batch([
        { op: 'delete', collection: COLLECTIONS.cases, id: c.caseId },
        { op: 'delete', collection: COLLECTIONS.outbox, id: c.caseId },
        ...REMINDER_KINDS.map((kind) => ({
          op: 'delete' as const,
          collection: COLLECTIONS.reminders,
          id: reminderJobId(c.caseId, kind),
        })),
        ...audits.map((a) => ({ op: 'delete' as const, collection: COLLECTIONS.audit, id: a.id })),
        {
          op: 'put',
          collection: COLLECTIONS.audit,
          id: `${c.caseId}:purged`,
          value: {
            caseId: c.caseId,
            seq: c.auditSeq,
            action: 'purged',
            actor: 'system',
            at: now,
          } satisfies AuditEntry,
        },
      ]);
      if (result.ok) purged.push(c.caseId);
    }
  }

  private async fromKey(keyId: string): Promise<CaseRecord | undefined> {
    const key = await this.store.get<{ caseId: string }>(COLLECTIONS.keys, keyId);
    return key ? this.get(key.value.caseId) : undefined;
  }

  private auditOp(
    caseId: string,
    seq: number,
    action: AuditAction,
    actor: string,
    at: string,
  ): BatchOperation {
    const entry: AuditEntry = { caseId, seq, action, actor, at };
    return { op: 'insert', collection: COLLECTIONS.audit, id: auditId(caseId, seq), value: entry };
  }

  private async mutate(
    caseId: string,
    change: (c: CaseRecord, at: string) => Mutation,
  ): Promise<ChangeResult> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const doc = await this.store.get<CaseRecord>(COLLECTIONS.cases, caseId);
      if (!doc) return { ok: false, reason: 'notFound' };
      const at = this.now().toISOString();
      const m = change(doc.value, at);
      if ('ok' in m) return m;
      const seq0 = doc.value.auditSeq;
      const next: CaseRecord = { ...m.next, auditSeq: seq0 + m.audit.length };
      // A closed case keeps its retention date through any later change (a late delivery receipt, say):
      // the purge finds due cases by it.
      const expiresAt = m.expiresAt ?? next.purgeAt;
      const ops: BatchOperation[] = [
        {
          op: 'update',
          collection: COLLECTIONS.cases,
          id: caseId,
          value: next,
          expectedVersion: doc.version,
          ...(expiresAt ? { options: { expiresAt } } : {}),
        },
        ...m.audit.map((action, i) => this.auditOp(caseId, seq0 + i, action, m.actor, at)),
        ...(m.extra ?? []),
      ];
      const result = await this.store.batch(ops);
      if (result.ok) return { ok: true, case: next };
      // Someone changed the case between our read and write: decide again on the fresh version.
    }
    throw new Error('Case changed too often to apply the update');
  }
}
