/**
 * `npm run bench`: the guidance bot against an echo bot on the same stack (restify edge, CloudAdapter,
 * state in the same Store), each in its own child process, driven over loopback HTTP through the fake Bot
 * Connector by N concurrent conversations asking the evaluation questions.
 *
 *   npm run bench -- [--conversations 50] [--seconds 10 | --turns T] [--db postgres://…] [--json]
 *                    [--heap-mb M] [--tsx] [--log-level error]
 *
 * Reports p50/p99 turn latency (request sent → reply received by the connector), throughput, each child's
 * peak RSS, errors, and the ratios to the echo bot. Targets (reported, not asserted): p99 ≤ 1.5 × echo,
 * throughput ≥ 0.7 × echo, peak RSS ≤ 250 MB, no error at 200 conversations. Exits non-zero when the
 * benchmark cannot run or a turn fails (HTTP error, error reply or no reply); never because of timing.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { loadEvalQuestions } from '../src/guidance/evaluation';
import { t } from '../src/i18n';
import { LANGS } from '../src/i18n/lang';
import { FakeConnector } from '../test/support/fakeConnector';
import type { ChildMessage } from './bench/botProcess';
import { percentile, ReplyWatcher, runLoad, type LoadResult } from './bench/load';

const { values: args } = parseArgs({
  options: {
    conversations: { type: 'string', default: '50' },
    seconds: { type: 'string' },
    turns: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    'log-level': { type: 'string', default: 'error' },
    /** Run the bots' TypeScript through tsx instead of compiling it first (faster start, ~30 MB more RSS). */
    tsx: { type: 'boolean', default: false },
    /** Caps both bots' V8 old space (--max-old-space-size), as a deployment would with NODE_OPTIONS. */
    'heap-mb': { type: 'string' },
  },
});

const conversations = positive('conversations', args.conversations);
const turns = args.turns === undefined ? undefined : positive('turns', args.turns);
const seconds =
  args.seconds === undefined ? (turns === undefined ? 10 : undefined) : positive('seconds', args.seconds);
const heapMb = args['heap-mb'] === undefined ? undefined : positive('heap-mb', args['heap-mb']);
const postgresUrl = args.db && /^postgres(ql)?:\/\//.test(args.db) ? args.db : undefined;
if (args.db && !postgresUrl) fail('--db must be a postgres:// URL (SQLite in a temp folder is the default)');

type Kind = 'guidance' | 'echo';

interface BotRun {
  readonly kind: Kind;
  readonly load: LoadResult;
  readonly readyRssMb: number;
  readonly peakRssMb: number;
  readonly cpuMs: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly rps: number;
}

function positive(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive integer`);
  return n;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const questions = loadEvalQuestions().map(({ q, lang }) => ({ q, lang }));
const errorTexts = new Set<string>(['echo: error']);
for (const lang of LANGS)
  for (const key of ['common.error.generic', 'common.error.unavailable'] as const)
    errorTexts.add(t(lang, key));

/** Waits for one message of `type` from the child; rejects if it fails or exits first. */
function receive<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`bot did not answer "${type}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) done(undefined, message as Extract<ChildMessage, { type: T }>);
      else if (message.type === 'failed') done(new Error(`bot failed to start: ${message.message}`));
    };
    const onExit = (code: number | null) => done(new Error(`bot exited (code ${code}) before "${type}"`));
    function done(err?: Error, message?: Extract<ChildMessage, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function benchBot(
  kind: Kind,
  childEntry: string,
  watcher: ReplyWatcher,
  dataDir: string,
  admin?: Pool,
): Promise<BotRun> {
  const schema = `bench_${process.pid}_${kind}`;
  const child = fork(childEntry, [], {
    // restify reads process.binding('http_parser') at import: a deprecation notice, not a benchmark result.
    execArgv: [
      '--no-deprecation',
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      ...(args.tsx ? ['--import', 'tsx'] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      BENCH_KIND: kind,
      BENCH_DATABASE_URL: postgresUrl ?? `sqlite:${path.join(dataDir, `${kind}.db`)}`,
      BENCH_PG_SCHEMA: schema,
      BENCH_LOG_LEVEL: args['log-level'],
    },
  });
  try {
    const ready = await receive(child, 'ready', 60_000);
    const common = {
      botUrl: ready.url,
      connector: watcher,
      conversations,
      questions,
      turnTimeoutMs: 30_000,
      errorTexts,
      runId: kind,
    };
    // Warm-up, not measured: one turn per conversation (JIT, first state writes, connections).
    await runLoad({ ...common, turns: conversations });
    const before = await report(child);
    const load = await runLoad({ ...common, turns, seconds });
    const after = await report(child);
    const sorted = [...load.latenciesMs].sort((a, b) => a - b);
    return {
      kind,
      load,
      readyRssMb: ready.rssMb,
      peakRssMb: after.peakRssMb,
      cpuMs: after.cpuMs - before.cpuMs,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      rps: load.turns / (load.elapsedMs / 1000),
    };
  } finally {
    const exited = new Promise<void>((resolve) =>
      child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
    if (child.connected) child.send({ type: 'stop' });
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

/** The child's memory and CPU figures so far. */
async function report(child: ChildProcess): Promise<Extract<ChildMessage, { type: 'report' }>> {
  const answer = receive(child, 'report', 10_000);
  child.send({ type: 'report' });
  return answer;
}

const ROOT = path.resolve(__dirname, '..');

/**
 * Production runs compiled JavaScript, so by default the bots do too: the child entry and what it imports
 * are compiled with the build settings into node_modules/.cache (inside the project, so content and cards
 * are found from package.json as in dist/). Type errors are the typecheck's business: output is enough.
 */
function compileChild(): string {
  if (args.tsx) return path.join(__dirname, 'bench', 'botProcess.ts');
  const outDir = path.join(ROOT, 'node_modules', '.cache', 'smg-bench');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tsconfig = path.join(outDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir, rootDir: ROOT, sourceMap: false, incremental: false },
      files: [path.join(__dirname, 'bench', 'botProcess.ts')],
      include: [],
    }),
  );
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], {
    encoding: 'utf8',
  });
  const entry = path.join(outDir, 'scripts', 'bench', 'botProcess.js');
  if (!existsSync(entry)) fail(`could not compile the bots:\n${tsc.stdout}${tsc.stderr}`);
  return entry;
}

