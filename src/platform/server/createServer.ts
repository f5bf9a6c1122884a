import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity } from 'botbuilder';
import type { Logger } from '../../shared/logger';
import { safeError } from '../../shared/logger';
import { applyHttpTimeouts, type HttpTimeouts } from './httpTimeouts';
import { mountRoutes, type HttpRoute } from './routes';

export interface ServerDeps {
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  readonly timeouts: HttpTimeouts;
  /** Runs one inbound activity; resolves to the HTTP status and body for the Bot Connector. */
  readonly handleActivity: (
    activity: Activity,
    authHeader: string,
  ) => Promise<{ status: number; body?: unknown }>;
  readonly isReady: () => Promise<boolean>;
  /** Routes the features add (the tabs' pages and API). */
  readonly routes?: readonly HttpRoute[];
}

/**
 * Connections waiting to be accepted. Node's default (511) overflowed when a thousand conversations opened
 * their connections at once (the benchmark at 1,000): the kernel dropped the rest, their clients retried after
 * 1, 3 and 7 seconds, and both bots sat idle with p99 near 8.5 s. The kernel caps it at net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 4096;

const GENERIC_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  500: 'Internal error',
  503: 'Not ready',
};

function genericBody(status: number): { code: string; message: string } {
  return { code: String(status), message: GENERIC_MESSAGES[status] ?? 'Error' };
}

/**
 * The HTTP edge. Only JSON bodies are parsed (no multipart, no url-encoded) and their size is capped;
 * every error response is generic — no internal message or stack ever reaches a caller.
 */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'social-media-guidance-bot', handleUncaughtExceptions: false });
  applyHttpTimeouts(server.server, deps.timeouts);
  // maxBodySize reaches restify's body reader at run time; its type definitions omit it.
  const jsonOnly = { maxBodySize: deps.bodyLimitBytes } as restify.plugins.JsonBodyParserOptions;
  server.use(restify.plugins.jsonBodyParser(jsonOnly));

  // Restify builds error bodies from the error's message (e.g. the JSON parser's, which quotes the input).
  server.on(
    'restifyError',
    (_req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      const status = err.statusCode ?? 500;
      const body = genericBody(status);
      Object.assign(err, { toJSON: () => body, toString: () => body.message });
      if (status >= 500) deps.logger.error({ event: 'http.error', err: safeError(err) }, 'request failed');
      return callback();
    },
  );

  server.post('/api/messages', async (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      const status = req.getContentType() === 'application/json' || !req.getContentType() ? 400 : 415;
      res.send(status, genericBody(status));
      return;
    }
    const authHeader = String(req.headers.authorization ?? '');
    try {
      const outcome = await deps.handleActivity(body as Activity, authHeader);
      if (outcome.body === undefined) {
        res.status(outcome.status);
        res.end();
      } else {
        res.send(outcome.status, outcome.body);
      }
    } catch (err) {
      deps.logger.error({ event: 'activity.failed', err: safeError(err) }, 'activity processing failed');
      res.send(500, genericBody(500));
    }
  });

  // Restify rejects handlers that neither take `next` nor return a promise.
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await deps.isReady().catch(() => false);
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });

  mountRoutes(server, deps.routes ?? []);
  return server;
}
