import { CaseService, type NewCase } from '../../../../src/domain/cases/caseService';
import { COLLECTIONS, type AuditEntry, type CaseRecord } from '../../../../src/domain/cases/types';
import { manualClock, tempStore } from './storeFixture';

const MANAGER = { aadObjectId: 'manager-1', name: 'Alex Tremblay', teamsId: '29:m' };
const SAM = { aadObjectId: 'officer-1', name: 'Sam Okafor' };
const JORDAN = { aadObjectId: 'officer-2', name: 'Jordan Lee' };
const DAY = 86_400_000;

function input(key: string, office: NewCase['office'] = 'valuesEthics'): NewCase {
  return {
    office,
    manager: MANAGER,
    managerLang: 'en',
    summary: '  A post about our program.  ',
    urgency: 'routine',
    contact: 'teamsChat',
    idempotencyKey: key,
  };
}

describe('CaseService', () => {
  let fixture: ReturnType<typeof tempStore>;
  let clock: ReturnType<typeof manualClock>;
  let cases: CaseService;
  beforeEach(() => {
    fixture = tempStore();
    clock = manualClock();
    cases = new CaseService(fixture.store, { retentionDays: 30, now: clock.now });
  });
  afterEach(async () => fixture.cleanup());

  const actions = async (caseId: string) => (await cases.auditTrail(caseId)).map((a: AuditEntry) => a.action);

  it('numbers cases per office and per year, and stores case, audit line and outbox item together', async () => {
    const a = await cases.create(input('a'));
    const b = await cases.create(input('b'));
    const o = await cases.create(input('c', 'ombud'));
    clock.advance(365 * DAY);
    const next = await cases.create(input('d'));
    expect([a, b, o, next].map((r) => r.case.caseId)).toEqual([
      'VE-2026-0001',
      'VE-2026-0002',
      'OMB-2026-0001',
      'VE-2027-0001',
    ]);
    expect(a.case.summary).toBe('A post about our program.');
    expect(await actions('VE-2026-0001')).toEqual(['created']);
    expect((await fixture.store.get(COLLECTIONS.outbox, 'VE-2026-0001'))?.value).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
  });

  it('returns the first case when the same confirmation arrives again, even concurrently', async () => {
    const results = await Promise.all([cases.create(input('same')), cases.create(input('same'))]);
    const again = await cases.create(input('same'));
    expect(new Set([...results, again].map((r) => r.case.caseId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await fixture.store.count(COLLECTIONS.cases)).toBe(1);
    expect(await fixture.store.count(COLLECTIONS.outbox)).toBe(1);
  });

  it('gives distinct numbers to cases created at the same moment', async () => {
    const created = await Promise.all(['1', '2', '3', '4', '5'].map((k) => cases.create(input(k))));
    expect(new Set(created.map((c) => c.case.caseId)).size).toBe(5);
  });

  it('lets the first of two simultaneous assignments win; the second sees who has it', async () => {
    const { case: c } = await cases.create(input('x'));
    const [first, second] = await Promise.all([
      cases.assign(c.caseId, SAM, undefined),
      cases.assign(c.caseId, JORDAN, undefined),
    ]);
    const winners = [first, second].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = [first, second].find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, reason: 'taken' });
    expect(await actions(c.caseId)).toEqual(['created', 'assigned']);
  });

  it('allows a deliberate takeover by someone who saw the current assignee on the card', async () => {
    const { case: c } = await cases.create(input('x'));
    await cases.assign(c.caseId, SAM, undefined);
    const takeover = await cases.assign(c.caseId, JORDAN, SAM.aadObjectId);
    expect(takeover.ok && takeover.case.assignee?.name).toBe('Jordan Lee');
  });

  it('records a question and the manager’s answer; only the manager may answer, once', async () => {
    const { case: c } = await cases.create(input('x'));
    const asked = await cases.requestInformation(c.caseId, SAM, 'Is it still online?');
    expect(asked.ok && asked.case.status).toBe('waiting');
    const q = (asked as { case: CaseRecord }).case.questions[0]!;
    expect(await cases.answer(c.caseId, 'someone-else', q.id, 'hi')).toMatchObject({ reason: 'notOwner' });
    const answered = await cases.answer(c.caseId, MANAGER.aadObjectId, q.id, 'Yes');
    expect(answered.ok && answered.case.status).toBe('assigned');
    expect(await cases.answer(c.caseId, MANAGER.aadObjectId, q.id, 'Again')).toMatchObject({
      reason: 'alreadyAnswered',
    });
    expect(await actions(c.caseId)).toEqual(['created', 'assigned', 'informationRequested', 'answered']);
  });

  it('closes only by the assignee, sets the retention date, and refuses later changes', async () => {
    const { case: c } = await cases.create(input('x'));
    await cases.assign(c.caseId, SAM, undefined);
    expect(await cases.close(c.caseId, JORDAN, 'adviceGiven', '')).toMatchObject({ reason: 'notAssignee' });
    const closed = await cases.close(c.caseId, SAM, 'referredHr', 'Sent to HR.');
    expect(closed.ok && closed.case.purgeAt).toBe(new Date(clock.now().getTime() + 30 * DAY).toISOString());
    expect(await cases.assign(c.caseId, JORDAN, SAM.aadObjectId)).toMatchObject({ reason: 'closed' });
    const doc = await fixture.store.get(COLLECTIONS.cases, c.caseId);
    expect(doc?.expiresAt).toBe((closed as { case: CaseRecord }).case.purgeAt);
  });

  it('closes an urgent or time-sensitive case only with a note on what was done; a routine one without', async () => {
    for (const urgency of ['urgent', 'timeSensitive'] as const) {
      const { case: c } = await cases.create({ ...input(`note-${urgency}`), urgency });
      expect(await cases.close(c.caseId, SAM, 'noFurtherAction', '  ')).toMatchObject({
        ok: false,
        reason: 'noteRequired',
      });
      expect((await cases.get(c.caseId))?.status).toBe('new');
      expect(
        await cases.close(c.caseId, SAM, 'noFurtherAction', 'Called the manager; no risk.'),
      ).toMatchObject({
        ok: true,
      });
    }
    const { case: routine } = await cases.create(input('note-routine'));
    expect(await cases.close(routine.caseId, SAM, 'adviceGiven', '')).toMatchObject({ ok: true });
  });

  it('lets the assignee hand a case back: nobody has it, it is new again, and only they may', async () => {
    const { case: c } = await cases.create(input('release'));
    await cases.assign(c.caseId, SAM, undefined);
    expect(await cases.release(c.caseId, JORDAN)).toMatchObject({ ok: false, reason: 'notAssignee' });
    const released = await cases.release(c.caseId, SAM);
    expect(released).toMatchObject({ ok: true, case: { status: 'new' } });
    expect(released.ok && released.case.assignee).toBeUndefined();
    // Anyone of the office can take it again.
    expect(await cases.assign(c.caseId, JORDAN, undefined)).toMatchObject({ ok: true });
    expect(await actions(c.caseId)).toEqual(['created', 'assigned', 'unassigned', 'assigned']);
  });

  it('reopens a closed case within the set days, for whoever reopens it, and keeps it from deletion', async () => {
    const { case: c } = await cases.create(input('reopen'));
    expect(await cases.reopen(c.caseId, SAM, 30)).toMatchObject({ ok: false, reason: 'notClosed' });
    await cases.assign(c.caseId, SAM, undefined);
    await cases.close(c.caseId, SAM, 'adviceGiven', 'Advice given.');
    clock.advance(10 * DAY);
    const reopened = await cases.reopen(c.caseId, JORDAN, 30);
    expect(reopened).toMatchObject({ ok: true, case: { status: 'assigned', assignee: JORDAN } });
    expect(reopened.ok && reopened.case).not.toHaveProperty('outcome');
    expect(reopened.ok && reopened.case).not.toHaveProperty('purgeAt');
    expect((await fixture.store.get(COLLECTIONS.cases, c.caseId))?.expiresAt).toBeUndefined();
    clock.advance(800 * DAY);
    expect(await cases.purgeDue()).toEqual([]);
    expect(await actions(c.caseId)).toEqual(['created', 'assigned', 'closed', 'reopened']);
  });

  it('refuses to reopen a case closed longer ago than the set days', async () => {
    const { case: c } = await cases.create(input('too-late'));
    await cases.close(c.caseId, SAM, 'adviceGiven', '');
    clock.advance(31 * DAY);
    expect(await cases.reopen(c.caseId, SAM, 30)).toMatchObject({ ok: false, reason: 'reopenExpired' });
    expect((await cases.get(c.caseId))?.status).toBe('closed');
  });

  it('purges closed cases after retention, leaving only a "purged" audit line', async () => {
    const { case: open } = await cases.create(input('open'));
    const { case: c } = await cases.create(input('x'));
    await cases.close(c.caseId, SAM, 'noFurtherAction', '');
    clock.advance(29 * DAY);
    expect(await cases.purgeDue()).toEqual([]);
    clock.advance(2 * DAY);
    expect(await cases.purgeDue()).toEqual([c.caseId]);
    expect(await cases.get(c.caseId)).toBeUndefined();
    expect(await actions(c.caseId)).toEqual(['purged']);
    const purged = (await cases.auditTrail(c.caseId))[0]!;
    expect(Object.keys(purged).sort()).toEqual(['action', 'actor', 'at', 'caseId', 'seq']);
    expect(await cases.get(open.caseId)).toBeDefined();
  });

  it('purges every due case however many there are, including one changed after it closed', async () => {
    const closedIds: string[] = [];
    // More than four purge batches (50 each), so the purge must come back for the rest.
    for (let i = 0; i < 230; i++) {
      const { case: c } = await cases.create(input(`many-${i}`));
      await cases.close(c.caseId, SAM, 'noFurtherAction', '');
      closedIds.push(c.caseId);
    }
    // A delivery receipt arriving after the close must not take the case out of retention.
    await cases.markPosted(closedIds[0]!, {
      serviceUrl: 'https://example.test',
      conversationId: 'c',
      activityId: 'a',
    });
    clock.advance(31 * DAY);
    expect((await cases.purgeDue()).sort()).toEqual([...closedIds].sort());
    expect(await fixture.store.count(COLLECTIONS.cases)).toBe(0);
  });

  it('lists a manager’s cases, newest first', async () => {
    await cases.create(input('a'));
    clock.advance(1000);
    await cases.create(input('b', 'ombud'));
    const mine = await cases.listForManager(MANAGER.aadObjectId);
    expect(mine.map((c) => c.caseId)).toEqual(['OMB-2026-0001', 'VE-2026-0001']);
    expect(await cases.listForManager('nobody')).toEqual([]);
  });
});
