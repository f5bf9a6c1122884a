import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { TEAMS, type TeamRecord } from '../../src/platform/conversationRegistry';
import { CaseService } from '../../src/domain/cases/caseService';
import type { Actor } from '../../src/domain/cases/types';
import { RecordService } from '../../src/domain/records/sawPostRecord';
import { MANAGER, OFFICER, TEAM, TENANT_ID } from '../support/activities';
import { startBot, type RunningBot } from '../support/harness';
import { launchBrowser, type BrowserSession } from './support/browser';
import { startTeamsHost, type HostContext, type TeamsHost } from './support/teamsHost';
import { SCREENSHOT_DIR } from './support/playground';

/**
 * The two tabs in Chromium, each inside a stand-in for the Teams client (scripts/teams-host/host.html) that answers
 * teams-js's messages: the office's case board (filter, search, a case's side panel and history, actions
 * from a row or the panel and a conflict; themes; keyboard; English and French), the
 * manager's "My cases" (EN/FR), the configuration page's save, and the page opened outside Teams.
 * axe-core scans every page in every theme. Screenshots (`npm run screenshots` refreshes docs/screenshots/): tab-*.png.
 */

jest.setTimeout(120_000);

// The callbacks given to evaluate/waitForFunction run in the browser; the test's tsconfig has no DOM types.
declare const document: any;
declare const window: any;

const ROOT = path.resolve(__dirname, '../..');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let host: TeamsHost;
let bot: RunningBot;
let browser: BrowserSession;
let page: Page;
let cases: CaseService;
const ids: Record<string, string> = {};
const apiCalls: string[] = [];

const officeContext = (theme: HostContext['theme'] = 'default', locale = 'en-ca'): HostContext => ({
  locale,
  theme,
  user: { aadObjectId: OFFICER.aadObjectId, name: OFFICER.name },
  tenantId: TENANT_ID,
  team: { id: TEAM.id, name: TEAM.name, groupId: TEAM.aadGroupId },
  channel: { id: TEAM.id, name: 'General' },
  entityId: 'case-board',
});

const managerContext = (locale: string): HostContext => ({
  locale,
  theme: 'default',
  user: { aadObjectId: MANAGER.aadObjectId, name: MANAGER.name },
  tenantId: TENANT_ID,
  entityId: 'my-cases',
});

/** Opens a tab in the host and returns its frame once the page says which state it reached. */
async function openTab(
  file: string,
  context: HostContext,
  state: string,
  frameContext: 'content' | 'settings' = 'content',
): Promise<Frame> {
  await page.goto(
    host.url({ tabUrl: `${bot.url}/tabs/${file}`, frameContext, context, token: 'host-token' }),
  );
  const frame = await (await page.waitForSelector('#tab')).contentFrame();
  if (!frame) throw new Error('tab frame missing');
  await frame.waitForSelector(`html[data-state="${state}"]`, { timeout: 15_000 });
  return frame;
}

/** axe-core in the tab's own document (evaluated through the devtools protocol, which the page's CSP allows). */
async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  const result = await frame.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return (result.violations as any[]).map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ') + ' ' + n.failureSummary).join(', ')})`,
  );
}

