/**
 * `npm run bench`: the guidance bot against an echo bot on the same stack (restify edge, CloudAdapter,
 * state in the same Store), each in its own child process, driven over loopback HTTP through the fake Bot
 * Connector by N concurrent conversations asking the evaluation questions.
 *
 *   npm run bench -- [--conversations 50 | --sweep 50,200,500,1000 | --users 1000,10000,50000]
 *                    [--seconds 10 | --turns T] [--rounds 4] [--db postgres://…]
 *                    [--json] [--heap-mb 384] [--node-flags "…"] [--tsx] [--log-level error]
 *                    [--cpu-prof DIR] [--callgrind DIR]
 *
 * The two bots take turns in alternating rounds (echo-guidance, guidance-echo, …) so that other work on the
 * machine, which drifts, weighs on both alike. They run with the deployment's V8 settings (old space capped
 * at 384 MB, as the Dockerfile and the Bicep set; `--heap-mb 0` lifts the cap).
 *
 * Reports p50/p99 turn latency (request sent → reply received by the connector), throughput, each child's
 * peak RSS and CPU per turn, errors, and the ratios to the echo bot. `--callgrind DIR` runs both bots under
 * valgrind and adds instructions per turn: slow (minutes for a few hundred turns), but a figure that other
 * work on the machine does not move. Targets (reported, not asserted; TARGETS below): p99 ≤ 1.5 × echo,
 * throughput ≥ 0.8 × echo, CPU per turn ≤ 1.3 × echo, peak RSS ≤ 250 MB, no error. Exits non-zero when the
 * benchmark cannot run or a turn fails (HTTP error, error reply or no reply); never because of timing.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { loadEvalQuestions } from '../src/domain/guidance/evaluation';
import { t } from '../src/i18n';
import { LANGS } from '../src/shared/i18n/lang';
import { FakeConnector } from '../test/support/fakeConnector';
import type { ChildMessage } from './bench/botProcess';
import { percentile, ReplyWatcher, runLoad, type LoadResult } from './bench/load';

/** The production targets each row is checked against (issue #19): reported, never asserted. */
const TARGETS = { p99RatioMax: 1.5, rpsRatioMin: 0.8, cpuRatioMax: 1.3, rssMbMax: 250 } as const;

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
    /** Caps both bots' V8 old space (--max-old-space-size) as the deployment does; 0 = no cap. */
    'heap-mb': { type: 'string', default: '384' },
    /** Both bots' young generation (--max-semi-space-size) as the deployment sets it; 0 = V8's default. */
    'semi-space-mb': { type: 'string', default: '4' },
    /** More V8/Node flags for both bots, space-separated (e.g. "--max-semi-space-size=32"), for experiments. */
    'node-flags': { type: 'string', default: '' },
    /** Writes a V8 CPU profile of each bot into this folder (open it in Chrome DevTools or speedscope). */
    'cpu-prof': { type: 'string' },
    /** Runs each bot under valgrind's callgrind and reports instructions per measured turn (slow, repeatable). */
    callgrind: { type: 'string' },
    /** Alternating measured slices per bot (the time or turn budget is split between them). */
    rounds: { type: 'string', default: '4' },
    /** Several loads in one run, e.g. 50,200,500,1000: one run of this script per count, one table. */
    sweep: { type: 'string' },
    /**
     * Memory as distinct people arrive, e.g. 1000,10000,50000: the guidance bot alone gets one question from
     * each new person (50 at a time) and reports RSS and heap after a full collection at each total.
     */
    users: { type: 'string' },
  },
});

const conversations = positive('conversations', args.conversations);
const turns = args.turns === undefined ? undefined : positive('turns', args.turns);
const seconds =
  args.seconds === undefined ? (turns === undefined ? 10 : undefined) : positive('seconds', args.seconds);
