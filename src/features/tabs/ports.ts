import type { ChangeResult } from '../../domain/cases/caseService';
import type { Actor, AuditEntry, CaseRecord, OfficeId, Outcome } from '../../domain/cases/types';
import type { SawPostRecord } from '../../domain/records/sawPostRecord';
import type { BoardPage, BoardPageQuery } from '../../domain/cases/caseBoard';
import type { SearchPage } from '../../domain/cases/caseSearch';

/**
 * What the tab API needs from the rest of the app, as small interfaces: the HTTP code is tested with
 * the real case service, and the Teams-specific parts (team membership, card refresh) are swapped at
 * the composition root.
 */

/** A change's result; `questionSent: false` when the manager has no chat with the bot to receive a question. */
export type TabChangeResult = ChangeResult & { readonly questionSent?: boolean };

/** The case operations the board offers: the very functions the channel card calls. */
export interface TabCaseActions {
  /** One page of the office's board, read by index (see domain/cases/caseBoard.ts). */
  boardPage(office: OfficeId, query: BoardPageQuery): Promise<BoardPage>;
  /** One page of a search on the board, a bounded scan (see domain/cases/caseSearch.ts). */
  searchPage(office: OfficeId, query: BoardPageQuery, text: string, viewer: string): Promise<SearchPage>;
  listForManager(aadObjectId: string): Promise<readonly CaseRecord[]>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  auditTrail(caseId: string): Promise<readonly AuditEntry[]>;
  assign(caseId: string, officer: Actor, seenAssignee: string | undefined): Promise<TabChangeResult>;
  requestInformation(caseId: string, officer: Actor, question: string): Promise<TabChangeResult>;
  close(caseId: string, officer: Actor, outcome: Outcome, note: string): Promise<TabChangeResult>;
  release(caseId: string, officer: Actor): Promise<TabChangeResult>;
  reopen(caseId: string, officer: Actor, withinDays: number): Promise<TabChangeResult>;
}

/** Which office a team is registered for, and whether someone belongs to that team (checked with Teams). */
export interface OfficeAccess {
  officeOfTeam(teamId: string): Promise<OfficeId | undefined>;
  /** The member's Teams user id (29:…) when they belong to the team, else undefined. */
  memberId(teamId: string, aadObjectId: string): Promise<string | undefined>;
}

export interface TabRecords {
  listFor(owner: string): Promise<readonly SawPostRecord[]>;
}
