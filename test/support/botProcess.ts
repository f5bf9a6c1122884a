import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/shared/projectRoot';

/**
 * The real bot entry point (src/index.ts, through tsx so no build is needed) in its own process: what
 * production runs, with its own event loop, pool and outbox worker. Logs (JSON lines on stdout) are kept
 * so tests can read events. Runs in an empty temporary folder so a developer's .env is never picked up.
 */
export interface BotProcess {
  readonly url: string;
  readonly pid: number;
  readonly lines: string[];
  post(activity: unknown): Promise<{ status: number; body: string }>;
  /** Log events (the `event` field) seen so far. */
  events(name: string): Record<string, unknown>[];
  /** SIGTERM (graceful) or SIGKILL (crash); resolves when the process has exited. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** The exit code once the process has exited (null while it runs, or when a signal killed it). */
  readonly exitCode: number | null;
}

const TSX = pathToFileURL(path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const ENTRY = path.join(PROJECT_ROOT, 'src', 'index.ts');

export async function startBotProcess(env: Record<string, string>, startMs = 60_000): Promise<BotProcess> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'smg-proc-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, ENTRY], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_NO_WARNINGS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  let buffered = '';
  let exited = false;
  let exitCode: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      exitCode = code;
      rmSync(cwd, { recursive: true, force: true });
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bot process did not start: ${stderr.join('')}`)),
      startMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const started = /"event":"server.started","url":"([^"]+)"/.exec(line);
        if (started) {
          clearTimeout(timer);
          resolve(started[1]!);
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`bot process exited before starting: ${stderr.join('')}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    lines,
    async post(activity) {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      return { status: response.status, body: await response.text() };
    },
    events(name) {
      return lines
        .filter((l) => l.includes(`"event":"${name}"`))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    async stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      await exit;
    },
    get exitCode() {
      return exitCode;
    },
  };
}