const rounds = positive('rounds', args.rounds);
const heapMb = args['heap-mb'] === '0' ? undefined : positive('heap-mb', args['heap-mb']);
const semiSpaceMb =
  args['semi-space-mb'] === '0' ? undefined : positive('semi-space-mb', args['semi-space-mb']);
const nodeFlags = args['node-flags'].split(' ').filter(Boolean);
const postgresUrl = args.db && /^postgres(ql)?:\/\//.test(args.db) ? args.db : undefined;
if (args.db && !postgresUrl) fail('--db must be a postgres:// URL (SQLite in a temp folder is the default)');

type Kind = 'guidance' | 'echo';

interface BotRun {
  readonly kind: Kind;
  readonly load: LoadResult;
  readonly readyRssMb: number;
  readonly peakRssMb: number;
  readonly cpuMs: number;
  /** CPU the load generator and fake connector (this process) spent driving this bot. */
  readonly loadCpuMs: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly rps: number;
  /** callgrind runs only: instructions executed per measured turn. */
  readonly instructionsPerTurn: number | undefined;
  /** Throughput of each round, in the order run. */
  readonly roundRps: readonly number[];
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

interface StartedBot {
  readonly kind: Kind;
  readonly child: ChildProcess;
  /** The load's connections to this bot, kept across rounds. */
  readonly agent: http.Agent;
  readonly url: string;
  readonly readyRssMb: number;
  readonly schema: string;
  readonly callgrindOut?: string;
}

async function startBot(kind: Kind, childEntry: string, dataDir: string): Promise<StartedBot> {
  const schema = `bench_${process.pid}_${kind}`;
  const callgrindOut = args.callgrind ? path.resolve(args.callgrind, `${kind}.callgrind`) : undefined;
  const child = fork(childEntry, [], {
    ...(callgrindOut ? { execPath: 'valgrind' } : {}),
    execArgv: [
      ...(callgrindOut
        ? [
            '--tool=callgrind',
            `--callgrind-out-file=${callgrindOut}`,
            process.execPath,
            // No background compiler or GC threads: what runs, and so the count, no longer depends on timing.
            '--single-threaded',
          ]
        : []),
      // restify reads process.binding('http_parser') at import: a deprecation notice, not a benchmark result.
      '--no-deprecation',
      ...(args.users !== undefined ? ['--expose-gc'] : []),
      ...nodeFlags,
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      ...(semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : []),
      ...(args.tsx ? ['--import', 'tsx'] : []),
      ...(args['cpu-prof']
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`,
            `--cpu-prof-name=${kind}.cpuprofile`,
          ]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      // As the Dockerfile and the Bicep set it (two glibc malloc arenas); MALLOC_ARENA_MAX= in the environment overrides.
      MALLOC_ARENA_MAX: '2',
      ...process.env,
      BENCH_KIND: kind,
      BENCH_DATABASE_URL: postgresUrl ?? `sqlite:${path.join(dataDir, `${kind}.db`)}`,
      BENCH_PG_SCHEMA: schema,
      BENCH_LOG_LEVEL: args['log-level'],
    },
  });
  try {
    const ready = await receive(child, 'ready', callgrindOut ? 600_000 : 60_000);
    const agent = new http.Agent({ keepAlive: true, maxSockets: conversations + 8 });
    return { kind, child, agent, url: ready.url, readyRssMb: ready.rssMb, schema, callgrindOut };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

async function stopBot(bot: StartedBot, admin?: Pool): Promise<void> {
  const { child } = bot;
  bot.agent.destroy();
  const exited = new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
  if (child.connected) child.send({ type: 'stop' });
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
  await admin?.query(`DROP SCHEMA IF EXISTS ${bot.schema} CASCADE`);
}

/** One measured slice of load on one bot: its turns and the CPU its process spent on them. */
interface Slice {
  readonly load: LoadResult;
  readonly cpuMs: number;
  readonly loadCpuMs: number;
  readonly peakRssMb: number;
}

async function measureSlice(
  bot: StartedBot,
  watcher: ReplyWatcher,
  budget: { turns?: number; seconds?: number },
  round: number,
  progress: number[],
): Promise<Slice> {
  const common = {
    botUrl: bot.url,
    connector: watcher,
    conversations,
    questions,
    turnTimeoutMs: bot.callgrindOut ? 600_000 : 30_000,
    errorTexts,
    // The same managers in every round, carrying on with their next questions.
    runId: bot.kind,
    progress,
    agent: bot.agent,
  };
  if (round === 0) {
    // Warm-up, not measured: every conversation's first turns (JIT, first state writes, connections) and
    // every question twice, so the measured turns see the steady state a running bot is in.
    await runLoad({ ...common, turns: Math.max(2 * conversations, questions.length * 2) });
    if (bot.callgrindOut)
      spawnSync('callgrind_control', ['--zero', String(bot.child.pid)], { stdio: 'ignore' });
  }
  const before = await report(bot.child);
  const loadBefore = process.cpuUsage();
  const load = await runLoad({ ...common, ...budget });
  const loadCpu = process.cpuUsage(loadBefore);
  const after = await report(bot.child);
  return {
    load,
    cpuMs: after.cpuMs - before.cpuMs,
    loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
    peakRssMb: after.peakRssMb,
  };
}

/** Instructions the bot executed since the warm-up, per measured turn (callgrind runs only). */
function instructionsPerTurn(bot: StartedBot, measuredTurns: number): number | undefined {
  if (!bot.callgrindOut) return undefined;
  spawnSync('callgrind_control', ['--dump=measured', String(bot.child.pid)], { stdio: 'ignore' });
  const dir = path.dirname(bot.callgrindOut);
  const dumps = readdirSync(dir).filter((f) => f.startsWith(`${bot.kind}.callgrind.`));
  const text = readFileSync(path.join(dir, dumps.sort().at(-1)!), 'utf8');
  const ir = Number(/^(?:summary|totals): (\d+)/m.exec(text)?.[1]);
  return ir / measuredTurns;
}

function summarise(bot: StartedBot, slices: readonly Slice[]): BotRun {
  const latencies = slices.flatMap((s) => s.load.latenciesMs).sort((a, b) => a - b);
  const errorKinds: Record<string, number> = {};
  for (const s of slices)
    for (const [kind, n] of Object.entries(s.load.errorKinds)) errorKinds[kind] = (errorKinds[kind] ?? 0) + n;
  const load: LoadResult = {
    latenciesMs: latencies,
    turns: slices.reduce((n, s) => n + s.load.turns, 0),
    errors: slices.reduce((n, s) => n + s.load.errors, 0),
    errorKinds,
    elapsedMs: slices.reduce((n, s) => n + s.load.elapsedMs, 0),
  };
  return {
    kind: bot.kind,
    load,
    readyRssMb: bot.readyRssMb,
    peakRssMb: Math.max(...slices.map((s) => s.peakRssMb)),
    cpuMs: slices.reduce((n, s) => n + s.cpuMs, 0),
    loadCpuMs: slices.reduce((n, s) => n + s.loadCpuMs, 0),
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    rps: load.turns / (load.elapsedMs / 1000),
    instructionsPerTurn: instructionsPerTurn(bot, load.turns),
    roundRps: slices.map((s) => s.load.turns / (s.load.elapsedMs / 1000)),
  };
}

/** The child's memory and CPU figures so far. */
async function report(child: ChildProcess): Promise<Extract<ChildMessage, { type: 'report' }>> {
  const answer = receive(child, 'report', args.callgrind ? 120_000 : 10_000);
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
  // One folder per run, so two benchmarks can run side by side (main() removes it at the end).
  const outDir = path.join(ROOT, 'node_modules', '.cache', `smg-bench-${process.pid}`);
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

/** The figures of one load, as `--json` prints them (the fields the sweep's table reads). */
interface RunResult {
  readonly conversations: number;
  readonly rps: number;
  readonly p99_ms: number;
  readonly rss_mb: number;
  readonly errors: number;
  readonly cpu_ms_per_turn: number;
  readonly rps_ratio: number;
  readonly p99_ratio: number;
  readonly cpu_ratio: number;
  readonly echo: { readonly rps: number; readonly p99_ms: number; readonly cpu_ms_per_turn: number };
  readonly targets: { readonly met: boolean };
}

/**
 * `--sweep 50,200,500,1000`: runs this benchmark once per count, each in a process of its own with the same
 * other options, and prints one table with the targets checked per row (`--json`: the runs as an array).
 */
function sweep(counts: readonly number[]): void {
  const forwarded: string[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--sweep' || arg === '--conversations') i++;
    else if (!arg.startsWith('--sweep=') && !arg.startsWith('--conversations=') && arg !== '--json')
      forwarded.push(arg);
  }
  const results: RunResult[] = [];
  for (const n of counts) {
    if (!args.json) process.stdout.write(`${n} conversations…\n`);
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, ...forwarded, '--conversations', String(n), '--json'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
    );
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    if (!line.startsWith('{')) fail(`the run at ${n} conversations printed no result (exit ${run.status})`);
    results.push(JSON.parse(line) as RunResult);
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } else {
    const ok = (met: boolean) => (met ? 'ok' : 'MISSED');
    process.stdout.write(
      '\n| conversations | bot turns/s | echo turns/s | ratio | bot p99 ms | echo p99 ms | p99 ratio | errors | bot peak RSS MB | CPU ms per turn bot / echo | CPU ratio | targets |\n' +
        '|---|---|---|---|---|---|---|---|---|---|---|---|\n' +
        results
          .map(
            (r) =>
              `| ${r.conversations} | ${r.rps} | ${r.echo.rps} | ${r.rps_ratio.toFixed(2)}× | ${r.p99_ms.toFixed(0)} | ` +
              `${r.echo.p99_ms.toFixed(0)} | ${r.p99_ratio.toFixed(2)}× | ${r.errors} | ${r.rss_mb} | ` +
              `${r.cpu_ms_per_turn} / ${r.echo.cpu_ms_per_turn} | ${r.cpu_ratio.toFixed(2)}× | ${ok(r.targets.met)} |`,
          )
          .join('\n') +
        '\n',
    );
  }
  if (results.some((r) => r.errors > 0)) process.exitCode = 1;
}

/** `--users 1000,10000,50000`: memory and database size as distinct people arrive (see the option). */
async function distinctUsers(stages: readonly number[], childEntry: string): Promise<void> {
  const connector = await new FakeConnector().start();
  const watcher = new ReplyWatcher(connector);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smg-bench-users-'));
  const bot = await startBot('guidance', childEntry, dataDir);
  const rows: { users: number; rssMb: number; heapMb: number; dbMb: number; seconds: number }[] = [];
  const batch = 50;
  let users = 0;
  const t0 = performance.now();
  try {
    for (const stage of stages) {
      while (users < stage) {
        const load = await runLoad({
          botUrl: bot.url,
          connector: watcher,
          conversations: Math.min(batch, stage - users),
          questions,
          turns: Math.min(batch, stage - users),
          turnTimeoutMs: 30_000,
          errorTexts,
          // A new run id: new people in new personal chats.
          runId: `users-${users}`,
          userOffset: users,
          agent: bot.agent,
        });
        if (load.errors > 0) fail(`turns failed at ${users} users: ${JSON.stringify(load.errorKinds)}`);
        users += load.turns;
      }
      const memory = await report(bot.child);
      const dbBytes = readdirSync(dataDir)
        .filter((f) => f.startsWith('guidance.db'))
        .reduce((sum, f) => sum + statSync(path.join(dataDir, f)).size, 0);
      rows.push({
        users,
        rssMb: Math.round(memory.rssMb),
        heapMb: Math.round(memory.heapUsedMb),
        dbMb: Math.round((dbBytes / 1048576) * 10) / 10,
        seconds: Math.round((performance.now() - t0) / 1000),
      });
      if (!args.json) process.stdout.write(`${users} distinct users…\n`);
    }
  } finally {
    await stopBot(bot);
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (!args.tsx) rmSync(path.resolve(childEntry, '../../..'), { recursive: true, force: true });
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
  const first = rows[0]!;
  process.stdout.write(
    '\n| distinct users | RSS MB (after GC) | heap used MB | database MB (SQLite) | elapsed s |\n|---|---|---|---|---|\n' +
      rows.map((r) => `| ${r.users} | ${r.rssMb} | ${r.heapMb} | ${r.dbMb} | ${r.seconds} |`).join('\n') +
      `\n\nRSS at ${rows.at(-1)!.users} users is ${(((rows.at(-1)!.rssMb - first.rssMb) / first.rssMb) * 100).toFixed(1)} % ` +
      `above RSS at ${first.users} (target: within 10 %).\n`,
  );
}

async function main(): Promise<void> {
  if (args.users !== undefined) {
    const stages = args.users.split(',').map((n) => positive('users', n.trim()));
    return distinctUsers(stages, compileChild());
  }
  if (args.sweep !== undefined) {
    const counts = args.sweep.split(',').map((n) => positive('sweep', n.trim()));
    return sweep(counts);
  }
  const childEntry = compileChild();
  const connector = await new FakeConnector().start();
  const watcher = new ReplyWatcher(connector);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smg-bench-'));
  const admin = postgresUrl ? new Pool({ connectionString: postgresUrl, max: 1 }) : undefined;
  const bots: StartedBot[] = [];
  let runs: Record<Kind, BotRun> | undefined;
  try {
    for (const kind of ['echo', 'guidance'] as const) bots.push(await startBot(kind, childEntry, dataDir));
    const [echo, guidance] = bots as [StartedBot, StartedBot];
    // The bots take turns, echo-guidance then guidance-echo, so that the machine's other work, which drifts
    // over a run, weighs on both alike; each bot is idle while the other is measured.
    const slices: Record<Kind, Slice[]> = { echo: [], guidance: [] };
    const progress: Record<Kind, number[]> = { echo: [], guidance: [] };
    const budget = {
      ...(turns ? { turns: Math.ceil(turns / rounds) } : {}),
      ...(seconds ? { seconds: seconds / rounds } : {}),
    };
    for (let round = 0; round < rounds; round++) {
      for (const bot of round % 2 === 0 ? [echo, guidance] : [guidance, echo]) {
        if (!args.json) process.stdout.write(`round ${round + 1}/${rounds}: the ${bot.kind} bot…\n`);
        slices[bot.kind].push(await measureSlice(bot, watcher, budget, round, progress[bot.kind]));
      }
    }
    runs = { echo: summarise(echo, slices.echo), guidance: summarise(guidance, slices.guidance) };
  } finally {
    for (const bot of bots) await stopBot(bot, admin);
    await connector.stop();
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
    if (!args.tsx) rmSync(path.resolve(childEntry, '../../..'), { recursive: true, force: true });
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
    cpu_ms_per_turn: round(run.cpuMs / run.load.turns, 3),
    load_cpu_ms_per_turn: round(run.loadCpuMs / run.load.turns, 3),
    ...(run.instructionsPerTurn ? { instructions_per_turn: Math.round(run.instructionsPerTurn) } : {}),
    ...(run.load.errors ? { error_kinds: run.load.errorKinds } : {}),
  });
  // Each round's throughput ratio: how much the headline ratio moved with the machine's other work.
  const roundRatios = bot.roundRps.map((rps, i) => round(rps / echo.roundRps[i]!, 3));
  const cpuRatio = bot.cpuMs / bot.load.turns / (echo.cpuMs / echo.load.turns);
  const result = {
    ...summary(bot),
    p99_ratio: round(p99Ratio, 3),
    rps_ratio: round(rpsRatio, 3),
    round_rps_ratios: roundRatios,
    echo: summary(echo),
    conversations,
    rounds,
    ...(turns ? { turns_requested: turns } : { seconds }),
    db: postgresUrl ? 'postgres' : 'sqlite',
    load_average: round(loadAtStart),
    heap_mb: heapMb ?? 0,
    ...(nodeFlags.length ? { node_flags: nodeFlags } : {}),
    cpu_ratio: round(cpuRatio, 3),
    targets: {
      p99_ratio_max: TARGETS.p99RatioMax,
      rps_ratio_min: TARGETS.rpsRatioMin,
      cpu_ratio_max: TARGETS.cpuRatioMax,
      rss_mb_max: TARGETS.rssMbMax,
      met:
        p99Ratio <= TARGETS.p99RatioMax &&
        rpsRatio >= TARGETS.rpsRatioMin &&
        cpuRatio <= TARGETS.cpuRatioMax &&
        bot.peakRssMb <= TARGETS.rssMbMax &&
        bot.load.errors === 0,
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
    `\n${conversations} concurrent conversations, ${turns ? `${turns} turns` : `${seconds} s`} per bot in ${rounds} ` +
      `alternating rounds, ` +
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
        `≤ ${TARGETS.p99RatioMax}× (${check(p99Ratio <= TARGETS.p99RatioMax)})`,
      ) +
      row('max latency (ms)', bot.max.toFixed(2), echo.max.toFixed(2)) +
      row(
        'throughput (turns/s)',
        bot.rps.toFixed(1),
        echo.rps.toFixed(1),
        `${rpsRatio.toFixed(2)}×`,
        `≥ ${TARGETS.rpsRatioMin}× (${check(rpsRatio >= TARGETS.rpsRatioMin)})`,
      ) +
      row(
        'peak RSS (MB)',
        bot.peakRssMb.toFixed(1),
        echo.peakRssMb.toFixed(1),
        '',
        `≤ ${TARGETS.rssMbMax} MB (${check(bot.peakRssMb <= TARGETS.rssMbMax)})`,
      ) +
      row('RSS when ready (MB)', bot.readyRssMb.toFixed(1), echo.readyRssMb.toFixed(1)) +
      row(
        'CPU (cores busy)',
        (bot.cpuMs / bot.load.elapsedMs).toFixed(2),
        (echo.cpuMs / echo.load.elapsedMs).toFixed(2),
      ) +
      row(
        'CPU per turn (ms)',
        (bot.cpuMs / bot.load.turns).toFixed(3),
        (echo.cpuMs / echo.load.turns).toFixed(3),
        `${cpuRatio.toFixed(2)}×`,
        `≤ ${TARGETS.cpuRatioMax}× (${check(cpuRatio <= TARGETS.cpuRatioMax)})`,
      ) +
      // The load generator shares the machine's cores with the bot: what it spends is taken from the bot.
      row(
        'load generator CPU per turn (ms)',
        (bot.loadCpuMs / bot.load.turns).toFixed(3),
        (echo.loadCpuMs / echo.load.turns).toFixed(3),
        `${(bot.loadCpuMs / bot.load.turns / (echo.loadCpuMs / echo.load.turns)).toFixed(2)}×`,
      ) +
      (bot.instructionsPerTurn && echo.instructionsPerTurn
        ? row(
            'instructions per turn',
            `${(bot.instructionsPerTurn / 1e6).toFixed(2)} M`,
            `${(echo.instructionsPerTurn / 1e6).toFixed(2)} M`,
            `${(bot.instructionsPerTurn / echo.instructionsPerTurn).toFixed(2)}×`,
          )
        : '') +
      `\nthroughput ratio in each of the ${rounds} rounds: ${roundRatios.map((r) => `${r.toFixed(2)}×`).join(', ')}\n`,
  );
  for (const run of [bot, echo])
    if (run.load.errors) process.stdout.write(`${run.kind} errors: ${JSON.stringify(run.load.errorKinds)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
