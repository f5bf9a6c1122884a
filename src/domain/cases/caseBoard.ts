import type { DocumentStore, PageCursor } from '../store';
import {
  CASE_STATUSES,
  COLLECTIONS,
  type CaseRecord,
  type CaseStatus,
  type OfficeId,
  type Urgency,
} from './types';

/**
 * One page of an office's cases, read through the store's indexes: the counts per status come from
 * aggregate queries and the cases from an index walked from the cursor, so serving the board costs the
 * same with a thousand cases or a hundred thousand, and never reads the whole collection.
 */

/** Enough rows to fill a screen and scroll a little; the rest come on demand. */
export const BOARD_PAGE_SIZE = 50;

export interface BoardPageQuery {
  readonly status?: CaseStatus;
  readonly urgency?: Urgency;
  readonly sort: 'oldest' | 'newest';
  readonly after?: PageCursor;
  readonly limit?: number;
}

export interface BoardPage {
  readonly counts: Readonly<Record<CaseStatus, number>>;
  readonly total: number;
  readonly cases: readonly CaseRecord[];
  /** Where the next page starts; absent on the last page. */
  readonly next?: PageCursor;
}

export async function readBoardPage(
  store: DocumentStore,
  office: OfficeId,
  query: BoardPageQuery,
): Promise<BoardPage> {
  const limit = Math.min(Math.max(1, query.limit ?? BOARD_PAGE_SIZE), 200);
  const { counts, total } = await readBoardCounts(store, office);
  // One more than asked tells whether a next page exists without counting the rest.
  const docs = await store.list<CaseRecord>(COLLECTIONS.cases, {
    where: {
      office,
      ...(query.status ? { status: query.status } : {}),
      ...(query.urgency ? { urgency: query.urgency } : {}),
    },
    order: query.sort === 'oldest' ? 'createdAsc' : 'createdDesc',
    limit: limit + 1,
    ...(query.after ? { after: query.after } : {}),
  });
  const page = docs.slice(0, limit);
  const last = page.at(-1);
  return {
    counts,
    total,
    cases: page.map((d) => d.value),
    ...(docs.length > limit && last ? { next: { createdAt: last.createdAt, id: last.id } } : {}),
  };
}

/** The office's cases per status, each an aggregate over the (office, status) index. */
export async function readBoardCounts(
  store: DocumentStore,
  office: OfficeId,
): Promise<Pick<BoardPage, 'counts' | 'total'>> {
  const countsList = await Promise.all(
    CASE_STATUSES.map((status) => store.count(COLLECTIONS.cases, { where: { office, status } })),
  );
  const counts = Object.fromEntries(CASE_STATUSES.map((s, i) => [s, countsList[i]!])) as Record<
    CaseStatus,
    number
  >;
  return { counts, total: countsList.reduce((a, b) => a + b, 0) };
}
