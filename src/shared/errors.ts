/**
 * Errors recognised by their type wherever they are caught (never by matching their message text).
 */

/**
 * A state write lost to a concurrent one: the stored item changed since it was read (its eTag no longer
 * matches). On a turn it means Teams re-delivered the activity while the first delivery was still running.
 */
export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/** True when `err`, or an error it wraps (botbuilder-dialogs keeps the original as `error`), is `type`. */
export function isCausedBy<E extends Error>(
  err: unknown,
  type: abstract new (...args: never[]) => E,
): boolean {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    if (e instanceof type) return true;
    const { error, cause } = e as { error?: unknown; cause?: unknown };
    e = error ?? cause;
  }
  return false;
}
