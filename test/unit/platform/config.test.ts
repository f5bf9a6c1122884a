import { ConfigError, loadConfig } from '../../../src/platform/config';

const APP_ID = '0d6a1f3e-1234-4abc-8def-0123456789ab';
const TENANT_ID = '11111111-2222-3333-4444-555555555555';
const MSI_CLIENT_ID = '22222222-3333-4444-5555-666666666666';

describe('configuration', () => {
  it('defaults to local mode with an SQLite file under ./data and English', () => {
    const config = loadConfig({});
    expect(config.authMode).toBe('local');
    expect(config.port).toBe(3978);
    expect(config.databaseUrl).toBe('sqlite:./data/bot.db');
    expect(config.defaultLanguage).toBe('en');
    expect(config.bodyLimitBytes).toBe(256 * 1024);
    expect(config.allowedTenantIds).toEqual([]);
  });

  it('gives slow clients 10 s for headers and 30 s for a request, and keeps idle connections 120 s', () => {
    expect(loadConfig({}).http).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 120_000 });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '40' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_SECONDS must not exceed HTTP_REQUEST_TIMEOUT_SECONDS/,
    );
  });

  it('takes 20 messages per person and 60 per conversation in 30 s by default; 0 turns a limit off', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      userMessages: 20,
      conversationMessages: 60,
      windowSeconds: 30,
    });
    expect(loadConfig({ RATE_LIMIT_USER_MESSAGES: '0' }).rateLimits.userMessages).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
  });

  it('shows dates in America/Toronto when the client sends no zone, unless DEFAULT_TIME_ZONE names another', () => {
    expect(loadConfig({}).defaultTimeZone).toBe('America/Toronto');
    expect(loadConfig({ DEFAULT_TIME_ZONE: 'America/Vancouver' }).defaultTimeZone).toBe('America/Vancouver');
    expect(() => loadConfig({ DEFAULT_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/DEFAULT_TIME_ZONE/);
  });

  it('reminds of stalled cases at 2, 8 and 40 business hours of 08:00–17:00 in Toronto, checked every 5 minutes', () => {
    expect(loadConfig({}).caseReminders).toEqual({
      pollSeconds: 300,
      urgentUnassignedHours: 2,
      unassignedHours: 8,
      ageingHours: 40,
      workingDay: { dayStart: 8 * 60, dayEnd: 17 * 60 },
      timeZone: 'America/Toronto',
    });
    expect(
      loadConfig({
        CASE_REMINDER_POLL_SECONDS: '0',
        CASE_REMINDER_AGEING_HOURS: '0',
        CASE_BUSINESS_HOURS: '07:30-15:30',
        CASE_BUSINESS_TIME_ZONE: 'America/Halifax',
      }).caseReminders,
    ).toMatchObject({
      pollSeconds: 0,
      ageingHours: 0,
      workingDay: { dayStart: 450, dayEnd: 930 },
      timeZone: 'America/Halifax',
    });
  });

  it.each([
    [
      { CASE_BUSINESS_HOURS: '17:00-08:00' },
      /^Invalid configuration: CASE_BUSINESS_HOURS must be a working day/,
    ],
    [{ CASE_BUSINESS_HOURS: 'nine to five' }, /CASE_BUSINESS_HOURS/],
    [
      { CASE_BUSINESS_TIME_ZONE: 'Ottawa' },
      /^Invalid configuration: CASE_BUSINESS_TIME_ZONE must be an IANA/,
    ],
    [{ CASE_REMINDER_UNASSIGNED_HOURS: '-1' }, /CASE_REMINDER_UNASSIGNED_HOURS/],
    [{ CASE_REMINDER_URGENT_UNASSIGNED_HOURS: '1.5' }, /CASE_REMINDER_URGENT_UNASSIGNED_HOURS/],
    [{ CASE_REMINDER_POLL_SECONDS: 'often' }, /CASE_REMINDER_POLL_SECONDS/],
  ])('refuses a malformed reminder setting %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('links case cards to the board only with the Teams app id, which must be a GUID', () => {
    expect(loadConfig({}).teamsAppId).toBe('');
    expect(loadConfig({ TEAMS_APP_ID: ` ${APP_ID} ` }).teamsAppId).toBe(APP_ID);
    expect(() => loadConfig({ TEAMS_APP_ID: 'my-app' })).toThrow(/TEAMS_APP_ID/);
  });

  it('is authenticated as soon as an app id is configured', () => {
    expect(
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT_ID })
        .authMode,
    ).toBe('authenticated');
  });

  it('parses the tenant allow-list and the default language', () => {
    const config = loadConfig({
      ALLOWED_TENANT_IDS: ` ${APP_ID} ,11111111-2222-3333-4444-555555555555`,
      DEFAULT_LANGUAGE: 'fr',
    });
    expect(config.allowedTenantIds).toEqual([APP_ID, '11111111-2222-3333-4444-555555555555']);
    expect(config.defaultLanguage).toBe('fr');
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT /],
    [{ MicrosoftAppId: 'not-a-guid' }, /^Invalid configuration: MicrosoftAppId must be a GUID/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must be sqlite/],
    [{ ALLOWED_TENANT_IDS: 'contoso' }, /^Invalid configuration: ALLOWED_TENANT_IDS /],
    [{ DEFAULT_LANGUAGE: 'de' }, /^Invalid configuration: DEFAULT_LANGUAGE /],
    [{ RECORD_RETENTION_DAYS: '-3' }, /^Invalid configuration: RECORD_RETENTION_DAYS /],
    [{ MicrosoftAppType: 'Both' }, /^Invalid configuration: MicrosoftAppType /],
  ])('stops with one line naming the variable for %j', (env, expected) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses production mode without credentials', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /MicrosoftAppId is required when NODE_ENV=production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: APP_ID })).toThrow(
      /MicrosoftAppPassword is required/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: TENANT_ID,
      }).authMode,
    ).toBe('authenticated');
  });

  it('requires a tenant for a single-tenant registration', () => {
    expect(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant' })).toThrow(
      /MicrosoftAppTenantId is required/,
    );
  });

  it('defaults to SingleTenant (Azure no longer creates multi-tenant bots) and says so when the tenant is missing', () => {
    const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT_ID });
    expect(config.bot.appType).toBe('SingleTenant');
    expect(config.bot.appTenantId).toBe(TENANT_ID);
    expect(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' })).toThrow(
      /MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant \(the default\)/,
    );
    // Local mode (no app id) needs no tenant: botbuilder's unauthenticated mode is an empty MultiTenant app.
    expect(loadConfig({}).bot.appType).toBe('MultiTenant');
  });

  it('runs in production with the user-assigned managed identity: no password, the tenant required', () => {
    const msi = {
      NODE_ENV: 'production',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: MSI_CLIENT_ID,
    };
    expect(() => loadConfig(msi)).toThrow(
      /MicrosoftAppTenantId is required when MicrosoftAppType=UserAssignedMSI/,
    );
    const config = loadConfig({ ...msi, MicrosoftAppTenantId: TENANT_ID });
    expect(config.bot).toEqual({
      appId: MSI_CLIENT_ID,
      appPassword: '',
      appType: 'UserAssignedMSI',
      appTenantId: TENANT_ID,
    });
  });

  it('keeps MultiTenant for registrations created before Azure stopped offering it', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(config.bot.appType).toBe('MultiTenant');
  });
});

