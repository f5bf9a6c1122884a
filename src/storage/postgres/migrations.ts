import { DUE_INDEX_SQL, fieldIndexSql, INDEXED_FIELDS_V2, type Migration } from '../sqlite/migrations';

/**
 * PostgreSQL schema migrations, applied in order at start (each in its own transaction) while holding an
 * advisory lock, so instances starting together never race. Never edit a migration that has shipped: add
 * the next one. Same logical schema as SQLite, with native JSONB and timestamps.
 */
/**
 * On PostgreSQL each field the app filters on is also a generated column (the field's JSON value, kept in step
 * by the database), so an index holds everything a count or a filter reads: counting an office's 40,000
 * closed cases reads the index alone instead of 40,000 rows. Frozen with migration 3, like the field list.
 */
export const PG_FIELD_COLUMNS: readonly string[] = [...new Set(INDEXED_FIELDS_V2.flat())];

/** The generated column that holds `field` (unquoted, so lower case). */
export function columnOf(field: string): string {
  return `f_${field.toLowerCase()}`;
}

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
    description: 'documents: the fields the app looks documents up by as columns, each with its index',
    sql: [
      ...PG_FIELD_COLUMNS.map(
        (field) =>
          `ALTER TABLE documents ADD COLUMN ${columnOf(field)} jsonb GENERATED ALWAYS AS (value->'${field}') STORED;`,
      ),
      ...INDEXED_FIELDS_V2.map((fields) => fieldIndexSql(fields, columnOf)),
      DUE_INDEX_SQL,
    ].join('\n'),
  },
];
