/**
 * The case model: what a manager sends to an office, and everything that happens to it. Plain TypeScript
 * (no Bot Framework types) so the lifecycle can be tested, and moved to another SDK, on its own.
 */

export const OFFICE_IDS = ['valuesEthics', 'ombud'] as const;
export type OfficeId = (typeof OFFICE_IDS)[number];

export const URGENCIES = ['routine', 'timeSensitive', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** How the manager wants to be reached; the number or address itself is looked up by the office. */
export const CONTACT_PREFERENCES = ['teamsChat', 'phone', 'email'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

export const CASE_STATUSES = ['new', 'assigned', 'waiting', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OUTCOMES = ['adviceGiven', 'referredHr', 'referredLabourRelations', 'noFurtherAction'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Whether the case card reached the office channel. */
export type Delivery = 'pending' | 'posted' | 'undelivered';

/** Someone acting on a case: the Entra object id is the identity; the Teams id (MRI) allows card refresh. */
export interface Actor {
  readonly aadObjectId: string;
  readonly name: string;
  readonly teamsId?: string;
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
  /** Next audit sequence number: audit ids are `${caseId}:${seq}`, written with the case version check. */
  readonly auditSeq: number;
}

export const AUDIT_ACTIONS = [
  'created',
  'posted',
  'undelivered',
  'assigned',
  'informationRequested',
  'answered',
  'closed',
  'purged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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

export const COLLECTIONS = {
  cases: 'cases',
  audit: 'caseAudit',
  counters: 'caseCounters',
  keys: 'caseKeys',
  outbox: 'caseOutbox',
} as const;