describe('PostgreSQL sign-in', () => {
  const PG = 'postgres://smg_app@smg-pg.postgres.database.azure.com:5432/smg?sslmode=verify-full';

  it('uses the password in DATABASE_URL by default', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).databaseAuth).toEqual({ mode: 'password' });
  });

  it('signs in as the named role with the managed identity when DATABASE_AUTH=entra', () => {
    const config = loadConfig({
      DATABASE_URL: PG,
      DATABASE_AUTH: 'entra',
      DATABASE_ENTRA_CLIENT_ID: MSI_CLIENT_ID,
    });
    expect(config.databaseAuth).toEqual({ mode: 'entra', clientId: MSI_CLIENT_ID });
  });

  it.each([
    [{ DATABASE_URL: PG, DATABASE_AUTH: 'entra' }, /DATABASE_ENTRA_CLIENT_ID is required/],
    [
      { DATABASE_URL: 'sqlite:./x.db', DATABASE_AUTH: 'entra', DATABASE_ENTRA_CLIENT_ID: MSI_CLIENT_ID },
      /needs a postgres:\/\/ DATABASE_URL/,
    ],
    [
      {
        DATABASE_URL: 'postgres://smg_app:hunter2@h/db',
        DATABASE_AUTH: 'entra',
        DATABASE_ENTRA_CLIENT_ID: MSI_CLIENT_ID,
      },
      /names the database role and has no password/,
    ],
    [{ DATABASE_AUTH: 'kerberos' }, /^Invalid configuration: DATABASE_AUTH /],
    [{ DATABASE_ENTRA_CLIENT_ID: 'my-identity' }, /^Invalid configuration: DATABASE_ENTRA_CLIENT_ID /],
  ])('refuses %j', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(expected);
  });
});

describe('Application Insights settings', () => {
  const CS =
    'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://canadacentral-1.in.applicationinsights.azure.com/';

  it('is off without a connection string', () => {
    expect(loadConfig({}).telemetry).toBeUndefined();
  });

  it('reads the connection string and the managed identity of the authentication string', () => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CS }).telemetry).toEqual({
      connectionString: CS,
    });
    expect(
      loadConfig({
        APPLICATIONINSIGHTS_CONNECTION_STRING: CS,
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `Authorization=AAD;ClientId=${MSI_CLIENT_ID}`,
      }).telemetry,
    ).toEqual({ connectionString: CS, entraClientId: MSI_CLIENT_ID });
  });

  it.each([
    [
      { APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://example.org' },
      /APPLICATIONINSIGHTS_CONNECTION_STRING/,
    ],
    [
      {
        APPLICATIONINSIGHTS_CONNECTION_STRING: CS,
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD',
      },
      /APPLICATIONINSIGHTS_AUTHENTICATION_STRING/,
    ],
  ])('refuses %j', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(expected);
  });
});
