import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import pino, { type DestinationStream } from 'pino';
import { COLLECTIONS } from '../../domain/cases/types';
import type { Config } from '../config';
import type { DocumentStore } from '../../domain/store';
import {
  Sender,
  envelope,
  parseConnectionString,
  severityOf,
  type Operation,
  type Telemetry as Item,
} from './appInsights';
import { METRICS, setMetricSink, setOutboxBacklog, type Dimensions, type MetricName } from './metrics';
import { logProperties, scrubText, templatePath } from './privacy';

/**
 * Application Insights for the bot, on only when APPLICATIONINSIGHTS_CONNECTION_STRING is set:
 * - requests: every HTTP request the server answers (method, templated route, status, duration);
 * - dependencies: outgoing HTTP calls (Bot Connector, Entra ID) and PostgreSQL queries (verb and table);
 * - traces: the structured log lines, with personal-data keys dropped and e-mail addresses and GUIDs masked;
 * - custom metrics: turns, answers by kind, escalations, outbox backlog, delivery failures (metrics.ts).
 * Requests and outgoing calls are observed through Node's diagnostics channels, which cost nothing while no
 * one subscribes and never see bodies; nothing runs on a turn beyond appending an item to a queue, which a
 * timer sends. No message text, name, e-mail address or user id is part of any item (privacy.ts; the
 * telemetry leak test sends a real turn and checks).
 */
export interface BotTelemetry {
  /** Pino destination: stdout as before, plus Application Insights traces. */
  readonly logDestination: DestinationStream;
  /** Samples the outbox backlog now and at every metric interval. */
  watchOutbox(store: DocumentStore): void;
  /** Sends what is queued and the last metrics, then stops (SIGTERM). */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** How often queued items are sent (15 s). */
  readonly flushIntervalMs?: number;
  /** How often metrics are aggregated and sent (60 s). */
  readonly metricIntervalMs?: number;
  readonly fetch?: typeof fetch;
  /** Where the telemetry's own problems are reported (a JSON line on stdout by default). */
  readonly report?: (event: string, fields: Record<string, string | number>) => void;
}

/** Health probes are answered every few seconds by every instance: not worth a request item each. */
const UNTRACKED_PATHS = new Set(['/healthz', '/readyz']);

const exportContext = new AsyncLocalStorage<{ readonly suppress: true }>();
const operationContext = new AsyncLocalStorage<Operation>();

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export function startTelemetry(config: Config, options: TelemetryOptions = {}): BotTelemetry | undefined {
  if (!config.telemetry) return undefined;
  const connection = parseConnectionString(config.telemetry.connectionString);
  const report = options.report ?? defaultReport;
  let lastFailureReport = 0;
  const sender = new Sender({
    connection,
    ...(config.telemetry.entraClientId
      ? { token: ingestionToken(config.telemetry.entraClientId, connection.aadAudience) }
      : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onFailure: (reason, dropped) => {
      // At most one line every 5 minutes: a telemetry outage must not flood the log it would then carry.
      if (Date.now() - lastFailureReport < 5 * 60_000) return;
      lastFailureReport = Date.now();
      report('telemetry.sendFailed', { reason, dropped });
    },
  });
  const track = (item: Item, operation = operationContext.getStore()) =>
    sender.enqueue(envelope(connection.instrumentationKey, item, new Date(), operation));
  const suppressed = () => exportContext.getStore()?.suppress === true;
  const ingestionHost = safeHost(connection.ingestionEndpoint);

  const metrics = new MetricAggregator();
  setMetricSink(metrics);

  const unsubscribe = [
    observeServerRequests(track),
    observeClientRequests(track, (host) => suppressed() || host === ingestionHost),
    observeFetch(track, (host) => suppressed() || host === ingestionHost),
  ];
  const unpatchPg = observePostgres(track, suppressed);

  let outbox: DocumentStore | undefined;
  const sampleOutbox = async () => {
    if (!outbox) return;
    try {
      const [pending, posting] = await exportContext.run({ suppress: true }, () =>
        Promise.all([
          outbox!.count(COLLECTIONS.outbox, { where: { state: 'pending' } }),
          outbox!.count(COLLECTIONS.outbox, { where: { state: 'posting' } }),
        ]),
      );
      setOutboxBacklog(pending + posting);
    } catch {
      // The database is down: no sample this interval (the failure shows in requests and logs).
    }
  };

  const flush = () => exportContext.run({ suppress: true }, () => sender.flush());
  const sendMetrics = () => {
    for (const item of metrics.drain()) track(item, undefined);
  };
  const flushTimer = setInterval(() => void flush(), options.flushIntervalMs ?? 15_000);
  flushTimer.unref();
  const metricTimer = setInterval(() => {
    void sampleOutbox().then(() => {
      sendMetrics();
      return flush();
    });
  }, options.metricIntervalMs ?? 60_000);
  metricTimer.unref();

  const logStream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) {
        if (line) forwardLogLine(line, track);
      }
      callback();
    },
  });

  let stopped = false;
  return {
    logDestination: pino.multistream([
      { level: 'trace', stream: process.stdout },
      { level: 'trace', stream: logStream },
    ]),
    watchOutbox(store) {
      outbox = store;
      void sampleOutbox();
    },
    async shutdown() {
      if (stopped) return;
      stopped = true;
      clearInterval(flushTimer);
      clearInterval(metricTimer);
      for (const stop of unsubscribe) stop();
      unpatchPg();
      sendMetrics();
      setMetricSink(undefined);
      await flush();
    },
  };
}

