import type { Activity } from 'botbuilder';
import { flattenCardText } from '../../src/shared/cards/flatten';
import type { AdaptiveCardJson } from '../../src/shared/cards/render';
import { TEAMS, type TeamRecord } from '../../src/platform/conversationRegistry';
import { loadContent } from '../../src/domain/guidance/content';
import { POSTS, type PostRecord } from '../../src/features/talkingPoints/posts';
import { MANAGER, OFFICER, TEAM, botInstalled, mention, message, submit } from '../support/activities';
import { startBot, visibleText, type RunningBot } from '../support/harness';

/**
 * Talking points through the real server and a fake Bot Connector: the preview, the post flow from the
 * personal chat (by clicking and by typing), @mentions in a channel, votes, and what Teams' failures look
 * like to the manager.
 */

jest.setTimeout(30_000);

const VNE = { id: '19:vne@thread.tacv2', name: 'Values and Ethics Office' };
const content = loadContent();
const firstPoint = content.byId.get('talking-points.oath')!.text;
const hiringPoint = content.byId.get('talking-points.careers.hiring')!.text;

type Json = Record<string, any>;

function actions(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => actions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    Object.entries(o).forEach(([k, v]) => k !== 'fallback' && actions(v, out));
  }
  return out;
}

/** The text of the containers a reader sees (the other language is hidden until toggled). */
function shownText(card: Json): string {
  const visible = { ...card, body: (card.body as Json[]).filter((el) => el.isVisible !== false) };
  return flattenCardText(visible as unknown as AdaptiveCardJson);
}

let bot: RunningBot;
const personal = (text: string, from = MANAGER) => message(text, { serviceUrl: bot.connector.url, from });
const click = (value: Record<string, unknown>, from = MANAGER) =>
  submit(value, { serviceUrl: bot.connector.url, from });

const sent = () => bot.connector.sentActivities();
const lastCard = (): Json => {
  const cards = sent().flatMap((a) => (a.attachments ?? []).map((x: Json) => x.content));
  return cards[cards.length - 1];
};
const lastText = (): string => {
  const texts = sent().filter((a) => typeof a.text === 'string' && a.text);
  return texts[texts.length - 1]?.text ?? '';
};
const button = (card: Json, title: string): Json => {
  const found = actions(card).find((a) => a.title === title);
  if (!found) throw new Error(`no button ${title} in ${JSON.stringify(actions(card).map((a) => a.title))}`);
  return found;
};
const creates = () => bot.connector.calls.filter((c) => c.kind === 'createConversation');

function invoke(verb: string, data: Record<string, unknown>, from = MANAGER, locale?: string): Activity {
  const base = mention('', { serviceUrl: bot.connector.url, from, ...(locale ? { locale } : {}) });
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    entities: [],
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  } as unknown as Activity;
}

/** Walks the personal-chat flow up to the confirm card and returns it. */
async function flowToConfirm(intro?: string): Promise<Json> {
  await bot.post(personal('talking points'));
  await bot.post(click(button(lastCard(), 'Post to a team channel').data));
  await bot.post(click(button(lastCard(), '1. Digital Services').data));
  await bot.post(personal('values and ethics'));
  if (intro === undefined) await bot.post(click(button(lastCard(), 'No introduction').data));
  else await bot.post(personal(intro));
  const card = lastCard();
  expect(card.body[0].text).toBe('Ready to post');
  return card;
}

beforeAll(async () => {
  bot = await startBot();
  bot.connector.teams.set(TEAM.id, {
    id: TEAM.id,
    name: TEAM.name,
    aadGroupId: TEAM.aadGroupId,
    channels: [{ id: TEAM.id }, VNE],
  });
  bot.connector.members.set(MANAGER.id, { ...MANAGER });
  await bot.post(botInstalled({ serviceUrl: bot.connector.url, conversationType: 'channel' }));
});
afterAll(async () => bot.stop());
// Each test starts with no flow in progress, as a manager who typed "cancel".
beforeEach(async () => {
  await bot.post(personal('cancel'));
  bot.connector.reset();
});

