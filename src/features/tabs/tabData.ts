import type { AuditEntry, CaseRecord, CaseStatus, OfficeId, Urgency } from '../../domain/cases/types';
import type { Board, BoardCase, BoardCaseDetail, MyCase, MyRecord, Person } from '../../shared/contract/tabs';
import { CASE_STATUSES, URGENCIES } from '../../domain/cases/types';
import { canSeeDetails as casesCanSeeDetails } from '../../domain/cases/confidentiality';
import type { SawPostRecord } from '../../domain/records/sawPostRecord';
import type { BoardPage } from '../../domain/cases/caseBoard';
import type { PageCursor } from '../../domain/store';

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

export function boardCase(c: CaseRecord, viewer: string, now: Date): BoardCase {
  const visible = canSeeDetails(c, viewer);
  const assignee = person(c.assignee, viewer);
  const manager = visible ? person(c.manager, viewer) : undefined;
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
  };
}

export function board(office: OfficeId, page: BoardPage, viewer: string, now: Date): Board {
  return {
    office,
    counts: page.counts,
    total: page.total,
    cases: page.cases.map((c) => boardCase(c, viewer, now)),
    ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}),
  };
}

export function boardCaseDetail(
  c: CaseRecord,
  audit: readonly AuditEntry[],
  viewer: string,
  now: Date,
): BoardCaseDetail {
  const visible = canSeeDetails(c, viewer);
  const open = c.status !== 'closed';
  const mineOrFree = !c.assignee || c.assignee.aadObjectId === viewer;
  return {
    ...boardCase(c, viewer, now),
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
    history: audit.map((a) => ({
      action: a.action,
      at: a.at,
      by:
        a.actor === viewer
          ? 'you'
          : a.actor === 'system'
            ? 'system'
            : a.actor === c.managerAadObjectId
              ? 'manager'
              : 'office',
    })),
    can: {
      assign: open && c.assignee?.aadObjectId !== viewer,
      requestInfo: open && mineOrFree,
      close: open && mineOrFree,
    },
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
