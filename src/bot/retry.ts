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

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

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

/** Seconds (or an HTTP date) from a Retry-After header on the error's response, in milliseconds. */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: { get?: (name: string) => string | undefined } } })
    ?.response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function classify(status: number | undefined): ConnectorFailureKind {
  if (status === 403 || status === 401) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'throttled';
  if (status === undefined || status >= 500) return 'unavailable';
  return 'rejected';
}

export async function withConnectorRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const status = statusOf(err);
      const kind = classify(status);
      const retryable = kind === 'throttled' || kind === 'unavailable';
      if (!retryable || attempt >= options.maxAttempts) throw new ConnectorError(kind, status, attempt);
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const hinted = kind === 'throttled' ? retryAfterMs(err) : undefined;
      await sleep(
        hinted !== undefined ? Math.min(options.maxDelayMs, hinted) : Math.round(random() * backoff),
      );
    }
  }
}