describe('preview in the personal chat', () => {
  it('shows every talking point in order, the career sub-points nested, with the source and a post button', async () => {
    await bot.post(personal('talking points'));
    const card = lastCard();
    const text = shownText(card);
    expect(text).toContain('Talking points: personal social media');
    expect(text).toContain(firstPoint.en);
    expect(text.indexOf(firstPoint.en)).toBeLessThan(text.indexOf(hiringPoint.en));
    const items = content.byId.get('talking-points')!.childIds.length;
    const subItems = content.byId.get('talking-points.careers')!.childIds.length;
    expect(text.match(/^• /gm)).toHaveLength(items);
    expect(text.match(/^ +◦ /gm)).toHaveLength(subItems);
    expect(text).toContain(content.source.en.url);
    expect(text).not.toContain(firstPoint.fr);
    expect(button(card, 'Post to a team channel').data).toMatchObject({ verb: 'talkingPoints.post' });
    expect(button(card, 'Français').type).toBe('Action.ToggleVisibility');
  });

  it('answers "points de discussion" in French, says it is a working translation, English one click away', async () => {
    await bot.post(personal('points de discussion'));
    const card = lastCard();
    const text = shownText(card);
    expect(text).toContain('Points de discussion : médias sociaux personnels');
    expect(text).toContain(firstPoint.fr);
    expect(text).toContain('Traduction de travail');
    expect(text).toContain(content.source.fr.url);
    expect(button(card, 'English').targetElements).toEqual(['lang-en', 'lang-fr']);
    expect(visibleText([{ attachments: [{ content: card }] }])).toContain(firstPoint.en);
  });

  it('previews the discussion guide with where to turn and a psychologically safe space', async () => {
    await bot.post(personal('discussion guide'));
    const text = shownText(lastCard());
    expect(text).toContain('Where to turn');
    expect(text).toContain(content.byId.get('support.dispute-mechanisms')!.text.en);
    expect(text).toContain('Centre of Expertise on Mental Health in the Workplace');
    expect(text).toContain('A psychologically safe space to raise concerns');
  });
});

describe('posting to a team channel from the personal chat', () => {
  it('posts the card with the typed introduction into the chosen channel and links to it', async () => {
    const intro = 'For **Thursday** <at>Everyone</at> [x](https://evil.example)';
    const confirmCard = await flowToConfirm(intro);
    expect(flattenCardText(confirmCard as AdaptiveCardJson)).toContain(
      'Where: Digital Services › Values and Ethics Office',
    );
    await bot.post(click(button(confirmCard, 'Post').data));

    expect(creates()).toHaveLength(1);
    const body = creates()[0]!.body;
    expect(body.channelData.channel.id).toBe(VNE.id);
    const posted = body.activity.attachments[0].content;
    expect(posted.body[0]).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: intro, italic: true }],
    });
    expect(shownText(posted)).toContain(firstPoint.en);
    expect(actions(posted).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Useful for my team', 'Utile pour mon équipe']),
    );
    expect(shownText(posted)).toContain('No one has marked this useful for their team yet.');

    expect(lastText()).toMatch(
      /^Posted in Digital Services › Values and Ethics Office\. \[Open the post\]\(https:\/\/teams\.microsoft\.com\/l\/message\//,
    );
    const records = await bot.app.store.list<PostRecord>(POSTS, {
      where: { status: 'posted', channelId: VNE.id },
    });
    expect(records.at(-1)!.value).toMatchObject({
      by: MANAGER.aadObjectId,
      teamId: TEAM.id,
      channelId: VNE.id,
      lang: 'en',
      kind: 'talkingPoints',
      contentVersion: content.contentVersion,
    });
    expect(records.at(-1)!.value.postedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(bot.logs.text).not.toContain('Thursday');
  });

  it('posts only once when the same confirm arrives twice (double click or re-delivery)', async () => {
    const confirmCard = await flowToConfirm();
    const confirm = click(button(confirmCard, 'Post').data);
    await bot.post(confirm);
    await bot.post({ ...confirm, id: 'another-delivery' });
    await bot.post(confirm);
    expect(creates()).toHaveLength(1);
    expect(lastText()).toMatch(/^This was already posted in Digital Services › Values and Ethics Office/);
  });

  it('works by typing: numbers, names, and "post"; General is named when Teams leaves it unnamed', async () => {
    await bot.post(personal('discussion guide'));
    await bot.post(click(button(lastCard(), 'Post to a team channel').data));
    await bot.post(personal('Digital services'));
    expect(visibleText([{ attachments: [{ content: lastCard() }] }])).toContain('1. General');
    await bot.post(personal('1'));
    await bot.post(personal('skip'));
    await bot.post(personal('post'));
    expect(creates()).toHaveLength(1);
    expect(creates()[0]!.body.channelData.channel.id).toBe(TEAM.id);
    expect(shownText(creates()[0]!.body.activity.attachments[0].content)).toContain('Where to turn');
  });

  it('re-asks when the answer is not in the list, and "annuler" ends the flow', async () => {
    await bot.post(personal('talking points'));
    await bot.post(click(button(lastCard(), 'Post to a team channel').data));
    await bot.post(personal('Marketing'));
    expect(lastText()).toMatch(/^I did not find that in the list/);
    await bot.post(personal('annuler'));
    bot.connector.reset();
    await bot.post(personal('1'));
    expect(visibleText(sent())).not.toContain('Which channel');
    expect(creates()).toHaveLength(0);
  });

  it('refuses an introduction over the limit, and shows the card’s Cancel as cancelled', async () => {
    await bot.post(personal('talking points'));
    await bot.post(click(button(lastCard(), 'Post to a team channel').data));
    await bot.post(personal('1'));
    await bot.post(personal('2'));
    await bot.post(personal('x'.repeat(201)));
    expect(lastText()).toContain('201 characters; the limit is 200');
    await bot.post(click(button(lastCard(), 'Cancel').data));
    expect(lastText()).toBe('Cancelled: nothing was posted.');
  });
});