/** Other work on the machine skews the figures: the 1-minute load average at start is reported with them. */
const loadAtStart = loadavg()[0]!;

async function main(): Promise<void> {
  const childEntry = compileChild();
  const connector = await new FakeConnector().start();
  const watcher = new ReplyWatcher(connector);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smg-bench-'));
  const admin = postgresUrl ? new Pool({ connectionString: postgresUrl, max: 1 }) : undefined;
  const runs: Partial<Record<Kind, BotRun>> = {};
  try {
    for (const kind of ['echo', 'guidance'] as const) {
      if (!args.json) process.stdout.write(`running the ${kind} bot…\n`);
      runs[kind] = await benchBot(kind, childEntry, watcher, dataDir, admin);
    }
  } finally {
    await connector.stop();
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  print(runs.guidance!, runs.echo!);
  if (runs.guidance!.load.errors + runs.echo!.load.errors > 0) process.exitCode = 1;
}

function print(bot: BotRun, echo: BotRun): void {
  const p99Ratio = bot.p99 / echo.p99;
  const rpsRatio = bot.rps / echo.rps;
  const round = (n: number, digits = 2) => Number(n.toFixed(digits));
  const summary = (run: BotRun) => ({
    p50_ms: round(run.p50),
    p90_ms: round(run.p90),
    p99_ms: round(run.p99),
    max_ms: round(run.max),
    rps: round(run.rps, 1),
    rss_mb: round(run.peakRssMb, 1),
    errors: run.load.errors,
    turns: run.load.turns,
    cpu_cores: round(run.cpuMs / run.load.elapsedMs),
    ...(run.load.errors ? { error_kinds: run.load.errorKinds } : {}),
  });
  const result = {
    ...summary(bot),
    p99_ratio: round(p99Ratio, 3),
    rps_ratio: round(rpsRatio, 3),
    echo: summary(echo),
    conversations,
    ...(turns ? { turns_requested: turns } : { seconds }),
    db: postgresUrl ? 'postgres' : 'sqlite',
    load_average: round(loadAtStart),
    ...(heapMb ? { heap_mb: heapMb } : {}),
    targets: {
      p99_ratio_max: 1.5,
      rps_ratio_min: 0.7,
      rss_mb_max: 250,
      met: p99Ratio <= 1.5 && rpsRatio >= 0.7 && bot.peakRssMb <= 250 && bot.load.errors === 0,
    },
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const row = (label: string, a: string, b: string, ratio = '', target = '') =>
    `${label.padEnd(22)}${a.padStart(14)}${b.padStart(14)}${ratio.padStart(10)}   ${target}\n`;
  const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  process.stdout.write(
    `\n${conversations} concurrent conversations, ${turns ? `${turns} turns` : `${seconds} s`} per bot, ` +
      `${result.db} storage, ${questions.length} evaluation questions, node ${process.version}, ` +
      `load average at start ${loadAtStart.toFixed(2)}${heapMb ? `, old space capped at ${heapMb} MB` : ''}\n\n` +
      row('', 'guidance bot', 'echo bot', 'ratio', 'target') +
      row('turns', String(bot.load.turns), String(echo.load.turns)) +
      row(
        'errors',
        String(bot.load.errors),
        String(echo.load.errors),
        '',
        `0 (${check(bot.load.errors === 0)})`,
      ) +
      row(
        'p50 latency (ms)',
        bot.p50.toFixed(2),
        echo.p50.toFixed(2),
        `${(bot.p50 / echo.p50).toFixed(2)}×`,
      ) +
      row(
        'p90 latency (ms)',
        bot.p90.toFixed(2),
        echo.p90.toFixed(2),
        `${(bot.p90 / echo.p90).toFixed(2)}×`,
      ) +
      row(
        'p99 latency (ms)',
        bot.p99.toFixed(2),
        echo.p99.toFixed(2),
        `${p99Ratio.toFixed(2)}×`,
        `≤ 1.5× (${check(p99Ratio <= 1.5)})`,
      ) +
      row('max latency (ms)', bot.max.toFixed(2), echo.max.toFixed(2)) +
      row(
        'throughput (turns/s)',
        bot.rps.toFixed(1),
        echo.rps.toFixed(1),
        `${rpsRatio.toFixed(2)}×`,
        `≥ 0.7× (${check(rpsRatio >= 0.7)})`,
      ) +
      row(
        'peak RSS (MB)',
        bot.peakRssMb.toFixed(1),
        echo.peakRssMb.toFixed(1),
        '',
        `≤ 250 MB (${check(bot.peakRssMb <= 250)})`,
      ) +
      row('RSS when ready (MB)', bot.readyRssMb.toFixed(1), echo.readyRssMb.toFixed(1)) +
      row(
        'CPU (cores busy)',
        (bot.cpuMs / bot.load.elapsedMs).toFixed(2),
        (echo.cpuMs / echo.load.elapsedMs).toFixed(2),
      ),
  );
  for (const run of [bot, echo])
    if (run.load.errors) process.stdout.write(`${run.kind} errors: ${JSON.stringify(run.load.errorKinds)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