/** Aggregates counters and gauges per metric name and dimensions until drained. */
class MetricAggregator {
  private readonly counters = new Map<
    string,
    { name: MetricName; dims: Dimensions; sum: number; n: number }
  >();
  private readonly gauges = new Map<string, { name: MetricName; dims: Dimensions; value: number }>();

  add(name: MetricName, value: number, dims: Dimensions = {}): void {
    const key = `${name}|${JSON.stringify(dims)}`;
    const entry = this.counters.get(key);
    if (entry) {
      entry.sum += value;
      entry.n += 1;
    } else this.counters.set(key, { name, dims, sum: value, n: 1 });
  }

  set(name: MetricName, value: number, dims: Dimensions = {}): void {
    this.gauges.set(`${name}|${JSON.stringify(dims)}`, { name, dims, value });
  }

  /**
   * The interval's items. Counters without dimensions are sent as 0 when nothing happened, so "no failures"
   * reads as a zero rather than a gap; a gauge repeats its last sample.
   */
  drain(): Item[] {
    const items: Item[] = [];
    const seen = new Set<string>();
    for (const { name, dims, sum, n } of this.counters.values()) {
      seen.add(name);
      items.push({ kind: 'Metric', name, value: sum, count: n, min: 0, max: sum, properties: { ...dims } });
    }
    this.counters.clear();
    for (const name of [METRICS.turns, METRICS.answers, METRICS.escalations, METRICS.deliveryFailures]) {
      if (!seen.has(name))
        items.push({ kind: 'Metric', name, value: 0, count: 1, min: 0, max: 0, properties: {} });
    }
    for (const { name, dims, value } of this.gauges.values()) {
      items.push({ kind: 'Metric', name, value, count: 1, min: value, max: value, properties: { ...dims } });
    }
    return items;
  }
}

function forwardLogLine(line: string, track: (item: Item) => void): void {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return;
  }
  const level = typeof parsed.level === 'number' ? parsed.level : 30;
  const message = typeof parsed.msg === 'string' ? parsed.msg : String(parsed.event ?? 'log');
  track({
    kind: 'Message',
    message: scrubText(message, 500),
    severityLevel: severityOf(level),
    properties: logProperties(parsed),
  });
}

