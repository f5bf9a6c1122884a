import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. The rule is that callers never pass message text, names or e-mail addresses;
 * redaction is the second line of defence for the fields where such data would live if a caller slipped.
 */
const REDACTED_PATHS = [
  'text',
  '*.text',
  'name',
  '*.name',
  'email',
  '*.email',
  'summary',
  '*.summary',
  'note',
  '*.note',
  'from.name',
  'recipient.name',
  'activity.text',
  'activity.from.name',
  'activity.recipient.name',
  'activity.value',
  'err.config',
  'err.request',
  'err.response',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'social-media-guidance-bot' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Reduces an error to what is safe to log: class, code, HTTP status and stack — never request bodies or headers. */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: e.name,
    code: typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined,
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    // Messages from our own code and libraries describe the failure, not the user's words; the stack stays in logs only.
    message: e.message.slice(0, 300),
    stack: e.stack,
  };
}
