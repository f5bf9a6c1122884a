import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { COLLECTIONS, type AuditEntry, type CaseRecord } from '../../src/domain/cases/types';
import { OFFICE_CHANNELS, type OfficeChannel } from '../../src/features/escalation/officeChannels';
import { RecordService } from '../../src/domain/records/sawPostRecord';
import {
  BOT,
  MANAGER,
  OFFICER,
  TEAM,
  mention,
  message,
  submit,
  VE_CHANNEL,
  OMBUD_CHANNEL,
  OFFICER2,
} from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import { startBot, visibleText as plainText, type RunningBot } from '../support/harness';
import { waitFor } from '../support/waitFor';

const OUTSIDER = {
  id: '29:outsider',
  name: 'Pat Outsider',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000009',
};
const MANAGER_CHAT = `a:personal-${MANAGER.id}`;
const SUMMARY = 'An employee posted about a program our team delivers; I need advice on next steps.';

/** An Action.Execute click as Teams delivers it: an adaptiveCard/action invoke in the card's thread. */
function invoke(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  from: { id: string; name: string; aadObjectId: string },
  conversationId: string,
  locale?: string,
): Activity {
  const base = message('', {
    serviceUrl,
    conversationType: 'channel',
    channelId: VE_CHANNEL,
    conversationId,
    from,
    ...(locale ? { locale } : {}),
  });
  delete (base as Partial<Activity>).text;
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  } as Activity;
}

function setUpMembers(connector: FakeConnector): void {
  connector.members.set(OFFICER.id, { ...OFFICER, userRole: 'owner' });
  connector.members.set(OFFICER2.id, { ...OFFICER2, userRole: 'user' });
}

async function register(
  bot: RunningBot,
  office: 'values and ethics office' | 'ombud',
  channelId: string,
  from = OFFICER,
) {
  await bot.post(mention(`register ${office}`, { serviceUrl: bot.connector.url, channelId, from }));
  return visibleText(bot.connector.sentActivities(channelId));
}

/** Walks the manager through the dialog; returns the confirmation text. */
async function escalate(
  bot: RunningBot,
  answers: { office?: string; summary?: string; urgency?: string; contact?: string } = {},
  confirm?: Activity,
): Promise<string> {
  const say = (text: string) => bot.post(message(text, { serviceUrl: bot.connector.url }));
  await say('escalate');
  await say(answers.office ?? 'Values and ethics office');
  await say(answers.summary ?? SUMMARY);
  await say(answers.urgency ?? 'Routine');
  await say(answers.contact ?? 'Teams chat');
  const before = bot.connector.sentActivities(MANAGER_CHAT).length;
  await bot.post(confirm ?? message('Send it', { serviceUrl: bot.connector.url }));
  return visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(before));
}

/** What a person reads, including FactSet values (the harness's helper reads text and titles only). */
function visibleText(activities: readonly any[]): string {
  const facts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as { title: string; value: string }[]) facts.push(`${f.title}: ${f.value}`);
    Object.values(o).forEach(walk);
  };
  activities.forEach(walk);
  return [plainText(activities), ...facts].join('\n');
}

const posts = (c: FakeConnector) => c.calls.filter((x) => x.kind === 'createConversation');
const TEAMS_APP_ID = '3f0c1c49-6c2a-4d8e-9a55-0b7d3c2e1f10';

/** The case card's link to the board tab, decoded: which app, tab, case and channel it opens. */
function boardLinkIn(card: Record<string, any>, label: string) {
  const block = (card.body as Record<string, any>[]).find(
    (b) => typeof b.text === 'string' && b.text.startsWith(`[${label}](`),
  );
  if (!block) return undefined;
  const url = new URL(/\]\((.*)\)$/.exec(block.text)![1]!);
  return { path: url.pathname, context: JSON.parse(url.searchParams.get('context') ?? '{}') };
}
const caseIdIn = (text: string) => /\b(VE|OMB)-\d{4}-\d{4}\b/.exec(text)?.[0];

