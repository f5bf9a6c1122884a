/**
 * `npm run bench:storage`: how the office board, "My cases", a case's audit trail and the timers behave as
 * cases pile up. Seeds N cases through the case service (spread over 700 days; 80 % values and ethics, 20 %
 * Ombud; half of them closed, about half of those past their retention) and times what the tab API and the
 * timers do with them, on SQLite (default) or PostgreSQL (`--db postgres://…`, in a throwaway schema).
 *
 *   npm run bench:storage -- [--cases 1000,10000,100000] [--db postgres://…] [--samples 30] [--json]
 *
 * Each figure is the p50 / p99 of `--samples` runs in this process, after one warm-up run. The board figures
 * include shaping the response as the API sends it (counts, one page of rows, the next-page cursor) and its
 * size in JSON. Targets (reported, not asserted): board and case lookups p99 ≤ 50 ms at 100k cases,
 * responses ≤ 200 KB, opening the database at 100k within 20 % of opening an empty one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { readBoardPage } from '../src/domain/cases/caseBoard';
import { reminderPolicyFrom } from '../src/domain/cases/reminders';
import { CaseService } from '../src/domain/cases/caseService';
import { OutboxWorker } from '../src/domain/cases/outbox';
import { COLLECTIONS, type OfficeId, type Urgency } from '../src/domain/cases/types';
import type { Store } from '../src/domain/store';
import { board } from '../src/features/tabs/tabData';
import { loadConfig } from '../src/platform/config';
import { PostgresStore } from '../src/storage/postgres/postgresStore';
import { SqliteStore } from '../src/storage/sqlite/sqliteStore';

const DAY_MS = 86_400_000;
const RETENTION_DAYS = 365;
const OFFICER = { aadObjectId: 'bench-officer', name: 'Bench Officer' };

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000,10000,100000' },
    db: { type: 'string' },
    samples: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const sizes = values.cases.split(',').map((s) => Number(s.trim()));
const samples = Math.max(1, Number(values.samples));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('--cases takes whole numbers separated by commas, e.g. 1000,10000');
  process.exit(2);
}

interface Timing {
  readonly p50: number;
  readonly p99: number;
}

interface Row {
  readonly cases: number;
  readonly backend: string;
  readonly seedSeconds: number;
  readonly openEmptyMs: number;
  readonly openMs: number;
  /** SQLite only: the bot (src/index.ts through tsx) from spawn to /healthz, on an empty file and on the seeded one. */
  readonly startEmptyMs?: number;
  readonly startMs?: number;
  readonly board: Timing;
  readonly boardKb: number;
  readonly boardFiltered: Timing;
  readonly boardNextPage: Timing;
  readonly caseWithAudit: Timing;
  readonly myCases: Timing;
  readonly outboxScan: Timing;
  readonly purgeFirst: { readonly ms: number; readonly purged: number };
  readonly purgeDue: Timing;
  readonly rssMb: number;
}

