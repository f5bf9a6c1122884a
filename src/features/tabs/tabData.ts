import type { AuditEntry, CaseRecord, CaseStatus, OfficeId, Urgency } from '../../domain/cases/types';
import type {
  Board,
  BoardCase,
  BoardCaseDetail,
  CaseAbilities,
  HistoryLine,
  MyCase,
  MyRecord,
  Person,
} from '../../shared/contract/tabs';
import { CASE_STATUSES, URGENCIES } from '../../domain/cases/types';
import { canSeeDetails as casesCanSeeDetails } from '../../domain/cases/confidentiality';
import type { SawPostRecord } from '../../domain/records/sawPostRecord';
import type { BoardPage } from '../../domain/cases/caseBoard';
import { MAX_SEARCH_LENGTH, type SearchPage } from '../../domain/cases/caseSearch';
import type { PageCursor } from '../../domain/store';
import { overdue, type ReminderPolicy } from '../../domain/cases/reminders';

/**
 * What the tabs show, shaped on the server: codes (statuses, urgencies, outcomes) that the page labels in
 * the user's language, and nothing a viewer should not see. Ombud cases stay confidential until someone
 * takes them, and then only the assignee reads who asked and what.
 */

const DAY_MS = 86_400_000;

export interface BoardQuery {
  readonly status?: CaseStatus;
  readonly urgency?: Urgency;
  readonly sort: 'oldest' | 'newest';
  /** The page after this one ("Show more"): the cursor the previous page returned. */
  readonly after?: PageCursor;
  /** A search: a case id, words of the summary or the manager's name (see domain/cases/caseSearch.ts). */
  readonly text?: string;
}

/** Who is looking, and when: what they may see and do depends on both. */
export interface BoardView {
  readonly viewer: string;
  readonly now: Date;
  /** How many days after closing the office may reopen a case (CASE_REOPEN_DAYS). */
  readonly reopenDays: number;
  /** The reminder thresholds: a case past one is shown as overdue. */
  readonly reminders: ReminderPolicy;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A page cursor as the page carries it: opaque to the page, URL-safe, and checked when it comes back. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): PageCursor | undefined {
  if (text.length > 400) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [createdAt, id] = value as unknown[];
    if (typeof createdAt !== 'string' || !CURSOR_TIME.test(createdAt)) return undefined;
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}

export function parseBoardQuery(query: Readonly<Record<string, unknown>>): BoardQuery | undefined {
  const status = query.status === undefined || query.status === '' ? undefined : query.status;
  const urgency = query.urgency === undefined || query.urgency === '' ? undefined : query.urgency;
  const sort = query.sort === undefined || query.sort === '' ? 'oldest' : query.sort;
  if (status !== undefined && !CASE_STATUSES.includes(status as CaseStatus)) return undefined;
  if (urgency !== undefined && !URGENCIES.includes(urgency as Urgency)) return undefined;
  if (sort !== 'oldest' && sort !== 'newest') return undefined;
  const text = query.q === undefined ? '' : query.q;
  if (typeof text !== 'string' || text.length > MAX_SEARCH_LENGTH) return undefined;
  let after: PageCursor | undefined;
  if (query.cursor !== undefined && query.cursor !== '') {
    after = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
    if (!after) return undefined;
  }
  return {
    ...(status ? { status: status as CaseStatus } : {}),
    ...(urgency ? { urgency: urgency as Urgency } : {}),
    sort,
    ...(after ? { after } : {}),
    ...(text.trim() ? { text: text.trim() } : {}),
  };
}

/** The card's rule (src/domain/cases/confidentiality.ts): Values and Ethics officers see details, Ombud only the assignee. */
export function canSeeDetails(c: CaseRecord, viewer: string): boolean {
  return casesCanSeeDetails(c, { kind: 'officer', aadObjectId: viewer });
}

function person(
  actor: { aadObjectId: string; name: string } | undefined,
  viewer: string,
): Person | undefined {
  return actor ? { name: actor.name, isYou: actor.aadObjectId === viewer } : undefined;
}

/** Until when a closed case may be reopened, if that moment is still ahead. */
function reopenUntil(c: CaseRecord, view: BoardView): string | undefined {
  if (c.status !== 'closed' || !c.closedAt) return undefined;
  const until = Date.parse(c.closedAt) + view.reopenDays * DAY_MS;
  return until >= view.now.getTime() ? new Date(until).toISOString() : undefined;
}

