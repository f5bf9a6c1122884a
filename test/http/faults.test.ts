import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { COLLECTIONS, type CaseRecord, type OutboxItem } from '../../src/domain/cases/types';
import { t } from '../../src/i18n';
import { RECORDS_COLLECTION } from '../../src/domain/records/sawPostRecord';
import { PostgresStore } from '../../src/storage/postgres/postgresStore';
import { SqliteStore } from '../../src/storage/sqlite/sqliteStore';
import { MANAGER, OFFICER, mention, message, submit, VE_CHANNEL } from '../support/activities';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { FakeConnector } from '../support/fakeConnector';
import { startBot, visibleText, type RunningBot } from '../support/harness';
import { TcpProxy } from '../support/tcpProxy';
import { freshPgSchema } from '../support/pgSchema';
import { acceleratedClock } from '../support/acceleratedClock';
import { waitFor } from '../support/waitFor';

/**
 * Faults the bot meets in production: the Bot Connector throttling (429 + Retry-After), failing (5xx),
 * answering slowly or timing out, refusing (403); the database stopping under load; the process killed in
 * the middle of a turn. The bot keeps answering or says plainly what happened, never crashes, and never
 * loses what it has acknowledged.
 */

const SUMMARY = 'An employee posted about a program our team delivers; I need advice on next steps.';
const UNAVAILABLE = t('en', 'common.error.unavailable');
const caseIdIn = (text: string) => /\bVE-\d{4}-\d{4}\b/.exec(text)?.[0];
const person = (name: string) => ({
  id: `29:${name}`,
  name: `Person ${name}`,
  aadObjectId: `aad-${name}`,
});
const chatOf = (m: { id: string }) => `a:personal-${m.id}`;

type Poster = { post(activity: unknown): Promise<{ status: number; body: string }> };

/** Walks one manager to the consent step; `confirm` sends "Send it". */
async function walkEscalation(bot: Poster, connector: FakeConnector, who: ReturnType<typeof person>) {
  const o = { serviceUrl: connector.url, from: who };
  for (const text of ['escalate', 'Values and ethics office', SUMMARY, 'Routine', 'Teams chat'])
    expect((await bot.post(message(text, o))).status).toBe(200);
  return {
    confirm: async () => {
      const before = connector.sentActivities(chatOf(who)).length;
      expect((await bot.post(message('Send it', o))).status).toBe(200);
      return visibleText(connector.sentActivities(chatOf(who)).slice(before));
    },
  };
}

/** Walks a manager through the first two "I saw a post" steps; returns the submit that answers the third. */
async function walkToThirdStep(bot: Poster, serviceUrl: string, who: ReturnType<typeof person>) {
  const o = { serviceUrl, from: who };
  const step = (s: Record<string, unknown>) => submit({ verb: 'sawPost.step', ...s }, o);
  await bot.post(message('I saw a post', o));
  await bot.post(step({ step: 'framing' }));
  await bot.post(step({ step: 'how', choice: 'socialMedia' }));
  return step({ step: 'violation', choice: 'notSure' });
}

/**
 * Escalates in a bot process, SIGKILLs it while the case card's post is in flight (held, and never making a
 * thread), restarts it on the same database and measures how long after the restart the card reaches the
 * office. Checks it is posted once and the manager told once; returns the wait and the outbox item.
 */
