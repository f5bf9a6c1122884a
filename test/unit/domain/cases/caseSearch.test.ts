import { CaseService } from '../../../../src/domain/cases/caseService';
import { SEARCH_SCAN_LIMIT, searchBoardPage } from '../../../../src/domain/cases/caseSearch';
import {
  COLLECTIONS,
  type CaseRecord,
  type OfficeId,
  type Urgency,
} from '../../../../src/domain/cases/types';
import type { ListOptions } from '../../../../src/domain/store';
import { manualClock, tempStore } from './storeFixture';

/** Search on the board: by id, by words of the summary or the manager's name, within what the viewer may see. */

describe('searching an office’s board', () => {
  let fixture: ReturnType<typeof tempStore>;
  let cases: CaseService;
  const officer = { aadObjectId: 'o-1', name: 'Sam Okafor' };
  const colleague = 'o-2';
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    fixture = tempStore();
    const clock = manualClock();
    cases = new CaseService(fixture.store, { retentionDays: 30, now: clock.now });
    const create = async (
      key: string,
      office: OfficeId,
      manager: string,
      summary: string,
      urgency: Urgency = 'routine',
    ) => {
      const created = await cases.create({
        office,
        manager: { aadObjectId: `m-${key}`, name: manager },
        managerLang: 'fr',
        summary,
        urgency,
        contact: 'teamsChat',
        idempotencyKey: key,
      });
      ids[key] = created.case.caseId;
      clock.advance(60_000);
    };
    await create('memo', 'valuesEthics', 'Robin Gagnon', 'Une employée a publié une note interne.', 'urgent');
    await create('minister', 'valuesEthics', 'Alex Tremblay', 'A post criticises a named minister.');
    await create('memo2', 'valuesEthics', 'Alex Tremblay', 'Another internal memo, shared on a forum.');
    await create('ombud', 'ombud', 'Robin Gagnon', 'A confidential matter about an internal memo.');
  });
  afterEach(() => fixture.cleanup());

  const search = (office: OfficeId, text: string, viewer = officer.aadObjectId, extra = {}) =>
    searchBoardPage(fixture.store, office, { sort: 'oldest', ...extra }, text, viewer);
  const found = (page: { cases: readonly CaseRecord[] }) => page.cases.map((c) => c.caseId);

  it('finds a case by its id, as typed, whatever the filters, and only on its own office’s board', async () => {
    expect(
      found(await search('valuesEthics', ids.minister!.toLowerCase(), undefined, { urgency: 'urgent' })),
    ).toEqual([ids.minister]);
    expect(found(await search('valuesEthics', ids.ombud!))).toEqual([]);
    expect(found(await search('valuesEthics', 'VE-2026-0099'))).toEqual([]);
  });

  it('finds every case whose summary or manager has all the words, accents and case aside', async () => {
    expect(found(await search('valuesEthics', 'memo'))).toEqual([ids.memo2]);
    expect(found(await search('valuesEthics', 'PUBLIE note'))).toEqual([ids.memo]);
    expect(found(await search('valuesEthics', 'tremblay'))).toEqual([ids.minister, ids.memo2]);
    expect(found(await search('valuesEthics', 'tremblay forum'))).toEqual([ids.memo2]);
    expect(found(await search('valuesEthics', 'gagnon', undefined, { urgency: 'routine' }))).toEqual([]);
    expect(found(await search('valuesEthics', 'tremblay', undefined, { sort: 'newest' }))).toEqual([
      ids.memo2,
      ids.minister,
    ]);
    // Part of an id is a word too.
    expect(found(await search('valuesEthics', '0002'))).toEqual([ids.minister]);
  });

  it('never matches a confidential case on what the viewer may not see', async () => {
    expect(found(await search('ombud', 'gagnon'))).toEqual([]);
    expect(found(await search('ombud', 'internal memo'))).toEqual([]);
    expect(found(await search('ombud', ids.ombud!))).toEqual([ids.ombud]);
    await cases.assign(ids.ombud!, officer, undefined);
    expect(found(await search('ombud', 'gagnon'))).toEqual([ids.ombud]);
    expect(found(await search('ombud', 'gagnon', colleague))).toEqual([]);
  });

  it('pages through the matches without a gap or a repeat', async () => {
    const first = await search('valuesEthics', 'a', undefined, { limit: 2 });
    expect(found(first)).toEqual([ids.memo, ids.minister]);
    expect(first.next).toBeDefined();
    const second = await search('valuesEthics', 'a', undefined, { limit: 2, after: first.next });
    expect(found(second)).toEqual([ids.memo2]);
    expect(second.next).toBeUndefined();
    expect(first.counts).toEqual({ new: 3, assigned: 0, waiting: 0, closed: 0 });
  });

  it('reads a bounded number of cases per request, and the next request goes on from there', async () => {
    // Many more cases than one request reads, the match among the oldest of them when sorted newest first.
    const filler = Array.from({ length: SEARCH_SCAN_LIMIT + 150 }, (_, i) => {
      const caseId = `VE-2025-${String(i + 1).padStart(4, '0')}`;
      return {
        op: 'insert' as const,
        collection: COLLECTIONS.cases,
        id: caseId,
        value: {
          caseId,
          office: 'valuesEthics',
          status: 'closed',
          urgency: 'routine',
          manager: { aadObjectId: 'm-x', name: 'Pat Filler' },
          managerAadObjectId: 'm-x',
          summary: i === 0 ? 'The needle in the haystack.' : 'Nothing to see.',
          questions: [],
          createdAt: '2025-01-01T00:00:00.000Z',
        },
      };
    });
    expect((await fixture.store.batch(filler)).ok).toBe(true);
    let read = 0;
    const list = fixture.store.list.bind(fixture.store);
    jest
      .spyOn(fixture.store, 'list')
      .mockImplementation(async <T>(collection: string, options?: ListOptions) => {
        const docs = await list<T>(collection, options);
        read += docs.length;
        return docs;
      });
    const first = await search('valuesEthics', 'needle', undefined, { sort: 'newest' });
    expect(read).toBeLessThanOrEqual(SEARCH_SCAN_LIMIT);
    expect(first.scanned).toBe(SEARCH_SCAN_LIMIT);
    expect(found(first)).toEqual([]);
    expect(first.next).toBeDefined();
    const second = await search('valuesEthics', 'needle', undefined, { sort: 'newest', after: first.next });
    expect(found(second)).toEqual(['VE-2025-0001']);
    expect(second.next).toBeUndefined();
  });
});