async function time(run: () => Promise<unknown>): Promise<Timing> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A store for one size: a new SQLite file, or a new PostgreSQL schema; `reopen` measures opening it. */
async function freshStore(size: number, clock: () => Date) {
  if (values.db) {
    const schema = `bench_storage_${size}_${process.pid}`;
    const open = async () => {
      const store = await PostgresStore.open(values.db!, { schema, now: clock });
      return store;
    };
    return {
      store: await open(),
      reopen: open,
      drop: async () => {
        const store = await open();
        await store.sqlClient().query({ text: `DROP SCHEMA ${schema} CASCADE` });
        await store.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'smg-bench-storage-'));
  const file = path.join(dir, 'bench.db');
  return {
    store: new SqliteStore(file, { now: clock }) as Store,
    reopen: async () => new SqliteStore(file, { now: clock }) as Store,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
    file,
  };
}

/**
 * Starts the bot in local mode on `databaseUrl` and times spawn → /healthz answering. The retention purge
 * runs after the bot is ready, so it is not counted (and must not be: start-up does no purge work first).
 */
async function startupMs(databaseUrl: string): Promise<number> {
  const port = 41000 + Math.floor(Math.random() * 1000);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../src/index.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      MicrosoftAppId: '',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return round(performance.now() - t0);
      if (performance.now() - t0 > 60_000) throw new Error('The bot did not answer /healthz within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function openMs(reopen: () => Promise<Store>): Promise<number> {
  const t0 = performance.now();
  const store = await reopen();
  await store.ping();
  const ms = performance.now() - t0;
  await store.close();
  return round(ms);
}

async function measure(size: number): Promise<Row> {
  const start = Date.parse('2025-01-01T09:00:00Z');
  let now = start;
  const clock = () => new Date(now);
  const fresh = await freshStore(size, clock);
  const { store, reopen, drop } = fresh;
  try {
    const openEmptyMs = await openMs(reopen);
    const startEmptyMs = 'file' in fresh ? await startupMs(`sqlite:${fresh.file}`) : undefined;
    const cases = new CaseService(store, { retentionDays: RETENTION_DAYS, now: clock });
    const outbox = new OutboxWorker({
      store,
      cases,
      now: clock,
      post: async (c) => ({ serviceUrl: 'https://x.test', conversationId: 'office', activityId: c.caseId }),
      classify: () => ({ retry: true, reason: 'bench' }),
    });
    const step = (700 * DAY_MS) / size;
    const t0 = performance.now();
    for (let i = 0; i < size; i++) {
      now = start + Math.floor(i * step);
      const office: OfficeId = i % 5 === 4 ? 'ombud' : 'valuesEthics';
      const urgency: Urgency = i % 10 === 0 ? 'urgent' : i % 4 === 0 ? 'timeSensitive' : 'routine';
      const { case: c } = await cases.create({
        office,
        manager: { aadObjectId: `manager-${i % Math.max(1, Math.floor(size / 100))}`, name: 'A Manager' },
        managerLang: i % 3 === 0 ? 'fr' : 'en',
        summary: `An employee posted about a departmental programme (${i}).`,
        urgency,
        contact: 'teamsChat',
        idempotencyKey: `seed-${i}`,
      });
      // The outbox delivers the cards as it goes (every 500 cases here), as its timer does.
      if (i % 500 === 499) await outbox.pass();
      if (i % 2 === 0) {
        await cases.assign(c.caseId, OFFICER, undefined);
        await cases.close(c.caseId, OFFICER, 'adviceGiven', 'Advice given.');
      }
    }
    await outbox.pass();
    // What autovacuum does on a database in use: statistics for the planner and the visibility map that
    // index-only counts need. Seeded in minutes, the tables never gave it the chance.
    if (store instanceof PostgresStore) await store.sqlClient().query({ text: 'VACUUM ANALYZE documents' });
    const seedSeconds = round((performance.now() - t0) / 1000);
    // The seeding must look like a year of real use: every card delivered.
    const posted = await store.count(COLLECTIONS.outbox, { where: { state: 'posted' } });
    if (posted !== size) throw new Error(`Seeding delivered ${posted} of ${size} case cards`);
    // The measurements happen a day after the last case: the oldest closed ones are past retention.
    now = start + 701 * DAY_MS;

    const boardResponse = async (query: Parameters<typeof readBoardPage>[2]) =>
      JSON.stringify(
        board('valuesEthics', await readBoardPage(store, 'valuesEthics', query), {
          viewer: OFFICER.aadObjectId,
          now: clock(),
          reopenDays: 30,
          reminders: reminderPolicyFrom(loadConfig({}).caseReminders),
        }),
      );
    const firstPage = await readBoardPage(store, 'valuesEthics', { sort: 'oldest' });
    const someCase = firstPage.cases[0]!.caseId;
    const row: Row = {
      cases: size,
      backend: store.backend,
      seedSeconds,
      openEmptyMs,
      openMs: await openMs(reopen),
      board: await time(() => boardResponse({ sort: 'oldest' })),
      boardKb: round(Buffer.byteLength(await boardResponse({ sort: 'oldest' })) / 1024),
      boardFiltered: await time(() => boardResponse({ sort: 'newest', status: 'new' })),
      boardNextPage: await time(() =>
        boardResponse({ sort: 'oldest', ...(firstPage.next ? { after: firstPage.next } : {}) }),
      ),
      caseWithAudit: await time(async () => [await cases.get(someCase), await cases.auditTrail(someCase)]),
      myCases: await time(() => cases.listForManager('manager-1', 50)),
      outboxScan: await time(() => outbox.pass()),
      purgeFirst: await (async () => {
        const t1 = performance.now();
        const purged = (await cases.purgeDue()).length;
        return { ms: round(performance.now() - t1), purged };
      })(),
      // Then nothing is left due, as the hourly timer usually finds.
      purgeDue: await time(() => cases.purgeDue()),
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
      ...(startEmptyMs !== undefined && 'file' in fresh
        ? { startEmptyMs, startMs: await startupMs(`sqlite:${fresh.file}`) }
        : {}),
    };
    return row;
  } finally {
    await store.close();
    await drop();
  }
}

function printTable(rows: readonly Row[]): void {
  const t = (x: Timing) => `${x.p50} / ${x.p99}`;
  const lines: [string, (r: Row) => string | number][] = [
    ['seeding through the case service (s)', (r) => r.seedSeconds],
    ['open the database: empty → seeded (ms)', (r) => `${r.openEmptyMs} → ${r.openMs}`],
    [
      'bot start-up to /healthz: empty → seeded (ms)',
      (r) => (r.startMs ? `${r.startEmptyMs} → ${r.startMs}` : '–'),
    ],
    ['board, default view p50 / p99 (ms)', (r) => t(r.board)],
    ['board response (KB)', (r) => r.boardKb],
    ['board filtered: new only, newest first (ms)', (r) => t(r.boardFiltered)],
    ['board, next page by cursor (ms)', (r) => t(r.boardNextPage)],
    ['one case with its audit trail (ms)', (r) => t(r.caseWithAudit)],
    ['"My cases": a manager\'s 50 newest (ms)', (r) => t(r.myCases)],
    ['outbox pass, cards still to post (ms)', (r) => t(r.outboxScan)],
    ['retention purge of what fell due (ms, cases)', (r) => `${r.purgeFirst.ms} (${r.purgeFirst.purged})`],
    ['retention purge, nothing left due (ms)', (r) => t(r.purgeDue)],
    ['process RSS after the runs (MB)', (r) => r.rssMb],
  ];
  console.log(
    `| ${rows[0]?.backend ?? ''} | ${rows.map((r) => `${r.cases.toLocaleString('en-CA')} cases`).join(' | ')} |`,
  );
  console.log(`|---|${rows.map(() => '---').join('|')}|`);
  for (const [label, cell] of lines) console.log(`| ${label} | ${rows.map(cell).join(' | ')} |`);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const size of sizes) {
    if (!values.json) console.error(`Seeding ${size.toLocaleString('en-CA')} cases…`);
    rows.push(await measure(size));
  }
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else printTable(rows);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
