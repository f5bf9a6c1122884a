import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../../../src/storage/sqlite/sqliteStore';

/** A real SQLite store in a temp folder (the conditional writes and batches under test are the store's). */
export function tempStore(): { store: SqliteStore; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'smg-cases-'));
  const store = new SqliteStore(path.join(dir, 'cases.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-02T14:00:00Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}
