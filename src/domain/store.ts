/**
 * One small storage interface for the whole app: bot/dialog state and the app's own records (posts,
 * feedback, registered channels, cases, audit log…). Records are JSON documents grouped in collections,
 * each with a version used for conditional writes, so two writers (or two instances, with PostgreSQL)
 * never overwrite each other's changes. SQLite and PostgreSQL implement it; the contract tests in
 * test/unit/storage run against every backend.
 */

export interface StoredDocument<T = unknown> {
  readonly collection: string;
  readonly id: string;
  readonly value: T;
  /** Starts at 1 and grows by one on every write; the basis of optimistic concurrency. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When set, the document is deleted by `purgeExpired` after this instant (retention). */
  readonly expiresAt?: string;
}

export interface WriteOptions {
  /** ISO instant after which the document may be purged. */
  readonly expiresAt?: string;
}

/** One step of an atomic batch: all steps apply, or none does. */
export type BatchOperation =
  | {
      readonly op: 'insert';
      readonly collection: string;
      readonly id: string;
      readonly value: unknown;
      readonly options?: WriteOptions;
    }
  | {
      readonly op: 'update';
      readonly collection: string;
      readonly id: string;
      readonly value: unknown;
      readonly expectedVersion: number;
      readonly options?: WriteOptions;
    }
  | {
      readonly op: 'put';
      readonly collection: string;
      readonly id: string;
      readonly value: unknown;
      readonly options?: WriteOptions;
    }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

export type BatchResult = { readonly ok: true } | { readonly ok: false; readonly failedIndex: number };

/** Where a numbered batch keeps its counter: a document whose value is `{ last: n }`. */
export interface CounterRef {
  readonly collection: string;
  readonly id: string;
}

export type NumberedBatchResult =
  { readonly ok: true; readonly number: number } | { readonly ok: false; readonly failedIndex: number };

export interface ListOptions {
  /** Only documents whose top-level JSON field equals the given string/number/boolean. */
  readonly where?: Readonly<Record<string, string | number | boolean>>;
  readonly limit?: number;
  /** Oldest first by default. */
  readonly order?: 'createdAsc' | 'createdDesc';
  /** The page after this document, in the list's order: a cursor taken from the previous page's last one. */
  readonly after?: PageCursor;
  /** Only documents whose retention (`expiresAt`) is at or before this ISO instant, in the order they fell due. */
  readonly expiredBy?: string;
}

/** Where a page ended: the last document's creation time and id (together unique and ordered). */
export interface PageCursor {
  readonly createdAt: string;
  readonly id: string;
}

export interface DocumentStore {
  get<T>(collection: string, id: string): Promise<StoredDocument<T> | undefined>;
  /** Creates the document; false (and nothing changed) when it already exists — the idempotency primitive. */
  insert(collection: string, id: string, value: unknown, options?: WriteOptions): Promise<boolean>;
  /** Replaces the document only if its version is still `expectedVersion`; returns the new version or undefined on conflict. */
  update(
    collection: string,
    id: string,
    value: unknown,
    expectedVersion: number,
    options?: WriteOptions,
  ): Promise<number | undefined>;
  /** Creates or replaces unconditionally; returns the new version. */
  put(collection: string, id: string, value: unknown, options?: WriteOptions): Promise<number>;
  delete(collection: string, id: string): Promise<boolean>;
  list<T>(collection: string, options?: ListOptions): Promise<StoredDocument<T>[]>;
  count(collection: string, options?: Pick<ListOptions, 'where'>): Promise<number>;
  /** Applies every operation atomically; stops at the first failing insert/update and applies nothing. */
  batch(operations: readonly BatchOperation[]): Promise<BatchResult>;
  /**
   * Takes the counter's next number and applies the operations built from it in the same transaction.
   * Concurrent callers (other instances included) wait for each other instead of failing, so a busy office
   * never runs out of attempts; when an operation fails, nothing applies and the number is not used up.
   * `failedIndex` counts in the built operations.
   */
  numberedBatch(
    counter: CounterRef,
    build: (number: number) => readonly BatchOperation[],
  ): Promise<NumberedBatchResult>;
  /** Deletes documents whose expiresAt is before `now`; returns how many per collection. */
  purgeExpired(now: Date): Promise<Record<string, number>>;
}

export interface Store extends DocumentStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Resolves when the database answers; rejects otherwise (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Runs SQL on the shared database, for state kept beside the documents in its own table (the rate limits). */
export interface SqlClient {
  query(query: { text: string; values?: unknown[]; name?: string }): Promise<unknown>;
}
