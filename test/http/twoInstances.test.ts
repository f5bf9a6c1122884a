import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { COLLECTIONS, type CaseRecord, type OutboxItem } from '../../src/domain/cases/types';
import { PostgresStore } from '../../src/storage/postgres/postgresStore';
import { MANAGER, OFFICER, mention, message, submit, VE_CHANNEL } from '../support/activities';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { FakeConnector } from '../support/fakeConnector';
import { visibleText } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * Two bot processes (the real entry point, each with its own pool and outbox worker) on one PostgreSQL
 * database, a fresh schema per run, with requests alternating between them as a load balancer would
 * send them. Runs only when TEST_DATABASE_URL is set (CI sets it).
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
const maybe = DATABASE_URL ? describe : describe.skip;

const ESCALATIONS = 200;
/** Managers confirming at the same moment (each is one conversation walking the dialog). */
const PARALLEL = 8;
const SUMMARY = 'An employee posted about a program our team delivers; I need advice on next steps.';

const manager = (i: number) => ({
  id: `29:mgr-${i}`,
  name: `Manager ${i}`,
  aadObjectId: `aaaaaaaa-0000-4000-8000-${String(100000000000 + i)}`,
});
const chatOf = (m: { id: string }) => `a:personal-${m.id}`;

maybe('two instances on one PostgreSQL database', () => {
  const schema = `smg_two_${randomBytes(4).toString('hex')}`;
  let connector: FakeConnector;
  let a: BotProcess;
  let b: BotProcess;
  let store: PostgresStore;
  const bots = () => [a, b] as const;

  beforeAll(async () => {
    const admin = new Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    connector = await new FakeConnector().start();
    connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
    const env = {
      DATABASE_URL: url.toString(),
      PG_POOL_MAX: '5',
      // Both workers poll often, so they really compete for the same outbox items.
      CASE_OUTBOX_POLL_SECONDS: '1',
    };
    // Migrated here first: the processes' migration lock is keyed by their (default) schema name, not ours.
    store = await PostgresStore.open(DATABASE_URL!, { schema });
    [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
    await connector?.stop();
    const admin = new Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }, 60_000);

  it('continues an "I saw a post" walk on the other instance at every step', async () => {
    const o = { serviceUrl: connector.url, from: { ...MANAGER, id: '29:walker', aadObjectId: 'aad-walker' } };
    const steps = [
      message('I saw a post', o),
      submit({ verb: 'sawPost.step', step: 'framing' }, o),
      submit({ verb: 'sawPost.step', step: 'how', choice: 'socialMedia' }, o),
      submit({ verb: 'sawPost.step', step: 'violation', choice: 'notSure' }, o),
    ];
    const expected = [
      /Before you start/,
      /How did the post come/,
      /clearly violate/,
      /Understand the context/,
    ];
    for (const [i, activity] of steps.entries()) {
      const before = connector.sentActivities(chatOf(o.from)).length;
      const res = await bots()[i % 2]!.post(activity);
      expect(res.status).toBe(200);
      expect(visibleText(connector.sentActivities(chatOf(o.from)).slice(before))).toMatch(expected[i]!);
    }
  }, 30_000);

  it('registers the office channel on one instance; the other sees it', async () => {
    await a.post(
      mention('register values and ethics office', {
        serviceUrl: connector.url,
        channelId: VE_CHANNEL,
        from: OFFICER,
      }),
    );
    expect(visibleText(connector.sentActivities(VE_CHANNEL))).toContain('now receives');
    // B answers the manager's question about an office using A's registration.
    const m = manager(0);
    const o = { serviceUrl: connector.url, from: m };
    await b.post(message('escalate', o));
    const res = await b.post(message('Values and ethics office', o));
    expect(res.status).toBe(200);
    expect(visibleText(connector.sentActivities(chatOf(m)))).toMatch(/Describe the situation/);
    await a.post(message('cancel', o));
  }, 30_000);

  it(`${ESCALATIONS} escalations over both instances: exactly ${ESCALATIONS} cases and ${ESCALATIONS} channel posts`, async () => {
    connector.reset();
    // Every manager's chat is known (a first message), as in Teams.
    const managers = Array.from({ length: ESCALATIONS }, (_, i) => manager(i + 1));
    const turns = ['escalate', 'Values and ethics office', SUMMARY, 'Routine', 'Teams chat', 'Send it'];
    let next = 0;
    const confirmations: string[] = [];
    const walk = async () => {
      while (next < managers.length) {
        const i = next++;
        const m = managers[i]!;
        const o = { serviceUrl: connector.url, from: m };
        for (const [step, text] of turns.entries()) {
          // Alternate instances at every turn; managers start on different ones.
          const res = await bots()[(i + step) % 2]!.post(message(text, o));
          expect(res.status).toBe(200);
        }
        const said = visibleText(connector.sentActivities(chatOf(m)));
        const caseId = /\bVE-\d{4}-\d{4}\b/.exec(said)?.[0];
        if (!caseId) {
          // What the manager saw and what both instances logged about failed turns: enough to tell a race from a bug.
          const failures = [...a.lines, ...b.lines].filter((l) => /"level":(40|50)/.test(l)).slice(-5);
          throw new Error(`manager ${i + 1} got no confirmation; was told: ${said}\n${failures.join('\n')}`);
        }
        confirmations.push(caseId);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, walk));
    expect(new Set(confirmations).size).toBe(ESCALATIONS);

    // Every case card reaches the office channel: wait until the outbox has nothing left.
    await waitFor(
      async () =>
        (await store.count(COLLECTIONS.outbox, { where: { state: 'posted' } })) === ESCALATIONS || undefined,
      'every outbox item posted',
      120_000,
    );
    // Two more poll rounds of both workers: a double post would show now.
    const polls = () => a.events('case.posted').length + b.events('case.posted').length;
    await new Promise((r) => setTimeout(r, 2500));

    const posts = connector.calls.filter((c) => c.kind === 'createConversation');
    const postedIds = posts.map((p) => /\bVE-\d{4}-\d{4}\b/.exec(JSON.stringify(p.body))?.[0]);
    expect(posts).toHaveLength(ESCALATIONS);
    expect(new Set(postedIds)).toEqual(new Set(confirmations));
    expect(polls()).toBe(ESCALATIONS);
    // Both instances delivered some: the claim was really contested.
    expect(a.events('case.posted').length).toBeGreaterThan(0);
    expect(b.events('case.posted').length).toBeGreaterThan(0);

    const cases = await store.list<CaseRecord>(COLLECTIONS.cases);
    expect(cases).toHaveLength(ESCALATIONS);
    expect(cases.every((c) => c.value.delivery === 'posted')).toBe(true);
    const numbers = cases.map((c) => c.value.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: ESCALATIONS }, (_, i) => i + 1));
    const outbox = await store.list<OutboxItem>(COLLECTIONS.outbox);
    expect(outbox.every((o) => o.value.attempts === 1)).toBe(true);
    // Each manager was told once that the case reached the office.
    for (const m of managers.slice(0, 20))
      expect(visibleText(connector.sentActivities(chatOf(m))).match(/has reached/g)).toHaveLength(1);
  }, 300_000);
});