async function crashWhilePosting(
  connector: FakeConnector,
  env: Record<string, string>,
  outboxItem: () => Promise<OutboxItem | undefined>,
): Promise<{ waitedMs: number; item: OutboxItem | undefined }> {
  connector.reset();
  connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
  let bot = await startBotProcess(env);
  try {
    await bot.post(
      mention('register values and ethics office', {
        serviceUrl: connector.url,
        channelId: VE_CHANNEL,
        from: OFFICER,
      }),
    );
    const who = person(`crash-posting-${randomUUID().slice(0, 8)}`);
    const o = { serviceUrl: connector.url, from: who };
    for (const text of ['escalate', 'Values and ethics office', SUMMARY, 'Routine', 'Teams chat'])
      await bot.post(message(text, o));
    connector.failNext(1, { status: 504, delayMs: 60_000, kinds: ['createConversation'] });
    const before = connector.arrivals.length;
    await bot.post(message('Send it', o));
    // The card's post has arrived and is held (the confirmation and any member lookup came before it).
    await waitFor(
      () => connector.arrivals.slice(before).includes('createConversation'),
      'the post in flight',
    );
    await bot.stop('SIGKILL');
    connector.reset();

    bot = await startBotProcess(env);
    const restarted = Date.now();
    await waitFor(() => told(connector, who, /has reached/) > 0, 'the case card after the restart', 60_000);
    const waitedMs = Date.now() - restarted;
    // Two more polls: a second post would show now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(connector.calls.filter((c) => c.kind === 'createConversation')).toHaveLength(1);
    expect(told(connector, who, /has reached/)).toBe(1);
    await bot.stop();
    return { waitedMs, item: await outboxItem() };
  } finally {
    await bot.stop('SIGKILL');
  }
}

const okPosts = (c: FakeConnector, caseId: string) =>
  c.calls.filter((x) => x.kind === 'createConversation' && JSON.stringify(x.body).includes(caseId));
const failedPosts = (c: FakeConnector) =>
  c.calls.filter((x) => x.kind.startsWith('createConversation:failed'));