function observeServerRequests(track: (item: Item, operation?: Operation) => void): () => void {
  const started = new WeakMap<IncomingMessage, { at: number; operation: Operation }>();
  const onStart = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    const path = templatePath(request.url ?? '/');
    if (UNTRACKED_PATHS.has(path)) return;
    const operation: Operation = {
      id: hex(16),
      parentId: hex(8),
      name: `${request.method ?? 'GET'} ${path}`,
    };
    started.set(request, { at: performance.now(), operation });
    // What this request causes (dependencies, log lines) is correlated with it.
    operationContext.enterWith(operation);
    // Node 24's AsyncLocalStorage (async context frames) keeps enterWith to this one callback, while the body's
    // 'data' and 'end' events, which run the handlers, come later from the socket: run the request's own events
    // in the operation too, so the correlation holds on Node 22 and 24 alike.
    const emit = request.emit.bind(request);
    request.emit = ((event: string | symbol, ...args: unknown[]) =>
      operationContext.run(operation, () => emit(event, ...args))) as typeof request.emit;
  };
  const onFinish = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const start = started.get(request);
    if (!start) return;
    started.delete(request);
    const path = templatePath(request.url ?? '/');
    track(
      {
        kind: 'Request',
        id: start.operation.parentId!,
        name: start.operation.name!,
        url: path,
        responseCode: String(response.statusCode),
        success: response.statusCode < 400,
        durationMs: performance.now() - start.at,
      },
      { id: start.operation.id, name: start.operation.name! },
    );
  };
  diagnosticsChannel.subscribe('http.server.request.start', onStart);
  diagnosticsChannel.subscribe('http.server.response.finish', onFinish);
  return () => {
    diagnosticsChannel.unsubscribe('http.server.request.start', onStart);
    diagnosticsChannel.unsubscribe('http.server.response.finish', onFinish);
  };
}

/** Outgoing calls through node:http/https (the Bot Connector client, Entra ID, the managed identity). */
function observeClientRequests(
  track: (item: Item, operation?: Operation) => void,
  skip: (host: string) => boolean,
): () => void {
  const started = new WeakMap<ClientRequest, { at: number; operation: Operation | undefined }>();
  const hostOf = (request: ClientRequest) => String(request.getHeader('host') ?? request.host ?? '');
  const done = (request: ClientRequest, resultCode: string, success: boolean) => {
    const start = started.get(request);
    if (!start) return;
    started.delete(request);
    const host = hostOf(request);
    const name = `${request.method} ${templatePath(request.path)}`;
    track(
      {
        kind: 'RemoteDependency',
        id: hex(8),
        name,
        type: 'HTTP',
        target: host,
        data: `${request.protocol}//${host}${templatePath(request.path)}`,
        resultCode,
        success,
        durationMs: performance.now() - start.at,
      },
      start.operation,
    );
  };
  const onStart = (message: unknown) => {
    const { request } = message as { request: ClientRequest };
    if (skip(hostOf(request))) return;
    started.set(request, { at: performance.now(), operation: operationContext.getStore() });
  };
  const onResponse = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const status = response.statusCode ?? 0;
    done(request, String(status), status > 0 && status < 400);
  };
  const onError = (message: unknown) => {
    const { request, error } = message as { request: ClientRequest; error: unknown };
    done(request, error instanceof Error ? error.name : 'error', false);
  };
  diagnosticsChannel.subscribe('http.client.request.start', onStart);
  diagnosticsChannel.subscribe('http.client.response.finish', onResponse);
  diagnosticsChannel.subscribe('http.client.request.error', onError);
  return () => {
    diagnosticsChannel.unsubscribe('http.client.request.start', onStart);
    diagnosticsChannel.unsubscribe('http.client.response.finish', onResponse);
    diagnosticsChannel.unsubscribe('http.client.request.error', onError);
  };
}

/** Outgoing calls through fetch (undici): the tab API's key downloads. */
function observeFetch(
  track: (item: Item, operation?: Operation) => void,
  skip: (host: string) => boolean,
): () => void {
  interface UndiciRequest {
    readonly origin: string;
    readonly method: string;
    readonly path: string;
  }
  const started = new WeakMap<UndiciRequest, { at: number; operation: Operation | undefined }>();
  const done = (request: UndiciRequest, resultCode: string, success: boolean) => {
    const start = started.get(request);
    if (!start) return;
    started.delete(request);
    const host = safeHost(String(request.origin));
    track(
      {
        kind: 'RemoteDependency',
        id: hex(8),
        name: `${request.method} ${templatePath(request.path)}`,
        type: 'HTTP',
        target: host,
        data: `${String(request.origin).split('//')[0]}//${host}${templatePath(request.path)}`,
        resultCode,
        success,
        durationMs: performance.now() - start.at,
      },
      start.operation,
    );
  };
  const onCreate = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    if (skip(safeHost(String(request.origin)))) return;
    started.set(request, { at: performance.now(), operation: operationContext.getStore() });
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as { request: UndiciRequest; response: { statusCode: number } };
    done(request, String(response.statusCode), response.statusCode < 400);
  };
  const onError = (message: unknown) => {
    const { request, error } = message as { request: UndiciRequest; error: unknown };
    done(request, error instanceof Error ? error.name : 'error', false);
  };
  diagnosticsChannel.subscribe('undici:request:create', onCreate);
  diagnosticsChannel.subscribe('undici:request:headers', onHeaders);
  diagnosticsChannel.subscribe('undici:request:error', onError);
  return () => {
    diagnosticsChannel.unsubscribe('undici:request:create', onCreate);
    diagnosticsChannel.unsubscribe('undici:request:headers', onHeaders);
    diagnosticsChannel.unsubscribe('undici:request:error', onError);
  };
}

