import type { SqlClient, Store } from '../domain/store';
import { SqliteStore } from './sqlite/sqliteStore';
import { PostgresStore } from './postgres/postgresStore';

export interface OpenStoreOptions {
  /** Most PostgreSQL connections per instance (PG_POOL_MAX); SQLite ignores it. */
  readonly pgPoolMax?: number;
  /** Longest a PostgreSQL connection attempt or query may take (DATABASE_TIMEOUT_SECONDS); SQLite ignores it. */
  readonly databaseTimeoutMs?: number;
  /** PostgreSQL: the password of each new connection (DATABASE_AUTH=entra); SQLite ignores it. */
  readonly password?: () => Promise<string>;
}

/**
 * Chooses the backend from DATABASE_URL: `sqlite:<path>` (default, embedded) or `postgres://…` /
 * `postgresql://…` (shared by several instances; the schema is migrated on first use).
 */
export function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Store {
  if (databaseUrl.startsWith('sqlite:')) {
    return new SqliteStore(databaseUrl.slice('sqlite:'.length));
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return new PostgresStore(databaseUrl, {
      poolMax: options.pgPoolMax,
      timeoutMs: options.databaseTimeoutMs,
      password: options.password,
    });
  }
  throw new Error('Unsupported DATABASE_URL: use sqlite:<path> or postgres://…');
}

/** Where state shared by several instances (the rate limits) can live besides the documents: PostgreSQL only. */
export function sharedSqlOf(store: Store): SqlClient | undefined {
  return store instanceof PostgresStore ? store.sqlClient() : undefined;
}
