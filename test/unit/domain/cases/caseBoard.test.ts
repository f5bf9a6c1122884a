import { readBoardPage } from '../../../../src/domain/cases/caseBoard';
import { CaseService } from '../../../../src/domain/cases/caseService';
import type { CaseRecord, OfficeId, Urgency } from '../../../../src/domain/cases/types';
import { manualClock, tempStore } from './storeFixture';

/** The board as an office sees it, page by page, from cases created through the case service. */

describe('the office board, read by index', () => {
  let fixture: ReturnType<typeof tempStore>;
  let cases: CaseService;
  const officer = { aadObjectId: 'o-1', name: 'Sam Okafor' };

  beforeEach(async () => {
    fixture = tempStore();
    const clock = manualClock();
    cases = new CaseService(fixture.store, { retentionDays: 30, now: clock.now });
    // 7 values and ethics cases a minute apart (every third one urgent), and 2 Ombud cases between them.
    for (let i = 1; i <= 9; i++) {
      const office: OfficeId = i % 4 === 0 ? 'ombud' : 'valuesEthics';
      const urgency: Urgency = i % 3 === 0 ? 'urgent' : 'routine';
      const created = await cases.create({
        office,
        manager: { aadObjectId: `m-${i}`, name: `Manager ${i}` },
        managerLang: 'en',
        summary: `Case ${i}`,
        urgency,
        contact: 'teamsChat',
        idempotencyKey: `key-${i}`,
      });
      if (i === 2) await cases.assign(created.case.caseId, officer, undefined);
      clock.advance(60_000);
    }
  });
  afterEach(() => fixture.cleanup());

  const summaries = (list: readonly CaseRecord[]) => list.map((c) => c.summary);

  it('counts each status of the office only, and pages through its cases without a gap or a repeat', async () => {
    const first = await readBoardPage(fixture.store, 'valuesEthics', { sort: 'oldest', limit: 3 });
    expect(first.counts).toEqual({ new: 6, assigned: 1, waiting: 0, closed: 0 });
    expect(first.total).toBe(7);
    expect(summaries(first.cases)).toEqual(['Case 1', 'Case 2', 'Case 3']);
    const second = await readBoardPage(fixture.store, 'valuesEthics', {
      sort: 'oldest',
      limit: 3,
      after: first.next!,
    });
    expect(summaries(second.cases)).toEqual(['Case 5', 'Case 6', 'Case 7']);
    const third = await readBoardPage(fixture.store, 'valuesEthics', {
      sort: 'oldest',
      limit: 3,
      after: second.next!,
    });
    expect(summaries(third.cases)).toEqual(['Case 9']);
    expect(third.next).toBeUndefined();
  });

  it('filters by status and urgency and sorts newest first in the database', async () => {
    const urgentNewest = await readBoardPage(fixture.store, 'valuesEthics', {
      sort: 'newest',
      urgency: 'urgent',
    });
    expect(summaries(urgentNewest.cases)).toEqual(['Case 9', 'Case 6', 'Case 3']);
    const assigned = await readBoardPage(fixture.store, 'valuesEthics', {
      sort: 'oldest',
      status: 'assigned',
    });
    expect(summaries(assigned.cases)).toEqual(['Case 2']);
    const ombud = await readBoardPage(fixture.store, 'ombud', { sort: 'oldest' });
    expect(summaries(ombud.cases)).toEqual(['Case 4', 'Case 8']);
    expect(ombud.total).toBe(2);
  });
});
