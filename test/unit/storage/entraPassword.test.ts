import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import {
  POSTGRES_ENTRA_SCOPE,
  databasePassword,
  entraPassword,
  type AccessTokenSource,
} from '../../../src/storage/postgres/entraPassword';
import { PostgresStore } from '../../../src/storage/postgres/postgresStore';

/**
 * PostgreSQL sign-in with an Entra token as the password (DATABASE_AUTH=entra): the token is reused until
 * shortly before it expires, then refreshed; no network here, the credential is a fake with a clock.
 */
const MINUTE = 60_000;

class FakeCredential implements AccessTokenSource {
  calls: string[] = [];
  failNext = false;
  private issued = 0;
  constructor(
    private readonly clock: { now: number },
    private readonly lifetimeMs = 60 * MINUTE,
  ) {}
  async getToken(scopes: string | string[]) {
    this.calls.push(String(scopes));
    await new Promise((r) => setImmediate(r));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('Entra unreachable');
    }
    this.issued += 1;
    return { token: `token-${this.issued}`, expiresOnTimestamp: this.clock.now + this.lifetimeMs };
  }
}

describe('Entra token as the PostgreSQL password', () => {
  const clock = { now: Date.parse('2025-03-01T12:00:00Z') };
  const now = () => clock.now;

  it('asks for the Azure Database for PostgreSQL audience and reuses the token until 5 minutes before expiry', async () => {
    const credential = new FakeCredential(clock);
    const password = entraPassword(credential, { now });
    expect(await password()).toBe('token-1');
    expect(credential.calls).toEqual([POSTGRES_ENTRA_SCOPE]);
    expect(POSTGRES_ENTRA_SCOPE).toBe('https://ossrdbms-aad.database.windows.net/.default');

    clock.now += 54 * MINUTE;
    expect(await password()).toBe('token-1');
    expect(credential.calls).toHaveLength(1);

    clock.now += 1 * MINUTE + 1; // 55 minutes in: inside the refresh margin
    expect(await password()).toBe('token-2');
    expect(credential.calls).toHaveLength(2);
  });

  it('shares one request between connections opened at the same moment', async () => {
    const credential = new FakeCredential(clock);
    const password = entraPassword(credential, { now });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => password()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(credential.calls).toHaveLength(1);
  });

  it('keeps a still-valid token when a refresh fails, and tries again on the next connection', async () => {
    const credential = new FakeCredential(clock);
    const errors: unknown[] = [];
    const password = entraPassword(credential, { now, onRefreshError: (e) => errors.push(e) });
    expect(await password()).toBe('token-1');
    clock.now += 57 * MINUTE;
    credential.failNext = true;
    expect(await password()).toBe('token-1');
    expect(errors).toHaveLength(1);
    expect(await password()).toBe('token-2');
  });

  it('fails the connection when there is no valid token and Entra cannot be reached; the failure is not cached', async () => {
    const credential = new FakeCredential(clock);
    const password = entraPassword(credential, { now });
    credential.failNext = true;
    await expect(password()).rejects.toThrow('Entra unreachable');
    expect(await password()).toBe('token-1');

    clock.now += 61 * MINUTE; // expired
    credential.failNext = true;
    await expect(password()).rejects.toThrow('Entra unreachable');
  });

  it('refuses an empty answer from the credential', async () => {
    const password = entraPassword({ getToken: async () => null }, { now });
    await expect(password()).rejects.toThrow(/no token/);
  });

  it('is only configured for DATABASE_AUTH=entra', () => {
    expect(databasePassword({ mode: 'password' })).toBeUndefined();
    expect(typeof databasePassword({ mode: 'entra', clientId: '22222222-3333-4444-5555-666666666666' })).toBe(
      'function',
    );
  });
});

/**
 * The store really uses the function: the URL carries the role but no password, and pg signs in with what
 * the function returns (here the test database's password, standing in for a token).
 */
const url = process.env.TEST_DATABASE_URL;
const describeWithPostgres = url && /^postgres(ql)?:\/\//.test(url) ? describe : describe.skip;

describeWithPostgres('PostgresStore with a password function', () => {
  const schema = `smg_entra_${process.pid}_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const admin = new Pool({ connectionString: url, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('signs in with the function’s answer, not the connection string’s (empty) password', async () => {
    const parsed = new URL(url!);
    const secret = decodeURIComponent(parsed.password);
    parsed.password = '';
    let asked = 0;
    const store = await PostgresStore.open(parsed.toString(), {
      schema,
      poolMax: 2,
      password: async () => {
        asked += 1;
        return secret;
      },
    });
    try {
      await store.put('probe', 'one', { ok: true });
      expect((await store.get<{ ok: boolean }>('probe', 'one'))?.value).toEqual({ ok: true });
      expect(asked).toBeGreaterThan(0);
    } finally {
      await store.close();
    }

    const refused = await PostgresStore.open(parsed.toString(), {
      schema,
      poolMax: 1,
      password: async () => 'not-the-password',
    }).then(
      () => 'opened',
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/password authentication failed/);
  });
});