/** The card's buttons (src/features/escalation/cards.ts officeActions), for this viewer. */
export function abilities(c: CaseRecord, view: BoardView): CaseAbilities {
  const open = c.status !== 'closed';
  const holder = c.assignee?.aadObjectId;
  const mineOrFree = holder === undefined || holder === view.viewer;
  return {
    assign: open && holder === undefined,
    takeOver: open && holder !== undefined && holder !== view.viewer,
    release: open && holder === view.viewer,
    reopen: reopenUntil(c, view) !== undefined,
    requestInfo: open && mineOrFree,
    close: open && mineOrFree,
  };
}

export function boardCase(c: CaseRecord, view: BoardView): BoardCase {
  const { viewer, now } = view;
  const visible = canSeeDetails(c, viewer);
  const assignee = person(c.assignee, viewer);
  const manager = visible ? person(c.manager, viewer) : undefined;
  const late = overdue(c, now, view.reminders);
  return {
    caseId: c.caseId,
    office: c.office,
    status: c.status,
    urgency: c.urgency,
    createdAt: c.createdAt,
    ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(c.createdAt)) / DAY_MS)),
    ...(assignee ? { assignee } : {}),
    ...(manager ? { manager } : {}),
    confidential: !visible,
    openQuestions: c.questions.filter((q) => q.answer === undefined).length,
    can: abilities(c, view),
    ...(late ? { overdue: late.kind } : {}),
  };
}

export function board(office: OfficeId, page: BoardPage | SearchPage, view: BoardView): Board {
  return {
    office,
    counts: page.counts,
    total: page.total,
    cases: page.cases.map((c) => boardCase(c, view)),
    ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}),
    ...('scanned' in page ? { search: { scanned: page.scanned } } : {}),
  };
}

/**
 * A case's audit trail as the viewer may read it. The log holds ids, so names come from the case itself: the
 * manager's only for those who may see who asked (never on an Ombud case they do not hold), the current
 * assignee's since the board shows it anyway.
 */
export function historyLines(c: CaseRecord, audit: readonly AuditEntry[], viewer: string): HistoryLine[] {
  const visible = canSeeDetails(c, viewer);
  return audit.map((a) => {
    if (a.actor === viewer) return { action: a.action, at: a.at, by: 'you' };
    if (a.actor === 'system') return { action: a.action, at: a.at, by: 'system' };
    if (a.actor === c.managerAadObjectId)
      return { action: a.action, at: a.at, by: 'manager', ...(visible ? { name: c.manager.name } : {}) };
    const name = a.actor === c.assignee?.aadObjectId ? c.assignee.name : undefined;
    return { action: a.action, at: a.at, by: 'office', ...(name ? { name } : {}) };
  });
}

export function boardCaseDetail(
  c: CaseRecord,
  audit: readonly AuditEntry[],
  view: BoardView,
): BoardCaseDetail {
  const visible = canSeeDetails(c, view.viewer);
  const until = reopenUntil(c, view);
  return {
    ...boardCase(c, view),
    ...(visible
      ? {
          summary: c.summary,
          contact: c.contact,
          ...(c.attachedRecord ? { attachedRecord: c.attachedRecord } : {}),
          ...(c.closeNote ? { closeNote: c.closeNote } : {}),
        }
      : {}),
    questions: visible
      ? c.questions.map((q) => ({
          question: q.question,
          askedAt: q.askedAt,
          ...(q.answer !== undefined ? { answer: q.answer, answeredAt: q.answeredAt } : {}),
        }))
      : [],
    ...(c.outcome ? { outcome: c.outcome } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    history: historyLines(c, audit, view.viewer),
    ...(until ? { reopenUntil: until } : {}),
  };
}

export function myCase(c: CaseRecord): MyCase {
  return {
    caseId: c.caseId,
    office: c.office,
    status: c.status,
    urgency: c.urgency,
    createdAt: c.createdAt,
    summary: c.summary,
    ...(c.assignee ? { assigneeName: c.assignee.name } : {}),
    openQuestions: c.questions.filter((q) => q.answer === undefined).map((q) => q.question),
    ...(c.outcome ? { outcome: c.outcome } : {}),
  };
}

export function myRecord(r: SawPostRecord): MyRecord {
  return {
    id: r.id,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    path: r.path,
    ...(r.answers.howRaised ? { howRaised: r.answers.howRaised } : {}),
    ...(r.answers.violation ? { violation: r.answers.violation } : {}),
    offices: r.answers.offices ?? [],
    stepsConsidered: Object.keys(r.answers.steps ?? {}).length,
  };
}
