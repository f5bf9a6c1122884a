import type { RecordPath } from '../../shared/contract/tabs';
import { createHash } from 'node:crypto';
import { cutToLength } from '../../shared/text';
import type { Lang } from '../../shared/i18n/lang';
import type { DocumentStore } from '../store';

/**
 * What a manager considered in the "I saw a post" walk-through, kept for them alone and deleted after the
 * retention period. Plain TypeScript: no Bot Framework types, so the model outlives the SDK. A record
 * describes the manager's reasoning; it never holds a decision about, or the name of, the employee.
 */

export const HOW_RAISED = [
  'media',
  'public',
  'colleague',
  'socialMedia',
  'professionalNetwork',
  'other',
] as const;
export type HowRaised = (typeof HOW_RAISED)[number];

/** The guidance's three examples of a clear violation, another clear violation, or not sure. */
export const VIOLATION_ANSWERS = [
  'financialGain',
  'bullying',
  'disclosure',
  'otherViolation',
  'notSure',
] as const;
export type ViolationAnswer = (typeof VIOLATION_ANSWERS)[number];

/** The guidance's suggested steps when one is not sure, in its order. */
export const SUGGESTED_STEPS = ['context', 'conversations', 'bias', 'wellBeing', 'intentions'] as const;
export type SuggestedStep = (typeof SUGGESTED_STEPS)[number];

/** The questions the guidance says to take to organizational experts. */
export const CONSULT_TOPICS = ['recurrence', 'takeDown', 'adminAction'] as const;
export type ConsultTopic = (typeof CONSULT_TOPICS)[number];

/** The parties the guidance names, by complexity and severity. */
export const OFFICES = [
  'valuesEthics',
  'ombud',
  'labourRelations',
  'humanResources',
  'conflictOfInterest',
  'other',
] as const;
export type Office = (typeof OFFICES)[number];

/** The longest private note kept; longer notes are cut, so a pasted post cannot fill the store. */
export const MAX_NOTE_CHARS = 1000;

export interface SawPostAnswers {
  howRaised?: HowRaised;
  violation?: ViolationAnswer;
  /** Suggested steps the manager went through, with their optional private notes. */
  steps?: Partial<Record<SuggestedStep, { note?: string }>>;
  consultTopics?: ConsultTopic[];
  /** Note on the "consult organizational experts" step. */
  consultNote?: string;
  offices?: Office[];
  /** Note on the last step (communicating the decision, continued support) or on the protocols step. */
  closingNote?: string;
}

export interface SawPostRecord {
  readonly id: string;
  readonly kind: 'sawPost';
  /** The Teams user the record belongs to (AAD object id when Teams gives one). */
  readonly owner: string;
  readonly lang: Lang;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** Which branch of the guidance applied. */
  readonly path: RecordPath;
  readonly answers: SawPostAnswers;
  /** Version of the guidance content the walk-through quoted. */
  readonly contentVersion: string;
}

export const RECORDS_COLLECTION = 'records';
/**
 * Deleted records leave a tombstone (owner, when, and the activity that deleted it; no content), kept until the
 * record would have expired, so that a repeated "delete" says "already deleted" rather than "no such record".
 */
export const RECORD_DELETIONS_COLLECTION = 'recordDeletions';

/**
 * What of a record (or of a walk-through still under way) an office may see when the manager attaches it to a
 * request: the manager's own choices, never their private notes.
 */
export interface ShareableRecord {
  readonly createdAt: string;
  readonly howRaised?: HowRaised;
  readonly violation?: ViolationAnswer;
  readonly consultTopics: readonly ConsultTopic[];
  /** Set for a walk-through not finished yet: the step the manager was at. */
  readonly inProgress?: { readonly step: number; readonly total: number };
}

export function shareableRecord(record: SawPostRecord): ShareableRecord {
  return shareableDraft(record.answers, new Date(record.createdAt));
}

export function shareableDraft(
  answers: SawPostAnswers,
  at: Date,
  inProgress?: { step: number; total: number },
): ShareableRecord {
  return {
    createdAt: at.toISOString(),
    ...(answers.howRaised ? { howRaised: answers.howRaised } : {}),
    ...(answers.violation ? { violation: answers.violation } : {}),
    consultTopics: CONSULT_TOPICS.filter((c) => answers.consultTopics?.includes(c)),
    ...(inProgress ? { inProgress: { step: inProgress.step, total: inProgress.total } } : {}),
  };
}

export interface NewSawPostRecord {
  readonly owner: string;
  /**
   * Identifies the request that creates the record (e.g. conversation + activity id): Teams re-sends an
   * activity it thinks timed out, and the same key must not create a second record.
   */
  readonly idempotencyKey: string;
  readonly lang: Lang;
  readonly answers: SawPostAnswers;
  readonly contentVersion: string;
}

export interface RecordServiceOptions {
  readonly retentionDays: number;
  readonly now?: () => Date;
}

/**
 * A note at its field limit (MAX_NOTE_CHARS), trimmed; empty notes become undefined. The text itself was
 * made safe where it entered the bot (src/shared/text.ts), so this only trims and cuts.
 */
export function fitNote(note: unknown): string | undefined {
  if (typeof note !== 'string') return undefined;
  return cutToLength(note.trim(), MAX_NOTE_CHARS) || undefined;
}

