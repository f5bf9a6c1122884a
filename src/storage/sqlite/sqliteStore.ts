import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  BatchOperation,
  BatchResult,
  CounterRef,
  ListOptions,
  NumberedBatchResult,
  Store,
  StoredDocument,
  WriteOptions,
} from '../../domain/store';
import { BatchConflict, conflictResult } from '../batchConflict';
import { SQLITE_MIGRATIONS, type Migration } from './migrations';

interface Row {
  collection: string;
  id: string;
  value: string;
  version: number;
  created_at: string;
  updated_at: string;
  expires_at: string | null;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function toDocument<T>(row: Row): StoredDocument<T> {
  return {
    collection: row.collection,
    id: row.id,
    value: JSON.parse(row.value) as T,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
  };
}

/**
 * SQLite's page cache, in KiB. better-sqlite3 builds SQLite with 16 MB per connection; that cache fills as the
 * database grows past it, which showed as the bot's RSS growing by about 20 MB from 1,000 to 50,000 people
 * (`npm run bench -- --users`). 8 MB keeps the hot pages of a department's documents; the rest is read from the
 * operating system's file cache.
 */
const PAGE_CACHE_KIB = 8000;

/**
 * The embedded default backend. better-sqlite3 is synchronous, so every call completes within one tick:
 * conditional writes are atomic without extra locking. WAL mode lets the readiness probe and writers coexist.
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly now: () => Date;

  constructor(file: string, options: { now?: () => Date } = {}) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // With WAL, NORMAL syncs at checkpoints rather than every commit: a crash of the process loses nothing,
    // only a power loss of the machine can lose the last commits. It saves an fsync on every turn.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    this.now = options.now ?? (() => new Date());
    migrate(this.db, SQLITE_MIGRATIONS);
  }

  /** Prepared statements are reused: preparing SQL costs more than running it on every turn. */
  private readonly statements = new Map<string, Database.Statement>();
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  schemaVersion(): number {
    const row = this.statement('SELECT MAX(version) AS v FROM schema_migrations').get() as {
      v: number | null;
    };
    return row.v ?? 0;
  }

