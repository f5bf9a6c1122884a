import { message, mention, submit, MANAGER } from '../support/activities';
import { formatDate } from '../../src/features/sawPost/cards';
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
      `Kept until ${formatDate(new Date(Date.now() + 45 * 86_400_000).toISOString(), 'en')}`,
    );
    const recordId = (await records('aad-clicker'))[0]!.id;
    const actions = replies[0].attachments[0].content.actions;
    expect(actions[0].data).toEqual({ verb: 'escalate', office: 'valuesEthics', recordId });
    expect(actions[1].data).toEqual({ verb: 'escalate', office: 'ombud', recordId });

    // Teams re-sends an activity it thinks timed out: still one record.
    await send(final);
    expect(await records('aad-clicker')).toHaveLength(1);

    // Notes are never logged.
    expect(bot.logs.text).not.toContain(NOTE);
    expect(bot.logs.text).toMatch(/"event":"sawPost.recorded"/);

    const list = await send(message('my records', o));
    expect(list.text).toMatch(/My records[\s\S]*deleted 45 days after/);
    const open = list.replies[0].attachments[0].content.actions[0];
    expect(open.title).toMatch(/It was highlighted on social media/);
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

  it('"help" mid-flow shows the help card and the same step again; "cancel" stops and records nothing', async () => {
    const o = as('helper');
    await send(message('I saw a post', o));
    await send(message('next', o));
    const help = await send(message('help', o));
    expect(help.text).toMatch(/What I can do[\s\S]*How did the post come to your attention/);
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
    expect(text).toMatch(/Back to step 1 of “I saw a post”/);
    expect(text).not.toMatch(/Start “I saw a post”/);
  });

  it('offers (does not push) the walk-through after a question describing a post, and the offer starts it', async () => {
    const o = as('offered');
    const { replies, text } = await send(
      message('A colleague showed me a post by one of my employees. What should I do?', o),
    );
    expect(text).toMatch(/Would you like me to walk you through/);
    const offer = replies.at(-1).attachments[0].content.actions[0];
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
