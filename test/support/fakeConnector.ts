import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector, as recorded by the fake. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  /** send | reply | update | delete | createConversation | teamDetails | channels | member | members */
  readonly kind: string;
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly body?: any;
  /** When the call was answered (Date.now()), to check how the bot paced its messages. */
  readonly at?: number;
}

export interface Failure {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  readonly kinds?: readonly string[];
  /** Hold the request this long before answering (a slow or timing-out connector). */
  readonly delayMs?: number;
}

/** A slow answer: the call is held, then handled normally (or fails, with `failNext`'s `delayMs`). */
export interface Delay {
  readonly delayMs: number;
  readonly kinds?: readonly string[];
}

export interface TeamFixture {
  readonly id: string;
  readonly name: string;
  readonly aadGroupId?: string;
  readonly channels: readonly { id: string; name?: string }[];
}

export interface MemberFixture {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly userRole?: string;
}

/**
 * A small Bot Connector on loopback: records every outgoing call of the bot (send, reply, update, create
 * conversation) and answers the TeamsInfo calls from fixtures. It can be told to fail the next calls with
 * 429 (with Retry-After), 500 or 403, the same traffic Teams produces, and to answer slowly (timeouts).
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  readonly teams = new Map<string, TeamFixture>();
  readonly members = new Map<string, MemberFixture>();
  private failures: Failure[] = [];
  private delays: Delay[] = [];
  private held = new Set<NodeJS.Timeout>();
  private server?: http.Server;
  private counter = 0;
  /** Requests received so far, counted on arrival (before any delay), to know a held call has come in. */
  arrived = 0;
  /** The kind of each request on arrival (before any delay), to know which held call has come in. */
  readonly arrivals: string[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    // Like the real connector's front end, keep idle connections for minutes, not Node's 5 s: a bot idle for
    // a few seconds (between benchmark rounds) would otherwise find its pooled sockets closed under it.
    this.server.keepAliveTimeout = 120_000;
    // A backlog like the bot's (Node's 511 overflowed with a thousand bots' replies opening connections at once).
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', 4096, () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    for (const timer of this.held) clearTimeout(timer);
    this.held.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The next `count` matching calls fail with `failure`. */
  failNext(count: number, failure: Failure): void {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** The next `count` matching calls are held `delayMs` before they are answered normally. */
  delayNext(count: number, delay: Delay): void {
    for (let i = 0; i < count; i++) this.delays.push(delay);
  }

  reset(): void {
    this.calls.length = 0;
    this.failures = [];
    this.delays = [];
  }

  private hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.held.delete(timer);
        resolve();
      }, ms);
      this.held.add(timer);
    });
  }

  /** Activities the bot sent (send or reply), optionally to one conversation. */
  sentActivities(conversationId?: string): any[] {
    return this.calls
      .filter(
        (c) =>
          (c.kind === 'send' || c.kind === 'reply') &&
          (!conversationId || c.conversationId === conversationId),
      )
      .map((c) => c.body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.arrived++;
    const body = await readJson(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const { kind, conversationId, activityId } = classify(method, parts);
    this.arrivals.push(kind);
    const failureIndex = this.failures.findIndex((f) => !f.kinds || f.kinds.includes(kind));
    if (failureIndex >= 0) {
      const [failure] = this.failures.splice(failureIndex, 1);
      if (failure!.delayMs) await this.hold(failure!.delayMs);
      this.calls.push({
        method,
        path: url.pathname,
        kind: `${kind}:failed:${failure!.status}`,
        conversationId,
        body,
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure!.retryAfterSeconds !== undefined)
        headers['retry-after'] = String(failure!.retryAfterSeconds);
      res.writeHead(failure!.status, headers);
      res.end(JSON.stringify({ error: { code: 'Failure', message: 'injected failure' } }));
      return;
    }
    const delayIndex = this.delays.findIndex((d) => !d.kinds || d.kinds.includes(kind));
    if (delayIndex >= 0) await this.hold(this.delays.splice(delayIndex, 1)[0]!.delayMs);
    this.calls.push({ method, path: url.pathname, kind, conversationId, activityId, body, at: Date.now() });
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    switch (kind) {
      case 'send':
      case 'reply':
        return reply(200, { id: `act-${++this.counter}` });
      case 'update':
        return reply(200, { id: activityId });
      case 'delete':
        return reply(200, {});
      case 'createConversation': {
        const id = `${body?.channelData?.channel?.id ?? 'conv'};messageid=thread-${++this.counter}`;
        return reply(201, { id, activityId: `thread-${this.counter}` });
      }
      case 'teamDetails': {
        const team = this.teams.get(parts[2]!);
        return team
          ? reply(200, { id: team.id, name: team.name, aadGroupId: team.aadGroupId ?? team.id })
          : reply(404, { error: { code: 'NotFound' } });
      }
      case 'channels': {
        const team = this.teams.get(parts[2]!);
        return team
          ? reply(200, { conversations: team.channels })
          : reply(404, { error: { code: 'NotFound' } });
      }
      case 'member': {
        const member =
          this.members.get(parts[4]!) ?? [...this.members.values()].find((m) => m.aadObjectId === parts[4]);
        return member ? reply(200, member) : reply(404, { error: { code: 'MemberNotFoundInConversation' } });
      }
      case 'members':
        return reply(
          200,
          url.pathname.endsWith('pagedmembers')
            ? { members: [...this.members.values()] }
            : [...this.members.values()],
        );
      default:
        return reply(404, { error: { code: 'NotFound' } });
    }
  }
}

function classify(
  method: string,
  parts: string[],
): { kind: string; conversationId?: string; activityId?: string } {
  // parts: v3, conversations|teams, id, ...
  if (parts[1] === 'teams') return { kind: parts[3] === 'conversations' ? 'channels' : 'teamDetails' };
  if (parts[1] !== 'conversations') return { kind: 'unknown' };
  if (parts.length === 2 && method === 'POST') return { kind: 'createConversation' };
  const conversationId = parts[2];
  if (parts[3] === 'activities') {
    const activityId = parts[4];
    if (!activityId) return { kind: 'send', conversationId };
    if (method === 'PUT') return { kind: 'update', conversationId, activityId };
    if (method === 'DELETE') return { kind: 'delete', conversationId, activityId };
    return { kind: 'reply', conversationId, activityId };
  }
  if (parts[3] === 'members' && parts[4]) return { kind: 'member', conversationId };
  if (parts[3] === 'members' || parts[3] === 'pagedmembers') return { kind: 'members', conversationId };
  return { kind: 'unknown', conversationId };
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}
