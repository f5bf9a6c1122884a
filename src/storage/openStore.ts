import type { Store } from './types';
import { SqliteStore } from './sqlite/sqliteStore';

/** Chooses the backend from DATABASE_URL: `sqlite:<path>` (default, embedded) or `postgres://…` (shared by instances). */
export function openStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith('sqlite:')) {
    return new SqliteStore(databaseUrl.slice('sqlite:'.length));
  }
  throw new Error('The PostgreSQL backend is not available in this version; use DATABASE_URL=sqlite:<path>.');
}
