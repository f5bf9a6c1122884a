import { GUID } from '../shared/ids';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../shared/dates';
import { parseWorkingDay } from '../shared/businessHours';
import { LANGS, type Lang } from '../shared/i18n/lang';

/**
 * Typed configuration, parsed once at start. Every later module receives a `Config`; nothing else reads
 * process.env, so tests build configs directly and a malformed value stops the start with one clear line.
 */

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** The items of a comma-separated value, trimmed, empty ones dropped. */
const splitList = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma-separated list (empty by default) whose every item must pass `valid`; `message` says what is expected. */
const commaList = (valid: (item: string) => boolean, message: string) =>
  z
    .string()
    .default('')
    .transform(splitList)
    .refine((items) => items.every(valid), message);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  MicrosoftAppId: z
    .string()
    .default('')
    .refine((v) => v === '' || GUID.test(v), 'must be a GUID (the bot registration’s app id) or empty'),
  MicrosoftAppPassword: z.string().default(''),
  // Azure creates new bots as SingleTenant or UserAssignedMSI only; MultiTenant is kept for older registrations.
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z
    .string()
    .default('')
    .refine((v) => v === '' || GUID.test(v), 'must be a GUID or empty'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/bot.db')
    .refine(
      (v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\//.test(v),
      'must be sqlite:<file path> or postgres://…',
    ),
  // password: the credentials in DATABASE_URL. entra: the managed identity DATABASE_ENTRA_CLIENT_ID signs in as the
  // database role named in DATABASE_URL, with a Microsoft Entra token as its password (no password stored).
  DATABASE_AUTH: z.enum(['password', 'entra']).default('password'),
  DATABASE_ENTRA_CLIENT_ID: z
    .string()
    .default('')
    .refine((v) => v === '' || GUID.test(v), 'must be the client id (a GUID) of the managed identity'),
  PG_POOL_MAX: positiveInt(10),
  DATABASE_TIMEOUT_SECONDS: positiveInt(10),
  CONNECTOR_TIMEOUT_SECONDS: positiveInt(10),
  ALLOWED_TENANT_IDS: commaList((id) => GUID.test(id), 'must be a comma-separated list of tenant GUIDs'),
  DEFAULT_LANGUAGE: z.enum(LANGS as [Lang, ...Lang[]]).default('en'),
  DEFAULT_TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, 'must be an IANA time zone such as America/Toronto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_KB: positiveInt(256),
  HTTP_HEADERS_TIMEOUT_SECONDS: positiveInt(10),
  HTTP_REQUEST_TIMEOUT_SECONDS: positiveInt(30),
  HTTP_KEEP_ALIVE_SECONDS: positiveInt(120),
  RATE_LIMIT_USER_MESSAGES: z.coerce.number().int().min(0).default(20),
  RATE_LIMIT_CONVERSATION_MESSAGES: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(30),
  RECORD_RETENTION_DAYS: positiveInt(90),
  CASE_RETENTION_DAYS: positiveInt(730),
  CASE_REOPEN_DAYS: positiveInt(30),
  USER_RETENTION_DAYS: positiveInt(395),
  OFFICE_CONTACT_EN: optionalText,
  OFFICE_CONTACT_FR: optionalText,
  BOT_DOMAIN: z
    .string()
    .default('')
    .transform((v) =>
      v
        .trim()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, ''),
    ),
  TAB_SSO_AUDIENCE: optionalText,
  ENTRA_JWKS_URL: z
    .string()
    .default('https://login.microsoftonline.com/{tenantId}/discovery/v2.0/keys')
    .refine((v) => /^https?:\/\//.test(v), 'must be an http(s) URL'),
  TAB_DEV_ORIGINS: commaList(
    (origin) => /^https?:\/\/[^/\s]+$/.test(origin),
    'must be comma-separated origins like http://127.0.0.1:5000',
  ),
  /** The Teams app's id (the manifest's, not the bot's): links to the app's tabs; empty = no such links. */
  TEAMS_APP_ID: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || GUID.test(v), 'must be the Teams app id (a GUID), or empty'),
  OFFICE_ADMIN_IDS: commaList((id) => GUID.test(id), 'must be a comma-separated list of Entra object ids'),
  VE_TEAM_ID: optionalText,
  VE_CHANNEL_ID: optionalText,
  OMBUD_TEAM_ID: optionalText,
  OMBUD_CHANNEL_ID: optionalText,
  CASE_OUTBOX_POLL_SECONDS: z.coerce.number().int().min(0).default(30),
  // Reminders for stalled cases, in business hours (0 turns one off); the poll at 0 turns them all off.
  CASE_REMINDER_POLL_SECONDS: z.coerce.number().int().min(0).default(300),
  CASE_REMINDER_URGENT_UNASSIGNED_HOURS: z.coerce.number().int().min(0).max(2000).default(2),
  CASE_REMINDER_UNASSIGNED_HOURS: z.coerce.number().int().min(0).max(2000).default(8),
  CASE_REMINDER_AGEING_HOURS: z.coerce.number().int().min(0).max(2000).default(40),
  CASE_BUSINESS_HOURS: z
    .string()
    .default('08:00-17:00')
    .refine(
      (v) => parseWorkingDay(v) !== undefined,
      'must be a working day like 08:00-17:00 (start before end)',
    ),
  CASE_BUSINESS_TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, 'must be an IANA time zone such as America/Toronto'),
  // Application Insights: empty = no telemetry leaves the process (local mode, tests).
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.refine(
    (v) => v === undefined || /(^|;)\s*InstrumentationKey\s*=\s*[0-9a-f-]{36}\s*(;|$)/i.test(v),
    'must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…) or empty',
  ),
  // "Authorization=AAD;ClientId=<managed identity client id>": send telemetry with an Entra token (the resource
  // has local authentication disabled) instead of the instrumentation key alone.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: optionalText.refine(
    (v) => v === undefined || /^Authorization=AAD;ClientId=[0-9a-f-]{36}$/i.test(v.replace(/\s+/g, '')),
    'must be Authorization=AAD;ClientId=<client id of the managed identity> or empty',
  ),
});

