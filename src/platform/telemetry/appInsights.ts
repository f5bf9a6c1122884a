import { hostname } from 'node:os';

/**
 * A small Application Insights sender: envelopes in the ingestion service's JSON format (the "track" API the
 * Azure Monitor exporters use), posted in batches to the IngestionEndpoint of the connection string and
 * nowhere else. The Azure Monitor OpenTelemetry distribution was not used: besides the ingestion endpoint it
 * polls a Microsoft configuration service and probes the VM metadata endpoint, which a private deployment
 * neither needs nor allows, and its automatic instrumentation records client addresses and full URLs that
 * would then have to be removed. Here every field sent is chosen.
 */

export interface ConnectionString {
  readonly instrumentationKey: string;
  /** Base address, without a trailing slash. */
  readonly ingestionEndpoint: string;
  /** Entra audience for ingestion tokens (AADAudience), when the connection string names one. */
  readonly aadAudience?: string;
}

export function parseConnectionString(text: string): ConnectionString {
  const fields = new Map<string, string>();
  for (const part of text.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const instrumentationKey = fields.get('instrumentationkey');
  if (!instrumentationKey)
    throw new Error('Application Insights connection string has no InstrumentationKey');
  const endpoint = fields.get('ingestionendpoint') || 'https://dc.services.visualstudio.com';
  const aadAudience = fields.get('aadaudience');
  return {
    instrumentationKey,
    ingestionEndpoint: endpoint.replace(/\/+$/, ''),
    ...(aadAudience ? { aadAudience } : {}),
  };
}

export type SeverityLevel = 'Verbose' | 'Information' | 'Warning' | 'Error' | 'Critical';

/** Pino's numeric levels as Application Insights severities. */
export function severityOf(pinoLevel: number): SeverityLevel {
  if (pinoLevel >= 60) return 'Critical';
  if (pinoLevel >= 50) return 'Error';
  if (pinoLevel >= 40) return 'Warning';
  if (pinoLevel >= 30) return 'Information';
  return 'Verbose';
}

/** Milliseconds as the service's time span, `[d.]hh:mm:ss.fff`. */
export function timeSpan(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const days = Math.floor(total / 86_400_000);
  const hours = Math.floor(total / 3_600_000) % 24;
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  const span = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(total % 1000, 3)}`;
  return days > 0 ? `${days}.${span}` : span;
}

/** Correlation of one incoming request with what it causes (W3C-style ids). */
export interface Operation {
  readonly id: string;
  readonly name?: string;
  /** The request's id: parent of the dependencies and traces recorded while it runs. */
  readonly parentId?: string;
}

export type Telemetry =
  | {
      readonly kind: 'Request';
      readonly id: string;
      readonly name: string;
      readonly url: string;
      readonly responseCode: string;
      readonly success: boolean;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'RemoteDependency';
      readonly id: string;
      readonly name: string;
      readonly type: string;
      readonly target: string;
      readonly data: string;
      readonly resultCode: string;
      readonly success: boolean;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'Message';
      readonly message: string;
      readonly severityLevel: SeverityLevel;
      readonly properties: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'Metric';
      readonly name: string;
      readonly value: number;
      readonly count: number;
      readonly min: number;
      readonly max: number;
      readonly properties: Readonly<Record<string, string>>;
    };

export interface Envelope {
  readonly name: string;
  readonly time: string;
  readonly iKey: string;
  readonly sampleRate: number;
  readonly tags: Record<string, string>;
  readonly data: { readonly baseType: string; readonly baseData: Record<string, unknown> };
}

const ROLE = 'social-media-guidance-bot';
const SDK_VERSION = `node${process.versions.node}:smg-telemetry:1`;
const INSTANCE = hostname();

/** One telemetry item as an envelope: role and instance, the operation, and 0.0.0.0 as the client address. */
export function envelope(
  iKey: string,
  item: Telemetry,
  time: Date,
  operation: Operation | undefined,
): Envelope {
  const tags: Record<string, string> = {
    'ai.cloud.role': ROLE,
    'ai.cloud.roleInstance': INSTANCE,
    'ai.internal.sdkVersion': SDK_VERSION,
    // Without it the service records the sending host's address; no user address is ever known here.
    'ai.location.ip': '0.0.0.0',
  };
  if (operation) {
    tags['ai.operation.id'] = operation.id;
    if (operation.name) tags['ai.operation.name'] = operation.name;
    if (operation.parentId) tags['ai.operation.parentId'] = operation.parentId;
  }
  const base = { name: '', time: time.toISOString(), iKey, sampleRate: 100, tags };
  switch (item.kind) {
    case 'Request':
      tags['ai.operation.name'] = item.name;
      return {
        ...base,
        name: 'Microsoft.ApplicationInsights.Request',
        data: {
          baseType: 'RequestData',
          baseData: {
            ver: 2,
            id: item.id,
            name: item.name,
            url: item.url,
            responseCode: item.responseCode,
            success: item.success,
            duration: timeSpan(item.durationMs),
          },
        },
      };
    case 'RemoteDependency':
      return {
        ...base,
        name: 'Microsoft.ApplicationInsights.RemoteDependency',
        data: {
          baseType: 'RemoteDependencyData',
          baseData: {
            ver: 2,
            id: item.id,
            name: item.name,
            type: item.type,
            target: item.target,
            data: item.data,
            resultCode: item.resultCode,
            success: item.success,
            duration: timeSpan(item.durationMs),
          },
        },
      };
    case 'Message':
      return {
        ...base,
        name: 'Microsoft.ApplicationInsights.Message',
        data: {
          baseType: 'MessageData',
          baseData: {
            ver: 2,
            message: item.message,
            severityLevel: item.severityLevel,
            properties: item.properties,
          },
        },
      };
    case 'Metric':
      return {
        ...base,
        name: 'Microsoft.ApplicationInsights.Metric',
        data: {
          baseType: 'MetricData',
          baseData: {
            ver: 2,
            metrics: [
              {
                name: item.name,
                value: item.value,
                count: item.count,
                min: item.min,
                max: item.max,
              },
            ],
            properties: item.properties,
          },
        },
      };
  }
}

export interface SenderOptions {
  readonly connection: ConnectionString;
  /** An Entra token for ingestion (the resource has local authentication disabled); undefined = key only. */
  readonly token?: () => Promise<string>;
  /** Most items kept while the service cannot be reached; the oldest are dropped past it. */
  readonly maxQueued?: number;
  readonly batchSize?: number;
  readonly fetch?: typeof fetch;
  /** Told (a status or an error class, never item content) when a batch could not be sent. */
  readonly onFailure?: (reason: string, dropped: number) => void;
}

/**
 * Queues envelopes and posts them in batches. Retries a batch the service may accept later (408, 429, 5xx,
 * network errors) on the next flush; drops it on other answers. Sending never throws to the caller, and
 * never runs on a turn: the caller flushes on a timer and at shutdown.
 */
export class Sender {
  private queue: Envelope[] = [];
  private flushing: Promise<void> | undefined;
  private readonly maxQueued: number;
  private readonly batchSize: number;
  private readonly url: string;

  constructor(private readonly options: SenderOptions) {
    this.maxQueued = options.maxQueued ?? 5000;
    this.batchSize = options.batchSize ?? 500;
    this.url = `${options.connection.ingestionEndpoint}/v2.1/track`;
  }

  get queued(): number {
    return this.queue.length;
  }

  enqueue(item: Envelope): void {
    this.queue.push(item);
    if (this.queue.length > this.maxQueued) {
      const dropped = this.queue.length - this.maxQueued;
      this.queue.splice(0, dropped);
      this.options.onFailure?.('queueFull', dropped);
    }
  }

  /** Sends everything queued so far (one flush at a time; a second caller waits for the running one). */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchSize);
      const retry = await this.send(batch);
      if (retry) {
        // Back at the front, for the next flush; the queue's bound still applies.
        this.queue.unshift(...batch);
        if (this.queue.length > this.maxQueued) this.queue.splice(this.maxQueued);
        return;
      }
    }
  }

  /** Posts one batch; true when it should be tried again later. */
  private async send(batch: readonly Envelope[]): Promise<boolean> {
    const doFetch = this.options.fetch ?? fetch;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (this.options.token) headers.authorization = `Bearer ${await this.options.token()}`;
      const response = await doFetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 200 || response.status === 206) return false;
      const retry = response.status === 408 || response.status === 429 || response.status >= 500;
      this.options.onFailure?.(`status${response.status}`, retry ? 0 : batch.length);
      return retry;
    } catch (err) {
      this.options.onFailure?.(err instanceof Error ? err.name : 'error', 0);
      return true;
    }
  }
}
