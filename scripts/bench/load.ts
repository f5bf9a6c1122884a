import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Activity } from 'botbuilder';
import { FakeConnector, type ConnectorCall } from '../../test/support/fakeConnector';
import { message, TENANT_ID } from '../../test/support/activities';

export interface Question {
  readonly q: string;
  readonly lang: 'en' | 'fr';
}

export interface LoadOptions {
  readonly botUrl: string;
  readonly connector: ReplyWatcher;
  readonly conversations: number;
  readonly questions: readonly Question[];
  /** Stop after this many turns in all (measured turns), or … */
  readonly turns?: number;
  /** … after this many seconds. */
  readonly seconds?: number;
  /** A turn with no reply after this long counts as an error. */
  readonly turnTimeoutMs: number;
  /** Reply texts that mean the turn failed (the bot's error messages). */
  readonly errorTexts: ReadonlySet<string>;
  /** Distinguishes this run's users and conversations from another run's on the same bot. */
  readonly runId: string;
  /** Added to each conversation's index in its person's Entra object id, so several runs can be distinct people. */
  readonly userOffset?: number;
  /** Turns each conversation has had so far; updated, so a later call carries on with the next questions. */
  readonly progress?: number[];
  /**
   * Connections to the bot, kept from one call to the next as the Bot Connector keeps its connections to a
   * bot; by default a fresh pool, closed at the end.
   */
  readonly agent?: http.Agent;
}

export interface LoadResult {
  readonly latenciesMs: number[];
  readonly turns: number;
  readonly errors: number;
  readonly errorKinds: Record<string, number>;
  readonly elapsedMs: number;
}

/**
 * Sees the bot's replies arrive at the fake Bot Connector and hands each to the turn waiting on its
 * conversation. Recorded calls are not kept (a long run would hold every card in memory).
 */
export class ReplyWatcher {
  private readonly waiting = new Map<string, (call: ConnectorCall, at: number) => void>();

  constructor(readonly connector: FakeConnector) {
    const calls = connector.calls;
    calls.push = (...items: ConnectorCall[]): number => {
      const at = performance.now();
      for (const call of items) {
        if ((call.kind !== 'send' && call.kind !== 'reply') || !call.conversationId) continue;
        const resolve = this.waiting.get(call.conversationId);
        if (resolve) {
          this.waiting.delete(call.conversationId);
          resolve(call, at);
        }
      }
      return 0;
    };
  }

  /** Resolves with the first activity the bot sends to `conversationId` from now on. */
  next(conversationId: string, timeoutMs: number): Promise<{ call: ConnectorCall; at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(conversationId);
        reject(new Error('no reply'));
      }, timeoutMs);
      this.waiting.set(conversationId, (call, at) => {
        clearTimeout(timer);
        resolve({ call, at });
      });
    });
  }
}

/**
 * N conversations, each a manager in a personal chat asking one question after another (the next one
 * only once the reply has arrived), until the turn budget or the time is spent. Latency of a turn:
 * request sent → the bot's reply received by the connector.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = options.agent ?? new http.Agent({ keepAlive: true, maxSockets: options.conversations + 8 });
  const latenciesMs: number[] = [];
  const errorKinds: Record<string, number> = {};
  let started = 0;
  let finished = 0;
  const t0 = performance.now();
  const deadline = options.seconds ? t0 + options.seconds * 1000 : Infinity;
  const budget = options.turns ?? Infinity;
  const fail = (kind: string) => {
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };

  const conversation = async (index: number) => {
    const user = {
      id: `29:bench-${options.runId}-${index}`,
      name: `Bench Manager ${index}`,
      aadObjectId: `00000000-0000-4000-8000-${String((options.userOffset ?? 0) + index).padStart(12, '0')}`,
    };
    const conversationId = `a:bench-${options.runId}-${index}`;
    const progress = options.progress ?? [];
    let turn = progress[index] ?? 0;
    while (started < budget && performance.now() < deadline) {
      started++;
      const question = options.questions[(index * 7 + turn++) % options.questions.length]!;
      progress[index] = turn;
      const activity = message(question.q, {
        serviceUrl: options.connector.connector.url,
        conversationId,
        from: user,
        locale: question.lang === 'fr' ? 'fr-CA' : 'en-CA',
        tenantId: TENANT_ID,
      });
      const reply = options.connector.next(conversationId, options.turnTimeoutMs);
      const sentAt = performance.now();
      const [posted, replied] = await Promise.allSettled([post(agent, options.botUrl, activity), reply]);
      finished++;
      if (posted.status === 'rejected') fail(`http: ${(posted.reason as Error).message}`);
      else if (posted.value !== 200) fail(`http ${posted.value}`);
      if (replied.status === 'rejected') {
        fail('no reply');
        continue;
      }
      const text = (replied.value.call.body as { text?: unknown } | undefined)?.text;
      if (typeof text === 'string' && options.errorTexts.has(text)) fail('error reply');
      else if (posted.status === 'fulfilled' && posted.value === 200)
        latenciesMs.push(replied.value.at - sentAt);
    }
  };

  await Promise.all(Array.from({ length: options.conversations }, (_, i) => conversation(i)));
  const elapsedMs = performance.now() - t0;
  if (!options.agent) agent.destroy();
  const errors = Object.values(errorKinds).reduce((a, b) => a + b, 0);
  return { latenciesMs, turns: finished, errors, errorKinds, elapsedMs };
}

function post(agent: http.Agent, botUrl: string, activity: Activity): Promise<number> {
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${botUrl}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
