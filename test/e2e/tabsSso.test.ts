import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import type { Page } from 'playwright-core';
import { TEAMS, type TeamRecord } from '../../src/platform/conversationRegistry';
import { CaseService } from '../../src/domain/cases/caseService';
import { MANAGER, OFFICER, TEAM, TENANT_ID } from '../support/activities';
import { NoTokenCredentials, startJwksStub, type JwksStub } from '../support/authStubs';
import { startBot, type RunningBot } from '../support/harness';
import { launchBrowser, type BrowserSession } from './support/browser';
import { routeAsTeams, type HostContext } from './support/teamsHost';

/**
 * The case board as in production: an authenticated server (an app id is configured), the tab served as
 * https://bot.example.gc.ca inside a host at https://teams.microsoft.com, and the Teams SSO token from
 * authentication.getAuthToken signed by a local key that the server finds through its JWKS address.
 */

jest.setTimeout(120_000);

declare const document: any;

const ROOT = path.resolve(__dirname, '../..');
const APP_ID = '0d6a1f3e-1234-4abc-8def-0123456789ab';
const DOMAIN = 'bot.example.gc.ca';
const OUTSIDER = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000009', name: 'Kim Outsider' };

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
let jwks: JwksStub | undefined;
let bot: RunningBot;
let browser: BrowserSession;
let page: Page;
let host: Awaited<ReturnType<typeof routeAsTeams>>;
const apiHeaders: Record<string, string>[] = [];

const ssoToken = (who: { aadObjectId: string; name: string }, key: KeyObject = privateKey) =>
  jwt.sign({ oid: who.aadObjectId, tid: TENANT_ID, name: who.name, scp: 'access_as_user' }, key, {
    algorithm: 'RS256',
    keyid: 'tab-key',
    audience: `api://${DOMAIN}/${APP_ID}`,
    issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    expiresIn: '10m',
  });

const context = (user: { aadObjectId: string; name: string }): HostContext => ({
  locale: 'en-ca',
  theme: 'default',
  user,
  tenantId: TENANT_ID,
  team: { id: TEAM.id, name: TEAM.name, groupId: TEAM.aadGroupId },
  channel: { id: TEAM.id, name: 'General' },
});

async function openBoard(token: string, user: { aadObjectId: string; name: string } = OFFICER) {
  await page.goto(
    host.url({
      tabUrl: `https://${DOMAIN}/tabs/board.html`,
      frameContext: 'content',
      context: context(user),
      token,
    }),
  );
  const frame = await (await page.waitForSelector('#tab')).contentFrame();
  if (!frame) throw new Error('tab frame missing');
  return frame;
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-tabs.mjs'), '--no-check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build-tabs failed: ${build.stdout}${build.stderr}`);
  jwks = await startJwksStub(publicKey);
  bot = await startBot({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-in-tests',
      MicrosoftAppTenantId: TENANT_ID,
      BOT_DOMAIN: DOMAIN,
      ENTRA_JWKS_URL: `${jwks.base}/{tenantId}/keys`,
      ALLOWED_TENANT_IDS: TENANT_ID,
      VE_TEAM_ID: TEAM.id,
      VE_CHANNEL_ID: TEAM.id,
      CASE_OUTBOX_POLL_SECONDS: '0',
    },
    authOverrides: { credentialsFactory: new NoTokenCredentials(APP_ID) },
  });
  const team: TeamRecord = {
    teamId: TEAM.id,
    name: TEAM.name,
    tenantId: TENANT_ID,
    serviceUrl: bot.connector.url,
    installed: true,
  };
  await bot.app.store.put(TEAMS, TEAM.id, team);
  bot.connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'user' });
  await new CaseService(bot.app.store, { retentionDays: 30 }).create({
    office: 'valuesEthics',
    manager: { aadObjectId: MANAGER.aadObjectId, name: MANAGER.name },
    managerLang: 'en',
    summary: 'An employee shared an internal memo on a public account.',
    urgency: 'urgent',
    contact: 'teamsChat',
    idempotencyKey: 'sso-1',
  });
  browser = await launchBrowser();
  page = browser.page;
  host = await routeAsTeams(page, { domain: DOMAIN, botUrl: bot.url });
  page.on('request', (request) => {
    if (request.url().includes('/api/tabs/')) apiHeaders.push(request.headers());
  });
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  jwks?.server.close();
});

describe('case board with Teams SSO', () => {
  it('calls the API with the SSO token from Teams and shows the board to a member of the office team', async () => {
    apiHeaders.length = 0;
    const token = ssoToken(OFFICER);
    const frame = await openBoard(token);
    await frame.waitForSelector('html[data-state="list"]', { timeout: 15_000 });
    expect(await frame.locator('h1').textContent()).toBe('Case board: Values and ethics office');
    expect(await frame.locator('table.cases tbody tr').count()).toBe(1);
    expect(apiHeaders.map((h) => h.authorization)).toEqual([`Bearer ${token}`]);
    // An authenticated server never marks its pages for development, so no development identity is sent.
    expect(apiHeaders.every((h) => h['x-dev-user'] === undefined)).toBe(true);
  });

  it('tells someone outside the office team that the board is for its members', async () => {
    const frame = await openBoard(ssoToken(OUTSIDER), OUTSIDER);
    await frame.waitForSelector('p.error');
    expect(await frame.locator('p.error').textContent()).toBe(
      'Only members of the office’s team can see its case board.',
    );
    expect(await frame.evaluate(() => document.querySelector('table'))).toBeNull();
  });

  it('asks the user to reopen the tab when the token is not valid', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const frame = await openBoard(ssoToken(OFFICER, stranger.privateKey));
    await frame.waitForSelector('p.error');
    expect(await frame.locator('p.error').textContent()).toBe(
      'We could not confirm who you are. Close and reopen the tab, then try again.',
    );
  });
});
