import type { ConnectorClient } from 'botframework-connector';
import { statusOf } from './retry';

/** The part of a core-rest-pipeline request and pipeline this module touches. */
interface PipelineRequest {
  timeout: number;
}
type SendRequest = (request: PipelineRequest) => Promise<unknown>;
interface Pipeline {
  addPolicy(policy: {
    name: string;
    sendRequest(request: PipelineRequest, next: SendRequest): Promise<unknown>;
  }): void;
  removePolicy(options: { name: string }): unknown;
}

/**
 * The HTTP pipeline inside a ConnectorClient (a @azure/core-client ServiceClient behind botbuilder's compat
 * layer). The SDK does not expose it; undefined if a later SDK moves it, and callers then leave the client as is.
 */
export function pipelineOf(client: ConnectorClient): Pipeline | undefined {
  return (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
}

const CALL_TIMEOUT_POLICY = 'smgConnectorCallTimeout';

/**
 * Every call of this client gives up after `timeoutMs` (the SDK sets none: a Bot Connector that accepts the
 * connection and never answers would hold the turn, and Teams' request, forever). A timed-out call fails with
 * an AbortError, which the SDK's own retry leaves alone: within a turn the user is told to send again; the
 * gateway's retry policy treats it as any network failure.
 */
export function limitCallTime(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = pipelineOf(client);
  if (!pipeline || timeoutMs <= 0) return client;
  pipeline.removePolicy({ name: CALL_TIMEOUT_POLICY });
  pipeline.addPolicy({
    name: CALL_TIMEOUT_POLICY,
    sendRequest: (request, next) => {
      if (!(request.timeout > 0) || request.timeout > timeoutMs) request.timeout = timeoutMs;
      return next(request);
    },
  });
  return client;
}

const CONNECTOR_ERRORS = new Set(['RestError', 'ConnectorError']);

/**
 * True when the Bot Connector could not take a call just now: it timed out, the network failed, or Teams
 * answered 429 or 5xx. Also when a dialog wrapped the error (botbuilder-dialogs' DialogContextError keeps the
 * original as `error`). A 4xx refusal is not: the request itself was wrong, or the bot was blocked.
 */
export function isConnectorFailure(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const { name, error, cause } = e as { name?: unknown; error?: unknown; cause?: unknown };
    if (name === 'AbortError') return true;
    if (typeof name === 'string' && CONNECTOR_ERRORS.has(name)) {
      const status = statusOf(e);
      return status === undefined || status === 429 || status >= 500;
    }
    e = error ?? cause;
  }
  return false;
}