async function shot(name: string): Promise<void> {
  await page.locator('#tab').screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

beforeAll(async () => {
  // With the type check of the browser code (tabs/tsconfig.json), which `npm run typecheck` does not cover.
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-tabs.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`build-tabs failed: ${build.stdout}${build.stderr}`);
  host = await startTeamsHost();
  bot = await startBot({
    env: {
      TAB_DEV_ORIGINS: host.origin,
      VE_TEAM_ID: TEAM.id,
      VE_CHANNEL_ID: TEAM.id,
      CASE_OUTBOX_POLL_SECONDS: '0',
    },
  });
  const store = bot.app.store;
  const team: TeamRecord = {
    teamId: TEAM.id,
    name: TEAM.name,
    tenantId: TENANT_ID,
    serviceUrl: bot.connector.url,
    installed: true,
  };
  await store.put(TEAMS, TEAM.id, team);
  bot.connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'user' });

  // Cases a few days old, so the screenshots read like a working week; no assertion depends on the ages.
  const day = 86_400_000;
  const today = Math.floor(Date.now() / day) * day + 15 * 3_600_000;
  const created = [today - 9 * day, today - 4 * day, today - 1 * day];
  let i = 0;
  cases = new CaseService(store, { retentionDays: 30, now: () => new Date(created[Math.min(i++, 2)]!) });
  const manager: Actor = { aadObjectId: MANAGER.aadObjectId, name: MANAGER.name };
  const create = async (key: string, urgency: 'routine' | 'timeSensitive' | 'urgent', summary: string) => {
    const { case: c } = await cases.create({
      office: 'valuesEthics',
      manager,
      managerLang: 'en',
      summary,
      urgency,
      contact: 'teamsChat',
      idempotencyKey: key,
    });
    ids[key] = c.caseId;
  };
  await create('routine', 'routine', 'An employee posted about a departmental policy on a weekend.');
  await create('urgent', 'urgent', 'An employee shared an internal memo on a public account.');
  await create('soon', 'timeSensitive', 'A post criticises a named minister; the employee asked what to do.');
  await new RecordService(store, { retentionDays: 90 }).create({
    owner: MANAGER.aadObjectId,
    idempotencyKey: 'record-1',
    lang: 'en',
    answers: { howRaised: 'colleague', violation: 'notSure', offices: ['valuesEthics', 'humanResources'] },
    contentVersion: 'test',
  });

  browser = await launchBrowser();
  page = browser.page;
  // Fluent's controls fade between colours when the theme changes: axe must read the settled colours.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  page.on('request', (request) => {
    if (request.url().includes('/api/tabs/')) apiCalls.push(new URL(request.url()).pathname);
  });
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await host?.stop();
});

