import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/shared/projectRoot';

/**
 * The first step of `atk provision`: the committed environment file has placeholders, and provisioning stops
 * on them with one line each, before anything is created; with real values it lets provisioning go on.
 */
const SCRIPT = path.join(PROJECT_ROOT, 'infra', 'scripts', 'check-env.mjs');
const run = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [SCRIPT, 'dev'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });

const FILLED = {
  AZURE_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555',
  AZURE_RESOURCE_GROUP_NAME: 'rg-smg-dev',
  POSTGRES_ENTRA_ADMIN_OBJECT_ID: '22222222-3333-4444-5555-666666666666',
  POSTGRES_ENTRA_ADMIN_NAME: 'SMG DBA',
  DEVELOPER_NAME: 'Treasury Board Secretariat',
  WEBSITE_URL: 'https://www.canada.ca/en/treasury-board-secretariat.html',
  PRIVACY_URL: 'https://www.canada.ca/en/transparency/privacy.html',
  TERMS_URL: 'https://www.canada.ca/en/transparency/terms.html',
};

describe('infra/scripts/check-env.mjs', () => {
  it('stops on every placeholder of the committed infra/env/.env.dev, naming each variable', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Provisioning stopped before creating anything/);
    for (const name of Object.keys(FILLED)) expect(result.stderr).toContain(`${name} is still a placeholder`);
  });

  it('lets provisioning go on once every value is set', () => {
    const result = run(FILLED);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    [{ AZURE_LOCATION: 'eastus' }, /AZURE_LOCATION="eastus" is not canadacentral or canadaeast/],
    [
      { PRIVACY_URL: 'http://example.org/privacy' },
      /PRIVACY_URL="http:\/\/example.org\/privacy" is not an https/,
    ],
    [
      { AZURE_SUBSCRIPTION_ID: 'my-subscription' },
      /AZURE_SUBSCRIPTION_ID="my-subscription" is not a subscription GUID/,
    ],
  ])('refuses %j', (override, expected) => {
    const result = run({ ...FILLED, ...override });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(expected);
  });
});
