import { TEAM, cardAction, mention, message } from '../support/activities';
import { startBot, visibleText, type RunningBot } from '../support/harness';
import { TEST_DATABASE_URL, freshPgSchema } from '../support/pgSchema';

/**
 * Polite limits: one runaway client (a person, or a whole conversation) gets one notice in its language and
 * the rest of its messages are dropped without a Bot Connector call or a database write; the bot's own
 * messages to a conversation are spaced within Teams' limits (7 a second, 8 in 2 seconds, 60 in 30 seconds).
 */

const FLOOD = 500;
const person = (name: string) => ({ id: `29:${name}`, name: `Person ${name}`, aadObjectId: `aad-${name}` });
const chatOf = (m: { id: string }) => `a:personal-${m.id}`;

/** Posts `count` activities made by `make`, `parallel` at a time; returns the HTTP statuses. */
async function flood(bot: RunningBot, count: number, make: (i: number) => unknown, parallel = 25) {
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) statuses.push((await bot.post(make(next++))).status);
    }),
  );
  return statuses;
}

describe('rate limits per person and per conversation (defaults: 20 and 60 messages per 30 s)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ limits: true });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  it(`answers 20 of ${FLOOD} messages sent at once by one person, tells them once, and calls the Bot Connector for nothing else`, async () => {
    const who = person('flood');
    const started = Date.now();
    const statuses = await flood(bot, FLOOD, () =>
      message('help', { serviceUrl: bot.connector.url, from: who }),
    );
    const elapsedMs = Date.now() - started;
    expect(new Set(statuses)).toEqual(new Set([200]));
    const sent = bot.connector.sentActivities(chatOf(who));
    const notices = sent.filter((a) => a.text?.startsWith('You are sending messages faster'));
    expect(sent.filter((a) => a.attachments?.length)).toHaveLength(20);
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/for the next \d+ seconds/);
    expect(bot.connector.calls).toHaveLength(21);
    expect(bot.logs.lines.filter((l) => l.includes('"event":"turn.throttled"'))).toHaveLength(FLOOD - 20);
    // A flood is cheap to refuse: well under the time the answered turns take.
    expect(elapsedMs).toBeLessThan(20_000);
  }, 60_000);

  it('tells a French-speaking person in French, once', async () => {
    const who = person('flood-fr');
    await flood(bot, 60, () =>
      message('aide', { serviceUrl: bot.connector.url, from: who, locale: 'fr-CA' }),
    );
    const texts = bot.connector.sentActivities(chatOf(who)).map((a) => a.text ?? '');
    expect(texts.filter((x) => x.startsWith('Vous m’envoyez des messages plus vite'))).toHaveLength(1);
    expect(texts.filter((x) => x.startsWith('You are sending'))).toHaveLength(0);
  }, 30_000);

  it('answers a card action over the limit in its HTTP response, without calling the Bot Connector', async () => {
    const who = person('flood-invoke');
    const click = () =>
      cardAction(
        'caseRefresh',
        { caseId: 'VE-2026-0001' },
        { serviceUrl: bot.connector.url, conversationType: 'channel', channelId: '19:cards', from: who },
      );
    const before = await flood(bot, 20, click, 1);
    expect(new Set(before)).toEqual(new Set([200]));
    bot.connector.reset();
    const told = await bot.post(click());
    expect(JSON.parse(told.body).value).toMatch(/^You are sending messages faster/);
    expect((await bot.post(click())).status).toBe(429);
    expect(bot.connector.calls).toHaveLength(0);
  }, 30_000);

  it('limits a whole conversation too: 70 people mentioning the bot at once in one channel get 60 answers and one notice', async () => {
    const statuses = await flood(bot, 70, (i) =>
      mention('help', { serviceUrl: bot.connector.url, from: person(`channel-${i}`) }),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    const sent = bot.connector.sentActivities(TEAM.id);
    expect(sent.filter((a) => a.attachments?.length)).toHaveLength(60);
    expect(sent.filter((a) => a.text?.startsWith('This conversation is sending me messages'))).toHaveLength(
      1,
    );
  }, 30_000);
});

describe('the window ends (RATE_LIMIT_WINDOW_SECONDS=2)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ limits: true, env: { RATE_LIMIT_WINDOW_SECONDS: '2' } });
  });
  afterAll(async () => bot.stop());

  it('answers the person again once the window has passed', async () => {
    const who = person('recovers');
    await flood(bot, 40, () => message('help', { serviceUrl: bot.connector.url, from: who }));
    await new Promise((r) => setTimeout(r, 2100));
    bot.connector.reset();
    await bot.post(message('help', { serviceUrl: bot.connector.url, from: who }));
    expect(visibleText(bot.connector.sentActivities(chatOf(who)))).toContain('What I can do');
  }, 30_000);
});

const withPostgres = TEST_DATABASE_URL ? describe : describe.skip;

withPostgres('rate limits shared by two instances on one PostgreSQL database', () => {
  let a: RunningBot;
  let b: RunningBot;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await freshPgSchema('smg_limits');
    drop = db.drop;
    a = await startBot({ limits: true, env: { DATABASE_URL: db.url } });
    b = await startBot({ limits: true, env: { DATABASE_URL: db.url }, connector: a.connector });
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await drop?.();
  });

  it('counts one person’s messages across both instances: 20 answers in all, one notice', async () => {
    const who = person('two-instances');
    const make = () => message('help', { serviceUrl: a.connector.url, from: who });
    await Promise.all([flood(a, 30, make, 5), flood(b, 30, make, 5)]);
    const sent = a.connector.sentActivities(chatOf(who));
    expect(sent.filter((x) => x.attachments?.length)).toHaveLength(20);
    expect(sent.filter((x) => x.text?.startsWith('You are sending messages faster'))).toHaveLength(1);
  }, 60_000);
});

describe('pacing of the bot’s own messages to one conversation (Teams: 7 per second, 8 per 2 s)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ pacing: true });
  });
  afterAll(async () => bot.stop());

  it('spreads 16 replies in a row over time instead of sending them as fast as they are made', async () => {
    const who = person('paced');
    const other = person('not-held-up');
    for (let i = 0; i < 16; i++)
      await bot.post(message('help', { serviceUrl: bot.connector.url, from: who }));
    const times = bot.connector.calls.filter((c) => c.conversationId === chatOf(who)).map((c) => c.at!);
    expect(times).toHaveLength(16);
    const most = (windowMs: number) =>
      Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + windowMs).length));
    expect(most(1000)).toBeLessThanOrEqual(7);
    expect(most(2000)).toBeLessThanOrEqual(8);
    // Another conversation is not held up by the first one's budget.
    const started = Date.now();
    await bot.post(message('help', { serviceUrl: bot.connector.url, from: other }));
    expect(Date.now() - started).toBeLessThan(500);
  }, 30_000);
});