describe('escalation to an office', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ env: { OFFICE_ADMIN_IDS: OFFICER2.aadObjectId, TEAMS_APP_ID } });
    setUpMembers(bot.connector);
    // Each person has a personal chat with the bot, learned from a first message.
    for (const from of [MANAGER, OFFICER])
      await bot.post(message('help', { serviceUrl: bot.connector.url, from }));
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  it('refuses registration by someone who is neither a team owner nor a configured administrator', async () => {
    const reply = await register(bot, 'values and ethics office', VE_CHANNEL, MANAGER);
    expect(reply).toContain('Only an owner of this team or a configured office administrator');
    expect(await bot.app.store.get(OFFICE_CHANNELS, 'valuesEthics')).toBeUndefined();
  });

  it('tells the manager whom to contact when the office has no channel, and stores nothing', async () => {
    const say = (text: string) => bot.post(message(text, { serviceUrl: bot.connector.url }));
    await say('escalate');
    await say('Values and ethics office');
    const text = visibleText(bot.connector.sentActivities(MANAGER_CHAT));
    expect(text).toContain('has not connected a Teams channel');
    expect(text).toContain('your intranet lists how to reach it');
    expect(await bot.app.store.count(COLLECTIONS.cases)).toBe(0);
  });

  it('registers the channel when a team owner asks, and confirms there', async () => {
    const reply = await register(bot, 'values and ethics office', VE_CHANNEL);
    expect(reply).toContain('This channel now receives the values and ethics office’s requests');
    const stored = await bot.app.store.get<OfficeChannel>(OFFICE_CHANNELS, 'valuesEthics');
    expect(stored?.value).toMatchObject({
      teamId: TEAM.id,
      channelId: VE_CHANNEL,
      serviceUrl: bot.connector.url,
    });
  });

  it('registers a channel for a configured administrator who is not an owner', async () => {
    const reply = await register(bot, 'ombud', OMBUD_CHANNEL, OFFICER2);
    expect(reply).toContain('receives the Ombud’s requests');
  });

  let caseId = '';
  let thread = { conversationId: '', activityId: '' };

  it('escalates end to end: case stored, card posted once to the office channel, manager told', async () => {
    const confirmation = await escalate(bot);
    caseId = caseIdIn(confirmation) ?? '';
    expect(caseId).toMatch(/^VE-\d{4}-0001$/);
    expect(confirmation).toContain('is saved and is being sent to the values and ethics office');
    const post = await waitFor(() => posts(bot.connector)[0], 'the case card');
    expect(post.body.channelData.channel.id).toBe(VE_CHANNEL);
    const card = visibleText([post.body.activity]);
    expect(card).toContain(`Request ${caseId}`);
    expect(card).toContain(SUMMARY);
    expect(card).toContain('Alex Tremblay');
    expect(card).toContain('Assign to me');
    // Teams asks each viewer's own view of it (their language), see the per-viewer test below
    expect(post.body.activity.attachments[0].content.refresh.action.verb).toBe('caseRefresh');
    // A link opens the case on the office's board tab, in the office's channel.
    expect(boardLinkIn(post.body.activity.attachments[0].content, 'Open it on the case board')).toEqual({
      path: `/l/entity/${TEAMS_APP_ID}/case-board`,
      context: { subEntityId: caseId, channelId: VE_CHANNEL },
    });
    const notice = await waitFor(
      () => visibleText(bot.connector.sentActivities(MANAGER_CHAT)).includes('has reached') || undefined,
      'the delivery notice',
    );
    expect(notice).toBe(true);
    const stored = await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId);
    expect(stored?.value).toMatchObject({ status: 'new', delivery: 'posted', urgency: 'routine' });
    thread = { conversationId: post.body.channelData.channel.id, activityId: '' };
    thread = {
      conversationId: stored!.value.thread!.conversationId,
      activityId: stored!.value.thread!.activityId,
    };
    expect(posts(bot.connector)).toHaveLength(1);
    // Case text never reaches the logs.
    expect(bot.logs.text).not.toContain('program our team delivers');
  });

  it('refuses a non-member’s action and changes nothing', async () => {
    const before = await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId);
    const res = await bot.post(
      invoke(bot.connector.url, 'caseAssign', { caseId, seenAssignee: '' }, OUTSIDER, thread.conversationId),
    );
    const body = JSON.parse(res.body);
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toContain('Only members of the office’s team');
    const after = await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId);
    expect(after?.version).toBe(before?.version);
    expect(bot.connector.calls.filter((c) => c.kind === 'update')).toHaveLength(0);
  });

  it('assigns to the officer who clicks, refreshes the card in place and tells the manager', async () => {
    const res = await bot.post(
      invoke(bot.connector.url, 'caseAssign', { caseId, seenAssignee: '' }, OFFICER, thread.conversationId),
    );
    const body = JSON.parse(res.body);
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleText([{ attachments: [{ content: body.value }] }])).toContain('Sam Okafor');
    // A taken case offers no "Assign to me": the card says who has it.
    expect(visibleText([{ attachments: [{ content: body.value }] }])).not.toContain('Assign to me');
    const update = bot.connector.calls.find((c) => c.kind === 'update');
    expect(update?.conversationId).toBe(thread.conversationId);
    expect(update?.activityId).toBe(thread.activityId);
    const updated = visibleText([update!.body]);
    expect(updated).toContain('Assigned');
    expect(updated).toContain('Sam Okafor');
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT))).toContain(
      `Sam Okafor from the values and ethics office has taken your request ${caseId}`,
    );
  });

  it('shows each office member the case card in their own language, with the manager’s official language', async () => {
    const view = async (locale: string) => {
      const res = await bot.post(
        invoke(bot.connector.url, 'caseRefresh', { caseId }, OFFICER2, thread.conversationId, locale),
      );
      return JSON.parse(res.body).value;
    };
    const frenchCard = await view('fr-CA');
    // the view keeps asking Teams for each next viewer's own view
    expect(frenchCard.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'caseRefresh' });
    const french = visibleText([{ attachments: [{ content: frenchCard }] }]);
    expect(french).toContain(`Demande ${caseId}`);
    expect(french).toContain('Langue officielle du gestionnaire');
    expect(french).toContain('anglais');
    expect(boardLinkIn(frenchCard, 'L’ouvrir dans le tableau des cas')?.context.subEntityId).toBe(caseId);
    expect(french).not.toContain('Assigned');
    const english = visibleText([{ attachments: [{ content: await view('en-CA') }] }]);
    expect(english).toContain('Manager’s official language');
    expect(english).toContain('English');
  });

  it('sends the officer’s question to the manager, whose answer is added to the case and the card', async () => {
    const res = await bot.post(
      invoke(
        bot.connector.url,
        'caseAsk',
        { caseId, question: 'Is the post still online?' },
        OFFICER,
        thread.conversationId,
      ),
    );
    expect(JSON.parse(res.body).value).toContain('Your question was sent to the manager');
    const questionCard = bot.connector.sentActivities(MANAGER_CHAT).at(-1);
    expect(visibleText([questionCard])).toContain('Is the post still online?');
    const answerButton = questionCard.attachments[0].content.actions[0];
    expect(visibleText(bot.connector.calls.filter((c) => c.kind === 'update').map((c) => c.body))).toContain(
      'Waiting for the manager',
    );

    bot.connector.reset();
    await bot.post(
      submit({ ...answerButton.data, answer: 'Yes, it is still up.' }, { serviceUrl: bot.connector.url }),
    );
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT))).toContain(
      `Thank you. Your answer was added to ${caseId}`,
    );
    const update = bot.connector.calls.find((c) => c.kind === 'update');
    const card = visibleText([update!.body]);
    expect(card).toContain('Yes, it is still up.');
    expect(card).toContain('Assigned');
    // The assignee is @mentioned in the case's thread (a notice only: the answer stays on the card).
    const notice = bot.connector.calls.find(
      (c) => c.kind === 'send' && c.conversationId === thread.conversationId,
    );
    expect(notice?.body.text).toBe(
      `<at>Sam Okafor</at>: the manager answered your question on ${caseId}. The answer is on the card.`,
    );
    expect(notice?.body.entities).toEqual([
      { type: 'mention', text: '<at>Sam Okafor</at>', mentioned: { id: OFFICER.id, name: 'Sam Okafor' } },
    ]);
    expect(JSON.stringify(notice?.body)).not.toContain('Yes, it is still up.');
  });

  it('closes with an outcome, refreshes the card and tells the manager the outcome and the office’s note', async () => {
    const res = await bot.post(
      invoke(
        bot.connector.url,
        'caseClose',
        { caseId, outcome: 'adviceGiven', note: 'Talked through the options.' },
        OFFICER,
        thread.conversationId,
      ),
    );
    const card = JSON.parse(res.body).value;
    expect(visibleText([{ attachments: [{ content: card }] }])).toContain('Closed');
    // A closed case offers one thing for CASE_REOPEN_DAYS: reopening it.
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Reopen']);
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT))).toContain(
      `Your request ${caseId} was closed by the values and ethics office. Outcome: Advice given.`,
    );
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT))).toContain(
      'The office’s note: Talked through the options\\.',
    );
    const stored = await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId);
    expect(stored?.expiresAt).toBe(stored?.value.purgeAt);
  });

  it('lists the manager’s cases and gives a copy with its audit trail', async () => {
    await bot.post(message('my cases', { serviceUrl: bot.connector.url }));
    const list = bot.connector.sentActivities(MANAGER_CHAT).at(-1);
    expect(visibleText([list])).toContain(`${caseId}: Values and ethics office, Closed`);
    const copyButton = list.attachments[0].content.actions[0];
    await bot.post(submit(copyButton.data, { serviceUrl: bot.connector.url }));
    const copy = visibleText([bot.connector.sentActivities(MANAGER_CHAT).at(-1)]);
    expect(copy).toContain(`Copy of case ${caseId}`);
    expect(copy).toContain(SUMMARY);
    expect(copy).toContain('Talked through the options.');
    for (const line of [
      'Created by you',
      'Delivered to the office automatically',
      'Assigned by the office',
      'Answered by you',
      'Closed by the office',
    ])
      expect(copy).toContain(line);
    const trail = await bot.app.store.list<AuditEntry>(COLLECTIONS.audit, { where: { caseId } });
    expect(trail.map((d) => d.value.action)).toEqual([
      'created',
      'posted',
      'assigned',
      'informationRequested',
      'answered',
      'closed',
    ]);
    // Questions, answers and notes are case text too: none of it is logged.
    for (const secret of ['Is the post still online?', 'Yes, it is still up.', 'Talked through the options.'])
      expect(bot.logs.text).not.toContain(secret);
  });

  it('reopens the closed case for the officer who clicks, tells the manager, and lets the assignee hand it back', async () => {
    const reopen = await bot.post(
      invoke(bot.connector.url, 'caseReopen', { caseId }, OFFICER, thread.conversationId),
    );
    const card = JSON.parse(reopen.body).value;
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual([
      'Take over',
      'Hand back',
      'Request more information',
      'Close',
    ]);
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT))).toContain(
      `Your request ${caseId} was reopened by the values and ethics office: Sam Okafor has it.`,
    );
    const stored = await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, caseId);
    expect(stored?.value).toMatchObject({ status: 'assigned', assignee: { name: 'Sam Okafor' } });
    expect(stored?.expiresAt).toBeUndefined();
    const release = await bot.post(
      invoke(bot.connector.url, 'caseRelease', { caseId }, OFFICER, thread.conversationId),
    );
    const released = JSON.parse(release.body).value;
    expect(released.actions[0].title).toBe('Assign to me');
    const trail = await bot.app.store.list<AuditEntry>(COLLECTIONS.audit, { where: { caseId } });
    expect(trail.map((d) => d.value.action).slice(-2)).toEqual(['reopened', 'unassigned']);
    // Each change is said in the case's thread, without case text.
    const notices = bot.connector.calls
      .filter((c) => c.kind === 'send' && c.conversationId === thread.conversationId)
      .map((c) => c.body.text);
    expect(notices).toEqual([
      `Sam Okafor reopened ${caseId}.`,
      `Sam Okafor handed ${caseId} back to the office; it waits for someone to take it.`,
    ]);
    // Taken again, so the tests after this one find no case of the office still new.
    await bot.post(
      invoke(bot.connector.url, 'caseAssign', { caseId, seenAssignee: '' }, OFFICER, thread.conversationId),
    );
  });

  it('tells whoever had the case, by @mention in its thread, when a colleague takes it over', async () => {
    const takeOver = await bot.post(
      invoke(
        bot.connector.url,
        'caseAssign',
        { caseId, seenAssignee: OFFICER.aadObjectId },
        OFFICER2,
        thread.conversationId,
      ),
    );
    expect(JSON.parse(takeOver.body).type).toBe('application/vnd.microsoft.card.adaptive');
    const notice = bot.connector.calls.find(
      (c) => c.kind === 'send' && c.conversationId === thread.conversationId,
    );
    expect(notice?.body.text).toBe(`<at>Sam Okafor</at>: Jordan Lee took over ${caseId}.`);
    expect(notice?.body.entities).toEqual([
      { type: 'mention', text: '<at>Sam Okafor</at>', mentioned: { id: OFFICER.id, name: 'Sam Okafor' } },
    ]);
    // Given back to Sam, as the tests after this one expect.
    await bot.post(
      invoke(
        bot.connector.url,
        'caseAssign',
        { caseId, seenAssignee: OFFICER2.aadObjectId },
        OFFICER,
        thread.conversationId,
      ),
    );
  });

  it('lets only one of two officers clicking at once take the case; the other sees who has it', async () => {
    await escalate(bot);
    const stored = await waitFor(async () => {
      const all = await bot.app.store.list<CaseRecord>(COLLECTIONS.cases, {
        where: { delivery: 'posted', status: 'new' },
      });
      return all[0]?.value;
    }, 'a posted case');
    const conv = stored.thread!.conversationId;
    const [a, b] = await Promise.all(
      [OFFICER, OFFICER2].map((who) =>
        bot.post(
          invoke(bot.connector.url, 'caseAssign', { caseId: stored.caseId, seenAssignee: '' }, who, conv),
        ),
      ),
    );
    const bodies = [JSON.parse(a!.body), JSON.parse(b!.body)];
    const cards = bodies.filter((x) => x.type === 'application/vnd.microsoft.card.adaptive');
    const messages = bodies.filter((x) => x.type === 'application/vnd.microsoft.activity.message');
    expect(cards).toHaveLength(1);
    expect(messages).toHaveLength(1);
    const winner = (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, stored.caseId))!.value.assignee!;
    expect(messages[0].value).toBe(`${winner.name} has this case. Nothing was changed.`);
    const trail = await bot.app.store.list<AuditEntry>(COLLECTIONS.audit, {
      where: { caseId: stored.caseId },
    });
    expect(trail.filter((d) => d.value.action === 'assigned')).toHaveLength(1);
  });

  it('posts exactly once through 429s (Retry-After) and a 500', async () => {
    bot.connector.failNext(2, { status: 429, retryAfterSeconds: 0, kinds: ['createConversation'] });
    bot.connector.failNext(1, { status: 500, kinds: ['createConversation'] });
    const confirmation = await escalate(bot, { urgency: 'Urgent' });
    const id = caseIdIn(confirmation)!;
    await waitFor(() => posts(bot.connector)[0], 'the case card');
    const kinds = bot.connector.calls.map((c) => c.kind);
    expect(kinds.filter((k) => k === 'createConversation:failed:429')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'createConversation:failed:500')).toHaveLength(1);
    expect(posts(bot.connector)).toHaveLength(1);
    // The post lands at the connector just before the outbox records it: wait for the record, not the post.
    const delivered = await waitFor(
      async () =>
        (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value.delivery === 'posted'
          ? true
          : undefined,
      'the case marked posted',
    );
    expect(delivered).toBe(true);
  });

  it('creates one case and one post when Teams delivers the confirmation twice', async () => {
    const confirm = message('Send it', { serviceUrl: bot.connector.url });
    const say = (text: string) => bot.post(message(text, { serviceUrl: bot.connector.url }));
    for (const text of ['escalate', 'Values and ethics office', SUMMARY, 'Routine', 'Teams chat'])
      await say(text);
    const before = await bot.app.store.count(COLLECTIONS.cases);
    await Promise.all([bot.post(confirm), bot.post(confirm)]);
    await bot.post(confirm); // and once more, late
    await waitFor(() => posts(bot.connector)[0], 'the case card');
    await new Promise((r) => setTimeout(r, 300));
    expect(await bot.app.store.count(COLLECTIONS.cases)).toBe(before + 1);
    expect(posts(bot.connector)).toHaveLength(1);
  });

  it('a second click on "Send it" for the same draft (a double click, another device) finds the case it made', async () => {
    const say = (text: string) => bot.post(message(text, { serviceUrl: bot.connector.url }));
    for (const text of ['escalate', 'Values and ethics office', SUMMARY, 'Routine', 'Teams chat'])
      await say(text);
    const send = bot.connector.sentActivities(MANAGER_CHAT).at(-1).attachments[0].content.actions[0];
    expect(send).toMatchObject({ type: 'Action.Submit', title: 'Send it' });
    // Teams and the Agents Playground deliver the button's data as the activity's value, without text; a card
    // sent before the buttons were Action.Submit comes back as messageBack, with its text. One click each way.
    const clicks = [
      () => bot.post(message('', { serviceUrl: bot.connector.url, value: send.data })),
      () => bot.post(message(send.data.text, { serviceUrl: bot.connector.url, value: send.data })),
    ];
    const before = await bot.app.store.count(COLLECTIONS.cases);
    const read = async () => {
      const from = bot.connector.sentActivities(MANAGER_CHAT).length;
      await clicks.shift()!();
      return visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(from));
    };
    const id = caseIdIn(await read());
    expect(id).toBeDefined();
    expect(await read()).toContain(`Your request **${id}** was already sent to the values and ethics office`);
    expect(await bot.app.store.count(COLLECTIONS.cases)).toBe(before + 1);
    await waitFor(() => posts(bot.connector)[0], 'the case card');
    await new Promise((r) => setTimeout(r, 300));
    expect(posts(bot.connector).filter((p) => JSON.stringify(p.body).includes(id!))).toHaveLength(1);
  });

  it('tells the manager the truth when the bot was removed from the office team (403)', async () => {
    bot.connector.failNext(1, { status: 403, kinds: ['createConversation'] });
    const id = caseIdIn(await escalate(bot))!;
    const text = await waitFor(() => {
      const all = visibleText(bot.connector.sentActivities(MANAGER_CHAT));
      return all.includes('could not deliver') ? all : undefined;
    }, 'the undelivered notice');
    expect(text).toContain(`I could not deliver your request ${id} to the values and ethics office`);
    expect(text).toContain('the office has not seen it');
    expect((await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value.delivery).toBe('undelivered');
    expect(posts(bot.connector)).toHaveLength(0);

    // Once the office registers its channel again, the saved case is delivered after all.
    await register(bot, 'values and ethics office', VE_CHANNEL);
    const post = await waitFor(() => posts(bot.connector)[0], 'the re-queued case card');
    expect(visibleText([post.body.activity])).toContain(`Request ${id}`);
    await waitFor(
      () =>
        visibleText(bot.connector.sentActivities(MANAGER_CHAT)).includes(`Your request ${id} has reached`) ||
        undefined,
      'the late delivery notice',
    );
    expect((await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value.delivery).toBe('posted');
  });

  it('accepts the Action.Submit fallback of the card buttons, with the same checks', async () => {
    const id = caseIdIn(await escalate(bot))!;
    const stored = await waitFor(async () => {
      const c = (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value;
      return c?.thread ? c : undefined;
    }, 'the posted case');
    const where = {
      serviceUrl: bot.connector.url,
      conversationType: 'channel' as const,
      channelId: VE_CHANNEL,
    };
    const conversationId = stored.thread!.conversationId;
    bot.connector.reset();
    await bot.post(
      submit(
        { verb: 'caseAssign', caseId: id, seenAssignee: '' },
        { ...where, conversationId, from: OUTSIDER },
      ),
    );
    expect(visibleText(bot.connector.sentActivities(conversationId))).toContain(
      'Only members of the office’s team',
    );
    await bot.post(
      submit(
        { verb: 'caseAssign', caseId: id, seenAssignee: '' },
        { ...where, conversationId, from: OFFICER2 },
      ),
    );
    const update = bot.connector.calls.find((c) => c.kind === 'update')!;
    expect(visibleText([update.body])).toContain('Assigned to: Jordan Lee');
  });

  it('starts from the urgent card in French, asks the urgency (never assumes it) and writes to the manager in French', async () => {
    const fr = { serviceUrl: bot.connector.url, locale: 'fr-CA' };
    await bot.post(submit({ verb: 'escalate', urgent: true, topic: 'threat' }, fr));
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT))).toContain(
      'Quel bureau doit la recevoir?',
    );
    for (const text of [
      'Bureau des valeurs et de l’éthique',
      'Un employé a publié au sujet de notre programme.',
    ])
      await bot.post(message(text, fr));
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(-1))).toContain(
      'Quel est le degré d’urgence?',
    );
    await bot.post(message('Urgent', fr));
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(-1))).toContain(
      'Comment voulez-vous',
    );
    await bot.post(message('Courriel', fr));
    await bot.post(message('L’envoyer', fr));
    const text = visibleText(bot.connector.sentActivities(MANAGER_CHAT));
    const id = caseIdIn(text)!;
    expect(text).toContain(
      `Votre demande **${id}** est enregistrée et est en cours d’envoi au bureau des valeurs et de l’éthique`,
    );
    await waitFor(
      () =>
        visibleText(bot.connector.sentActivities(MANAGER_CHAT)).includes(
          `Votre demande ${id} est arrivée au bureau des valeurs et de l’éthique.`,
        ) || undefined,
      'the French delivery notice',
    );
    expect((await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value).toMatchObject({
      urgency: 'urgent',
      managerLang: 'fr',
      contact: 'email',
    });
  });

  it('answers "talk to an office" clicked in a channel by pointing to the personal chat, starting nothing', async () => {
    const before = await bot.app.store.count(COLLECTIONS.cases);
    await bot.post(
      submit(
        { verb: 'escalate' },
        { serviceUrl: bot.connector.url, conversationType: 'channel', channelId: VE_CHANNEL },
      ),
    );
    expect(visibleText(bot.connector.sentActivities(VE_CHANNEL))).toContain(
      'To keep things private, I do that only in our personal chat. Open a chat with me (search for "Social Media Guidance") and type "Talk to an office".',
    );
    expect(await bot.app.store.count(COLLECTIONS.cases)).toBe(before);
  });

  it('attaches the manager’s "I saw a post" record by choice, without its private notes', async () => {
    const records = new RecordService(bot.app.store, { retentionDays: 90 });
    const { record } = await records.create({
      owner: MANAGER.aadObjectId,
      idempotencyKey: 'escalation-test',
      lang: 'en',
      answers: {
        violation: 'notSure',
        steps: { context: { note: 'Private: spoke with Jane Doe' } },
        consultTopics: ['takeDown'],
      },
      contentVersion: 'test',
    });
    const say = (text: string) => bot.post(message(text, { serviceUrl: bot.connector.url }));
    await bot.post(
      submit(
        { verb: 'escalate', office: 'valuesEthics', recordId: record.id },
        { serviceUrl: bot.connector.url },
      ),
    );
    await say(SUMMARY);
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(-1))).toContain(
      'Attach your "I saw a post" record',
    );
    for (const text of ['Attach the record', 'Routine', 'Teams chat']) await say(text);
    await say('Send it');
    const id = caseIdIn(visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(-1)))!;
    const post = await waitFor(() => posts(bot.connector)[0], 'the case card');
    const card = visibleText([post.body.activity]);
    expect(card).toContain(`Request ${id}`);
    // Only what the manager said, in the words they chose from: they asked WHETHER it should be taken down.
    expect(card).toContain(
      'To “Does the post clearly violate the Values and Ethics Code?” the manager answered “I am not sure”. Questions the manager chose to bring to organizational experts: “Should the post be taken down?”.',
    );
    expect(card).not.toMatch(/asking for the post to be taken down/);
    expect(card).not.toContain('Jane Doe');
  });

  /** The data of the first Action.Submit with `verb` on the cards sent to the manager since `from`. */
  function buttonData(from: number, verb: string): Record<string, unknown> {
    let found: Record<string, unknown> | undefined;
    const walk = (node: unknown): void => {
      if (found || !node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      const o = node as Record<string, unknown>;
      const data = o.data as Record<string, unknown> | undefined;
      if (o.type === 'Action.Submit' && data?.verb === verb) found = data;
      else Object.values(o).forEach(walk);
    };
    walk(bot.connector.sentActivities(MANAGER_CHAT).slice(from));
    if (!found) throw new Error(`no ${verb} button`);
    return found;
  }

  it('escalating from inside "I saw a post" keeps the walk-through: its draft is offered, urgency asked, and it resumes with its note', async () => {
    const o = { serviceUrl: bot.connector.url };
    const say = async (text: string) => {
      const before = bot.connector.sentActivities(MANAGER_CHAT).length;
      await bot.post(message(text, o));
      return visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(before));
    };
    const casesBefore = await bot.app.store.count(COLLECTIONS.cases);
    await say('I saw a post');
    await say('next');
    await say('colleague');
    const start = bot.connector.sentActivities(MANAGER_CHAT).length;
    expect(await say('3')).toContain('Step 4 of 4');
    expect(await say('note: called departmental security')).toContain('Your note is added');

    // The urgent card's "Talk to the values and ethics office".
    const before = bot.connector.sentActivities(MANAGER_CHAT).length;
    await bot.post(submit(buttonData(start, 'escalate'), o));
    const begun = visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(before));
    expect(begun).not.toMatch(/Stopped|notes were discarded/);
    expect(begun).toContain('Describe the situation');
    expect(await say('A post seems to disclose protected information about a program.')).toContain(
      'Attach what you have noted so far in "I saw a post" (you were at step 4 of 4)?',
    );
    expect(await say('Attach the record')).toContain('How urgent is it?');
    await say('Time-sensitive');
    const preview = await say('Teams chat');
    expect(preview).toContain(
      'To “How did the post come to your attention?” the manager answered “A colleague saw it and reported it”. To “Does the post clearly violate the Values and Ethics Code?” the manager answered “Yes: it discloses protected information without authorization”.',
    );
    expect(preview).not.toContain('departmental security'); // the private note stays in the walk-through
    const sent = await say('Send it');
    expect(sent).toMatch(/Your request \*\*VE-\d{4}-\d{4}\*\* is saved/);
    expect(sent).toContain(
      'Back to “I saw a post”, step 4 of 4. Your answers and notes are kept: carry on when you are ready.',
    );
    expect(sent).toContain('Follow your organization’s protocols');
    const id = caseIdIn(sent)!;
    expect((await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value).toMatchObject({
      urgency: 'timeSensitive',
      attachedRecord: expect.stringContaining('"I saw a post" walk-through under way'),
    });
    expect(await bot.app.store.count(COLLECTIONS.cases)).toBe(casesBefore + 1);

    // The walk-through finishes as if never interrupted: its note is in the record.
    expect(await say('create')).toMatch(/Your record: I saw a post[\s\S]*called departmental security/);
  });

  it('"escalate" typed mid-walk-through starts a request over it; "cancel" sends nothing and goes back to the step', async () => {
    const o = { serviceUrl: bot.connector.url };
    const say = async (text: string, extra: Partial<typeof o & { locale: string }> = {}) => {
      const before = bot.connector.sentActivities(MANAGER_CHAT).length;
      await bot.post(message(text, { ...o, ...extra }));
      return visibleText(bot.connector.sentActivities(MANAGER_CHAT).slice(before));
    };
    const casesBefore = await bot.app.store.count(COLLECTIONS.cases);
    await say('I saw a post');
    await say('next');
    const escalating = await say('escalate');
    expect(escalating).not.toContain('not one of the options');
    expect(escalating).toContain('Which office should receive it?');
    await say('Values and ethics office');
    expect(await say('help')).toContain('Nothing is sent until you choose "Send it"');
    const cancelled = await say('cancel');
    expect(cancelled).toContain('Nothing was sent, and your text was not kept.');
    expect(cancelled).toContain('Back to “I saw a post”, step 2 of 11.');
    expect(cancelled).toContain('How did the post come to your attention?');
    expect(cancelled).not.toContain('What I can do'); // the walk-through goes on: no help card
    expect(await say('1')).toContain('Does the post clearly violate');
    // In French: « escalader » and « transmettre » start it too, « annuler » comes back.
    expect(await say('escalader', { locale: 'fr-CA' })).toMatch(/Which office|Quel bureau/);
    expect(await say('annuler')).toContain('step 3 of 11');
    expect(await say('transmettre')).toMatch(/Which office|Quel bureau/);
    await say('cancel');
    expect(await say('cancel')).toContain('Stopped. Nothing was recorded and your notes were discarded.');
    expect(await bot.app.store.count(COLLECTIONS.cases)).toBe(casesBefore);
  });

  it('continues in French when the manager types "français" in the middle of the request', async () => {
    const say = (text: string) => bot.post(message(text, { serviceUrl: bot.connector.url }));
    await say('escalate');
    await say('français');
    bot.connector.reset();
    await say('Bureau des valeurs et de l’éthique');
    expect(visibleText(bot.connector.sentActivities(MANAGER_CHAT))).toContain('**À omettre** : les noms');
    await say('annuler');
    await say('English');
  });

  it('shows the Ombud channel only that a confidential request exists; details go to the assignee', async () => {
    const confirmation = await escalate(bot, {
      office: 'Ombud',
      summary: 'A confidential matter about a post and my team.',
    });
    const id = caseIdIn(confirmation)!;
    expect(id).toMatch(/^OMB-\d{4}-0001$/);
    const post = await waitFor(() => posts(bot.connector)[0], 'the Ombud card');
    expect(post.body.channelData.channel.id).toBe(OMBUD_CHANNEL);
    const card = visibleText([post.body.activity]);
    expect(card).toContain(`Confidential request ${id}`);
    expect(card).not.toContain('confidential matter');
    expect(card).not.toContain('Alex Tremblay');

    // The post lands at the connector just before the outbox records its thread: wait for the record.
    const conv = await waitFor(
      async () => (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value.thread?.conversationId,
      'the Ombud card’s thread on the case',
    );
    bot.connector.reset();
    const res = await bot.post(
      invoke(bot.connector.url, 'caseAssign', { caseId: id, seenAssignee: '' }, OFFICER2, conv),
    );
    // The reply replaces the card for the one who clicked, now the assignee: their view has the details.
    expect(visibleText([{ attachments: [{ content: JSON.parse(res.body).value }] }])).toContain(
      'confidential matter',
    );
    const update = bot.connector.calls.find((c) => c.kind === 'update')!;
    expect(visibleText([update.body])).not.toContain('confidential matter');
    expect(update.body.attachments[0].content.refresh.userIds).toEqual([OFFICER2.id]);
    // The assignee's automatic refresh shows the details; anyone else's shows the channel card.
    const mine = await bot.post(invoke(bot.connector.url, 'caseRefresh', { caseId: id }, OFFICER2, conv));
    expect(visibleText([{ attachments: [{ content: JSON.parse(mine.body).value }] }])).toContain(
      'confidential matter',
    );
    const theirs = await bot.post(invoke(bot.connector.url, 'caseRefresh', { caseId: id }, OFFICER, conv));
    expect(visibleText([{ attachments: [{ content: JSON.parse(theirs.body).value }] }])).not.toContain(
      'confidential matter',
    );
  });

  it('gives the assignee, and only them, a link to chat with a manager who asked for Teams chat', async () => {
    const upn = 'alex.tremblay@example.gc.ca';
    bot.connector.members.set(MANAGER.id, { ...MANAGER, userPrincipalName: upn });
    try {
      const id = caseIdIn(await escalate(bot)) ?? '';
      const caseThread = await waitFor(
        async () => (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value.thread,
        'the case card’s thread',
      );
      const saved = (await bot.app.store.get<CaseRecord>(COLLECTIONS.cases, id))!.value;
      expect(saved.manager.signInName).toBe(upn);
      const link = `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`;
      const chatLinkIn = (card: Record<string, any>) =>
        JSON.stringify(card).includes(`[Chat with the manager in Teams](${link})`);
      bot.connector.reset();
      const mine = JSON.parse(
        (
          await bot.post(
            invoke(
              bot.connector.url,
              'caseAssign',
              { caseId: id, seenAssignee: '' },
              OFFICER,
              caseThread.conversationId,
            ),
          )
        ).body,
      ).value;
      expect(chatLinkIn(mine)).toBe(true);
      // the channel's copy and a colleague's view do not carry it
      const update = bot.connector.calls.find((c) => c.kind === 'update')!;
      expect(chatLinkIn(update.body.attachments[0].content)).toBe(false);
      const theirs = JSON.parse(
        (
          await bot.post(
            invoke(bot.connector.url, 'caseRefresh', { caseId: id }, OFFICER2, caseThread.conversationId),
          )
        ).body,
      ).value;
      expect(chatLinkIn(theirs)).toBe(false);
      // the sign-in name never reaches the logs
      expect(bot.logs.text).not.toContain(upn);
    } finally {
      bot.connector.members.delete(MANAGER.id);
    }
  });
});

describe('escalation after a crash between saving and posting', () => {
  it('delivers the saved case exactly once when a new process starts on the same data', async () => {
    const connector = await new FakeConnector().start();
    setUpMembers(connector);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'smg-crash-'));
    try {
      // First process: delivery paused, as if it died right after the case was saved.
      const first = await startBot({ connector, dataDir, env: { CASE_OUTBOX_POLL_SECONDS: '0' } });
      await first.post(message('help', { serviceUrl: connector.url }));
      await register(first, 'values and ethics office', VE_CHANNEL);
      const id = caseIdIn(await escalate(first))!;
      await new Promise((r) => setTimeout(r, 200));
      expect(posts(connector)).toHaveLength(0);
      await first.stop({ keepData: true });

      const second = await startBot({ connector, dataDir });
      await waitFor(() => posts(connector)[0], 'the recovered post');
      await new Promise((r) => setTimeout(r, 300));
      expect(posts(connector)).toHaveLength(1);
      expect(visibleText([posts(connector)[0]!.body.activity])).toContain(`Request ${id}`);
      expect((await second.app.store.get<CaseRecord>(COLLECTIONS.cases, id))?.value.delivery).toBe('posted');
      await second.stop();
    } finally {
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

void BOT;
