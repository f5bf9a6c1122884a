import type { ConnectorClient } from 'botframework-connector';
import type { OutboundPacer } from './outboundPacer';
import { pipelineOf, type PipelineResponse } from './sdkInternals';
import { classify, isRetryable, parseRetryAfterMs, retryDelayMs, statusOf, type RetryOptions } from './retry';

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

/** The SDK's own retry policy (core-rest-pipeline's), and ours that replaces it. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';
export const REPLY_RETRY_POLICY = 'smgConnectorRetry';

/**
 * Replaces the SDK's retry (fixed waits on its own timers) with the app's: the same rules as the gateway's
 * (429 honours Retry-After, 5xx and network failures back off with jitter, 4xx is final), with the app's
 * numbers and waits. A call that timed out is not tried again within a turn: the user is told to resend.
 */
export function useRetryPolicy(client: ConnectorClient, options: RetryOptions): ConnectorClient {
  const pipeline = pipelineOf(client);
  if (!pipeline) return client;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  pipeline.removePolicy({ name: REPLY_RETRY_POLICY });
  pipeline.addPolicy(
    {
      name: REPLY_RETRY_POLICY,
      sendRequest: async (request, next) => {
        for (let attempt = 1; ; attempt++) {
          let response: PipelineResponse;
          try {
            response = await next(request);
          } catch (err) {
            const aborted = (err as { name?: unknown } | undefined)?.name === 'AbortError';
            if (aborted || attempt >= options.maxAttempts) throw err;
            await sleep(retryDelayMs(options, attempt, 'unavailable', undefined));
            continue;
          }
          const kind = response.status >= 400 ? classify(response.status) : undefined;
          if (kind === undefined || !isRetryable(kind) || attempt >= options.maxAttempts) return response;
          const hinted = parseRetryAfterMs(response.headers.get('retry-after'));
          await sleep(retryDelayMs(options, attempt, kind, hinted));
        }
      },
    },
    { phase: 'Retry' },
  );
  return client;
}

export const PACING_POLICY = 'smgConversationPacing';

/** A message into a conversation (send, reply, update, delete): /v3/conversations/{id}/activities[/{id}]. */
const CONVERSATION_ACTIVITY = /\/v3\/conversations\/([^/?]+)\/activities(?:\/|\?|$)/;
const MESSAGE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

/**
 * Every message this client sends into a conversation waits for its turn in the pacer (Teams' per-conversation
 * limits). It sits after the retry policy, so each attempt is paced: Teams counts a retry as a message too.
 * Other calls (member look-ups, a new channel thread) are not messages in a conversation and are not paced.
 */
export function usePacing(client: ConnectorClient, pacer: OutboundPacer): ConnectorClient {
  const pipeline = pipelineOf(client);
  if (!pipeline) return client;
  pipeline.removePolicy({ name: PACING_POLICY });
  pipeline.addPolicy(
    {
      name: PACING_POLICY,
      sendRequest: async (request, next) => {
        const conversation = MESSAGE_METHODS.has(request.method)
          ? CONVERSATION_ACTIVITY.exec(new URL(request.url).pathname)?.[1]
          : undefined;
        if (conversation) await pacer.take(decodeURIComponent(conversation));
        return next(request);
      },
    },
    { afterPhase: 'Retry' },
  );
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
