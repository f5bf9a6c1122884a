import type { DocumentStore, PageCursor } from '../store';
import { BOARD_PAGE_SIZE, readBoardCounts, type BoardPage, type BoardPageQuery } from './caseBoard';
import { parseCaseId } from './caseIds';
import { canSeeDetails } from './confidentiality';
import { COLLECTIONS, type CaseRecord, type OfficeId } from './types';

/**
 * Search on an office's board: by case id, by words of the summary, or by the manager's name.
 *
 * A case id is a primary key, so "VE-2026-0012" is one indexed read. Words have no index to use: the store
 * indexes fields by equality (src/storage/sqlite/migrations.ts), and a summary or a part of a name is not
 * an equality. So a word search walks the office's index (with the status and urgency filters, in the
 * board's order) and reads at most SEARCH_SCAN_LIMIT cases per request: a bounded scan, never the whole
 * collection. The page's cursor says where the scan stopped, so "Show more" searches the next stretch.
 *
 * Confidentiality: a case whose details the viewer may not see (an Ombud case someone else holds, or that
 * nobody has taken yet) matches on its id alone, never on its summary or manager, so a search cannot
 * reveal who asked or what.
 */

/** Cases read per request at most: a few milliseconds on SQLite, and a bounded read on PostgreSQL. */
export const SEARCH_SCAN_LIMIT = 1000;
/** Cases read from the index at a time while scanning. */
const SCAN_BATCH = 200;
/** Longest search text taken, and most words: a search, not a document. */
export const MAX_SEARCH_LENGTH = 100;
const MAX_WORDS = 8;

export interface SearchPage extends BoardPage {
  /** How many cases this request looked at (1 for a case id). */
  readonly scanned: number;
}

/** Lower case, without accents, so "Gagnon" finds "gagnon" and "evaluation" finds "évaluation". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words to look for: letters and digits, accents folded; "-" kept so a partial case id stays one word. */
export function searchWords(text: string): string[] {
  return foldText(text.slice(0, MAX_SEARCH_LENGTH))
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
}

/** Every word appears in the case's id, or (when the viewer may see them) its manager's name or summary. */
export function matchesWords(c: CaseRecord, words: readonly string[], viewer: string): boolean {
  const visible = canSeeDetails(c, { kind: 'officer', aadObjectId: viewer });
  const haystack = foldText(visible ? `${c.caseId} ${c.manager.name} ${c.summary}` : c.caseId);
  return words.every((w) => haystack.includes(w));
}

export async function searchBoardPage(
  store: DocumentStore,
  office: OfficeId,
  query: BoardPageQuery,
  text: string,
  viewer: string,
): Promise<SearchPage> {
  const limit = Math.min(Math.max(1, query.limit ?? BOARD_PAGE_SIZE), 200);
  const { counts, total } = await readBoardCounts(store, office);
  const id = parseCaseId(text);
  if (id) {
    // An exact id is where the viewer wants to go: the case, whatever the filters, if it is this office's.
    const caseId = text.trim().toUpperCase();
    const found = query.after ? undefined : (await store.get<CaseRecord>(COLLECTIONS.cases, caseId))?.value;
    return { counts, total, cases: found && found.office === office ? [found] : [], scanned: 1 };
  }
  const words = searchWords(text);
  const where = {
    office,
    ...(query.status ? { status: query.status } : {}),
    ...(query.urgency ? { urgency: query.urgency } : {}),
  };
  const matches: CaseRecord[] = [];
  let after: PageCursor | undefined = query.after;
  let scanned = 0;
  let next: PageCursor | undefined;
  for (;;) {
    const want = Math.min(SCAN_BATCH, SEARCH_SCAN_LIMIT - scanned);
    const batch = await store.list<CaseRecord>(COLLECTIONS.cases, {
      where,
      order: query.sort === 'oldest' ? 'createdAsc' : 'createdDesc',
      limit: want,
      ...(after ? { after } : {}),
    });
    let read = 0;
    for (const doc of batch) {
      read++;
      after = { createdAt: doc.createdAt, id: doc.id };
      if (matchesWords(doc.value, words, viewer)) matches.push(doc.value);
      if (matches.length === limit) break;
    }
    scanned += read;
    const endOfIndex = batch.length < want;
    if (matches.length === limit) {
      // A full page: the next one goes on after its last match (it may turn out empty).
      if (read < batch.length || !endOfIndex) next = after;
      break;
    }
    if (endOfIndex) break;
    if (scanned >= SEARCH_SCAN_LIMIT) {
      // The bound: the next request searches on from the last case read.
      next = after;
      break;
    }
  }
  return { counts, total, cases: matches, scanned, ...(next ? { next } : {}) };
}
