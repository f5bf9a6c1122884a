import { DUE_INDEX_SQL, fieldIndexSql, INDEXED_FIELDS_V2, type Migration } from '../sqlite/migrations';

/**
 * PostgreSQL schema migrations, applied in order at start (each in its own transaction) while holding an
 * advisory lock, so instances starting together never race. Never edit a migration that has shipped: add
 * the next one. Same logical schema as SQLite, with native JSONB and timestamps.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents: versioned JSON records by collection',
    sql: `
      CREATE TABLE documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        value JSONB NOT NULL,
        version INTEGER NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX documents_expiry ON documents (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX documents_created ON documents (collection, created_at, id);
    `,
  },
  {
    version: 2,
    description: 'rate_limits: message counts per person and conversation, shared by the instances',
    // The layout rate-limiter-flexible's RateLimiterPostgres reads and writes (expire: epoch milliseconds);
    // created here so it exists, in the right schema, before the first message is counted.
    sql: `
      CREATE TABLE rate_limits (
        key VARCHAR(255) PRIMARY KEY,
        points INTEGER NOT NULL DEFAULT 0,
        expire BIGINT
      );
    `,
  },
  {
    version: 3,
    description: 'documents: an index for every field the app looks documents up by',
    // value->>'field' is the expression the store's string filters use (see whereClause).
    sql: [
      ...INDEXED_FIELDS_V2.map((fields) => fieldIndexSql(fields, (f) => `value->>'${f}'`)),
      DUE_INDEX_SQL,
    ].join('\n'),
  },
];
