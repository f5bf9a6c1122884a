import { CaseService } from '../../../../src/domain/cases/caseService';
import { OutboxWorker, type OutboxOptions } from '../../../../src/domain/cases/outbox';
import type { Timers } from '../../../../src/shared/clock';
import { COLLECTIONS, type CaseRecord, type OutboxItem } from '../../../../src/domain/cases/types';
import { manualClock, tempStore } from './storeFixture';

class Failure extends Error {
  constructor(readonly retry: boolean) {
    super('injected');
  }
}

/** Timers that never fire on their own: the test runs passes by hand. */
const inertTimers: Timers = {
  setInterval: () => 1,
  clearInterval: () => undefined,
  setTimeout: () => 1,
  clearTimeout: () => undefined,
};

/** Timers the test fires by hand, to see what the worker scheduled. */
function handTimers() {
  let next = 0;
  const intervals = new Map<number, { fn: () => void; ms: number }>();
  const timeouts = new Map<number, { fn: () => void; ms: number }>();
  const timers: Timers = {
    setInterval: (fn, ms) => (intervals.set(++next, { fn, ms }), next),
    clearInterval: (handle) => void intervals.delete(handle as number),
    setTimeout: (fn, ms) => (timeouts.set(++next, { fn, ms }), next),
    clearTimeout: (handle) => void timeouts.delete(handle as number),
  };
  return { timers, intervals, timeouts };
}

describe('OutboxWorker', () => {
  let fixture: ReturnType<typeof tempStore>;
  let clock: ReturnType<typeof manualClock>;
  let cases: CaseService;
  let posted: string[];
  let failures: Failure[];
  let events: string[];

  /** A post the test holds until it calls the returned function. */
  let hold: Promise<void> | undefined;

  const worker = (
    options: { maxAttempts?: number; leaseMs?: number; timers?: Timers; pollMs?: number } = {},
  ) => new OutboxWorker(workerOptions(options));

  const workerOptions = (
    options: { maxAttempts?: number; leaseMs?: number; timers?: Timers; pollMs?: number } = {},
  ): OutboxOptions => ({
    store: fixture.store,
    cases,
    now: clock.now,
    random: () => 1, // the top of the jitter range, so delays are predictable
    timers: inertTimers,
    baseDelayMs: 5000,
    maxDelayMs: 60_000,
    ...options,
    async post(c) {
      await hold;
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
    hold = undefined;
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

  it('renews its claim while a slow post runs, so no other worker takes the item and posts it twice', async () => {
    const c = await newCase('a');
    const { timers, intervals } = handTimers();
    let finish = () => undefined as void;
    hold = new Promise<void>((resolve) => (finish = resolve));
    const slow = worker({ leaseMs: 15_000, timers }).pass();
    await waitUntil(() => intervals.size === 1);
    const [renewal] = [...intervals.values()];
    expect(renewal!.ms).toBe(5_000);
    // 40 s of a post held by retries: the claim is renewed every 5 s and never lapses.
    for (let i = 0; i < 8; i++) {
      clock.advance(5_000);
      renewal!.fn();
      await worker().pass(); // another worker (or instance) looks, finds the claim alive
    }
    expect(Date.parse((await outbox(c.caseId)).leaseUntil!)).toBeGreaterThan(clock.now().getTime());
    finish();
    await slow;
    expect(posted).toEqual([c.caseId]);
    expect(await outbox(c.caseId)).toMatchObject({ state: 'posted', attempts: 1 });
    expect(intervals.size).toBe(0); // renewal stopped
  });

  it('after a crash, wakes when the dead worker’s lease lapses (15 s), not at the next poll', async () => {
    const c = await newCase('a');
    const doc = (await fixture.store.get<OutboxItem>(COLLECTIONS.outbox, c.caseId))!;
    // The process that claimed it died mid-post 5 s ago: its last renewal runs 10 s more.
    await fixture.store.update(
      COLLECTIONS.outbox,
      c.caseId,
      {
        ...doc.value,
        state: 'posting',
        attempts: 1,
        leaseUntil: new Date(clock.now().getTime() + 10_000).toISOString(),
      },
      doc.version,
    );
    const { timers, timeouts } = handTimers();
    const w = worker({ timers, pollMs: 30_000 });
    w.start(); // the restarted process
    await waitUntil(() => timeouts.size === 1);
    const [wake] = [...timeouts.values()];
    expect(wake!.ms).toBeLessThanOrEqual(10_001);
    clock.advance(wake!.ms);
    wake!.fn();
    await waitUntil(() => posted.length === 1);
    await w.stop();
    expect(posted).toEqual([c.caseId]);
    expect(await outbox(c.caseId)).toMatchObject({ state: 'posted', attempts: 2 });
  });

  it('as the sole worker on its store (SQLite), takes over a dead process’s claim as soon as it starts', async () => {
    const c = await newCase('a');
    const doc = (await fixture.store.get<OutboxItem>(COLLECTIONS.outbox, c.caseId))!;
    await fixture.store.update(
      COLLECTIONS.outbox,
      c.caseId,
      {
        ...doc.value,
        state: 'posting',
        attempts: 1,
        leaseUntil: new Date(clock.now().getTime() + 15_000).toISOString(),
      },
      doc.version,
    );
    const w = new OutboxWorker({ ...workerOptions(), soleWorker: true });
    w.start();
    await waitUntil(() => posted.length === 1);
    await w.stop();
    expect(await outbox(c.caseId)).toMatchObject({ state: 'posted', attempts: 2 });
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

/** Lets the worker's promises run until `ready` holds (a few event-loop turns at most). */
async function waitUntil(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((resolve) => setImmediate(resolve));
  if (!ready()) throw new Error('condition never held');
}
