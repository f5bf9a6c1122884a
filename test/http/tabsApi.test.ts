import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  TEAMS,
  USER_CHATS,
  type TeamRecord,
  type UserChatRecord,
} from '../../src/platform/conversationRegistry';
import { CaseService } from '../../src/domain/cases/caseService';
import type { Actor, OfficeId, Urgency } from '../../src/domain/cases/types';
import { RecordService } from '../../src/domain/records/sawPostRecord';
import { MANAGER, OFFICER, TEAM, TENANT_ID } from '../support/activities';
import { NoTokenCredentials, startJwksStub, type JwksStub } from '../support/authStubs';
import { startBot, visibleText, type RunningBot } from '../support/harness';

/**
 * /api/tabs in authenticated mode: Teams SSO tokens signed by a locally generated key and published by a
 * stand-in for Entra ID's JWKS endpoint; team membership answered by the fake Bot Connector.
 */

const APP_ID = '0d6a1f3e-1234-4abc-8def-0123456789ab';
const DOMAIN = 'bot.example.gc.ca';
const AUDIENCE = `api://${DOMAIN}/${APP_ID}`;
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const OUTSIDER = {
  id: '29:outsider',
  name: 'Kim Outsider',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000009',
};
const OMBUD_TEAM = '19:ombud-office@thread.tacv2';
const MANAGER_CHAT = 'a:manager-personal-chat';
const CARD_THREAD = `${TEAM.id};messageid=thread-7`;
const SECOND_OFFICER = {
  id: '29:officer-2',
  name: 'Dana Roy',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003',
};

