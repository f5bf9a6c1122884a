import { Pool, type PoolClient } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import type {
  BatchOperation,
  BatchResult,
  CounterRef,
  ListOptions,
  NumberedBatchResult,
  SqlClient,
  Store,
  StoredDocument,
  WriteOptions,
} from '../../domain/store';
import { BatchConflict, conflictResult } from '../batchConflict';
import type { Migration } from '../sqlite/migrations';
import { columnOf, PG_FIELD_COLUMNS, POSTGRES_MIGRATIONS } from './migrations';

interface Row {
  collection: string;
  id: string;
  value: unknown;
  version: number;
  created_at: Date;
  updated_at: Date;
  expires_at: Date | null;
}

/** Anything that runs a query: the pool, or one client inside a transaction. */
type Queryable = Pick<PoolClient, 'query'>;

const INDEXED_COLUMNS: ReadonlySet<string> = new Set(PG_FIELD_COLUMNS);
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** First half of the advisory lock key taken while migrating ("smg!" in ASCII); the second is the schema's hash. */
const MIGRATION_LOCK = 0x736d6721;

export interface PostgresStoreOptions {
  /** Most connections this instance opens (PG_POOL_MAX). */
  readonly poolMax?: number;
  /** Keeps every table in this schema (created if missing) instead of `public`: tests and benchmarks use one each. */
  readonly schema?: string;
  readonly now?: () => Date;
  /** Told about errors on idle connections (e.g. the server restarted); the next query reconnects. */
  readonly onIdleError?: (err: Error) => void;
  /** Longest a connection attempt or a query may take (DATABASE_TIMEOUT_SECONDS); 10 s by default. */
  readonly timeoutMs?: number;
  /** Asked for the password of each new connection (an Entra token: entraPassword.ts) instead of the URL's. */
  readonly password?: () => Promise<string>;
}

function toDocument<T>(row: Row): StoredDocument<T> {
  return {
    collection: row.collection,
    id: row.id,
    value: row.value as T,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.expires_at ? { expiresAt: row.expires_at.toISOString() } : {}),
  };
}

/**
 * The shared backend: several bot instances on one PostgreSQL database. Conditional writes rely on the row
 * lock an UPDATE takes (a concurrent `WHERE version = n` re-checks the committed row and finds no match),
 * inserts on `ON CONFLICT DO NOTHING`, batches on one transaction. Migrations run on first use; every
 * method waits for them, so `openStore` stays synchronous.
 */
