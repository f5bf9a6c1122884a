import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import { createApp, type App, type AppOptions } from '../../src/platform/app';
import { createAnswerService } from '../../src/features/ask/answerService';
import { loadConfig, type Config } from '../../src/platform/config';
import { allFeatures } from '../../src/features';
import { createLogger } from '../../src/shared/logger';
import { FakeConnector } from './fakeConnector';

/** Captures the structured log lines a running app writes, so tests can prove what is (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface RunningBot {
  readonly app: App;
  readonly url: string;
  readonly connector: FakeConnector;
  readonly logs: LogCapture;
  readonly config: Config;
  readonly dataDir: string;
  /** POSTs an activity to /api/messages; resolves when the bot has finished the turn. */
  post(
    activity: Activity | unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string }>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface StartOptions {
  readonly env?: Record<string, string>;
  readonly connector?: FakeConnector;
  readonly dataDir?: string;
  readonly authOverrides?: AppOptions['authOverrides'];
  /** The app's clock (retries, outbox polls, dates); the wall clock by default. */
  readonly clock?: AppOptions['clock'];
  /** Pace messages per conversation to Teams' limits; off unless a test is about it (see below). */
  readonly pacing?: boolean;
  /** Apply the rate limits as configured (the defaults unless `env` sets them); off unless a test is about them. */
  readonly limits?: boolean;
}

/** Starts the real server (restify + CloudAdapter + SQLite in a temp folder) on a free loopback port. */
export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const connector = options.connector ?? (await new FakeConnector().start());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'smg-bot-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${path.join(dataDir, 'bot.db')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    // A test's simulated people send a flow's messages back to back, far faster than people do: the rate
    // limits and the pacing are off unless the test is about them (test/http/limits.test.ts).
    ...(options.limits ? {} : { RATE_LIMIT_USER_MESSAGES: '0', RATE_LIMIT_CONVERSATION_MESSAGES: '0' }),
    ...options.env,
  });
  const logs = new LogCapture();
  const app = createApp({
    config,
    logger: createLogger('debug', logs),
    answer: createAnswerService(),
    features: allFeatures,
    authOverrides: options.authOverrides,
    ...(options.clock ? { clock: options.clock } : {}),
    pacing: options.pacing ?? false,
  });
  const { url } = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    connector,
    logs,
    config,
    dataDir,
    async post(activity, headers = {}) {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      return { status: response.status, body: await response.text() };
    },
    async stop({ keepData = false } = {}) {
      await app.close();
      if (!options.connector) await connector.stop();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Texts of every card and message the bot sent, flattened, to assert what a user reads. */
export function visibleText(activities: readonly any[]): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title']) if (typeof o[key] === 'string') out.push(o[key] as string);
      for (const [key, value] of Object.entries(o))
        if (key !== 'data' && typeof value === 'object') walk(value);
    }
  };
  for (const activity of activities) {
    if (typeof activity?.text === 'string') out.push(activity.text);
    for (const attachment of activity?.attachments ?? []) walk(attachment.content);
  }
  return out.join('\n');
}
