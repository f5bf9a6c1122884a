/**
 * The case model: what a manager sends to an office, and everything that happens to it. Plain TypeScript
 * (no Bot Framework types) so the lifecycle can be tested, and moved to another SDK, on its own. The codes
 * (offices, urgencies, statuses, outcomes, audit actions) are the tab API's too: defined in its contract.
 */
import type {
  AuditAction,
  CaseStatus,
  ContactPreference,
  OfficeId,
  Outcome,
  Urgency,
} from '../../shared/contract/tabs';

export {
  CASE_STATUSES,
  CONTACT_PREFERENCES,
  OFFICE_IDS,
  OUTCOMES,
  URGENCIES,
  type AuditAction,
  type CaseStatus,
  type ContactPreference,
  type OfficeId,
  type Outcome,
  type Urgency,
} from '../../shared/contract/tabs';

/** Whether the case card reached the office channel. */
export type Delivery = 'pending' | 'posted' | 'undelivered';

/** Someone acting on a case: the Entra object id is the identity; the Teams id (MRI) allows card refresh. */
export interface Actor {
  readonly aadObjectId: string;
  readonly name: string;
  readonly teamsId?: string;
  /**
   * The manager's Teams sign-in name (user principal name), kept only when they asked to be reached by Teams
   * chat: the assignee's card links to a chat with them. Deleted with the case; never logged.
   */
  readonly signInName?: string;
}

export interface CaseQuestion {
  readonly id: string;
  readonly question: string;
  readonly askedBy: string;
  readonly askedAt: string;
  readonly answer?: string;
  readonly answeredAt?: string;
}

export interface CaseThread {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly activityId: string;
}

export interface CaseRecord {
  readonly caseId: string;
  readonly office: OfficeId;
  readonly year: number;
  readonly number: number;
  readonly manager: Actor;
  /** Copy of manager.aadObjectId at the top level, so "my cases" is one indexed query. */
  readonly managerAadObjectId: string;
  readonly managerLang: 'en' | 'fr';
  readonly summary: string;
  readonly urgency: Urgency;
  readonly contact: ContactPreference;
  /** A copy of the "I saw a post" record the manager chose to attach (already reduced to what is shareable). */
  readonly attachedRecord?: string;
  readonly status: CaseStatus;
  readonly delivery: Delivery;
  readonly assignee?: Actor;
  readonly questions: readonly CaseQuestion[];
  readonly outcome?: Outcome;
  readonly closeNote?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt?: string;
  /** When a closed case is deleted (caseRetentionDays after closing). */
  readonly purgeAt?: string;
  readonly thread?: CaseThread;
  /** The reminders already posted in the case's thread: each is posted once (src/domain/cases/reminders.ts). */
  readonly reminded?: readonly ReminderKind[];
  /** Next audit sequence number: audit ids are `${caseId}:${seq}`, written with the case version check. */
  readonly auditSeq: number;
}

/** One line of a case's append-only history: who (Entra object id, or "system") and when; never case text. */
export interface AuditEntry {
  readonly caseId: string;
  readonly seq: number;
  readonly action: AuditAction;
  readonly actor: string;
  readonly at: string;
}

export type OutboxState = 'pending' | 'posting' | 'posted' | 'failed';

/** A durable "post this case card" job, written in the same transaction as the case. */
export interface OutboxItem {
  readonly caseId: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  /** While 'posting': the claim expires then, so a crashed worker's item is picked up again. */
  readonly leaseUntil?: string;
  readonly lastFailure?: string;
}

/**
 * The reminders a stalled case gets in its thread: nobody has taken it, or whoever has it has done nothing
 * with it for a while (src/domain/cases/reminders.ts).
 */
export const REMINDER_KINDS = ['unassigned', 'ageing'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder's delivery, like an outbox item: claimed ('posting', with a lease) in the same batch that records
 * the reminder on the case, then 'posted', or 'pending' a retry, 'failed' for good, or 'skipped' when the
 * case no longer needs it (taken or closed meanwhile). Settled jobs expire; the case keeps `reminded`.
 */
export interface ReminderJob {
  readonly caseId: string;
  readonly kind: ReminderKind;
  readonly state: 'pending' | 'posting' | 'posted' | 'failed' | 'skipped';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly leaseUntil?: string;
  readonly lastFailure?: string;
}

export function reminderJobId(caseId: string, kind: ReminderKind): string {
  return `${caseId}:${kind}`;
}

export const COLLECTIONS = {
  cases: 'cases',
  audit: 'caseAudit',
  counters: 'caseCounters',
  keys: 'caseKeys',
  outbox: 'caseOutbox',
  reminders: 'caseReminders',
} as const;
