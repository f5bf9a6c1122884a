import { botInstalled, memberAdded, mention, message, submit, MANAGER, TEAM } from '../support/activities';
import { startBot, visibleText, type RunningBot } from '../support/harness';

/** The real server on loopback with the fake Bot Connector: what Teams would see. */
describe('HTTP edge', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.reset());
  const opts = () => ({ serviceUrl: bot.connector.url });

  it('reports alive and ready', async () => {
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers malformed JSON with 400 and no internals', async () => {
    const response = await bot.post('{"type": "message", "text": ');
    expect(response.status).toBe(400);
    expect(response.body).not.toMatch(/Unexpected|JSON at|position|stack|at Object/i);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = message('x'.repeat(300 * 1024), opts());
    const response = await bot.post(huge);
    expect(response.status).toBe(413);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('does not parse url-encoded or multipart bodies', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: 'type=message&text=help',
      });
      expect([400, 415]).toContain(response.status);
    }
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('acknowledges and ignores unknown and missing activity types', async () => {
    const unknown = { ...message('hi', opts()), type: 'somethingNew' };
    expect((await bot.post(unknown)).status).toBe(200);
    const { type: _dropped, ...untyped } = message('hi', opts());
    expect((await bot.post(untyped)).status).toBe(200);
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('replies to "help" with the help card in English, each command a button', async () => {
    const response = await bot.post(message('help', opts()));
    expect(response.status).toBe(200);
    const [reply] = bot.connector.sentActivities();
    expect(bot.connector.calls[0]!.kind).toBe('reply');
    const card = reply.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.5');
    expect(card.content.body[0].text).toBe('What I can do');
    const actions = card.content.actions as { title: string; data: { verb: string } }[];
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.length).toBeLessThanOrEqual(6);
    expect(actions.map((a) => a.title)).toContain('Français');
    expect(actions.every((a) => a.data.verb === 'command')).toBe(true);
  });

  it.each([
    ['aide', 'en-US'],
    ['bonjour', 'en-US'],
  ])('replies to %p in French even from an English client', async (text, locale) => {
    await bot.post(message(text, { ...opts(), locale, from: { ...MANAGER, id: `29:fr-${text}` } }));
    const [reply] = bot.connector.sentActivities();
    expect(reply.attachments[0].content.body[0].text).toBe('Ce que je peux faire');
  });

  it('uses the client locale when the message does not say which language', async () => {
    await bot.post(message('🙂', { ...opts(), locale: 'fr-CA', from: { ...MANAGER, id: '29:fr-locale' } }));
    expect(bot.connector.sentActivities()[0].text).toMatch(/Je n’ai pas trouvé de question/);
  });

  it('remembers "français" for later turns and "English" switches back', async () => {
    const from = { ...MANAGER, id: '29:switcher' };
    await bot.post(message('français', { ...opts(), from }));
    expect(bot.connector.sentActivities()[0].text).toMatch(/en français/);
    await bot.post(message('help', { ...opts(), from }));
    expect(bot.connector.sentActivities()[1].attachments[0].content.body[0].text).toBe(
      'Ce que je peux faire',
    );
    await bot.post(message('English', { ...opts(), from }));
    await bot.post(message('help', { ...opts(), from }));
    expect(bot.connector.sentActivities()[3].attachments[0].content.body[0].text).toBe('What I can do');
  });

  it('switches language from the help card button', async () => {
    const from = { ...MANAGER, id: '29:button-switcher' };
    await bot.post(submit({ verb: 'command', command: 'language' }, { ...opts(), from }));
    expect(bot.connector.sentActivities()[0].text).toMatch(/français/);
  });

  it.each([['   '], ['🙂👍🎉'], ['?!…']])('answers %p politely instead of staying silent', async (text) => {
    await bot.post(message(text, opts()));
    const replies = bot.connector.sentActivities();
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/did not find a question/);
  });

  it('answers a 10,000-character message, saying it read only the beginning', async () => {
    const long = 'Can I tell my team not to post about the election? '.repeat(200).slice(0, 10_000);
    expect((await bot.post(message(long, opts()))).status).toBe(200);
    const replies = bot.connector.sentActivities();
    expect(replies[0].text).toMatch(/read only its first 2,000 characters/);
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies[1].attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('says it reads text only when a file or image arrives', async () => {
    const withFile = message('', {
      ...opts(),
      attachments: [
        { contentType: 'image/png', contentUrl: 'https://example.invalid/x.png', name: 'post.png' },
      ],
    });
    await bot.post(withFile);
    const replies = bot.connector.sentActivities();
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/I can only read text/);
  });

  it('ignores the HTML copy Teams attaches to ordinary messages', async () => {
    await bot.post(
      message('help', { ...opts(), attachments: [{ contentType: 'text/html', content: '<p>help</p>' }] }),
    );
    expect(visibleText(bot.connector.sentActivities())).not.toMatch(/only read text/);
  });

  it('answers an unknown card action with a way forward, not silence', async () => {
    await bot.post(submit({ verb: 'no-such-verb' }, opts()));
    const text = visibleText(bot.connector.sentActivities());
    expect(text).toMatch(/no longer available/);
    expect(text).toMatch(/What I can do/);
  });

  it('welcomes a personal install once with the privacy notice, even when Teams repeats the event', async () => {
    const install = botInstalled({ ...opts(), conversationId: 'a:new-personal-chat' });
    await bot.post(install);
    await bot.post({ ...install, id: 'repeat' });
    const sends = bot.connector.sentActivities();
    expect(sends).toHaveLength(1);
    const text = visibleText(sends);
    expect(text).toMatch(/do not make decisions about anyone/);
    expect(text).toMatch(/deleted after 90 days/);
  });

  it('posts one welcome in the team channel on team install, and nothing when a person joins', async () => {
    await bot.post(botInstalled({ ...opts(), conversationType: 'channel', conversationId: TEAM.id }));
    await bot.post(memberAdded({ ...opts(), conversationType: 'channel', conversationId: TEAM.id }));
    const sends = bot.connector.sentActivities();
    expect(sends).toHaveLength(1);
    expect(bot.connector.calls[0]!.conversationId).toBe(TEAM.id);
    expect(visibleText(sends)).toMatch(/now available to this team/);
    expect(visibleText(sends)).toMatch(/Mentionnez-moi/);
  });

  it('answers "help" when @mentioned in a channel', async () => {
    await bot.post(mention('help', opts()));
    expect(bot.connector.sentActivities()[0].attachments[0].content.body[0].text).toBe('What I can do');
  });

  it('turns a failure inside a turn into a polite message and logs no user text', async () => {
    bot.connector.failNext(1, { status: 403, kinds: ['reply'] });
    const response = await bot.post(message('help', opts()));
    expect(response.status).toBe(200);
    const replies = bot.connector.sentActivities();
    expect(replies.at(-1).text).toMatch(/something went wrong on my side/);
    expect(replies.at(-1).text).not.toMatch(/403|Error|stack/);
    expect(bot.logs.text).toContain('"event":"turn.error"');
  });
});

describe('readiness', () => {
  it('reports not ready when storage is unreachable', async () => {
    const bot = await startBot();
    try {
      await bot.app.store.close();
      const response = await fetch(`${bot.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready' });
    } finally {
      await bot.stop().catch(() => undefined);
    }
  });
});