export class PostgresStore implements Store {
  readonly backend = 'postgres' as const;
  private readonly pool: Pool;
  private readonly now: () => Date;
  private readonly schema: string | undefined;
  private ready: Promise<void> | undefined;
  private closed = false;

  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new Error(`Invalid schema name: ${options.schema}`);
    }
    this.schema = options.schema;
    this.now = options.now ?? (() => new Date());
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.pool = new Pool({
      // pg lets a connection string's fields override the options, password included: with a password
      // function the string is parsed here (by pg's own parser) and the function put in its place.
      ...(options.password
        ? { ...parseIntoClientConfig(connectionString), password: options.password }
        : { connectionString }),
      max: options.poolMax ?? 10,
      connectionTimeoutMillis: timeoutMs,
      // A database that stops answering without closing the connection (a network partition, a hung server)
      // would otherwise hold every turn waiting on it: the client gives up first, the server cancels its side.
      query_timeout: timeoutMs,
      statement_timeout: timeoutMs,
      // A transaction left open by a client that vanished would keep its row locks from the other instances.
      idle_in_transaction_session_timeout: 3 * timeoutMs,
      keepAlive: true,
      application_name: 'social-media-guidance-bot',
      ...(this.schema ? { options: `-c search_path=${this.schema}` } : {}),
    });
    // Without a listener, an idle connection dropped by the server would crash the process.
    this.pool.on('error', (err) => options.onIdleError?.(err));
    // Start migrating now; a failure is reported by the first call (and retried by it).
    this.ensureReady().catch(() => undefined);
  }

  /** Opens the store and waits until its schema is migrated. */
  static async open(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(connectionString, options);
    try {
      await store.ensureReady();
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  /**
   * Runs statements on this store's pool once its schema is migrated: for a component that keeps its own table
   * in the same database (the rate limiter's rate_limits, created by migration 2).
   */
  sqlClient(): SqlClient {
    return {
      query: async (query) => {
        await this.ensureReady();
        return this.pool.query(query as { text: string; values?: unknown[] });
      },
    };
  }

  async schemaVersion(): Promise<number> {
    await this.ensureReady();
    const { rows } = await this.pool.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM schema_migrations',
    );
    return rows[0]?.v ?? 0;
  }

  async ping(): Promise<void> {
    await this.ensureReady();
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready?.catch(() => undefined);
    await this.pool.end();
  }

  async get<T>(collection: string, id: string): Promise<StoredDocument<T> | undefined> {
    const db = await this.db();
    const { rows } = await db.query<Row>('SELECT * FROM documents WHERE collection = $1 AND id = $2', [
      collection,
      id,
    ]);
    return rows[0] ? toDocument<T>(rows[0]) : undefined;
  }

  async insert(collection: string, id: string, value: unknown, options?: WriteOptions): Promise<boolean> {
    return this.insertOn(await this.db(), collection, id, value, options);
  }

  async update(
    collection: string,
    id: string,
    value: unknown,
    expectedVersion: number,
    options?: WriteOptions,
  ): Promise<number | undefined> {
    return this.updateOn(await this.db(), collection, id, value, expectedVersion, options);
  }

  async put(collection: string, id: string, value: unknown, options?: WriteOptions): Promise<number> {
    return this.putOn(await this.db(), collection, id, value, options);
  }

  async delete(collection: string, id: string): Promise<boolean> {
    const db = await this.db();
    const result = await db.query('DELETE FROM documents WHERE collection = $1 AND id = $2', [
      collection,
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async list<T>(collection: string, options: ListOptions = {}): Promise<StoredDocument<T>[]> {
    const { clause, params } = whereClause(collection, options.where);
    const order = options.order === 'createdDesc' ? 'DESC' : 'ASC';
    let filters = '';
    if (options.after) {
      // A row-value comparison: the index on (…, created_at, id) starts right after the cursor.
      params.push(options.after.createdAt, options.after.id);
      filters += ` AND (created_at, id) ${order === 'ASC' ? '>' : '<'} ($${params.length - 1}::timestamptz, $${params.length})`;
    }
    if (options.expiredBy !== undefined) {
      params.push(options.expiredBy);
      filters += ` AND expires_at <= $${params.length}::timestamptz`;
    }
    // What is due is read in the order it fell due, by the retention index.
    const orderBy =
      options.expiredBy !== undefined
        ? `expires_at ${order}, id ${order}`
        : `created_at ${order}, id ${order}`;
    let limit = '';
    if (options.limit) {
      params.push(Math.max(1, Math.floor(options.limit)));
      limit = ` LIMIT $${params.length}`;
    }
    const db = await this.db();
    const { rows } = await db.query<Row>(
      `SELECT * FROM documents WHERE ${clause}${filters} ORDER BY ${orderBy}${limit}`,
      params,
    );
    return rows.map((row) => toDocument<T>(row));
  }

  async count(collection: string, options: Pick<ListOptions, 'where'> = {}): Promise<number> {
    const { clause, params } = whereClause(collection, options.where);
    const db = await this.db();
    const { rows } = await db.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM documents WHERE ${clause}`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  async batch(operations: readonly BatchOperation[]): Promise<BatchResult> {
    await this.ensureReady();
    return this.transaction(async (client) => {
      await this.applyOn(client, operations);
      return { ok: true } as const;
    }).catch(conflictResult);
  }

  async numberedBatch(
    counter: CounterRef,
    build: (number: number) => readonly BatchOperation[],
  ): Promise<NumberedBatchResult> {
    await this.ensureReady();
    return this.transaction(async (client) => {
      // The upsert takes the counter's row lock: a second caller waits here until this transaction ends,
      // then reads the committed number (ON CONFLICT DO UPDATE sees the latest row even in READ COMMITTED).
      const { rows } = await client.query<{ last: number }>(
        `INSERT INTO documents (collection, id, value, version, created_at, updated_at)
         VALUES ($1, $2, '{"last": 1}'::jsonb, 1, $3, $3)
         ON CONFLICT (collection, id) DO UPDATE
           SET value = jsonb_build_object('last', COALESCE((documents.value->>'last')::int, 0) + 1),
               version = documents.version + 1, updated_at = excluded.updated_at
         RETURNING (value->>'last')::int AS last`,
        [counter.collection, counter.id, this.now()],
      );
      const number = rows[0]!.last;
      await this.applyOn(client, build(number));
      return { ok: true, number } as const;
    }).catch(conflictResult);
  }

  /** Runs the operations on one transaction's client; throws BatchConflict at the first insert/update that fails. */
  private async applyOn(client: PoolClient, operations: readonly BatchOperation[]): Promise<void> {
    for (const [index, op] of operations.entries()) {
      switch (op.op) {
        case 'insert':
          if (!(await this.insertOn(client, op.collection, op.id, op.value, op.options)))
            throw new BatchConflict(index);
          break;
        case 'update':
          if (
            (await this.updateOn(client, op.collection, op.id, op.value, op.expectedVersion, op.options)) ===
            undefined
          )
            throw new BatchConflict(index);
          break;
        case 'put':
          await this.putOn(client, op.collection, op.id, op.value, op.options);
          break;
        case 'delete':
          await client.query('DELETE FROM documents WHERE collection = $1 AND id = $2', [
            op.collection,
            op.id,
          ]);
          break;
      }
    }
  }

  async purgeExpired(now: Date): Promise<Record<string, number>> {
    const db = await this.db();
    const { rows } = await db.query<{ collection: string; n: number }>(
      `WITH gone AS (
         DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at < $1 RETURNING collection
       )
       SELECT collection, COUNT(*)::int AS n FROM gone GROUP BY collection`,
      [now],
    );
    return Object.fromEntries(rows.map((r) => [r.collection, r.n]));
  }

  private async db(): Promise<Queryable> {
    await this.ensureReady();
    return this.pool;
  }

  private ensureReady(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('PostgresStore is closed'));
    this.ready ??= migrate(this.pool, POSTGRES_MIGRATIONS, this.schema).catch((err: unknown) => {
      // Database down at start: the next call tries again instead of failing forever.
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  private async transaction<R>(work: (client: PoolClient) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      // A failed ROLLBACK means the connection is unusable: drop it rather than return it to the pool.
      const rollback = await client.query('ROLLBACK').then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      );
      client.release(rollback);
      throw err;
    }
  }

  private async insertOn(
    db: Queryable,
    collection: string,
    id: string,
    value: unknown,
    options?: WriteOptions,
  ): Promise<boolean> {
    const stamp = this.now();
    const result = await db.query(
      `INSERT INTO documents (collection, id, value, version, created_at, updated_at, expires_at)
       VALUES ($1, $2, $3::jsonb, 1, $4, $4, $5) ON CONFLICT (collection, id) DO NOTHING`,
      [collection, id, JSON.stringify(value), stamp, options?.expiresAt ?? null],
    );
    return (result.rowCount ?? 0) > 0;
  }

  private async updateOn(
    db: Queryable,
    collection: string,
    id: string,
    value: unknown,
    expectedVersion: number,
    options?: WriteOptions,
  ): Promise<number | undefined> {
    const { rows } = await db.query<{ version: number }>(
      `UPDATE documents SET value = $1::jsonb, version = version + 1, updated_at = $2, expires_at = $3
       WHERE collection = $4 AND id = $5 AND version = $6
       RETURNING version`,
      [JSON.stringify(value), this.now(), options?.expiresAt ?? null, collection, id, expectedVersion],
    );
    return rows[0]?.version;
  }

  private async putOn(
    db: Queryable,
    collection: string,
    id: string,
    value: unknown,
    options?: WriteOptions,
  ): Promise<number> {
    const stamp = this.now();
    const { rows } = await db.query<{ version: number }>(
      `INSERT INTO documents (collection, id, value, version, created_at, updated_at, expires_at)
       VALUES ($1, $2, $3::jsonb, 1, $4, $4, $5)
       ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value, version = documents.version + 1,
         updated_at = excluded.updated_at, expires_at = excluded.expires_at
       RETURNING version`,
      [collection, id, JSON.stringify(value), stamp, options?.expiresAt ?? null],
    );
    return rows[0]!.version;
  }
}

/**
 * `collection = $1 AND …` for a `where` filter. Every value compares as JSON (`… = $n::jsonb`), so types are
 * kept apart (1 matches 1.0 but never "1" or true). A field the app looks documents up by is read from its
 * generated column (migration 3), which its index holds: counts read the index alone, lists walk it in order.
 */
function whereClause(collection: string, where: ListOptions['where']): { clause: string; params: unknown[] } {
  const parts = ['collection = $1'];
  const params: unknown[] = [collection];
  for (const [field, expected] of Object.entries(where ?? {})) {
    // Field names are written into the SQL text: only plain identifiers, never user input.
    if (!FIELD_NAME.test(field)) throw new Error(`Invalid field name in query: ${field}`);
    params.push(JSON.stringify(expected));
    const column = INDEXED_COLUMNS.has(field) ? columnOf(field) : `value->'${field}'`;
    parts.push(`${column} = $${params.length}::jsonb`);
  }
  return { clause: parts.join(' AND '), params };
}

/**
 * Applies pending migrations, each in its own transaction, while holding a session advisory lock keyed by
 * schema: a second instance starting at the same time waits, then finds nothing left to do.
 */
async function migrate(
  pool: Pool,
  migrations: readonly Migration[],
  schema: string | undefined,
): Promise<void> {
  const lockKey = [MIGRATION_LOCK, schema ?? 'public'];
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', lockKey);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, now())',
          [migration.version, migration.description],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', lockKey);
    client.release();
  } catch (err) {
    // Discarding the connection ends its session, which releases the advisory lock it may still hold.
    client.release(err instanceof Error ? err : true);
    throw err;
  }
}
