import type { Server } from 'node:http';

/** How long the HTTP server waits on a client: for a request's headers, for the whole request, and idle. */
export interface HttpTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
  readonly keepAliveMs: number;
}

/**
 * How often Node looks for requests past their header or request timeout (30 s by default, which would let a
 * 10 s limit hold a connection for up to 40 s). A sweep over the open connections each second costs nothing
 * that matters next to a turn.
 */
const TIMEOUT_CHECK_MS = 1000;

/**
 * Sets the server's timeouts, before it listens (Node reads the checking interval when listening starts).
 * The header and request timeouts cover receiving the request only: a turn that takes 15 s to answer is not
 * cut, but a client trickling its headers or body a byte at a time is answered 408 and disconnected.
 */
export function applyHttpTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  // An option of http.createServer, which restify calls without options; as a property it is read at 'listening'.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    TIMEOUT_CHECK_MS,
    timeouts.headersMs,
  );
}