  async ping(): Promise<void> {
    this.statement('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async get<T>(collection: string, id: string): Promise<StoredDocument<T> | undefined> {
    const row = this.statement('SELECT * FROM documents WHERE collection = ? AND id = ?').get(
      collection,
      id,
    ) as Row | undefined;
    return row ? toDocument<T>(row) : undefined;
  }

  async insert(collection: string, id: string, value: unknown, options?: WriteOptions): Promise<boolean> {
    return this.insertSync(collection, id, value, options);
  }

  async update(
    collection: string,
    id: string,
    value: unknown,
    expectedVersion: number,
    options?: WriteOptions,
  ): Promise<number | undefined> {
    return this.updateSync(collection, id, value, expectedVersion, options);
  }

  async put(collection: string, id: string, value: unknown, options?: WriteOptions): Promise<number> {
    return this.putSync(collection, id, value, options);
  }

  async delete(collection: string, id: string): Promise<boolean> {
    return (
      this.statement('DELETE FROM documents WHERE collection = ? AND id = ?').run(collection, id).changes > 0
    );
  }

  async list<T>(collection: string, options: ListOptions = {}): Promise<StoredDocument<T>[]> {
    const { clause, params } = whereClause(collection, options.where);
    const order = options.order === 'createdDesc' ? 'DESC' : 'ASC';
    let filters = '';
    if (options.after) {
      // A row-value comparison: the index on (…, created_at, id) starts right after the cursor.
      filters += ` AND (created_at, id) ${order === 'ASC' ? '>' : '<'} (?, ?)`;
      params.push(options.after.createdAt, options.after.id);
    }
    if (options.expiredBy !== undefined) {
      filters += ' AND expires_at IS NOT NULL AND expires_at <= ?';
      params.push(options.expiredBy);
    }
    // What is due is read in the order it fell due, by the retention index.
    const orderBy =
      options.expiredBy !== undefined
        ? `expires_at ${order}, id ${order}`
        : `created_at ${order}, id ${order}`;
    const limit = options.limit ? ` LIMIT ${Math.max(1, Math.floor(options.limit))}` : '';
    const rows = this.statement(
      `SELECT * FROM documents WHERE ${clause}${filters} ORDER BY ${orderBy}${limit}`,
    ).all(...params) as Row[];
    return rows.map((row) => toDocument<T>(row));
  }

  async count(collection: string, options: Pick<ListOptions, 'where'> = {}): Promise<number> {
    const { clause, params } = whereClause(collection, options.where);
    const row = this.statement(`SELECT COUNT(*) AS n FROM documents WHERE ${clause}`).get(...params) as {
      n: number;
    };
    return row.n;
  }

  async batch(operations: readonly BatchOperation[]): Promise<BatchResult> {
    try {
      this.db.transaction(() => this.applySync(operations))();
      return { ok: true };
    } catch (err) {
      return conflictResult(err);
    }
  }

  async numberedBatch(
    counter: CounterRef,
    build: (number: number) => readonly BatchOperation[],
  ): Promise<NumberedBatchResult> {
    // One synchronous transaction: no other caller can run between taking the number and using it.
    const run = this.db.transaction(() => {
      const current = this.statement('SELECT * FROM documents WHERE collection = ? AND id = ?').get(
        counter.collection,
        counter.id,
      ) as Row | undefined;
      const number = (current ? ((JSON.parse(current.value) as { last?: number }).last ?? 0) : 0) + 1;
      this.putSync(counter.collection, counter.id, { last: number });
      this.applySync(build(number));
      return number;
    });
    try {
      return { ok: true, number: run() };
    } catch (err) {
      return conflictResult(err);
    }
  }

  /** Runs the operations inside the caller's transaction; throws BatchConflict at the first insert/update that fails. */
  private applySync(operations: readonly BatchOperation[]): void {
    operations.forEach((op, index) => {
      switch (op.op) {
        case 'insert':
          if (!this.insertSync(op.collection, op.id, op.value, op.options)) throw new BatchConflict(index);
          break;
        case 'update':
          if (this.updateSync(op.collection, op.id, op.value, op.expectedVersion, op.options) === undefined)
            throw new BatchConflict(index);
          break;
        case 'put':
          this.putSync(op.collection, op.id, op.value, op.options);
          break;
        case 'delete':
          this.statement('DELETE FROM documents WHERE collection = ? AND id = ?').run(op.collection, op.id);
          break;
      }
    });
  }

  async purgeExpired(now: Date): Promise<Record<string, number>> {
    const cutoff = now.toISOString();
    const purge = this.db.transaction(() => {
      const counts = this.statement(
        'SELECT collection, COUNT(*) AS n FROM documents WHERE expires_at IS NOT NULL AND expires_at < ? GROUP BY collection',
      ).all(cutoff) as { collection: string; n: number }[];
      this.statement('DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at < ?').run(cutoff);
      return Object.fromEntries(counts.map((c) => [c.collection, c.n]));
    });
    return purge();
  }

  private insertSync(collection: string, id: string, value: unknown, options?: WriteOptions): boolean {
    const stamp = this.now().toISOString();
    const result = this.statement(
      `INSERT INTO documents (collection, id, value, version, created_at, updated_at, expires_at)
         VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT (collection, id) DO NOTHING`,
    ).run(collection, id, JSON.stringify(value), stamp, stamp, options?.expiresAt ?? null);
    return result.changes > 0;
  }

  private updateSync(
    collection: string,
    id: string,
    value: unknown,
    expectedVersion: number,
    options?: WriteOptions,
  ): number | undefined {
    const result = this.statement(
      `UPDATE documents SET value = ?, version = version + 1, updated_at = ?, expires_at = ?
         WHERE collection = ? AND id = ? AND version = ?`,
    ).run(
      JSON.stringify(value),
      this.now().toISOString(),
      options?.expiresAt ?? null,
      collection,
      id,
      expectedVersion,
    );
    return result.changes > 0 ? expectedVersion + 1 : undefined;
  }

  private putSync(collection: string, id: string, value: unknown, options?: WriteOptions): number {
    const stamp = this.now().toISOString();
    const row = this.statement(
      `INSERT INTO documents (collection, id, value, version, created_at, updated_at, expires_at)
         VALUES (?, ?, ?, 1, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET value = excluded.value, version = documents.version + 1,
           updated_at = excluded.updated_at, expires_at = excluded.expires_at
         RETURNING version`,
    ).get(collection, id, JSON.stringify(value), stamp, stamp, options?.expiresAt ?? null) as {
      version: number;
    };
    return row.version;
  }
}

function whereClause(
  collection: string,
  where: ListOptions['where'],
): { clause: string; params: (string | number)[] } {
  const parts = ['collection = ?'];
  const params: (string | number)[] = [collection];
  for (const [field, expected] of Object.entries(where ?? {})) {
    // Field names become part of a JSON path: only plain identifiers, never user input.
    if (!FIELD_NAME.test(field)) throw new Error(`Invalid field name in query: ${field}`);
    parts.push(`json_extract(value, '$.${field}') = ?`);
    params.push(typeof expected === 'boolean' ? (expected ? 1 : 0) : expected);
  }
  return { clause: parts.join(' AND '), params };
}

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.description,
        new Date().toISOString(),
      );
    })();
  }
}