describe('tab API (authenticated mode)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: JwksStub;
  let bot: RunningBot;
  let cases: CaseService;
  const ids: Record<string, string> = {};

  const token = (
    who: { aadObjectId: string; name: string },
    overrides: { tid?: string; aud?: string; iss?: string; exp?: number; scp?: string; key?: KeyObject } = {},
  ) => {
    const tid = overrides.tid ?? TENANT_ID;
    return jwt.sign(
      {
        oid: who.aadObjectId,
        tid,
        name: who.name,
        scp: overrides.scp ?? 'access_as_user',
        ...(overrides.exp !== undefined ? { exp: overrides.exp } : {}),
      },
      overrides.key ?? privateKey,
      {
        algorithm: 'RS256',
        keyid: 'tab-key',
        audience: overrides.aud ?? AUDIENCE,
        issuer: overrides.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`,
        ...(overrides.exp !== undefined ? {} : { expiresIn: '10m' }),
      },
    );
  };

  const call = async (path: string, auth?: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${bot.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(auth ? { authorization: auth } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  const as = (who: { aadObjectId: string; name: string }) => `Bearer ${token(who)}`;
  const boardUrl = (query = '') => `/api/tabs/board?teamId=${encodeURIComponent(TEAM.id)}${query}`;
  const caseUrl = (caseId: string, action = '') =>
    `/api/tabs/board/cases/${caseId}${action}?teamId=${encodeURIComponent(TEAM.id)}`;

  beforeAll(async () => {
    jwks = await startJwksStub(publicKey);
    bot = await startBot({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-used-in-tests',
        MicrosoftAppTenantId: TENANT_ID,
        BOT_DOMAIN: DOMAIN,
        ENTRA_JWKS_URL: `${jwks.base}/{tenantId}/discovery/v2.0/keys`,
        ALLOWED_TENANT_IDS: TENANT_ID,
        VE_TEAM_ID: TEAM.id,
        VE_CHANNEL_ID: TEAM.id,
        OMBUD_TEAM_ID: OMBUD_TEAM,
        OMBUD_CHANNEL_ID: OMBUD_TEAM,
        CASE_OUTBOX_POLL_SECONDS: '0',
        // The cases are dated March 2026: a window long enough that they can still be reopened today.
        CASE_REOPEN_DAYS: '3650',
      },
      authOverrides: { credentialsFactory: new NoTokenCredentials(APP_ID) },
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
    await store.put(TEAMS, OMBUD_TEAM, { ...team, teamId: OMBUD_TEAM, name: 'Ombud' });
    const managerChat: UserChatRecord = {
      userId: MANAGER.id,
      aadObjectId: MANAGER.aadObjectId,
      conversationId: MANAGER_CHAT,
      tenantId: TENANT_ID,
      serviceUrl: bot.connector.url,
    };
    await store.put(USER_CHATS, MANAGER.aadObjectId, managerChat);
    for (const m of [OFFICER, SECOND_OFFICER]) bot.connector.members.set(m.id, { ...m, userRole: 'user' });

    let clock = Date.parse('2026-03-02T14:00:00Z');
    cases = new CaseService(store, { retentionDays: 30, now: () => new Date((clock += 3_600_000)) });
    const manager: Actor = { aadObjectId: MANAGER.aadObjectId, name: MANAGER.name };
    const create = async (
      key: string,
      office: OfficeId,
      urgency: Urgency,
      summary: string,
      who = manager,
    ) => {
      const { case: c } = await cases.create({
        office,
        manager: who,
        managerLang: 'en',
        summary,
        urgency,
        contact: 'teamsChat',
        idempotencyKey: key,
      });
      ids[key] = c.caseId;
    };
    await create('routine', 'valuesEthics', 'routine', 'A post about a policy, written on a weekend.');
    await create('urgent', 'valuesEthics', 'urgent', 'An employee shared an internal memo publicly.');
    await create('ombud', 'ombud', 'timeSensitive', 'A confidential matter for the Ombud.');
    await create('other', 'valuesEthics', 'routine', 'Another manager’s question.', {
      aadObjectId: OUTSIDER.aadObjectId,
      name: OUTSIDER.name,
    });
    await new RecordService(store, { retentionDays: 90 }).create({
      owner: MANAGER.aadObjectId,
      idempotencyKey: 'rec-1',
      lang: 'en',
      answers: { howRaised: 'colleague', violation: 'notSure', offices: ['valuesEthics'] },
      contentVersion: 'test',
    });
  });
  afterAll(async () => {
    await bot?.stop();
    jwks?.server.close();
  });

  describe('refuses every token that is not a valid Teams SSO token for this app', () => {
    const now = () => Math.floor(Date.now() / 1000);
    it.each([
      ['no token', () => undefined],
      ['a malformed token', () => 'Bearer not.a.jwt'],
      ['an expired token', () => `Bearer ${token(OFFICER, { exp: now() - 3600 })}`],
      ['a wrong audience', () => `Bearer ${token(OFFICER, { aud: 'api://elsewhere.example/other-app' })}`],
      ['a tenant that is not allowed', () => `Bearer ${token(OFFICER, { tid: OTHER_TENANT })}`],
      [
        'an issuer of another tenant',
        () => `Bearer ${token(OFFICER, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })}`,
      ],
      ['a key Entra ID did not publish', () => `Bearer ${token(OFFICER, { key: stranger.privateKey })}`],
      ['a token without the access_as_user scope', () => `Bearer ${token(OFFICER, { scp: 'User.Read' })}`],
      [
        'an unsigned token (alg none)',
        () =>
          `Bearer ${jwt.sign({ oid: OFFICER.aadObjectId, tid: TENANT_ID, scp: 'access_as_user' }, '', {
            algorithm: 'none',
            audience: AUDIENCE,
            issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
          })}`,
      ],
      [
        'HS256 signed with the public key (algorithm confusion)',
        () =>
          `Bearer ${jwt.sign(
            { oid: OFFICER.aadObjectId, tid: TENANT_ID, scp: 'access_as_user' },
            publicKey.export({ format: 'pem', type: 'spki' }) as string,
            {
              algorithm: 'HS256',
              keyid: 'tab-key',
              audience: AUDIENCE,
              issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
            },
          )}`,
      ],
    ])('401 for %s, with a generic body and no case data', async (_label, auth) => {
      for (const path of [boardUrl(), '/api/tabs/mine']) {
        const response = await call(path, auth());
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ code: 'unauthorized', message: 'Unauthorized' });
      }
    });

    it('ignores the development identity header when authenticated', async () => {
      const response = await fetch(`${bot.url}/api/tabs/mine`, {
        headers: { 'x-dev-user': MANAGER.aadObjectId },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-dev-identity')).toBeNull();
    });

    it('fetches the keys of the token’s tenant only, and never for a tenant that is not allowed', () => {
      expect(jwks.hits.length).toBeGreaterThan(0);
      expect(new Set(jwks.hits)).toEqual(new Set([`/${TENANT_ID}/discovery/v2.0/keys`]));
    });
  });

  it('accepts the bare app id as audience too (tokens for the app id rather than its URI)', async () => {
    const response = await call('/api/tabs/mine', `Bearer ${token(MANAGER, { aud: APP_ID })}`);
    expect(response.status).toBe(200);
  });

  describe('board', () => {
    it('lists the office’s cases, oldest first, with counts per status, for a member of its team', async () => {
      const response = await call(boardUrl(), as(OFFICER));
      expect(response.status).toBe(200);
      expect(response.headers.get('x-dev-identity')).toBeNull();
      expect(response.body.office).toBe('valuesEthics');
      expect(response.body.cases.map((c: any) => c.caseId)).toEqual([ids.routine, ids.urgent, ids.other]);
      expect(response.body.counts).toEqual({ new: 3, assigned: 0, waiting: 0, closed: 0 });
      // The Ombud's case is not on the values and ethics board at all.
      expect(response.text).not.toContain(ids.ombud);
      expect(response.text).not.toContain('Ombud');
      expect(response.body.cases[0]).toMatchObject({
        urgency: 'routine',
        status: 'new',
        manager: { name: MANAGER.name },
      });
    });

    it('filters by urgency and status, and sorts newest first on request', async () => {
      const urgent = await call(boardUrl('&urgency=urgent'), as(OFFICER));
      expect(urgent.body.cases.map((c: any) => c.caseId)).toEqual([ids.urgent]);
      const newest = await call(boardUrl('&sort=newest&status=new'), as(OFFICER));
      expect(newest.body.cases.map((c: any) => c.caseId)).toEqual([ids.other, ids.urgent, ids.routine]);
      expect((await call(boardUrl('&status=lost'), as(OFFICER))).status).toBe(400);
      // The whole list fits on one page: no cursor. A cursor the board did not hand out is refused.
      expect(newest.body).not.toHaveProperty('nextCursor');
      const forged = await call(boardUrl('&cursor=eyJhIjoxfQ'), as(OFFICER));
      expect(forged.status).toBe(400);
      expect(forged.body).toEqual({ code: 'filter', message: 'Bad request' });
    });

    it('403 for a caller from another team, without any case data', async () => {
      const response = await call(boardUrl(), as(OUTSIDER));
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ code: 'notMember', message: 'Forbidden' });
      expect((await call(caseUrl(ids.routine!), as(OUTSIDER))).status).toBe(403);
      const act = await call(caseUrl(ids.routine!, '/assign'), as(OUTSIDER), {
        method: 'POST',
        body: { seenAssignee: 'none' },
      });
      expect(act.status).toBe(403);
      expect((await cases.get(ids.routine!))?.status).toBe('new');
    });

    it('404 for a team that no office registered, and for another office’s case', async () => {
      const other = await call('/api/tabs/board?teamId=19%3Aanother%40thread.tacv2', as(OFFICER));
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('notOfficeTeam');
      expect((await call(caseUrl(ids.ombud!), as(OFFICER))).status).toBe(404);
    });

    it('assigns, asks, and closes through the case service, with its audit log and rules', async () => {
      const caseId = ids.urgent!;
      // The card the outbox posted in the office channel, which every change must update.
      await cases.markPosted(caseId, {
        serviceUrl: bot.connector.url,
        conversationId: CARD_THREAD,
        activityId: 'thread-7',
      });
      bot.connector.reset();
      const assigned = await call(caseUrl(caseId, '/assign'), as(OFFICER), {
        method: 'POST',
        body: { seenAssignee: 'none' },
      });
      expect(assigned.status).toBe(200);
      expect(assigned.body.case).toMatchObject({
        status: 'assigned',
        assignee: { name: OFFICER.name, isYou: true },
      });
      expect(assigned.body.case.can).toEqual({
        assign: false,
        takeOver: false,
        release: true,
        reopen: false,
        requestInfo: true,
        close: true,
      });

      // A second officer whose page still showed nobody is refused: first click wins, as on the card.
      const late = await call(caseUrl(caseId, '/assign'), as(SECOND_OFFICER), {
        method: 'POST',
        body: { seenAssignee: 'none' },
      });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('taken');
      expect(late.body.case.assignee).toEqual({ name: OFFICER.name, isYou: false });
      // …and may not ask or close a case someone else holds.
      const notMine = await call(caseUrl(caseId, '/close'), as(SECOND_OFFICER), {
        method: 'POST',
        body: { outcome: 'adviceGiven', note: '' },
      });
      expect(notMine.status).toBe(409);
      expect(notMine.body.code).toBe('notAssignee');

      const asked = await call(caseUrl(caseId, '/request-info'), as(OFFICER), {
        method: 'POST',
        body: { question: 'Was the memo marked Protected?' },
      });
      expect(asked.status).toBe(200);
      expect(asked.body.case.status).toBe('waiting');
      expect(asked.body.case.questions).toEqual([
        expect.objectContaining({ question: 'Was the memo marked Protected?' }),
      ]);

      // An urgent case is not closed without a note on what was done.
      const noNote = await call(caseUrl(caseId, '/close'), as(OFFICER), {
        method: 'POST',
        body: { outcome: 'noFurtherAction', note: '' },
      });
      expect(noNote.status).toBe(409);
      expect(noNote.body.code).toBe('noteRequired');

      const closed = await call(caseUrl(caseId, '/close'), as(OFFICER), {
        method: 'POST',
        body: { outcome: 'referredLabourRelations', note: 'Referred to labour relations.' },
      });
      expect(closed.status).toBe(200);
      expect(closed.body.case).toMatchObject({ status: 'closed', outcome: 'referredLabourRelations' });
      expect(closed.body.case.can).toEqual({
        assign: false,
        takeOver: false,
        release: false,
        reopen: true,
        requestInfo: false,
        close: false,
      });

      const trail = await cases.auditTrail(caseId);
      expect(trail.map((a) => [a.action, a.actor])).toEqual([
        ['created', MANAGER.aadObjectId],
        ['posted', 'system'],
        ['assigned', OFFICER.aadObjectId],
        ['informationRequested', OFFICER.aadObjectId],
        ['closed', OFFICER.aadObjectId],
      ]);
      const detail = await call(caseUrl(caseId), as(OFFICER));
      expect(detail.body.case.history.map((h: any) => [h.action, h.by, h.name])).toEqual([
        ['created', 'manager', MANAGER.name],
        ['posted', 'system', undefined],
        ['assigned', 'you', undefined],
        ['informationRequested', 'you', undefined],
        ['closed', 'you', undefined],
      ]);
      // Who did what when, to the minute, as the service recorded it.
      expect(detail.body.case.history.map((h: any) => h.at)).toEqual(trail.map((a) => a.at));

      // As with a click on the card: the channel card is updated after each change, and the manager is told.
      const updates = bot.connector.calls.filter((c) => c.kind === 'update');
      expect(updates.map((u) => [u.conversationId, u.activityId])).toEqual([
        [CARD_THREAD, 'thread-7'],
        [CARD_THREAD, 'thread-7'],
        [CARD_THREAD, 'thread-7'],
      ]);
      // Card facts are {title, value} pairs, which visibleText leaves out: read the card's JSON.
      expect(JSON.stringify(updates[0]!.body)).toContain(`"value":"${OFFICER.name}"`);
      expect(JSON.stringify(updates[2]!.body)).toMatch(/"value":"Closed/);
      const toManager = bot.connector.sentActivities(MANAGER_CHAT);
      expect(toManager).toHaveLength(3);
      expect(toManager[0].text).toBe(
        `${OFFICER.name} from the values and ethics office has taken your request ${caseId}.`,
      );
      expect(visibleText([toManager[1]])).toContain('Was the memo marked Protected?');
      expect(toManager[2].text).toContain(caseId);
      expect(toManager[2].text).toContain('Referred to labour relations');

      const again = await call(caseUrl(caseId, '/assign'), as(OFFICER), {
        method: 'POST',
        body: { seenAssignee: 'you' },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('closed');
    });

    it('says when a question could not reach the manager (no chat with the bot), as the card does', async () => {
      const asked = await call(caseUrl(ids.other!, '/request-info'), as(OFFICER), {
        method: 'POST',
        body: { question: 'Can we talk on Monday?' },
      });
      expect(asked.status).toBe(200);
      expect(asked.body.questionSent).toBe(false);
      expect(asked.body.case.status).toBe('waiting');
    });

    it('reopens a closed case and hands it back, as the card does, with the history to show for it', async () => {
      const caseId = ids.urgent!; // closed by the test above
      const reopened = await call(caseUrl(caseId, '/reopen'), as(SECOND_OFFICER), {
        method: 'POST',
        body: {},
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body.case).toMatchObject({
        status: 'assigned',
        assignee: { name: SECOND_OFFICER.name, isYou: true },
        can: { release: true, reopen: false, takeOver: false },
      });
      expect(reopened.body.case).not.toHaveProperty('outcome');
      // Reopening an open case is a conflict, answered with the case as it is now so the page can refresh it.
      const again = await call(caseUrl(caseId, '/reopen'), as(OFFICER), { method: 'POST', body: {} });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('notClosed');
      expect(again.body.case.assignee).toEqual({ name: SECOND_OFFICER.name, isYou: false });
      expect(again.body.case.can).toMatchObject({ takeOver: true, release: false });
      // Only the assignee hands a case back.
      const notTheirs = await call(caseUrl(caseId, '/release'), as(OFFICER), { method: 'POST', body: {} });
      expect(notTheirs.status).toBe(409);
      expect(notTheirs.body.code).toBe('notAssignee');
      const released = await call(caseUrl(caseId, '/release'), as(SECOND_OFFICER), {
        method: 'POST',
        body: {},
      });
      expect(released.status).toBe(200);
      expect(released.body.case.status).toBe('new');
      expect(released.body.case).not.toHaveProperty('assignee');
      expect(released.body.case.can).toMatchObject({ assign: true, release: false });
      const history = (await call(caseUrl(caseId), as(OFFICER))).body.case.history;
      expect(history.slice(-2).map((h: any) => [h.action, h.by, h.name])).toEqual([
        ['reopened', 'office', undefined],
        ['unassigned', 'office', undefined],
      ]);
      expect(history.filter((h: any) => h.by === 'you').map((h: any) => h.action)).toEqual([
        'assigned',
        'informationRequested',
        'closed',
      ]);
    });

    it('searches by case id, words of the summary and the manager’s name, on this office’s board only', async () => {
      const ids_ = (response: { body: any }) => response.body.cases.map((c: any) => c.caseId);
      const byId = await call(boardUrl(`&q=${ids.urgent}`), as(OFFICER));
      expect(byId.status).toBe(200);
      expect(ids_(byId)).toEqual([ids.urgent]);
      expect(ids_(await call(boardUrl('&q=internal%20memo'), as(OFFICER)))).toEqual([ids.urgent]);
      const byName = await call(boardUrl(`&q=${encodeURIComponent('kim outsider')}`), as(OFFICER));
      expect(ids_(byName)).toEqual([ids.other]);
      expect(byName.body.search.scanned).toBeGreaterThanOrEqual(1);
      // Filters still apply to a word search, and the counts stay the office's.
      expect(ids_(await call(boardUrl('&q=policy&urgency=urgent'), as(OFFICER)))).toEqual([]);
      expect(byName.body.counts).toEqual((await call(boardUrl(), as(OFFICER))).body.counts);
      // Another office's case is not found, by its id or by its words, and nothing of it is returned.
      for (const q of [ids.ombud!, 'confidential matter']) {
        const response = await call(boardUrl(`&q=${encodeURIComponent(q)}`), as(OFFICER));
        expect(response.status).toBe(200);
        expect(response.body.cases).toEqual([]);
        expect(response.text).not.toContain('confidential matter');
      }
      expect((await call(boardUrl(`&q=${'x'.repeat(101)}`), as(OFFICER))).status).toBe(400);
      expect((await call(boardUrl(`&q=memo`), as(OUTSIDER))).status).toBe(403);
    });

    it('rejects malformed actions without changing the case', async () => {
      const caseId = ids.routine!;
      const noQuestion = await call(caseUrl(caseId, '/request-info'), as(OFFICER), {
        method: 'POST',
        body: { question: '  ' },
      });
      expect(noQuestion.status).toBe(400);
      const badOutcome = await call(caseUrl(caseId, '/close'), as(OFFICER), {
        method: 'POST',
        body: { outcome: 'fired' },
      });
      expect(badOutcome.status).toBe(400);
      expect((await call(caseUrl('not-a-case'), as(OFFICER))).status).toBe(404);
      expect((await cases.get(caseId))?.status).toBe('new');
    });
  });

  describe('Ombud board', () => {
    const ombudUrl = (path = '') => `/api/tabs/board${path}?teamId=${encodeURIComponent(OMBUD_TEAM)}`;

    it('shows that a request exists, but neither who asked nor what, until someone takes it', async () => {
      const list = await call(ombudUrl(), as(OFFICER));
      expect(list.status).toBe(200);
      expect(list.body.office).toBe('ombud');
      expect(list.body.cases).toEqual([
        expect.objectContaining({ caseId: ids.ombud, confidential: true, urgency: 'timeSensitive' }),
      ]);
      expect(list.text).not.toContain(MANAGER.name);
      const detail = await call(ombudUrl(`/cases/${ids.ombud}`), as(OFFICER));
      expect(detail.text).not.toContain('A confidential matter');
      expect(detail.text).not.toContain(MANAGER.name);
    });

    it('finds an untaken confidential case by its id only, never by who asked or what they wrote', async () => {
      const search = (q: string, who = OFFICER) =>
        call(`/api/tabs/board?teamId=${encodeURIComponent(OMBUD_TEAM)}&q=${encodeURIComponent(q)}`, as(who));
      for (const q of ['confidential matter', MANAGER.name]) {
        const response = await search(q);
        expect(response.status).toBe(200);
        expect(response.body.cases).toEqual([]);
      }
      const byId = await search(ids.ombud!);
      expect(byId.body.cases).toEqual([expect.objectContaining({ caseId: ids.ombud, confidential: true })]);
      expect(byId.text).not.toContain(MANAGER.name);
      expect(byId.text).not.toContain('A confidential matter');
      // Its history says what happened and when, without naming the manager.
      const detail = await call(ombudUrl(`/cases/${ids.ombud}`), as(OFFICER));
      expect(detail.body.case.history.map((h: any) => [h.action, h.by])).toEqual([['created', 'manager']]);
      expect(detail.text).not.toContain(MANAGER.name);
    });

    it('shows the details to the person who takes the case, and only to them', async () => {
      const taken = await call(ombudUrl(`/cases/${ids.ombud}/assign`), as(OFFICER), {
        method: 'POST',
        body: { seenAssignee: 'none' },
      });
      expect(taken.status).toBe(200);
      expect(taken.body.case).toMatchObject({
        confidential: false,
        summary: 'A confidential matter for the Ombud.',
        manager: { name: MANAGER.name },
      });
      expect(taken.body.case.history[0]).toEqual(
        expect.objectContaining({ by: 'manager', name: MANAGER.name }),
      );
      const colleague = await call(ombudUrl(`/cases/${ids.ombud}`), as(SECOND_OFFICER));
      expect(colleague.body.case.confidential).toBe(true);
      expect(colleague.text).not.toContain('A confidential matter');
      expect(colleague.text).not.toContain(MANAGER.name);
      expect(colleague.body.case.history.map((h: any) => [h.action, h.by, h.name])).toEqual([
        ['created', 'manager', undefined],
        ['assigned', 'office', OFFICER.name],
      ]);
      // The assignee finds it by the manager's name; a colleague searching the same name does not.
      const q = `&q=${encodeURIComponent(MANAGER.name)}`;
      expect((await call(`${ombudUrl()}${q}`, as(OFFICER))).body.cases.map((c: any) => c.caseId)).toEqual([
        ids.ombud,
      ]);
      const other = await call(`${ombudUrl()}${q}`, as(SECOND_OFFICER));
      expect(other.body.cases).toEqual([]);
      expect(other.text).not.toContain(MANAGER.name);
    });
  });

  describe('my cases', () => {
    it('lists only the caller’s own cases and "I saw a post" records', async () => {
      const response = await call('/api/tabs/mine', as(MANAGER));
      expect(response.status).toBe(200);
      const mine = response.body.cases.map((c: any) => c.caseId).sort();
      expect(mine).toEqual([ids.routine, ids.urgent, ids.ombud].sort());
      expect(response.text).not.toContain(ids.other);
      expect(response.text).not.toContain('Another manager');
      expect(response.body.records).toEqual([
        expect.objectContaining({ path: 'notSure', howRaised: 'colleague', offices: ['valuesEthics'] }),
      ]);
    });

    it('shows another person nothing of them', async () => {
      const response = await call('/api/tabs/mine', as(OFFICER));
      expect(response.body).toEqual({ cases: [], records: [] });
    });
  });
});

describe('tab API (local mode)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ env: { CASE_OUTBOX_POLL_SECONDS: '0' } });
  });
  afterAll(() => bot.stop());

  it('takes the development identity from X-Dev-User and flags every response as unverified', async () => {
    const ok = await fetch(`${bot.url}/api/tabs/mine`, { headers: { 'x-dev-user': MANAGER.aadObjectId } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-dev-identity')).toBe('unverified-local-development');
    const missing = await fetch(`${bot.url}/api/tabs/mine`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('x-dev-identity')).toBe('unverified-local-development');
    const malformed = await fetch(`${bot.url}/api/tabs/mine`, { headers: { 'x-dev-user': '../../etc' } });
    expect(malformed.status).toBe(401);
  });
});
