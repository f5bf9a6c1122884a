import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts what an end-to-end test talks to: the built bot (local mode, a throw-away SQLite file) and
 * the Microsoft 365 Agents Playground pointed at it, both on this machine only.
 */

export const ROOT = path.resolve(__dirname, '../../..');
export const BOT_PORT = 3978;
export const PLAYGROUND_PORT = 56150;
/** Children's output goes here (git-ignored) so a failing run can be read afterwards. */
export const LOG_DIR = path.join(ROOT, 'test-results', 'e2e');

export interface Stack {
  readonly botUrl: string;
  readonly playgroundUrl: string;
  /** Milliseconds from spawn to answering, for the report. */
  readonly timings: { readonly botMs: number; readonly playgroundMs: number };
  stop(): Promise<void>;
}

/**
 * Compiles src/ to dist/ unless E2E_SKIP_BUILD=1: a fresh clone has no dist/, and a stale one would
 * test yesterday's bot. Type errors fail here with the compiler's message.
 */
export function buildBot(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(path.join(ROOT, 'dist/src/index.js'))) return;
  try {
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
        stdio: 'pipe',
        encoding: 'utf8',
      },
    );
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`Building the bot failed (tsc -p tsconfig.build.json):\n${output.slice(0, 4000)}`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

async function waitForHttp(url: string, child: ChildProcess, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      // Quote the end of its log: in CI that output is all there is to read. The pause lets the
      // last piped output reach the file after the process has gone.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const logFile = path.join(LOG_DIR, `${name === 'The bot' ? 'bot' : 'playground'}.log`);
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-1500) : '';
      throw new Error(`${name} exited with code ${child.exitCode}; log ${logFile} ends:\n${tail}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s; see ${LOG_DIR}`);
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts the bot, waits for /healthz, then the playground, and waits for its page. */
export async function startStack(): Promise<Stack> {
  for (const port of [BOT_PORT, PLAYGROUND_PORT]) {
    // The playground would silently move to a random port, and a second bot cannot bind: say why.
    if (!(await portIsFree(port))) throw new Error(`Port ${port} is in use (is "npm run dev" running?)`);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'smg-e2e-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.reverse().map(stopChild));
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const t0 = Date.now();
    // E2E_BOT_ENTRY lets the harness itself be checked against a stand-in bot (with E2E_SKIP_BUILD=1).
    const entry = process.env.E2E_BOT_ENTRY ?? path.join(ROOT, 'dist/src/index.js');
    const bot = startChild('bot', [entry], {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(BOT_PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(tmp, 'e2e.db')}`,
      // Local mode: the playground sends no Bot Framework token. Set explicitly so a developer's .env
      // (which the bot loads, without overriding what is already set) cannot switch authentication on.
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      ALLOWED_TENANT_IDS: '',
      LOG_LEVEL: 'info',
      // One simulated person clicks through every flow faster than a person would; the limits have their own
      // HTTP test (test/http/limits.test.ts).
      RATE_LIMIT_USER_MESSAGES: '0',
      RATE_LIMIT_CONVERSATION_MESSAGES: '0',
    });
    children.push(bot);
    const botUrl = `http://127.0.0.1:${BOT_PORT}`;
    await waitForHttp(`${botUrl}/healthz`, bot, 'The bot', 30_000);
    const botMs = Date.now() - t0;

    const t1 = Date.now();
    const playground = startChild(
      'playground',
      [
        path.join(ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
        '-e',
        `${botUrl}/api/messages`,
        '-c',
        'msteams',
        '--dt', // telemetry off
        '-p',
        String(PLAYGROUND_PORT),
      ],
      {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(ROOT, '.m365agentsplayground.yml'),
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmp, 'playground.log'),
        TEAMSAPPTESTER_BROWSER: 'none', // it would otherwise try to open a desktop browser
        // The playground sends its own process's time zone as each activity's localTimezone: the same zone
        // as the browser (browser.ts), so dates the bot writes match the clock the playground shows.
        TZ: 'America/Toronto',
      },
    );
    children.push(playground);
    const playgroundUrl = `http://127.0.0.1:${PLAYGROUND_PORT}`;
    await waitForHttp(playgroundUrl, playground, 'The playground', 60_000);
    return { botUrl, playgroundUrl, timings: { botMs, playgroundMs: Date.now() - t1 }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