const told = (c: FakeConnector, who: { id: string }, pattern: RegExp) =>
  visibleText(c.sentActivities(chatOf(who))).match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('Bot Connector faults', () => {
  // Retries, Retry-After, outbox polls and back-off run 20 times faster than the wall clock: the same rules
  // and the same assertions, in seconds. Held replies stay in real time (they are the connector's).
  const clock = acceleratedClock(20);
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ env: { CASE_OUTBOX_POLL_SECONDS: '1' }, clock });
    bot.connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
    await bot.post(
      mention('register values and ethics office', {
        serviceUrl: bot.connector.url,
        channelId: VE_CHANNEL,
        from: OFFICER,
      }),
    );
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  const say = (text: string, who = MANAGER) =>
    bot.post(message(text, { serviceUrl: bot.connector.url, from: who }));
  const answered = (who = MANAGER) => visibleText(bot.connector.sentActivities(chatOf(who)));

  it('answers through a burst of 429 with Retry-After', async () => {
    bot.connector.failNext(2, { status: 429, retryAfterSeconds: 1, kinds: ['send', 'reply'] });
    expect((await say('help')).status).toBe(200);
    expect(bot.connector.calls.filter((c) => c.kind.endsWith(':failed:429'))).toHaveLength(2);
    expect(answered()).toContain('What I can do');
  });

  it('survives a burst of 500s longer than the retries: the user is told plainly, the next message is answered', async () => {
    // The connector client retries a failed reply 3 times; 6 failures exhaust the reply, then the error
    // notice gets through on its third attempt. Teams' failure, not the bot's: nothing is said to be reset.
    bot.connector.failNext(6, { status: 500, kinds: ['send', 'reply'] });
    expect((await say('help')).status).toBe(200);
    expect(bot.connector.calls.filter((c) => c.kind.endsWith(':failed:500'))).toHaveLength(6);
    expect(answered()).toBe(t('en', 'common.error.delivery'));
    expect((await say('help')).status).toBe(200);
    expect(answered()).toContain('What I can do');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it('answers when the connector is slow (a reply held for 2 seconds)', async () => {
    bot.connector.delayNext(1, { delayMs: 2000, kinds: ['send', 'reply'] });
    expect((await say('help')).status).toBe(200);
    expect(answered()).toContain('What I can do');
  });

  it('a 403 on a reply (the user blocked the bot) ends that turn quietly; the next turn works', async () => {
    bot.connector.failNext(1, { status: 403, kinds: ['send', 'reply'] });
    expect((await say('help')).status).toBe(200);
    expect((await say('help')).status).toBe(200);
    expect(answered()).toContain('What I can do');
  });

  it('an escalation confirmed during a 500 burst is delivered once when the connector recovers', async () => {
    const who = person('burst');
    const { confirm } = await walkEscalation(bot, bot.connector, who);
    // More failures than one gateway call absorbs (5 attempts): the outbox must wait and try again.
    bot.connector.failNext(7, { status: 500, kinds: ['createConversation'] });
    const caseId = caseIdIn(await confirm());
    expect(caseId).toBeDefined();
    await waitFor(() => told(bot.connector, who, /has reached/) > 0, 'the delivery notice', 60_000);
    // Two more polls: a second post would show now.
    await clock.sleep(2500);
    expect(failedPosts(bot.connector)).toHaveLength(7);
    expect(okPosts(bot.connector, caseId!)).toHaveLength(1);
    expect(told(bot.connector, who, /has reached/)).toBe(1);
    const stored = await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId!);
    expect(stored?.value.delivery).toBe('posted');
    const item = await bot.app.store.get<OutboxItem>(COLLECTIONS.outbox, caseId!);
    expect(item?.value).toMatchObject({ state: 'posted', attempts: 2 });
  }, 90_000);

  it('posting that times out (held, then 504) is retried and delivered once', async () => {
    const who = person('timeout');
    const { confirm } = await walkEscalation(bot, bot.connector, who);
    bot.connector.failNext(2, { status: 504, delayMs: 1500, kinds: ['createConversation'] });
    const caseId = caseIdIn(await confirm());
    await waitFor(() => okPosts(bot.connector, caseId!).length > 0, 'the case card', 60_000);
    await clock.sleep(2500);
    expect(okPosts(bot.connector, caseId!)).toHaveLength(1);
    expect(told(bot.connector, who, /has reached/)).toBe(1);
  }, 90_000);

  it('a 403 on posting (bot removed from the office team) tells the manager plainly, once', async () => {
    const who = person('forbidden');
    const { confirm } = await walkEscalation(bot, bot.connector, who);
    bot.connector.failNext(1, { status: 403, kinds: ['createConversation'] });
    const caseId = caseIdIn(await confirm());
    await waitFor(() => told(bot.connector, who, /could not deliver your request/) > 0, 'the notice');
    await clock.sleep(1500);
    expect(told(bot.connector, who, /could not deliver your request/)).toBe(1);
    expect(okPosts(bot.connector, caseId!)).toHaveLength(0);
    expect((await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId!))?.value.delivery).toBe(
      'undelivered',
    );
  }, 30_000);
});

describe('Bot Connector calls that hang (CONNECTOR_TIMEOUT_SECONDS=1)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ env: { CONNECTOR_TIMEOUT_SECONDS: '1' } });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  it('gives up on a reply held past the limit: Teams gets its answer in seconds, the flow is kept', async () => {
    const who = person('held');
    const next = await walkToThirdStep(bot, bot.connector.url, who);

    bot.connector.reset();
    bot.connector.delayNext(1, { delayMs: 6000, kinds: ['send', 'reply'] });
    const started = Date.now();
    expect((await bot.post(next)).status).toBe(200);
    // The held reply is abandoned after 1 s (not 6 s); the notice that follows is not held.
    expect(Date.now() - started).toBeLessThan(4000);
    expect(visibleText(bot.connector.sentActivities(chatOf(who)))).toBe(t('en', 'common.error.delivery'));
    expect(bot.logs.text).toMatch(/"cause":"connector"/);

    // Sending the step again continues where the manager was: nothing was reset.
    bot.connector.reset();
    await bot.post(next);
    expect(visibleText(bot.connector.sentActivities(chatOf(who)))).toMatch(/Understand the context/);
  }, 30_000);

  it('tells a French-speaking manager in French', async () => {
    const who = person('held-fr');
    bot.connector.delayNext(1, { delayMs: 6000, kinds: ['send', 'reply'] });
    await bot.post(message('aide', { serviceUrl: bot.connector.url, from: who, locale: 'fr-CA' }));
    expect(visibleText(bot.connector.sentActivities(chatOf(who)))).toBe(t('fr', 'common.error.delivery'));
  }, 30_000);
});

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const withPostgres = DATABASE_URL ? describe : describe.skip;