describe('failures, told plainly', () => {
  it('explains how to add the app to a team when no team can be offered', async () => {
    // Someone in none of the bot's teams (membership answers are cached for a minute, so a manager removed
    // from the team a moment ago would still be offered it).
    const outsider = {
      id: '29:outsider-user-id',
      name: 'Kim Roy',
      aadObjectId: 'aaaaaaaa-0000-4000-8000-0000000000ff',
    };
    await bot.post(personal('talking points', outsider));
    await bot.post(click(button(lastCard(), 'Post to a team channel').data, outsider));
    expect(lastText()).toMatch(/I am not in any team you belong to yet.*Add to a team/);
  });

  it('403: says the bot was removed or blocked and marks the team uninstalled', async () => {
    const confirmCard = await flowToConfirm();
    bot.connector.failNext(1, { status: 403, kinds: ['createConversation'] });
    await bot.post(click(button(confirmCard, 'Post').data));
    expect(lastText()).toMatch(/I have been removed from that team or blocked there/);
    expect((await bot.app.store.get<TeamRecord>(TEAMS, TEAM.id))?.value.installed).toBe(false);
    // The team comes back with the next activity from it.
    await bot.post(mention('help', { serviceUrl: bot.connector.url }));
    expect((await bot.app.store.get<TeamRecord>(TEAMS, TEAM.id))?.value.installed).toBe(true);
  });

  it('429 then success: retried as Teams asks, posted once', async () => {
    const confirmCard = await flowToConfirm();
    bot.connector.failNext(2, { status: 429, retryAfterSeconds: 0, kinds: ['createConversation'] });
    await bot.post(click(button(confirmCard, 'Post').data));
    expect(creates()).toHaveLength(1);
    expect(bot.connector.calls.filter((c) => c.kind === 'createConversation:failed:429')).toHaveLength(2);
    expect(lastText()).toMatch(/^Posted in/);
  });

  it('429 that does not clear: "Teams is busy", and the same Post works a minute later', async () => {
    const confirmCard = await flowToConfirm();
    // The gateway's five attempts, and no hidden retries under them: Teams said no five times.
    bot.connector.failNext(5, { status: 429, retryAfterSeconds: 0, kinds: ['createConversation'] });
    await bot.post(click(button(confirmCard, 'Post').data));
    expect(lastText()).toMatch(/^Teams is busy, so the card was not posted\. Try again in a minute/);
    expect(creates()).toHaveLength(0);
    expect(bot.connector.calls.filter((c) => c.kind === 'createConversation:failed:429')).toHaveLength(5);
    await bot.post(click(button(confirmCard, 'Post').data));
    expect(creates()).toHaveLength(1);
    expect(lastText()).toMatch(/^Posted in/);
  });

  it('500: retried with backoff, posted once', async () => {
    const confirmCard = await flowToConfirm();
    bot.connector.failNext(2, { status: 500, kinds: ['createConversation'] });
    await bot.post(click(button(confirmCard, 'Post').data));
    expect(bot.connector.calls.filter((c) => c.kind === 'createConversation:failed:500')).toHaveLength(2);
    expect(creates()).toHaveLength(1);
    expect(lastText()).toMatch(/^Posted in/);
  });

  it('a channel list Teams refuses (bot removed) is explained, and the team is marked uninstalled', async () => {
    bot.connector.failNext(1, { status: 403, kinds: ['channels'] });
    await bot.post(personal('talking points'));
    await bot.post(click(button(lastCard(), 'Post to a team channel').data));
    await bot.post(personal('1'));
    expect(lastText()).toMatch(/^I can no longer reach Digital Services/);
    expect((await bot.app.store.get<TeamRecord>(TEAMS, TEAM.id))?.value.installed).toBe(false);
    await bot.post(mention('help', { serviceUrl: bot.connector.url }));
  });
});

