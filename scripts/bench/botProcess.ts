/**
 * One benchmarked bot in its own process (forked by scripts/bench.ts), so each bot's peak RSS and CPU
 * are its own. Environment: BENCH_KIND (guidance | echo), BENCH_DATABASE_URL, BENCH_PG_SCHEMA,
 * BENCH_LOG_LEVEL. Messages from the parent: {type: 'report'} → {type: 'report', …}; {type: 'stop'}.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/shared/logger';
import { openStore } from '../../src/storage/openStore';
import { PostgresStore } from '../../src/storage/postgres/postgresStore';
import type { Store } from '../../src/domain/store';

export type ChildMessage =
  | { type: 'ready'; url: string; rssMb: number }
  | { type: 'report'; peakRssMb: number; rssMb: number; heapUsedMb: number; cpuMs: number }
  | { type: 'failed'; message: string };

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const kind = process.env.BENCH_KIND;
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? '';
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    PG_POOL_MAX: process.env.PG_POOL_MAX,
    // Each benchmark conversation asks question after question as fast as it is answered, far beyond any
    // person and beyond Teams' pacing: the limits and the pacing are policy, not the cost being measured.
    RATE_LIMIT_USER_MESSAGES: '0',
    RATE_LIMIT_CONVERSATION_MESSAGES: '0',
  });
  // Logs go to stderr so a failing turn is visible in the benchmark's output.
  const logger = createLogger(config.logLevel, process.stderr);
  const store: Store = databaseUrl.startsWith('sqlite:')
    ? openStore(databaseUrl)
    : await PostgresStore.open(databaseUrl, {
        poolMax: config.pgPoolMax,
        timeoutMs: config.databaseTimeoutMs,
        schema: process.env.BENCH_PG_SCHEMA,
      });

  let peak = process.memoryUsage().rss;
  const sample = () => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
    return rss;
  };
  setInterval(sample, 20).unref();
  if (process.env.BENCH_TRACE_MEMORY) {
    // Every collection with its pause, to tell GC pauses from other stalls.
    setFlagsFromString('--trace-gc');
    setInterval(() => {
      const m = process.memoryUsage();
      process.stderr.write(
        `[${process.env.BENCH_KIND}] rss ${(m.rss / MB).toFixed(0)} heap ${(m.heapUsed / MB).toFixed(0)}/${(m.heapTotal / MB).toFixed(0)} ext ${(m.external / MB).toFixed(0)} ab ${(m.arrayBuffers / MB).toFixed(0)}\n`,
      );
    }, 2000).unref();
  }

  // Each bot loads only its own modules, so the echo bot's memory is not inflated by the guidance content.
  const app =
    kind === 'echo'
      ? (await import('./echoBot')).createEchoApp({ config, logger, store })
      : await (async () => {
          const [{ createApp }, { createAnswerService }, { allFeatures }] = await Promise.all([
            import('../../src/platform/app'),
            import('../../src/features/ask/answerService'),
            import('../../src/features'),
          ]);
          return createApp({
            config,
            logger,
            store,
            answer: createAnswerService(),
            features: allFeatures,
            pacing: false,
          });
        })();
  const { url } = await app.listen(0, '127.0.0.1');
  const allocations = await startAllocationProfile(process.env.BENCH_ALLOC_PROF, kind ?? 'bot');
  send({ type: 'ready', url, rssMb: sample() / MB });

  process.on('message', (message: { type: string }) => {
    if (message.type === 'report') {
      // With --expose-gc (the --users mode), memory is read after a full collection: what stays, not garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const cpu = process.cpuUsage();
      send({
        type: 'report',
        peakRssMb: peak / MB,
        rssMb: sample() / MB,
        heapUsedMb: process.memoryUsage().heapUsed / MB,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    } else if (message.type === 'stop') {
      allocations
        .stop()
        .then(() => app.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/**
 * BENCH_ALLOC_PROF=DIR: where a turn's garbage comes from. V8's sampling heap profiler, keeping the samples of
 * objects already collected (which --heap-prof drops), from the bot being ready until it is stopped; written
 * to DIR/<kind>.heapprofile (open in Chrome DevTools, Memory tab).
 */
async function startAllocationProfile(
  dir: string | undefined,
  kind: string,
): Promise<{ stop(): Promise<void> }> {
  if (!dir) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    stop: async () => {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      writeFileSync(path.join(dir, `${kind}.heapprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

main().catch((err: unknown) => {
  send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
