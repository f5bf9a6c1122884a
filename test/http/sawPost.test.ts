import type { Activity } from 'botbuilder';
import { message, mention, submit, MANAGER } from '../support/activities';
import { systemClock } from '../../src/shared/clock';
import { formatDay } from '../../src/shared/dates';
import { startBot, visibleText, type RunningBot } from '../support/harness';

/** "I saw a post" through the real server (restify + CloudAdapter + SQLite) and the fake Bot Connector. */

const STEP = 'sawPost.step';
const NOTE = 'Spoke with the team lead about context';

describe('I saw a post over HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ env: { RECORD_RETENTION_DAYS: '45' } });
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());

  /** Each test is its own manager, so conversations (and their dialog state) never mix. */
  const as = (id: string, locale = 'en-CA') => ({
    serviceUrl: bot.connector.url,
    locale,
    from: { ...MANAGER, id: `29:${id}`, aadObjectId: `aad-${id}` },
  });

  /** Posts and returns what the bot sent for that activity only. */
  async function send(
    activity: Parameters<RunningBot['post']>[0],
  ): Promise<{ text: string; replies: any[] }> {
    const before = bot.connector.sentActivities().length;
    const response = await bot.post(activity);
    expect(response.status).toBe(200);
    const replies = bot.connector.sentActivities().slice(before);
    return { text: visibleText(replies), replies };
  }

  const records = async (owner: string) =>
    (await bot.app.store.list<{ owner: string }>('records')).filter((d) => d.value.owner === owner);

  it('offers the walk-through on the help card', async () => {
    const { replies } = await send(message('help', as('help')));
    const titles = replies[0].attachments[0].content.actions.map((a: { title: string }) => a.title);
    expect(titles).toContain('I saw a post');
  });

  it('walks the whole "not sure" flow by clicking and leaves a record, shown again by "my records"', async () => {
    const o = as('clicker');
    expect((await send(message('I saw a post', o))).text).toMatch(
      /Before you start[\s\S]*not be routinely monitoring/,
    );
    expect((await send(submit({ verb: STEP, step: 'framing' }, o))).text).toMatch(/How did the post come/);
    expect((await send(submit({ verb: STEP, step: 'how', choice: 'socialMedia' }, o))).text).toMatch(
      /clearly violate the Values and Ethics Code/,
    );
    expect((await send(submit({ verb: STEP, step: 'violation', choice: 'notSure' }, o))).text).toMatch(
      /Understand the context/,
    );
    await send(submit({ verb: STEP, step: 'context', note: NOTE }, o));
    for (const step of ['conversations', 'bias', 'wellBeing', 'intentions'])
      await send(submit({ verb: STEP, step }, o));
    await send(submit({ verb: STEP, step: 'consult', choice: 'recurrence,takeDown' }, o));
    expect((await send(submit({ verb: STEP, step: 'involve', choice: 'valuesEthics' }, o))).text).toMatch(
      /Communicate the decision/,
    );
    const final = submit({ verb: STEP, step: 'communicate' }, o);
    const { text, replies } = await send(final);
    expect(text).toMatch(/Your record: I saw a post/);
    expect(text).toContain(NOTE);
    expect(text).toMatch(/Should the post be taken down\?/);
    // Deleted 45 days (RECORD_RETENTION_DAYS) after today, whatever day the test runs.
    expect(text).toContain(
      `kept until ${formatDay(new Date(Date.now() + 45 * 86_400_000).toISOString(), 'en')}`,
    );
    const recordId = (await records('aad-clicker'))[0]!.id;
    const escalations = JSON.stringify(replies[0].attachments[0].content.body);
    expect(escalations).toContain(JSON.stringify({ verb: 'escalate', office: 'valuesEthics', recordId }));
    expect(escalations).toContain(JSON.stringify({ verb: 'escalate', office: 'ombud', recordId }));

    // Teams re-sends an activity it thinks timed out: still one record.
    await send(final);
    expect(await records('aad-clicker')).toHaveLength(1);

    // Notes are never logged.
    expect(bot.logs.text).not.toContain(NOTE);
    expect(bot.logs.text).toMatch(/"event":"sawPost.recorded"/);

    const list = await send(message('my records', o));
    expect(list.text).toMatch(/My records[\s\S]*deleted 45 days after/);
    expect(list.text).toMatch(/It was highlighted on social media/);
    const open = list.replies[0].attachments[0].content.body[2].items[1].actions[0];
    expect(open.title).toBe('Open');
    expect((await send(submit(open.data, o))).text).toContain(NOTE);
    // Someone else cannot open it.
    expect((await send(submit(open.data, as('intruder')))).text).toMatch(/no longer exists/);
    expect((await send(submit({ verb: 'sawPost.done' }, o))).text).toMatch(/Type “my records”/);
  });

  it('works by typing in French, and "mes dossiers" lists the record', async () => {
    const o = as('typist-fr', 'fr-CA');
    const inputs = ['j’ai vu une publication', 'continuer', 'collègue', '3'];
    let last = '';
    for (const text of inputs) last = (await send(message(text, o))).text;
    expect(last).toMatch(/Urgent[\s\S]*Des renseignements ont peut-être été divulgués sans autorisation/);
    expect(last).toMatch(/Suivez les protocoles de votre organisation/);
    expect((await send(message('créer mon dossier', o))).text).toMatch(/Votre dossier/);
    expect((await send(message('mes dossiers', o))).text).toMatch(/Mes dossiers/);
  });

  it('"help" mid-flow says where you are and what is kept, then the same step; "cancel" stops and records nothing', async () => {
    const o = as('helper');
    await send(message('I saw a post', o));
    await send(message('next', o));
    const help = await send(message('help', o));
    expect(help.text).toMatch(
      /at step 2 of 11; your answers so far are kept[\s\S]*How did the post come to your attention/,
    );
    const cancel = await send(message('cancel', o));
    expect(cancel.text).toMatch(/Stopped\. Nothing was recorded/);
    expect(cancel.text).toMatch(/What I can do/);
    expect((await send(message('1', o))).text).not.toMatch(/clearly violate/);
    expect(await records('aad-helper')).toHaveLength(0);
  });

  it('"back" and an invalid choice work through the edge', async () => {
    const o = as('backer');
    await send(message('I saw a post', o));
    await send(message('next', o));
    expect((await send(message('banana', o))).text).toMatch(/not one of the options[\s\S]*1\. A media query/);
    expect((await send(message('back', o))).text).toMatch(/Before you start/);
    expect((await send(message('retour', o))).text).toMatch(/first step/);
  });

  it('switches language mid-flow: "français" re-prompts the current step in French at once', async () => {
    const o = as('switcher');
    await send(message('I saw a post', o));
    await send(message('next', o));
    const switched = await send(message('français', o));
    expect(switched.text).toMatch(/Je vous répondrai désormais en français/);
    expect(switched.text).toMatch(/Comment la publication a-t-elle été portée à votre attention/);
    expect((await send(message('médias', o))).text).toMatch(/relations avec les médias/);
    expect((await send(message('English', o))).text).toMatch(/Does the post clearly violate/);
  });

  it('answers a question typed mid-flow, without an offer, then resumes', async () => {
    const o = as('asker');
    await send(message('I saw a post', o));
    const { text } = await send(message('Should I monitor my employees social media accounts?', o));
    expect(text).toMatch(/Managers generally should not be routinely monitoring/);
    expect(text).toMatch(/Back to step 1 of 11 of “I saw a post”/);
    expect(text).not.toMatch(/Start “I saw a post”/);
  });

  it('offers (does not push) the walk-through after a question describing a post, and the offer starts it', async () => {
    const o = as('offered');
    const { replies, text } = await send(
      message('A colleague showed me a post by one of my employees. What should I do?', o),
    );
    expect(text).toMatch(/Would you like me to walk you through/);
    // One message: the answer's card, then the offer under it (not a second message a moment later).
    expect(replies).toHaveLength(1);
    const [answerCard, offerCard] = replies[0].attachments;
    expect(JSON.stringify(answerCard.content)).toMatch(/From the guidance for managers/);
    const offer = offerCard.content.actions[0];
    expect(offer.title).toBe('Start “I saw a post”');
    expect((await send(submit(offer.data, o))).text).toMatch(/Before you start/);
  });

  it('in a channel, says to continue in personal chat and nothing more', async () => {
    const { replies, text } = await send(mention('I saw a post', as('channel')));
    expect(replies).toHaveLength(1);
    expect(text).toMatch(/only in our personal chat[\s\S]*type "I saw a post"/);
    expect((await send(mention('my records', as('channel')))).text).toMatch(/type "My records"/);
  });

  it('a step button after the walk-through ended says so', async () => {
    expect((await send(submit({ verb: STEP, step: 'how', choice: 'media' }, as('late')))).text).toMatch(
      /has ended/,
    );
  });
});

