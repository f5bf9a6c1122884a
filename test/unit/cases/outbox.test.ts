import { CaseService } from '../../../src/cases/caseService';
import { OutboxWorker } from '../../../src/cases/outbox';
import type { Timers } from '../../../src/shared/clock';
import { COLLECTIONS, type CaseRecord, type OutboxItem } from '../../../src/cases/types';
import { manualClock, tempStore } from './storeFixture';

class Failure extends Error {
  constructor(readonly retry: boolean) {
    super('injected');
  }
}

/** Timers that never fire on their own: the test runs passes by hand. */
const inertTimers: Timers = { setInterval: () => 1, clearInterval: () => undefined };

describe('OutboxWorker', () => {
  let fixture: ReturnType<typeof tempStore>;
  let clock: ReturnType<typeof manualClock>;
  let cases: CaseService;
  let posted: string[];
  let failures: Failure[];
  let events: string[];

  const worker = (options: { maxAttempts?: number; leaseMs?: number } = {}) =>
    new OutboxWorker({
      store: fixture.store,
      cases,
      now: clock.now,
      random: () => 1, // the top of the jitter range, so delays are predictable
      timers: inertTimers,
      baseDelayMs: 5000,
      maxDelayMs: 60_000,
      ...options,
      async post(c) {
        const failure = failures.shift();
        if (failure) throw failure;
        posted.push(c.caseId);
        return {
          serviceUrl: 'https://smba.example/',
          conversationId: `conv;messageid=${c.caseId}`,
          activityId: c.caseId,
        };
      },
      classify: (err) => ({
        retry: (err as Failure).retry,
        reason: (err as Failure).retry ? 'unavailable' : 'forbidden',
      }),
      onPosted: async (c) => void events.push(`posted ${c.caseId}`),
      onUndelivered: async (c, reason) => void events.push(`undelivered ${c.caseId} ${reason}`),
    });

  const newCase = async (key: string) =>
    (
      await cases.create({
        office: 'valuesEthics',
        manager: { aadObjectId: 'm', name: 'M' },
        managerLang: 'en',
        summary: 'summary text',
        urgency: 'routine',
        contact: 'email',
        idempotencyKey: key,
      })
    ).case;
  const outbox = async (id: string) => (await fixture.store.get<OutboxItem>(COLLECTIONS.outbox, id))!.value;
  const stored = async (id: string) => (await fixture.store.get<CaseRecord>(COLLECTIONS.cases, id))!.value;

  beforeEach(() => {
    fixture = tempStore();
    clock = manualClock();
    cases = new CaseService(fixture.store, { retentionDays: 30, now: clock.now });
    posted = [];
    failures = [];
    events = [];
  });
  afterEach(async () => fixture.cleanup());

  it('posts a pending case once and records the thread in the case and its audit log', async () => {
    const c = await newCase('a');
    const w = worker();
    await w.pass();
    await w.pass();
    expect(posted).toEqual([c.caseId]);
    expect((await outbox(c.caseId)).state).toBe('posted');
    expect(await stored(c.caseId)).toMatchObject({ delivery: 'posted', thread: { activityId: c.caseId } });
    expect((await cases.auditTrail(c.caseId)).map((a) => a.action)).toEqual(['created', 'posted']);
    expect(events).toEqual([`posted ${c.caseId}`]);
  });

  it('waits with exponential backoff across failed passes, then posts', async () => {
    const c = await newCase('a');
    failures.push(new Failure(true), new Failure(true));
    const w = worker();
    await w.pass();
    let item = await outbox(c.caseId);
    expect(item).toMatchObject({ state: 'pending', attempts: 1, lastFailure: 'unavailable' });
    expect(Date.parse(item.nextAttemptAt) - clock.now().getTime()).toBe(5000);
    await w.pass(); // not due yet
    expect((await outbox(c.caseId)).attempts).toBe(1);
    clock.advance(5000);
    await w.pass();
    item = await outbox(c.caseId);
    expect(Date.parse(item.nextAttemptAt) - clock.now().getTime()).toBe(10_000);
    clock.advance(10_000);
    await w.pass();
    expect(posted).toEqual([c.caseId]);
    expect((await outbox(c.caseId)).attempts).toBe(3);
  });

  it('marks the case undelivered on a final failure (403) and tells whoever listens', async () => {
    const c = await newCase('a');
    failures.push(new Failure(false));
    await worker().pass();
    expect((await outbox(c.caseId)).state).toBe('failed');
    expect((await stored(c.caseId)).delivery).toBe('undelivered');
    expect(events).toEqual([`undelivered ${c.caseId} forbidden`]);
  });

  it('gives up after the maximum number of attempts', async () => {
    const c = await newCase('a');
    failures.push(new Failure(true), new Failure(true));
    const w = worker({ maxAttempts: 2 });
    await w.pass();
    clock.advance(60_000);
    await w.pass();
    expect((await stored(c.caseId)).delivery).toBe('undelivered');
    expect(posted).toEqual([]);
  });

  it('picks up an item whose worker died while posting, once its lease has expired', async () => {
    const c = await newCase('a');
    const doc = (await fixture.store.get<OutboxItem>(COLLECTIONS.outbox, c.caseId))!;
    // A previous process claimed it and died before posting.
    await fixture.store.update(
      COLLECTIONS.outbox,
      c.caseId,
      {
        ...doc.value,
        state: 'posting',
        attempts: 1,
        leaseUntil: new Date(clock.now().getTime() + 60_000).toISOString(),
      },
      doc.version,
    );
    const w = worker({ leaseMs: 60_000 });
    await w.pass();
    expect(posted).toEqual([]);
    clock.advance(60_001);
    await w.pass();
    expect(posted).toEqual([c.caseId]);
  });

  it('never lets two workers post the same item', async () => {
    await newCase('a');
    await newCase('b');
    await Promise.all([worker().pass(), worker().pass(), worker().pass()]);
    expect(posted.sort()).toEqual(['VE-2026-0001', 'VE-2026-0002']);
  });

  it('serialises kicks: a kick during a pass runs one more pass, never two at once', async () => {
    await newCase('a');
    const w = worker();
    await Promise.all([w.kick(), w.kick(), w.kick()]);
    expect(posted).toHaveLength(1);
    await w.stop();
    await newCase('b');
    await w.kick(); // stopped: does nothing
    expect(posted).toHaveLength(1);
  });
});