describe('in a channel', () => {
  it('"@bot talking points" posts the card right there, once per message, and records it', async () => {
    const ask = mention('talking points', { serviceUrl: bot.connector.url });
    await bot.post(ask);
    await bot.post(ask); // Teams re-delivers
    const cards = sent().filter((a) => a.attachments?.length);
    expect(cards).toHaveLength(1);
    expect(bot.connector.calls.find((c) => c.body === cards[0])!.conversationId).toBe(TEAM.id);
    expect(shownText(cards[0].attachments[0].content)).toContain(firstPoint.en);
    const records = await bot.app.store.list<PostRecord>(POSTS, {
      where: { scope: 'channel', teamId: TEAM.id },
    });
    expect(
      records.some((r) => r.value.intro === '' && r.value.activityId && r.value.channelId === TEAM.id),
    ).toBe(true);
  });

  it('"@bot guide de discussion" posts the French guide', async () => {
    await bot.post(mention('guide de discussion', { serviceUrl: bot.connector.url, locale: 'fr-CA' }));
    expect(shownText(lastCard())).toContain('Guide de discussion : médias sociaux personnels');
  });

  it('counts "Useful for my team" once per person and updates the card in place', async () => {
    await bot.post(mention('talking points', { serviceUrl: bot.connector.url }));
    const useful = button(lastCard(), 'Useful for my team');
    expect(useful).toMatchObject({ type: 'Action.Execute', verb: 'talkingPoints.useful' });
    expect(useful.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: 'talkingPoints.useful' } });

    const first = await bot.post(invoke('talkingPoints.useful', useful.data));
    expect(first.status).toBe(200);
    const reply = JSON.parse(first.body);
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(shownText(reply.value)).toContain('1 person found this useful for their team.');
    expect(bot.connector.calls.filter((c) => c.kind === 'update')).toHaveLength(1);

    const again = JSON.parse((await bot.post(invoke('talkingPoints.useful', useful.data))).body);
    expect(shownText(again.value)).toContain('1 person found this useful');
    const other = JSON.parse((await bot.post(invoke('talkingPoints.useful', useful.data, OFFICER))).body);
    expect(shownText(other.value)).toContain('2 people found this useful');
    const update = bot.connector.calls.filter((c) => c.kind === 'update').at(-1)!;
    expect(shownText(update.body.attachments[0].content)).toContain('2 people found this useful');
    // Counts only: the card never names who clicked.
    expect(JSON.stringify(other.value)).not.toContain(OFFICER.name);
  });

  it('shows each viewer the posted card in their own language when Teams refreshes it', async () => {
    await bot.post(mention('talking points', { serviceUrl: bot.connector.url }));
    const posted = lastCard();
    expect(posted.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'talkingPoints.view' } });
    // no userIds: Teams refreshes it for everyone in a conversation of up to 60 people
    expect(posted.refresh.userIds).toBeUndefined();
    const view = (from = MANAGER, locale?: string) =>
      bot
        .post(invoke('talkingPoints.view', posted.refresh.action.data, from, locale))
        .then((r) => JSON.parse(r.body));

    const french = await view(OFFICER, 'fr-CA');
    expect(french.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(shownText(french.value)).toContain('Points de discussion : médias sociaux personnels');
    expect(shownText(french.value)).toContain(firstPoint.fr);
    expect(shownText(french.value)).not.toContain(firstPoint.en);
    // the English text is still in the card, one toggle away, and the refresh stays for the next viewer
    expect(flattenCardText(french.value)).toContain(firstPoint.en);
    expect(french.value.refresh.action.verb).toBe('talkingPoints.view');

    const english = await view(MANAGER, 'en-CA');
    expect(shownText(english.value)).toContain(firstPoint.en);
    expect(shownText(english.value)).not.toContain(firstPoint.fr);

    // a language chosen in the personal chat wins over the client's locale
    await bot.post(personal('français', OFFICER));
    const saved = await view(OFFICER, 'en-CA');
    expect(shownText(saved.value)).toContain(firstPoint.fr);
  });

  it("answers a refresh for a card it no longer knows with a short message in the viewer's language", async () => {
    const reply = JSON.parse(
      (await bot.post(invoke('talkingPoints.view', { postId: 'gone' }, OFFICER, 'fr-CA'))).body,
    );
    expect(reply.type).toBe('application/vnd.microsoft.activity.message');
    expect(reply.value).toBe('Je n’ai plus de trace de cette carte; le texte ci-dessus est inchangé.');
  });

  it('counts a vote sent by the Action.Submit fallback too', async () => {
    await bot.post(mention('talking points', { serviceUrl: bot.connector.url }));
    const fallback = button(lastCard(), 'Useful for my team').fallback;
    await bot.post(submit(fallback.data, { serviceUrl: bot.connector.url, conversationType: 'channel' }));
    const update = bot.connector.calls.find((c) => c.kind === 'update')!;
    expect(shownText(update.body.attachments[0].content)).toContain('1 person found this useful');
  });

  it('never starts the post flow in a channel', async () => {
    await bot.post(
      submit(
        { verb: 'talkingPoints.post', kind: 'talkingPoints' },
        { serviceUrl: bot.connector.url, conversationType: 'channel' },
      ),
    );
    expect(lastText()).toMatch(/^To post in a team channel, use our personal chat/);
  });
});
