/**
 * Versioned schema migrations, applied in order at start inside one transaction each. Never edit a
 * migration that has shipped: add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents: versioned JSON records by collection',
    sql: `
      CREATE TABLE documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        value TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        expires_at TEXT,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX documents_expiry ON documents (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX documents_created ON documents (collection, created_at);
    `,
  },
];
