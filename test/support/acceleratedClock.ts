import type { Clock } from '../../src/shared/clock';

/**
 * A clock on which time runs `factor` times faster than the wall clock: `now()` advances `factor` ms per real
 * ms, and every wait (a retry's back-off, Retry-After, an outbox poll, a lease) is `factor` times shorter.
 * The app's timing rules stay as they are, consistently scaled, so fault tests keep their assertions and take
 * seconds. Network calls, database timeouts and the connector's held replies stay in real time.
 */
export function acceleratedClock(factor: number): Clock & { realMs(ms: number): number } {
  const start = Date.now();
  const realMs = (ms: number) => Math.max(1, Math.round(ms / factor));
  return {
    realMs,
    now: () => new Date(start + (Date.now() - start) * factor),
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, realMs(ms))),
    setInterval: (fn, ms) => {
      const handle = setInterval(fn, realMs(ms));
      handle.unref();
      return handle;
    },
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    setTimeout: (fn, ms) => {
      const handle = setTimeout(fn, realMs(ms));
      handle.unref();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}
