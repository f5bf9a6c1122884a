/**
 * Versioned schema migrations, applied in order at start inside one transaction each. Never edit a
 * migration that has shipped: add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * The document fields the app filters on (`ListOptions.where`), each alone or as the pairs a filter combines:
 * every lookup the product makes is served by an index, so no request and no timer reads a whole
 * collection (test/unit/storage/queryPlans.test.ts checks the plans). Frozen with the migration that
 * created them: a new lookup adds a migration, never an entry here.
 */
export const INDEXED_FIELDS_V2: readonly (readonly string[])[] = [
  ['office'],
  ['office', 'status'],
  ['office', 'urgency'],
  ['office', 'delivery'],
  ['managerAadObjectId'],
  ['caseId'],
  ['state'],
  ['owner'],
  ['postId'],
];

/**
 * One partial index per field list: (collection, the fields, created_at, id), over the documents that have
 * the first field. An equality on the field implies it is not null, so SQLite and PostgreSQL both use the
 * index for `collection = ? AND field = ?`, and walk it in the order the lists ask for (newest or oldest first).
 */
export function fieldIndexSql(fields: readonly string[], extract: (field: string) => string): string {
  const name = `documents_by_${fields.join('_')}`;
  const columns = fields.map((f) => `(${extract(f)})`).join(', ');
  return `CREATE INDEX ${name} ON documents (collection, ${columns}, created_at, id) WHERE (${extract(fields[0]!)}) IS NOT NULL;`;
}

/** What is due for retention in one collection (the case purge), in the order it fell due. */
export const DUE_INDEX_SQL =
  'CREATE INDEX documents_due ON documents (collection, expires_at, id) WHERE expires_at IS NOT NULL;';

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
  {
    version: 2,
    description: 'documents: an index for every field the app looks documents up by',
    sql: [
      ...INDEXED_FIELDS_V2.map((fields) => fieldIndexSql(fields, (f) => `json_extract(value, '$.${f}')`)),
      DUE_INDEX_SQL,
    ].join('\n'),
  },
];