/** A throwaway schema on the test server, reached through a TCP proxy the test can stop or stall. */
async function proxiedSchema(prefix: string) {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const target = new URL(DATABASE_URL!);
  const proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
  const url = new URL(proxy.rewrite(DATABASE_URL!));
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    proxy,
    /** DATABASE_URL for the bot: through the proxy, into the schema. */
    url: url.toString(),
    drop: async () => {
      await proxy.stop();
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

withPostgres('PostgreSQL stopped for 10 seconds under load (bot process behind a TCP proxy)', () => {
  const OUTAGE_MS = 10_000;
  let db: Awaited<ReturnType<typeof proxiedSchema>>;
  let proxy: TcpProxy;
  let connector: FakeConnector;
  let bot: BotProcess;
  let store: PostgresStore;

  beforeAll(async () => {
    db = await proxiedSchema('smg_faults');
    proxy = db.proxy;
    connector = await new FakeConnector().start();
    connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
    // Migrated here first: the process's migration lock is keyed by its (default) schema name, not ours.
    store = await PostgresStore.open(DATABASE_URL!, { schema: db.schema });
    bot = await startBotProcess({
      DATABASE_URL: db.url,
      CASE_OUTBOX_POLL_SECONDS: '1',
      // Its five simulated people write every few hundred milliseconds, above the per-person limit: this test
      // is about the database (test/http/limits.test.ts is about the limits).
      RATE_LIMIT_USER_MESSAGES: '0',
    });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await store?.close();
    await connector?.stop();
    await db?.drop();
  }, 30_000);

  it('tells users to try again shortly, reports not ready, loses nothing acknowledged, and recovers by itself', async () => {
    await bot.post(
      mention('register values and ethics office', {
        serviceUrl: connector.url,
        channelId: VE_CHANNEL,
        from: OFFICER,
      }),
    );
    // Acknowledged before the outage: a case the office channel could not take yet (connector failing).
    const sender = person('pg-sender');
    const { confirm } = await walkEscalation(bot, connector, sender);
    connector.failNext(10_000, { status: 500, kinds: ['createConversation'] });
    const caseId = caseIdIn(await confirm())!;
    expect(caseId).toBeDefined();
    await waitFor(async () => {
      const item = await store.get<OutboxItem>(COLLECTIONS.outbox, caseId);
      return item?.value.state === 'pending' && item.value.attempts >= 1;
    }, 'a first failed delivery');
    // A manager in the middle of a dialog: the step before the outage is saved.
    const walker = person('pg-walker');
    const w = { serviceUrl: connector.url, from: walker };
    await bot.post(message('escalate', w));
    await bot.post(message('Values and ethics office', w));
    expect(visibleText(connector.sentActivities(chatOf(walker)))).toMatch(/Describe the situation/);

    proxy.down();
    connector.reset(); // the connector recovers while the database is down: nothing can be posted yet
    const users = Array.from({ length: 5 }, (_, i) => person(`pg-load-${i}`));
    const until = Date.now() + OUTAGE_MS;
    let rounds = 0;
    const readiness: number[] = [];
    while (Date.now() < until && rounds < 200) {
      rounds++;
      const results = await Promise.all(
        users.map((u) =>
          bot.post(
            message('Can I ask my team not to post about work?', { serviceUrl: connector.url, from: u }),
          ),
        ),
      );
      for (const r of results) expect(r.status).toBe(200);
      readiness.push((await fetch(`${bot.url}/readyz`)).status);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(rounds).toBeGreaterThan(1);
    expect(new Set(readiness)).toEqual(new Set([503]));
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    for (const u of users) {
      const replies = connector.sentActivities(chatOf(u)).map((a) => a.text);
      expect(replies.length).toBeGreaterThan(0);
      expect(new Set(replies)).toEqual(new Set([UNAVAILABLE]));
    }
    expect(connector.calls.filter((c) => c.kind === 'createConversation')).toHaveLength(0);

    proxy.up();
    await waitFor(async () => (await fetch(`${bot.url}/readyz`)).status === 200, 'ready again');
    // The dialog continues from the step saved before the outage.
    const before = connector.sentActivities(chatOf(walker)).length;
    await bot.post(message(SUMMARY, w));
    expect(visibleText(connector.sentActivities(chatOf(walker)).slice(before))).toMatch(/How urgent is it\?/);
    // The acknowledged case reaches the office exactly once.
    await waitFor(() => told(connector, sender, /has reached/) > 0, 'the delivery after recovery', 90_000);
    await new Promise((r) => setTimeout(r, 2500));
    expect(okPosts(connector, caseId)).toHaveLength(1);
    expect(told(connector, sender, /has reached/)).toBe(1);
    expect((await store.get<CaseRecord>(COLLECTIONS.cases, caseId))?.value.delivery).toBe('posted');
    // The process never went down: the outbox's failed passes were logged, not thrown.
    expect(bot.events('outbox.passFailed').length).toBeGreaterThan(0);
    expect(bot.lines.join('\n')).not.toContain(SUMMARY);
  }, 180_000);
});

withPostgres(
  'PostgreSQL that hangs (a partition: connections open, nothing answers), DATABASE_TIMEOUT_SECONDS=1',
  () => {
    let db: Awaited<ReturnType<typeof proxiedSchema>>;
    let proxy: TcpProxy;
    let bot: RunningBot;

    beforeAll(async () => {
      db = await proxiedSchema('smg_stall');
      proxy = db.proxy;
      await (await PostgresStore.open(DATABASE_URL!, { schema: db.schema })).close();
      bot = await startBot({ env: { DATABASE_URL: db.url, DATABASE_TIMEOUT_SECONDS: '1' } });
    }, 60_000);

    afterAll(async () => {
      await bot?.stop();
      await db?.drop();
    }, 30_000);

    it('answers "try again shortly" within seconds instead of hanging, and carries on once it answers again', async () => {
      const who = person('stall');
      const next = await walkToThirdStep(bot, bot.connector.url, who);

      proxy.stall();
      bot.connector.reset();
      const started = Date.now();
      expect((await bot.post(next)).status).toBe(200);
      // A query times out after 1 s, then the readiness ping does: seconds, not forever.
      expect(Date.now() - started).toBeLessThan(8000);
      expect(visibleText(bot.connector.sentActivities(chatOf(who)))).toBe(UNAVAILABLE);
      const probe = Date.now();
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(503);
      expect(Date.now() - probe).toBeLessThan(5000);

      proxy.up();
      await waitFor(async () => (await fetch(`${bot.url}/readyz`)).status === 200, 'ready again');
      // The step the manager was at before the database hung is still the current one.
      bot.connector.reset();
      await bot.post(next);
      expect(visibleText(bot.connector.sentActivities(chatOf(who)))).toMatch(/Understand the context/);
    }, 60_000);
  },
);

describe('a bot process killed in the middle of a turn (SQLite)', () => {
  let connector: FakeConnector;
  let dataDir: string;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    dataDir = mkdtempSync(path.join(tmpdir(), 'smg-kill-'));
  });
  afterAll(async () => {
    await bot?.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes the "I saw a post" step after SIGKILL and a restart on the same file', async () => {
    const env = { DATABASE_URL: `sqlite:${path.join(dataDir, 'bot.db')}` };
    bot = await startBotProcess(env);
    const o = { serviceUrl: connector.url, from: person('killed') };
    const step = (s: Record<string, unknown>) => submit({ verb: 'sawPost.step', ...s }, o);
    await bot.post(message('I saw a post', o));
    await bot.post(step({ step: 'framing' }));
    await bot.post(step({ step: 'how', choice: 'socialMedia' }));
    // The reply to the next step is held by the connector; the process dies while waiting for it.
    const midTurn = step({ step: 'violation', choice: 'notSure' });
    await killDuringReply(midTurn);

    bot = await startBotProcess(env);
    // Teams re-sends the activity it got no answer for: the step it was at is still the current one.
    await bot.post(midTurn);
    expect(visibleText(connector.sentActivities(chatOf(o.from)))).toMatch(/Understand the context/);
    await bot.post(step({ step: 'context', note: 'noted' }));
    expect(visibleText(connector.sentActivities(chatOf(o.from)))).toMatch(/conversation/i);
  }, 120_000);

  /**
   * Sends `activity` with its reply held by the connector, and SIGKILLs the process while it waits: whatever
   * the turn wrote before replying is stored, and its dialog state (saved after the reply) is not.
   */
  async function killDuringReply(activity: unknown) {
    connector.delayNext(1, { delayMs: 60_000, kinds: ['send', 'reply'] });
    // The held reply's own arrival, not any request: the turn may first look the manager up (a member call).
    const before = connector.arrivals.length;
    const heldKinds = new Set(['send', 'reply']);
    const pending = bot!.post(activity).catch(() => ({ status: 0, body: '' }));
    await waitFor(() => connector.arrivals.slice(before).some((k) => heldKinds.has(k)), 'the held reply');
    await bot!.stop('SIGKILL');
    expect((await pending).status).toBe(0);
    connector.reset();
  }

  /** What the process stored, read from its SQLite file (WAL lets a second reader in). */
  async function stored<T>(file: string, collection: string): Promise<T[]> {
    const store = new SqliteStore(file);
    try {
      return (await store.list<T>(collection)).map((d) => d.value);
    } finally {
      await store.close();
    }
  }

  it('one confirmation, one case: killed between the case write and the state write, "Send it" again after a restart', async () => {
    const file = path.join(dataDir, 'escalation.db');
    const env = { DATABASE_URL: `sqlite:${file}` };
    connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
    await bot?.stop();
    bot = await startBotProcess(env);
    await bot.post(
      mention('register values and ethics office', {
        serviceUrl: connector.url,
        channelId: VE_CHANNEL,
        from: OFFICER,
      }),
    );
    const who = person('crash-confirm');
    const o = { serviceUrl: connector.url, from: who };
    for (const text of ['escalate', 'Values and ethics office', SUMMARY, 'Routine', 'Teams chat'])
      expect((await bot.post(message(text, o))).status).toBe(200);
    // The case and its outbox row are written, then the confirmation is held and the process dies.
    const confirm = message('Send it', o);
    await killDuringReply(confirm);
    expect(await stored<CaseRecord>(file, COLLECTIONS.cases)).toHaveLength(1);

    bot = await startBotProcess(env);
    // The manager saw no answer and confirms again: a new activity for the same draft.
    await bot.post({ ...confirm, id: randomUUID() });
    const reply = visibleText(connector.sentActivities(chatOf(who)));
    await waitFor(() => told(connector, who, /has reached/) > 0, 'the delivery notice');
    // The outbox has polled again since: a second post would show now.
    await new Promise((r) => setTimeout(r, 1500));
    await bot.stop();
    const cases = await stored<CaseRecord>(file, COLLECTIONS.cases);
    expect(cases.map((c) => c.caseId)).toEqual([expect.stringMatching(/^VE-\d{4}-0001$/)]);
    const caseId = cases[0]!.caseId;
    expect(connector.calls.filter((c) => c.kind === 'createConversation')).toHaveLength(1);
    expect(okPosts(connector, caseId)).toHaveLength(1);
    expect(cases[0]!.delivery).toBe('posted');
    // The manager is told the request went, with its number, and told once that it reached the office.
    expect(reply).toContain(`Your request **${caseId}** was already sent to the values and ethics office`);
    expect(told(connector, who, /has reached/)).toBe(1);
  }, 120_000);

  it('a case card in flight when the process dies is posted within seconds of the restart, once', async () => {
    const file = path.join(dataDir, 'outbox.db');
    await bot?.stop();
    bot = undefined;
    const { waitedMs, item } = await crashWhilePosting(
      connector,
      { DATABASE_URL: `sqlite:${file}` },
      async () => {
        const [found] = await stored<OutboxItem>(file, COLLECTIONS.outbox);
        return found;
      },
    );
    // The only instance on this file takes the dead process's claim at start (it was 120 s, plus a 30 s poll).
    expect(waitedMs).toBeLessThan(5_000);
    expect(item).toMatchObject({ state: 'posted', attempts: 2 });
  }, 120_000);

  it('one walk-through, one record: killed between the record write and the state write, submitted again after a restart', async () => {
    const file = path.join(dataDir, 'records.db');
    const env = { DATABASE_URL: `sqlite:${file}` };
    await bot?.stop();
    bot = await startBotProcess(env);
    const o = { serviceUrl: connector.url, from: person('crash-record') };
    const step = (s: Record<string, unknown>) => submit({ verb: 'sawPost.step', ...s }, o);
    await bot.post(message('I saw a post', o));
    await bot.post(step({ step: 'framing' }));
    await bot.post(step({ step: 'how', choice: 'colleague' }));
    await bot.post(step({ step: 'violation', choice: 'bullying' }));
    // "Create my record" on the card the manager was shown, with their note.
    const card = connector.sentActivities(chatOf(o.from)).at(-1).attachments[0].content;
    const create = submit({ ...card.actions[0].data, note: 'Called HR.' }, o);
    // The record is written, then its card is held and the process dies.
    await killDuringReply(create);
    expect(await stored(file, RECORDS_COLLECTION)).toHaveLength(1);

    bot = await startBotProcess(env);
    // Pressed again (a new activity): the walk-through resumes at its last step and finds its record.
    await bot.post({ ...create, id: randomUUID() });
    const reply = visibleText(connector.sentActivities(chatOf(o.from)));
    // And once more, late, after the walk-through has ended.
    connector.reset();
    await bot.post({ ...create, id: randomUUID() });
    const late = visibleText(connector.sentActivities(chatOf(o.from)));
    await bot.stop();
    expect(await stored(file, RECORDS_COLLECTION)).toHaveLength(1);
    expect(reply).toContain(t('en', 'sawPost.alreadyRecorded'));
    expect(reply).toContain('Called HR.');
    expect(late).toContain(t('en', 'sawPost.alreadyRecorded'));
    expect(late).toContain('Called HR.');
  }, 120_000);
});

withPostgres(
  'a bot process killed while posting a case card (PostgreSQL, shared by several instances)',
  () => {
    let connector: FakeConnector;
    let db: Awaited<ReturnType<typeof freshPgSchema>>;
    beforeAll(async () => {
      connector = await new FakeConnector().start();
      db = await freshPgSchema('smg_lease');
    }, 60_000);
    afterAll(async () => {
      await connector?.stop();
      await db?.drop();
    });

    it('posts the card within seconds of the restart, once: the dead claim lapses within its 15 s lease', async () => {
      const { waitedMs, item } = await crashWhilePosting(
        connector,
        { DATABASE_URL: db.url, CASE_OUTBOX_POLL_SECONDS: '30' },
        async () => {
          const store = await PostgresStore.open(DATABASE_URL!, { schema: db.schema });
          try {
            return (await store.list<OutboxItem>(COLLECTIONS.outbox))[0]?.value;
          } finally {
            await store.close();
          }
        },
      );
      // Another instance may still hold a live claim, so none is taken over: the lease (renewed every 5 s while
      // the post ran) lapses at most 15 s after the crash, and the worker wakes for it before its 30 s poll.
      expect(waitedMs).toBeLessThan(20_000);
      expect(item).toMatchObject({ state: 'posted', attempts: 2 });
    }, 120_000);
  },
);
