import { ConfigError, loadConfig } from '../../../src/config/config';

const APP_ID = '0d6a1f3e-1234-4abc-8def-0123456789ab';

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

  it('is authenticated as soon as an app id is configured', () => {
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' }).authMode).toBe(
      'authenticated',
    );
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
      loadConfig({ NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' }).authMode,
    ).toBe('authenticated');
  });

  it('requires a tenant for a single-tenant registration', () => {
    expect(() => loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant' })).toThrow(
      /MicrosoftAppTenantId is required/,
    );
  });
});