export function recordIdFor(owner: string, idempotencyKey: string): string {
  return 'rec-' + createHash('sha256').update(`${owner}\n${idempotencyKey}`).digest('hex').slice(0, 20);
}

export class RecordService {
  private readonly now: () => Date;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RecordServiceOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Creates the record once per idempotency key; a repeat returns the first record unchanged. */
  async create(
    input: NewSawPostRecord,
  ): Promise<{ record: SawPostRecord; created: boolean; deleted?: boolean }> {
    const id = recordIdFor(input.owner, input.idempotencyKey);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.options.retentionDays * 86_400_000).toISOString();
    const record: SawPostRecord = {
      id,
      kind: 'sawPost',
      owner: input.owner,
      lang: input.lang,
      createdAt: now.toISOString(),
      expiresAt,
      path: input.answers.violation && input.answers.violation !== 'notSure' ? 'clearViolation' : 'notSure',
      answers: sanitiseAnswers(input.answers),
      contentVersion: input.contentVersion,
    };
    // A walk-through whose record the manager deleted is not recorded again by a late repeat of its last step.
    if (await this.store.get(RECORD_DELETIONS_COLLECTION, id))
      return { record, created: false, deleted: true };
    if (await this.store.insert(RECORDS_COLLECTION, id, record, { expiresAt }))
      return { record, created: true };
    const existing = await this.store.get<SawPostRecord>(RECORDS_COLLECTION, id);
    if (!existing) throw new Error('Record insert refused but no record found');
    return { record: existing.value, created: false };
  }

  /**
   * The owner's records, newest first by the record's own time (not the store's insertion clock, which
   * can tie within a millisecond); expired ones not yet purged are left out. A manager has few records
   * within the retention period, so all of theirs are read.
   */
  async listFor(owner: string, limit = 5): Promise<SawPostRecord[]> {
    const docs = await this.store.list<SawPostRecord>(RECORDS_COLLECTION, {
      where: { owner, kind: 'sawPost' },
    });
    const now = this.now().toISOString();
    return docs
      .map((d) => d.value)
      .filter((r) => r.expiresAt > now)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  /**
   * Deletes the owner's record. Idempotent: a repeat (Teams re-sending the activity, a second click) finds the
   * tombstone and answers 'alreadyDeleted' — or 'deleted' again for the same activity, so that a re-delivered
   * confirmation gets the same reply. Someone else's record, or one never made, is 'notFound'.
   */
  async delete(
    owner: string,
    id: string,
    activityId: string,
  ): Promise<'deleted' | 'alreadyDeleted' | 'notFound'> {
    const tombstone = await this.store.get<{ owner: string; activityId: string }>(
      RECORD_DELETIONS_COLLECTION,
      id,
    );
    if (tombstone && tombstone.value.owner === owner)
      return tombstone.value.activityId === activityId ? 'deleted' : 'alreadyDeleted';
    const record = await this.get(owner, id);
    if (!record) return 'notFound';
    // One transaction: the tombstone and the deletion happen together or not at all. Two confirmations at
    // once: the second insert fails and that one reports what the first did.
    const result = await this.store.batch([
      {
        op: 'insert',
        collection: RECORD_DELETIONS_COLLECTION,
        id,
        value: { owner, activityId, deletedAt: this.now().toISOString() },
        options: { expiresAt: record.expiresAt },
      },
      { op: 'delete', collection: RECORDS_COLLECTION, id },
    ]);
    if (result.ok) return 'deleted';
    const winner = await this.store.get<{ activityId: string }>(RECORD_DELETIONS_COLLECTION, id);
    return winner?.value.activityId === activityId ? 'deleted' : 'alreadyDeleted';
  }

  /** One record, only for its owner (an id from someone else's card shows nothing). */
  async get(owner: string, id: string): Promise<SawPostRecord | undefined> {
    const doc = await this.store.get<SawPostRecord>(RECORDS_COLLECTION, id);
    if (!doc || doc.value.owner !== owner || doc.value.expiresAt <= this.now().toISOString())
      return undefined;
    return doc.value;
  }
}

/** Keeps only known values, in the guidance's order, so nothing but the model's fields (and cleaned notes) reaches the store. */
function sanitiseAnswers(a: SawPostAnswers): SawPostAnswers {
  const steps: Partial<Record<SuggestedStep, { note?: string }>> = {};
  for (const step of SUGGESTED_STEPS) {
    const entry = a.steps?.[step];
    if (!entry) continue;
    const note = fitNote(entry.note);
    steps[step] = note ? { note } : {};
  }
  const closingNote = fitNote(a.closingNote);
  const consultNote = fitNote(a.consultNote);
  return {
    ...(a.howRaised && HOW_RAISED.includes(a.howRaised) ? { howRaised: a.howRaised } : {}),
    ...(a.violation && VIOLATION_ANSWERS.includes(a.violation) ? { violation: a.violation } : {}),
    steps,
    consultTopics: CONSULT_TOPICS.filter((c) => a.consultTopics?.includes(c)),
    ...(consultNote ? { consultNote } : {}),
    offices: OFFICES.filter((o) => a.offices?.includes(o)),
    ...(closingNote ? { closingNote } : {}),
  };
}
