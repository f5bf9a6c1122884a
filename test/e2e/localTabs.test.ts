import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEAMS, type TeamRecord } from '../../src/platform/conversationRegistry';
import { CaseService } from '../../src/domain/cases/caseService';
import { startBot, type RunningBot } from '../support/harness';
import { launchBrowser, type BrowserSession } from './support/browser';
import { ROOT } from './support/stack';

/**
 * The README's local tabs: `npm run dev` serves a page that hosts the case board and "My cases" in the Teams
 * stand-in as the Playground's user (.m365agentsplayground.yml), since the Playground itself has no tabs.
 * Here the page runs against a bot that knows the Playground's team, with a case from its user.
 */

jest.setTimeout(120_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the page is CommonJS, shared with scripts/dev.mjs
const { startLocalTabs } = require('../../scripts/teams-host/localTabs.cjs') as {
  startLocalTabs(options: { port: number; botUrl: string; yml: string }): Promise<{
    url: string;
    identity: {
      tenantId: string;
      user: { aadObjectId: string; name: string };
      team: { id: string; name: string };
    };
    stop(): Promise<void>;
  }>;
};

const PORT = 56152;
const yml = readFileSync(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8');
let bot: RunningBot;
let tabs: Awaited<ReturnType<typeof startLocalTabs>>;
let browser: BrowserSession;
let caseId = '';

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-tabs.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build-tabs failed: ${build.stdout}${build.stderr}`);
  const teamId = /\nteam:\n(?:.*\n)*?\s+id:\s*(\S+)/.exec(yml)![1]!;
  bot = await startBot({
    env: {
      TAB_DEV_ORIGINS: `http://localhost:${PORT}`,
      VE_TEAM_ID: teamId,
      VE_CHANNEL_ID: teamId,
      CASE_OUTBOX_POLL_SECONDS: '0',
    },
  });
  tabs = await startLocalTabs({ port: PORT, botUrl: bot.url, yml });
  const { user, tenantId } = tabs.identity;
  const team: TeamRecord = {
    teamId,
    name: tabs.identity.team.name,
    tenantId,
    serviceUrl: bot.connector.url,
    installed: true,
  };
  await bot.app.store.put(TEAMS, teamId, team);
  // The Playground's user sits in its team, as its mock Teams says.
  bot.connector.members.set('29:1alex-tremblay', { id: '29:1alex-tremblay', ...user, userRole: 'user' });
  const created = await new CaseService(bot.app.store, { retentionDays: 30 }).create({
    office: 'valuesEthics',
    manager: user,
    managerLang: 'en',
    summary: 'A post about a program, tried locally.',
    urgency: 'routine',
    contact: 'teamsChat',
    idempotencyKey: 'local-tabs',
  });
  caseId = created.case.caseId;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await tabs?.stop();
  await bot?.stop();
});

async function openFromIndex(label: string) {
  const page = browser.page;
  await page.goto(tabs.url);
  await page.getByRole('listitem').filter({ hasText: label }).getByRole('link', { name: 'default' }).click();
  const frame = await (await page.waitForSelector('#tab')).contentFrame();
  if (!frame) throw new Error('tab frame missing');
  return frame;
}

describe('the tabs in local mode (npm run dev)', () => {
  it('lists both tabs in both languages, as the Playground’s user in its team', async () => {
    await browser.page.goto(tabs.url);
    const text = (await browser.page.locator('body').textContent()) ?? '';
    expect(text).toContain('As Alex Tremblay');
    expect(text).toContain('the team Digital Services');
    for (const label of [
      'Case board (en-ca)',
      'Tableau des cas (fr-ca)',
      'My cases (en-ca)',
      'Mes cas (fr-ca)',
    ])
      expect(text).toContain(label);
  });

  it('opens the case board with the office’s case', async () => {
    const frame = await openFromIndex('Case board (en-ca)');
    await frame.waitForSelector('html[data-state="list"]', { timeout: 15_000 });
    const row = (await frame.locator(`tr[data-case="${caseId}"]`).textContent()) ?? '';
    expect(row).toContain('Alex Tremblay (you)');
    expect(row).toContain('Assign to me');
  });

  it('opens “My cases” in French with the user’s own request', async () => {
    const frame = await openFromIndex('Mes cas (fr-ca)');
    await frame.waitForSelector('html[data-state="ready"]', { timeout: 15_000 });
    expect(await frame.locator('h1').textContent()).toBe('Mes cas');
    expect(await frame.locator('main').textContent()).toContain(caseId);
  });
});