/**
 * PostgreSQL queries as dependencies: pg has no diagnostics channel, so Client.prototype.query is wrapped
 * (as OpenTelemetry's pg instrumentation does) for as long as telemetry runs. Recorded: the SQL verb and
 * table (identifiers from the bot's own statements, never parameter values), the server, the duration and
 * the SQLSTATE code of a failure.
 */
function observePostgres(
  track: (item: Item, operation?: Operation) => void,
  suppressed: () => boolean,
): () => void {
  // Loaded here, not at the top: the SQLite-only deployment never needs pg in memory for telemetry.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as typeof import('pg');
  type Query = (this: unknown, ...args: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const wrapped: Query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as { text?: unknown; submit?: unknown } | string | undefined;
    const text = typeof first === 'string' ? first : typeof first?.text === 'string' ? first.text : undefined;
    if (suppressed() || text === undefined || (typeof first === 'object' && first?.submit)) {
      return original.apply(this, args);
    }
    const at = performance.now();
    const operation = operationContext.getStore();
    const client = this as { host?: string; database?: string };
    const record = (error: unknown) =>
      track(
        {
          kind: 'RemoteDependency',
          id: hex(8),
          name: sqlName(text),
          type: 'postgresql',
          target: `${client.host ?? ''}|${client.database ?? ''}`,
          data: sqlName(text),
          resultCode: error ? String((error as { code?: unknown }).code ?? 'error') : '',
          success: !error,
          durationMs: performance.now() - at,
        },
        operation,
      );
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: unknown, result: unknown) => void;
      args[last] = (err: unknown, result: unknown) => {
        record(err);
        callback(err, result);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => record(undefined),
        (err: unknown) => record(err ?? 'error'),
      );
    }
    return result;
  };
  proto.query = wrapped;
  return () => {
    if (proto.query === wrapped) proto.query = original;
  };
}

/** `INSERT documents`, `SELECT documents`, `BEGIN`: the statement's verb and first table, nothing else. */
export function sqlName(text: string): string {
  const verb = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
  const table = /\b(?:FROM|INTO|UPDATE|TABLE(?:\s+IF\s+NOT\s+EXISTS)?)\s+([A-Za-z_][A-Za-z0-9_.]*)/i.exec(
    text,
  )?.[1];
  return table && verb !== 'WITH' ? `${verb} ${table}` : verb;
}

function ingestionToken(clientId: string, audience: string | undefined): () => Promise<string> {
  const scope = `${(audience ?? 'https://monitor.azure.com').replace(/\/+$/, '')}/.default`;
  let cached: { token: string; expiresAt: number } | undefined;
  let credential: { getToken(scope: string): Promise<{ token: string; expiresOnTimestamp: number } | null> };
  return async () => {
    if (cached && Date.now() < cached.expiresAt - 5 * 60_000) return cached.token;
    if (!credential) {
      const { ManagedIdentityCredential } = await import('@azure/identity');
      credential = new ManagedIdentityCredential({ clientId });
    }
    const result = await credential.getToken(scope);
    if (!result) throw new Error('no ingestion token');
    cached = { token: result.token, expiresAt: result.expiresOnTimestamp };
    return result.token;
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function defaultReport(event: string, fields: Record<string, string | number>): void {
  process.stdout.write(
    `${JSON.stringify({ level: 40, time: new Date().toISOString(), service: 'social-media-guidance-bot', event, ...fields, msg: event })}\n`,
  );
}
