import { GUID_PATTERN } from '../../shared/ids';
/**
 * What may leave the process for Application Insights. Telemetry is built from allow-listed fields (a route,
 * a status code, a duration, a host), never from request or response bodies; these functions are the
 * second line: paths lose their identifiers, log fields lose the keys where personal data would live, and
 * any string that still looks like an e-mail address or a user principal name is replaced.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const GUID = new RegExp(GUID_PATTERN, 'gi');

/** A path segment kept as it is: a word (api, messages, tabs, board), a version (v3) or a page (board.html). */
const PLAIN_SEGMENT = /^(?:[A-Za-z][A-Za-z-]{0,31}(?:\.(?:html|js|css|png|svg|json|ico))?|v\d{1,2})$/;

/**
 * A URL path with its query and fragment dropped and every segment that is not a plain word replaced by
 * `{id}`: `/v3/conversations/a:1xYz…/activities/1234` → `/v3/conversations/{id}/activities/{id}`.
 * Conversation, team, tenant and case identifiers never reach telemetry.
 */
export function templatePath(pathOrUrl: string): string {
  let path = pathOrUrl;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  path = path.split(/[?#]/, 1)[0] ?? '';
  const segments = path.split('/').map((segment) => {
    if (segment === '') return segment;
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return '{id}';
    }
    return PLAIN_SEGMENT.test(decoded) ? decoded : '{id}';
  });
  const templated = segments.join('/');
  return templated.startsWith('/') ? templated : `/${templated}`;
}

/** Replaces e-mail addresses (and UPNs, which look the same) and GUIDs (Entra object ids) in a string. */
export function scrubText(text: string, maxLength = 2000): string {
  const clean = text.replace(EMAIL, '[email]').replace(GUID, '[id]');
  return clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean;
}

/**
 * Keys dropped wherever they appear in a log line: where message text, names, e-mail addresses, user ids
 * and request content would live. The logger already redacts most of them ('[redacted]'); here they go.
 */
const DROPPED_KEYS = new Set(
  [
    'text',
    'name',
    'email',
    'mail',
    'upn',
    'userPrincipalName',
    'givenName',
    'surname',
    'displayName',
    'summary',
    'note',
    'question',
    'answer',
    'value',
    'from',
    'recipient',
    'activity',
    'aadObjectId',
    'userId',
    'owner',
    'manager',
    'officer',
    'by',
    'body',
    'headers',
    'config',
    'request',
    'response',
  ].map((k) => k.toLowerCase()),
);

/** Pino's own fields, sent as the trace's message, severity and time rather than as properties. */
const LOG_ENVELOPE_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'v']);

function clean(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 4) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => clean(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (DROPPED_KEYS.has(key.toLowerCase())) continue;
    out[key] = clean(inner, depth + 1);
  }
  return out;
}

/**
 * A structured log line's fields as Application Insights custom dimensions (string values): pino's envelope
 * keys removed, personal-data keys dropped at any depth, strings scrubbed, objects as JSON.
 */
export function logProperties(line: Readonly<Record<string, unknown>>): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(line)) {
    if (LOG_ENVELOPE_KEYS.has(key) || DROPPED_KEYS.has(key.toLowerCase())) continue;
    if (value === undefined) continue;
    const cleaned = clean(value, 0);
    properties[key] = scrubText(typeof cleaned === 'string' ? cleaned : JSON.stringify(cleaned), 4000);
  }
  return properties;
}
