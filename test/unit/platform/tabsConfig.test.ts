import { loadConfig } from '../../../src/platform/config';

/** The tab settings parsed from the environment. */

const APP = '0d6a1f3e-1234-4abc-8def-0123456789ab';
const TENANT = '11111111-2222-3333-4444-555555555555';

describe('tab configuration', () => {
  it('accepts tokens for the app id URI on BOT_DOMAIN and for the bare app id', () => {
    const config = loadConfig({
      MicrosoftAppId: APP,
      MicrosoftAppTenantId: TENANT,
      BOT_DOMAIN: 'https://bot.example.gc.ca/',
    });
    expect(config.tabs.audiences).toEqual([`api://bot.example.gc.ca/${APP}`, APP]);
    expect(config.tabs.jwksUrlTemplate).toBe(
      'https://login.microsoftonline.com/{tenantId}/discovery/v2.0/keys',
    );
  });

  it('lets TAB_SSO_AUDIENCE replace the audiences', () => {
    const config = loadConfig({
      MicrosoftAppId: APP,
      MicrosoftAppTenantId: TENANT,
      TAB_SSO_AUDIENCE: 'api://a/b, api://c/d',
    });
    expect(config.tabs.audiences).toEqual(['api://a/b', 'api://c/d']);
  });

  it('honours TAB_DEV_ORIGINS in local mode only', () => {
    expect(loadConfig({ TAB_DEV_ORIGINS: 'http://127.0.0.1:5000' }).tabs.devOrigins).toEqual([
      'http://127.0.0.1:5000',
    ]);
    expect(
      loadConfig({
        MicrosoftAppId: APP,
        MicrosoftAppTenantId: TENANT,
        TAB_DEV_ORIGINS: 'http://127.0.0.1:5000',
      }).tabs.devOrigins,
    ).toEqual([]);
  });

  it('names the variable when an origin is malformed', () => {
    expect(() => loadConfig({ TAB_DEV_ORIGINS: 'http://127.0.0.1:5000/path' })).toThrow(/TAB_DEV_ORIGINS/);
    expect(() => loadConfig({ ENTRA_JWKS_URL: 'file:///etc/keys' })).toThrow(/ENTRA_JWKS_URL/);
  });
});
