import { CaseService } from '../../../../src/domain/cases/caseService';
import { dueReminder, type ReminderPolicy } from '../../../../src/domain/cases/reminders';
import { ReminderWorker } from '../../../../src/domain/cases/reminderWorker';
import {
  COLLECTIONS,
  type CaseRecord,
  type ReminderJob,
  type Urgency,
} from '../../../../src/domain/cases/types';
import type { Timers } from '../../../../src/shared/clock';
import { manualClock, tempStore } from './storeFixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SAM = { aadObjectId: 'officer-1', name: 'Sam Okafor', teamsId: '29:sam' };
const POLICY: ReminderPolicy = {
  urgentUnassignedHours: 2,
  unassignedHours: 8,
  ageingHours: 40,
  calendar: { timeZone: 'America/Toronto', dayStart: 8 * 60, dayEnd: 17 * 60 },
};

/** Timers that never fire on their own: the test runs passes by hand. */
const inertTimers: Timers = {
  setInterval: () => 1,
  clearInterval: () => undefined,
  setTimeout: () => 1,
  clearTimeout: () => undefined,
};

class Failure extends Error {
  constructor(readonly retry: boolean) {
    super('injected');
  }
}

describe('reminders for stalled cases', () => {
  let fixture: ReturnType<typeof tempStore>;
  let clock: ReturnType<typeof manualClock>;
  let cases: CaseService;
  /** Reminders posted, as "case kind hours". */
  let posted: string[];
  let failures: Failure[];
  /** When set, a post waits for it (a process that dies in the middle never resolves it). */
  let hold: Promise<void> | undefined;

  const worker = (options: { soleWorker?: boolean; policy?: ReminderPolicy } = {}) =>
    new ReminderWorker({
      store: fixture.store,
      cases,
      policy: options.policy ?? POLICY,
      now: clock.now,
      timers: inertTimers,
      random: () => 1,
      retry: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 600_000, leaseMs: 15_000 },
      ...(options.soleWorker ? { soleWorker: true } : {}),
      async remind(c, reminder) {
        await hold;
        const failure = failures.shift();
        if (failure) throw failure;
        posted.push(`${c.caseId} ${reminder.kind} ${reminder.hours}`);
      },
      classify: (err) => ({
        retry: (err as Failure).retry,
        reason: (err as Failure).retry ? 'unavailable' : 'forbidden',
      }),
    });

  /** A case as the office sees it: created and its card posted in the channel at the clock's time. */
  const postedCase = async (key: string, urgency: Urgency = 'routine'): Promise<CaseRecord> => {
    const { case: c } = await cases.create({
      office: 'valuesEthics',
      manager: { aadObjectId: 'manager-1', name: 'Alex Tremblay' },
      managerLang: 'en',
      summary: 'A post about our program.',
      urgency,
      contact: 'teamsChat',
      idempotencyKey: key,
    });
    const result = await cases.markPosted(c.caseId, {
      serviceUrl: 'https://smba.example/',
      conversationId: `19:ve@thread.tacv2;messageid=${c.caseId}`,
      activityId: c.caseId,
    });
    if (!result.ok) throw new Error('not posted');
    return result.case;
  };
  const stored = async (id: string) => (await fixture.store.get<CaseRecord>(COLLECTIONS.cases, id))!.value;
  const job = async (id: string) => (await fixture.store.get<ReminderJob>(COLLECTIONS.reminders, id))?.value;
  /** Sets the clock to a wall-clock instant (ISO). */
  const at = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());

  beforeEach(() => {
    fixture = tempStore();
    // Monday 2 March 2026, 10:00 in Ottawa (EST).
    clock = manualClock('2026-03-02T15:00:00Z');
    cases = new CaseService(fixture.store, { retentionDays: 30, now: clock.now });
    posted = [];
    failures = [];
    hold = undefined;
  });
  afterEach(async () => fixture.cleanup());

  describe('which reminder is due', () => {
    it('reminds of a routine case nobody took after 8 business hours: 17:00, then 09:00 the next day', async () => {
      const c = await postedCase('a');
      expect(dueReminder(c, new Date('2026-03-02T22:00:00Z'), POLICY)).toBeUndefined(); // Monday 17:00
      expect(dueReminder(c, new Date('2026-03-03T13:59:59Z'), POLICY)).toBeUndefined(); // Tuesday 08:59:59
      expect(dueReminder(c, new Date('2026-03-03T14:00:00Z'), POLICY)).toEqual({
        kind: 'unassigned',
        hours: 8,
      });
    });

    it('reminds of an urgent case after 2 business hours', async () => {
      const c = await postedCase('a', 'urgent');
      expect(dueReminder(c, new Date('2026-03-02T16:59:00Z'), POLICY)).toBeUndefined();
      expect(dueReminder(c, new Date('2026-03-02T17:00:00Z'), POLICY)).toEqual({
        kind: 'unassigned',
        hours: 2,
      });
    });

    it('counts an ageing case from its last change, and not over a holiday weekend', async () => {
      // Thursday 2 April 2026, 16:00 EDT, before Good Friday and Easter Monday.
      at('2026-04-02T20:00:00Z');
      const c = await postedCase('a');
      const taken = await cases.assign(c.caseId, SAM, undefined);
      if (!taken.ok) throw new Error('not taken');
      // 40 business hours: 1 h Thursday, then Tuesday to Friday (36 h), then 3 h on Monday 13 April.
      expect(dueReminder(taken.case, new Date('2026-04-13T14:59:00Z'), POLICY)).toBeUndefined();
      expect(dueReminder(taken.case, new Date('2026-04-13T15:00:00Z'), POLICY)).toEqual({
        kind: 'ageing',
        hours: 40,
      });
      // An unassigned reminder over the same weekend waits for Tuesday: 1 h Thursday + 7 h → 15:00.
      const other = await postedCase('b');
      expect(dueReminder(other, new Date('2026-04-06T20:00:00Z'), POLICY)).toBeUndefined(); // Easter Monday
      expect(dueReminder(other, new Date('2026-04-07T19:00:00Z'), POLICY)?.kind).toBe('unassigned');
    });

    it('has none for a closed case, a card not yet in the channel, a reminder already posted or a threshold of 0', async () => {
      const later = new Date(clock.now().getTime() + 90 * DAY);
      const closed = await cases.close((await postedCase('a')).caseId, SAM, 'adviceGiven', '');
      expect(closed.ok && dueReminder(closed.case, later, POLICY)).toBeUndefined();
      const { case: unposted } = await cases.create({
        office: 'ombud',
        manager: { aadObjectId: 'manager-1', name: 'Alex Tremblay' },
        managerLang: 'en',
        summary: 'x',
        urgency: 'urgent',
        contact: 'email',
        idempotencyKey: 'b',
      });
      expect(dueReminder(unposted, later, POLICY)).toBeUndefined();
      const c = await postedCase('c');
      expect(dueReminder({ ...c, reminded: ['unassigned'] }, later, POLICY)).toBeUndefined();
      expect(dueReminder(c, later, { ...POLICY, unassignedHours: 0 })).toBeUndefined();
    });
  });

  describe('the worker', () => {
    it('posts a reminder once however often it runs, records it on the case and in its audit log', async () => {
      const c = await postedCase('a');
      const w = worker();
      await w.pass();
      expect(posted).toEqual([]);
      at('2026-03-03T14:00:00Z');
      await w.pass();
      await w.pass();
      clock.advance(30 * DAY);
      await w.pass();
      expect(posted).toEqual([`${c.caseId} unassigned 8`]);
      const after = await stored(c.caseId);
      expect(after.reminded).toEqual(['unassigned']);
      // A reminder is not activity: the case's age is unchanged.
      expect(after.updatedAt).toBe(c.updatedAt);
      expect((await cases.auditTrail(c.caseId)).map((a) => a.action)).toEqual([
        'created',
        'posted',
        'reminded',
      ]);
      expect(await job(`${c.caseId}:unassigned`)).toMatchObject({ state: 'posted', attempts: 1 });
    });

    it('posts each threshold once: unassigned when urgent, then ageing once taken, never again', async () => {
      const c = await postedCase('a', 'urgent');
      const w = worker();
      at('2026-03-02T17:00:00Z'); // Monday 12:00: 2 business hours
      await w.pass();
      const taken = await cases.assign(c.caseId, SAM, undefined);
      expect(taken.ok).toBe(true);
      await w.pass();
      // Taken Monday 12:00 EST: 5 h Monday, 9 h Tuesday to Thursday, 8 h Friday → Friday 16:00 EST.
      at('2026-03-06T20:59:00Z');
      await w.pass();
      expect(posted).toEqual([`${c.caseId} unassigned 2`]);
      at('2026-03-06T21:00:00Z');
      await w.pass();
      // Handed back, left again for weeks: no second unassigned reminder, no second ageing one.
      await cases.release(c.caseId, SAM);
      clock.advance(30 * DAY);
      await w.pass();
      await cases.assign(c.caseId, SAM, undefined);
      clock.advance(30 * DAY);
      await w.pass();
      expect(posted).toEqual([`${c.caseId} unassigned 2`, `${c.caseId} ageing 40`]);
      expect((await stored(c.caseId)).reminded).toEqual(['unassigned', 'ageing']);
    });

    it('posts nothing for a closed case', async () => {
      const c = await postedCase('a', 'urgent');
      clock.advance(HOUR);
      await cases.close(c.caseId, SAM, 'adviceGiven', 'Called the manager.');
      clock.advance(60 * DAY);
      await worker().pass();
      expect(posted).toEqual([]);
    });

    it('is not fooled by a restart or by two workers at once: one reminder per case', async () => {
      const cs = [await postedCase('a'), await postedCase('b'), await postedCase('c', 'urgent')];
      at('2026-03-03T14:00:00Z');
      await Promise.all([worker().pass(), worker().pass(), worker({ soleWorker: true }).pass()]);
      // The process restarts with the same database: new workers, same cases.
      const restarted = worker({ soleWorker: true });
      restarted.start();
      await restarted.kick();
      await restarted.stop();
      await worker().pass();
      expect([...posted].sort()).toEqual(
        cs.map((c) => `${c.caseId} unassigned ${c.urgency === 'urgent' ? 2 : 8}`).sort(),
      );
    });

    it('takes over a reminder whose process died while posting it, once', async () => {
      const c = await postedCase('a');
      at('2026-03-03T14:00:00Z');
      hold = new Promise<void>(() => undefined); // the first process never finishes its post
      void worker().pass();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await job(`${c.caseId}:unassigned`)).toMatchObject({ state: 'posting' });
      hold = undefined;
      // On SQLite the restarted process is the only one: it takes the claim over at once.
      const restarted = worker({ soleWorker: true });
      restarted.start();
      await restarted.kick();
      await restarted.stop();
      await worker().pass();
      expect(posted).toEqual([`${c.caseId} unassigned 8`]);
      expect(await job(`${c.caseId}:unassigned`)).toMatchObject({ state: 'posted', attempts: 2 });
    });

    it('tries again after a failure with back-off, and gives up on a refusal', async () => {
      const a = await postedCase('a');
      at('2026-03-03T14:00:00Z');
      failures.push(new Failure(true));
      const w = worker();
      await w.pass();
      expect(await job(`${a.caseId}:unassigned`)).toMatchObject({
        state: 'pending',
        lastFailure: 'unavailable',
      });
      clock.advance(30_000);
      await w.pass(); // still waiting: the back-off is a minute
      expect(posted).toEqual([]);
      clock.advance(31_000);
      await w.pass();
      await w.pass();
      expect(posted).toEqual([`${a.caseId} unassigned 8`]);

      const b = await postedCase('b');
      clock.advance(2 * DAY);
      failures.push(new Failure(false));
      await w.pass();
      clock.advance(DAY);
      await w.pass();
      expect(posted).toEqual([`${a.caseId} unassigned 8`]);
      expect(await job(`${b.caseId}:unassigned`)).toMatchObject({
        state: 'failed',
        lastFailure: 'forbidden',
      });
    });

    it('drops a reminder waiting for a retry once the case is taken', async () => {
      const c = await postedCase('a');
      at('2026-03-03T14:00:00Z');
      failures.push(new Failure(true));
      const w = worker();
      await w.pass();
      await cases.assign(c.caseId, SAM, undefined);
      clock.advance(HOUR);
      await w.pass();
      expect(posted).toEqual([]);
      expect(await job(`${c.caseId}:unassigned`)).toMatchObject({ state: 'skipped' });
    });

    it('reads open cases by index a page at a time: many cases, each reminded once', async () => {
      const many: CaseRecord[] = [];
      for (let i = 0; i < 230; i++) many.push(await postedCase(`k${i}`));
      at('2026-03-03T14:00:00Z');
      await worker().pass();
      expect(new Set(posted).size).toBe(230);
      await worker().pass();
      expect(posted).toHaveLength(230);
    });

    it('deletes a case’s reminder jobs with the case when its retention ends', async () => {
      const c = await postedCase('a');
      at('2026-03-03T14:00:00Z');
      await worker().pass();
      await cases.close(c.caseId, SAM, 'adviceGiven', '');
      clock.advance(31 * DAY);
      expect(await cases.purgeDue()).toEqual([c.caseId]);
      expect(await job(`${c.caseId}:unassigned`)).toBeUndefined();
    });
  });
});
