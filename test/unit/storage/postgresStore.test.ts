import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { CaseService } from '../../../src/domain/cases/caseService';
import { COLLECTIONS } from '../../../src/domain/cases/types';
import { ReminderWorker } from '../../../src/domain/cases/reminderWorker';
import { openStore } from '../../../src/storage/openStore';
import { PostgresStore } from '../../../src/storage/postgres/postgresStore';
import { POSTGRES_MIGRATIONS } from '../../../src/storage/postgres/migrations';
import { describeStoreContract } from './storeContract';
import { describeBotStateContract } from './botStateContract';

/**
 * The same contracts as SQLite, against a real PostgreSQL named by TEST_DATABASE_URL (.ci/run starts one;
 * `.ci/run postgres` does it locally). Without it these tests are skipped. Every test gets its own schema,
 * dropped afterwards, so runs and parallel test files never see each other's rows.
 */
const url = process.env.TEST_DATABASE_URL;
const describeWithPostgres = url && /^postgres(ql)?:\/\//.test(url) ? describe : describe.skip;

/** Nothing listens on port 1: connections are refused at once. */
const UNREACHABLE = 'postgres://nobody:nothing@127.0.0.1:1/none';

describeWithPostgres('PostgreSQL backend', () => {
  let admin: Pool;
  const schemas: string[] = [];
  beforeAll(() => {
    admin = new Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  function freshSchema(): string {
    const schema = `smg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    return schema;
  }

  function postgresFactory() {
    return async () => {
      const schema = freshSchema();
      return {
        store: await PostgresStore.open(url!, { schema, poolMax: 4 }),
        reopen: async () => PostgresStore.open(url!, { schema, poolMax: 4 }),
        cleanup: async () => {
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        },
      };
    };
  }

  describeStoreContract('PostgreSQL', postgresFactory());
  describeBotStateContract('PostgreSQL', postgresFactory());

  describe('migrations', () => {
    it('records each applied version once; re-opening applies nothing twice', async () => {
      const schema = freshSchema();
      const first = await PostgresStore.open(url!, { schema });
      expect(await first.schemaVersion()).toBe(POSTGRES_MIGRATIONS.at(-1)!.version);
      await first.close();
      const second = await PostgresStore.open(url!, { schema });
      await second.close();
      const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_migrations`);
      expect(rows).toHaveLength(POSTGRES_MIGRATIONS.length);
    });

    it('lets several instances start together on an empty database (advisory lock)', async () => {
      const schema = freshSchema();
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => PostgresStore.open(url!, { schema, poolMax: 2 })),
      );
      try {
        for (const store of stores) await expect(store.ping()).resolves.toBeUndefined();
        const { rows } = await admin.query(`SELECT version FROM ${schema}.schema_migrations`);
        expect(rows).toHaveLength(POSTGRES_MIGRATIONS.length);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });

  describe('two instances on one database', () => {
    let a: PostgresStore;
    let b: PostgresStore;
    beforeEach(async () => {
      const schema = freshSchema();
      a = await PostgresStore.open(url!, { schema, poolMax: 8 });
      b = await PostgresStore.open(url!, { schema, poolMax: 8 });
    });
    afterEach(async () => {
      await a.close();
      await b.close();
    });

    it('racing conditional updates on one document: exactly one wins each round', async () => {
      await a.insert('cases', 'VE-9', { round: 0 });
      const rounds = 25;
      for (let round = 1; round <= rounds; round++) {
        const expected = round; // the version both writers read
        const attempts = [a, b, a, b, a, b].map((store, writer) =>
          store.update('cases', 'VE-9', { round, writer }, expected),
        );
        const results = await Promise.all(attempts);
        expect(results.filter((r) => r === expected + 1)).toHaveLength(1);
        expect(results.filter((r) => r === undefined)).toHaveLength(attempts.length - 1);
        const winner = results.findIndex((r) => r !== undefined);
        expect((await b.get('cases', 'VE-9'))?.value).toEqual({ round, writer: winner });
      }
      expect((await a.get('cases', 'VE-9'))?.version).toBe(rounds + 1);
    });

    it('racing inserts of one id: exactly one creates it', async () => {
      const results = await Promise.all(
        [a, b, a, b].map((store, writer) => store.insert('posts', 'activity-7', { writer })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await b.get('posts', 'activity-7'))?.value).toEqual({ writer: results.indexOf(true) });
    });

    it('40 numbered batches racing on one counter from two instances: all succeed, numbers 1 to 40', async () => {
      const counter = { collection: 'counters', id: 'VE-2026' };
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? a : b).numberedBatch(counter, (n) => [
            { op: 'insert', collection: 'cases', id: `VE-2026-${n}`, value: { by: i } },
          ]),
        ),
      );
      const numbers = results.map((r) => (r.ok ? r.number : -1)).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await a.count('cases')).toBe(40);
      expect((await b.get('counters', 'VE-2026'))?.value).toEqual({ last: 40 });
    });

    it('32 managers confirming at the same moment on two instances: 32 cases numbered 1 to 32, none refused', async () => {
      // Before the counter was taken under its row lock, about a quarter of 12 simultaneous confirmations on a
      // loaded machine ran out of attempts and the manager got an error instead of a case number.
      // A fixed clock: a run straddling New Year's midnight would otherwise number in two years.
      const now = () => new Date('2026-06-01T12:00:00Z');
      const services = [a, b].map((store) => new CaseService(store, { retentionDays: 30, now }));
      const created = await Promise.all(
        Array.from({ length: 32 }, (_, i) =>
          services[i % 2]!.create({
            office: 'ombud',
            manager: { aadObjectId: `manager-${i}`, name: `Manager ${i}` },
            managerLang: i % 3 ? 'en' : 'fr',
            summary: 'A post about our program.',
            urgency: 'routine',
            contact: 'teamsChat',
            idempotencyKey: `a:chat-${i}|activity-1`,
          }),
        ),
      );
      expect(created.every((c) => c.created)).toBe(true);
      expect(created.map((c) => c.case.caseId).sort()).toEqual(
        Array.from({ length: 32 }, (_, i) => `OMB-2026-${String(i + 1).padStart(4, '0')}`),
      );
      expect(await b.count(COLLECTIONS.outbox)).toBe(32);
    });

    it('reminder workers of two instances running at once: each stalled case reminded once', async () => {
      let now = new Date('2026-03-02T15:00:00Z'); // Monday 10:00 in Ottawa
      const services = [a, b].map((store) => new CaseService(store, { retentionDays: 30, now: () => now }));
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const { case: c } = await services[0]!.create({
          office: i % 2 ? 'ombud' : 'valuesEthics',
          manager: { aadObjectId: `manager-${i}`, name: `Manager ${i}` },
          managerLang: 'en',
          summary: 'A post about our program.',
          urgency: i % 3 ? 'routine' : 'urgent',
          contact: 'teamsChat',
          idempotencyKey: `k-${i}`,
        });
        await services[0]!.markPosted(c.caseId, {
          serviceUrl: 'https://smba.example/',
          conversationId: `thread-${i}`,
          activityId: `${i}`,
        });
        ids.push(c.caseId);
      }
      now = new Date('2026-03-03T14:00:00Z'); // Tuesday 09:00: every case past 8 business hours
      const posted: string[] = [];
      const workers = [a, b].map(
        (store, i) =>
          new ReminderWorker({
            store,
            cases: services[i]!,
            now: () => now,
            policy: {
              urgentUnassignedHours: 2,
              unassignedHours: 8,
              ageingHours: 40,
              calendar: { timeZone: 'America/Toronto', dayStart: 480, dayEnd: 1020 },
            },
            remind: async (c) => void posted.push(c.caseId),
            classify: () => ({ retry: true, reason: 'test' }),
          }),
      );
      await Promise.all([...workers, ...workers].map((w) => w.pass()));
      expect(posted.sort()).toEqual([...ids].sort());
    });

    it('racing batches that update the same document: one commits whole, the other changes nothing', async () => {
      await a.insert('cases', 'VE-10', { status: 'new' });
      const attempt = (store: PostgresStore, who: string) =>
        store.batch([
          { op: 'insert', collection: 'audit', id: `VE-10#${who}`, value: { by: who } },
          { op: 'update', collection: 'cases', id: 'VE-10', value: { status: who }, expectedVersion: 1 },
        ]);
      const [ra, rb] = await Promise.all([attempt(a, 'a'), attempt(b, 'b')]);
      expect([ra, rb].filter((r) => r.ok)).toHaveLength(1);
      expect([ra, rb].filter((r) => !r.ok)).toEqual([{ ok: false, failedIndex: 1 }]);
      const winner = ra.ok ? 'a' : 'b';
      expect((await a.get('cases', 'VE-10'))?.value).toEqual({ status: winner });
      expect((await a.list('audit')).map((d) => d.id)).toEqual([`VE-10#${winner}`]);
    });
  });

  describe('queries', () => {
    let store: PostgresStore;
    beforeAll(async () => {
      store = await PostgresStore.open(url!, { schema: freshSchema() });
    });
    afterAll(async () => store.close());

    it('matches where-values by JSON type: strings, numbers and booleans never match each other', async () => {
      await store.insert('typed', 's', { f: '1' });
      await store.insert('typed', 'n', { f: 1 });
      await store.insert('typed', 'h', { f: 1.5 });
      await store.insert('typed', 't', { f: true });
      await store.insert('typed', 'x', { g: 1 });
      const ids = async (f: string | number | boolean) =>
        (await store.list('typed', { where: { f } })).map((d) => d.id).sort();
      expect(await ids('1')).toEqual(['s']);
      expect(await ids(1)).toEqual(['n']);
      expect(await ids(1.5)).toEqual(['h']);
      expect(await ids(true)).toEqual(['t']);
      expect(await ids(false)).toEqual([]);
      expect(await store.count('typed', { where: { f: 1, g: 1 } })).toBe(0);
    });

    it('keeps JSON values as written: nested objects, arrays, null', async () => {
      const value = { list: [1, 'two', { three: 3 }], nested: { a: null, b: false }, text: 'line\nbreak' };
      await store.put('shapes', 'v', value);
      expect((await store.get('shapes', 'v'))?.value).toEqual(value);
      await store.put('shapes', 'arr', [1, 2, 3]);
      expect((await store.get('shapes', 'arr'))?.value).toEqual([1, 2, 3]);
    });
  });
});

describe('PostgreSQL backend without a database', () => {
  it('fails the readiness ping, and keeps failing cleanly on later calls', async () => {
    const store = new PostgresStore(UNREACHABLE);
    await expect(store.ping()).rejects.toThrow();
    await expect(store.get('posts', 'x')).rejects.toThrow();
    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new PostgresStore(UNREACHABLE, { schema: 'x; DROP TABLE documents' })).toThrow(
      /Invalid schema name/,
    );
  });
});

describe('openStore', () => {
  it.each(['postgres://', 'postgresql://'])('chooses PostgreSQL for %s URLs', async (scheme) => {
    const store = openStore(UNREACHABLE.replace('postgres://', scheme));
    expect(store.backend).toBe('postgres');
    await store.close();
  });

  it('chooses SQLite for sqlite: URLs and refuses anything else', async () => {
    const store = openStore('sqlite::memory:');
    expect(store.backend).toBe('sqlite');
    await store.close();
    expect(() => openStore('mysql://x')).toThrow(/DATABASE_URL/);
  });
});
