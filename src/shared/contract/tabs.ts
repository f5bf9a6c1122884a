/**
 * The contract between the bot's tab API (/api/tabs/*) and the tab pages: the codes a case can carry and the
 * JSON each route answers. One module, compiled into both the server and the pages' bundle (tabs/), so the
 * two cannot drift apart. Plain types and constants only: nothing here may need Node or the DOM.
 */

/**
 * The case board tab's entity id, set when the tab is added to a channel; deep links to the board name it
 * (with the case's id as the sub-entity the page opens).
 */
export const BOARD_TAB_ENTITY_ID = 'case-board';

export const OFFICE_IDS = ['valuesEthics', 'ombud'] as const;

/** A case id exactly as the bot writes it: VE-2026-0042, OMB-2026-0007 (office, year, per-year number). */
export const CASE_ID_PATTERN = /^(VE|OMB)-(\d{4})-(\d{4,})$/;
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

export const AUDIT_ACTIONS = [
  'created',
  'posted',
  'undelivered',
  'assigned',
  'informationRequested',
  'answered',
  'closed',
  'unassigned',
  'reopened',
  'reminded',
  'purged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Which way an "I saw a post" walk-through ended. */
export type RecordPath = 'clearViolation' | 'notSure';

export interface Person {
  readonly name: string;
  readonly isYou: boolean;
}

/**
 * What the viewer may do to a case now, as the case card offers it (the server checks again on every
 * action): take a case nobody has, take over one someone else has, hand back their own, ask the manager or
 * close an open one that is theirs or nobody's, and reopen a closed one within the office's reopen window.
 */
export interface CaseAbilities {
  readonly assign: boolean;
  readonly takeOver: boolean;
  readonly release: boolean;
  readonly reopen: boolean;
  readonly requestInfo: boolean;
  readonly close: boolean;
}

/** A case as a line of the office's board (GET /api/tabs/board). */
export interface BoardCase {
  readonly caseId: string;
  readonly office: OfficeId;
  readonly status: CaseStatus;
  readonly urgency: Urgency;
  readonly createdAt: string;
  readonly ageDays: number;
  readonly assignee?: Person;
  /** Absent for an Ombud case the viewer has not taken. */
  readonly manager?: Person;
  readonly confidential: boolean;
  readonly openQuestions: number;
  readonly can: CaseAbilities;
  /**
   * Past its reminder threshold (the same business hours as the reminders in the channel): nobody has taken
   * it ('unassigned') or nothing has changed since it was taken ('ageing'). Absent when on time or closed.
   */
  readonly overdue?: 'unassigned' | 'ageing';
}

/** One line of a case's history: what was done, when, and by whom as far as the viewer may know. */
export interface HistoryLine {
  readonly action: AuditAction;
  readonly at: string;
  readonly by: 'you' | 'system' | 'manager' | 'office';
  /**
   * The person's name when the case still names them (its manager, to those who may see who asked; its
   * current assignee). The audit log keeps ids only, so an officer who has since handed the case back is
   * "the office".
   */
  readonly name?: string;
}

/** One case opened on the board (GET /api/tabs/board/cases/:caseId and every action's answer). */
export interface BoardCaseDetail extends BoardCase {
  readonly summary?: string;
  readonly attachedRecord?: string;
  readonly contact?: ContactPreference;
  readonly questions: readonly {
    readonly question: string;
    readonly askedAt: string;
    readonly answer?: string;
    readonly answeredAt?: string;
  }[];
  readonly outcome?: Outcome;
  readonly closeNote?: string;
  readonly closedAt?: string;
  readonly history: readonly HistoryLine[];
  /** Until when a closed case can still be reopened; absent when open or past the window. */
  readonly reopenUntil?: string;
}

export interface Board {
  readonly office: OfficeId;
  readonly counts: Readonly<Record<CaseStatus, number>>;
  readonly total: number;
  /** One page of the cases shown, in the order asked for. */
  readonly cases: readonly BoardCase[];
  /** Present when more cases match: pass it back as `cursor` to get the next page. */
  readonly nextCursor?: string;
  /** Present for a search (`q`): how many cases this page looked at, a bounded number (see caseSearch.ts). */
  readonly search?: { readonly scanned: number };
}

/** A manager's own case (GET /api/tabs/mine). */
export interface MyCase {
  readonly caseId: string;
  readonly office: OfficeId;
  readonly status: CaseStatus;
  readonly urgency: Urgency;
  readonly createdAt: string;
  readonly summary: string;
  readonly assigneeName?: string;
  readonly openQuestions: readonly string[];
  readonly outcome?: Outcome;
}

/** A manager's own "I saw a post" record (GET /api/tabs/mine). */
export interface MyRecord {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly path: RecordPath;
  readonly howRaised?: string;
  readonly violation?: string;
  readonly offices: readonly string[];
  readonly stepsConsidered: number;
}
