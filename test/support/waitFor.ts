/**
 * Polls `probe` until it gives a value (anything but undefined, null or false) and returns it; throws,
 * naming `what`, after `ms`. For effects that land after the request that caused them has been answered
 * (an outbox delivery, a record written by another process).
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