export type AuthMode = 'local' | 'authenticated';

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly port: number;
  readonly host: string;
  /** local: no Bot Framework authentication (playground, tests). authenticated: every request needs a valid token. */
  readonly authMode: AuthMode;
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly appTenantId: string;
  };
  readonly databaseUrl: string;
  /** How PostgreSQL is signed in to: the URL's password, or an Entra token of this managed identity. */
  readonly databaseAuth:
    { readonly mode: 'password' } | { readonly mode: 'entra'; readonly clientId: string };
  /** Most PostgreSQL connections per instance (ignored with SQLite). */
  readonly pgPoolMax: number;
  /** A PostgreSQL connection attempt or query that takes longer fails (the user is asked to try again). */
  readonly databaseTimeoutMs: number;
  /** A Bot Connector call (a reply, a post, a card update) that takes longer is abandoned. */
  readonly connectorTimeoutMs: number;
  readonly allowedTenantIds: readonly string[];
  readonly defaultLanguage: Lang;
  /** The zone for dates and times when the user's client sends none (src/shared/dates.ts). */
  readonly defaultTimeZone: string;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  /**
   * The HTTP server's patience (see src/platform/server/httpTimeouts.ts): a request's headers must arrive within
   * `headersTimeoutMs` and the whole request within `requestTimeoutMs` (answering is not counted); an idle
   * connection is kept `keepAliveMs` for the Bot Connector's next message.
   */
  readonly http: {
    readonly headersMs: number;
    readonly requestMs: number;
    readonly keepAliveMs: number;
  };
  /**
   * Messages (and card clicks) taken from one person and from one conversation per window; past that, one
   * notice and the rest dropped (src/platform/throttleTurns.ts). 0 turns a limit off.
   */
  readonly rateLimits: {
    readonly userMessages: number;
    readonly conversationMessages: number;
    readonly windowSeconds: number;
  };
  readonly recordRetentionDays: number;
  /** A person's saved preferences and chat address are deleted after this many days without activity. */
  readonly userRetentionDays: number;
  readonly caseRetentionDays: number;
  /** A closed case can be reopened by its office this many days after closing. */
  readonly caseReopenDays: number;
  /** Whom to contact when an office has no registered channel; undefined = the catalogue's generic text. */
  readonly officeContact: { readonly en?: string; readonly fr?: string };
  /** The Teams tabs: who their SSO tokens must be issued for, where Entra ID's keys are, local hosts. */
  readonly tabs: {
    /** Accepted token audiences: api://<BOT_DOMAIN>/<app id> and the app id (or TAB_SSO_AUDIENCE). */
    readonly audiences: readonly string[];
    /** JWKS address; `{tenantId}` is replaced by the token's tenant. */
    readonly jwksUrlTemplate: string;
    /** Local mode only: origins allowed to host the tabs (a test host page); ignored when authenticated. */
    readonly devOrigins: readonly string[];
  };
  /** Entra object ids allowed to register an office channel in any team (besides that team's owners). */
  readonly officeAdminIds: readonly string[];
  /** The Teams app's id, for links that open its tabs (the case board); empty when not configured. */
  readonly teamsAppId: string;
  /** Office channels named by configuration, used when none was registered in Teams. */
  readonly officeChannels: {
    readonly valuesEthics?: { readonly teamId: string; readonly channelId: string };
    readonly ombud?: { readonly teamId: string; readonly channelId: string };
  };
  /** How often the case outbox is polled; 0 stops delivery (cases wait in the outbox, e.g. during maintenance). */
  readonly caseOutboxPollSeconds: number;
  /**
   * Reminders in a stalled case's thread (src/domain/cases/reminders.ts): how often cases are checked (0 = no
   * reminders), the thresholds in business hours (0 = that reminder off), and the office's working day
   * (minutes after midnight) in its zone, Monday to Friday, federal holidays off.
   */
  readonly caseReminders: {
    readonly pollSeconds: number;
    readonly urgentUnassignedHours: number;
    readonly unassignedHours: number;
    readonly ageingHours: number;
    readonly workingDay: { readonly dayStart: number; readonly dayEnd: number };
    readonly timeZone: string;
  };
  /** Application Insights (src/platform/telemetry); undefined = telemetry off. */
  readonly telemetry?: {
    readonly connectionString: string;
    /** Client id of the managed identity whose Entra token authorises ingestion; undefined = key only. */
    readonly entraClientId?: string;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment into a Config, or throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message}`);
  }
  const v = parsed.data;
  const production = v.NODE_ENV === 'production';
  if (production && !v.MicrosoftAppId) {
    throw new ConfigError(
      'Invalid configuration: MicrosoftAppId is required when NODE_ENV=production (local mode is for development only)',
    );
  }
  if (production && v.MicrosoftAppType !== 'UserAssignedMSI' && !v.MicrosoftAppPassword) {
    throw new ConfigError(
      'Invalid configuration: MicrosoftAppPassword is required when NODE_ENV=production with MicrosoftAppType ' +
        v.MicrosoftAppType,
    );
  }
  if (v.HTTP_HEADERS_TIMEOUT_SECONDS > v.HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError(
      'Invalid configuration: HTTP_HEADERS_TIMEOUT_SECONDS must not exceed HTTP_REQUEST_TIMEOUT_SECONDS (the headers are part of the request)',
    );
  }
  if (v.MicrosoftAppType !== 'MultiTenant' && v.MicrosoftAppId && !v.MicrosoftAppTenantId) {
    throw new ConfigError(
      `Invalid configuration: MicrosoftAppTenantId is required when MicrosoftAppType=${v.MicrosoftAppType}` +
        (env.MicrosoftAppType ? '' : ' (the default)'),
    );
  }
  if (v.DATABASE_AUTH === 'entra') {
    if (!/^postgres(ql)?:\/\//.test(v.DATABASE_URL)) {
      throw new ConfigError('Invalid configuration: DATABASE_AUTH=entra needs a postgres:// DATABASE_URL');
    }
    if (!v.DATABASE_ENTRA_CLIENT_ID) {
      throw new ConfigError(
        'Invalid configuration: DATABASE_ENTRA_CLIENT_ID is required when DATABASE_AUTH=entra',
      );
    }
    const url = new URL(v.DATABASE_URL);
    if (url.password || !url.username) {
      throw new ConfigError(
        'Invalid configuration: with DATABASE_AUTH=entra, DATABASE_URL names the database role and has no password',
      );
    }
  }
  const aadClientId = /ClientId=([0-9a-f-]{36})/i.exec(
    v.APPLICATIONINSIGHTS_AUTHENTICATION_STRING ?? '',
  )?.[1];
  return Object.freeze({
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    authMode: v.MicrosoftAppId ? 'authenticated' : 'local',
    bot: {
      appId: v.MicrosoftAppId,
      appPassword: v.MicrosoftAppPassword,
      // botbuilder refuses SingleTenant and UserAssignedMSI without an app id; an empty app id with MultiTenant
      // is its "no authentication" mode, which is what local mode is.
      appType: v.MicrosoftAppId ? v.MicrosoftAppType : 'MultiTenant',
      appTenantId: v.MicrosoftAppTenantId,
    },
    databaseUrl: v.DATABASE_URL,
    databaseAuth:
      v.DATABASE_AUTH === 'entra'
        ? { mode: 'entra', clientId: v.DATABASE_ENTRA_CLIENT_ID }
        : { mode: 'password' },
    pgPoolMax: v.PG_POOL_MAX,
    databaseTimeoutMs: v.DATABASE_TIMEOUT_SECONDS * 1000,
    connectorTimeoutMs: v.CONNECTOR_TIMEOUT_SECONDS * 1000,
    allowedTenantIds: v.ALLOWED_TENANT_IDS,
    defaultLanguage: v.DEFAULT_LANGUAGE,
    defaultTimeZone: v.DEFAULT_TIME_ZONE,
    logLevel: v.LOG_LEVEL,
    bodyLimitBytes: v.BODY_LIMIT_KB * 1024,
    http: {
      headersMs: v.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
      requestMs: v.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
      keepAliveMs: v.HTTP_KEEP_ALIVE_SECONDS * 1000,
    },
    rateLimits: {
      userMessages: v.RATE_LIMIT_USER_MESSAGES,
      conversationMessages: v.RATE_LIMIT_CONVERSATION_MESSAGES,
      windowSeconds: v.RATE_LIMIT_WINDOW_SECONDS,
    },
    recordRetentionDays: v.RECORD_RETENTION_DAYS,
    caseRetentionDays: v.CASE_RETENTION_DAYS,
    caseReopenDays: v.CASE_REOPEN_DAYS,
    userRetentionDays: v.USER_RETENTION_DAYS,
    officeContact: { en: v.OFFICE_CONTACT_EN, fr: v.OFFICE_CONTACT_FR },
    tabs: {
      audiences: v.TAB_SSO_AUDIENCE
        ? splitList(v.TAB_SSO_AUDIENCE)
        : [
            ...(v.BOT_DOMAIN && v.MicrosoftAppId ? [`api://${v.BOT_DOMAIN}/${v.MicrosoftAppId}`] : []),
            ...(v.MicrosoftAppId ? [v.MicrosoftAppId] : []),
          ],
      jwksUrlTemplate: v.ENTRA_JWKS_URL,
      devOrigins: v.MicrosoftAppId ? [] : v.TAB_DEV_ORIGINS,
    },
    officeAdminIds: v.OFFICE_ADMIN_IDS,
    teamsAppId: v.TEAMS_APP_ID,
    officeChannels: {
      ...(v.VE_TEAM_ID && v.VE_CHANNEL_ID
        ? { valuesEthics: { teamId: v.VE_TEAM_ID, channelId: v.VE_CHANNEL_ID } }
        : {}),
      ...(v.OMBUD_TEAM_ID && v.OMBUD_CHANNEL_ID
        ? { ombud: { teamId: v.OMBUD_TEAM_ID, channelId: v.OMBUD_CHANNEL_ID } }
        : {}),
    },
    caseOutboxPollSeconds: v.CASE_OUTBOX_POLL_SECONDS,
    caseReminders: {
      pollSeconds: v.CASE_REMINDER_POLL_SECONDS,
      urgentUnassignedHours: v.CASE_REMINDER_URGENT_UNASSIGNED_HOURS,
      unassignedHours: v.CASE_REMINDER_UNASSIGNED_HOURS,
      ageingHours: v.CASE_REMINDER_AGEING_HOURS,
      workingDay: parseWorkingDay(v.CASE_BUSINESS_HOURS)!,
      timeZone: v.CASE_BUSINESS_TIME_ZONE,
    },
    ...(v.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? {
          telemetry: {
            connectionString: v.APPLICATIONINSIGHTS_CONNECTION_STRING,
            ...(aadClientId ? { entraClientId: aadClientId } : {}),
          },
        }
      : {}),
  } satisfies Config);
}