describe('I saw a post across a restart', () => {
  it('resumes at the same step after the process restarts on the same database', async () => {
    const first = await startBot();
    const o = {
      serviceUrl: first.connector.url,
      from: { ...MANAGER, id: '29:restart', aadObjectId: 'aad-r' },
    };
    await first.post(message('I saw a post', o));
    await first.post(message('next', o));
    await first.post(message('2', o));
    await first.stop({ keepData: true });

    const second = await startBot({ dataDir: first.dataDir });
    try {
      await second.post(message('help', { ...o, serviceUrl: second.connector.url }));
      expect(visibleText(second.connector.sentActivities())).toMatch(/Does the post clearly violate/);
      await second.post(message('back', { ...o, serviceUrl: second.connector.url }));
      expect(visibleText(second.connector.sentActivities())).toMatch(
        /How did the post come to your attention/,
      );
    } finally {
      await second.stop();
    }
  });
});

describe('records in the manager’s time zone, deleted or copied on request (#17)', () => {
  /** 00:08 UTC on December 6 2025: still December 5 at 7:08 p.m. on a manager's clock in Ottawa. */
  const AT = new Date('2025-12-06T00:08:00.000Z');
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ clock: { ...systemClock, now: () => new Date(AT) } });
  });
  afterAll(async () => bot.stop());

  const as = (id: string, extra: { locale?: string; zone?: string; stamp?: string } = {}) => ({
    serviceUrl: bot.connector.url,
    locale: extra.locale ?? 'en-CA',
    from: { ...MANAGER, id: `29:${id}`, aadObjectId: `aad-${id}` },
    zone: extra.zone,
    stamp: extra.stamp,
  });
  type Who = ReturnType<typeof as>;
  /** What Teams sends: the user's zone (localTimezone) and local time with its offset (localTimestamp). */
  const withZone = (activity: Activity, who: Who): Activity => {
    if (who.zone) activity.localTimezone = who.zone;
    if (who.stamp) (activity as unknown as { localTimestamp: string }).localTimestamp = who.stamp;
    return activity;
  };
  async function send(activity: Activity, who: Who): Promise<{ text: string; replies: any[] }> {
    const before = bot.connector.sentActivities().length;
    expect((await bot.post(withZone(activity, who))).status).toBe(200);
    const replies = bot.connector.sentActivities().slice(before);
    return { text: visibleText(replies), replies };
  }
  const say = (text: string, who: Who) => send(message(text, who), who);
  /** Markdown escapes removed: what Teams displays of an escaped TextBlock or message. */
  const shown = (text: string) => text.replace(/\\(.)/g, '$1');
  const click = (value: Record<string, unknown>, who: Who) => send(submit(value, who), who);

  /** A clear-violation walk-through, typed: four steps, then the record. */
  async function record(who: Who, note: string, words = ['I saw a post', 'next', 'colleague', '1']) {
    for (const w of words) await say(w, who);
    await say(`note: ${note}`, who);
    return say(words[0] === 'I saw a post' ? 'create' : 'créer', who);
  }

  function findAction(replies: any[], title: string): { title: string; data: Record<string, unknown> } {
    let found: any;
    const walk = (node: any): void => {
      if (found || !node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      if (node.type === 'Action.Submit' && node.title === title) found = node;
      else Object.values(node).forEach(walk);
    };
    walk(replies);
    if (!found) throw new Error(`no "${title}" button`);
    return found;
  }

  it('dates the record in the zone Teams sends (localTimezone), with French typography in French', async () => {
    const ottawa = as('tz-ottawa', { zone: 'America/Toronto' });
    expect((await record(ottawa, 'first')).text).toContain('Created December 5, 2025 at 7:08 p.m.');
    const vancouver = as('tz-vancouver', { zone: 'America/Vancouver' });
    expect((await record(vancouver, 'second')).text).toContain('Created December 5, 2025 at 4:08 p.m.');
    const gatineau = as('tz-gatineau', { zone: 'America/Toronto', locale: 'fr-CA' });
    const fr = await record(gatineau, 'troisième', ['j’ai vu une publication', 'suivant', 'collègue', '1']);
    expect(fr.text).toContain('Créé le 5 décembre 2025 à 19 h 08;');
    // The same record seen later from another zone is dated in that zone.
    const list = await say('my records', { ...ottawa, zone: 'America/Halifax' });
    expect(shown(list.text)).toContain('December 5, 2025 at 8:08 p.m.: A colleague saw it and reported it');
  });

  it('falls back to the offset of localTimestamp, then to DEFAULT_TIME_ZONE (America/Toronto)', async () => {
    const offset = as('tz-offset', { stamp: '2025-12-05T18:08:00.000-06:00' });
    expect((await record(offset, 'x')).text).toContain('Created December 5, 2025 at 6:08 p.m.');
    const none = as('tz-none');
    expect((await record(none, 'y')).text).toContain('Created December 5, 2025 at 7:08 p.m.');
  });

  it('"My records" shows each full title as text, with a short "Open" button', async () => {
    const who = as('titles', { zone: 'America/Toronto' });
    await record(who, 'a note');
    const { replies } = await say('my records', who);
    const card = replies[0].attachments[0].content;
    const title = card.body[2].items[0];
    expect(title).toMatchObject({ type: 'TextBlock', wrap: true });
    expect(shown(title.text)).toBe('December 5, 2025 at 7:08 p.m.: A colleague saw it and reported it');
    expect(card.actions ?? []).toEqual([]);
    expect(findAction(replies, 'Open').data.verb).toBe('sawPost.record');
    const fr = await say('mes dossiers', { ...who, locale: 'fr-CA' });
    expect(shown(fr.text)).toContain('5 décembre 2025 à 19 h 08 : Un collègue l’a vue et signalée');
    expect(findAction(fr.replies, 'Ouvrir').data.verb).toBe('sawPost.record');
  });

  it('deletes a record only after confirmation, idempotently, and only the owner’s', async () => {
    const who = as('deleter', { zone: 'America/Toronto' });
    const made = await record(who, 'to be deleted');
    const ask = await click(findAction(made.replies, 'Delete').data, who);
    expect(ask.text).toContain('Delete this record?');
    expect(shown(ask.text)).toContain('December 5, 2025 at 7:08 p.m.: A colleague saw it and reported it');
    expect((await bot.app.store.list('records')).some((d) => (d.value as any).owner === 'aad-deleter')).toBe(
      true,
    );
    // "Keep it" changes nothing.
    expect((await click(findAction(ask.replies, 'Keep it').data, who)).text).toContain(
      'Nothing was deleted: your record is kept until',
    );
    // Someone else's click on the confirmation deletes nothing.
    const confirm = findAction(ask.replies, 'Delete it').data;
    expect((await click(confirm, as('intruder'))).text).toContain('That record no longer exists');
    // The owner's confirmation deletes; Teams re-sending the same activity gets the same answer.
    const activity = submit(confirm, who);
    const first = await send(activity, who);
    expect(first.text).toBe('Your record is deleted. Type “my records” to see the others.');
    expect((await send(activity, who)).text).toBe(first.text);
    expect((await click(confirm, who)).text).toBe(
      'That record was already deleted. Nothing else was changed.',
    );
    expect((await bot.app.store.list('records')).some((d) => (d.value as any).owner === 'aad-deleter')).toBe(
      false,
    );
    expect((await say('my records', who)).text).toMatch(/You have no records/);
    expect(bot.logs.text).not.toContain('to be deleted');
  });

  it('sends a copy to keep: the whole record, notes included, as a message in the personal chat', async () => {
    const who = as('copier', { zone: 'America/Toronto' });
    const made = await record(who, 'spoke with *HR* first');
    const copy = await click(findAction(made.replies, 'Send me a copy').data, who);
    expect(copy.replies).toHaveLength(1);
    expect(copy.replies[0].conversation.id).toBe('a:personal-29:copier');
    const text = copy.replies[0].text as string;
    expect(text).toContain('Copy of your “I saw a post” record, to keep');
    expect(shown(text)).toContain('Created December 5, 2025 at 7:08 p.m.');
    expect(shown(text)).toContain('A colleague saw it and reported it');
    expect(text).toContain('spoke with \\*HR\\* first'); // shown as typed, not as markdown
    expect(shown(text)).toContain(
      'This copy stays in this chat, visible only to you, after the record itself is deleted',
    );
    const fr = await click(findAction(made.replies, 'Send me a copy').data, { ...who, locale: 'fr-CA' });
    expect(fr.text).toBeTruthy();
  });
});