describe('case board tab', () => {
  it('shows the office’s cases with counts, oldest first, and passes axe in the default theme', async () => {
    const frame = await openTab('board.html', officeContext(), 'list');
    expect(await frame.locator('h1').textContent()).toBe('Case board: Values and ethics office');
    expect(await frame.locator('.counts li[data-status="new"]').textContent()).toBe('3 New');
    const rows = frame.locator('table.cases tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.locator('th').allTextContents()).toEqual([ids.routine, ids.urgent, ids.soon]);
    expect(await rows.nth(1).textContent()).toContain('Urgent');
    expect(await rows.nth(1).textContent()).toContain(MANAGER.name);
    // Nine days untaken is past the reminders' 8 business hours, whatever today is: marked in words.
    expect(await rows.nth(0).locator('[data-overdue]').textContent()).toBe('Overdue: not taken yet');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en-CA');
    expect(await axeViolations(frame)).toEqual([]);
    await shot('tab-board-default');
  });

  it('filters by urgency and sorts by age with the keyboard alone', async () => {
    const frame = await openTab('board.html', officeContext(), 'list');
    await frame.locator('#filter-urgency').focus();
    await page.keyboard.press('ArrowDown'); // All → Routine
    await page.keyboard.press('ArrowDown'); // → Time-sensitive
    await page.keyboard.press('ArrowDown'); // → Urgent
    // Routine also shows one row on the way: wait for the urgent case itself.
    await frame.waitForFunction(
      (id) =>
        [...document.querySelectorAll('table.cases tbody th')].map((th: any) => th.textContent).join() === id,
      ids.urgent,
    );
    // The filter form survives the reload, so focus stays where the keyboard user left it.
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('filter-urgency');
    expect(await frame.locator('table.cases tbody th').allTextContents()).toEqual([ids.urgent]);
    await frame.selectOption('#filter-urgency', '');
    await frame.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 3);
    await frame.selectOption('#sort', 'newest');
    await frame.waitForFunction(
      (first) => document.querySelector('table.cases tbody th')?.textContent === first,
      ids.soon,
    );
    expect(await frame.locator('table.cases tbody th').allTextContents()).toEqual([
      ids.soon,
      ids.urgent,
      ids.routine,
    ]);
  });

  it('finds cases by words of the request, the manager’s name or the case number, and clears the search', async () => {
    const frame = await openTab('board.html', officeContext(), 'list');
    const caseIds = () => frame.locator('table.cases tbody th').allTextContents();
    await frame.getByLabel('Search cases').fill('internal memo');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 1);
    expect(await caseIds()).toEqual([ids.urgent]);
    expect(await frame.locator('table.cases caption').textContent()).toBe(
      'Cases matching “internal memo” (1 shown)',
    );
    await frame.waitForFunction(() => document.getElementById('announce')?.textContent !== '');
    expect(await frame.locator('#announce').textContent()).toBe('Cases found for “internal memo”: 1.');
    // The search stays where the keyboard user typed it.
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('search');

    await frame.getByLabel('Search cases').fill('tremblay');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 3);
    await frame.getByLabel('Search cases').fill(ids.soon!.toLowerCase());
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 1);
    expect(await caseIds()).toEqual([ids.soon]);
    await frame.getByLabel('Search cases').fill('nothing like this');
    await page.keyboard.press('Enter');
    await frame.waitForSelector('p.empty');
    expect(await frame.locator('p.empty').textContent()).toBe('No case matches this search.');
    expect(await axeViolations(frame)).toEqual([]);

    await frame.locator('#search-clear').click();
    await frame.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 3);
    expect(await frame.getByLabel('Search cases').inputValue()).toBe('');
  });

  it('opens a case in a side panel with its history, takes it there, and closes with Escape', async () => {
    // The case card the outbox posted in the office channel: taking the case on the board must update it.
    await cases.markPosted(ids.urgent!, {
      serviceUrl: bot.connector.url,
      conversationId: `${TEAM.id};messageid=thread-1`,
      activityId: 'thread-1',
    });
    bot.connector.reset();
    const frame = await openTab('board.html', officeContext(), 'list');
    await frame.locator(`button.case-link[data-case="${ids.urgent}"]`).focus();
    await page.keyboard.press('Enter');
    await frame.waitForSelector('html[data-state="case"]');
    const panel = frame.getByRole('dialog', { name: `Case ${ids.urgent}` });
    expect(await panel.isVisible()).toBe(true);
    // Focus moves to the panel's heading, so a screen reader starts reading the case.
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('panel-title');
    expect(await panel.textContent()).toContain('An employee shared an internal memo');
    const history = () =>
      frame
        .locator('table.history tbody tr')
        .evaluateAll((rows: any[]) =>
          rows.map((r) => [...r.querySelectorAll('td')].slice(1).map((td: any) => td.textContent)),
        );
    expect(await history()).toEqual([
      ['Case created', `${MANAGER.name} (manager)`],
      ['Posted to the office channel', 'The app'],
    ]);
    // When, in the viewer's language and zone, to the minute.
    const when = await frame.locator('table.history tbody tr time').first().textContent();
    expect(when).toMatch(/^[A-Z][a-z]{2,3}\.? \d{1,2}, \d{4}, \d{1,2}:\d{2} [ap]\.m\.$/);

    await panel.locator('fluent-button', { hasText: 'Assign to me' }).click();
    await frame.waitForFunction(() =>
      document.getElementById('panel-announce')?.textContent?.startsWith('You took case'),
    );
    expect(await frame.locator('#panel-announce').textContent()).toBe(
      `You took case ${ids.urgent}. The card in the office channel shows it too.`,
    );
    expect(await panel.locator('.facts').textContent()).toContain(`${OFFICER.name} (you)`);
    expect(await panel.locator('fluent-button', { hasText: 'Assign to me' }).count()).toBe(0);
    expect(await panel.locator('fluent-button', { hasText: 'Hand back' }).count()).toBe(1);
    expect((await history()).at(-1)).toEqual(['Assigned', 'You']);
    const stored = await cases.get(ids.urgent!);
    expect(stored?.status).toBe('assigned');
    expect(stored?.assignee?.aadObjectId).toBe(OFFICER.aadObjectId);
    expect((await cases.auditTrail(ids.urgent!)).map((a) => [a.action, a.actor])).toEqual([
      ['created', MANAGER.aadObjectId],
      ['posted', 'system'],
      ['assigned', OFFICER.aadObjectId],
    ]);
    const updates = bot.connector.calls.filter((c) => c.kind === 'update');
    expect(updates.map((u) => u.activityId)).toEqual(['thread-1']);
    expect(JSON.stringify(updates[0]!.body)).toContain(`"value":"${OFFICER.name}"`);
    expect(await axeViolations(frame)).toEqual([]);
    await shot('tab-board-panel');

    // Escape closes the panel; focus returns to the case's row, which shows its new state.
    await page.keyboard.press('Escape');
    await frame.waitForSelector('html[data-state="list"]');
    expect(await panel.isVisible()).toBe(false);
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe(ids.urgent);
    expect(await frame.locator('.counts li[data-status="assigned"]').textContent()).toBe('1 Assigned');
    const row = frame.locator(`tr[data-case="${ids.urgent}"]`);
    expect(await row.textContent()).toContain(`${OFFICER.name} (you)`);
    expect(await row.locator('fluent-button').textContent()).toBe('Hand back');
  });

  it('opens the case a card’s “Open it on the case board” link names', async () => {
    const frame = await openTab('board.html', { ...officeContext(), subEntityId: ids.routine }, 'case');
    const panel = frame.getByRole('dialog', { name: `Case ${ids.routine}` });
    expect(await panel.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await panel.isVisible()).toBe(false);
    // the list is there behind it, so the officer goes on from the board
    expect(await frame.locator(`tr[data-case="${ids.routine}"]`).count()).toBe(1);
  });

  it('takes a case from its row, and when someone else acted first says so and shows the row as it is', async () => {
    const frame = await openTab('board.html', officeContext(), 'list');
    const row = (caseId: string) => frame.locator(`tr[data-case="${caseId}"]`);
    // Another officer takes the case on the card while this page still offers it.
    await cases.assign(
      ids.soon!,
      { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003', name: 'Dana Roy' },
      undefined,
    );
    await row(ids.soon!).locator('fluent-button', { hasText: 'Assign to me' }).click();
    await frame.waitForFunction(() =>
      document.getElementById('announce')?.textContent?.startsWith('Someone'),
    );
    expect(await frame.locator('#announce').textContent()).toBe(
      'Someone else acted on this case first: Dana Roy has it now. It is shown as it is now.',
    );
    expect(await row(ids.soon!).textContent()).toContain('Dana Roy');
    expect(await row(ids.soon!).locator('fluent-button').textContent()).toBe('Take over');
    expect((await cases.get(ids.soon!))?.assignee?.name).toBe('Dana Roy');

    // Hand back the case taken in the panel above, from its row: the row and the counts follow.
    await row(ids.urgent!).locator('fluent-button', { hasText: 'Hand back' }).click();
    await frame.waitForFunction(() =>
      document.getElementById('announce')?.textContent?.startsWith('You handed'),
    );
    expect(await frame.locator('#announce').textContent()).toBe(
      `You handed case ${ids.urgent} back to the office.`,
    );
    expect(await row(ids.urgent!).locator('fluent-button').textContent()).toBe('Assign to me');
    // Focus stays in the row, on its new button.
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Assign to me');
    expect(await frame.locator('.counts li[data-status="new"]').textContent()).toBe('2 New');
    expect((await cases.get(ids.urgent!))?.assignee).toBeUndefined();
    // …and takes it again for the pages that follow ("Handled by" on the manager's tab).
    await row(ids.urgent!).locator('fluent-button', { hasText: 'Assign to me' }).click();
    await frame.waitForFunction(() =>
      document.getElementById('announce')?.textContent?.startsWith('You took'),
    );
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('searches, opens the history and acts in French, and Escape returns to the row', async () => {
    const frame = await openTab('board.html', officeContext('default', 'fr-ca'), 'list');
    await frame.getByLabel('Rechercher des cas').fill('politique');
    await frame.locator('form.search fluent-button[type="submit"]').click();
    // "policy" is English: the search matches the words as the manager wrote them.
    await frame.waitForSelector('p.empty');
    expect(await frame.locator('p.empty').textContent()).toBe('Aucun cas ne correspond à cette recherche.');
    await frame.getByLabel('Rechercher des cas').fill('weekend');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 1);
    expect(await frame.locator('table.cases caption').textContent()).toBe(
      'Cas correspondant à « weekend » (1 affichés)',
    );
    await frame.locator(`button.case-link[data-case="${ids.routine}"]`).click();
    await frame.waitForSelector('html[data-state="case"]');
    const panel = frame.getByRole('dialog', { name: `Cas ${ids.routine}` });
    const historyText = (await panel.locator('table.history').textContent()) ?? '';
    expect(historyText).toContain('Cas créé');
    expect(historyText).toContain(`${MANAGER.name} (gestionnaire)`);
    expect(await panel.locator('table.history thead').textContent()).toBe('QuandCe qui s’est passéQui');
    await panel.locator('fluent-button', { hasText: 'Me l’attribuer' }).click();
    await frame.waitForFunction(() =>
      document.getElementById('panel-announce')?.textContent?.startsWith('Vous avez pris'),
    );
    expect(await frame.locator('#panel-announce').textContent()).toBe(
      `Vous avez pris le cas ${ids.routine}. La carte dans le canal du bureau l’indique aussi.`,
    );
    expect(await panel.locator('table.history tbody tr').last().textContent()).toContain('AttribuéVous');
    expect(await axeViolations(frame)).toEqual([]);
    await page.keyboard.press('Escape');
    await frame.waitForSelector('html[data-state="list"]');
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe(ids.routine);
    expect(await frame.locator(`tr[data-case="${ids.routine}"] fluent-button`).textContent()).toBe(
      'Le remettre au bureau',
    );
  });

  it.each(['dark', 'contrast'] as const)(
    'follows the %s theme when Teams switches to it, with no axe violation',
    async (theme) => {
      const frame = await openTab('board.html', officeContext(), 'list');
      await page.evaluate((t) => window.setTheme(t), theme);
      await frame.waitForSelector(`html[data-theme="${theme}"]`);
      const background = await frame.evaluate(() => window.getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(theme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(0, 0, 0)');
      expect(await axeViolations(frame)).toEqual([]);
      await shot(`tab-board-${theme}`);
    },
  );
});

describe('"My cases" tab', () => {
  it('lists the manager’s own cases and records in English', async () => {
    const frame = await openTab('mycases.html', managerContext('en-us'), 'ready');
    expect(await frame.locator('h1').textContent()).toBe('My cases');
    const text = (await frame.locator('main').textContent()) ?? '';
    for (const caseId of Object.values(ids)) expect(text).toContain(caseId);
    expect(text).toContain('Handled by' + OFFICER.name);
    expect(text).toContain('Not sure: steps to consider');
    expect(text).toContain('Values and ethics office, Human resources');
    expect(await axeViolations(frame)).toEqual([]);
    await shot('tab-mycases-en');
  });

  it('speaks French when Teams runs in French', async () => {
    const frame = await openTab('mycases.html', managerContext('fr-ca'), 'ready');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('fr-CA');
    expect(await frame.locator('h1').textContent()).toBe('Mes cas');
    const text = (await frame.locator('main').textContent()) ?? '';
    expect(text).toContain('Questions que j’ai confiées à un bureau');
    expect(text).toContain('Incertain : étapes à considérer');
    expect(text).toContain('Bureau des valeurs et de l’éthique, Ressources humaines');
    expect(text).not.toContain('Handled by');
    expect(await axeViolations(frame)).toEqual([]);
    await shot('tab-mycases-fr');
  });

  it('shows someone else none of them', async () => {
    const frame = await openTab(
      'mycases.html',
      { ...managerContext('en-ca'), user: { aadObjectId: OFFICER.aadObjectId, name: OFFICER.name } },
      'ready',
    );
    const text = (await frame.locator('main').textContent()) ?? '';
    expect(text).toContain('You have not handed any question to an office.');
    for (const caseId of Object.values(ids)) expect(text).not.toContain(caseId);
  });
});

describe('configuration page', () => {
  it('saves the board’s address with pages.config when Teams asks it to', async () => {
    const frame = await openTab('config.html', officeContext(), 'ready', 'settings');
    expect(await frame.locator('h1').textContent()).toBe('Case board');
    expect(await page.evaluate(() => window.teamsHost.validity)).toBe(true);
    await page.evaluate(() => window.triggerSave());
    await page.waitForFunction(() => window.teamsHost.saved === 'success');
    expect(await page.evaluate(() => window.teamsHost.settings)).toEqual({
      entityId: 'case-board',
      contentUrl: `${bot.url}/tabs/board.html`,
      suggestedDisplayName: 'Case board',
    });
    expect(await axeViolations(frame)).toEqual([]);
  });
});

describe('outside Teams', () => {
  it('says it runs inside Teams and calls nothing when opened directly', async () => {
    apiCalls.length = 0;
    await page.goto(`${bot.url}/tabs/board.html`);
    await page.waitForSelector('html[data-state="outside"]');
    expect(await page.locator('main').textContent()).toBe(
      'This page runs inside Microsoft TeamsOpen the Social Media Guidance app in Microsoft Teams to use it.' +
        'Cette page fonctionne dans Microsoft TeamsOuvrez l’application Orientation médias sociaux dans Microsoft Teams pour l’utiliser.',
    );
    expect(apiCalls).toEqual([]);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
  });

  it('says the same when framed by a page that does not answer like Teams', async () => {
    apiCalls.length = 0;
    await page.goto(
      host.url({
        tabUrl: `${bot.url}/tabs/mycases.html`,
        frameContext: 'content',
        context: managerContext('en-ca'),
        silent: true,
      }),
    );
    const frame = await (await page.waitForSelector('#tab')).contentFrame();
    await frame!.waitForSelector('html[data-state="outside"]', { timeout: 15_000 });
    expect(await frame!.locator('h1').first().textContent()).toBe('This page runs inside Microsoft Teams');
    expect(apiCalls).toEqual([]);
  });
});

describe('a board longer than a page', () => {
  it('shows the first 50 cases at once and the rest on demand, with the keyboard, in French', async () => {
    const other: Actor = { aadObjectId: 'aad-other-manager', name: 'Robin Gagnon' };
    for (let n = 1; n <= 55; n++)
      await cases.create({
        office: 'valuesEthics',
        manager: other,
        managerLang: 'fr',
        summary: `Publication ${n}`,
        urgency: 'routine',
        contact: 'email',
        idempotencyKey: `long-board-${n}`,
      });
    const frame = await openTab('board.html', officeContext('default', 'fr-ca'), 'list');
    const rows = frame.locator('table.cases tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await frame.locator('.counts li.total').textContent()).toBe('Tous les cas : 58');
    const more = frame.locator('fluent-button', { hasText: 'Afficher plus de cas' });
    await more.focus();
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 58);
    // The last page has no button, and focus lands on the first case it brought.
    expect(await more.count()).toBe(0);
    const ids51 = await rows.nth(50).locator('th').textContent();
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe(ids51);
    expect(await axeViolations(frame)).toEqual([]);
  });
});
