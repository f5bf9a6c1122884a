import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../../src/storage/sqlite/sqliteStore';
import { SQLITE_MIGRATIONS } from '../../../src/storage/sqlite/migrations';
import { describeStoreContract } from './storeContract';
import { describeBotStateContract } from './botStateContract';

function sqliteFactory() {
  return async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smg-store-'));
    const file = path.join(dir, 'test.db');
    return {
      store: new SqliteStore(file),
      reopen: async () => new SqliteStore(file),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  };
}

describeStoreContract('SQLite', sqliteFactory());
describeBotStateContract('SQLite', sqliteFactory());

describe('SQLite migrations', () => {
  it('records each applied version once, and re-opening applies nothing twice', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smg-mig-'));
    const file = path.join(dir, 'm.db');
    try {
      const first = new SqliteStore(file);
      expect(first.schemaVersion()).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
      void first.close();
      const second = new SqliteStore(file);
      void second.close();
      const db = new Database(file, { readonly: true });
      const rows = db.prepare('SELECT version FROM schema_migrations').all();
      db.close();
      expect(rows).toHaveLength(SQLITE_MIGRATIONS.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
