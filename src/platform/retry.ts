import { DEFAULT_OUTBOX_RETRY, type OutboxRetry } from '../domain/cases/outbox';

/**
 * Retry for calls to the Bot Connector: 429 honours Retry-After (Teams allows about 7 messages a second
 * per conversation), 5xx and network failures back off exponentially with full jitter. 4xx other than 429
 * (403: bot removed or blocked, 404: conversation gone) are final and are not retried.
 */
export interface RetryOptions {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Proactive calls (a case card, a message to a manager) have time: five attempts, up to 30 s apart. */
export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * A turn's replies: four attempts from 1 s, as the SDK's own policy did, so a reply still lands within the
 * 15 s Teams waits for a turn.
 */
export const DEFAULT_REPLY_RETRY: RetryOptions = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 };

/** Every retry rule of the app, in one place; the app takes another (tests shorten it or run it on a fast clock). */
export interface RetryPolicy {
  /** Replies within a turn (they replace the SDK's own retry policy). */
  readonly reply: RetryOptions;
  /** Proactive calls: new threads in office channels, messages to stored chats, card updates. */
  readonly proactive: RetryOptions;
  /** Case cards a proactive call could not deliver: tried again across the outbox's polls. */
  readonly outbox: OutboxRetry;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  reply: DEFAULT_REPLY_RETRY,
  proactive: DEFAULT_RETRY,
  outbox: DEFAULT_OUTBOX_RETRY,
};

export type ConnectorFailureKind = 'forbidden' | 'not-found' | 'throttled' | 'unavailable' | 'rejected';

export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';
  constructor(
    readonly kind: ConnectorFailureKind,
    readonly statusCode: number | undefined,
    readonly attempts: number,
  ) {
    super(
      `Bot Connector call failed: ${kind}${statusCode ? ` (${statusCode})` : ''} after ${attempts} attempt(s)`,
    );
  }
}

export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  if (typeof e?.statusCode === 'number') return e.statusCode;
  if (typeof e?.response?.status === 'number') return e.response.status;
  return undefined;
}

/** A Retry-After value, seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The Retry-After header on a failed call's response, in milliseconds. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } })
    ?.response?.headers;
  return parseRetryAfterMs(headers?.get?.('retry-after'), now);
}

export function classify(status: number | undefined): ConnectorFailureKind {
  if (status === 403 || status === 401) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status === undefined || status >= 500) return 'unavailable';
  return 'rejected';
}

export const isRetryable = (kind: ConnectorFailureKind): boolean =>
  kind === 'throttled' || kind === 'unavailable';

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The wait before attempt `attempt + 1`: Retry-After when Teams throttled and said how long (capped), else
 * exponential back-off with full jitter.
 */
export function retryDelayMs(
  options: RetryOptions,
  attempt: number,
  kind: ConnectorFailureKind,
  hintedMs: number | undefined,
): number {
  if (kind === 'throttled' && hintedMs !== undefined) return Math.min(options.maxDelayMs, hintedMs);
  const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round((options.random ?? Math.random)() * backoff);
}

export async function withConnectorRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const status = statusOf(err);
      const kind = classify(status);
      if (!isRetryable(kind) || attempt >= options.maxAttempts)
        throw new ConnectorError(kind, status, attempt);
      await sleep(retryDelayMs(options, attempt, kind, retryAfterMs(err)));
    }
  }
}
